"""The network's domain: topology, connections and their provisioning life cycle.

Plain Python: no SQL, gRPC or broker. A connection carries its current
`state` and the `target_state` the provisioning worker must reach on the
routers and in RADIUS; the state changes only once every driver succeeded."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from antena_common.errors import Conflict, FieldErrors, InvalidArgument
from antena_common.ids import new_id

from . import geo

ROUTER_KINDS = ("mikrotik",)
DRIVERS = ("mikrotik", "radius")
MODES = ("pppoe", "static", "dhcp")
STATES = ("reserved", "active", "suspended", "terminated")
SERVICE_KINDS = ("internet", "telephony", "tv")
TV_MODES = ("iptv", "catv")
HOST_RE = re.compile(r"^[A-Za-z0-9.\-:]+$")
RATE_RE = re.compile(r"^\d+(\.\d+)?[kKMG]?$")
MAC_RE = re.compile(r"^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$")


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _name(errors: FieldErrors, value: str, field_name: str = "name", max_len: int = 120) -> str:
    value = (value or "").strip()
    errors.check(bool(value), field_name, "is required")
    errors.check(len(value) <= max_len, field_name, f"at most {max_len} characters")
    return value


# ---- topology ---------------------------------------------------------------

@dataclass(eq=False)
class Site:
    name: str
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)

    @classmethod
    def register(cls, *, name: str, address: str = "", lat: float | None = None, lon: float | None = None) -> "Site":
        errors = FieldErrors()
        name = _name(errors, name)
        errors.check(len(address or "") <= 300, "address", "at most 300 characters")
        if lat is not None or lon is not None:
            geo.check_point(lat, lon, errors, "location.")
        errors.raise_if_any()
        return cls(name=name, address=(address or "").strip(), lat=lat, lon=lon)


@dataclass(eq=False)
class Router:
    """A base router (RB). The password is kept to log in; it is never shown."""

    name: str
    host: str
    api_port: int
    username: str
    password: str
    kind: str = "mikrotik"
    site_id: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)
    last_reconciled_at: dt.datetime | None = None
    drift_count: int = 0
    last_error: str = ""

    @classmethod
    def register(cls, *, name: str, host: str, api_port: int, username: str, password: str, kind: str = "",
                 site_id: str = "") -> "Router":
        errors = FieldErrors()
        name = _name(errors, name)
        host = (host or "").strip()
        errors.check(bool(host) and len(host) <= 253 and bool(HOST_RE.match(host)), "host", "a host name or IP address")
        api_port = api_port or 8728
        errors.check(0 < api_port < 65536, "api_port", "between 1 and 65535")
        errors.check(bool((username or "").strip()), "username", "is required")
        errors.check(len(username or "") <= 100, "username", "at most 100 characters")
        errors.check(len(password or "") <= 200, "password", "at most 200 characters")
        kind = kind or "mikrotik"
        errors.check(kind in ROUTER_KINDS, "kind", f"one of {', '.join(ROUTER_KINDS)}")
        errors.raise_if_any()
        return cls(name=name, host=host, api_port=api_port, username=username.strip(), password=password or "",
                   kind=kind, site_id=site_id or "")


def update_router(router: "Router", *, name: str = "", host: str = "", api_port: int = 0, username: str = "",
                  password: str = "") -> None:
    """Change what was given (empty = keep); validated like a new router."""
    checked = Router.register(name=name or router.name, host=host or router.host, api_port=api_port or router.api_port,
                              username=username or router.username, password=password or router.password,
                              kind=router.kind, site_id=router.site_id)
    router.name, router.host, router.api_port = checked.name, checked.host, checked.api_port
    router.username, router.password = checked.username, checked.password


@dataclass(eq=False)
class Zone:
    """A service zone served by one base router; it also fixes the payment day (seed 004)."""

    name: str
    router_id: str
    billing_day: int
    drivers: str = "mikrotik"          # comma separated: mikrotik,radius
    pppoe_profile: str = "default"
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)

    @classmethod
    def register(cls, *, name: str, router_id: str, billing_day: int, drivers: list[str] | tuple = (),
                 pppoe_profile: str = "", default_drivers: tuple[str, ...] = ("mikrotik",)) -> "Zone":
        errors = FieldErrors()
        name = _name(errors, name)
        errors.check(bool(router_id), "router_id", "is required")
        errors.check(isinstance(billing_day, int) and 1 <= billing_day <= 31, "billing_day", "a day between 1 and 31")
        chosen = [d.strip() for d in (drivers or default_drivers) if d.strip()]
        errors.check(all(d in DRIVERS for d in chosen) and len(set(chosen)) == len(chosen), "drivers",
                     f"any of {', '.join(DRIVERS)}, without repeats")
        errors.check(len(pppoe_profile or "") <= 100, "pppoe_profile", "at most 100 characters")
        errors.raise_if_any()
        return cls(name=name, router_id=router_id, billing_day=billing_day, drivers=",".join(chosen),
                   pppoe_profile=(pppoe_profile or "default").strip())

    @property
    def driver_list(self) -> list[str]:
        return [d for d in self.drivers.split(",") if d]


@dataclass(eq=False)
class Olt:
    name: str
    host: str = ""
    site_id: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)

    @classmethod
    def register(cls, *, name: str, host: str = "", site_id: str = "") -> "Olt":
        errors = FieldErrors()
        name = _name(errors, name)
        host = (host or "").strip()
        errors.check(not host or (len(host) <= 253 and bool(HOST_RE.match(host))), "host", "a host name or IP address")
        errors.raise_if_any()
        return cls(name=name, host=host, site_id=site_id or "")


@dataclass(eq=False)
class NapBox:
    """A NAP/CTO box: `ports` drops, `used_ports` of them taken by connections."""

    code: str
    olt_id: str
    ports: int
    lat: float
    lon: float
    cell: int
    zone_id: str = ""
    used_ports: int = 0
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)

    @classmethod
    def register(cls, *, code: str, olt_id: str, ports: int, lat: float, lon: float, zone_id: str = "") -> "NapBox":
        errors = FieldErrors()
        code = _name(errors, code, "code", 60)
        errors.check(isinstance(ports, int) and 1 <= ports <= 256, "ports", "between 1 and 256")
        geo.check_point(lat, lon, errors)
        errors.raise_if_any()
        return cls(code=code, olt_id=olt_id or "", ports=ports, lat=float(lat), lon=float(lon),
                   cell=geo.cell_of(lat, lon), zone_id=zone_id or "")

    @property
    def free_ports(self) -> int:
        return max(0, self.ports - self.used_ports)


@dataclass(eq=False)
class IpPool:
    name: str
    cidr: str
    zone_id: str
    gateway: str
    excluded: list[str]
    size: int
    used: int = 0
    next_hint: int = 0
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)


# ---- connections -------------------------------------------------------------

@dataclass
class AdditionalService:
    """Telephony (SIP account) or TV (IPTV/CATV) on a connection (seed 004 steps 6-7)."""

    kind: str
    plan: str
    cut_on_nonpayment: bool = True
    state: str = "active"
    sip_username: str = ""
    sip_password: str = ""
    sip_server: str = ""
    external_id: str = ""
    phone_number: str = ""
    temporary: bool = False
    tv_mode: str = ""
    onu_serial: str = ""
    id: str = field(default_factory=new_id)

    @classmethod
    def register(cls, *, kind: str, plan: str, cut_on_nonpayment: bool = True, sip_username: str = "",
                 sip_password: str = "", sip_server: str = "", external_id: str = "", phone_number: str = "",
                 tv_mode: str = "", onu_serial: str = "", default_sip_server: str = "",
                 connection: "Connection | None" = None) -> "AdditionalService":
        errors = FieldErrors()
        errors.check(kind in ("telephony", "tv"), "kind", "telephony or tv")
        plan = _name(errors, plan, "plan")
        temporary = False
        if kind == "telephony":
            sip_username = sip_username or (connection.pppoe_username if connection else "")
            sip_password = sip_password or (connection.pppoe_password if connection else "")
            sip_server = sip_server or default_sip_server
            errors.check(bool(sip_username), "sip_username", "is required")
            errors.check(bool(sip_server), "sip_server", "is required")
            if not phone_number or set(phone_number) == {"0"}:
                phone_number, temporary = "0000000000", True  # support assigns the real number later
        if kind == "tv":
            errors.check(tv_mode in TV_MODES, "tv_mode", "iptv or catv")
        for fname, value, limit in (("sip_username", sip_username, 100), ("sip_password", sip_password, 100),
                                    ("sip_server", sip_server, 253), ("external_id", external_id, 100),
                                    ("phone_number", phone_number, 30), ("onu_serial", onu_serial, 60)):
            errors.check(len(value or "") <= limit, fname, f"at most {limit} characters")
        errors.raise_if_any()
        return cls(kind=kind, plan=plan, cut_on_nonpayment=bool(cut_on_nonpayment), sip_username=sip_username,
                   sip_password=sip_password, sip_server=sip_server, external_id=external_id or
                   (connection.id if connection else ""), phone_number=phone_number, temporary=temporary,
                   tv_mode=tv_mode, onu_serial=onu_serial)

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict) -> "AdditionalService":
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass(eq=False)
class Connection:
    contract_id: str
    zone_id: str
    router_id: str
    mode: str
    ip: str = ""
    ip_pool_id: str = ""
    pppoe_username: str = ""
    pppoe_password: str = ""
    wifi_ssid: str = ""
    wifi_password: str = ""
    cpe_mac: str = ""
    onu_serial: str = ""
    nap_box_id: str = ""
    nap_port: int = 0
    order_id: str = ""
    plan_id: str = ""
    download_rate: str = ""
    upload_rate: str = ""
    customer_name: str = ""
    state: str = "reserved"
    target_state: str = "reserved"
    suspended_services: list = field(default_factory=list)
    services: list = field(default_factory=list)      # AdditionalService.to_dict() items
    provisioning_state: str = "none"                  # none | pending | ok | failed
    provisioning_error: str = ""
    provisioning_attempts: int = 0
    next_attempt_at: dt.datetime | None = None
    last_provisioned_at: dt.datetime | None = None
    provisioned_router_id: str = ""                   # where the subscriber is present now
    provisioned_zone_id: str = ""
    provisioned_ip: str = ""
    drift: list = field(default_factory=list)
    activated_at: dt.datetime | None = None
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)

    @staticmethod
    def check_request(*, mode: str, cpe_mac: str = "", zone_id: str = "") -> None:
        errors = FieldErrors()
        errors.check(bool(zone_id), "connection.zone_id", "is required")
        errors.check(mode in MODES, "connection.mode", f"one of {', '.join(MODES)}")
        errors.check(not cpe_mac or bool(MAC_RE.match(cpe_mac)), "connection.cpe_mac", "not a MAC address")
        errors.raise_if_any()

    @property
    def rate_limit(self) -> str:
        """MikroTik rx/tx from the router's view: upload/download of the subscriber."""
        if not (self.download_rate and self.upload_rate):
            return ""
        return f"{self.upload_rate}/{self.download_rate}"

    @property
    def internet_suspended(self) -> bool:
        return "internet" in (self.suspended_services or [])

    def additional(self) -> list[AdditionalService]:
        return [AdditionalService.from_dict(s) for s in self.services or []]

    def _set_additional(self, items: list[AdditionalService]) -> None:
        self.services = [s.to_dict() for s in items]

    def _schedule(self, at: dt.datetime) -> None:
        self.provisioning_state = "pending"
        self.provisioning_error = ""
        self.provisioning_attempts = 0
        self.next_attempt_at = at

    # commands ----------------------------------------------------------------
    def request_activation(self, at: dt.datetime) -> bool:
        if self.state == "terminated" or self.target_state == "terminated":
            raise Conflict(f"connection {self.id} is terminated")
        if self.target_state != "reserved":
            return False  # already activating, active or suspended
        self.target_state = "active"
        self._schedule(at)
        return True

    def request_suspension(self, services: list[str], at: dt.datetime) -> list[str]:
        """Cut the given services (all with 'cut on non-payment' when empty); returns what changed."""
        if self.target_state in ("terminated", "reserved"):
            return []
        extra = self.additional()
        wanted = set(services or [])
        if not wanted:
            wanted = {"internet"} | {s.kind for s in extra if s.cut_on_nonpayment}
        changed = []
        for s in extra:
            if s.kind in wanted and s.cut_on_nonpayment and s.state == "active":
                s.state = "suspended"
                changed.append(s.kind)
        self._set_additional(extra)
        if "internet" in wanted and not self.internet_suspended:
            self.suspended_services = sorted(set(self.suspended_services or []) | {"internet"})
            self.target_state = "suspended"
            self._schedule(at)
            changed.append("internet")
        for kind in changed:
            if kind != "internet" and kind not in (self.suspended_services or []):
                self.suspended_services = sorted(set(self.suspended_services or []) | {kind})
        return sorted(set(changed))

    def request_restoration(self, services: list[str], at: dt.datetime) -> list[str]:
        if self.target_state in ("terminated", "reserved"):
            return []
        wanted = set(services or []) or {"internet", "telephony", "tv"}
        extra = self.additional()
        changed = []
        for s in extra:
            if s.kind in wanted and s.state == "suspended":
                s.state = "active"
                changed.append(s.kind)
        self._set_additional(extra)
        if "internet" in wanted and self.internet_suspended:
            self.target_state = "active"
            self._schedule(at)
            changed.append("internet")
        still = {s.kind for s in extra if s.state == "suspended"}
        if self.target_state == "suspended" or (self.internet_suspended and "internet" not in wanted):
            still.add("internet")
        self.suspended_services = sorted(still)
        return sorted(set(changed))

    def request_termination(self, at: dt.datetime) -> bool:
        if self.target_state == "terminated":
            return False
        self.target_state = "terminated"
        self._schedule(at)
        return True

    def move_to_zone(self, zone: Zone, at: dt.datetime) -> None:
        if self.target_state == "terminated":
            raise Conflict(f"connection {self.id} is terminated")
        self.zone_id = zone.id
        self.router_id = zone.router_id
        if self.target_state != "reserved":
            self._schedule(at)

    def provisioning_succeeded(self, at: dt.datetime) -> list[str]:
        """Record success; returns the events to publish (activated/suspended/restored/terminated)."""
        before = self.state
        self.state = self.target_state
        self.provisioning_state = "ok"
        self.provisioning_error = ""
        self.provisioning_attempts = 0
        self.next_attempt_at = None
        self.last_provisioned_at = at
        if self.state == "terminated":
            self.provisioned_router_id = self.provisioned_zone_id = self.provisioned_ip = ""
        else:
            self.provisioned_router_id, self.provisioned_zone_id, self.provisioned_ip = self.router_id, self.zone_id, self.ip
        if self.state == before:
            return []
        events = []
        if before == "reserved" and self.state in ("active", "suspended"):
            self.activated_at = at
            events.append("connection_activated")   # suspended before its first activation: both
        elif self.state == "active":
            events.append("connection_restored")
        if self.state == "suspended":
            events.append("connection_suspended")
        if self.state == "terminated":
            events.append("connection_terminated")
        return events

    def retry_now(self, at: dt.datetime) -> bool:
        if self.provisioning_state not in ("pending", "failed"):
            return False
        self.next_attempt_at = at
        return True

    def provisioning_failed(self, reason: str, at: dt.datetime, base_seconds: float, max_seconds: float) -> float:
        """Record a failure and when to try again (exponential backoff); returns the delay."""
        self.provisioning_attempts += 1
        self.provisioning_state = "failed"
        self.provisioning_error = (reason or "unknown error")[:500]
        delay = min(max_seconds, base_seconds * 2 ** (self.provisioning_attempts - 1))
        self.next_attempt_at = at + dt.timedelta(seconds=delay)
        return delay

    def add_service(self, service: AdditionalService) -> None:
        if self.target_state == "terminated":
            raise Conflict(f"connection {self.id} is terminated")
        extra = self.additional()
        if self.internet_suspended and service.cut_on_nonpayment:
            service.state = "suspended"
        extra.append(service)
        self._set_additional(extra)

    def update_service(self, service_id: str, **changes) -> AdditionalService:
        errors = FieldErrors()
        for fname, limit in (("onu_serial", 60), ("sip_username", 100), ("sip_password", 100), ("phone_number", 30),
                             ("plan", 120)):
            errors.check(len(changes.get(fname) or "") <= limit, fname, f"at most {limit} characters")
        errors.raise_if_any()
        extra = self.additional()
        for s in extra:
            if s.id == service_id:
                for k, v in changes.items():
                    if v is not None:
                        setattr(s, k, v)
                if s.kind == "telephony" and "phone_number" in changes and changes["phone_number"]:
                    s.temporary = set(s.phone_number) == {"0"}
                self._set_additional(extra)
                return s
        raise InvalidArgument(f"service {service_id} is not on connection {self.id}",
                              field_errors={"service_id": "not on this connection"})


def check_rate(value: str, field_name: str) -> str:
    value = (value or "").strip()
    if value and not RATE_RE.match(value):
        raise InvalidArgument(f"{field_name}: a rate like 50M", field_errors={field_name: "a rate like 50M or 512k"})
    return value


def mbps(value) -> str:
    """50 -> '50M'; 0.5 -> '512k'."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return ""
    if v <= 0:
        return ""
    if v >= 1 and v == int(v):
        return f"{int(v)}M"
    return f"{int(round(v * 1024))}k"
