"""OpenTelemetry tracing through the whole system: a tiny OTLP/HTTP receiver
(a real HTTP server decoding ExportTraceServiceRequest protobufs) gets the spans
every service exports. One ticket creation shows as one trace crossing gateway
(HTTP) -> sales (gRPC) -> orders (AMQP, via the outbox), with the CONSUMER span
a child of the PRODUCER span across the broker; one contract request as one
trace crossing gateway -> orders -> billing, network -> orders, portal ->
notifications; one field completion as one trace crossing gateway -> orders ->
network (its provisioning worker continues the event's trace) -> billing ->
notifications, sales, portal."""
from __future__ import annotations

import pytest

from antena_common import scenario
from antena_common.testing import (SERVICE_NAMES, EmbeddedSystem, ProcessSystem, create_pg_database, drawn_png,
                                   drop_pg_database, system_env, wait_until)
from antena_common.testing_otlp import OtlpReceiver

pytestmark = pytest.mark.e2e


@pytest.fixture
def receiver():
    with OtlpReceiver() as r:
        yield r


def _tracing_env(receiver: OtlpReceiver) -> dict[str, str]:
    # the SDK's batch processor reads OTEL_BSP_SCHEDULE_DELAY: export often, so the test need not wait long
    return {"ANTENA_OTEL_ENDPOINT": receiver.endpoint, "OTEL_BSP_SCHEDULE_DELAY": "200"}


def _ticket(api) -> str:
    lead_id, (prospect_id,) = scenario.desk_prospects(api, 1)
    return scenario.installation_ticket(api, lead_id, prospect_id)


def _by_id(spans):
    return {s["span_id"]: s for s in spans}


def _ancestors(span, index):
    chain = []
    while span["parent"] in index:
        span = index[span["parent"]]
        chain.append(span)
    return chain


def _check_ticket_trace(receiver: OtlpReceiver, api, ticket_id: str) -> list[dict]:
    """The POST /v1/tickets server span's trace reaches orders' consumer through sales' outbox."""
    def root():
        found = [s for s in receiver.spans if s["service"] == "gateway" and s["kind"] == "server"
                 and s["name"] == "POST /v1/tickets"]
        return found[-1] if found else None

    http = wait_until(root, timeout=60, message="the gateway's POST /v1/tickets span")
    assert http["parent"] is None  # the trace starts at the gateway

    expected = {("sales", "server", "antena.sales.v1.SalesService/CreateTicket"),
                ("sales", "producer", "sales.order_requested publish"),
                ("orders", "consumer", "sales.order_requested process"),
                ("orders", "producer", "orders.order_created publish")}

    def complete():  # each service exports on its own schedule: wait for all of them
        spans = receiver.trace(http["trace_id"])
        return spans if expected <= {(s["service"], s["kind"], s["name"]) for s in spans} else None

    spans = wait_until(complete, timeout=90, message=f"{expected} in the ticket's trace")
    index = _by_id(spans)
    assert {"gateway", "sales", "orders"} <= {s["service"] for s in spans}

    # gateway HTTP -> gateway gRPC client -> sales gRPC server
    server = [s for s in spans if s["service"] == "sales" and s["kind"] == "server"
              and s["name"].endswith("/CreateTicket")]
    assert len(server) == 1, [s["name"] for s in spans]
    client = index[server[0]["parent"]]
    assert client["service"] == "gateway" and client["kind"] == "client" and client["name"] == server[0]["name"]
    assert http in _ancestors(client, index)

    # sales' PRODUCER span (taken at UnitOfWork.publish) -> orders' CONSUMER span across RabbitMQ
    consumer = next(s for s in spans if s["service"] == "orders" and s["name"] == "sales.order_requested process")
    assert consumer["kind"] == "consumer"
    producer = index[consumer["parent"]]
    assert producer["service"] == "sales" and producer["kind"] == "producer"
    assert producer["name"] == "sales.order_requested publish"
    assert producer["attributes"]["messaging.message.id"] == consumer["attributes"]["messaging.message.id"]
    assert server[0] in _ancestors(producer, index)

    # and orders' own event goes on in the same trace
    created = next(s for s in spans if s["service"] == "orders" and s["name"] == "orders.order_created publish")
    assert consumer in _ancestors(created, index)
    return spans


