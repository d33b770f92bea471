"""Network routes (network service): topology, coverage, connections, drift, telemetry.

operations (and admin) set the network up; sales checks coverage; router
passwords and SNMP communities are write-only."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from antena.network.v1 import network_pb2 as pb
from antena.network.v1 import network_pb2_grpc

from ..deps import PageDep, page_body, require, stub, to_dict

router = APIRouter(prefix="/v1", tags=["network"])
MANAGE = ("operations",)
READ = ("operations", "sales", "technician", "finance")

Lat = Annotated[float, Field(ge=-90, le=90, description="latitude, degrees")]
Lon = Annotated[float, Field(ge=-180, le=180, description="longitude, degrees")]


def network(request: Request) -> network_pb2_grpc.NetworkServiceStub:
    return stub(request, "network", network_pb2_grpc.NetworkServiceStub)


def _page(pg) -> dict:
    return {"limit": pg.limit, "cursor": pg.cursor}


def router_out(r: pb.Router) -> dict:
    out = to_dict(r)
    out.pop("password", None)
    return out


SECRET_READERS = ("operations", "technician")  # and admin: the installation sheet needs them


def connection_out(c: pb.Connection, request: Request | None = None) -> dict:
    out = to_dict(c)
    principal = getattr(request.state, "principal", None) if request is not None else None
    if principal is not None and not principal.has_role(*SECRET_READERS):
        for key in ("pppoe_password", "wifi_password"):
            out[key] = None
        for svc in out.get("services", []):
            svc["sip_password"] = None
    out["nap_box_id"] = c.nap_box_id or None
    out["nap_port"] = c.nap_port or None
    out["last_provisioned_at"] = c.last_provisioned_at or None
    out["activated_at"] = c.activated_at or None
    return out


# ---- sites, routers, zones, OLTs -----------------------------------------------

class Location(BaseModel):
    lat: Lat
    lon: Lon


class SiteIn(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    address: str = Field("", max_length=300)
    location: Location | None = None


@router.post("/sites", status_code=201, dependencies=[require(*MANAGE)])
def create_site(body: SiteIn, request: Request) -> dict:
    req = pb.CreateSiteRequest(name=body.name, address=body.address)
    if body.location:
        req.location.lat, req.location.lon = body.location.lat, body.location.lon
    return to_dict(network(request).CreateSite(req))


@router.get("/sites", dependencies=[require(*READ)])
def list_sites(request: Request, pg: PageDep) -> dict:
    resp = network(request).ListSites(pb.ListSitesRequest(page=_page(pg)))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


class RouterIn(BaseModel):
    name: str = Field(min_length=1, max_length=120, examples=["RB3"])
    host: str = Field(min_length=1, max_length=253)
    api_port: int = Field(8728, ge=1, le=65535)
    username: str = Field(min_length=1, max_length=100)
    password: str = Field("", max_length=200, description="write-only: never returned")
    kind: Literal["mikrotik"] = "mikrotik"
    site_id: str = Field("", max_length=36)


@router.post("/routers", status_code=201, dependencies=[require(*MANAGE)])
def create_router(body: RouterIn, request: Request) -> dict:
    return router_out(network(request).CreateRouter(pb.CreateRouterRequest(**body.model_dump())))


@router.get("/routers", dependencies=[require(*MANAGE)])
def list_routers(request: Request, pg: PageDep) -> dict:
    resp = network(request).ListRouters(pb.ListRoutersRequest(page=_page(pg)))
    return page_body([router_out(x) for x in resp.items], resp.next_cursor)


@router.get("/routers/{router_id}", dependencies=[require(*MANAGE)])
def get_router(router_id: str, request: Request) -> dict:
    return router_out(network(request).GetRouter(pb.GetRouterRequest(id=router_id)))


class RouterPatch(BaseModel):
    name: str = Field("", max_length=120)
    host: str = Field("", max_length=253)
    api_port: int = Field(0, ge=0, le=65535)
    username: str = Field("", max_length=100)
    password: str = Field("", max_length=200, description="write-only")


@router.patch("/routers/{router_id}", dependencies=[require(*MANAGE)])
def update_router(router_id: str, body: RouterPatch, request: Request) -> dict:
    """Change what is given (e.g. the password after the router refused the login)."""
    return router_out(network(request).UpdateRouter(pb.UpdateRouterRequest(id=router_id, **body.model_dump())))


@router.get("/routers/{router_id}/drift", dependencies=[require(*MANAGE)])
def router_drift(router_id: str, request: Request) -> dict:
    """The last reconciliation of this router: what differed from the desired state and whether it was repaired."""
    return to_dict(network(request).GetRouterDrift(pb.GetRouterDriftRequest(router_id=router_id)))


@router.post("/routers/{router_id}/reconcile", dependencies=[require(*MANAGE)])
def reconcile_router(router_id: str, request: Request,
                     repair: Annotated[bool, Query(description="repair what differs")] = True) -> dict:
    """Read the router now, compare with the desired state, repair (unless repair=false) and record the drift."""
    return to_dict(network(request).ReconcileRouter(pb.ReconcileRouterRequest(router_id=router_id, repair=repair)))


@router.post("/reconcile/billing", dependencies=[require(*MANAGE)])
def reconcile_billing(request: Request,
                      repair: Annotated[bool, Query(description="bring the network in line")] = True) -> dict:
    """Compare every live connection with its contract's state in billing: cut in billing but still browsing,
    cut while the contract is active, alive after the contract ended."""
    return to_dict(network(request).ReconcileBilling(pb.ReconcileBillingRequest(repair=repair)))


@router.get("/reconcile/billing", dependencies=[require(*MANAGE)])
def billing_drift(request: Request) -> dict:
    """The last billing cross-check."""
    return to_dict(network(request).GetRouterDrift(pb.GetRouterDriftRequest(router_id="billing")))


class ZoneIn(BaseModel):
    name: str = Field(min_length=1, max_length=120, examples=["RB3 ZONA SUR DÍA 28"])
    router_id: str = Field(min_length=1, max_length=36)
    billing_day: int = Field(ge=1, le=31, description="the payment day of the zone's customers")
    drivers: list[Literal["mikrotik", "radius"]] = Field(default_factory=list,
                                                        description="empty: the service's default")
    pppoe_profile: str = Field("", max_length=100)


@router.post("/zones", status_code=201, dependencies=[require(*MANAGE)])
def create_zone(body: ZoneIn, request: Request) -> dict:
    return to_dict(network(request).CreateZone(pb.CreateZoneRequest(**body.model_dump())))


@router.get("/zones", dependencies=[require(*READ)])
def list_zones(request: Request, pg: PageDep, router_id: str = "") -> dict:
    resp = network(request).ListZones(pb.ListZonesRequest(page=_page(pg), router_id=router_id))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


@router.get("/zones/{zone_id}", dependencies=[require(*READ)])
def get_zone(zone_id: str, request: Request) -> dict:
    return to_dict(network(request).GetZone(pb.GetZoneRequest(id=zone_id)))


class OltIn(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    host: str = Field("", max_length=253)
    site_id: str = Field("", max_length=36)


@router.post("/olts", status_code=201, dependencies=[require(*MANAGE)])
def create_olt(body: OltIn, request: Request) -> dict:
    return to_dict(network(request).CreateOlt(pb.CreateOltRequest(**body.model_dump())))


@router.get("/olts", dependencies=[require(*READ)])
def list_olts(request: Request, pg: PageDep) -> dict:
    resp = network(request).ListOlts(pb.ListOltsRequest(page=_page(pg)))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


# ---- NAP boxes, IP pools, coverage -----------------------------------------------

class NapBoxIn(BaseModel):
    code: str = Field(min_length=1, max_length=60)
    olt_id: str = Field("", max_length=36)
    ports: int = Field(ge=1, le=256)
    lat: Lat
    lon: Lon
    zone_id: str = Field("", max_length=36)


@router.post("/nap-boxes", status_code=201, dependencies=[require(*MANAGE)])
def create_nap_box(body: NapBoxIn, request: Request) -> dict:
    return to_dict(network(request).CreateNapBox(pb.CreateNapBoxRequest(**body.model_dump())))


@router.get("/nap-boxes", dependencies=[require(*READ)])
def list_nap_boxes(request: Request, pg: PageDep, olt_id: str = "") -> dict:
    resp = network(request).ListNapBoxes(pb.ListNapBoxesRequest(page=_page(pg), olt_id=olt_id))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


@router.get("/nap-boxes/{box_id}", dependencies=[require(*READ)])
def get_nap_box(box_id: str, request: Request) -> dict:
    """The box with its port map (which connection holds each port)."""
    return to_dict(network(request).GetNapBox(pb.GetNapBoxRequest(id=box_id)))


class IpPoolIn(BaseModel):
    name: str = Field("", max_length=120, description="default: the CIDR")
    cidr: str = Field(min_length=1, max_length=18, examples=["10.20.0.0/24"])
    zone_id: str = Field(min_length=1, max_length=36)
    gateway: str = Field("", max_length=15, description="default: the first host")
    excluded: list[str] = Field(default_factory=list, max_length=256,
                                description="addresses, ranges a-b or small CIDRs never handed out")


@router.post("/ip-pools", status_code=201, dependencies=[require(*MANAGE)])
def create_ip_pool(body: IpPoolIn, request: Request) -> dict:
    return to_dict(network(request).CreateIpPool(pb.CreateIpPoolRequest(**body.model_dump())))


@router.get("/ip-pools", dependencies=[require(*READ)])
def list_ip_pools(request: Request, pg: PageDep, zone_id: str = "") -> dict:
    resp = network(request).ListIpPools(pb.ListIpPoolsRequest(page=_page(pg), zone_id=zone_id))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


@router.get("/ip-pools/{pool_id}", dependencies=[require(*READ)])
def get_ip_pool(pool_id: str, request: Request) -> dict:
    return to_dict(network(request).GetIpPool(pb.GetIpPoolRequest(id=pool_id)))


class CoverageIn(BaseModel):
    lat: Lat
    lon: Lon
    radius_m: float = Field(0, ge=0, le=20_000, description="0: the configured distance")
    max_candidates: int = Field(0, ge=0, le=50)


@router.post("/coverage", dependencies=[require("sales", "operations")])
def check_coverage(body: CoverageIn, request: Request) -> dict:
    """Is there a NAP box with a free port within the configured distance? Nearest candidates first."""
    resp = network(request).CheckCoverage(pb.CheckCoverageRequest(**body.model_dump()))
    return {"covered": resp.covered, "radius_m": resp.radius_m,
            "candidates": [to_dict(c) for c in resp.candidates]}


# ---- connections ---------------------------------------------------------------------

ConnState = Literal["reserved", "active", "suspended", "terminated"]


@router.get("/connections", dependencies=[require(*READ)])
def list_connections(request: Request, pg: PageDep, state: ConnState | None = None, zone_id: str = "",
                     contract_id: str = "", drift: Annotated[bool, Query(description="only those with drift")] = False
                     ) -> dict:
    resp = network(request).ListConnections(pb.ListConnectionsRequest(
        page=_page(pg), state=state or "", zone_id=zone_id, contract_id=contract_id, drift_only=drift))
    return page_body([connection_out(x, request) for x in resp.items], resp.next_cursor)


@router.get("/connections/{connection_id}", dependencies=[require(*READ)])
def get_connection(connection_id: str, request: Request) -> dict:
    return connection_out(network(request).GetConnection(pb.GetConnectionRequest(id=connection_id)), request)


@router.post("/connections/{connection_id}/retry", dependencies=[require(*MANAGE)])
def retry_provisioning(connection_id: str, request: Request) -> dict:
    """Provision now instead of waiting for the next retry (409 when nothing is pending)."""
    return connection_out(network(request).RetryProvisioning(pb.GetConnectionRequest(id=connection_id)))


class ZoneChangeIn(BaseModel):
    zone_id: str = Field(min_length=1, max_length=36)
    ip: str = Field("", max_length=15, description="empty: the next free address of the new zone")


@router.post("/connections/{connection_id}/zone", dependencies=[require(*MANAGE)])
def change_zone(connection_id: str, body: ZoneChangeIn, request: Request) -> dict:
    """Move the connection to another zone: new router and pool, re-provisioned."""
    return connection_out(network(request).ChangeConnectionZone(
        pb.ChangeConnectionZoneRequest(id=connection_id, zone_id=body.zone_id, ip=body.ip)))


class ServiceIn(BaseModel):
    kind: Literal["telephony", "tv"]
    plan: str = Field(min_length=1, max_length=120, examples=["renta telefónica 300 minutos"])
    cut_on_nonpayment: bool = True
    sip_username: str = Field("", max_length=100, description="telephony; default: the PPPoE user")
    sip_password: str = Field("", max_length=100, description="telephony; default: the PPPoE password")
    sip_server: str = Field("", max_length=253)
    external_id: str = Field("", max_length=100)
    phone_number: str = Field("", max_length=30, description="empty: 0000000000, temporary until support assigns it")
    tv_mode: Literal["", "iptv", "catv"] = ""
    onu_serial: str = Field("", max_length=60, description="tv; support fills it later")


@router.post("/connections/{connection_id}/services", status_code=201, dependencies=[require(*MANAGE)])
def add_service(connection_id: str, body: ServiceIn, request: Request) -> dict:
    return connection_out(network(request).AddConnectionService(pb.AddConnectionServiceRequest(
        connection_id=connection_id, service=pb.AdditionalService(**body.model_dump()))))


class ServicePatch(BaseModel):
    onu_serial: str = Field("", max_length=60)
    sip_username: str = Field("", max_length=100)
    sip_password: str = Field("", max_length=100)
    phone_number: str = Field("", max_length=30)
    plan: str = Field("", max_length=120)


@router.patch("/connections/{connection_id}/services/{service_id}", dependencies=[require(*MANAGE)])
def update_service(connection_id: str, service_id: str, body: ServicePatch, request: Request) -> dict:
    return connection_out(network(request).UpdateConnectionService(pb.UpdateConnectionServiceRequest(
        connection_id=connection_id, service_id=service_id, **body.model_dump())))


class DeviceIn(BaseModel):
    name: str = Field("", max_length=120)
    kind: Literal["onu", "cpe", "router", "olt"]
    host: str = Field(min_length=1, max_length=253)
    port: int = Field(161, ge=1, le=65535)
    community: str = Field("public", max_length=100, description="write-only")
    optical_oid: str = Field("", max_length=200, description="numeric OID of the received optical power")
    optical_scale: float = Field(0.01, gt=0, le=1000, description="raw value x scale = dBm")


@router.post("/connections/{connection_id}/devices", status_code=201, dependencies=[require(*MANAGE)])
def register_device(connection_id: str, body: DeviceIn, request: Request) -> dict:
    return to_dict(network(request).RegisterDevice(pb.RegisterDeviceRequest(connection_id=connection_id,
                                                                            **body.model_dump())))


@router.post("/connections/{connection_id}/poll", dependencies=[require(*MANAGE)])
def poll_devices(connection_id: str, request: Request) -> dict:
    """Poll this connection's devices by SNMP now."""
    return to_dict(network(request).PollDevices(pb.PollDevicesRequest(connection_id=connection_id)))


@router.get("/connections/{connection_id}/telemetry", dependencies=[require(*READ)])
def telemetry(connection_id: str, request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict:
    resp = network(request).GetConnectionTelemetry(pb.GetConnectionTelemetryRequest(connection_id=connection_id,
                                                                                    limit=limit))
    return {"items": [to_dict(x) for x in resp.items]}
