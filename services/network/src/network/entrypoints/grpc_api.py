"""gRPC entry point: translate messages to use-case calls and back."""
from __future__ import annotations

from antena.common.v1 import common_pb2
from antena_common.errors import Conflict, InvalidArgument
from antena.network.v1 import network_pb2, network_pb2_grpc

from ..app import connections as conn_cases
from ..app import coverage as coverage_cases
from ..app import monitoring as mon_cases
from ..app import reconcile as rec_cases
from ..app import topology as topo
from ..domain import model


def _ts(value) -> str:
    return value.isoformat() if value else ""


def site_pb(s: model.Site) -> network_pb2.Site:
    loc = common_pb2.GeoPoint(lat=s.lat, lon=s.lon) if s.lat is not None and s.lon is not None else None
    return network_pb2.Site(id=s.id, name=s.name, address=s.address, location=loc, created_at=_ts(s.created_at))


def router_pb(r: model.Router) -> network_pb2.Router:
    return network_pb2.Router(id=r.id, name=r.name, host=r.host, api_port=r.api_port, username=r.username, kind=r.kind,
                              site_id=r.site_id, has_password=bool(r.password), created_at=_ts(r.created_at),
                              last_reconciled_at=_ts(r.last_reconciled_at), drift_count=r.drift_count,
                              last_error=r.last_error)


def zone_pb(z: model.Zone) -> network_pb2.Zone:
    return network_pb2.Zone(id=z.id, name=z.name, router_id=z.router_id, billing_day=z.billing_day,
                            drivers=z.driver_list, pppoe_profile=z.pppoe_profile, created_at=_ts(z.created_at))


def olt_pb(o: model.Olt) -> network_pb2.Olt:
    return network_pb2.Olt(id=o.id, name=o.name, host=o.host, site_id=o.site_id, created_at=_ts(o.created_at))


def box_pb(b: model.NapBox, ports: dict[int, str] | None = None) -> network_pb2.NapBox:
    port_map = [network_pb2.NapPort(number=n, connection_id=(ports or {}).get(n, "")) for n in range(1, b.ports + 1)] \
        if ports is not None else []
    return network_pb2.NapBox(id=b.id, code=b.code, olt_id=b.olt_id, ports=b.ports, lat=b.lat, lon=b.lon,
                              free_ports=b.free_ports, port_map=port_map, zone_id=b.zone_id,
                              created_at=_ts(b.created_at))


def pool_pb(p: model.IpPool) -> network_pb2.IpPool:
    return network_pb2.IpPool(id=p.id, name=p.name, cidr=p.cidr, zone_id=p.zone_id, gateway=p.gateway,
                              excluded=list(p.excluded or []), size=p.size, used=p.used, created_at=_ts(p.created_at))


def service_pb(s: model.AdditionalService) -> network_pb2.AdditionalService:
    return network_pb2.AdditionalService(
        id=s.id, kind=s.kind, plan=s.plan, cut_on_nonpayment=s.cut_on_nonpayment, state=s.state,
        sip_username=s.sip_username, sip_password=s.sip_password, sip_server=s.sip_server, external_id=s.external_id,
        phone_number=s.phone_number, temporary=s.temporary, tv_mode=s.tv_mode, onu_serial=s.onu_serial)


def connection_pb(c: model.Connection) -> network_pb2.Connection:
    return network_pb2.Connection(
        id=c.id, contract_id=c.contract_id, zone_id=c.zone_id, mode=c.mode, ip=c.ip, pppoe_username=c.pppoe_username,
        state=c.state, nap_box_id=c.nap_box_id, nap_port=c.nap_port, last_provisioned_at=_ts(c.last_provisioned_at),
        drift=list(c.drift or []), order_id=c.order_id, pppoe_password=c.pppoe_password, wifi_ssid=c.wifi_ssid,
        wifi_password=c.wifi_password, cpe_mac=c.cpe_mac, onu_serial=c.onu_serial,
        provisioning_state=c.provisioning_state, provisioning_error=c.provisioning_error,
        provisioning_attempts=c.provisioning_attempts, download_rate=c.download_rate, upload_rate=c.upload_rate,
        plan_id=c.plan_id, services=[service_pb(s) for s in c.additional()], created_at=_ts(c.created_at),
        activated_at=_ts(c.activated_at), suspended_services=list(c.suspended_services or []),
        ip_pool_id=c.ip_pool_id, router_id=c.router_id)


def report_pb(r: rec_cases.DriftReport) -> network_pb2.DriftReport:
    return network_pb2.DriftReport(router_id=r.router_id, checked_at=r.checked_at, error=r.error, items=[
        network_pb2.DriftItem(connection_id=i["connection_id"], kind=i["kind"], detail=i["detail"],
                              repaired=bool(i["repaired"]), found_at=i.get("found_at", "")) for i in r.items])


