"""Fault: the orders process is killed (kill -9) while sales asks for orders,
then started again. No sales.order_requested is lost, no order is created
twice, and every order's orders.order_created reaches the bus.

Every service runs as its own process on RabbitMQ and PostgreSQL."""
from __future__ import annotations

import threading
import time

import pytest

from antena.common.v1 import common_pb2
from antena.sales.v1 import events_pb2 as sales_events
from antena_common import scenario
from antena_common.bus import EventConsumer, Publisher, Subscription
from antena_common.events import new_envelope
from antena_common.ids import new_id
from antena_common.testing import ProcessSystem, distributed, sql_rows

pytestmark = pytest.mark.e2e


class OrderCreatedProbe:
    """Listens to orders.order_created on the broker, as the sales service does."""

    def __init__(self, url: str):
        self.seen: list = []
        self.lock = threading.Lock()
        self.consumer = EventConsumer(url, "fault_probe", [Subscription("orders.order_created", self._got)])
        self.consumer.start()
        assert self.consumer.ready.wait(15)

    def _got(self, envelope, msg) -> None:
        with self.lock:
            self.seen.append(msg.order_id)

    def order_ids(self) -> set[str]:
        with self.lock:
            return set(self.seen)

    def stop(self) -> None:
        self.consumer.stop()


def _orders_rows(db_url: str) -> list[tuple[str, str]]:
    return [tuple(r) for r in sql_rows(db_url, "SELECT id, ticket_id FROM orders")]


def _request(ticket_id: str) -> sales_events.OrderRequested:
    return sales_events.OrderRequested(
        request_id=new_id(), ticket_id=ticket_id, kind="installation", lead_id=new_id(), prospect_id=new_id(),
        customer_name="Cliente de prueba", customer_phone="3511234567",
        address=common_pb2.Address(street="Belgrano", number="450", city="Córdoba", state="Córdoba"),
        location=common_pb2.GeoPoint(lat=-31.41, lon=-64.18))


def _kill_when(system: ProcessSystem, db_url: str, at_least: int, total: int) -> int:
    """kill -9 orders once it has created `at_least` orders (mid-flow); returns how many it had."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        n = len(_orders_rows(db_url))
        if n >= at_least:
            system.kill("orders")
            return n
        time.sleep(0.02)
    raise AssertionError(f"orders created fewer than {at_least} of {total} orders in 60 s")


@pytest.fixture
def orders_system(tmp_path, amqp_url):
    """orders and the gateway as separate processes (the sales side is this test)."""
    with distributed(tmp_path, amqp_url, only=["orders", "gateway"]) as system:
        yield system


def test_kill_orders_while_order_requested_events_flow(orders_system, wait_until):
    system = orders_system
    db_url = system.env["ANTENA_ORDERS_DATABASE_URL"]
    broker = system.env["ANTENA_BROKER_URL"]
    probe = OrderCreatedProbe(broker)
    publisher = Publisher(broker)
    total = 120
    tickets = [new_id() for _ in range(total)]
    envelopes = [new_envelope("sales", "order_requested", _request(t)) for t in tickets]
    try:
        # the orders consumer must be up before the flow starts (its queue exists then)
        wait_until(lambda: len(_orders_rows(db_url)) == 0 and _queue_ready(system), timeout=30)
        for env in envelopes[:80]:
            publisher.publish(env)
        had = _kill_when(system, db_url, at_least=10, total=80)
        assert had < 80, "orders finished before it could be killed: raise the load"
        print(f"orders killed after {had} of 80 orders")
        # the desk keeps working while orders is down; one event is even sent twice
        for env in envelopes[80:]:
            publisher.publish(env)
        publisher.publish(envelopes[3])
        system.start("orders")

        wait_until(lambda: len(_orders_rows(db_url)) >= total, timeout=90, message=f"{total} orders after restart")
        time.sleep(1.0)  # anything duplicated would show up by now
        rows = _orders_rows(db_url)
        assert len(rows) == total, "an order was created twice"
        assert sorted(t for _, t in rows) == sorted(tickets), "an order_requested event was lost"

        # visible through the gateway, one per ticket
        with system.client() as api:
            for ticket_id in tickets[::10]:
                items = api.get("/v1/orders", params={"ticket_id": ticket_id}).json()["items"]
                assert len(items) == 1 and items[0]["state"] == "unscheduled"

        # and every order's orders.order_created left the outbox
        order_ids = {order_id for order_id, _ in rows}
        wait_until(lambda: probe.order_ids() >= order_ids, timeout=30, message="order_created for every order")
        assert probe.order_ids() == order_ids
    finally:
        publisher.close()
        probe.stop()


def _queue_ready(system: ProcessSystem) -> bool:
    import subprocess
    from urllib.parse import urlsplit

    vhost = urlsplit(system.env["ANTENA_BROKER_URL"]).path.lstrip("/")
    out = subprocess.run(["rabbitmqctl", "-q", "list_queues", "-p", vhost, "name", "consumers"],
                         capture_output=True, text=True).stdout
    return any(line.split()[:1] == ["orders.sales.order_requested"] and line.split()[1] != "0"
               for line in out.splitlines() if line.strip())


def test_kill_orders_while_tickets_are_created(distributed_system, wait_until):
    """The same through the sales desk: tickets with create=installation through the gateway."""
    system = distributed_system
    db_url = system.env["ANTENA_ORDERS_DATABASE_URL"]
    total = 40
    with system.client() as api:
        lead_id, prospects = scenario.desk_prospects(api, total)
        ticket_ids: list[str] = []
        errors: list[str] = []

        def create_tickets():
            with system.client() as desk:
                for prospect_id in prospects:
                    r = desk.post("/v1/tickets", json={"lead_id": lead_id, "prospect_id": prospect_id,
                                                       "create": "installation"})
                    if r.status_code == 201:
                        ticket_ids.append(r.json()["id"])
                    else:
                        errors.append(r.text)
                    time.sleep(0.02)

        desk = threading.Thread(target=create_tickets)
        desk.start()
        had = _kill_when(system, db_url, at_least=5, total=total)
        assert had < total, "orders finished before it could be killed"
        print(f"orders killed after {had} of {total} orders")
        time.sleep(0.5)  # tickets keep coming while orders is down
        system.start("orders")
        desk.join(120)
        assert not errors, errors[:3]
        assert len(ticket_ids) == total

        wait_until(lambda: len(_orders_rows(db_url)) >= total, timeout=90, message="an order per ticket")
        time.sleep(1.0)
        rows = _orders_rows(db_url)
        assert len(rows) == total, "an order was created twice"
        assert sorted(t for _, t in rows) == sorted(ticket_ids)

        def all_in_progress():
            states = [api.get(f"/v1/tickets/{t}").json() for t in ticket_ids]
            return all(s["state"] == "order_in_progress" and len(s["order_ids"]) == 1 for s in states)

        wait_until(all_in_progress, timeout=60, interval=0.5, message="every ticket order_in_progress, one order")
