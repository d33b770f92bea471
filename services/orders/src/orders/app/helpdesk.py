"""Use cases of the help desk: support tickets, comments, orders from a ticket."""
from __future__ import annotations

from antena.orders.v1 import events_pb2
from antena_common.errors import FieldErrors
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import helpdesk, model
from ..domain.helpdesk import SupportTicket
from ..domain.model import Actor
from .orders import order_created_event


def _updated(uow, ticket: SupportTicket, comment: str = "") -> None:
    uow.publish("support_ticket_updated", events_pb2.SupportTicketUpdated(
        support_ticket_id=ticket.id, customer_id=ticket.customer_id, status=ticket.status, comment=comment,
        customer_email=ticket.customer_email))


def open_ticket(uow, *, customer_id: str, subject: str, description: str = "", contract_id: str = "",
                customer_name: str = "", customer_email: str = "", priority: str = "", assignee_id: str = "",
                channel: str = "staff", created_by: str = "") -> SupportTicket:
    ticket = SupportTicket.open(customer_id=customer_id, subject=subject, description=description,
                                contract_id=contract_id, customer_name=customer_name, customer_email=customer_email,
                                priority=priority, assignee_id=assignee_id, channel=channel, created_by=created_by)
    with uow:
        uow.support.add(ticket)
        uow.publish("support_ticket_opened", events_pb2.SupportTicketOpened(
            support_ticket_id=ticket.id, customer_id=ticket.customer_id, contract_id=ticket.contract_id,
            subject=ticket.subject, priority=ticket.priority, customer_email=ticket.customer_email))
        uow.commit()
    return ticket


def get_ticket(uow, ticket_id: str, customer_id: str = "") -> tuple[SupportTicket, list, list[str]]:
    with uow:
        ticket = uow.support.get(ticket_id, customer_id=customer_id)
        return ticket, uow.support.comments(ticket.id), uow.support.order_ids(ticket.id)


def list_tickets(uow, *, status: str = "", customer_id: str = "", assignee_id: str = "", priority: str = "",
                 limit: int | None = None, cursor: str | None = None) -> tuple[list[SupportTicket], str]:
    errors = FieldErrors()
    errors.check(not status or status in helpdesk.STATUSES, "status", "one of " + ", ".join(helpdesk.STATUSES))
    errors.check(not priority or priority in helpdesk.PRIORITIES, "priority", "one of " + ", ".join(helpdesk.PRIORITIES))
    errors.raise_if_any()
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.support.list(status=status, customer_id=customer_id, assignee_id=assignee_id, priority=priority,
                                 after_id=after[0] if after else None, limit=limit + 1)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor


def update_ticket(uow, ticket_id: str, *, status: str | None = None, priority: str | None = None,
                  assignee_id: str | None = None) -> SupportTicket:
    with uow:
        ticket = uow.support.get(ticket_id)
        changed = ticket.change(status=status, priority=priority, assignee_id=assignee_id)
        if changed:
            _updated(uow, ticket, "; ".join(changed))
        uow.commit()
    return ticket


def comment(uow, ticket_id: str, text: str, *, author_id: str, customer_id: str = "") -> SupportTicket:
    with uow:
        ticket = uow.support.get(ticket_id, customer_id=customer_id)
        entry = ticket.comment(text, author_id=customer_id or author_id,
                               author_kind="customer" if customer_id else "staff")
        uow.support.add_comment(entry)
        _updated(uow, ticket, entry.text)
        uow.commit()
    return ticket


def order_from_ticket(uow, ticket_id: str, *, kind: str, notes: str = "", address: dict | None = None,
                      lat: float | None = None, lon: float | None = None, zone_id: str = "", connection_id: str = "",
                      actor: Actor) -> model.Order:
    errors = FieldErrors()
    errors.check(kind in ("technical", "removal"), "kind", "technical or removal")
    errors.check(len(notes or "") <= 5000, "notes", "at most 5000 characters")
    errors.raise_if_any()
    with uow:
        ticket = uow.support.get(ticket_id)
        ticket.require_open_for_orders()
        order = model.Order.open(
            kind=kind, actor=actor, support_ticket_id=ticket.id, contract_id=ticket.contract_id,
            customer_id=ticket.customer_id, connection_id=connection_id, customer_name=ticket.customer_name,
            customer_email=ticket.customer_email, address=address or {}, lat=lat, lon=lon, zone_id=zone_id,
            notes=notes or f"{ticket.subject}\n{ticket.description}".strip())
        uow.orders.add(order)
        uow.publish("order_created", order_created_event(order))
        if ticket.status == helpdesk.OPEN:
            ticket.change(status=helpdesk.IN_PROGRESS)
        _updated(uow, ticket, f"{kind} order {order.id}")
        uow.commit()
    return order
