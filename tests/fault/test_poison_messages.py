"""Fault: poison messages. For every consumed routing key, garbage JSON and an
envelope whose payload has the wrong types are published; every copy lands in
antena.dead and the consumers keep processing valid events afterwards.

Every service runs as its own process on RabbitMQ and PostgreSQL."""
from __future__ import annotations

import dataclasses
import subprocess
import time
from urllib.parse import urlsplit

import pytest

from antena.common.v1 import common_pb2
from antena.sales.v1 import events_pb2 as sales_events
from antena_common.bus import DEAD_QUEUE, Publisher
from antena_common.events import new_envelope, schema_for
from antena_common.ids import new_id
from antena_common.testing import sql_rows

pytestmark = pytest.mark.e2e

# (consuming service, routing key) as in services/*/src/*/entrypoints/events.py
CONSUMED = [
    ("billing", "network.connection_reserved"), ("billing", "orders.contract_requested"),
    ("billing", "network.connection_activated"),
    ("network", "orders.contract_requested"), ("network", "orders.order_completed"),
    ("network", "billing.contract_suspension_due"), ("network", "billing.contract_reactivation_due"),
    ("network", "billing.contract_terminated"),
    ("notifications", "billing.customer_created"), ("notifications", "portal.customer_invited"),
    ("orders", "sales.order_requested"), ("orders", "billing.contract_created"),
    ("orders", "billing.contract_rejected"), ("orders", "network.connection_reserved"),
    ("orders", "network.connection_rejected"),
    ("portal", "billing.contract_activated"), ("portal", "billing.contract_created"),
    ("portal", "orders.order_scheduled"),
    ("sales", "orders.order_created"), ("sales", "orders.order_scheduled"), ("sales", "orders.order_failed"),
    ("sales", "orders.order_completed"), ("sales", "orders.order_cancelled"), ("sales", "billing.contract_activated"),
]


def _wrong_schema(routing_key: str) -> str:
    """A well-formed envelope whose payload gives the schema's first field a value of the wrong type."""
    source, name = routing_key.split(".", 1)
    first = schema_for(routing_key).DESCRIPTOR.fields[0].name
    env = new_envelope(source, name, {})
    return dataclasses.replace(env, payload={first: [{"not": "this"}]}).to_json()


def _dead_count(broker_url: str) -> int:
    vhost = urlsplit(broker_url).path.lstrip("/")
    out = subprocess.run(["rabbitmqctl", "-q", "list_queues", "-p", vhost, "name", "messages"],
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if parts[:1] == [DEAD_QUEUE]:
            return int(parts[1])
    return 0


def _bound_queues(broker_url: str, key: str) -> int:
    """How many consumer queues get a copy of `key` (each must dead-letter its copy)."""
    vhost = urlsplit(broker_url).path.lstrip("/")
    out = subprocess.run(["rabbitmqctl", "-q", "list_bindings", "-p", vhost, "source_name", "destination_name",
                          "routing_key"], capture_output=True, text=True).stdout
    return sum(1 for line in out.splitlines() if line.split()[:1] == ["antena.events"] and line.split()[-1] == key)


def _orders_for(db_url: str, ticket_id: str) -> int:
    return sql_rows(db_url, "SELECT count(*) FROM orders WHERE ticket_id = :t", t=ticket_id)[0][0]


@pytest.mark.timeout(150)
def test_poison_messages_are_dead_lettered_and_consumers_go_on(distributed_system, wait_until):
    system = distributed_system
    broker = system.env["ANTENA_BROKER_URL"]
    publisher = Publisher(broker)
    try:
        with system.client() as api:  # everything is up
            assert api.get("/v1/me").status_code == 200
        time.sleep(2)
        before = _dead_count(broker)
        keys = sorted({key for _, key in CONSUMED})
        for key in keys:
            publisher.publish_raw(key, "{not json at all")
            publisher.publish_raw(key, _wrong_schema(key))
        # every copy of each poison message, one per bound consumer queue (at least the services listed)
        copies = {key: _bound_queues(broker, key) for key in keys}
        for key in keys:
            assert copies[key] >= sum(1 for _, k in CONSUMED if k == key), (key, copies[key])
        expected = 2 * sum(copies.values())
        wait_until(lambda: _dead_count(broker) - before >= expected, timeout=60,
                   message=f"{expected} dead-lettered poison messages")
        time.sleep(1)
        assert _dead_count(broker) - before == expected

        # the consumers go on: a valid order_requested still creates its order, once
        ticket_id = new_id()
        valid = new_envelope("sales", "order_requested", sales_events.OrderRequested(
            request_id=new_id(), ticket_id=ticket_id, kind="installation", lead_id=new_id(), prospect_id=new_id(),
            customer_name="Cliente de prueba", customer_phone="3511234567",
            address=common_pb2.Address(street="Belgrano", number="450", city="Córdoba", state="Córdoba"),
            location=common_pb2.GeoPoint(lat=-31.41, lon=-64.18)))
        publisher.publish(valid)
        db_url = system.env["ANTENA_ORDERS_DATABASE_URL"]
        wait_until(lambda: _orders_for(db_url, ticket_id) == 1, timeout=30, message="order after poison")
        # and nothing valid was dead-lettered
        time.sleep(1)
        assert _orders_for(db_url, ticket_id) == 1
    finally:
        publisher.close()
