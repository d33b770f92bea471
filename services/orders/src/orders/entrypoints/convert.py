"""Domain objects -> protobuf messages (and back for small value types)."""
from __future__ import annotations

import datetime as dt

from antena.common.v1 import common_pb2
from antena.orders.v1 import orders_pb2

from ..app.common import address_to_pb
from ..domain import model
from ..domain.model import Actor


def iso(value: dt.datetime | None) -> str:
    return value.isoformat() if value else ""


def actor_from_pb(actor: orders_pb2.Actor) -> Actor:
    return Actor(user_id=actor.user_id, roles=tuple(actor.roles), name=actor.name)


def address_from_pb(address: common_pb2.Address) -> dict:
    return {k: getattr(address, k) for k in model.ADDRESS_FIELDS}


def order_to_pb(order: model.Order, timeline: list[model.TimelineEntry] | None = None, *, photos=(),
                technician_name: str = "") -> orders_pb2.Order:
    return orders_pb2.Order(
        id=order.id, kind=order.kind, state=order.state, ticket_id=order.ticket_id, contract_id=order.contract_id,
        address=address_to_pb(order.address or {}),
        location=common_pb2.GeoPoint(lat=order.lat or 0.0, lon=order.lon or 0.0), has_location=order.location is not None,
        technician_id=order.technician_id or "", scheduled_start=iso(order.scheduled_start),
        scheduled_end=iso(order.scheduled_end), result_reason=order.result_reason, request_id=order.request_id or "",
        lead_id=order.lead_id, prospect_id=order.prospect_id, customer_name=order.customer_name,
        customer_document=order.customer_document, customer_phone=order.customer_phone,
        customer_email=order.customer_email, plan_id=order.plan_id, recurring_item_ids=list(order.recurring_item_ids),
        discount_ids=list(order.discount_ids), notes=order.notes, zone_id=order.zone_id,
        customer_id=order.customer_id, connection_id=order.connection_id,
        contract=orders_pb2.ContractProgress(state=order.contract_state, request_id=order.contract_request_id,
                                             error=order.contract_error, pppoe_username=order.pppoe_username,
                                             wifi_ssid=order.wifi_ssid),
        started_at=iso(order.started_at), finished_at=iso(order.finished_at),
        feasible="" if order.feasible is None else ("true" if order.feasible else "false"), loss_tag=order.loss_tag,
        support_ticket_id=order.support_ticket_id,
        report=orders_pb2.OrderReport(
            devices=[orders_pb2.OrderDevice(kind=d.get("kind", ""), serial=d.get("serial", ""), mac=d.get("mac", ""))
                     for d in order.devices or ()],
            optical_power_dbm=order.optical_power_dbm, seal_code=order.seal_code, notes=order.report_notes,
            photos=[orders_pb2.Photo(id=p.id, filename=p.filename, content_type=p.content_type, size=p.size,
                                     uploaded_at=iso(p.uploaded_at)) for p in photos],
            signed=bool(order.signature_path), signed_at=iso(order.signed_at)),
        timeline=[orders_pb2.TimelineEntry(at=iso(e.at), action=e.action, from_state=e.from_state, to_state=e.to_state,
                                           actor_user_id=e.actor_user_id, detail=e.detail) for e in timeline or ()],
        created_at=iso(order.created_at), updated_at=iso(order.updated_at), technician_name=technician_name,
    )


def hours_from_pb(hours) -> list[dict]:
    return [{"weekday": h.weekday, "start": h.start, "end": h.end} for h in hours]


def technician_to_pb(tech) -> orders_pb2.Technician:
    return orders_pb2.Technician(
        id=tech.id, user_id=tech.user_id or "", name=tech.name, zone_ids=list(tech.zone_ids),
        working_hours=[orders_pb2.WorkingHours(weekday=h["weekday"], start=h["start"], end=h["end"])
                       for h in tech.working_hours],
        timezone=tech.timezone, phone=tech.phone, active=tech.active, created_at=iso(tech.created_at))


def slot_to_pb(tech, start: dt.datetime, end: dt.datetime) -> orders_pb2.Slot:
    return orders_pb2.Slot(technician_id=tech.id, technician_name=tech.name, start=iso(start), end=iso(end))


def calendar_to_pb(cal: dict) -> orders_pb2.Calendar:
    Span, Booking = orders_pb2.Span, orders_pb2.Booking
    return orders_pb2.Calendar(
        view=cal["view"], to=cal["to"].isoformat(),
        technicians=[orders_pb2.TechnicianCalendar(
            technician_id=t["technician"].id, name=t["technician"].name,
            working=[Span(start=iso(s), end=iso(e)) for s, e in t["working"]],
            free=[Span(start=iso(s), end=iso(e)) for s, e in t["free"]],
            bookings=[Booking(order_id=r.id, kind=r.kind, state=r.state, start=iso(r.scheduled_start),
                              end=iso(r.scheduled_end), customer_name=r.customer_name,
                              address=address_to_pb(r.address or {})) for r in t["bookings"]],
        ) for t in cal["technicians"]],
        **{"from": cal["from"].isoformat()})


def stock_to_pb(item) -> orders_pb2.StockItem:
    return orders_pb2.StockItem(
        id=item.id, kind=item.kind, serial=item.serial, mac=item.mac, model=item.model, status=item.status,
        warehouse=item.warehouse, technician_id=item.technician_id or "", order_id=item.order_id,
        contract_id=item.contract_id, installed_at=iso(item.installed_at), created_at=iso(item.created_at),
        updated_at=iso(item.updated_at))


def ticket_to_pb(ticket, comments=(), order_ids=()) -> orders_pb2.SupportTicket:
    return orders_pb2.SupportTicket(
        id=ticket.id, customer_id=ticket.customer_id, contract_id=ticket.contract_id,
        customer_name=ticket.customer_name, customer_email=ticket.customer_email, subject=ticket.subject,
        description=ticket.description, priority=ticket.priority, status=ticket.status,
        assignee_id=ticket.assignee_id, channel=ticket.channel, created_by=ticket.created_by,
        comments=[orders_pb2.SupportComment(id=c.id, author_id=c.author_id, author_kind=c.author_kind, text=c.text,
                                            created_at=iso(c.created_at)) for c in comments],
        order_ids=list(order_ids), created_at=iso(ticket.created_at), updated_at=iso(ticket.updated_at))
