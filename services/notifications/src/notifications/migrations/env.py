from antena_common.db import alembic_env
from notifications.adapters.orm import metadata

alembic_env(metadata)
