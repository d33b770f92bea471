"""Billing end to end through the gateway (embedded): a requested contract becomes active when
network activates it, the first invoice is prorated and printable, bill runs, payments, dunning."""
import shutil
import subprocess
import threading

import pytest

from antena.common.v1 import common_pb2
from antena.network.v1 import events_pb2 as net_events
from antena.orders.v1 import events_pb2 as orders_events
from antena_common import events as ev
from antena_common.bus import EventConsumer, Publisher, Subscription
from antena_common.ids import new_id
from antena_common.testing import EmbeddedSystem, distributed, system_env, wait_until

pytestmark = pytest.mark.e2e

WATCHED = ("billing.contract_activated", "billing.invoice_issued", "billing.invoice_overdue",
           "billing.payment_received", "billing.contract_suspension_due", "billing.contract_reactivation_due",
           "billing.customer_created", "billing.contract_created")


@pytest.fixture(params=["embedded", "distributed"])
def billing_system(request, tmp_path):
    """Billing and the gateway: in this process on the memory bus and SQLite, or as their own
    processes on RabbitMQ and PostgreSQL."""
    if request.param == "embedded":
        url = request.getfixturevalue("memory_bus_url")
        system = EmbeddedSystem(system_env(tmp_path / "data"), only=["billing", "gateway"])
        system.bus_url = url
        yield system
        system.stop()
        return
    url = request.getfixturevalue("amqp_url")
    with distributed(tmp_path, url, only=["billing", "gateway"]) as system:
        system.bus_url = url
        yield system


@pytest.fixture
def seen(billing_system):
    """What billing publishes, as a downstream consumer sees it on the bus."""
    bus_url = billing_system.bus_url
    got: dict[str, list] = {}
    lock = threading.Lock()

    def record(envelope, msg):
        with lock:
            got.setdefault(envelope.type, []).append(envelope.payload)

    consumer = EventConsumer(bus_url, "e2e-watch", [Subscription(t, record) for t in WATCHED])
    consumer.start()
    consumer.ready.wait(10)
    yield got
    consumer.stop()


