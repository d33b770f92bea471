from antena_common.db import alembic_env
from sales.adapters.orm import metadata

alembic_env(metadata)
