"""Contracts, invoices, payments and dunning on a real PostgreSQL database."""
import datetime as dt
import threading
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from antena_common.errors import InvalidArgument, NotFound
from billing.adapters import orm
from billing.app import contracts, dunning, invoices, invoicing, ledger, reports

pytestmark = pytest.mark.integration

UTC = dt.timezone.utc


def _pay(svc, customer_id, amount, ref=None, method="transfer", paid_at=None):
    return ledger.record_payment(svc.uow, ledger.RecordPayment(
        customer_id=customer_id, amount=amount, currency="ARS", method=method, channel="bank", external_ref=ref or "",
        paid_at=(paid_at or dt.datetime(2026, 11, 25, tzinfo=UTC)).isoformat()))


def test_contract_lifecycle_invoices_payments_dunning(svc):
    plan, item, promo, profile = svc.setup_catalog()
    msg = svc.request_contract(plan, profile, items=[item], discounts=[promo], fee="6000.00", instalments=3)
    # the same request again (redelivered with another event id): nothing new
    svc.request_contract(plan, profile, items=[item], discounts=[promo], contract_id=msg.contract_id)
    assert len(svc.outbox("billing.contract_created")) == 1
    assert len(svc.outbox("billing.customer_created")) == 1
    c, items, discs = contracts.get_contract(svc.uow(), msg.contract_id)
    assert c.state == "pending" and discs == [promo.id] and [i.recurring_item_id for i in items] == [item.id]

    # activation on the 21st of a 30-day month: 10/30 of the month
    env = svc.activate(msg.contract_id, dt.datetime(2026, 11, 21, 15, 0, tzinfo=UTC))
    svc.activate(msg.contract_id, dt.datetime(2026, 11, 21, 15, 0, tzinfo=UTC), event_id=env.event_id)
    activated = svc.outbox("billing.contract_activated")
    assert len(activated) == 1
    assert activated[0]["ticket_id"] == msg.ticket_id and activated[0]["customer_email"] == "ana@example.com"
    first, _ = invoices.list_invoices(svc.uow(), contract_id=msg.contract_id)
    assert len(first) == 1
    inv = first[0]
    assert inv.period == "2026-11" and inv.issue_date == dt.date(2026, 11, 21)
    kinds = [ln["kind"] for ln in inv.lines]
    assert kinds == ["plan", "item", "discount", "instalment"]
    # plan 12000 * 10/30 = 4000; item 500; promo -2000; instalment 1/3 of 6000
    assert [ln["amount"] for ln in inv.lines] == [D("4000.00"), D("500.00"), D("-2000.00"), D("2000.00")]
    assert inv.total == D("4500.00") == sum(ln["total"] for ln in inv.lines)
    assert inv.number.startswith("FC-")

    # bill runs: December, January (promotion month 3), February (no promotion, instalments done)
    res = invoicing.run_bill_run(svc.uow, "2026-12")
    assert res.invoices_issued == 1 and res.totals["ARS"] == D("9500.00")  # 12000 + 1500 - 6000 + 2000 (2nd instalment)
    assert invoicing.run_bill_run(svc.uow, "2026-12").invoices_issued == 0
    invoicing.run_bill_run(svc.uow, "2027-01")
    invoicing.run_bill_run(svc.uow, "2027-02")
    by_period = {i.period: i for i in invoices.list_invoices(svc.uow(), contract_id=msg.contract_id)[0]}
    assert by_period["2027-01"].total == D("9500.00")   # 12000 + 1500 - 6000 + 2000 (3rd instalment)
    assert by_period["2027-02"].total == D("13500.00")  # promotion over after 3 months, instalments done
    assert [ln["kind"] for ln in by_period["2027-02"].lines] == ["plan", "item"]
    numbers = sorted(i.number for i in by_period.values())
    assert numbers == [f"FC-{n:08d}" for n in range(1, 5)]

    # payments: by transfer, twice the same reference
    customer_id = inv.customer_id
    p1 = _pay(svc, customer_id, "4500.00", ref="TRX-1")
    p2 = _pay(svc, customer_id, "4500.00", ref="TRX-1")
    assert p2.duplicate and p2.id == p1.id
    assert [a[0] for a in p1.allocations] == [inv.id]
    assert invoices.get_invoice(svc.uow(), inv.id).state == "paid"
    assert len(svc.outbox("billing.payment_received")) == 1
    with pytest.raises(InvalidArgument):
        _pay(svc, customer_id, "-5")
    with pytest.raises(NotFound):
        _pay(svc, "no-such-customer", "5")

    # dunning: December due 2026-12-11; on the 13th overdue + late fee; after 5 more days suspension
    r = dunning.run_dunning(svc.uow(), dt.date(2026, 12, 13))
    assert (r.invoices_overdue, r.late_fees_added, r.suspensions_due) == (1, 1, 0)
    assert dunning.run_dunning(svc.uow(), dt.date(2026, 12, 13)).late_fees_added == 0
    dec = invoices.get_invoice(svc.uow(), by_period["2026-12"].id)
    assert dec.state == "overdue" and dec.total == D("10000.00") and dec.lines[-1]["kind"] == "late_fee"
    r = dunning.run_dunning(svc.uow(), dt.date(2026, 12, 17))
    assert r.suspensions_due == 1
    assert dunning.run_dunning(svc.uow(), dt.date(2026, 12, 18)).suspensions_due == 0
    due = svc.outbox("billing.contract_suspension_due")
    assert len(due) == 1 and due[0]["services"] == ["internet"]
    assert contracts.get_contract(svc.uow(), msg.contract_id)[0].state == "suspended"

    # a partial payment does not reactivate; clearing the overdue debt does; the rest is credit
    _pay(svc, customer_id, "100.00", ref="TRX-2")
    assert svc.outbox("billing.contract_reactivation_due") == []
    p = _pay(svc, customer_id, "40000.00", ref="TRX-3")
    assert len(svc.outbox("billing.contract_reactivation_due")) == 1
    assert contracts.get_contract(svc.uow(), msg.contract_id)[0].state == "active"
    assert p.unallocated == D("40100.00") - D("10000.00") - D("9500.00") - D("13500.00")
    customer, entries, balance = reports.statement(svc.uow(), customer_id)
    assert balance == 0 and customer.credit == p.unallocated
    assert entries[-1].balance == -customer.credit

    # the credit goes to the next invoice as soon as it is issued
    invoicing.run_bill_run(svc.uow, "2027-03")
    march = invoices.list_invoices(svc.uow(), contract_id=msg.contract_id, period="2027-03")[0][0]
    assert march.state == "issued" and march.balance == D("13500.00") - D("7100.00")
    assert contracts.get_customer(svc.uow(), customer_id)[0].credit == 0

    # documents
    pdf, name = invoices.invoice_pdf(svc.uow(), inv.id)
    assert pdf.startswith(b"%PDF") and name.endswith(".pdf")
    cpdf, _ = invoices.contract_pdf(svc.uow(), msg.contract_id)
    assert cpdf.startswith(b"%PDF")


