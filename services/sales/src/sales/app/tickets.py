"""Use cases on sales-desk tickets, and the effects of other services' events on them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from antena.common.v1 import common_pb2
from antena.sales.v1 import events_pb2
from antena_common.errors import FieldErrors, InvalidArgument, NotFound
from antena_common.logs import get_logger
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import model

log = get_logger("antena.sales")
CONSUMER = "sales"

CoverageCheck = Callable[[float, float], model.Coverage]


@dataclass(frozen=True)
class CreateTicket:
    lead_id: str
    prospect_id: str
    create: str = "ticket"
    assignee_id: str = ""
    summary: str = ""
    source: str = ""


def check_coverage(prospect: model.Prospect, coverage: CoverageCheck | None) -> model.Coverage:
    if prospect.location is None:
        return model.Coverage.unknown("the prospect has no location")
    if coverage is None:
        return model.Coverage.unknown("no coverage service configured")
    try:
        return coverage(*prospect.location)
    except Exception as exc:  # never fail a ticket because of coverage
        log.warning("coverage check error", error=str(exc))
        return model.Coverage.unknown("coverage check failed")


def ticket_created(ticket: model.Ticket, lead: model.Lead) -> events_pb2.TicketCreated:
    return events_pb2.TicketCreated(ticket_id=ticket.id, lead_id=lead.id, prospect_id=ticket.prospect_id,
                                    create=ticket.create, lead_name=lead.name, lead_email=lead.email,
                                    lead_phone=lead.phone, source=ticket.source)


def order_requested(ticket: model.Ticket, order: model.TicketOrder, lead: model.Lead, prospect: model.Prospect,
                    notes: str = "") -> events_pb2.OrderRequested:
    msg = events_pb2.OrderRequested(
        request_id=order.request_id, ticket_id=ticket.id, kind=order.kind, lead_id=lead.id, prospect_id=prospect.id,
        customer_name=lead.name, customer_document=lead.document, customer_phone=lead.phone, customer_email=lead.email,
        address=common_pb2.Address(**prospect.address), plan_id=prospect.plan_id,
        recurring_item_ids=prospect.recurring_item_ids, discount_ids=prospect.discount_ids,
        notes=notes or prospect.notes)
    if prospect.location is not None:
        msg.location.CopyFrom(common_pb2.GeoPoint(lat=prospect.lat, lon=prospect.lon))
    return msg


def _needs_plan(kind: str, prospect: model.Prospect) -> None:
    if kind == "installation" and not prospect.plan_id:
        message = "the prospect has no plan: an installation needs one"
        raise InvalidArgument(f"prospect_id: {message}", field_errors={"prospect_id": message})


def create_ticket(uow, cmd: CreateTicket, coverage: CoverageCheck | None = None) -> model.Ticket:
    errors = FieldErrors()
    errors.check(cmd.create in model.CREATE_KINDS, "create", f"one of {', '.join(model.CREATE_KINDS)}")
    errors.raise_if_any()
    with uow:
        uow.leads.get(cmd.lead_id)
        prospect = uow.prospects.get(cmd.prospect_id)
    _needs_plan(cmd.create, prospect)
    found = check_coverage(prospect, coverage)  # outside any transaction: it is a network call
    with uow:
        lead, prospect = uow.leads.get(cmd.lead_id), uow.prospects.get(cmd.prospect_id)
        ticket = model.Ticket.open(lead=lead, prospect=prospect, create=cmd.create, assignee_id=cmd.assignee_id,
                                   summary=cmd.summary, source=cmd.source, coverage=found)
        uow.tickets.add(ticket)
        uow.publish("ticket_created", ticket_created(ticket, lead))
        if cmd.create in model.ORDER_KINDS:
            order = ticket.request_order(cmd.create, at=ticket.created_at)
            uow.publish("order_requested", order_requested(ticket, order, lead, prospect))
        uow.commit()
    return ticket


@dataclass
class TicketDetail:
    ticket: model.Ticket
    comments: list
    attachments: list
    history: list


def get_ticket(uow, ticket_id: str) -> TicketDetail:
    with uow:
        ticket = uow.tickets.get(ticket_id)
        return TicketDetail(ticket, uow.tickets.comments(ticket_id), uow.tickets.attachments(ticket_id),
                            uow.tickets.history(ticket_id))


def list_tickets(uow, *, state: str = "", assignee_id: str = "", source: str = "", tag: str = "", lead_id: str = "",
                 limit: int | None = None, cursor: str | None = None) -> tuple[list, str]:
    """Rows of the list view (read model: the ticket's columns, without its orders)."""
    if state and state not in model.STATES:
        raise InvalidArgument(f"state: one of {', '.join(model.STATES)}",
                              field_errors={"state": f"one of {', '.join(model.STATES)}"})
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    f = _no_nul
    with uow:
        items = uow.tickets.list(state=state, assignee_id=f(assignee_id), source=f(source), tag=f(tag), lead_id=f(lead_id),
                                 after_id=f(str(after[0])) if after else None, limit=limit + 1)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor


def _no_nul(value: str) -> str:
    return (value or "").replace("\x00", "")


def request_order(uow, ticket_id: str, kind: str, notes: str = "") -> model.Ticket:
    with uow:
        ticket = uow.tickets.get(ticket_id, for_update=True)
        order = ticket.request_order(kind)
        lead, prospect = uow.leads.get(ticket.lead_id), uow.prospects.get(ticket.prospect_id)
        _needs_plan(kind, prospect)
        uow.publish("order_requested", order_requested(ticket, order, lead, prospect, notes=notes))
        uow.commit()
    return ticket


def add_comment(uow, ticket_id: str, text: str, author_id: str = "", author_name: str = "") -> model.Comment:
    comment = model.Comment.write(ticket_id=ticket_id, text=text, author_id=author_id, author_name=author_name)
    with uow:
        ticket = uow.tickets.get(ticket_id, for_update=True)
        ticket.updated_at = comment.created_at
        uow.tickets.add_comment(comment)
        uow.commit()
    return comment


def add_attachment(uow, files, *, ticket_id: str, filename: str, content: bytes, max_bytes: int,
                   uploaded_by: str = "", description: str = "") -> model.Attachment:
    attachment = model.Attachment.accept(ticket_id=ticket_id, filename=filename, content=content, max_bytes=max_bytes,
                                         sha256=files.digest(content), uploaded_by=uploaded_by, description=description)
    with uow:
        uow.tickets.get(ticket_id)
        uow.tickets.add_attachment(attachment)
        files.save(uow, ticket_id, attachment.id, content)
        uow.commit()
    return attachment


def read_attachment(uow, files, ticket_id: str, attachment_id: str) -> tuple[model.Attachment, bytes]:
    with uow:
        attachment = uow.tickets.attachment(ticket_id, attachment_id)
    return attachment, files.read(ticket_id, attachment_id)


def assign_ticket(uow, ticket_id: str, assignee_id: str) -> model.Ticket:
    with uow:
        ticket = uow.tickets.get(ticket_id, for_update=True)
        ticket.assign(assignee_id)
        uow.commit()
    return ticket


def lose_ticket(uow, ticket_id: str, tag: str, reason: str = "") -> model.Ticket:
    with uow:
        ticket = uow.tickets.get(ticket_id, for_update=True)
        ticket.lose(tag, reason=reason)
        uow.tickets.remember_tag(ticket.loss_tag, "loss")
        uow.tickets.save_changes(ticket)
        uow.publish("ticket_lost", events_pb2.TicketLost(ticket_id=ticket.id, lead_id=ticket.lead_id, tag=ticket.loss_tag))
        uow.commit()
    return ticket


def tag_ticket(uow, ticket_id: str, tag: str) -> model.Ticket:
    with uow:
        ticket = uow.tickets.get(ticket_id, for_update=True)
        name = ticket.add_tag(tag)
        uow.tickets.remember_tag(name, "tag")
        uow.commit()
    return ticket


def list_tags(uow) -> tuple[list[str], list[str]]:
    with uow:
        stored = uow.tickets.tags()
    loss = list(model.DEFAULT_LOSS_TAGS) + [t.name for t in stored if t.kind == "loss"]
    return loss, list(model.DEFAULT_LOSS_TAGS) + [t.name for t in stored]


# -- effects of other services' events (idempotent: inbox in the same transaction) --


def parse_time(value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _ticket_for(uow, ticket_id: str, order_id: str = "") -> model.Ticket | None:
    ticket = uow.tickets.find(ticket_id, for_update=True) if ticket_id else None
    if ticket is None and order_id:
        ticket = uow.tickets.by_order(order_id)
    return ticket


def _lost(uow, ticket: model.Ticket) -> None:
    uow.tickets.remember_tag(ticket.loss_tag, "loss")
    uow.publish("ticket_lost", events_pb2.TicketLost(ticket_id=ticket.id, lead_id=ticket.lead_id, tag=ticket.loss_tag))


def on_order_created(uow, event_id: str, msg) -> None:
    with uow:
        if uow.already_processed(CONSUMER, event_id):
            return
        ticket = _ticket_for(uow, msg.ticket_id)
        if ticket is not None:
            ticket.order_created(order_id=msg.order_id, kind=msg.kind, request_id=msg.request_id,
                                 state=msg.state or "unscheduled")
            uow.tickets.save_changes(ticket)
        uow.commit()


def on_order_scheduled(uow, event_id: str, msg) -> None:
    with uow:
        if uow.already_processed(CONSUMER, event_id):
            return
        ticket = _ticket_for(uow, msg.ticket_id, msg.order_id)
        if ticket is not None:
            ticket.order_scheduled(order_id=msg.order_id, start=parse_time(msg.scheduled_start))
        uow.commit()


def on_order_failed(uow, event_id: str, msg) -> None:
    with uow:
        if uow.already_processed(CONSUMER, event_id):
            return
        ticket = _ticket_for(uow, msg.ticket_id, msg.order_id)
        if ticket is not None:
            if ticket.order_failed(order_id=msg.order_id, kind=msg.kind, reason=msg.reason, loss_tag=msg.loss_tag):
                _lost(uow, ticket)
            uow.tickets.save_changes(ticket)
        uow.commit()


def on_order_completed(uow, event_id: str, msg) -> None:
    with uow:
        if uow.already_processed(CONSUMER, event_id):
            return
        ticket = _ticket_for(uow, msg.ticket_id, msg.order_id)
        if ticket is not None:
            if ticket.order_completed(order_id=msg.order_id, kind=msg.kind, feasible=msg.feasible):
                _lost(uow, ticket)
            if msg.contract_id and not ticket.contract_id:
                ticket.contract_id = msg.contract_id
            uow.tickets.save_changes(ticket)
        uow.commit()


def on_order_cancelled(uow, event_id: str, msg) -> None:
    with uow:
        if uow.already_processed(CONSUMER, event_id):
            return
        ticket = _ticket_for(uow, msg.ticket_id, msg.order_id)
        if ticket is not None:
            ticket.order_cancelled(order_id=msg.order_id, reason=msg.reason)
        uow.commit()


def on_contract_activated(uow, event_id: str, msg) -> None:
    with uow:
        if uow.already_processed(CONSUMER, event_id):
            return
        ticket = _ticket_for(uow, msg.ticket_id)
        if ticket is not None and ticket.win(contract_id=msg.contract_id, at=parse_time(msg.activated_at)):
            uow.tickets.save_changes(ticket)
            uow.publish("ticket_won", events_pb2.TicketWon(ticket_id=ticket.id, lead_id=ticket.lead_id,
                                                           contract_id=msg.contract_id))
        uow.commit()


def ensure_found(ticket_id: str, ticket) -> None:
    if ticket is None:
        raise NotFound(f"ticket {ticket_id} not found")