def device_pb(d) -> network_pb2.Device:
    return network_pb2.Device(id=d["id"], connection_id=d["connection_id"], name=d["name"], kind=d["kind"],
                              host=d["host"], port=d["port"], optical_oid=d["optical_oid"],
                              optical_scale=d["optical_scale"], created_at=_ts(d["created_at"]))


class NetworkServicer(network_pb2_grpc.NetworkServiceServicer):
    def __init__(self, uow_factory, settings, *, mikrotik=None, radius=None, poller=None, thresholds=None, wake=None,
                 billing=None):
        self.radius = radius
        self.billing = billing
        self.uow = uow_factory
        self.settings = settings
        self.mikrotik = mikrotik
        self.poller = poller
        self.thresholds = thresholds
        self.wake = wake or (lambda: None)

    # coverage
    def CheckCoverage(self, request, context):
        ans = coverage_cases.check_coverage(self.uow(), lat=request.lat, lon=request.lon,
                                            radius_m=request.radius_m or self.settings.coverage_radius_m,
                                            max_candidates=request.max_candidates or self.settings.coverage_max_candidates)
        return network_pb2.CheckCoverageResponse(covered=ans.covered, radius_m=ans.radius_m, candidates=[
            network_pb2.CoverageCandidate(nap_box_id=c.nap_box_id, code=c.code, distance_m=c.distance_m,
                                          free_ports=c.free_ports) for c in ans.candidates])

    # topology
    def CreateSite(self, request, context):
        has_loc = request.HasField("location")
        return site_pb(topo.create_site(self.uow(), name=request.name, address=request.address,
                                        lat=request.location.lat if has_loc else None,
                                        lon=request.location.lon if has_loc else None))

    def ListSites(self, request, context):
        items, nxt = topo.list_sites(self.uow(), request.page.limit, request.page.cursor)
        return network_pb2.ListSitesResponse(items=[site_pb(x) for x in items], next_cursor=nxt)

    def CreateRouter(self, request, context):
        return router_pb(topo.create_router(self.uow(), name=request.name, host=request.host,
                                            api_port=request.api_port, username=request.username,
                                            password=request.password, kind=request.kind, site_id=request.site_id))

    def UpdateRouter(self, request, context):
        return router_pb(topo.update_router(self.uow(), request.id, name=request.name, host=request.host,
                                            api_port=request.api_port, username=request.username,
                                            password=request.password))

    def GetRouter(self, request, context):
        return router_pb(topo.get_router(self.uow(), request.id))

    def ListRouters(self, request, context):
        items, nxt = topo.list_routers(self.uow(), request.page.limit, request.page.cursor)
        return network_pb2.ListRoutersResponse(items=[router_pb(x) for x in items], next_cursor=nxt)

    def CreateZone(self, request, context):
        if "radius" in request.drivers and self.radius is None:
            raise InvalidArgument("drivers: RADIUS is not configured on this network service "
                                  "(ANTENA_NETWORK_RADIUS_DATABASE_URL)",
                                  field_errors={"drivers": "radius is not configured"})
        return zone_pb(topo.create_zone(self.uow(), name=request.name, router_id=request.router_id,
                                        billing_day=request.billing_day, drivers=list(request.drivers),
                                        pppoe_profile=request.pppoe_profile,
                                        default_drivers=[d.strip() for d in self.settings.default_drivers.split(",")
                                                         if d.strip() and (d.strip() != "radius" or self.radius)]))

    def GetZone(self, request, context):
        return zone_pb(topo.get_zone(self.uow(), request.id))

    def ListZones(self, request, context):
        items, nxt = topo.list_zones(self.uow(), request.router_id, request.page.limit, request.page.cursor)
        return network_pb2.ListZonesResponse(items=[zone_pb(x) for x in items], next_cursor=nxt)

    def CreateOlt(self, request, context):
        return olt_pb(topo.create_olt(self.uow(), name=request.name, host=request.host, site_id=request.site_id))

    def ListOlts(self, request, context):
        items, nxt = topo.list_olts(self.uow(), request.page.limit, request.page.cursor)
        return network_pb2.ListOltsResponse(items=[olt_pb(x) for x in items], next_cursor=nxt)

    def CreateNapBox(self, request, context):
        return box_pb(topo.create_nap_box(self.uow(), code=request.code, olt_id=request.olt_id, ports=request.ports,
                                          lat=request.lat, lon=request.lon, zone_id=request.zone_id), {})

    def GetNapBox(self, request, context):
        box, ports = topo.get_nap_box(self.uow(), request.id)
        return box_pb(box, ports)

    def ListNapBoxes(self, request, context):
        items, nxt = topo.list_nap_boxes(self.uow(), request.olt_id, request.page.limit, request.page.cursor)
        return network_pb2.ListNapBoxesResponse(items=[box_pb(x) for x in items], next_cursor=nxt)

    def CreateIpPool(self, request, context):
        return pool_pb(topo.create_ip_pool(self.uow(), name=request.name, cidr=request.cidr, zone_id=request.zone_id,
                                           gateway=request.gateway, excluded=list(request.excluded)))

    def GetIpPool(self, request, context):
        return pool_pb(topo.get_ip_pool(self.uow(), request.id))

    def ListIpPools(self, request, context):
        items, nxt = topo.list_ip_pools(self.uow(), request.zone_id, request.page.limit, request.page.cursor)
        return network_pb2.ListIpPoolsResponse(items=[pool_pb(x) for x in items], next_cursor=nxt)

    # connections
    def GetConnection(self, request, context):
        return connection_pb(conn_cases.get_connection(self.uow(), request.id, request.contract_id))

    def ListConnections(self, request, context):
        items, nxt = conn_cases.list_connections(self.uow(), state=request.state, zone_id=request.zone_id,
                                                 drift_only=request.drift_only, contract_id=request.contract_id,
                                                 limit=request.page.limit, cursor=request.page.cursor)
        return network_pb2.ListConnectionsResponse(items=[connection_pb(x) for x in items], next_cursor=nxt)

    def ChangeConnectionZone(self, request, context):
        c = conn_cases.change_zone(self.uow(), connection_id=request.id, zone_id=request.zone_id, ip=request.ip,
                                   at=model.now())
        self.wake()
        return connection_pb(c)

    def RetryProvisioning(self, request, context):
        c = conn_cases.retry_provisioning(self.uow(), request.id, model.now())
        self.wake()
        return connection_pb(c)

    def AddConnectionService(self, request, context):
        s = request.service
        c = conn_cases.add_service(self.uow(), connection_id=request.connection_id,
                                   default_sip_server=self.settings.default_sip_server, kind=s.kind, plan=s.plan,
                                   cut_on_nonpayment=s.cut_on_nonpayment, sip_username=s.sip_username,
                                   sip_password=s.sip_password, sip_server=s.sip_server, external_id=s.external_id,
                                   phone_number=s.phone_number, tv_mode=s.tv_mode, onu_serial=s.onu_serial)
        return connection_pb(c)

    def UpdateConnectionService(self, request, context):
        changes = {"onu_serial": request.onu_serial or None, "sip_username": request.sip_username or None,
                   "sip_password": request.sip_password or None, "phone_number": request.phone_number or None,
                   "plan": request.plan or None}
        if request.set_temporary:
            changes["temporary"] = request.temporary
        return connection_pb(conn_cases.update_service(self.uow(), connection_id=request.connection_id,
                                                       service_id=request.service_id, **changes))

    def GetConnectionTelemetry(self, request, context):
        rows = mon_cases.recent_telemetry(self.uow(), request.connection_id, request.limit)
        return network_pb2.GetConnectionTelemetryResponse(items=[network_pb2.TelemetrySample(
            device=r.device, collected_at=_ts(r.collected_at), uptime_seconds=r.uptime_seconds,
            in_octets=r.in_octets, out_octets=r.out_octets, optical_power_dbm=r.optical_power_dbm) for r in rows])

    # monitoring
    def RegisterDevice(self, request, context):
        row = mon_cases.register_device(self.uow(), connection_id=request.connection_id, name=request.name,
                                        kind=request.kind, host=request.host, port=request.port,
                                        community=request.community, optical_oid=request.optical_oid,
                                        optical_scale=request.optical_scale)
        return device_pb(row)

    def ListDevices(self, request, context):
        with self.uow() as uow:
            rows = uow.telemetry.devices(request.connection_id)
        return network_pb2.ListDevicesResponse(items=[device_pb(r._mapping) for r in rows])

    def PollDevices(self, request, context):
        n = mon_cases.poll_devices(self.uow, self.poller, self.thresholds, self.settings.telemetry_keep,
                                   request.connection_id)
        return network_pb2.PollDevicesResponse(polled=n)

    # reconciliation
    def ReconcileRouter(self, request, context):
        return report_pb(rec_cases.reconcile_router(self.uow, self.mikrotik, request.router_id, repair=request.repair,
                                                    radius=self.radius))

    def ReconcileBilling(self, request, context):
        if self.billing is None:
            raise Conflict("billing is not reachable from this network service")
        report = rec_cases.reconcile_billing(self.uow, self.billing.contract_states, repair=request.repair)
        self.wake()
        return report_pb(report)

    def GetRouterDrift(self, request, context):
        return report_pb(rec_cases.latest_report(self.uow(), request.router_id))


def register(uow_factory, settings, **kwargs):
    return (network_pb2_grpc.add_NetworkServiceServicer_to_server, NetworkServicer(uow_factory, settings, **kwargs),
            network_pb2.DESCRIPTOR.services_by_name["NetworkService"].full_name)
