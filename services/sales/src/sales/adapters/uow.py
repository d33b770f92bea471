from sqlalchemy import event

from antena.sales.v1 import events_pb2
from antena_common.db import UnitOfWork

from ..domain.model import Ticket
from .repository import LeadRepository, ProspectRepository, TicketRepository


class SalesUnitOfWork(UnitOfWork):
    """Also publishes sales.ticket_changed for every ticket the transaction
    inserts or updates, whichever use case changed it."""

    def _start(self, session) -> None:
        self.leads = LeadRepository(session)
        self.prospects = ProspectRepository(session)
        self.tickets = TicketRepository(session)
        self._changed_tickets: dict[str, Ticket] = {}
        event.listen(session, "before_flush", self._note_changed_tickets)

    def _note_changed_tickets(self, session, flush_context, instances) -> None:
        for obj in session.new:
            if isinstance(obj, Ticket):
                self._changed_tickets[obj.id] = obj
        for obj in session.dirty:
            if isinstance(obj, Ticket) and session.is_modified(obj):
                self._changed_tickets[obj.id] = obj

    def commit(self) -> None:
        self.session.flush()
        for ticket in self._changed_tickets.values():
            self.publish("ticket_changed", events_pb2.TicketChanged(
                ticket_id=ticket.id, state=ticket.state, updated_at=ticket.updated_at.isoformat()))
        self._changed_tickets.clear()
        super().commit()
