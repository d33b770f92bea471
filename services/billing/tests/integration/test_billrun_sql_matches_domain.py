"""The set-based bill run (PostgreSQL SQL) prices exactly like domain.pricing, to the cent,
on random catalogs and contracts: odd cents, inclusive and exclusive taxes, stacked discounts
over the plan price, yearly items, services, instalments, proration on and off."""
import datetime as dt
import random
from decimal import Decimal as D

import pytest

from antena_common.ids import new_id
from billing.app import catalog as cat
from billing.app import invoices, invoicing
from billing.domain import model

pytestmark = pytest.mark.integration


def _money(rng) -> str:
    return rng.choice(["0.03", "0.01", "1.05", "99.99", "12345.67", "9000.00", "15500.55", "333.33", "7.77"])


def test_sql_bill_run_equals_domain_pricing(svc):
    rng = random.Random(20261122)
    uow = svc.uow
    svc.setup_catalog()
    taxes = [cat.create_tax_rate(uow(), name=f"t{r}{inc}", rate=r, inclusive=inc, is_default=(r == "21" and not inc))
             for r, inc in (("21", False), ("10.5", True), ("27", False), ("21", True))]
    plans = [cat.create_plan(uow(), cat.CreatePlan(name=f"Plan {i}", download_mbps=10, upload_mbps=5,
                                                   price=_money(rng), currency="ARS",
                                                   tax_rate_id=rng.choice([""] + [t.id for t in taxes])))
             for i in range(6)]
    items = [cat.create_recurring_item(uow(), cat.CreateRecurringItem(
        name=f"Item {i}", price=_money(rng), period=rng.choice(["monthly", "yearly"]),
        service=rng.choice(["", "", "telephony", "tv"]), tax_rate_id=rng.choice([""] + [t.id for t in taxes])))
        for i in range(6)]
    discounts = [cat.create_discount(uow(), cat.CreateDiscount(name=f"D{i}", kind=k, value=v, months=m))
                 for i, (k, v, m) in enumerate((("percent", "50", 3), ("percent", "33.33", None),
                                               ("amount", "5000.00", 2), ("amount", "0.01", None),
                                               ("percent", "100", 1)))]
    profiles = [cat.create_billing_profile(uow(), cat.CreateBillingProfile(
        name=f"P{p}", issue_day=rng.randint(1, 28), due_days=10, late_fee_kind="amount", late_fee_value="1",
        suspend_after_days=5, prorate=p)) for p in (True, False)]
    contract_ids = []
    with uow() as u:
        for n in range(160):
            cust = model.Customer.register(name=f'C{n} "Ñandú" \\ o\'Higgins', currency="ARS", email=f"c{n}@example.com")
            u.customers.add(cust)
            start = dt.date(2026, 9, 1) + dt.timedelta(days=rng.randint(0, 120))
            count = rng.choice([0, 0, 1, 3, 12])
            c = model.Contract(id=new_id(),
                               customer_id=cust.id, plan_id=rng.choice(plans).id,
                               billing_profile_id=rng.choice(profiles).id, currency="ARS", state="active",
                               installation_fee=D(_money(rng)) if count else D(0), installation_instalments=count,
                               billing_start=start, start_date=start, issue_day=rng.choice([None, None, 5, 28]),
                               activated_at=dt.datetime.combine(start, dt.time(), dt.timezone.utc))
            chosen = rng.sample(items, rng.randint(0, 4))
            cis = [model.ContractItem(contract_id=c.id, recurring_item_id=i.id, kind="service" if i.service else "item",
                                      service=i.service, description=rng.choice(["", "línea 261-555"]))
                   for i in chosen]
            u.contracts.add(c, cis, [d.id for d in rng.sample(discounts, rng.randint(0, 3))])
            contract_ids.append(c.id)
        u.commit()
    compared = 0
    for period in ("2026-10", "2026-11", "2026-12", "2027-01", "2027-09"):
        res = invoicing.run_bill_run(uow, period, batch_size=37)
        with uow() as u:
            snap = invoicing.load_snapshot(u)
            contracts = [u.contracts.get(i) for i in contract_ids]
            expected = {d.contract_id: d for d in invoicing.period_drafts(u, snap, period, contracts)}
        got = {i.contract_id: i for i in invoices.list_invoices(uow(), period=period, limit=200)[0]}
        assert set(got) == set(expected) and res.invoices_issued == len(expected)
        for cid, draft in expected.items():
            inv = got[cid]
            want = [(ln.kind, ln.description, ln.unit_price, ln.amount, ln.tax_rate, ln.tax_amount, ln.total)
                    for ln in draft.lines]
            have = [(ln["kind"], ln["description"], ln["unit_price"], ln["amount"], ln["tax_rate"], ln["tax_amount"],
                     ln["total"]) for ln in inv.lines]
            assert have == want, cid
            wq = [str(ln.quantity.quantize(D("0.000001")).normalize()) for ln in draft.lines]
            assert [ln["quantity"] for ln in inv.lines] == wq
            t = invoicing.pricing.totals(draft.lines)
            assert (inv.subtotal, inv.tax_total, inv.total) == (t.subtotal, t.tax_total, t.total)
            assert inv.total == sum(ln["total"] for ln in inv.lines)
            assert (inv.issue_date, inv.due_date, inv.period_start, inv.period_end) == (
                draft.issue_date, draft.due_date, draft.period_start, draft.period_end)
            compared += 1
    assert compared > 400
    # every invoice has its invoice_issued event, a well-formed envelope with the invoice's data
    events = {e["invoice_id"]: e for e in svc.outbox("billing.invoice_issued")}
    all_invoices, cursor = [], None
    while True:
        page, cursor = invoices.list_invoices(uow(), limit=200, cursor=cursor)
        all_invoices += page
        if not cursor:
            break
    assert len(events) == len(all_invoices) > 400
    with uow() as u:
        names = {c.id: c for c in u.customers.list(limit=200)}
    for inv in all_invoices:
        e = events[inv.id]
        assert (e["number"], e["total"], e["currency"], e["contract_id"]) == (
            inv.number, str(inv.total), "ARS", inv.contract_id)
        assert (e["issue_date"], e["due_date"]) == (inv.issue_date.isoformat(), inv.due_date.isoformat())
        assert e["customer_name"] == names[inv.customer_id].name and e["customer_email"].endswith("@example.com")
