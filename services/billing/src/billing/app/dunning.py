"""Dunning: overdue invoices, late fees (once), suspension past the profile's limit.
Run daily by a periodic job, or for a given date by an admin; running it twice changes nothing."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update

from antena.billing.v1 import events_pb2

from ..adapters import orm
from ..adapters.repository import _row_to
from ..domain import model, pricing
from ..domain.money import fmt
from . import contracts as contract_cases


@dataclass
class DunningResult:
    as_of: dt.date
    invoices_overdue: int = 0
    late_fees_added: int = 0
    suspensions_due: int = 0


def run_dunning(uow, as_of: dt.date) -> DunningResult:
    res = DunningResult(as_of)
    i, c, p = orm.invoices, orm.contracts, orm.billing_profiles
    with uow:
        # 1. issued -> overdue once past due + grace days
        rows = uow.session.execute(
            select(i, p.c.grace_days).join(c, c.c.id == i.c.contract_id).join(p, p.c.id == c.c.billing_profile_id)
            .where(i.c.state == "issued", i.c.balance > 0, i.c.due_date < as_of).order_by(i.c.due_date, i.c.id)
            .with_for_update(of=i)).all()
        customers = uow.customers.find_many(r.customer_id for r in rows)
        for r in rows:
            if r.due_date + dt.timedelta(days=r.grace_days) >= as_of:
                continue
            uow.session.execute(update(i).where(i.c.id == r.id).values(state="overdue"))
            cust = customers[r.customer_id]
            res.invoices_overdue += 1
            uow.publish("invoice_overdue", events_pb2.InvoiceOverdue(
                invoice_id=r.id, number=r.number, customer_id=r.customer_id, contract_id=r.contract_id or "",
                balance=fmt(r.balance), currency=r.currency, due_date=r.due_date.isoformat(),
                customer_email=cust.email, customer_name=cust.name))
        # 2. the late fee, once per invoice, as a line on the overdue invoice
        rows = uow.session.execute(
            select(i).where(i.c.state == "overdue", i.c.late_fee_applied.is_(False), i.c.balance > 0,
                            i.c.contract_id.is_not(None)).with_for_update()).all()
        for r in rows:
            inv = _row_to(model.Invoice, r)
            contract = uow.contracts.get(inv.contract_id)
            profile = uow.billing_profiles.get(contract.billing_profile_id)
            fee = pricing.late_fee(profile, inv.total)
            values = {"late_fee_applied": True}
            if fee > 0:
                pos = len(uow.invoices.lines([inv.id])[inv.id])
                uow.session.execute(orm.invoice_lines.insert().values(
                    invoice_id=inv.id, position=pos, kind="late_fee", description="Recargo por mora", quantity="1",
                    unit_price=fee, amount=fee, tax_rate=0, tax_amount=0, total=fee))
                values.update(subtotal=inv.subtotal + fee, total=inv.total + fee, balance=inv.balance + fee)
                res.late_fees_added += 1
            uow.session.execute(update(i).where(i.c.id == inv.id).values(**values))
        # 3. suspension: a service invoice overdue more than suspend_after_days
        rows = uow.session.execute(
            select(c.c.id, p.c.suspend_after_days, i.c.due_date).join(i, i.c.contract_id == c.c.id)
            .join(p, p.c.id == c.c.billing_profile_id)
            .where(c.c.state == "active", i.c.kind == "service", i.c.state == "overdue", i.c.balance > 0)).all()
        due = {r.id for r in rows if (as_of - r.due_date).days > r.suspend_after_days}
        for contract_id in sorted(due):
            contract = uow.contracts.get(contract_id, lock=True)
            customer = uow.customers.get(contract.customer_id)
            if contract_cases.suspend(uow, contract, customer, model.now(), "Falta de pago"):
                res.suspensions_due += 1
        uow.commit()
    return res
