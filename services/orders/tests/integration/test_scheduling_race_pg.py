"""Two (or more) operators booking the same technician at the same moment on PostgreSQL: exactly one wins."""
import datetime as dt
import threading

import grpc
import pytest

from antena.orders.v1 import orders_pb2, orders_pb2_grpc
from antena_common.ids import new_id
from antena_common.settings import PlatformSettings
from antena_common.testing import free_port
from orders.main import build_runtime
from orders.settings import Settings

pytestmark = pytest.mark.integration

OPS = orders_pb2.Actor(user_id="ops", roles=["operations"])


@pytest.fixture
def stub(pg_url, memory_bus_url, tmp_path, monkeypatch):
    monkeypatch.setenv("ANTENA_DATA_DIR", str(tmp_path))
    rt = build_runtime(Settings(database_url=pg_url, grpc_bind=f"127.0.0.1:{free_port()}"),
                       PlatformSettings(broker_url=memory_bus_url, data_dir=tmp_path))
    rt.start()
    yield orders_pb2_grpc.OrdersServiceStub(grpc.insecure_channel(rt.settings.grpc_bind))
    rt.stop()


def _order(stub):
    return stub.CreateOrder(orders_pb2.CreateOrderRequest(kind="technical", customer_id=new_id(), actor=OPS)).id


def test_concurrent_bookings_of_one_technician_one_wins(stub):
    tech = stub.CreateTechnician(orders_pb2.CreateTechnicianRequest(
        name="Técnico Único", working_hours=[orders_pb2.WorkingHours(weekday=d, start="00:00", end="24:00")
                                             for d in range(7)]))
    day = dt.date.today() + dt.timedelta(days=3)
    operators = 4
    for round_ in range(8):
        start = dt.datetime.combine(day, dt.time(round_ * 2), dt.timezone.utc)
        orders = [_order(stub) for _ in range(operators)]
        barrier = threading.Barrier(operators)
        results = [None] * operators

        def book(i):
            # overlapping, not identical, windows: each pair overlaps
            s = start + dt.timedelta(minutes=10 * i)
            barrier.wait()
            try:
                stub.ScheduleOrder(orders_pb2.ScheduleOrderRequest(
                    id=orders[i], technician_id=tech.id, scheduled_start=s.isoformat(),
                    scheduled_end=(s + dt.timedelta(minutes=90)).isoformat(), actor=OPS))
                results[i] = "ok"
            except grpc.RpcError as exc:
                results[i] = exc.code()

        threads = [threading.Thread(target=book, args=(i,)) for i in range(operators)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert results.count("ok") == 1, results
        assert results.count(grpc.StatusCode.FAILED_PRECONDITION) == operators - 1, results

    booked = stub.ListOrders(orders_pb2.ListOrdersRequest(technician_id=tech.id, state="scheduled",
                                                          page={"limit": 100})).items
    assert len(booked) == 8
    spans = sorted((o.scheduled_start, o.scheduled_end) for o in booked)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # no two bookings overlap in the database


def test_one_order_scheduled_twice_at_once_ends_with_one_booking(stub):
    techs = [stub.CreateTechnician(orders_pb2.CreateTechnicianRequest(
        name=f"T{i}", working_hours=[orders_pb2.WorkingHours(weekday=d, start="00:00", end="24:00") for d in range(7)]))
        for i in range(2)]
    order = _order(stub)
    start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=2), dt.time(9), dt.timezone.utc)
    barrier = threading.Barrier(2)

    def book(tech):
        barrier.wait()
        stub.ScheduleOrder(orders_pb2.ScheduleOrderRequest(
            id=order, technician_id=tech.id, scheduled_start=start.isoformat(),
            scheduled_end=(start + dt.timedelta(hours=1)).isoformat(), actor=OPS))

    threads = [threading.Thread(target=book, args=(t,)) for t in techs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    got = stub.GetOrder(orders_pb2.GetOrderRequest(id=order))
    assert got.state == "scheduled" and got.technician_id in {t.id for t in techs}
    # the order row lock makes the second a reschedule, recorded in order
    assert [e.action for e in got.timeline] == ["created", "scheduled", "rescheduled"]
