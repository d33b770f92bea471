"""Finance views: a customer's statement and the aging report."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from ..adapters import orm
from ..domain.money import ZERO

BUCKETS = ("current", "d0_30", "d31_60", "d61_90", "d90_plus")


@dataclass
class StatementEntry:
    date: dt.date
    kind: str
    ref_id: str
    reference: str
    debit: Decimal
    credit: Decimal
    balance: Decimal = ZERO


def statement(uow, customer_id: str):
    i, pay, cn = orm.invoices, orm.payments, orm.credit_notes
    with uow:
        customer = uow.customers.get(customer_id)
        entries = []
        for r in uow.session.execute(select(i).where(i.c.customer_id == customer_id)):
            entries.append(StatementEntry(r.issue_date, "invoice", r.id, r.number, r.total, ZERO))
        for r in uow.session.execute(select(pay).where(pay.c.customer_id == customer_id)):
            entries.append(StatementEntry(r.paid_at.date(), "payment", r.id, r.external_ref or r.method, ZERO, r.amount))
        for r in uow.session.execute(select(cn).where(cn.c.customer_id == customer_id)):
            entries.append(StatementEntry(r.created_at.date(), "credit_note", r.id, r.number, ZERO, r.amount))
        balance = uow.customers.open_balance(customer_id)
    order = {"invoice": 0, "credit_note": 1, "payment": 2}
    entries.sort(key=lambda e: (e.date, order[e.kind], e.ref_id))
    running = ZERO
    for e in entries:
        running += e.debit - e.credit
        e.balance = running
    return customer, entries, balance


def bucket(days_past_due: int) -> str:
    if days_past_due <= 0:
        return "current"
    if days_past_due <= 30:
        return "d0_30"
    if days_past_due <= 60:
        return "d31_60"
    if days_past_due <= 90:
        return "d61_90"
    return "d90_plus"


@dataclass
class AgingRow:
    customer_id: str
    customer_name: str
    amounts: dict[str, Decimal] = field(default_factory=lambda: {b: ZERO for b in BUCKETS})

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), ZERO)


def aging(uow, as_of: dt.date, currency: str):
    i, c = orm.invoices, orm.customers
    rows: dict[str, AgingRow] = {}
    totals = AgingRow("", "")
    with uow:
        query = (select(i.c.customer_id, c.c.name, i.c.due_date, i.c.balance).join(c, c.c.id == i.c.customer_id)
                 .where(i.c.state.in_(("issued", "overdue")), i.c.balance > 0, i.c.currency == currency,
                        i.c.issue_date <= as_of))
        for r in uow.session.execute(query):
            row = rows.setdefault(r.customer_id, AgingRow(r.customer_id, r.name))
            b = bucket((as_of - r.due_date).days)
            row.amounts[b] += r.balance
            totals.amounts[b] += r.balance
    return sorted(rows.values(), key=lambda x: (-x.total, x.customer_name)), totals
