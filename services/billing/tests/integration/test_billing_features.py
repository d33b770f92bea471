"""Additional services and suspension, billing pause, pronto pago, credit notes, contract
documents with an edited template and a stored signature, customer lookups, aging."""
import datetime as dt
import io
import shutil
import subprocess
from decimal import Decimal as D

import pytest

from antena_common.errors import Conflict, InvalidArgument, NotFound
from billing.app import catalog as cat
from billing.app import company, contracts, dunning, invoices, invoicing, ledger, reports

pytestmark = pytest.mark.integration
UTC = dt.timezone.utc


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    assert shutil.which("pdftotext")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _png() -> bytes:
    from PIL import Image  # weasyprint depends on Pillow

    buf = io.BytesIO()
    Image.new("RGB", (120, 40), (20, 40, 90)).save(buf, format="PNG")
    return buf.getvalue()


def test_services_suspension_lists_only_cut_services(svc):
    plan, item, promo, profile = svc.setup_catalog()
    phone = cat.create_recurring_item(svc.uow(), cat.CreateRecurringItem(name="Telefonía VoIP", price="2000",
                                                                         period="monthly", service="telephony"))
    tv = cat.create_recurring_item(svc.uow(), cat.CreateRecurringItem(name="TV básica", price="3000",
                                                                      period="monthly", service="tv"))
    m = svc.request_contract(plan, profile)
    contracts.add_service(svc.uow(), contract_id=m.contract_id, recurring_item_id=phone.id,
                          description="261-555-0101", cut_on_nonpayment=True)
    c, items, _ = contracts.add_service(svc.uow(), contract_id=m.contract_id, recurring_item_id=tv.id,
                                        description="", cut_on_nonpayment=False)
    assert [(i.service, i.cut_on_nonpayment) for i in items] == [("telephony", True), ("tv", False)]
    with pytest.raises(InvalidArgument):  # a plain item is not an additional service
        contracts.add_service(svc.uow(), contract_id=m.contract_id, recurring_item_id=item.id, description="",
                              cut_on_nonpayment=True)
    svc.activate(m.contract_id, dt.datetime(2026, 11, 1, tzinfo=UTC))
    inv = invoices.list_invoices(svc.uow(), contract_id=m.contract_id)[0][0]
    assert [(ln["kind"], ln["description"]) for ln in inv.lines] == [
        ("plan", "Fibra 300"), ("service", "Telefonía VoIP - 261-555-0101"), ("service", "TV básica")]
    assert inv.total == D("17000.00")
    dunning.run_dunning(svc.uow(), dt.date(2026, 12, 1))
    due = svc.outbox("billing.contract_suspension_due")
    assert len(due) == 1 and due[0]["services"] == ["internet", "telephony"]
    ledger.record_payment(svc.uow, ledger.RecordPayment(customer_id=inv.customer_id, amount="17500.00",
                                                        currency="ARS", method="cash", channel="branch"))
    back = svc.outbox("billing.contract_reactivation_due")
    assert len(back) == 1 and back[0]["services"] == ["internet", "telephony"]


def test_billing_pause_skips_periods(svc):
    plan, item, promo, profile = svc.setup_catalog()
    m = svc.request_contract(plan, profile)
    svc.activate(m.contract_id, dt.datetime(2026, 10, 1, tzinfo=UTC))
    contracts.pause(svc.uow(), contract_id=m.contract_id, from_period="2026-12", until_period="2027-01")
    with pytest.raises(InvalidArgument):
        contracts.pause(svc.uow(), contract_id=m.contract_id, from_period="2027-02", until_period="2027-01")
    issued = {p: invoicing.run_bill_run(svc.uow, p).invoices_issued for p in ("2026-11", "2026-12", "2027-01", "2027-02")}
    assert issued == {"2026-11": 1, "2026-12": 0, "2027-01": 0, "2027-02": 1}
    c, _, _ = contracts.terminate(svc.uow(), contract_id=m.contract_id, end_date=dt.date(2027, 2, 20))
    assert c.state == "terminated" and c.end_date == dt.date(2027, 2, 20)
    contracts.terminate(svc.uow(), contract_id=m.contract_id, end_date=dt.date(2027, 2, 21))  # no second event
    assert [e["contract_id"] for e in svc.outbox("billing.contract_terminated")] == [m.contract_id]
    assert invoicing.run_bill_run(svc.uow, "2027-03").invoices_issued == 0


