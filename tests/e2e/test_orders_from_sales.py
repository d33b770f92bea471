"""sales.order_requested -> an unscheduled order, visible through the gateway (embedded mode)."""
import threading

import pytest

from antena.common.v1 import common_pb2
from antena.sales.v1 import events_pb2 as sales_events
from antena_common.bus import EventConsumer, Publisher, Subscription
from antena_common.events import new_envelope
from antena_common.ids import new_id
from antena_common.testing import EmbeddedSystem, system_env, wait_until

pytestmark = pytest.mark.e2e


@pytest.fixture
def orders_system(tmp_path, memory_bus_url):
    """Only orders and the gateway (embedded): the sales desk's event is published by the test."""
    system = EmbeddedSystem(system_env(tmp_path / "data"), only=["orders", "gateway"])
    yield system
    system.stop()


def _order_requested(kind="installation", request_id=None, ticket_id=None):
    return sales_events.OrderRequested(
        request_id=request_id or new_id(), ticket_id=ticket_id or new_id(), kind=kind, lead_id=new_id(),
        prospect_id=new_id(), customer_name="Ana Gómez", customer_document="30111222", customer_phone="3511234567",
        customer_email="ana@example.com",
        address=common_pb2.Address(street="San Martín", number="123", city="Córdoba", state="Córdoba"),
        location=common_pb2.GeoPoint(lat=-31.4167, lon=-64.1833), plan_id=new_id(), recurring_item_ids=[new_id()],
        discount_ids=[new_id()], notes="portón verde")


class Probe:
    """Listens to orders.order_created on the bus, as another service would."""

    def __init__(self, url):
        self.seen, self.lock = [], threading.Lock()
        self.consumer = EventConsumer(url, "probe", [Subscription("orders.order_created", self._got)])
        self.consumer.start()
        assert self.consumer.ready.wait(10)

    def _got(self, envelope, msg):
        with self.lock:
            self.seen.append(msg)

    def stop(self):
        self.consumer.stop()


def test_order_requested_creates_one_unscheduled_order(orders_system):
    probe = Probe("memory://")
    publisher = Publisher("memory://")
    try:
        msg = _order_requested()
        envelope = new_envelope("sales", "order_requested", msg)
        publisher.publish(envelope)
        with orders_system.client() as api:
            found = wait_until(lambda: api.get("/v1/orders", params={"ticket_id": msg.ticket_id}).json()["items"],
                               timeout=10, message="the order from sales.order_requested")
            assert len(found) == 1
            order = found[0]
            assert order["kind"] == "installation"
            assert order["state"] == "unscheduled"
            assert order["ticket_id"] == msg.ticket_id
            assert order["technician_id"] is None and order["scheduled_start"] is None
            assert order["contract_id"] is None
            assert order["address"]["street"] == "San Martín"
            assert order["location"] == {"lat": -31.4167, "lon": -64.1833}
            assert set(order) >= {"id", "kind", "state", "ticket_id", "contract_id", "address", "location",
                                  "technician_id", "scheduled_start", "scheduled_end", "result_reason"}

            # the same event redelivered, and the same request in a new event: still one order
            publisher.publish(envelope)
            publisher.publish(new_envelope("sales", "order_requested", msg))
            feas = _order_requested(kind="feasibility")
            publisher.publish(new_envelope("sales", "order_requested", feas))
            wait_until(lambda: api.get("/v1/orders", params={"ticket_id": feas.ticket_id}).json()["items"], timeout=10)
            assert len(api.get("/v1/orders", params={"ticket_id": msg.ticket_id}).json()["items"]) == 1

            one = api.get(f"/v1/orders/{order['id']}")
            assert one.status_code == 200
            assert one.json()["timeline"][0]["action"] == "created"
            assert one.json()["customer_name"] == "Ana Gómez"

            listed = api.get("/v1/orders", params={"state": "unscheduled", "kind": "feasibility"}).json()["items"]
            assert [o["ticket_id"] for o in listed] == [feas.ticket_id]
            assert api.get(f"/v1/orders/{new_id()}").status_code == 404
            bad = api.get("/v1/orders", params={"state": "bogus", "from": "yesterday"})
            assert bad.status_code == 422 and {"state", "from"} <= set(bad.json()["errors"])

        wait_until(lambda: {m.ticket_id for m in probe.seen} >= {msg.ticket_id, feas.ticket_id}, timeout=10)
        created = [m for m in probe.seen if m.ticket_id == msg.ticket_id]
        assert len(created) == 1
        assert created[0].order_id == order["id"] and created[0].request_id == msg.request_id
        assert created[0].kind == "installation" and created[0].state == "unscheduled"
    finally:
        publisher.close()
        probe.stop()
