"""Invoicing: the first invoice on activation, the installation fee, monthly bill runs.

A bill run works in batches of contracts, each batch one transaction: take the
series lock, pick contracts still without an invoice for the period, price them
(domain.pricing), reserve that many consecutive numbers, bulk-insert invoices
and lines, write the invoice_issued events to the outbox, commit. A crash loses
at most the open batch (rolled back, numbers included: no gaps); re-running
picks up exactly the contracts left. The unique key (contract_id, period) is the
last guard against a contract invoiced twice."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.exc import IntegrityError

from antena.billing.v1 import events_pb2
from antena_common.ids import new_id

from ..adapters import billrun_pg, orm
from ..adapters.repository import _row_to
from ..domain import catalog, model, pricing
from ..domain.money import ZERO, fmt, parse_period, period_bounds, period_for
from . import ledger

SERVICE_SERIES = "FC"   # service invoices
OTHER_SERIES = "OI"     # "otros ingresos": installation fee and one-off charges


@dataclass
class Snapshot:
    """The catalog as one bill run sees it (small tables, loaded once)."""

    plans: dict[str, catalog.Plan]
    items: dict[str, catalog.RecurringItem]
    discounts: dict[str, catalog.Discount]
    profiles: dict[str, catalog.BillingProfile]
    taxes: dict[str, catalog.TaxRate]
    default_tax: catalog.TaxRate | None = None


def load_snapshot(uow) -> Snapshot:
    taxes = {t.id: t for t in uow.tax_rates.all()}
    return Snapshot(
        plans={x.id: x for x in uow.plans.all()},
        items={x.id: x for x in uow.recurring_items.all()},
        discounts={x.id: x for x in uow.discounts.all()},
        profiles={x.id: x for x in uow.billing_profiles.all()},
        taxes=taxes,
        default_tax=next((t for t in taxes.values() if t.is_default), None),
    )


def contract_terms(snap: Snapshot, c: model.Contract, items: list[model.ContractItem],
                   discount_ids: list[str]) -> pricing.ContractTerms:
    profile = snap.profiles[c.billing_profile_id]
    return pricing.ContractTerms(
        contract_id=c.id, plan=snap.plans[c.plan_id], billing_start=c.billing_start, prorate=profile.prorate,
        items=[snap.items[i.recurring_item_id] for i in items if i.kind == "item"],
        services=[(snap.items[i.recurring_item_id], i.description) for i in items if i.kind == "service"],
        discounts=[snap.discounts[d] for d in discount_ids],
        instalment_total=c.installation_fee if c.installation_instalments > 1 else ZERO,
        instalment_count=c.installation_instalments if c.installation_instalments > 1 else 0,
        taxes=snap.taxes, default_tax=snap.default_tax)


@dataclass
class Draft:
    customer_id: str
    contract_id: str | None
    kind: str
    period: str | None
    issue_date: dt.date
    due_date: dt.date
    period_start: dt.date | None
    period_end: dt.date | None
    currency: str
    lines: list[pricing.Line]
    id: str = field(default_factory=new_id)


def write_drafts(uow, series: str, drafts: list[Draft], customers: dict[str, model.Customer]) -> list[dict]:
    """Number, insert and announce invoices (inside the caller's transaction; series already locked or not)."""
    if not drafts:
        return []
    first = uow.invoices.next_numbers(series, len(drafts))
    now = model.now()
    rows, line_rows = [], []
    for k, d in enumerate(drafts):
        t = pricing.totals(d.lines)
        seq = first + k
        rows.append({"id": d.id, "series": series, "seq": seq, "number": model.invoice_number(series, seq),
                     "customer_id": d.customer_id, "contract_id": d.contract_id, "kind": d.kind, "period": d.period,
                     "state": "issued" if t.total > 0 else "paid", "issue_date": d.issue_date,
                     "due_date": d.due_date, "period_start": d.period_start, "period_end": d.period_end,
                     "subtotal": t.subtotal, "tax_total": t.tax_total, "total": t.total, "balance": t.total,
                     "currency": d.currency, "late_fee_applied": False, "created_at": now})
        for pos, ln in enumerate(d.lines):
            line_rows.append({"invoice_id": d.id, "position": pos, "kind": ln.kind, "description": ln.description[:300],
                              "quantity": str(ln.quantity.quantize(Decimal("0.000001")).normalize()),
                              "unit_price": ln.unit_price, "amount": ln.amount, "tax_rate": ln.tax_rate,
                              "tax_amount": ln.tax_amount, "total": ln.total})
    uow.invoices.add_many(rows, line_rows)
    for r in rows:
        cust = customers.get(r["customer_id"])
        uow.publish("invoice_issued", events_pb2.InvoiceIssued(
            invoice_id=r["id"], number=r["number"], customer_id=r["customer_id"], contract_id=r["contract_id"] or "",
            total=fmt(r["total"]), currency=r["currency"], issue_date=r["issue_date"].isoformat(),
            due_date=r["due_date"].isoformat(), customer_email=cust.email if cust else "",
            customer_name=cust.name if cust else ""))
    return rows


def period_drafts(uow, snap: Snapshot, period: str, contracts: list[model.Contract], *,
                  issue_date: dt.date | None = None) -> list[Draft]:
    ids = [c.id for c in contracts]
    items = uow.contracts.items(ids)
    discs = uow.contracts.discount_ids(ids)
    y, m = parse_period(period)
    drafts = []
    for c in contracts:
        terms = contract_terms(snap, c, items.get(c.id, []), discs.get(c.id, []))
        priced = pricing.period_lines(terms, period)
        if priced is None:
            continue
        lines, start, end = priced
        profile = snap.profiles[c.billing_profile_id]
        idate = issue_date or dt.date(y, m, c.issue_day or profile.issue_day)
        drafts.append(Draft(customer_id=c.customer_id, contract_id=c.id, kind="service", period=period,
                            issue_date=idate, due_date=idate + dt.timedelta(days=profile.due_days),
                            period_start=start, period_end=end, currency=c.currency, lines=lines))
    return drafts


def _unbilled_query(period: str, after_id: str, limit: int):
    c, i = orm.contracts, orm.invoices
    start, end = period_bounds(period)
    paused = and_(c.c.paused_from.is_not(None), c.c.paused_from <= period,
                  or_(c.c.paused_until.is_(None), c.c.paused_until >= period))
    return (select(c).where(
        c.c.state.in_(("active", "suspended")), c.c.billing_start <= end,
        or_(c.c.end_date.is_(None), c.c.end_date >= start), ~paused, c.c.id > after_id,
        ~exists().where(i.c.contract_id == c.c.id, i.c.period == period))
        .order_by(c.c.id).limit(limit))


@dataclass
class BillRunResult:
    period: str
    invoices_issued: int = 0
    totals: dict[str, Decimal] = field(default_factory=dict)


def run_bill_run(uow_factory, period: str, *, batch_size: int | None = None, after_batch=None) -> BillRunResult:
    """Invoice every billable contract for `period` once. Safe to run twice, concurrently, or after a crash."""
    parse_period(period)
    result = BillRunResult(period)
    if batch_size is None:
        with uow_factory() as uow:
            # PostgreSQL: big set-based batches; SQLite: short write transactions (one writer at a time)
            batch_size = 20000 if uow.session.get_bind().dialect.name == "postgresql" else 1000
    after = ""
    while True:
        for attempt in range(3):
            try:
                issued, after_next = _bill_batch(uow_factory, period, after, batch_size)
                break
            except IntegrityError:
                # another run took some of these contracts between our read and insert: read again
                if attempt == 2:
                    raise
        if after_next is None:
            return result
        after = after_next
        for currency, (n, total) in issued.items():
            result.invoices_issued += n
            result.totals[currency] = result.totals.get(currency, ZERO) + total
        if after_batch:
            after_batch(result)


def _bill_batch(uow_factory, period: str, after: str, batch_size: int):
    with uow_factory() as uow:
        # the series lock serializes concurrent runs; unbilled contracts are read after taking it
        first = uow.invoices.next_numbers(SERVICE_SERIES, 0)
        snap = load_snapshot(uow)  # small tables; fresh per batch
        if uow.session.get_bind().dialect.name == "postgresql":
            # the same pricing as domain.pricing, as one set-based statement per batch
            totals, with_credit, last = billrun_pg.write_batch(
                uow.session, period=period, series=SERVICE_SERIES, after=after, batch_size=batch_size,
                first_seq=first, default_tax=snap.default_tax.id if snap.default_tax else None,
                correlation_id=uow.correlation_id, now=model.now())
            customers = uow.customers.find_many(with_credit)
        else:
            contracts = [_row_to(model.Contract, r)
                         for r in uow.session.execute(_unbilled_query(period, after, batch_size))]
            last = contracts[-1].id if contracts else None
            drafts = period_drafts(uow, snap, period, contracts)
            customers = uow.customers.find_many(d.customer_id for d in drafts)
            totals = {}
            for r in write_drafts(uow, SERVICE_SERIES, drafts, customers):
                n, t = totals.get(r["currency"], (0, ZERO))
                totals[r["currency"]] = (n + 1, t + r["total"])
        if last is None:
            return {}, None
        for cust in customers.values():
            if cust.credit > 0:
                ledger.apply_credit(uow, cust)
        uow.commit()
        return totals, last


def first_invoices(uow, snap: Snapshot, contract: model.Contract, customer: model.Customer) -> list[dict]:
    """On activation: the (prorated) invoice of the first period, and the installation fee when it is
    charged at once ("otros ingresos"). Inside the caller's transaction."""
    rows = []
    period = period_for(contract.billing_start)
    today = contract.activated_at.date()
    uow.invoices.lock_series(SERVICE_SERIES)
    already = uow.session.execute(select(orm.invoices.c.id).where(
        orm.invoices.c.contract_id == contract.id, orm.invoices.c.period == period)).first()
    if not already:
        drafts = period_drafts(uow, snap, period, [contract], issue_date=today)
        rows += write_drafts(uow, SERVICE_SERIES, drafts, {customer.id: customer})
    if contract.installation_fee > 0 and contract.installation_instalments <= 1:
        profile = snap.profiles[contract.billing_profile_id]
        line = pricing.make_line("installation", "Instalación del servicio", contract.installation_fee,
                                 snap.default_tax)
        draft = Draft(customer_id=customer.id, contract_id=contract.id, kind="other", period=None,
                      issue_date=today, due_date=today + dt.timedelta(days=profile.due_days), period_start=None,
                      period_end=None, currency=contract.currency, lines=[line])
        rows += write_drafts(uow, OTHER_SERIES, [draft], {customer.id: customer})
    if customer.credit > 0:
        ledger.apply_credit(uow, customer)
    return rows