def test_pronto_pago_and_credit_notes(svc, tmp_path):
    plan, item, promo, profile = svc.setup_catalog()
    early = cat.create_billing_profile(svc.uow(), cat.CreateBillingProfile(
        name="Pronto pago", issue_day=1, due_days=10, late_fee_kind="percent", late_fee_value="5",
        suspend_after_days=10, prorate=True, early_payment_days=5, early_payment_percent="10"))
    m = svc.request_contract(plan, early)
    svc.activate(m.contract_id, dt.datetime(2026, 11, 1, tzinfo=UTC))
    inv = invoices.list_invoices(svc.uow(), contract_id=m.contract_id)[0][0]
    assert inv.total == D("12000.00")
    es = _text(invoices.invoice_pdf(svc.uow(), inv.id)[0], tmp_path)
    assert "Factura" in es and "Pronto pago: 10% de descuento" in es and "$12.000,00" in es
    en = _text(invoices.invoice_pdf(svc.uow(), inv.id, locale="en")[0], tmp_path)
    assert "Invoice" in en and "Balance due" in en and "Early payment: 10% off" in en
    # paid within 5 days: 10% off as a credit note, the rest settles the invoice
    p = ledger.record_payment(svc.uow, ledger.RecordPayment(
        customer_id=inv.customer_id, amount="10800.00", currency="ARS", method="card", channel="pos",
        external_ref="POS-1", paid_at="2026-11-04T10:00:00-03:00"))
    assert p.unallocated == 0 and [a[2] for a in p.allocations] == [D("10800.00")]
    assert invoices.get_invoice(svc.uow(), inv.id).state == "paid"
    _, entries, balance = reports.statement(svc.uow(), inv.customer_id)
    assert [e.kind for e in entries] == ["invoice", "credit_note", "payment"] and balance == 0
    # late: no discount
    invoicing.run_bill_run(svc.uow, "2026-12")
    dec = invoices.list_invoices(svc.uow(), contract_id=m.contract_id, period="2026-12")[0][0]
    p = ledger.record_payment(svc.uow, ledger.RecordPayment(
        customer_id=inv.customer_id, amount="10800.00", currency="ARS", method="transfer", channel="bank",
        external_ref="TRX-9", paid_at="2026-12-09T10:00:00-03:00"))
    assert invoices.get_invoice(svc.uow(), dec.id).balance == D("1200.00")
    # a credit note for the rest closes it; crediting more than the balance is refused
    with pytest.raises(InvalidArgument):
        ledger.create_credit_note(svc.uow(), invoice_id=dec.id, amount="5000", reason="x")
    note = ledger.create_credit_note(svc.uow(), invoice_id=dec.id, amount="", reason="Bonificación por corte")
    assert note["number"] == "NC-00000002" and note["amount"] == D("1200.00")
    assert invoices.get_invoice(svc.uow(), dec.id).state == "paid"
    with pytest.raises(Conflict):
        ledger.create_credit_note(svc.uow(), invoice_id=dec.id, amount="1", reason="x")
    # a whole unpaid invoice credited becomes void
    invoicing.run_bill_run(svc.uow, "2027-01")
    jan = invoices.list_invoices(svc.uow(), contract_id=m.contract_id, period="2027-01")[0][0]
    ledger.create_credit_note(svc.uow(), invoice_id=jan.id, amount="", reason="Anulación")
    assert invoices.get_invoice(svc.uow(), jan.id).state == "void"


def test_contract_document_template_and_signature(svc, tmp_path):
    plan, item, promo, profile = svc.setup_catalog()
    m = svc.request_contract(plan, profile, items=[item])
    template = ("<h1>Contrato {{ contract.id }}</h1><p>Cliente: {{ customer.name }} ({{ customer.document }})</p>"
                "<p>Plan {{ plan.name }} por {{ price }} de {{ company.trade_name }}</p>"
                "<p>{{ items | join(', ') }}</p>")
    with pytest.raises(InvalidArgument) as bad_logo:
        company.update_company(svc.uow(), {**company.get_company(svc.uow()), "logo": b"GIF89a..."})
    assert bad_logo.value.field_errors == {"logo": "must be a PNG or JPEG image"}
    saved = company.update_company(svc.uow(), {**company.get_company(svc.uow()), "contract_template": template,
                                               "logo": _png()})
    assert saved["logo_content_type"] == "image/png"
    text = _text(invoices.contract_pdf(svc.uow(), m.contract_id)[0], tmp_path)
    assert f"Contrato {m.contract_id}" in text and "Cliente: Ana Gómez (30111222)" in text
    assert "Plan Fibra 300 por $12.000,00 de AndinaNet" in text and "IP fija" in text
    with pytest.raises(InvalidArgument):
        company.update_company(svc.uow(), {**company.get_company(svc.uow()), "contract_template": "{{ broken"})
    with pytest.raises(InvalidArgument):  # templates run sandboxed
        company.update_company(svc.uow(), {**company.get_company(svc.uow()),
                                           "contract_template": "{{ ''.__class__.__mro__[1].__subclasses__() }}"})
        invoices.contract_pdf(svc.uow(), m.contract_id)
    company.update_company(svc.uow(), {**company.get_company(svc.uow()), "contract_template": ""})  # the default
    c, _, _ = contracts.store_signature(svc.uow(), contract_id=m.contract_id, image=_png(), content_type="image/png",
                                        signer_name="Ana Gómez")
    assert c.signed_at is not None
    text = _text(invoices.contract_pdf(svc.uow(), m.contract_id)[0], tmp_path)
    assert "firmado el" in text
    with pytest.raises(InvalidArgument, match="^image: must be a PNG or JPEG image$"):
        contracts.store_signature(svc.uow(), contract_id=m.contract_id, image=b"GIF89a...", content_type="image/gif",
                                  signer_name="x")
    with pytest.raises(InvalidArgument, match="^image: is required$"):
        contracts.store_signature(svc.uow(), contract_id=m.contract_id, image=b"", content_type="image/png",
                                  signer_name="x")
    with pytest.raises(NotFound):  # the portal asks for its own customer's contracts only
        invoices.contract_pdf(svc.uow(), m.contract_id, customer_id="someone-else")


