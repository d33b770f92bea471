"""Observability through the whole system: Prometheus metrics at the gateway's /metrics."""
import pytest

from antena_common import scenario
from antena_common.testing import metric_samples

pytestmark = pytest.mark.e2e


def _sample(text: str, name: str, default=None, **labels) -> float:
    """Sum of the samples of `name` whose labels include `labels`."""
    found = metric_samples(text, name, **labels)
    if not found and default is not None:
        return default
    assert found, f"no sample {name} {labels}"
    return sum(value for _, value in found)


def test_metrics_follow_a_sign_up(embedded_system, wait_until):
    with embedded_system.client() as api:
        before = api.get("/metrics").text  # one registry per process: compare with what earlier tests left
        lead_id, (prospect_id,) = scenario.desk_prospects(api, 1)
        ticket_id = scenario.installation_ticket(api, lead_id, prospect_id)
        wait_until(lambda: api.get("/v1/orders", params={"ticket_id": ticket_id}).json()["items"],
                   timeout=20, message="installation order from the ticket")
        page = api.get("/metrics")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/plain")
        text = page.text

    def delta(name, **labels):
        return _sample(text, name, **labels) - _sample(before, name, default=0.0, **labels)

    assert delta("antena_http_requests_total", route="/v1/tickets", method="POST", status="201") == 1
    assert delta("antena_http_request_seconds_count", route="/v1/leads", method="POST") == 1
    assert delta("antena_grpc_requests_total", service="sales", code="OK") >= 3
    assert delta("antena_events_handled_total", consumer="orders", type="sales.order_requested", outcome="ok") == 1
    assert delta("antena_event_lag_seconds_count", consumer="orders", type="sales.order_requested") == 1
    assert delta("antena_outbox_published_total", service="sales") >= 1
    _sample(text, "antena_outbox_backlog", service="sales")


def _envelopes(runtime, event_type):
    import json

    from sqlalchemy import select

    t = runtime.database.outbox
    with runtime.database.engine.connect() as conn:
        bodies = conn.execute(select(t.c.body)).scalars().all()
    return [e for e in map(json.loads, bodies) if e["type"] == event_type]


def test_request_id_follows_grpc_and_events(embedded_system, wait_until):
    rid = "obs-test-7f3a"
    with embedded_system.client() as api:
        plan = api.post("/v1/plans", json={"name": "Hogar 50", "download_mbps": 50, "upload_mbps": 10,
                                           "price": "299.00", "currency": "MXN"}).json()
        lead = api.post("/v1/leads", json={"name": "Luis Pérez", "email": "luis@example.com"}).json()
        prospect = api.post("/v1/prospects", json={"lead_id": lead["id"], "plan_id": plan["id"], "address": {
            "street": "Colón", "number": "9", "city": "Córdoba", "state": "Córdoba"}}).json()
        ticket = api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect["id"],
                                               "create": "installation"}, headers={"X-Request-ID": rid})
        assert ticket.status_code == 201, ticket.text
        assert ticket.headers["X-Request-ID"] == rid
    runtimes = embedded_system.by_name
    # gateway -> gRPC (sales): the sales use case ran with the id bound, so its event carries it
    requested = wait_until(lambda: _envelopes(runtimes["sales"], "sales.order_requested"), timeout=20,
                           message="sales.order_requested in the sales outbox")
    assert [e["correlation_id"] for e in requested] == [rid]
    # AMQP -> orders' handler: bound again there (the log processor reads the same context), and passed on
    created = wait_until(lambda: _envelopes(runtimes["orders"], "orders.order_created"), timeout=20,
                         message="orders.order_created in the orders outbox")
    assert [e["correlation_id"] for e in created] == [rid]


def _publish(source: str, name: str, payload) -> None:
    from antena_common import bus
    from antena_common.events import new_envelope

    pub = bus.Publisher("memory://")
    try:
        pub.publish(new_envelope(source, name, payload))
    finally:
        pub.close()


def _service_metrics(port: int) -> str:
    import httpx

    page = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
    assert page.status_code == 200
    return page.text


