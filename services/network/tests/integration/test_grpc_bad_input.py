"""Bad input to the network's gRPC API gets a clear status, never INTERNAL."""
from __future__ import annotations

import math

import grpc
import pytest

from antena.network.v1 import network_pb2 as pb
from antena.network.v1 import network_pb2_grpc
from antena_common.rpc import GrpcServer, channel
from network.entrypoints import grpc_api
from network.settings import Settings

pytestmark = pytest.mark.integration

LONG = "x" * 5000


@pytest.fixture
def stub(sqlite_uow_factory, free_port):
    settings = Settings(database_url="sqlite://", grpc_bind="127.0.0.1:0")
    server = GrpcServer("network", f"127.0.0.1:{free_port()}", [grpc_api.register(sqlite_uow_factory, settings)])
    server.start()
    yield network_pb2_grpc.NetworkServiceStub(channel(server.bind))
    server.stop()


def code_of(call, request):
    try:
        call(request, timeout=10)
    except grpc.RpcError as exc:
        return exc.code()
    return grpc.StatusCode.OK


def test_bad_input_statuses(stub):
    INVALID, NOT_FOUND = grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.NOT_FOUND
    cases = [
        (stub.CheckCoverage, pb.CheckCoverageRequest(lat=math.nan, lon=0), INVALID),
        (stub.CheckCoverage, pb.CheckCoverageRequest(lat=91, lon=0), INVALID),
        (stub.CheckCoverage, pb.CheckCoverageRequest(lat=0, lon=math.inf), INVALID),
        (stub.CheckCoverage, pb.CheckCoverageRequest(lat=0, lon=0, radius_m=-5), INVALID),
        (stub.CheckCoverage, pb.CheckCoverageRequest(lat=0, lon=0, radius_m=1e9), INVALID),
        (stub.CreateRouter, pb.CreateRouterRequest(name="", host="bad host!", api_port=70000), INVALID),
        (stub.CreateRouter, pb.CreateRouterRequest(name="r", host="h", username=LONG), INVALID),
        (stub.CreateZone, pb.CreateZoneRequest(name="z", router_id="nope", billing_day=5), NOT_FOUND),
        (stub.CreateZone, pb.CreateZoneRequest(name="z", router_id="nope", billing_day=40), INVALID),
        (stub.CreateZone, pb.CreateZoneRequest(name="z", router_id="r", billing_day=5, drivers=["snmp"]), INVALID),
        (stub.CreateZone, pb.CreateZoneRequest(name="z", router_id="r", billing_day=5, drivers=["radius"]), INVALID),
        (stub.CreateOlt, pb.CreateOltRequest(name=LONG), INVALID),
        (stub.CreateNapBox, pb.CreateNapBoxRequest(code="n", ports=0, lat=math.nan, lon=0), INVALID),
        (stub.CreateNapBox, pb.CreateNapBoxRequest(code="n", ports=8, lat=1, lon=1, olt_id="nope"), NOT_FOUND),
        (stub.CreateIpPool, pb.CreateIpPoolRequest(cidr="10.0.0.0/8x", zone_id="z"), INVALID),
        (stub.CreateIpPool, pb.CreateIpPoolRequest(cidr="10.0.0.0/24", zone_id=""), INVALID),
        (stub.CreateIpPool, pb.CreateIpPoolRequest(cidr="10.0.0.0/24", zone_id="nope"), NOT_FOUND),
        (stub.CreateIpPool, pb.CreateIpPoolRequest(name=LONG, cidr="10.0.0.0/24", zone_id="nope"), INVALID),
        (stub.GetConnection, pb.GetConnectionRequest(id=LONG), NOT_FOUND),
        (stub.ListConnections, pb.ListConnectionsRequest(page={"cursor": "%%%"}), INVALID),
        (stub.ListConnections, pb.ListConnectionsRequest(state="sleeping"), INVALID),
        (stub.ChangeConnectionZone, pb.ChangeConnectionZoneRequest(id="nope", zone_id="z"), NOT_FOUND),
        (stub.AddConnectionService, pb.AddConnectionServiceRequest(connection_id="nope"), NOT_FOUND),
        (stub.GetConnectionTelemetry, pb.GetConnectionTelemetryRequest(connection_id="nope"), NOT_FOUND),
        (stub.RegisterDevice, pb.RegisterDeviceRequest(connection_id="nope", kind="toaster", host="h"), INVALID),
        (stub.ReconcileRouter, pb.ReconcileRouterRequest(router_id="nope"), NOT_FOUND),
        (stub.GetRouterDrift, pb.GetRouterDriftRequest(router_id="nope"), NOT_FOUND),
        (stub.UpdateRouter, pb.UpdateRouterRequest(id="nope", password="x"), NOT_FOUND),
        (stub.RetryProvisioning, pb.GetConnectionRequest(id="nope"), NOT_FOUND),
    ]
    got = [(i, code_of(call, req)) for i, (call, req, _) in enumerate(cases)]
    assert got == [(i, want) for i, (_, _, want) in enumerate(cases)]


def test_duplicates_and_conflicts(stub):
    r = stub.CreateRouter(pb.CreateRouterRequest(name="RB1", host="10.0.0.1", username="admin", password="pw"))
    assert not hasattr(r, "password") and r.has_password and r.api_port == 8728
    assert code_of(stub.CreateRouter, pb.CreateRouterRequest(name="RB1", host="10.0.0.2", username="a")) == \
        grpc.StatusCode.FAILED_PRECONDITION
    z = stub.CreateZone(pb.CreateZoneRequest(name="RB1 DÍA 28", router_id=r.id, billing_day=28))
    assert list(z.drivers) == ["mikrotik"]
    stub.CreateIpPool(pb.CreateIpPoolRequest(cidr="10.1.0.0/16", zone_id=z.id))
    assert code_of(stub.CreateIpPool, pb.CreateIpPoolRequest(cidr="10.1.200.0/24", zone_id=z.id)) == \
        grpc.StatusCode.FAILED_PRECONDITION
    stub.CreateNapBox(pb.CreateNapBoxRequest(code="NAP-1", ports=8, lat=1, lon=1))
    assert code_of(stub.CreateNapBox, pb.CreateNapBoxRequest(code="NAP-1", ports=8, lat=1, lon=1)) == \
        grpc.StatusCode.FAILED_PRECONDITION