def test_zone_billing_day_from_connection_reserved(svc):
    from antena.network.v1 import events_pb2 as net_events

    plan, item, promo, profile = svc.setup_catalog()  # profile issues on the 1st
    m = svc.request_contract(plan, profile)
    svc.deliver("network.connection_reserved", net_events.ConnectionReserved(
        connection_id="conn-9", contract_id=m.contract_id, billing_day=15, zone_name="RB3 ZONA SUR DÍA 15"))
    c = contracts.get_contract(svc.uow(), m.contract_id)[0]
    assert (c.issue_day, c.connection_id, c.state) == (15, "conn-9", "pending")
    svc.activate(m.contract_id, dt.datetime(2026, 11, 3, tzinfo=UTC))
    invoicing.run_bill_run(svc.uow, "2026-12")
    dec = invoices.list_invoices(svc.uow(), contract_id=m.contract_id, period="2026-12")[0][0]
    assert (dec.issue_date, dec.due_date) == (dt.date(2026, 12, 15), dt.date(2026, 12, 25))
    # before the contract exists the event is retried later, not lost
    from antena_common.bus import Retryable
    with pytest.raises(Retryable):
        svc.deliver("network.connection_reserved", net_events.ConnectionReserved(contract_id="not-yet", billing_day=5))


def test_customer_lookup_and_aging(svc):
    plan, item, promo, profile = svc.setup_catalog()
    m = svc.request_contract(plan, profile, email="Luis@Example.com", document="27999")
    svc.activate(m.contract_id, dt.datetime(2026, 8, 1, tzinfo=UTC))
    for p in ("2026-09", "2026-10", "2026-11"):
        invoicing.run_bill_run(svc.uow, p)
    customer, balance = contracts.get_customer_by_email(svc.uow(), "luis@example.com")
    assert customer.document == "27999" and balance == D("48000.00")
    with pytest.raises(NotFound):
        contracts.get_customer_by_email(svc.uow(), "nobody@example.com")
    # a second contract for the same person reuses the customer
    m2 = svc.request_contract(plan, profile, email="luis@example.com", document="27999")
    assert contracts.get_contract(svc.uow(), m2.contract_id)[0].customer_id == customer.id
    rows, totals = reports.aging(svc.uow(), dt.date(2026, 11, 20), "ARS")
    a = totals.amounts
    # due 08-11 (101 days), 09-11 (70), 10-11 (40), 11-11 (9)
    assert (a["d90_plus"], a["d61_90"], a["d31_60"], a["d0_30"], a["current"]) == (
        D("12000.00"), D("12000.00"), D("12000.00"), D("12000.00"), D("0.00"))
    assert rows[0].total == D("48000.00")


def test_demo_data_loads_once(tmp_path, memory_bus_url):
    from antena_common.testing import EmbeddedSystem, system_env
    from billing import demo

    system = EmbeddedSystem(system_env(tmp_path / "data"), only=["billing"])
    try:
        demo.load(system.grpc_target("billing"))
        demo.load(system.grpc_target("billing"))  # a second time changes nothing
        from antena.billing.v1 import billing_pb2 as pb
        from antena.billing.v1 import billing_pb2_grpc
        from antena_common import rpc

        api = billing_pb2_grpc.BillingServiceStub(rpc.channel(system.grpc_target("billing")))
        plans = api.ListPlans(pb.ListCatalogRequest()).items
        assert [p.name for p in plans] == ["Fibra 100", "Fibra 300", "Inalámbrico 20"]
        q = api.Quote(pb.QuoteRequest(plan_id=plans[0].id, discount_ids=[
            d.id for d in api.ListDiscounts(pb.ListCatalogRequest()).items if d.has_months]))
        assert q.total_monthly == "6250.00"
    finally:
        system.stop()