def test_installation_fee_on_its_own_invoice_and_rejections(svc):
    plan, item, promo, profile = svc.setup_catalog(prorate=False, tax_inclusive=False)
    msg = svc.request_contract(plan, profile, fee="10000.00", instalments=1)
    svc.activate(msg.contract_id, dt.datetime(2026, 11, 21, 15, 0, tzinfo=UTC))
    invs = sorted(invoices.list_invoices(svc.uow(), contract_id=msg.contract_id)[0], key=lambda i: i.series)
    assert [(i.series, i.kind) for i in invs] == [("FC", "service"), ("OI", "other")]
    svc_inv, other = invs
    assert svc_inv.subtotal == D("12000.00") and svc_inv.tax_total == D("2520.00") and svc_inv.total == D("14520.00")
    assert other.total == D("12100.00") and other.lines[0]["kind"] == "installation"

    # an unpaid installation fee never suspends the service
    dunning.run_dunning(svc.uow(), dt.date(2027, 1, 30))
    assert invoices.get_invoice(svc.uow(), other.id).state == "overdue"
    suspended = svc.outbox("billing.contract_suspension_due")
    assert [s["contract_id"] for s in suspended] == [msg.contract_id]  # because of the service invoice only

    bad = svc.request_contract(plan, profile, discounts=[promo], email="x@example.com", document="1",
                               currency="USD")
    rejected = svc.outbox("billing.contract_rejected")
    assert len(rejected) == 1 and rejected[0]["contract_id"] == bad.contract_id and "currency" in rejected[0]["reason"]


