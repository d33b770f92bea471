from antena_common.db import alembic_env
from portal.adapters.orm import metadata

alembic_env(metadata)
