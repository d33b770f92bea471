from antena_common.db import alembic_env
from network.adapters.orm import metadata

alembic_env(metadata)