def test_bill_run_resumes_after_a_crash_without_duplicates(svc):
    plan, item, promo, profile = svc.setup_catalog()
    ids = []
    for n in range(7):
        m = svc.request_contract(plan, profile, items=[item], email=f"c{n}@example.com", document=str(n))
        svc.activate(m.contract_id, dt.datetime(2026, 10, 5, tzinfo=UTC))
        ids.append(m.contract_id)

    class Crash(Exception):
        pass

    def crash(result):
        raise Crash()

    with pytest.raises(Crash):
        invoicing.run_bill_run(svc.uow, "2026-11", batch_size=3, after_batch=crash)
    with svc.db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(orm.invoices).where(
            orm.invoices.c.period == "2026-11")).scalar_one() == 3
    res = invoicing.run_bill_run(svc.uow, "2026-11", batch_size=3)
    assert res.invoices_issued == 4
    with svc.db.engine.connect() as conn:
        rows = conn.execute(select(orm.invoices.c.contract_id, orm.invoices.c.seq).where(
            orm.invoices.c.period == "2026-11")).all()
        seqs = sorted(r.seq for r in conn.execute(select(orm.invoices.c.seq).where(orm.invoices.c.series == "FC")))
    assert sorted(r.contract_id for r in rows) == sorted(ids)
    assert seqs == list(range(1, len(seqs) + 1))  # no gaps, no repeats


def test_concurrent_bill_runs_issue_each_invoice_once(svc):
    plan, item, promo, profile = svc.setup_catalog()
    for n in range(40):
        m = svc.request_contract(plan, profile, email=f"c{n}@example.com", document=str(n))
        svc.activate(m.contract_id, dt.datetime(2026, 10, 5, tzinfo=UTC))
    results, errors = [], []

    def run():
        try:
            results.append(invoicing.run_bill_run(svc.uow, "2026-11", batch_size=7))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(r.invoices_issued for r in results) == 40
    with svc.db.engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(orm.invoices).where(
            orm.invoices.c.period == "2026-11")).scalar_one()
        seqs = sorted(r[0] for r in conn.execute(select(orm.invoices.c.seq).where(orm.invoices.c.series == "FC")))
    assert n == 40 and seqs == list(range(1, len(seqs) + 1))


def test_same_webhook_in_parallel_records_one_payment(svc):
    plan, item, promo, profile = svc.setup_catalog()
    m = svc.request_contract(plan, profile)
    svc.activate(m.contract_id, dt.datetime(2026, 11, 1, tzinfo=UTC))
    customer_id = invoices.list_invoices(svc.uow(), contract_id=m.contract_id)[0][0].customer_id
    barrier = threading.Barrier(4)
    out, errors = [], []

    def deliver():
        barrier.wait()
        try:
            out.append(_pay(svc, customer_id, "12000.00", ref="MP-555", method="gateway"))
        except Exception as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len({p.id for p in out}) == 1 and sum(not p.duplicate for p in out) == 1
    with svc.db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(orm.payments)).scalar_one() == 1
        assert conn.execute(select(func.sum(orm.allocations.c.amount))).scalar_one() == D("12000.00")
    assert len(svc.outbox("billing.payment_received")) == 1
