"""Repositories: the only code that queries the billing tables."""
from __future__ import annotations

import dataclasses

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from antena_common.errors import NotFound

from ..domain import catalog
from . import orm


def _row_to(cls, row):
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in row._mapping.items() if k in names})


def _values(obj) -> dict:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


class CatalogTable:
    """Add/get/list for one catalog table mapped to one domain dataclass."""

    def __init__(self, session: Session, table, cls, what: str):
        self.session, self.table, self.cls, self.what = session, table, cls, what

    def add(self, obj) -> None:
        self.session.execute(insert(self.table).values(**_values(obj)))

    def find(self, ids: list[str]) -> dict[str, object]:
        if not ids:
            return {}
        rows = self.session.execute(select(self.table).where(self.table.c.id.in_(list(set(ids)))))
        return {r.id: _row_to(self.cls, r) for r in rows}

    def get(self, obj_id: str):
        found = self.find([obj_id]).get(obj_id) if obj_id else None
        if found is None:
            raise NotFound(f"{self.what} {obj_id} not found")
        return found

    def list(self, *, after_id: str | None = None, limit: int = 50, only_active: bool = True) -> list:
        t = self.table
        query = select(t).order_by(t.c.id).limit(limit)
        if after_id:
            query = query.where(t.c.id > after_id)
        if only_active and "active" in t.c:
            query = query.where(t.c.active.is_(True))
        return [_row_to(self.cls, r) for r in self.session.execute(query)]

    def all(self) -> list:
        return [_row_to(self.cls, r) for r in self.session.execute(select(self.table))]


def catalog_tables(session: Session) -> dict[str, CatalogTable]:
    return {
        "plans": CatalogTable(session, orm.plans, catalog.Plan, "plan"),
        "recurring_items": CatalogTable(session, orm.recurring_items, catalog.RecurringItem, "recurring item"),
        "discounts": CatalogTable(session, orm.discounts, catalog.Discount, "discount"),
        "billing_profiles": CatalogTable(session, orm.billing_profiles, catalog.BillingProfile, "billing profile"),
        "tax_rates": CatalogTable(session, orm.tax_rates, catalog.TaxRate, "tax rate"),
    }
