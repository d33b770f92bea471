from antena_common.db import UnitOfWork

from .repository import LeadRepository, ProspectRepository, TicketRepository


class SalesUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        self.leads = LeadRepository(session)
        self.prospects = ProspectRepository(session)
        self.tickets = TicketRepository(session)
