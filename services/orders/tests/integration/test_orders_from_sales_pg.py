"""sales.order_requested on PostgreSQL and RabbitMQ: one order per request, order_created published once."""
import threading

import grpc
import pytest

from antena.common.v1 import common_pb2
from antena.orders.v1 import orders_pb2, orders_pb2_grpc
from antena.sales.v1 import events_pb2 as sales_events
from antena_common.bus import EventConsumer, Publisher, Subscription
from antena_common.events import new_envelope
from antena_common.ids import new_id
from antena_common.settings import PlatformSettings
from antena_common.testing import free_port, wait_until
from orders.main import build_runtime
from orders.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture
def runtime(pg_url, amqp_url, tmp_path, monkeypatch):
    monkeypatch.setenv("ANTENA_DATA_DIR", str(tmp_path))
    rt = build_runtime(Settings(database_url=pg_url, grpc_bind=f"127.0.0.1:{free_port()}"),
                       PlatformSettings(broker_url=amqp_url, data_dir=tmp_path))
    rt.start()
    assert rt.wait_ready()
    yield rt
    rt.stop()


def test_order_requested_is_idempotent(runtime, amqp_url):
    seen, lock = [], threading.Lock()

    def got(envelope, msg):
        with lock:
            seen.append(msg)

    probe = EventConsumer(amqp_url, "probe", [Subscription("orders.order_created", got)])
    probe.start()
    assert probe.ready.wait(10)
    publisher = Publisher(amqp_url)
    stub = orders_pb2_grpc.OrdersServiceStub(grpc.insecure_channel(runtime.settings.grpc_bind))
    try:
        msg = sales_events.OrderRequested(request_id=new_id(), ticket_id=new_id(), kind="feasibility",
                                          customer_name="Luis Pérez",
                                          address=common_pb2.Address(street="Mitre", number="5", city="Salta"))
        envelope = new_envelope("sales", "order_requested", msg)
        for _ in range(3):
            publisher.publish(envelope)                                          # redelivery
        publisher.publish(new_envelope("sales", "order_requested", msg))         # same request, new event
        wait_until(lambda: len(seen) >= 1, timeout=15)
        items = stub.ListOrders(orders_pb2.ListOrdersRequest(ticket_id=msg.ticket_id)).items
        assert len(items) == 1 and items[0].kind == "feasibility" and items[0].state == "unscheduled"
        assert items[0].address.city == "Salta" and not items[0].has_location
        got_one = stub.GetOrder(orders_pb2.GetOrderRequest(id=items[0].id))
        assert [e.action for e in got_one.timeline] == ["created"]
        threading.Event().wait(1.0)  # let every copy be handled before counting
        assert len(stub.ListOrders(orders_pb2.ListOrdersRequest(ticket_id=msg.ticket_id)).items) == 1
        assert [m.order_id for m in seen] == [items[0].id]

        with pytest.raises(grpc.RpcError) as err:
            stub.GetOrder(orders_pb2.GetOrderRequest(id=new_id()))
        assert err.value.code() == grpc.StatusCode.NOT_FOUND
    finally:
        publisher.close()
        probe.stop()
