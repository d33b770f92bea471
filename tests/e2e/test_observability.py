"""Observability through the whole system: Prometheus metrics at the gateway's /metrics."""
import re

import pytest

pytestmark = pytest.mark.e2e


def _sample(text: str, name: str, default=None, **labels) -> float:
    """Sum of the samples of `name` whose labels include `labels`."""
    total, found = 0.0, False
    for line in text.splitlines():
        m = re.match(rf"^{re.escape(name)}\{{(.*)\}} (\S+)$", line)
        if not m:
            continue
        have = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if all(have.get(k) == v for k, v in labels.items()):
            total, found = total + float(m.group(2)), True
    if not found and default is not None:
        return default
    assert found, f"no sample {name} {labels}"
    return total


def test_metrics_follow_a_sign_up(embedded_system, wait_until):
    with embedded_system.client() as api:
        before = api.get("/metrics").text  # one registry per process: compare with what earlier tests left
        plan = api.post("/v1/plans", json={"name": "Hogar 100", "download_mbps": 100, "upload_mbps": 20,
                                           "price": "399.00", "currency": "MXN"}).json()
        lead = api.post("/v1/leads", json={"name": "Ana Gómez", "email": "ana@example.com"}).json()
        prospect = api.post("/v1/prospects", json={"lead_id": lead["id"], "plan_id": plan["id"], "address": {
            "street": "San Martín", "number": "123", "city": "Córdoba", "state": "Córdoba"}}).json()
        ticket = api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect["id"],
                                               "create": "installation"})
        assert ticket.status_code == 201, ticket.text
        wait_until(lambda: api.get("/v1/orders", params={"ticket_id": ticket.json()["id"]}).json()["items"],
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
