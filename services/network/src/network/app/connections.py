"""Use cases on connections: reservation for a contract, life-cycle commands
(activate, suspend, restore, terminate), zone change and additional services."""
from __future__ import annotations

from dataclasses import dataclass

from antena.network.v1 import events_pb2
from antena_common.errors import Conflict, InvalidArgument, NotFound
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import addressing, credentials, geo, model
from ..domain.monitoring import Thresholds, evaluate


class Rejected(Exception):
    """The contract request cannot get a connection (no free IP, no free port...)."""


@dataclass(frozen=True)
class ReserveConnection:
    contract_id: str
    order_id: str
    request_id: str
    zone_id: str
    mode: str
    customer_name: str = ""
    phone: str = ""
    document: str = ""
    ip: str = ""
    nap_box_id: str = ""
    nap_port: int = 0
    cpe_mac: str = ""
    lat: float | None = None
    lon: float | None = None
    plan_id: str = ""
    download_rate: str = ""
    upload_rate: str = ""


def allocate_ip(uow, zone: model.Zone, connection_id: str, wanted: str = "") -> tuple[model.IpPool, str]:
    """An address of the zone's pools for the connection: `wanted` if free, else the lowest free one.

    The pools' rows are locked first (SELECT ... FOR UPDATE on PostgreSQL, the
    database write lock on SQLite), so two reservations never pick the same
    address; the (pool, ip) primary key guards it as well."""
    pools = uow.ip_pools.for_zone_locked(zone.id)
    if not pools:
        raise Rejected(f"the zone {zone.name} has no IP pool")
    if wanted:
        value = addressing.ip_to_int(wanted, "connection.ip")
        for pool in pools:
            net = addressing.parse_network(pool.cidr)
            if int(net.network_address) <= value <= int(net.broadcast_address):
                if uow.ip_pools.is_taken(pool.id, value):
                    raise Rejected(f"the IP {wanted} is not available")
                uow.ip_pools.take(pool, value, connection_id)
                return pool, wanted
        raise Rejected(f"the IP {wanted} is not in a pool of the zone {zone.name}")
    for pool in pools:
        net = addressing.parse_network(pool.cidr)
        candidate = uow.ip_pools.first_free(pool, int(net.network_address), int(net.broadcast_address))
        if candidate is not None:
            uow.ip_pools.take(pool, candidate, connection_id)
            return pool, addressing.int_to_ip(candidate)
    raise Rejected(f"no free IP in the pools of the zone {zone.name}")


def _take_port(uow, cmd: ReserveConnection, connection_id: str, radius_m: float) -> tuple[str, int]:
    box_id = cmd.nap_box_id
    if not box_id and cmd.lat is not None and cmd.lon is not None and (cmd.lat or cmd.lon):
        rows = uow.nap_boxes.near(geo.cells_around(cmd.lat, cmd.lon, radius_m), geo.bounding_box(cmd.lat, cmd.lon, radius_m))
        pts = [geo.BoxPoint(i, code, blat, blon, max(0, ports - used)) for i, code, blat, blon, ports, used in rows]
        answer = geo.rank_candidates(cmd.lat, cmd.lon, pts, radius_m, 50)
        free = [c for c in answer.candidates if c.free_ports > 0]
        if not free:
            return "", 0  # no fibre box near: a wireless connection, no port
        box_id = free[0].nap_box_id
    if not box_id:
        return "", 0
    try:
        box = uow.nap_boxes.get(box_id, lock=True)
    except NotFound:
        raise Rejected(f"NAP box {box_id} does not exist") from None
    used = uow.nap_boxes.used_ports(box.id)
    if cmd.nap_port:
        if not 1 <= cmd.nap_port <= box.ports:
            raise Rejected(f"NAP box {box.code} has no port {cmd.nap_port}")
        if cmd.nap_port in used:
            raise Rejected(f"port {cmd.nap_port} of NAP box {box.code} is taken")
        port = cmd.nap_port
    else:
        free_ports = [p for p in range(1, box.ports + 1) if p not in used]
        if not free_ports:
            raise Rejected(f"no free port in NAP box {box.code}")
        port = free_ports[0]
    try:
        uow.nap_boxes.take_port(box, port, connection_id)
    except Conflict as exc:
        raise Rejected(exc.detail) from None
    return box.id, port


def _unique_username(uow, base: str, connection_id: str = "") -> str:
    name, n = base, 1
    while uow.connections.username_taken(name, connection_id):
        n += 1
        name = f"{base}-{n}"
    return name


