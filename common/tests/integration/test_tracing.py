"""Tracing in the plumbing, on real peers: the trace context recorded at UnitOfWork.publish
is kept with the outbox row, published by the relay as AMQP headers (RabbitMQ, the confirmed
batch path) and continued by the consumer; gRPC client and server spans are linked through
the metadata. Spans are exported over OTLP/HTTP to a receiver in the test."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from opentelemetry import trace
from sqlalchemy import MetaData, select

from antena.sales.v1 import events_pb2 as sales_events
from antena_common import rpc, tracing
from antena_common.bus import EventConsumer, Subscription
from antena_common.db import messaging_tables
from antena_common.ids import new_id
from antena_common.outbox import OutboxRelay
from antena_common.runtime import Database
from antena_common.testing import wait_until
from antena_common.testing_otlp import OtlpReceiver


@pytest.fixture
def receiver():
    with OtlpReceiver() as r:
        yield r


@pytest.fixture
def traced(receiver):
    """Tracing on for the services named by the test; flushed and off afterwards."""
    names: list[str] = []

    def on(*services: str) -> None:
        for name in services:
            tracing.configure(name, receiver.endpoint)
            names.append(name)

    yield on
    for name in names:
        tracing.shutdown(name)


def _database(url: str) -> Database:
    metadata = MetaData()
    messaging_tables(metadata)
    db = Database(url, metadata, Path("unused"), "sales")
    metadata.create_all(db.engine)
    return db


def test_trace_context_travels_with_the_outbox_row_over_rabbitmq(pg_url, amqp_url, receiver, traced):
    traced("sales", "plumbing")
    db = _database(pg_url)
    handled: dict[str, str] = {}  # event id -> trace id current in the handler
    lock = threading.Lock()

    def handler(envelope, msg) -> None:
        with lock:
            handled[envelope.event_id] = format(trace.get_current_span().get_span_context().trace_id, "032x")

    consumer = EventConsumer(amqp_url, "plumbing", [Subscription("sales.lead_created", handler)])
    relay = OutboxRelay(db.engine, db.outbox, amqp_url, "sales")
    consumer.start()
    try:
        assert consumer.ready.wait(15)
        with tracing.tracer("sales").start_as_current_span("request") as request:
            with db.uow() as uow:
                events = [uow.publish("lead_created", sales_events.LeadCreated(lead_id=new_id(), name="Ana"))
                          for _ in range(3)]
                uow.commit()
        trace_id = format(request.get_span_context().trace_id, "032x")
        with db.engine.connect() as conn:
            stored = dict(conn.execute(select(db.outbox.c.event_id, db.outbox.c.headers)).all())
        for e in events:
            headers = json.loads(stored[e.event_id])
            assert headers["traceparent"].split("-")[1] == trace_id
        assert relay.relay_once() == 3  # one confirmed batch of three, each with its own headers
        wait_until(lambda: len(handled) == 3, timeout=20, message="three events handled")
        assert set(handled.values()) == {trace_id}
    finally:
        consumer.stop()
        relay.stop()
        db.engine.dispose()
    tracing.shutdown("sales")
    tracing.shutdown("plumbing")  # flush

    spans = receiver.trace(trace_id)
    index = {s["span_id"]: s for s in spans}
    producers = [s for s in spans if s["kind"] == "producer"]
    consumers = [s for s in spans if s["kind"] == "consumer"]
    assert len(producers) == 3 and len(consumers) == 3
    for c in consumers:
        p = index[c["parent"]]
        assert p["kind"] == "producer" and p["service"] == "sales" and c["service"] == "plumbing"
        assert p["attributes"]["messaging.message.id"] == c["attributes"]["messaging.message.id"]
        assert index[p["parent"]]["name"] == "request"
    assert {p["attributes"]["messaging.message.id"] for p in producers} == {e.event_id for e in events}


def test_grpc_client_and_server_spans_are_linked(receiver, traced):
    traced("sales", "billing")
    server = rpc.GrpcServer("billing", "127.0.0.1:0")
    server.start()
    try:
        stub = health_pb2_grpc.HealthStub(rpc.channel(f"127.0.0.1:{server.port}"))
        with tracing.tracer("sales").start_as_current_span("job") as job:
            assert stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=10).status == \
                health_pb2.HealthCheckResponse.SERVING
            with pytest.raises(Exception):
                stub.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=10)
    finally:
        server.stop()
    tracing.shutdown("sales")
    tracing.shutdown("billing")
    spans = receiver.trace(format(job.get_span_context().trace_id, "032x"))
    index = {s["span_id"]: s for s in spans}
    name = "grpc.health.v1.Health/Check"
    clients = [s for s in spans if s["kind"] == "client" and s["name"] == name]
    servers = [s for s in spans if s["kind"] == "server" and s["name"] == name]
    assert len(clients) == 2 and len(servers) == 2
    assert all(c["service"] == "sales" and index[c["parent"]]["name"] == "job" for c in clients)
    assert all(s["service"] == "billing" and index[s["parent"]] in clients for s in servers)
    assert sorted(c["attributes"]["rpc.grpc.status_code"] for c in clients) == ["NOT_FOUND", "OK"]
    assert sorted(s["attributes"]["rpc.grpc.status_code"] for s in servers) == ["NOT_FOUND", "OK"]


def test_off_without_an_endpoint(tmp_path):
    assert not tracing.enabled()
    tracing.configure("sales", "")
    db = _database(f"sqlite:///{tmp_path / 'x.db'}")
    with db.uow() as uow:
        uow.publish("lead_created", sales_events.LeadCreated(lead_id=new_id(), name="Ana"))
        uow.commit()
    with db.engine.connect() as conn:
        assert conn.execute(select(db.outbox.c.headers)).scalars().all() == [None]
    db.engine.dispose()
    assert tracing.traces_url("http://collector:4318/") == "http://collector:4318/v1/traces"
    assert tracing.traces_url("http://collector:4318/v1/traces") == "http://collector:4318/v1/traces"


def test_grpc_aio_client_spans_are_linked(receiver, traced):
    """asyncio callers (grpc.aio channels) get the same CLIENT span and metadata."""
    import asyncio

    import grpc

    traced("gateway", "billing")
    server = rpc.GrpcServer("billing", "127.0.0.1:0")
    server.start()

    async def call():
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}",
                                             interceptors=tracing.aio_client_interceptors()) as ch:
            stub = health_pb2_grpc.HealthStub(ch)
            with tracing.tracer("gateway").start_as_current_span("route") as route:
                reply = await stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=10,
                                         metadata=((rpc.CORRELATION_KEY, "cid-1"),))
                assert reply.status == health_pb2.HealthCheckResponse.SERVING
            return route

    try:
        route = asyncio.run(call())
    finally:
        server.stop()
    tracing.shutdown("gateway")
    tracing.shutdown("billing")
    spans = receiver.trace(format(route.get_span_context().trace_id, "032x"))
    index = {s["span_id"]: s for s in spans}
    client = next(s for s in spans if s["kind"] == "client")
    server_span = next(s for s in spans if s["kind"] == "server")
    assert client["service"] == "gateway" and index[client["parent"]]["name"] == "route"
    assert server_span["service"] == "billing" and server_span["parent"] == client["span_id"]
    assert client["attributes"]["rpc.grpc.status_code"] == "OK"
    assert tracing.aio_client_interceptors() == []  # off again: no interceptor, no cost


def test_a_dead_lettered_event_ends_its_span_in_error(memory_bus_url, receiver, traced):
    from antena_common.bus import Publisher
    from antena_common.errors import InvalidArgument
    from antena_common.events import new_envelope

    traced("plumbing")
    handled = threading.Event()

    def refuse(envelope, msg) -> None:
        handled.set()
        raise InvalidArgument("lead name refused")

    consumer = EventConsumer(memory_bus_url, "plumbing", [Subscription("sales.lead_created", refuse)])
    consumer.start()
    pub = Publisher(memory_bus_url)
    try:
        assert consumer.ready.wait(15)
        event = new_envelope("sales", "lead_created", sales_events.LeadCreated(lead_id=new_id(), name="X"))
        pub.publish(event)
        assert handled.wait(15)
    finally:
        pub.close()
        consumer.stop()
    tracing.shutdown("plumbing")
    span = next(s for s in receiver.spans if s["attributes"].get("messaging.message.id") == event.event_id)
    assert span["kind"] == "consumer" and span["parent"] is None  # published without trace context: a root
    assert span["status"] == "error" and "dead-lettered" in span["status_message"]
