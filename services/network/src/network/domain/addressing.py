"""IPv4 pools: parsing, validation, overlap and which addresses may be handed out."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from antena_common.errors import FieldErrors, InvalidArgument

MAX_EXCLUDED = 4096


@dataclass(frozen=True)
class PoolPlan:
    network: ipaddress.IPv4Network
    gateway: int
    reserved: list[tuple[int, str]]  # (address as int, why): never handed out

    @property
    def first(self) -> int:
        return int(self.network.network_address)

    @property
    def last(self) -> int:
        return int(self.network.broadcast_address)

    @property
    def usable(self) -> int:
        return self.network.num_addresses - len(self.reserved)


def parse_network(cidr: str, field: str = "cidr") -> ipaddress.IPv4Network:
    try:
        net = ipaddress.IPv4Network((cidr or "").strip(), strict=True)
    except ValueError as exc:
        raise InvalidArgument(f"{field}: not an IPv4 CIDR ({exc})", field_errors={field: f"not an IPv4 CIDR: {exc}"}) from None
    if net.prefixlen > 30:
        raise InvalidArgument(f"{field}: a pool needs at least a /30", field_errors={field: "prefix longer than /30"})
    if net.prefixlen < 12:
        raise InvalidArgument(f"{field}: at most a /12 per pool", field_errors={field: "prefix shorter than /12"})
    return net


def _addresses(spec: str) -> list[ipaddress.IPv4Address]:
    spec = spec.strip()
    if "-" in spec:
        a, b = (ipaddress.IPv4Address(x.strip()) for x in spec.split("-", 1))
        if int(b) < int(a) or int(b) - int(a) >= MAX_EXCLUDED:
            raise ValueError("bad range")
        return [ipaddress.IPv4Address(i) for i in range(int(a), int(b) + 1)]
    if "/" in spec:
        net = ipaddress.IPv4Network(spec, strict=False)
        if net.num_addresses > MAX_EXCLUDED:
            raise ValueError("range too large")
        return list(net)
    return [ipaddress.IPv4Address(spec)]


def plan_pool(cidr: str, gateway: str = "", excluded: list[str] | tuple = ()) -> PoolPlan:
    """Validate a pool; network, broadcast, gateway and excluded addresses are reserved."""
    net = parse_network(cidr)
    errors = FieldErrors()
    gw = None
    if gateway:
        try:
            gw = ipaddress.IPv4Address(gateway.strip())
            errors.check(gw in net and gw not in (net.network_address, net.broadcast_address), "gateway",
                         "must be a host address inside the pool")
        except ValueError:
            errors.check(False, "gateway", "not an IPv4 address")
    else:
        gw = net.network_address + 1
    reserved: dict[int, str] = {int(net.network_address): "network", int(net.broadcast_address): "broadcast"}
    for i, spec in enumerate(excluded or ()):
        try:
            addrs = _addresses(spec)
        except ValueError:
            errors.check(False, f"excluded[{i}]", "not an address, a range a-b or a small CIDR")
            continue
        for a in addrs:
            if a not in net:
                errors.check(False, f"excluded[{i}]", "outside the pool")
                break
            reserved.setdefault(int(a), "excluded")
    errors.check(len(reserved) <= MAX_EXCLUDED + 3, "excluded", "too many excluded addresses")
    errors.raise_if_any()
    if gw is not None:
        reserved[int(gw)] = "gateway"
    plan = PoolPlan(network=net, gateway=int(gw), reserved=sorted(reserved.items()))
    if plan.usable <= 0:
        raise InvalidArgument("excluded: nothing left to hand out", field_errors={"excluded": "nothing left to hand out"})
    return plan


def overlapping(cidr: str, others: list[tuple[str, str]]) -> str | None:
    """The name of the first existing pool (name, cidr) that overlaps cidr, if any."""
    net = parse_network(cidr)
    for name, other in others:
        if net.overlaps(ipaddress.IPv4Network(other)):
            return name
    return None


def ip_to_int(ip: str, field: str = "ip") -> int:
    try:
        return int(ipaddress.IPv4Address((ip or "").strip()))
    except ValueError:
        raise InvalidArgument(f"{field}: not an IPv4 address", field_errors={field: "not an IPv4 address"}) from None


def int_to_ip(value: int) -> str:
    return str(ipaddress.IPv4Address(value))
