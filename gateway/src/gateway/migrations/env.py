from antena_common.db import alembic_env
from gateway.adapters.orm import metadata

alembic_env(metadata)
