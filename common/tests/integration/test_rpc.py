"""gRPC plumbing on a real server on loopback: grpc.health.v1, the domain
error -> gRPC status -> HTTP problem mapping, and correlation ids."""
import time

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from antena_common import errors, rpc
from antena_common.cli import check_health
from antena_common.logs import correlation, correlation_id

pytestmark = pytest.mark.integration

SERVICE = "antena.test.v1.Probe"
seen_correlation: list = []


def _probe(request: health_pb2.HealthCheckRequest, context):
    seen_correlation.append(correlation_id.get())
    kind = request.service
    if kind == "missing":
        raise errors.NotFound("lead l-9 not found")
    if kind == "invalid":
        raise errors.InvalidArgument("name: required", field_errors={"name": "required", "email": "not an e-mail"})
    if kind == "conflict":
        raise errors.Conflict("a lost ticket cannot get orders")
    if kind == "exists":
        raise errors.AlreadyExists("payment already recorded")
    if kind == "denied":
        raise errors.PermissionDenied("not yours")
    if kind == "bug":
        raise ZeroDivisionError("secret internals")
    return health_pb2.HealthCheckResponse(status=health_pb2.HealthCheckResponse.SERVING)


def _register(servicer, server):
    handler = grpc.method_handlers_generic_handler(SERVICE, {
        "Probe": grpc.unary_unary_rpc_method_handler(
            servicer, request_deserializer=health_pb2.HealthCheckRequest.FromString,
            response_serializer=health_pb2.HealthCheckResponse.SerializeToString),
    })
    server.add_generic_rpc_handlers((handler,))


@pytest.fixture
def server(free_port):
    srv = rpc.GrpcServer("probe", f"127.0.0.1:{free_port()}", [(_register, _probe, SERVICE)])
    srv.start()
    yield srv
    srv.stop(0)


def _call(srv, kind: str):
    ch = rpc.channel(f"127.0.0.1:{srv.port}")
    call = ch.unary_unary(f"/{SERVICE}/Probe", request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
                          response_deserializer=health_pb2.HealthCheckResponse.FromString)
    try:
        return call(health_pb2.HealthCheckRequest(service=kind), timeout=5)
    finally:
        ch.close()


def test_health_service(server):
    with grpc.insecure_channel(f"127.0.0.1:{server.port}") as ch:
        stub = health_pb2_grpc.HealthStub(ch)
        serving = health_pb2.HealthCheckResponse.SERVING
        assert stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=5).status == serving
        assert stub.Check(health_pb2.HealthCheckRequest(service=SERVICE), timeout=5).status == serving
        with pytest.raises(grpc.RpcError) as info:
            stub.Check(health_pb2.HealthCheckRequest(service="antena.nope.v1.Nope"), timeout=5)
        assert info.value.code() == grpc.StatusCode.NOT_FOUND


def test_health_command(server):
    ok, what = check_health("sales", f"127.0.0.1:{server.port}")
    assert ok and "SERVING" in what
    server.health.enter_graceful_shutdown()
    ok, what = check_health("sales", f"127.0.0.1:{server.port}")
    assert not ok and "NOT_SERVING" in what


def test_health_command_when_nothing_listens(free_port):
    ok, what = check_health("billing", f"127.0.0.1:{free_port()}", timeout=1)
    assert not ok and "UNAVAILABLE" in what
    ok, what = check_health("gateway", f"http://127.0.0.1:{free_port()}/health", timeout=1)
    assert not ok


@pytest.mark.parametrize("kind, code, http, detail", [
    ("missing", grpc.StatusCode.NOT_FOUND, 404, "lead l-9 not found"),
    ("invalid", grpc.StatusCode.INVALID_ARGUMENT, 422, "name: required"),
    ("conflict", grpc.StatusCode.FAILED_PRECONDITION, 409, "a lost ticket cannot get orders"),
    ("exists", grpc.StatusCode.ALREADY_EXISTS, 409, "payment already recorded"),
    ("denied", grpc.StatusCode.PERMISSION_DENIED, 403, "not yours"),
    ("bug", grpc.StatusCode.INTERNAL, 502, "an upstream service failed; the error was logged"),
])
def test_error_mapping(server, kind, code, http, detail):
    with pytest.raises(grpc.RpcError) as info:
        _call(server, kind)
    assert info.value.code() == code
    assert "secret internals" not in (info.value.details() or "")
    problem = rpc.problem_from_rpc_error(info.value)
    assert problem.status == http and problem.detail == detail
    if kind == "invalid":
        assert problem.errors == {"name": "required", "email": "not an e-mail"}
    else:
        assert problem.errors == {}


