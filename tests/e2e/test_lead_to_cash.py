"""Lead to cash through the gateway only (antena_common.scenario), every service real, in both
running modes: embedded (one process, SQLite, in-memory bus) and distributed (every service its own
process on RabbitMQ and a PostgreSQL database each). The router is a FAKE RouterOS API server
speaking the real wire protocol; RADIUS is a real FreeRADIUS on PostgreSQL; e-mail goes to a real
SMTP server (aiosmtpd)."""
from __future__ import annotations

import calendar
import datetime as dt
import email
import email.header
import subprocess
from decimal import ROUND_HALF_UP, Decimal

import httpx
import pytest

from antena_common import scenario
from antena_common.testing import (EmbeddedSystem, distributed, free_port, metric_samples, sql_rows, system_env,
                                   wait_until)
from network.testing.fake_routeros import FakeRouterOS

pytestmark = pytest.mark.e2e

ROUTER_USER, ROUTER_PASSWORD = "antena", "rb-secret"


@pytest.fixture
def router():
    fake = FakeRouterOS(username=ROUTER_USER, password=ROUTER_PASSWORD).start()
    yield fake
    fake.stop()


@pytest.fixture(params=["embedded", "distributed"])
def system(request, tmp_path, radius, smtp_sink):
    extra = {"ANTENA_NETWORK_RADIUS_DATABASE_URL": radius.url, "ANTENA_NETWORK_DEFAULT_DRIVERS": "mikrotik,radius",
             "ANTENA_NETWORK_PROVISIONING_POLL_SECONDS": "0.1", "ANTENA_NETWORK_RETRY_BASE_SECONDS": "0.2",
             "ANTENA_NOTIFICATIONS_SMTP_PORT": str(smtp_sink.port), "ANTENA_NOTIFICATIONS_ISP_NAME": "AndinaNet",
             "ANTENA_NOTIFICATIONS_DISPATCH_INTERVAL_SECONDS": "0.1"}
    if request.param == "embedded":
        request.getfixturevalue("memory_bus_url")
        s = EmbeddedSystem({**system_env(tmp_path / "data"), **extra})
        yield s
        s.stop()
        return
    metrics_ports = {f"ANTENA_{name.upper()}_METRICS_PORT": str(free_port()) for name in CONSUMERS}
    with distributed(tmp_path, request.getfixturevalue("amqp_url"), extra_env={**extra, **metrics_ports}) as s:
        yield s


CONSUMERS = ("sales", "orders", "network", "billing", "notifications", "portal")


def events_handled(system) -> dict[str, set[str]]:
    """Event types each service's consumer handled, from Prometheus /metrics: the gateway's in the
    embedded mode (one registry), every service's own metrics port in the distributed mode."""
    if isinstance(system, EmbeddedSystem):
        pages = [httpx.get(f"{system.gateway_url}/metrics", timeout=10).text]
    else:
        pages = [httpx.get(f"http://127.0.0.1:{system.env[f'ANTENA_{name.upper()}_METRICS_PORT']}/metrics",
                           timeout=10).text for name in CONSUMERS]
    handled: dict[str, set[str]] = {}
    for page in pages:
        for labels, value in metric_samples(page, "antena_events_handled_total", outcome="ok"):
            if value > 0:
                handled.setdefault(labels["consumer"], set()).add(labels["type"])
    return handled


def subject(mail) -> str:
    return str(email.header.make_header(email.header.decode_header(mail["Subject"])))


SECRETS, QUEUES, LISTS = "/ppp/secret", "/queue/simple", "/ip/firewall/address-list"


def radius_rows(url: str, username: str) -> tuple[dict, dict]:
    """radcheck and radreply of one user as FreeRADIUS reads them: {attribute: (op, value)}."""
    return tuple({a: (op, v) for a, op, v in sql_rows(url, f"SELECT attribute, op, value FROM {table} WHERE username = :u",
                                                      u=username)} for table in ("radcheck", "radreply"))


