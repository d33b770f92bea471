"""Repositories: the only code that queries the orders tables."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from antena_common.errors import NotFound

from antena_common.db import utcnow

from ..domain import helpdesk, model, planning, stock
from . import orm


class OrderRepository:
    def __init__(self, session: Session):
        self.session = session
        self.seen: set[model.Order] = set()

    def add(self, order: model.Order) -> None:
        self.session.add(order)
        self.seen.add(order)

    def get(self, order_id: str, *, for_update: bool = False) -> model.Order:
        query = select(model.Order).where(orm.orders.c.id == order_id)
        if for_update:
            query = query.with_for_update()
        order = self.session.scalars(query).first()
        if order is None:
            raise NotFound(f"order {order_id} not found")
        self.seen.add(order)
        return order

    def by_request_id(self, request_id: str) -> model.Order | None:
        return self.session.scalars(select(model.Order).where(orm.orders.c.request_id == request_id)).first()

    def by_contract_request(self, request_id: str, contract_id: str, order_id: str) -> model.Order | None:
        t = orm.orders.c
        if order_id:
            order = self.session.get(model.Order, order_id)
        elif request_id:
            order = self.session.scalars(select(model.Order).where(t.contract_request_id == request_id)).first()
        else:
            order = self.session.scalars(select(model.Order).where(t.contract_id == contract_id)).first()
        if order is not None:
            self.seen.add(order)
        return order

    def list(self, *, state: str = "", kind: str = "", technician_id: str = "", start: dt.datetime | None = None,
             end: dt.datetime | None = None, ticket_id: str = "", support_ticket_id: str = "",
             after_id: str | None = None, limit: int = 50) -> list[model.Order]:
        t = orm.orders.c
        query = select(model.Order).order_by(t.id.desc()).limit(limit)
        if state:
            query = query.where(t.state == state)
        if kind:
            query = query.where(t.kind == kind)
        if technician_id:
            query = query.where(t.technician_id == technician_id)
        if start is not None:
            query = query.where(t.scheduled_end > start)
        if end is not None:
            query = query.where(t.scheduled_start < end)
        if ticket_id:
            query = query.where(t.ticket_id == ticket_id)
        if support_ticket_id:
            query = query.where(t.support_ticket_id == support_ticket_id)
        if after_id:
            query = query.where(t.id < after_id)
        return list(self.session.scalars(query))

    def bookings(self, technician_ids: list[str], start: dt.datetime, end: dt.datetime) -> list[tuple]:
        """(order_id, technician_id, start, end) of the live bookings overlapping [start, end)."""
        t = orm.orders.c
        query = (select(t.id, t.technician_id, t.scheduled_start, t.scheduled_end)
                 .where(t.technician_id.in_(technician_ids), t.state.in_((model.SCHEDULED, model.IN_PROGRESS)),
                        t.scheduled_start < end, t.scheduled_end > start)
                 .order_by(t.technician_id, t.scheduled_start))
        return [tuple(row) for row in self.session.execute(query)]

    def calendar_rows(self, technician_ids: list[str], start: dt.datetime, end: dt.datetime) -> list:
        """Rows for the calendar view (no ORM objects: it reads thousands of them)."""
        t = orm.orders.c
        query = (select(t.id, t.technician_id, t.kind, t.state, t.scheduled_start, t.scheduled_end, t.customer_name,
                        t.address)
                 .where(t.technician_id.in_(technician_ids), t.state.in_(model.OPEN_STATES + (model.COMPLETED, model.FAILED)),
                        t.scheduled_start < end, t.scheduled_end > start)
                 .order_by(t.technician_id, t.scheduled_start))
        return list(self.session.execute(query))

    def mine(self, technician_id: str, start: dt.datetime | None, end: dt.datetime | None) -> list[model.Order]:
        t = orm.orders.c
        query = select(model.Order).where(t.technician_id == technician_id).order_by(t.scheduled_start, t.id)
        if start is not None:
            query = query.where(t.scheduled_start < end, t.scheduled_end > start)
        else:
            query = query.where(t.state.in_((model.SCHEDULED, model.IN_PROGRESS)))
        return list(self.session.scalars(query))

    def add_photo(self, photo: model.Photo) -> None:
        self.session.add(photo)

    def photos(self, order_id: str) -> list[model.Photo]:
        t = orm.order_photos.c
        return list(self.session.scalars(select(model.Photo).where(t.order_id == order_id).order_by(t.uploaded_at, t.id)))

    def photo(self, order_id: str, photo_id: str) -> model.Photo:
        photo = self.session.get(model.Photo, photo_id)
        if photo is None or photo.order_id != order_id:
            raise NotFound(f"photo {photo_id} not found on order {order_id}")
        return photo

    def timeline(self, order_id: str) -> list[model.TimelineEntry]:
        t = orm.order_timeline.c
        return list(self.session.scalars(
            select(model.TimelineEntry).where(t.order_id == order_id).order_by(t.at, t.id)))


class TechnicianRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, tech: planning.Technician) -> None:
        self.session.add(tech)
        self.session.flush()
        self.save_zones(tech)

    def save_zones(self, tech: planning.Technician) -> None:
        t = orm.technician_zones
        self.session.execute(t.delete().where(t.c.technician_id == tech.id))
        if tech.zone_ids:
            self.session.execute(insert(t), [{"technician_id": tech.id, "zone_id": z} for z in tech.zone_ids])

    def get(self, tech_id: str, *, for_update: bool = False) -> planning.Technician:
        query = select(planning.Technician).where(orm.technicians.c.id == tech_id)
        if for_update:
            query = query.with_for_update()
        tech = self.session.scalars(query).first()
        if tech is None:
            raise NotFound(f"technician {tech_id} not found")
        return tech

    def by_user(self, user_id: str) -> planning.Technician | None:
        return self.session.scalars(select(planning.Technician).where(orm.technicians.c.user_id == user_id)).first()

    def list(self, *, zone_id: str = "", active_only: bool = False, after_id: str | None = None,
             limit: int | None = None) -> list[planning.Technician]:
        t = orm.technicians.c
        query = select(planning.Technician).order_by(t.id)
        if zone_id:
            z = orm.technician_zones.c
            query = query.where(t.id.in_(select(z.technician_id).where(z.zone_id == zone_id)))
        if active_only:
            query = query.where(t.active.is_(True))
        if after_id:
            query = query.where(t.id > after_id)
        if limit:
            query = query.limit(limit)
        return list(self.session.scalars(query))


class StockRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, item: stock.StockItem) -> None:
        self.session.add(item)

    def get(self, item_id: str) -> stock.StockItem:
        item = self.session.scalars(select(stock.StockItem).where(orm.stock_items.c.id == item_id).with_for_update()).first()
        if item is None:
            raise NotFound(f"stock item {item_id} not found")
        return item

    def by_serials(self, serials: list[str]) -> dict[str, stock.StockItem]:
        if not serials:
            return {}
        query = select(stock.StockItem).where(orm.stock_items.c.serial.in_(serials)).with_for_update()
        return {x.serial: x for x in self.session.scalars(query)}

    def of_order(self, order_id: str) -> list[stock.StockItem]:
        return list(self.session.scalars(select(stock.StockItem).where(orm.stock_items.c.order_id == order_id)))

    def list(self, *, status: str = "", technician_id: str = "", serial: str = "", kind: str = "",
             after_id: str | None = None, limit: int = 50) -> list[stock.StockItem]:
        t = orm.stock_items.c
        query = select(stock.StockItem).order_by(t.id.desc()).limit(limit)
        for col, value in ((t.status, status), (t.technician_id, technician_id), (t.serial, serial), (t.kind, kind)):
            if value:
                query = query.where(col == value)
        if after_id:
            query = query.where(t.id < after_id)
        return list(self.session.scalars(query))


class SupportRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, ticket: helpdesk.SupportTicket) -> None:
        self.session.add(ticket)

    def get(self, ticket_id: str, *, customer_id: str = "") -> helpdesk.SupportTicket:
        ticket = self.session.get(helpdesk.SupportTicket, ticket_id)
        if ticket is None or (customer_id and ticket.customer_id != customer_id):
            raise NotFound(f"support ticket {ticket_id} not found")
        return ticket

    def add_comment(self, comment: helpdesk.SupportComment) -> None:
        self.session.add(comment)

    def comments(self, ticket_id: str) -> list[helpdesk.SupportComment]:
        t = orm.support_comments.c
        return list(self.session.scalars(select(helpdesk.SupportComment).where(t.ticket_id == ticket_id)
                                         .order_by(t.created_at, t.id)))

    def order_ids(self, ticket_id: str) -> list[str]:
        t = orm.orders.c
        return list(self.session.scalars(select(t.id).where(t.support_ticket_id == ticket_id).order_by(t.id)))

    def list(self, *, status: str = "", customer_id: str = "", assignee_id: str = "", priority: str = "",
             after_id: str | None = None, limit: int = 50) -> list[helpdesk.SupportTicket]:
        t = orm.support_tickets.c
        query = select(helpdesk.SupportTicket).order_by(t.id.desc()).limit(limit)
        for col, value in ((t.status, status), (t.customer_id, customer_id), (t.assignee_id, assignee_id),
                           (t.priority, priority)):
            if value:
                query = query.where(col == value)
        if after_id:
            query = query.where(t.id < after_id)
        return list(self.session.scalars(query))


class TemplateRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, lang: str) -> str | None:
        t = orm.sheet_templates.c
        return self.session.scalar(select(t.html).where(t.lang == lang))

    def put(self, lang: str, html: str, user_id: str) -> None:
        t = orm.sheet_templates
        if self.get(lang) is None:
            self.session.execute(insert(t).values(lang=lang, html=html, updated_by=user_id, updated_at=utcnow()))
        else:
            self.session.execute(update(t).where(t.c.lang == lang).values(html=html, updated_by=user_id,
                                                                          updated_at=utcnow()))

    def delete(self, lang: str) -> None:
        self.session.execute(orm.sheet_templates.delete().where(orm.sheet_templates.c.lang == lang))