def reserved_event(uow, c: model.Connection, request_id: str = "") -> events_pb2.ConnectionReserved:
    zone = uow.zones.get(c.zone_id)
    pool = uow.ip_pools.get(c.ip_pool_id) if c.ip_pool_id else None
    box_code = uow.nap_boxes.get(c.nap_box_id).code if c.nap_box_id else ""
    return events_pb2.ConnectionReserved(
        connection_id=c.id, contract_id=c.contract_id, order_id=c.order_id, zone_id=c.zone_id, mode=c.mode, ip=c.ip,
        pppoe_username=c.pppoe_username, nap_box_id=c.nap_box_id, nap_port=c.nap_port, wifi_ssid=c.wifi_ssid,
        wifi_password=c.wifi_password, request_id=request_id, pppoe_password=c.pppoe_password, zone_name=zone.name,
        billing_day=zone.billing_day, router_id=zone.router_id, gateway=pool.gateway if pool else "",
        nap_box_code=box_code)


def reserve_connection(uow, cmd: ReserveConnection, *, rules: credentials.CredentialRules, radius_m: float,
                       consumer: str = "", event_id: str = "") -> model.Connection | None:
    """Reserve zone, IP, NAP port and credentials; publish connection_reserved or connection_rejected."""
    with uow:
        if consumer and uow.already_processed(consumer, event_id):
            return None
        existing = uow.connections.by_contract(cmd.contract_id)
        if existing is not None:  # the same request again: answer the same
            uow.publish("connection_reserved", reserved_event(uow, existing, cmd.request_id))
            uow.commit()
            return existing
        try:
            if not cmd.contract_id or max(len(cmd.contract_id), len(cmd.order_id), len(cmd.plan_id)) > 36:
                raise Rejected("contract_id, order_id and plan_id must be ids of at most 36 characters")
            model.Connection.check_request(mode=cmd.mode, cpe_mac=cmd.cpe_mac, zone_id=cmd.zone_id)
            try:
                zone = uow.zones.get(cmd.zone_id)
            except NotFound:
                raise Rejected(f"zone {cmd.zone_id} does not exist") from None
            c = model.Connection(contract_id=cmd.contract_id, zone_id=zone.id, router_id=zone.router_id, mode=cmd.mode,
                                 order_id=cmd.order_id, cpe_mac=cmd.cpe_mac.upper(), plan_id=cmd.plan_id,
                                 customer_name=cmd.customer_name[:200],
                                 download_rate=model.check_rate(cmd.download_rate, "download_rate"),
                                 upload_rate=model.check_rate(cmd.upload_rate, "upload_rate"))
            pool, ip = allocate_ip(uow, zone, c.id, cmd.ip)
            c.ip_pool_id, c.ip = pool.id, ip
            c.nap_box_id, c.nap_port = _take_port(uow, cmd, c.id, radius_m)
            creds = credentials.generate(rules, credentials.Subscriber(cmd.customer_name, cmd.phone, cmd.document,
                                                                       cmd.contract_id))
            c.wifi_ssid, c.wifi_password = creds.wifi_ssid[:100], creds.wifi_password[:100]
            if c.mode == "pppoe":
                c.pppoe_username = _unique_username(uow, creds.pppoe_username[:90])
                c.pppoe_password = creds.pppoe_password[:100]
            uow.connections.add(c)
            uow.publish("connection_reserved", reserved_event(uow, c, cmd.request_id))
            uow.commit()
            return c
        except (Rejected, InvalidArgument) as exc:
            reason = exc.detail if isinstance(exc, InvalidArgument) else str(exc)
            uow.rollback()
            if consumer:
                uow.already_processed(consumer, event_id)
            uow.publish("connection_rejected", events_pb2.ConnectionRejected(
                contract_id=cmd.contract_id, order_id=cmd.order_id, reason=reason, request_id=cmd.request_id))
            uow.commit()
            return None


def _find(uow, connection_id: str = "", contract_id: str = "", lock: bool = True) -> model.Connection:
    c = None
    if connection_id:
        try:
            c = uow.connections.get(connection_id, lock=lock)
        except NotFound:
            c = None
    if c is None and contract_id:
        c = uow.connections.by_contract(contract_id, lock=lock)
    if c is None:
        raise NotFound(f"no connection for contract {contract_id or '?'} / connection {connection_id or '?'}")
    return c