def _span(spans, service, kind, name):
    found = [s for s in spans if (s["service"], s["kind"], s["name"]) == (service, kind, name)]
    assert len(found) == 1, (service, kind, name, sorted((s["service"], s["name"]) for s in spans))
    return found[0]


def _check_contract_trace(receiver: OtlpReceiver) -> list[dict]:
    """The contract request: gateway -> orders (gRPC) -> billing and network (AMQP) -> orders, portal ->
    notifications, all in the trace of the one HTTP request."""
    def root():
        found = [s for s in receiver.spans if s["service"] == "gateway" and s["kind"] == "server"
                 and s["name"] == "POST /v1/orders/{order_id}/contract"]
        return found[-1] if found else None

    http = wait_until(root, timeout=60, message="the gateway's contract request span")
    hops = [  # (parent span, child span): each AMQP hop is PRODUCER -> CONSUMER
        (("gateway", "client", "antena.orders.v1.OrdersService/RequestContract"),
         ("orders", "server", "antena.orders.v1.OrdersService/RequestContract")),
        (("orders", "producer", "orders.contract_requested publish"),
         ("billing", "consumer", "orders.contract_requested process")),
        (("orders", "producer", "orders.contract_requested publish"),
         ("network", "consumer", "orders.contract_requested process")),
        (("billing", "producer", "billing.contract_created publish"),
         ("portal", "consumer", "billing.contract_created process")),
        (("billing", "producer", "billing.contract_created publish"),
         ("orders", "consumer", "billing.contract_created process")),
        (("network", "producer", "network.connection_reserved publish"),
         ("orders", "consumer", "network.connection_reserved process")),
        (("portal", "producer", "portal.contract_signing_requested publish"),
         ("notifications", "consumer", "portal.contract_signing_requested process")),
    ]
    wanted = {key for hop in hops for key in hop}

    def complete():
        spans = receiver.trace(http["trace_id"])
        return spans if wanted <= {(s["service"], s["kind"], s["name"]) for s in spans} else None

    spans = wait_until(complete, timeout=120, message="every hop of the contract request in one trace")
    index = _by_id(spans)
    for parent_key, child_key in hops:
        parent, child = _span(spans, *parent_key), _span(spans, *child_key)
        assert child["parent"] == parent["span_id"], (parent_key, child_key)
        assert http in _ancestors(child, index)
    assert {"gateway", "orders", "billing", "network", "portal", "notifications"} <= {s["service"] for s in spans}
    return spans


def _check_completion_trace(receiver: OtlpReceiver) -> list[dict]:
    """The technician's completion: gateway -> orders -> network, whose provisioning worker continues
    the event's trace -> billing (activation) -> notifications, sales and portal."""
    def root():
        found = [s for s in receiver.spans if s["service"] == "gateway" and s["kind"] == "server"
                 and s["name"] == "POST /v1/orders/{order_id}/complete"]
        return found[-1] if found else None

    http = wait_until(root, timeout=60, message="the gateway's completion span")
    hops = [
        (("gateway", "client", "antena.orders.v1.OrdersService/CompleteOrder"),
         ("orders", "server", "antena.orders.v1.OrdersService/CompleteOrder")),
        (("orders", "producer", "orders.order_completed publish"),
         ("network", "consumer", "orders.order_completed process")),
        (("network", "consumer", "orders.order_completed process"),
         ("network", "internal", "network provisioning")),
        (("network", "producer", "network.connection_activated publish"),
         ("billing", "consumer", "network.connection_activated process")),
        (("billing", "producer", "billing.contract_activated publish"),
         ("notifications", "consumer", "billing.contract_activated process")),
        (("billing", "producer", "billing.contract_activated publish"),
         ("sales", "consumer", "billing.contract_activated process")),
        (("billing", "producer", "billing.contract_activated publish"),
         ("portal", "consumer", "billing.contract_activated process")),
    ]
    wanted = {key for hop in hops for key in hop}

    def complete():
        spans = receiver.trace(http["trace_id"])
        return spans if wanted <= {(s["service"], s["kind"], s["name"]) for s in spans} else None

    spans = wait_until(complete, timeout=120, message="every hop of the completion in one trace")
    index = _by_id(spans)
    for parent_key, child_key in hops:
        parent, child = _span(spans, *parent_key), _span(spans, *child_key)
        assert child["parent"] == parent["span_id"], (parent_key, child_key)
        assert http in _ancestors(child, index)
    provisioning = _span(spans, "network", "internal", "network provisioning")
    assert provisioning in _ancestors(_span(spans, "network", "producer", "network.connection_activated publish"),
                                      index)
    return spans


