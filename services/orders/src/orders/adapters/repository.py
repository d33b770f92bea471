"""Repositories: the only code that queries the orders tables."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from antena_common.errors import NotFound

from ..domain import model, planning
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

    def timeline(self, order_id: str) -> list[model.TimelineEntry]:
        t = orm.order_timeline.c
        return list(self.session.scalars(
            select(model.TimelineEntry).where(t.order_id == order_id).order_by(t.at, t.id)))


class TechnicianRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, tech: planning.Technician) -> None:
        self.session.add(tech)

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
        if active_only:
            query = query.where(t.active.is_(True))
        if after_id:
            query = query.where(t.id > after_id)
        if limit:
            query = query.limit(limit)
        techs = list(self.session.scalars(query))
        return [x for x in techs if x.covers(zone_id)] if zone_id else techs