def activate(uow, *, connection_id: str, contract_id: str, at, consumer: str = "", event_id: str = "",
             onu_serial: str = "", cpe_mac: str = "", optical_power_dbm: str = "",
             thresholds: Thresholds | None = None) -> model.Connection | None:
    """Completed installation: provision it. The field report's ONU serial, CPE MAC and optical power are kept;
    an optical power outside the thresholds raises network.device_alert at once."""
    with uow:
        if consumer and uow.already_processed(consumer, event_id):
            return None
        c = _find(uow, connection_id, contract_id)
        if onu_serial:
            c.onu_serial = onu_serial[:60]
        if cpe_mac and model.MAC_RE.match(cpe_mac):
            c.cpe_mac = cpe_mac.upper()
        c.request_activation(at)
        power = _decimal_or_none(optical_power_dbm)
        if power is not None:
            uow.telemetry.add_sample({"device_id": "", "connection_id": c.id, "collected_at": at, "uptime_seconds": 0,
                                      "in_octets": 0, "out_octets": 0, "optical_power_dbm": f"{power:.2f}",
                                      "alert": False})
            for metric, value, threshold in evaluate(power, thresholds or Thresholds()):
                uow.publish("device_alert", events_pb2.DeviceAlert(
                    connection_id=c.id, contract_id=c.contract_id, device="field report", metric=metric, value=value,
                    threshold=threshold))
        uow.commit()
        return c


def _decimal_or_none(text: str) -> float | None:
    try:
        value = float((text or "").strip())
    except ValueError:
        return None
    return value if -60 <= value <= 20 else None


def suspend(uow, *, connection_id: str, contract_id: str, services: list[str], at, consumer: str = "",
            event_id: str = "") -> list[str]:
    with uow:
        if consumer and uow.already_processed(consumer, event_id):
            return []
        c = _find(uow, connection_id, contract_id)
        changed = c.request_suspension(list(services), at)
        if changed and "internet" not in changed:  # only extra services: nothing to push to the router
            uow.publish("connection_suspended", events_pb2.ConnectionSuspended(
                connection_id=c.id, contract_id=c.contract_id, services=changed))
        uow.commit()
        return changed


def restore(uow, *, connection_id: str, contract_id: str, services: list[str], at, consumer: str = "",
            event_id: str = "") -> list[str]:
    with uow:
        if consumer and uow.already_processed(consumer, event_id):
            return []
        c = _find(uow, connection_id, contract_id)
        changed = c.request_restoration(list(services), at)
        if changed and "internet" not in changed:
            uow.publish("connection_restored", events_pb2.ConnectionRestored(
                connection_id=c.id, contract_id=c.contract_id, services=changed))
        uow.commit()
        return changed


def terminate(uow, *, connection_id: str, contract_id: str, at, consumer: str = "", event_id: str = "") -> None:
    with uow:
        if consumer and uow.already_processed(consumer, event_id):
            return
        c = _find(uow, connection_id, contract_id)
        c.request_termination(at)
        uow.commit()


def change_zone(uow, *, connection_id: str, zone_id: str, ip: str, at) -> model.Connection:
    with uow:
        c = uow.connections.get(connection_id, lock=True)
        zone = uow.zones.get(zone_id)
        if zone.id == c.zone_id:
            return c
        old_pool = c.ip_pool_id
        try:
            pool, new_ip = allocate_ip(uow, zone, c.id, ip)
        except Rejected as exc:
            raise Conflict(str(exc)) from None
        if old_pool:
            uow.ip_pools.release(old_pool, c.id)
        c.ip_pool_id, c.ip = pool.id, new_ip
        c.move_to_zone(zone, at)
        uow.commit()
        return c


def add_service(uow, *, connection_id: str, default_sip_server: str, **fields) -> model.Connection:
    with uow:
        c = uow.connections.get(connection_id, lock=True)
        c.add_service(model.AdditionalService.register(connection=c, default_sip_server=default_sip_server, **fields))
        uow.commit()
        return c


def update_service(uow, *, connection_id: str, service_id: str, **changes) -> model.Connection:
    with uow:
        c = uow.connections.get(connection_id, lock=True)
        c.update_service(service_id, **changes)
        uow.commit()
        return c


def retry_provisioning(uow, connection_id: str, at) -> model.Connection:
    with uow:
        c = uow.connections.get(connection_id, lock=True)
        if not c.retry_now(at):
            raise Conflict(f"connection {connection_id} has nothing waiting to be provisioned")
        uow.commit()
        return c


def get_connection(uow, connection_id: str = "", contract_id: str = "") -> model.Connection:
    with uow:
        return _find(uow, connection_id, contract_id, lock=False)


def list_connections(uow, *, state: str = "", zone_id: str = "", drift_only: bool = False, contract_id: str = "",
                     limit=None, cursor=None):
    if state and state not in model.STATES:
        raise InvalidArgument("state: unknown", field_errors={"state": f"one of {', '.join(model.STATES)}"})
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.connections.search(state=state, zone_id=zone_id, drift_only=drift_only, contract_id=contract_id,
                                       after_id=after[0] if after else None, limit=limit + 1)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor
