"""Every OrdersService method with garbage in every field, on PostgreSQL: a clear status, never INTERNAL."""
import grpc
import pytest

from antena.orders.v1 import orders_pb2, orders_pb2_grpc
from antena_common.settings import PlatformSettings
from antena_common.testing import free_port
from orders.main import build_runtime
from orders.settings import Settings

pytestmark = pytest.mark.integration

GARBAGE = ["", "x" * 400, "ñandú😀" * 80, "' OR 1=1 --", "bad\x00nul", "2026-13-45T99:99:99+99:00", "-1"]


def fill(message, value, depth=0):
    for field in message.DESCRIPTOR.fields:
        repeated = field.is_repeated
        if field.type == field.TYPE_STRING:
            getattr(message, field.name).append(value) if repeated else setattr(message, field.name, value)
        elif field.type == field.TYPE_BYTES:
            data = value.encode("utf-8", "surrogatepass")
            getattr(message, field.name).append(data) if repeated else setattr(message, field.name, data)
        elif field.type in (field.TYPE_INT32, field.TYPE_INT64):
            number = -(2 ** 31) if len(value) % 2 else 2 ** 31 - 1
            getattr(message, field.name).append(number) if repeated else setattr(message, field.name, number)
        elif field.type == field.TYPE_BOOL and not repeated:
            setattr(message, field.name, bool(len(value) % 2))
        elif field.type == field.TYPE_DOUBLE and not repeated:
            setattr(message, field.name, float("nan") if len(value) % 2 else 1e308)
        elif field.type == field.TYPE_MESSAGE and depth < 3:
            child = getattr(message, field.name).add() if repeated else getattr(message, field.name)
            fill(child, value, depth + 1)
    return message


@pytest.fixture
def stub(pg_url, memory_bus_url, tmp_path, monkeypatch):
    monkeypatch.setenv("ANTENA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ANTENA_BILLING_GRPC", f"127.0.0.1:{free_port()}")  # nobody there: billing unavailable
    rt = build_runtime(Settings(database_url=pg_url, grpc_bind=f"127.0.0.1:{free_port()}",
                                billing_timeout_seconds=0.2),
                       PlatformSettings(broker_url=memory_bus_url, data_dir=tmp_path))
    rt.start()
    yield orders_pb2_grpc.OrdersServiceStub(grpc.insecure_channel(rt.settings.grpc_bind))
    rt.stop()


def test_garbage_never_gives_internal(stub):
    ops = orders_pb2.Actor(user_id="ops", roles=["operations"])
    tech = stub.CreateTechnician(orders_pb2.CreateTechnicianRequest(name="Real"))
    order = stub.CreateOrder(orders_pb2.CreateOrderRequest(kind="technical", customer_id="c1", actor=ops))
    service = orders_pb2.DESCRIPTOR.services_by_name["OrdersService"]
    seen = {}
    for method in service.methods:
        call = getattr(stub, method.name)
        request_class = getattr(orders_pb2, method.input_type.name)
        for value in GARBAGE + [order.id, tech.id]:
            request = fill(request_class(), value)
            if value in (order.id, tech.id) and request.DESCRIPTOR.fields_by_name.get("actor"):
                request.actor.CopyFrom(ops)  # get past the permission checks into the use cases
            try:
                call(request, timeout=10)
                code = grpc.StatusCode.OK
            except grpc.RpcError as exc:
                code = exc.code()
            assert code not in (grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN), (method.name, value[:40])
            seen.setdefault(method.name, set()).add(code.name)
    assert len(seen) == len(service.methods)