def _complete_in_the_field(system, api, order_id: str, zone_id: str) -> None:
    import datetime as dt

    day = dt.date.today() + dt.timedelta(days=1)
    user = api.post("/v1/users", json={"username": "tecnico.luz", "password": "clave-segura-123",
                                       "full_name": "Luz Técnica", "roles": ["technician"]}).json()
    tech = api.post("/v1/technicians", json={"user_id": user["id"], "name": "Luz Técnica", "zone_ids": [zone_id],
                                             "working_hours": [{"weekday": d, "start": "07:00", "end": "21:00"}
                                                               for d in range(7)]}).json()
    start = dt.datetime.combine(day, dt.time(9), dt.timezone.utc)
    scheduled = api.post(f"/v1/orders/{order_id}/schedule", json={
        "technician_id": tech["id"], "scheduled_start": start.isoformat(),
        "scheduled_end": (start + dt.timedelta(hours=2)).isoformat()})
    assert scheduled.status_code == 200, scheduled.text
    with system.client(system.token("tecnico.luz", "clave-segura-123")) as field:
        assert field.post(f"/v1/orders/{order_id}/start").status_code == 200
        assert field.post(f"/v1/orders/{order_id}/report", json={
            "devices": [{"kind": "ont", "serial": "HWTC0011AABB", "mac": "00:11:22:33:44:55"}],
            "optical_power_dbm": "-21.3", "seal_code": "PR-9001"}).status_code == 200
        assert field.post(f"/v1/orders/{order_id}/photos",
                          files={"file": ("caja.png", drawn_png((320, 240)), "image/png")}).status_code == 201
        assert field.post(f"/v1/orders/{order_id}/signature",
                          files={"file": ("firma.png", drawn_png((280, 90)), "image/png")}).status_code == 200
        done = field.post(f"/v1/orders/{order_id}/complete", json={"result": "success"})
        assert done.status_code == 200, done.text


