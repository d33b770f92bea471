"""What a subscriber must look like on a base router and in RADIUS, the driver
interface, and the comparison of desired and actual router state (drift)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

COMMENT_PREFIX = "antena:"


def comment_for(connection_id: str) -> str:
    return f"{COMMENT_PREFIX}{connection_id}"


def connection_of(comment: str) -> str | None:
    comment = comment or ""
    return comment[len(COMMENT_PREFIX):] if comment.startswith(COMMENT_PREFIX) else None


@dataclass(frozen=True)
class RouterAccess:
    id: str
    name: str
    host: str
    api_port: int
    username: str
    password: str


@dataclass(frozen=True)
class SubscriberSpec:
    """Desired state of one subscriber (internet side)."""

    connection_id: str
    mode: str
    username: str
    password: str
    ip: str
    profile: str
    rate_limit: str          # "upload/download", e.g. "10M/50M"; empty = no queue
    suspended: bool
    mac: str = ""            # DHCP mode: a static lease ties the CPE's MAC to the IP

    @property
    def comment(self) -> str:
        return comment_for(self.connection_id)

    @property
    def queue_name(self) -> str:
        return self.username or f"antena-{self.connection_id[-12:]}"


FAILURE_KINDS = ("auth", "unreachable", "timeout", "refused", "database", "config", "dependency", "unexpected")


class ProvisioningError(Exception):
    """A driver could not bring the peer to the desired state (retried with backoff).
    `kind` classes the reason (one of FAILURE_KINDS) for metrics and alerts."""

    def __init__(self, driver: str, reason: str, kind: str = "unexpected"):
        super().__init__(f"{driver}: {reason}")
        self.driver = driver
        self.reason = reason
        self.kind = kind if kind in FAILURE_KINDS else "unexpected"


class Driver(Protocol):
    name: str

    def apply(self, router: RouterAccess, spec: SubscriberSpec) -> list[str]:
        """Make the peer match spec; idempotent. Returns what it changed."""

    def remove(self, router: RouterAccess, spec: SubscriberSpec) -> list[str]:
        """Delete the subscriber from the peer; idempotent."""


# ---- router state and drift --------------------------------------------------

@dataclass(frozen=True)
class Secret:
    id: str
    name: str
    password: str
    profile: str
    remote_address: str
    comment: str
    disabled: bool = False


@dataclass(frozen=True)
class Queue:
    id: str
    name: str
    target: str
    max_limit: str
    comment: str
    disabled: bool = False


@dataclass(frozen=True)
class ListEntry:
    id: str
    list: str
    address: str
    comment: str
    disabled: bool = False


@dataclass(frozen=True)
class Lease:
    id: str
    address: str
    mac: str
    comment: str
    disabled: bool = False


@dataclass
class RouterState:
    secrets: list[Secret] = field(default_factory=list)
    queues: list[Queue] = field(default_factory=list)
    address_list: list[ListEntry] = field(default_factory=list)  # entries of the suspended list only
    leases: list[Lease] = field(default_factory=list)


@dataclass(frozen=True)
class Drift:
    connection_id: str
    kind: str
    detail: str


def _norm_target(target: str) -> str:
    first = (target or "").split(",")[0].strip()
    return first[:-3] if first.endswith("/32") else first


def norm_rate(rate: str) -> str:
    """RouterOS prints 10M/50M as 10000000/50000000."""
    def one(x: str) -> str:
        x = x.strip()
        mult = {"k": 1000, "K": 1000, "M": 1_000_000, "G": 1_000_000_000}
        if x and x[-1] in mult:
            return str(int(float(x[:-1]) * mult[x[-1]]))
        return x
    return "/".join(one(p) for p in (rate or "").split("/"))


def diff_router(desired: list[SubscriberSpec], actual: RouterState, suspended_list: str) -> list[Drift]:
    """Every difference between what the system wants on a router and what it has."""
    found: list[Drift] = []
    want = {s.connection_id: s for s in desired}
    secrets = {}
    for s in actual.secrets:
        cid = connection_of(s.comment)
        if cid:
            secrets.setdefault(cid, []).append(s)
    queues = {}
    for q in actual.queues:
        cid = connection_of(q.comment)
        if cid:
            queues.setdefault(cid, []).append(q)
    leases = {}
    for lease in actual.leases:
        cid = connection_of(lease.comment)
        if cid:
            leases.setdefault(cid, []).append(lease)
    listed = {}
    for e in actual.address_list:
        if e.list != suspended_list:
            continue
        cid = connection_of(e.comment)
        if cid:
            listed.setdefault(cid, []).append(e)

    for cid, spec in want.items():
        if spec.mode == "pppoe":
            have = secrets.get(cid, [])
            if not have:
                found.append(Drift(cid, "missing_secret", f"PPPoE secret {spec.username} is missing"))
            else:
                s = have[0]
                wrong = [k for k, a, b in (("name", s.name, spec.username), ("password", s.password, spec.password),
                                           ("profile", s.profile, spec.profile),
                                           ("remote-address", s.remote_address, spec.ip)) if a != b]
                if s.disabled:
                    wrong.append("disabled")
                if wrong:
                    found.append(Drift(cid, "wrong_secret", f"secret {s.name}: {', '.join(wrong)} differ"))
                if len(have) > 1:
                    found.append(Drift(cid, "duplicate_secret", f"{len(have)} secrets"))
        if spec.rate_limit:
            have_q = queues.get(cid, [])
            if not have_q:
                found.append(Drift(cid, "missing_queue", f"simple queue for {spec.ip} is missing"))
            else:
                q = have_q[0]
                wrong = []
                if _norm_target(q.target) != spec.ip:
                    wrong.append(f"target {q.target}")
                if norm_rate(q.max_limit) != norm_rate(spec.rate_limit):
                    wrong.append(f"max-limit {q.max_limit} instead of {spec.rate_limit}")
                if q.disabled:
                    wrong.append("disabled")
                if wrong:
                    found.append(Drift(cid, "wrong_queue", "; ".join(wrong)))
        if spec.mode == "dhcp" and spec.mac:
            have_l = leases.get(cid, [])
            if not have_l:
                found.append(Drift(cid, "missing_lease", f"DHCP lease {spec.mac} -> {spec.ip} is missing"))
            elif have_l[0].address != spec.ip or have_l[0].mac.upper() != spec.mac.upper() or have_l[0].disabled:
                found.append(Drift(cid, "wrong_lease", f"lease {have_l[0].mac} -> {have_l[0].address}"))
        entries = listed.get(cid, [])
        if spec.suspended and not any(e.address == spec.ip and not e.disabled for e in entries):
            found.append(Drift(cid, "missing_suspension", f"{spec.ip} is not in {suspended_list}: browsing while suspended"))
        if not spec.suspended and entries:
            found.append(Drift(cid, "unexpected_suspension", f"{spec.ip} is in {suspended_list} but the service is active"))
        if spec.suspended and any(e.address != spec.ip for e in entries):
            found.append(Drift(cid, "wrong_suspension", "address-list entry with another address"))

    for cid in sorted((set(secrets) | set(queues) | set(listed) | set(leases)) - set(want)):
        found.append(Drift(cid, "orphan", "entries for a connection that should not be on this router"))
    return found
