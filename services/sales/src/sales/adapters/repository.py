"""Repositories: the only code that queries the sales tables."""
from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from antena_common.errors import NotFound

from ..domain import model
from . import orm


class LeadRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, lead: model.Lead) -> None:
        self.session.add(lead)

    def get(self, lead_id: str) -> model.Lead:
        lead = self.session.get(model.Lead, lead_id)
        if lead is None:
            raise NotFound(f"lead {lead_id} not found")
        return lead

    def list(self, *, q: str = "", after_id: str | None = None, limit: int = 50) -> list[model.Lead]:
        t = orm.leads
        query = select(model.Lead).order_by(t.c.id.desc()).limit(limit)
        if q:
            like = f"%{q.strip().lower()}%"
            query = query.where(or_(t.c.name.ilike(like), t.c.document.ilike(like), t.c.phone.ilike(like),
                                    t.c.email.ilike(like)))
        if after_id:
            query = query.where(t.c.id < after_id)
        return list(self.session.scalars(query))