def test_one_trace_from_the_gateway_through_grpc_and_rabbitmq(tmp_path, amqp_url, receiver):
    """Distributed: every service its own process, RabbitMQ, a PostgreSQL database each. The ticket
    creation crosses gateway, sales, orders (and notifications); the contract request crosses gateway,
    orders, billing, network, portal and notifications; the field completion crosses gateway, orders,
    network (its provisioning worker on the RouterOS fake), billing, notifications, sales and portal."""
    from network.testing.fake_routeros import FakeRouterOS

    urls = {name: create_pg_database(f"antena_{name}") for name in SERVICE_NAMES}
    env = {**system_env(tmp_path / "data", broker_url=amqp_url, database_urls=urls), **_tracing_env(receiver),
           "ANTENA_NETWORK_DEFAULT_DRIVERS": "mikrotik", "ANTENA_NETWORK_PROVISIONING_POLL_SECONDS": "0.1",
           "ANTENA_NETWORK_RETRY_BASE_SECONDS": "0.2"}
    system = None
    router = FakeRouterOS(username="antena", password="rb-secret").start()
    try:
        system = ProcessSystem(env, tmp_path / "logs")
        with system.client() as api:
            ticket_id = _ticket(api)
            order = wait_until(lambda: api.get("/v1/orders", params={"ticket_id": ticket_id}).json()["items"],
                               timeout=60, message="the ticket's order")[0]
            spans = _check_ticket_trace(receiver, api, ticket_id)
            # one trace id for the whole ticket creation: every span above shares it
            assert len({s["trace_id"] for s in spans}) == 1

            profile = api.post("/v1/billing-profiles", json={
                "name": "Mensual", "issue_day": 1, "due_days": 10, "late_fee_kind": "amount",
                "late_fee_value": "50", "suspend_after_days": 5, "prorate": True}).json()
            rb = api.post("/v1/routers", json={"name": "RB Centro", "host": "127.0.0.1", "api_port": router.port,
                                               "username": "antena", "password": "rb-secret",
                                               "kind": "mikrotik"}).json()
            zone = api.post("/v1/zones", json={"name": "Centro", "router_id": rb["id"], "billing_day": 1}).json()
            assert api.post("/v1/ip-pools", json={"name": "Centro", "cidr": "100.70.0.0/24",
                                                  "zone_id": zone["id"]}).status_code == 201
            asked = api.post(f"/v1/orders/{order['id']}/contract", json={
                "billing_profile_id": profile["id"],
                "customer": {"name": "Ana Gómez", "document": "27444555", "email": "ana@example.com"},
                "connection": {"zone_id": zone["id"], "mode": "pppoe"}})
            assert asked.status_code == 200, asked.text
            wait_until(lambda: api.get(f"/v1/orders/{order['id']}").json()["contract"]["state"] == "ready",
                       timeout=60, message="billing and network answered")
            _check_contract_trace(receiver)

            _complete_in_the_field(system, api, order["id"], zone["id"])
            wait_until(lambda: api.get(f"/v1/contracts/{asked.json()['contract_id']}").json()["state"] == "active",
                       timeout=60, message="contract active")
            _check_completion_trace(receiver)
    finally:
        if system is not None:
            system.stop()
        router.stop()
        for url in urls.values():
            drop_pg_database(url)


def test_one_trace_in_the_embedded_mode(tmp_path, memory_bus_url, receiver):
    """Embedded: one process, one tracer provider per service, so service.name still tells them apart."""
    system = EmbeddedSystem({**system_env(tmp_path / "data"), **_tracing_env(receiver)})
    try:
        with system.client() as api:
            ticket_id = _ticket(api)
            _check_ticket_trace(receiver, api, ticket_id)
            assert api.get("/v1/tickets").status_code == 200  # an async route: gRPC on a grpc.aio channel
        name = "antena.sales.v1.SalesService/ListTickets"

        def listed():
            servers = [s for s in receiver.spans if (s["service"], s["kind"], s["name"]) == ("sales", "server", name)]
            return servers if servers and servers[-1]["parent"] in _by_id(receiver.spans) else None

        server = wait_until(listed, timeout=30, message="the ticket list's gRPC spans")[-1]
        spans = _by_id(receiver.spans)
        client = spans[server["parent"]]
        assert (client["service"], client["kind"], client["name"]) == ("gateway", "client", name)
        assert spans[client["parent"]]["name"] == "GET /v1/tickets"
    finally:
        system.stop()


def test_nothing_is_exported_without_an_endpoint(tmp_path, memory_bus_url, receiver):
    system = EmbeddedSystem(system_env(tmp_path / "data"))
    try:
        with system.client() as api:
            ticket_id = _ticket(api)
            wait_until(lambda: api.get("/v1/orders", params={"ticket_id": ticket_id}).json()["items"], timeout=30)
            from antena_common import tracing

            assert not tracing.enabled()
    finally:
        system.stop()
    assert receiver.requests == 0
