"""Use cases on orders: creation from the sales desk, queries."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from antena.orders.v1 import events_pb2
from antena_common.errors import FieldErrors, InvalidArgument, PermissionDenied
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import model
from ..domain.model import Actor
from .common import checked


@dataclass(frozen=True)
class OpenOrderFromSales:
    request_id: str
    ticket_id: str
    kind: str
    lead_id: str = ""
    prospect_id: str = ""
    customer_name: str = ""
    customer_document: str = ""
    customer_phone: str = ""
    customer_email: str = ""
    address: dict = field(default_factory=dict)
    lat: float | None = None
    lon: float | None = None
    plan_id: str = ""
    recurring_item_ids: tuple[str, ...] = ()
    discount_ids: tuple[str, ...] = ()
    notes: str = ""


def order_created_event(order: model.Order) -> events_pb2.OrderCreated:
    return events_pb2.OrderCreated(order_id=order.id, kind=order.kind, ticket_id=order.ticket_id,
                                   request_id=order.request_id or "", state=order.state,
                                   contract_id=order.contract_id)


def open_order_from_sales(uow, cmd: OpenOrderFromSales, *, consumer: str = "", event_id: str = "") -> model.Order | None:
    """sales.order_requested -> an unscheduled order. Idempotent twice over: the
    inbox drops a redelivered event, the unique request_id a repeated request."""
    errors = FieldErrors()
    errors.check(bool(cmd.request_id), "request_id", "is required")
    errors.check(cmd.kind in model.FROM_SALES_KINDS, "kind", "installation or feasibility")
    errors.raise_if_any()
    with uow:
        if event_id and uow.already_processed(consumer, event_id):
            return None
        existing = uow.orders.by_request_id(cmd.request_id)
        if existing is not None:
            uow.commit()  # keep the inbox row
            return existing
        order = model.Order.open(
            kind=cmd.kind, request_id=cmd.request_id, ticket_id=cmd.ticket_id, lead_id=cmd.lead_id,
            prospect_id=cmd.prospect_id, customer_name=cmd.customer_name, customer_document=cmd.customer_document,
            customer_phone=cmd.customer_phone, customer_email=cmd.customer_email, address=cmd.address,
            lat=cmd.lat, lon=cmd.lon, plan_id=cmd.plan_id, recurring_item_ids=list(cmd.recurring_item_ids),
            discount_ids=list(cmd.discount_ids), notes=cmd.notes)
        uow.orders.add(order)
        uow.publish("order_created", order_created_event(order))
        uow.commit()
    return order


def parse_when(value: str, field_name: str, *, end_of_day: bool = False) -> dt.datetime | None:
    """ISO 8601 datetime with offset, or a date (its start; with end_of_day, the next day's start)."""
    if not value:
        return None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            if end_of_day:
                day += dt.timedelta(days=1)
            return dt.datetime.combine(day, dt.time(), dt.timezone.utc)
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidArgument(f"{field_name}: not an ISO 8601 date or datetime",
                              field_errors={field_name: "ISO 8601 date or datetime with offset"}) from None
    if when.tzinfo is None:
        raise InvalidArgument(f"{field_name}: needs a UTC offset", field_errors={field_name: "needs a UTC offset"})
    return when.astimezone(dt.timezone.utc)


def _technician_of(uow, actor: Actor):
    tech = uow.technicians.by_user(actor.user_id) if actor.user_id else None
    if tech is None:
        raise PermissionDenied("your user is not registered as a technician")
    return tech


def check_can_read(uow, order: model.Order, actor: Actor | None) -> None:
    """Technicians (without an office role) see only their own orders."""
    if actor is None or not actor.is_technician_only or "sales" in actor.roles:
        return
    tech = _technician_of(uow, actor)
    if order.technician_id != tech.id:
        raise PermissionDenied("this order is not assigned to you")


def get_order(uow, order_id: str, actor: Actor | None = None) -> tuple[model.Order, list[model.TimelineEntry]]:
    with uow:
        order = uow.orders.get(order_id)
        check_can_read(uow, order, actor)
        return order, uow.orders.timeline(order_id)


def list_orders(uow, *, state: str = "", kind: str = "", technician_id: str = "", start: str = "", end: str = "",
                ticket_id: str = "", support_ticket_id: str = "", limit: int | None = None, cursor: str | None = None,
                actor: Actor | None = None) -> tuple[list[model.Order], str]:
    errors = FieldErrors()
    errors.check(not state or state in model.STATES, "state", "one of " + ", ".join(model.STATES))
    errors.check(not kind or kind in model.KINDS, "kind", "one of " + ", ".join(model.KINDS))
    start_at = checked(errors, lambda: parse_when(start, "from"))
    end_at = checked(errors, lambda: parse_when(end, "to", end_of_day=True))
    errors.raise_if_any()
    if start_at and end_at and end_at <= start_at:
        raise InvalidArgument("to: must be after from", field_errors={"to": "must be after from"})
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        if actor is not None and actor.is_technician_only and "sales" not in actor.roles:
            technician_id = _technician_of(uow, actor).id
        items = uow.orders.list(state=state, kind=kind, technician_id=technician_id, start=start_at, end=end_at,
                                ticket_id=ticket_id, support_ticket_id=support_ticket_id,
                                after_id=after[0] if after else None, limit=limit + 1)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor




@dataclass(frozen=True)
class CreateOrder:
    kind: str
    ticket_id: str = ""
    contract_id: str = ""
    customer_id: str = ""
    connection_id: str = ""
    customer_name: str = ""
    customer_phone: str = ""
    customer_email: str = ""
    address: dict = field(default_factory=dict)
    lat: float | None = None
    lon: float | None = None
    zone_id: str = ""
    notes: str = ""
    support_ticket_id: str = ""


def create_order(uow, cmd: CreateOrder, actor: Actor) -> model.Order:
    """An order opened by operations (technical visits, removals; also manual installations)."""
    errors = FieldErrors()
    errors.check(cmd.kind in model.KINDS, "kind", "one of " + ", ".join(model.KINDS))
    errors.check(cmd.kind not in ("technical", "removal") or bool(cmd.contract_id or cmd.customer_id),
                 "contract_id", "technical and removal orders are for an existing customer: give contract_id or customer_id")
    errors.check(len(cmd.notes) <= 5000, "notes", "at most 5000 characters")
    errors.check(not cmd.customer_email or bool(model.EMAIL_RE.match(cmd.customer_email)), "customer_email",
                 "is not an e-mail address")
    errors.raise_if_any()
    order = model.Order.open(kind=cmd.kind, actor=actor, ticket_id=cmd.ticket_id, contract_id=cmd.contract_id,
                             customer_id=cmd.customer_id, connection_id=cmd.connection_id,
                             customer_name=cmd.customer_name.strip(), customer_phone=cmd.customer_phone.strip(),
                             customer_email=cmd.customer_email.strip().lower(), address=cmd.address, lat=cmd.lat,
                             lon=cmd.lon, zone_id=cmd.zone_id.strip(), notes=cmd.notes,
                             support_ticket_id=cmd.support_ticket_id)
    with uow:
        uow.orders.add(order)
        uow.publish("order_created", order_created_event(order))
        uow.commit()
    return order


def update_order(uow, order_id: str, *, zone_id: str | None = None, notes: str | None = None,
                 actor: Actor) -> model.Order:
    errors = FieldErrors()
    errors.check(zone_id is None or len(zone_id) <= 36, "zone_id", "at most 36 characters")
    errors.check(notes is None or len(notes) <= 5000, "notes", "at most 5000 characters")
    errors.raise_if_any()
    with uow:
        order = uow.orders.get(order_id, for_update=True)
        order.edit(zone_id=zone_id, notes=notes, actor=actor)
        uow.commit()
    return order


def cancel_order(uow, order_id: str, reason: str, actor: Actor) -> model.Order:
    with uow:
        order = uow.orders.get(order_id, for_update=True)
        order.cancel(reason, actor)
        uow.publish("order_cancelled", events_pb2.OrderCancelled(order_id=order.id, kind=order.kind,
                                                                 ticket_id=order.ticket_id, reason=order.result_reason))
        uow.commit()
    return order
