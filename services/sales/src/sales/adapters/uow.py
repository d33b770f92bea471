from antena_common.db import UnitOfWork

from .repository import LeadRepository


class SalesUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        self.leads = LeadRepository(session)
