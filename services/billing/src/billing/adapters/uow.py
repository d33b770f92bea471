from antena_common.db import UnitOfWork

from .repository import catalog_tables


class BillingUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        for name, repo in catalog_tables(session).items():
            setattr(self, name, repo)
