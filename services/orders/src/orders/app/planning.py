"""Use cases of planning: technicians, scheduling, the calendar and free-slot suggestions."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError

from antena.orders.v1 import events_pb2
from antena_common.errors import AlreadyExists, Conflict, FieldErrors, InvalidArgument
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import model, planning
from ..domain.model import Actor
from ..domain.planning import Technician
from .orders import parse_when
from . import common


# -- technicians -----------------------------------------------------------------------------
def create_technician(uow, *, name: str, user_id: str = "", zone_ids: list[str] = (), working_hours: list[dict] | None = None,
                      timezone: str = "UTC", phone: str = "") -> Technician:
    tech = Technician.register(name=name, user_id=user_id, zone_ids=list(zone_ids), working_hours=working_hours,
                               timezone=timezone, phone=phone)
    with uow:
        if tech.user_id and uow.technicians.by_user(tech.user_id):
            raise AlreadyExists(f"user {tech.user_id} is already a technician",
                                field_errors={"user_id": "already a technician"})
        uow.technicians.add(tech)
        try:
            uow.commit()
        except IntegrityError:  # the same user registered at the same moment
            raise AlreadyExists(f"user {tech.user_id} is already a technician",
                                field_errors={"user_id": "already a technician"}) from None
    return tech


def update_technician(uow, tech_id: str, **changes) -> Technician:
    with uow:
        tech = uow.technicians.get(tech_id, for_update=True)
        tech.update(**changes)
        uow.technicians.save_zones(tech)
        uow.commit()
    return tech


def get_technician(uow, tech_id: str) -> Technician:
    with uow:
        return uow.technicians.get(tech_id)


def list_technicians(uow, *, zone_id: str = "", user_id: str = "", limit: int | None = None,
                     cursor: str | None = None) -> tuple[list[Technician], str]:
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        if user_id:
            tech = uow.technicians.by_user(user_id)
            return ([tech] if tech else []), ""
        items = uow.technicians.list(zone_id=zone_id, after_id=after[0] if after else None, limit=limit + 1)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor


# -- scheduling -------------------------------------------------------------------------------
def _scheduled_event(order: model.Order, tech: Technician, rescheduled: bool) -> events_pb2.OrderScheduled:
    return events_pb2.OrderScheduled(
        order_id=order.id, kind=order.kind, ticket_id=order.ticket_id, technician_id=tech.id,
        technician_name=tech.name, scheduled_start=order.scheduled_start.isoformat(),
        scheduled_end=order.scheduled_end.isoformat(), customer_name=order.customer_name,
        customer_email=order.customer_email, customer_phone=order.customer_phone,
        address=common.address_to_pb(order.address or {}), rescheduled=rescheduled, contract_id=order.contract_id)


def schedule_order(uow, order_id: str, *, technician_id: str, start: str, end: str, actor: Actor,
                   at: dt.datetime | None = None) -> model.Order:
    errors = FieldErrors()
    errors.check(bool(technician_id), "technician_id", "is required")
    start_at = common.checked(errors, lambda: _instant(start, "scheduled_start"))
    end_at = common.checked(errors, lambda: _instant(end, "scheduled_end"))
    errors.raise_if_any()
    with uow:
        # The technician's row lock serializes every booking of that technician:
        # two operators booking the same slot at once -> the second sees the first.
        tech = uow.technicians.get(technician_id, for_update=True)
        order = uow.orders.get(order_id, for_update=True)
        if not tech.covers(order.zone_id):
            raise Conflict(f"{tech.name} does not cover zone {order.zone_id}")
        busy = [(oid, s, e) for oid, _t, s, e in
                uow.orders.bookings([tech.id], start_at - planning.MAX_BOOKING, end_at + planning.MAX_BOOKING)]
        planning.check_booking(tech, start_at, end_at, busy, order_id=order.id, at=at)
        rescheduled = order.schedule(tech.id, start_at, end_at, actor)
        uow.publish("order_scheduled", _scheduled_event(order, tech, rescheduled))
        uow.commit()
    return order


def unschedule_order(uow, order_id: str, actor: Actor) -> model.Order:
    with uow:
        order = uow.orders.get(order_id, for_update=True)
        order.unschedule(actor)
        uow.commit()
    return order


def _instant(value: str, field: str) -> dt.datetime:
    if not value:
        raise InvalidArgument(f"{field}: is required", field_errors={field: "is required"})
    if len(value) == 10:
        raise InvalidArgument(f"{field}: a datetime with offset, not a date", field_errors={field: "datetime with offset"})
    return parse_when(value, field)


# -- suggestions and calendar -----------------------------------------------------------------
def _day(value: str, field: str, default: dt.date) -> dt.date:
    if not value:
        return default
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidArgument(f"{field}: YYYY-MM-DD", field_errors={field: "a date, YYYY-MM-DD"}) from None


def suggest_slots(uow, order_id: str, *, start_day: str = "", days: int = 0, duration_minutes: int = 0,
                  limit: int = 0, zone_id: str = "", at: dt.datetime | None = None) -> tuple[list[tuple], str]:
    """The earliest free slots of active technicians covering the order's zone:
    [(technician, start, end)], at most `limit`, earliest first."""
    at = at or model.now()
    days = days or 7
    duration_minutes = duration_minutes or 120
    limit = limit or 20
    errors = FieldErrors()
    errors.check(1 <= days <= 31, "days", "between 1 and 31")
    errors.check(15 <= duration_minutes <= 720, "duration_minutes", "between 15 and 720")
    errors.check(1 <= limit <= 200, "limit", "between 1 and 200")
    first = common.checked(errors, lambda: _day(start_day, "from", at.date()))
    errors.raise_if_any()
    duration = dt.timedelta(minutes=duration_minutes)
    with uow:
        order = uow.orders.get(order_id)
        zone = zone_id or order.zone_id
        techs = uow.technicians.list(zone_id=zone, active_only=True)
        if not techs:
            return [], zone
        window_start = dt.datetime.combine(first, dt.time(), dt.timezone.utc) - dt.timedelta(days=1)
        window_end = dt.datetime.combine(first + dt.timedelta(days=days), dt.time(), dt.timezone.utc) + dt.timedelta(days=1)
        rows = uow.orders.bookings([t.id for t in techs], window_start, window_end)
    busy = defaultdict(list)
    for oid, tech_id, s, e in rows:
        if oid != order.id:
            busy[tech_id].append((s, e))
    found: list[tuple] = []
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        for tech in techs:
            for s, e in planning.free_slots(tech, day, busy[tech.id], duration, not_before=at):
                found.append((tech, s, e))
        if len(found) >= limit:
            break  # later days only bring later slots
    found.sort(key=lambda x: (x[1], x[0].name, x[0].id))
    return found[:limit], zone


def calendar(uow, *, date: str, view: str = "week", technician_id: str = "", zone_id: str = "") -> dict:
    """Per technician: working spans, bookings and free spans over a day or a week (Monday first)."""
    view = view or "week"
    errors = FieldErrors()
    errors.check(view in ("day", "week"), "view", "day or week")
    day = common.checked(errors, lambda: _day(date, "date", model.now().date()))
    errors.raise_if_any()
    first = day if view == "day" else day - dt.timedelta(days=day.weekday())
    n_days = 1 if view == "day" else 7
    with uow:
        techs = [uow.technicians.get(technician_id)] if technician_id else uow.technicians.list(zone_id=zone_id, active_only=True)
        start = dt.datetime.combine(first, dt.time(), dt.timezone.utc) - dt.timedelta(days=1)
        end = dt.datetime.combine(first + dt.timedelta(days=n_days), dt.time(), dt.timezone.utc) + dt.timedelta(days=1)
        rows = uow.orders.calendar_rows([t.id for t in techs], start, end) if techs else []
    by_tech = defaultdict(list)
    for row in rows:
        by_tech[row.technician_id].append(row)
    result = []
    for tech in techs:
        tz = ZoneInfo(tech.timezone or "UTC")
        local_from = dt.datetime.combine(first, dt.time(), tz)
        local_to = dt.datetime.combine(first + dt.timedelta(days=n_days), dt.time(), tz)
        bookings = [r for r in by_tech[tech.id] if r.scheduled_start < local_to and r.scheduled_end > local_from]
        working, free = [], []
        live = [(r.scheduled_start, r.scheduled_end) for r in bookings if r.state in model.OPEN_STATES]
        for offset in range(n_days):
            for s, e in tech.shifts(first + dt.timedelta(days=offset)):
                working.append((s, e))
                free.extend(planning.subtract(s, e, live))
        result.append({"technician": tech, "working": working, "bookings": bookings, "free": free})
    return {"from": first, "to": first + dt.timedelta(days=n_days - 1), "view": view, "technicians": result}