def pdf_text(data: bytes, tmp_path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def mail_to(smtp_sink, address: str, subject_part: str):
    return [m for m in smtp_sink.messages() if address in m["To"] and subject_part in subject(m)]


def next_period(period: str) -> str:
    year, month = map(int, period.split("-"))
    return f"{year + month // 12}-{month % 12 + 1:02d}"


def test_lead_to_cash(system, router, radius, smtp_sink, tmp_path):
    """Three sign-ups (the scenario driver's steps interleaved); the first one is followed to cash:
    provisioning, invoices, e-mail, payment, overdue, suspension, payment, restoration."""
    with system.client() as api:
        setup = scenario.prepare(api, router_host="127.0.0.1", router_port=router.port, router_user=ROUTER_USER,
                                 router_password=ROUTER_PASSWORD, capacity=3, cidr="100.73.0.0/16",
                                 plan_price="9300.00", installation_fee="15000.00")
        # lead -> ticket -> order -> planning -> contract -> field completion
        opened = [scenario.open_ticket(api, setup, i) for i in range(3)]
        started = [scenario.request_contract(api, setup, scenario.schedule(api, setup, scenario.await_order(api, o)))
                   for o in opened]
        done = [scenario.finish_field_work(api, setup, o) for o in started]
        assert len({(o.technician_id, o.scheduled_start) for o in done}) == 3
        s, neighbours = done[0], done[1:]
        order = api.get(f"/v1/orders/{s.order_id}").json()
        assert (order["state"], order["ticket_id"], order["contract_id"]) == ("completed", s.ticket_id, s.contract_id)
        assert order["technician_id"] == setup.technicians[0].id

        # -> activation: network provisions, billing activates, the desk wins the ticket
        contract_ids = scenario.wait_active(api, done, timeout=90)
        assert contract_ids[0] == s.contract_id and len(set(contract_ids)) == 3
        conn = wait_until(lambda: (c := api.get(f"/v1/connections/{s.connection_id}").json())["state"] == "active"
                          and c, timeout=30, message="connection active")
        user, password, ip = conn["pppoe_username"], conn["pppoe_password"], conn["ip"]
        assert ip.startswith("100.73.") and user and password

        # provisioning on the router: PPPoE secret and queue at the plan's rates, not in the suspended list
        tag = f"antena:{conn['id']}"
        secret = [r for r in router.rows(SECRETS) if r.get("comment") == tag]
        assert [(r["name"], r["password"], r["remote-address"]) for r in secret] == [(user, password, ip)]
        assert sorted(r["comment"] for r in router.rows(SECRETS)) == sorted(f"antena:{o.connection_id}" for o in done)
        assert [r["max-limit"] for r in router.rows(QUEUES) if r.get("comment") == tag] == ["50000000/100000000"]
        assert [r for r in router.rows(LISTS) if r["address"] == ip] == []
        # ... and in RADIUS: the rows FreeRADIUS reads, and a real Access-Request accepted
        check, reply = radius_rows(radius.url, user)
        assert check == {"Cleartext-Password": (":=", password)}
        assert reply["Framed-IP-Address"][1] == ip and reply["Mikrotik-Rate-Limit"][1] == "50M/100M"
        accepted, attrs = radius.authenticate(user, password)
        assert accepted and attrs["Framed-IP-Address"] == [ip] and attrs["Mikrotik-Rate-Limit"] == ["50M/100M"]
        assert radius.authenticate(user, "not-the-password")[0] is False

        # the first invoices: the first period prorated from activation, the installation fee apart
        contract = api.get(f"/v1/contracts/{s.contract_id}").json()
        customer_id = contract["customer_id"]
        invoices = api.get("/v1/invoices", params={"customer_id": customer_id}).json()["items"]
        assert sorted(i["kind"] for i in invoices) == ["other", "service"]
        first = next(i for i in invoices if i["kind"] == "service")
        fee = next(i for i in invoices if i["kind"] == "other")
        assert [(ln["kind"], ln["amount"]) for ln in fee["lines"]] == [("installation", "15000.00")]
        start, end = dt.date.fromisoformat(first["period_start"]), dt.date.fromisoformat(first["period_end"])
        month_days = calendar.monthrange(start.year, start.month)[1]
        assert first["period"] == f"{start:%Y-%m}" and end.day == month_days
        plan_line = first["lines"][0]
        prorated = (Decimal("9300.00") * ((end - start).days + 1) / month_days).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert plan_line["kind"] == "plan" and Decimal(plan_line["amount"]) == prorated
        assert first["state"] == "issued" and first["balance"] == first["total"]
        text_ = pdf_text(api.get(f"/v1/invoices/{first['id']}/pdf").content, tmp_path, "first.pdf")
        for expected in (s.name, first["number"], setup.plan_name, "Red Andina S.A."):
            assert expected in text_, expected

        # the customer's e-mails, on a real SMTP server: the invoice with its PDF, the welcome
        mail = wait_until(lambda: mail_to(smtp_sink, s.email, first["number"]), timeout=60,
                          message="the invoice e-mail")[0]
        assert subject(mail) == f"Tu factura {first['number']} de AndinaNet"
        pdfs = [p.get_payload(decode=True) for p in mail.walk() if p.get_content_type() == "application/pdf"]
        assert len(pdfs) == 1 and s.name in pdf_text(pdfs[0], tmp_path, "attached.pdf")
        wait_until(lambda: mail_to(smtp_sink, s.email, "Tu servicio está activo"), timeout=150, message="the welcome e-mail")

        # payment through the gateway: both invoices paid
        owed = sum(Decimal(i["balance"]) for i in invoices)
        paid_at = dt.datetime.now(dt.timezone.utc)
        r = api.post("/v1/payments", json={"customer_id": customer_id, "amount": str(owed), "currency": "ARS",
                                           "method": "transfer", "channel": "bank", "external_ref": "TRX-L2C-1",
                                           "paid_at": paid_at.isoformat()})
        assert r.status_code == 201, r.text
        states = {i["id"]: i["state"] for i in api.get("/v1/invoices", params={"customer_id": customer_id}).json()["items"]}
        assert states == {first["id"]: "paid", fee["id"]: "paid"}

        # the next period's invoice is not paid: billing's dunning run as of a date past its due date
        period = next_period(first["period"])
        run = api.post("/v1/bill-runs", json={"period": period})
        assert run.status_code == 200 and run.json()["invoices_issued"] == 3, run.text
        for n in neighbours:  # they pay everything on time
            cust = api.get(f"/v1/contracts/{n.contract_id}").json()["customer_id"]
            balance = api.get(f"/v1/customers/{cust}/statement").json()["balance"]
            assert Decimal(balance) > 0
            assert api.post("/v1/payments", json={
                "customer_id": cust, "amount": balance, "currency": "ARS", "method": "transfer", "channel": "bank",
                "external_ref": f"TRX-{n.i}", "paid_at": paid_at.isoformat()}).status_code == 201
        second = next(i for i in api.get("/v1/invoices", params={"customer_id": customer_id}).json()["items"]
                      if i["period"] == period)
        assert second["total"] == "9300.00" and second["state"] == "issued"
        due = dt.date.fromisoformat(second["due_date"])
        d = api.post("/v1/dunning-runs", json={"as_of": (due + dt.timedelta(days=1)).isoformat()}).json()
        assert (d["invoices_overdue"], d["suspensions_due"]) == (1, 0)
        assert api.get(f"/v1/contracts/{s.contract_id}").json()["state"] == "active"
        assert radius.authenticate(user, password)[0] is True
        d = api.post("/v1/dunning-runs", json={"as_of": (due + dt.timedelta(days=6)).isoformat()}).json()
        assert d["suspensions_due"] == 1

        # suspension: the contract, the router's suspended address list, RADIUS rejects
        assert api.get(f"/v1/contracts/{s.contract_id}").json()["state"] == "suspended"
        wait_until(lambda: api.get(f"/v1/connections/{s.connection_id}").json()["state"] == "suspended", timeout=30,
                   message="connection suspended")
        assert [r["address"] for r in router.rows(LISTS) if r.get("comment") == tag] == [ip]
        assert radius_rows(radius.url, user)[0]["Auth-Type"] == (":=", "Reject")
        assert radius.authenticate(user, password)[0] is False
        for n in neighbours:  # the ones who paid keep their service
            assert api.get(f"/v1/connections/{n.connection_id}").json()["state"] == "active"
        assert [r["address"] for r in router.rows(LISTS)] == [ip]
        wait_until(lambda: mail_to(smtp_sink, s.email, "Servicio suspendido"), timeout=60, message="suspension e-mail")

        # paying the overdue invoice (late fee included) restores the service
        overdue = api.get(f"/v1/invoices/{second['id']}").json()
        assert overdue["state"] == "overdue" and Decimal(overdue["balance"]) > Decimal("9300.00")
        r = api.post("/v1/payments", json={"customer_id": customer_id, "amount": overdue["balance"], "currency": "ARS",
                                           "method": "cash", "channel": "branch", "external_ref": "TRX-L2C-2",
                                           "paid_at": f"{due + dt.timedelta(days=7)}T10:00:00-03:00"})
        assert r.status_code == 201, r.text
        wait_until(lambda: api.get(f"/v1/connections/{s.connection_id}").json()["state"] == "active", timeout=30,
                   message="connection restored")
        assert api.get(f"/v1/contracts/{s.contract_id}").json()["state"] == "active"
        wait_until(lambda: not [r for r in router.rows(LISTS) if r.get("comment") == tag], timeout=10,
                   message="address-list entry removed")
        assert radius_rows(radius.url, user)[0] == {"Cleartext-Password": (":=", password)}
        assert radius.authenticate(user, password)[0] is True
        assert api.get(f"/v1/customers/{customer_id}/statement").json()["balance"] == "0.00"

    # the metrics show the sign-up crossing every service's consumer
    handled = events_handled(system)
    assert set(CONSUMERS) <= set(handled), handled
    for consumer, event_type in [("orders", "sales.order_requested"), ("billing", "orders.contract_requested"),
                                 ("network", "orders.order_completed"), ("billing", "network.connection_activated"),
                                 ("sales", "billing.contract_activated"), ("notifications", "billing.invoice_issued")]:
        assert event_type in handled[consumer], (consumer, handled[consumer])
