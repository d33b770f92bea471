from antena_common.db import alembic_env
from billing.adapters.orm import metadata

alembic_env(metadata)