def _publish(url, source, name, payload):
    pub = Publisher(url)
    try:
        pub.publish(ev.new_envelope(source, name, payload))
    finally:
        pub.close()


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is required"
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_contract_to_invoice_payment_and_dunning(billing_system, seen, tmp_path):
    system = billing_system
    bus_url = system.bus_url
    with system.client() as api:
        r = api.put("/v1/company", json={"legal_name": "Red Andina S.A.", "trade_name": "AndinaNet",
                                         "tax_id": "30-71234567-8", "currency": "ARS",
                                         "fiscal_address": {"street": "San Martín", "number": "123",
                                                            "city": "Mendoza"}})
        assert r.status_code == 200, r.text
        plan = api.post("/v1/plans", json={"name": "Fibra 300", "download_mbps": 300, "upload_mbps": 100,
                                           "price": "12000.00", "currency": "ARS"}).json()
        promo = api.post("/v1/discounts", json={"name": "50% por 3 meses", "kind": "percent", "value": "50",
                                                "months": 3}).json()
        profile = api.post("/v1/billing-profiles", json={
            "name": "Mensual", "issue_day": 1, "due_days": 10, "late_fee_kind": "amount", "late_fee_value": "500",
            "suspend_after_days": 5, "prorate": True}).json()

        contract_id, ticket_id = new_id(), new_id()
        _publish(bus_url, "orders", "contract_requested", orders_events.ContractRequested(
            request_id=new_id(), order_id=new_id(), ticket_id=ticket_id, contract_id=contract_id,
            billing_profile_id=profile["id"], plan_id=plan["id"], discount_ids=[promo["id"]], currency="ARS",
            customer=orders_events.ContractCustomer(name="Ana Gómez", document="30111222", email="ana@example.com",
                                                    address=common_pb2.Address(street="Belgrano", number="45",
                                                                               city="Mendoza"))))
        wait_until(lambda: api.get(f"/v1/contracts/{contract_id}").status_code == 200, timeout=20,
                   message="contract created")
        contract = api.get(f"/v1/contracts/{contract_id}").json()
        assert contract["state"] == "pending" and contract["plan_id"] == plan["id"]
        customer_id = contract["customer_id"]
        assert api.get("/v1/customers", params={"q": "gómez"}).json()["items"][0]["id"] == customer_id

        _publish(bus_url, "network", "connection_activated", net_events.ConnectionActivated(
            connection_id="conn-1", contract_id=contract_id, order_id="o-1",
            activated_at="2026-11-21T15:00:00+00:00"))
        wait_until(lambda: api.get(f"/v1/contracts/{contract_id}").json()["state"] == "active", timeout=20,
                   message="contract activated")
        wait_until(lambda: seen.get("billing.contract_activated"), message="contract_activated published")
        activated = seen["billing.contract_activated"][0]
        assert activated["ticket_id"] == ticket_id and activated["customer_email"] == "ana@example.com"
        assert activated["customer_name"] == "Ana Gómez"

        # the first invoice: 10 of 30 days, promotion month 1
        invs = api.get("/v1/invoices", params={"customer_id": customer_id}).json()["items"]
        assert len(invs) == 1
        first = invs[0]
        assert first["period"] == "2026-11" and first["state"] == "issued"
        assert [ln["amount"] for ln in first["lines"]] == ["4000.00", "-2000.00"]
        assert first["total"] == "2000.00" and first["balance"] == "2000.00" and first["currency"] == "ARS"
        pdf = api.get(f"/v1/invoices/{first['id']}/pdf")
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        text = _pdf_text(pdf.content, tmp_path)
        for expected in ("Red Andina S.A.", "30-71234567-8", "Ana Gómez", "Fibra 300", "50% por 3 meses",
                         first["number"], "Factura", "Total", "2.000,00"):
            assert expected in text, expected

        # bill run for December; re-running issues nothing
        run = api.post("/v1/bill-runs", json={"period": "2026-12"})
        assert run.status_code == 200, run.text
        assert run.json()["invoices_issued"] == 1 and run.json()["total"] == "6000.00"
        again = api.post("/v1/bill-runs", json={"period": "2026-12"}).json()
        assert again["invoices_issued"] == 0 and again["total"] == "0.00"
        bad = api.post("/v1/bill-runs", json={"period": "2026-13"})
        assert bad.status_code == 422 and "period" in bad.json()["errors"]

        # a transfer pays both invoices; the same transfer posted again counts once
        body = {"customer_id": customer_id, "amount": "8000.00", "currency": "ARS", "method": "transfer",
                "channel": "bank", "external_ref": "TRX-0001", "paid_at": "2026-12-03T12:00:00-03:00"}
        p1 = api.post("/v1/payments", json=body)
        assert p1.status_code == 201, p1.text
        p2 = api.post("/v1/payments", json=body)
        assert p2.status_code == 200 and p2.json()["duplicate"] is True and p2.json()["id"] == p1.json()["id"]
        assert len(api.get("/v1/payments", params={"customer_id": customer_id}).json()["items"]) == 1
        states = {i["period"]: i["state"] for i in api.get("/v1/invoices", params={"customer_id": customer_id}).json()["items"]}
        assert states == {"2026-11": "paid", "2026-12": "paid"}
        wait_until(lambda: len(seen.get("billing.payment_received", [])) == 1, message="payment_received")

        # bad payments: clear 4xx
        for field, value, status in (("amount", "-10", 422), ("amount", "diez", 422), ("currency", "XYZ", 422),
                                     ("customer_id", "no-such-customer", 404)):
            r = api.post("/v1/payments", json={**body, "external_ref": "", field: value})
            assert r.status_code == status, (field, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            if status == 422:
                assert field in r.json()["errors"]

        # January unpaid: overdue on the 12th (+ late fee), suspension due past 5 more days
        assert api.post("/v1/bill-runs", json={"period": "2027-01"}).json()["invoices_issued"] == 1
        d = api.post("/v1/dunning-runs", json={"as_of": "2027-01-12"}).json()
        assert d["invoices_overdue"] == 1 and d["late_fees_added"] == 1 and d["suspensions_due"] == 0
        jan = api.get("/v1/invoices", params={"customer_id": customer_id, "state": "overdue"}).json()["items"][0]
        assert jan["lines"][-1]["kind"] == "late_fee" and jan["total"] == "6500.00"
        assert api.post("/v1/dunning-runs", json={"as_of": "2027-01-13"}).json()["late_fees_added"] == 0
        assert api.post("/v1/dunning-runs", json={"as_of": "2027-01-17"}).json()["suspensions_due"] == 1
        wait_until(lambda: seen.get("billing.contract_suspension_due"), message="suspension due")
        due = seen["billing.contract_suspension_due"][0]
        assert due["contract_id"] == contract_id and due["services"] == ["internet"]
        assert api.get(f"/v1/contracts/{contract_id}").json()["state"] == "suspended"
        wait_until(lambda: seen.get("billing.invoice_overdue"), message="invoice_overdue")

        aging = api.get("/v1/reports/aging", params={"as_of": "2027-01-17"}).json()
        assert aging["totals"]["d0_30"] == "6500.00" and aging["rows"][0]["customer_id"] == customer_id

        # paying clears the debt: reactivation due
        r = api.post("/v1/payments", json={**body, "amount": "6500.00", "external_ref": "TRX-0002",
                                           "paid_at": "2027-01-18T10:00:00-03:00", "method": "cash",
                                           "channel": "branch"})
        assert r.status_code == 201, r.text
        wait_until(lambda: seen.get("billing.contract_reactivation_due"), message="reactivation due")
        assert seen["billing.contract_reactivation_due"][0]["contract_id"] == contract_id
        assert api.get(f"/v1/contracts/{contract_id}").json()["state"] == "active"
        st = api.get(f"/v1/customers/{customer_id}/statement").json()
        assert st["balance"] == "0.00" and [e["kind"] for e in st["entries"]].count("payment") == 2

        doc = api.get(f"/v1/contracts/{contract_id}/document")
        assert doc.status_code == 200
        assert "Ana Gómez" in _pdf_text(doc.content, tmp_path)
