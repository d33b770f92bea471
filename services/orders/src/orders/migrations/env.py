from antena_common.db import alembic_env
from orders.adapters.orm import metadata

alembic_env(metadata)