def test_unreachable_service_is_503(free_port):
    ch = rpc.channel(f"127.0.0.1:{free_port()}")
    call = ch.unary_unary(f"/{SERVICE}/Probe", request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
                          response_deserializer=health_pb2.HealthCheckResponse.FromString)
    with pytest.raises(grpc.RpcError) as info:
        call(health_pb2.HealthCheckRequest(), timeout=2)
    ch.close()
    problem = rpc.problem_from_rpc_error(info.value)
    assert problem.status in (503, 504) and "upstream service unavailable" in problem.detail


def test_a_new_channel_reaches_a_server_restarted_on_the_same_port(free_port):
    """An old channel's failed connection to the address does not leak into a new channel: round
    robin keeps reconnecting a dead address with a growing backoff, and a new channel sharing that
    connection would fail UNAVAILABLE until the next attempt (seconds later)."""
    port = free_port()
    first = rpc.GrpcServer("probe", f"127.0.0.1:{port}", [(_register, _probe, SERVICE)])
    first.start()
    old = rpc.channel(f"127.0.0.1:{port}")
    probe = old.unary_unary(f"/{SERVICE}/Probe", request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
                            response_deserializer=health_pb2.HealthCheckResponse.FromString)
    probe(health_pb2.HealthCheckRequest(), timeout=5)
    first.stop(0)
    time.sleep(6)  # the old channel (still open) backs off reconnecting: 1 s, 1.6 s, 2.6 s...
    second = rpc.GrpcServer("probe", f"127.0.0.1:{port}", [(_register, _probe, SERVICE)])
    second.start()
    try:
        srv = type("Srv", (), {"port": port})
        assert _call(srv, "ok").status == health_pb2.HealthCheckResponse.SERVING
    finally:
        old.close()
        second.stop(0)


def test_correlation_id_travels_with_the_call(server):
    seen_correlation.clear()
    with correlation("corr-123"):
        assert _call(server, "ok").status == health_pb2.HealthCheckResponse.SERVING
    _call(server, "ok")
    assert seen_correlation[0] == "corr-123"
    assert seen_correlation[1] and seen_correlation[1] != "corr-123"  # a fresh one when none was sent


def test_a_target_listing_replicas_spreads_calls_over_all_of_them(free_port):
    """Two replicas of a service on their own ports, one client channel on
    `ipv4:a,b`: round robin reaches both; with one replica gone, calls go on."""
    calls = {"a": 0, "b": 0}

    def counting(name):
        def probe(request, context):
            calls[name] += 1
            return health_pb2.HealthCheckResponse(status=health_pb2.HealthCheckResponse.SERVING)
        return probe

    a = rpc.GrpcServer("probe", f"127.0.0.1:{free_port()}", [(_register, counting("a"), SERVICE)])
    b = rpc.GrpcServer("probe", f"127.0.0.1:{free_port()}", [(_register, counting("b"), SERVICE)])
    a.start()
    b.start()
    ch = rpc.channel(f"ipv4:127.0.0.1:{a.port},127.0.0.1:{b.port}")
    try:
        call = ch.unary_unary(f"/{SERVICE}/Probe", request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
                              response_deserializer=health_pb2.HealthCheckResponse.FromString)
        for _ in range(40):
            call(health_pb2.HealthCheckRequest(), timeout=5, wait_for_ready=True)
        assert calls["a"] > 0 and calls["b"] > 0, calls
        a.stop(0)
        before = calls["b"]
        for _ in range(10):
            call(health_pb2.HealthCheckRequest(), timeout=5)
        assert calls["b"] == before + 10
    finally:
        ch.close()
        b.stop(0)
        a.stop(0)