def test_bill_run_progress_at_billing_metrics(tmp_path, memory_bus_url, free_port, wait_until):
    """Bill-run metrics at billing's own /metrics (ANTENA_BILLING_METRICS_PORT): invoices issued by the
    run of a period, runs by outcome, duration."""
    from antena.common.v1 import common_pb2
    from antena.network.v1 import events_pb2 as net_events
    from antena.orders.v1 import events_pb2 as orders_events
    from antena_common.ids import new_id
    from antena_common.testing import EmbeddedSystem, system_env

    port = free_port()
    system = EmbeddedSystem({**system_env(tmp_path / "data"), "ANTENA_BILLING_METRICS_PORT": str(port)},
                            only=["billing", "gateway"])
    try:
        before = _service_metrics(port)
        with system.client() as api:
            assert api.put("/v1/company", json={"legal_name": "Red Andina S.A.", "trade_name": "AndinaNet",
                                                "tax_id": "30-71234567-8", "currency": "ARS", "fiscal_address": {
                                                    "street": "San Martín", "number": "123", "city": "Mendoza"}}
                           ).status_code == 200
            plan = api.post("/v1/plans", json={"name": "Fibra 300", "download_mbps": 300, "upload_mbps": 100,
                                               "price": "12000.00", "currency": "ARS"}).json()
            profile = api.post("/v1/billing-profiles", json={
                "name": "Mensual", "issue_day": 1, "due_days": 10, "late_fee_kind": "amount",
                "late_fee_value": "500", "suspend_after_days": 5, "prorate": True}).json()
            contracts = [new_id() for _ in range(3)]
            for i, contract_id in enumerate(contracts):
                _publish("orders", "contract_requested", orders_events.ContractRequested(
                    request_id=new_id(), order_id=new_id(), ticket_id=new_id(), contract_id=contract_id,
                    billing_profile_id=profile["id"], plan_id=plan["id"], currency="ARS",
                    customer=orders_events.ContractCustomer(
                        name=f"Cliente {i}", document=f"3011122{i}", email=f"c{i}@example.com",
                        address=common_pb2.Address(street="Belgrano", number="45", city="Mendoza"))))
                wait_until(lambda: api.get(f"/v1/contracts/{contract_id}").status_code == 200, timeout=20)
                _publish("network", "connection_activated", net_events.ConnectionActivated(
                    connection_id=f"conn-{i}", contract_id=contract_id, order_id=new_id(),
                    activated_at="2026-11-21T15:00:00+00:00"))
            for contract_id in contracts:
                wait_until(lambda: api.get(f"/v1/contracts/{contract_id}").json()["state"] == "active", timeout=20)
            run = api.post("/v1/bill-runs", json={"period": "2026-12"})
            assert run.status_code == 200 and run.json()["invoices_issued"] == 3, run.text
            assert api.post("/v1/bill-runs", json={"period": "2026-12"}).json()["invoices_issued"] == 0
            assert api.post("/v1/bill-runs", json={"period": "2026-13"}).status_code == 422
        text = _service_metrics(port)
    finally:
        system.stop()

    def delta(name, **labels):
        return _sample(text, name, **labels) - _sample(before, name, default=0.0, **labels)

    assert _sample(text, "antena_bill_run_invoices_issued", period="2026-12") == 0  # the last run issued none
    assert delta("antena_bill_run_invoices_total") == 3
    assert delta("antena_bill_runs_total", outcome="ok") == 2
    assert _sample(text, "antena_bill_runs_total", default=0.0, outcome="failed") == \
        _sample(before, "antena_bill_runs_total", default=0.0, outcome="failed")  # a refused period is no run
    assert delta("antena_bill_run_seconds_count", outcome="ok") == 2
    assert _sample(text, "antena_bill_runs_running") == 0


def test_provisioning_failures_at_network_metrics(tmp_path, memory_bus_url, free_port, wait_until):
    """A router that refuses the login: counted by driver and reason class at network's own /metrics."""
    from antena.orders.v1 import events_pb2 as orders_events
    from antena_common.testing import EmbeddedSystem, system_env
    from network.testing.fake_routeros import FakeRouterOS

    port = free_port()
    router = FakeRouterOS(username="antena", password="right").start()
    env = {**system_env(tmp_path / "data"), "ANTENA_NETWORK_METRICS_PORT": str(port),
           "ANTENA_NETWORK_PROVISIONING_POLL_SECONDS": "0.1", "ANTENA_NETWORK_RETRY_BASE_SECONDS": "0.2",
           "ANTENA_NETWORK_DEFAULT_DOWNLOAD_RATE": "20M", "ANTENA_NETWORK_DEFAULT_UPLOAD_RATE": "5M"}
    system = EmbeddedSystem(env, only=["network", "gateway"])
    try:
        before = _service_metrics(port)
        with system.client() as api:
            rb = api.post("/v1/routers", json={"name": "RB9", "host": "127.0.0.1", "api_port": router.port,
                                               "username": "antena", "password": "wrong"}).json()
            zone = api.post("/v1/zones", json={"name": "RB9", "router_id": rb["id"], "billing_day": 5}).json()
            api.post("/v1/ip-pools", json={"cidr": "100.65.0.0/24", "zone_id": zone["id"]})
            _publish("orders", "contract_requested", orders_events.ContractRequested(
                request_id="r", order_id="o", contract_id="k", customer=orders_events.ContractCustomer(phone="5551234"),
                connection=orders_events.ContractConnection(zone_id=zone["id"], mode="pppoe")))
            conn = wait_until(lambda: api.get("/v1/connections").json()["items"], timeout=15)[0]
            _publish("orders", "order_completed", orders_events.OrderCompleted(
                order_id="o", kind="installation", contract_id="k", connection_id=conn["id"]))
            failed = wait_until(lambda: (c := api.get(f"/v1/connections/{conn['id']}").json())[
                "provisioning_attempts"] >= 2 and c, timeout=30, message="two failed attempts")
            attempts = failed["provisioning_attempts"]
            text = _service_metrics(port)
            after = api.get(f"/v1/connections/{conn['id']}").json()["provisioning_attempts"]
    finally:
        system.stop()
        router.stop()
    counted = _sample(text, "antena_provisioning_failures_total", driver="mikrotik", reason="auth") - \
        _sample(before, "antena_provisioning_failures_total", default=0.0, driver="mikrotik", reason="auth")
    assert attempts <= counted <= after  # every failed attempt, counted by the time the page was read
    assert _sample(text, "antena_provisioning_failures_total", default=0.0, driver="mikrotik",
                   reason="unreachable") == _sample(before, "antena_provisioning_failures_total", default=0.0,
                                                    driver="mikrotik", reason="unreachable")
