"""Work orders and their state machine: plain Python, no I/O."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from antena_common.errors import Conflict, FieldErrors, InvalidArgument
from antena_common.ids import new_id

KINDS = ("installation", "feasibility", "technical", "removal")
FROM_SALES_KINDS = ("installation", "feasibility")
UNSCHEDULED, SCHEDULED, IN_PROGRESS = "unscheduled", "scheduled", "in_progress"
COMPLETED, FAILED, CANCELLED = "completed", "failed", "cancelled"
STATES = (UNSCHEDULED, SCHEDULED, IN_PROGRESS, COMPLETED, FAILED, CANCELLED)
OPEN_STATES = (UNSCHEDULED, SCHEDULED, IN_PROGRESS)
LOSS_TAGS = ("sin cobertura", "imposibilidad técnica")
ADDRESS_FIELDS = ("street", "number", "city", "state", "neighbourhood", "postal_code")
MANAGER_ROLES = ("admin", "operations")
# column sizes of the strings an order is opened with
FIELD_LIMITS = {"ticket_id": 36, "request_id": 64, "lead_id": 36, "prospect_id": 36, "customer_name": 200,
                "customer_document": 40, "customer_phone": 40, "customer_email": 254, "plan_id": 36, "zone_id": 36,
                "contract_id": 36, "customer_id": 36, "connection_id": 36, "support_ticket_id": 36, "notes": 10000}
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class Actor:
    """The staff user acting (from the gateway); empty for system events."""

    user_id: str = ""
    roles: tuple[str, ...] = ()
    name: str = ""

    @property
    def manages(self) -> bool:
        return any(r in MANAGER_ROLES for r in self.roles)

    @property
    def is_technician_only(self) -> bool:
        return "technician" in self.roles and not self.manages


SYSTEM = Actor(user_id="", roles=("system",), name="system")


@dataclass(eq=False)
class TimelineEntry:
    order_id: str
    action: str
    from_state: str
    to_state: str
    actor_user_id: str = ""
    detail: str = ""
    at: dt.datetime = field(default_factory=now)
    id: str = field(default_factory=new_id)


@dataclass(eq=False)
class Order:
    kind: str
    state: str = UNSCHEDULED
    ticket_id: str = ""
    request_id: str | None = None
    lead_id: str = ""
    prospect_id: str = ""
    customer_name: str = ""
    customer_document: str = ""
    customer_phone: str = ""
    customer_email: str = ""
    address: dict = field(default_factory=dict)
    lat: float | None = None
    lon: float | None = None
    plan_id: str = ""
    recurring_item_ids: list = field(default_factory=list)
    discount_ids: list = field(default_factory=list)
    notes: str = ""
    zone_id: str = ""
    technician_id: str | None = None
    scheduled_start: dt.datetime | None = None
    scheduled_end: dt.datetime | None = None
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    result_reason: str = ""
    feasible: bool | None = None
    loss_tag: str = ""
    # contract from the order (billing + network answer asynchronously)
    contract_id: str = ""
    customer_id: str = ""
    connection_id: str = ""
    contract_request_id: str = ""
    contract_error: str = ""
    contract_created: bool = False
    connection_reserved: bool = False
    pppoe_username: str = ""
    wifi_ssid: str = ""
    wifi_password: str = ""
    contract_data: dict = field(default_factory=dict)
    # field report
    devices: list = field(default_factory=list)
    optical_power_dbm: str = ""
    seal_code: str = ""
    report_notes: str = ""
    signature_path: str = ""
    signed_at: dt.datetime | None = None
    support_ticket_id: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)
    updated_at: dt.datetime = field(default_factory=now)

    # -- creation -------------------------------------------------------------------------
    @classmethod
    def open(cls, *, kind: str, actor: Actor = SYSTEM, **data) -> "Order":
        errors = FieldErrors()
        errors.check(kind in KINDS, "kind", f"one of {', '.join(KINDS)}")
        for name, limit in FIELD_LIMITS.items():
            value = data.get(name) or ""
            errors.check(len(value) <= limit, name, f"at most {limit} characters")
        for name in ("recurring_item_ids", "discount_ids"):
            ids = data.get(name) or []
            errors.check(len(ids) <= 50 and all(len(x) <= 64 for x in ids), name, "at most 50 ids of 64 characters")
        address = {k: str((data.get("address") or {}).get(k, "") or "").strip() for k in ADDRESS_FIELDS}
        for k, v in address.items():
            errors.check(len(v) <= 200, f"address.{k}", "at most 200 characters")
        lat, lon = data.get("lat"), data.get("lon")
        if lat is not None or lon is not None:
            errors.check(lat is not None and -90 <= lat <= 90, "location.lat", "between -90 and 90")
            errors.check(lon is not None and -180 <= lon <= 180, "location.lon", "between -180 and 180")
        errors.raise_if_any()
        data["address"] = address
        order = cls(kind=kind, **data)
        order._record("created", "", UNSCHEDULED, actor)
        return order

    # -- timeline -------------------------------------------------------------------------
    def _init_transient(self) -> None:
        self._timeline: list[TimelineEntry] = []

    def take_timeline(self) -> list[TimelineEntry]:
        entries = getattr(self, "_timeline", [])
        self._timeline = []
        return entries

    def _record(self, action: str, from_state: str, to_state: str, actor: Actor, detail: str = "") -> None:
        if not hasattr(self, "_timeline"):
            self._init_transient()
        self.updated_at = now()
        self._timeline.append(TimelineEntry(order_id=self.id, action=action, from_state=from_state,
                                            to_state=to_state, actor_user_id=actor.user_id, detail=detail))

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def location(self) -> tuple[float, float] | None:
        return (self.lat, self.lon) if self.lat is not None and self.lon is not None else None

    def _require_state(self, allowed: tuple[str, ...], action: str) -> None:
        if self.state not in allowed:
            raise Conflict(f"order {self.id} is {self.state}: cannot {action} (needs {' or '.join(allowed)})")

    # -- planning -------------------------------------------------------------------------
    def schedule(self, technician_id: str, start: dt.datetime, end: dt.datetime, actor: Actor) -> bool:
        """Place the order on a technician's calendar; True when it was a reschedule."""
        self._require_state((UNSCHEDULED, SCHEDULED), "schedule")
        rescheduled = self.state == SCHEDULED
        previous = self.state
        self.technician_id, self.scheduled_start, self.scheduled_end = technician_id, start, end
        self.state = SCHEDULED
        self._record("rescheduled" if rescheduled else "scheduled", previous, SCHEDULED, actor,
                     f"{technician_id} {start.isoformat()} - {end.isoformat()}")
        return rescheduled

    def unschedule(self, actor: Actor) -> None:
        self._require_state((SCHEDULED,), "unschedule")
        self.technician_id = self.scheduled_start = self.scheduled_end = None
        self.state = UNSCHEDULED
        self._record("unscheduled", SCHEDULED, UNSCHEDULED, actor)

    def cancel(self, reason: str, actor: Actor) -> None:
        self._require_state(OPEN_STATES, "cancel")
        previous = self.state
        self.state = CANCELLED
        self.result_reason = (reason or "").strip()
        self.finished_at = now()
        self._record("cancelled", previous, CANCELLED, actor, self.result_reason)

    def edit(self, *, zone_id: str | None, notes: str | None, actor: Actor) -> None:
        errors = FieldErrors()
        errors.check(zone_id is None or len(zone_id) <= 36, "zone_id", "at most 36 characters")
        errors.check(notes is None or len(notes) <= 10000, "notes", "at most 10000 characters")
        errors.raise_if_any()
        if not self.is_open:
            raise Conflict(f"order {self.id} is {self.state}: it can no longer be edited")
        changes = []
        if zone_id is not None and zone_id.strip() != self.zone_id:
            self.zone_id = zone_id.strip()
            changes.append(f"zone {self.zone_id or 'none'}")
        if notes is not None and notes != self.notes:
            self.notes = notes
            changes.append("notes")
        if changes:
            self._record("edited", self.state, self.state, actor, ", ".join(changes))

    # -- field work -----------------------------------------------------------------------
    def start(self, actor: Actor, at: dt.datetime | None = None) -> None:
        if self.state == UNSCHEDULED:
            raise Conflict(f"order {self.id} is not scheduled: schedule it before starting it")
        self._require_state((SCHEDULED,), "start")
        self.state = IN_PROGRESS
        self.started_at = at or now()
        self._record("started", SCHEDULED, IN_PROGRESS, actor)

    def require_in_progress(self, action: str) -> None:
        if self.state != IN_PROGRESS:
            raise Conflict(f"order {self.id} is {self.state}: {action} needs the order started (in_progress)")

    def report(self, *, devices: list[dict], optical_power_dbm: str, seal_code: str, notes: str,
               actor: Actor) -> None:
        self.require_in_progress("a field report")
        self.devices = devices
        self.optical_power_dbm = optical_power_dbm
        self.seal_code = seal_code
        self.report_notes = notes
        self._record("reported", self.state, self.state, actor,
                     f"{len(devices)} device(s)" + (f", {optical_power_dbm} dBm" if optical_power_dbm else ""))

    def require_signable(self) -> None:
        """The customer signs during the visit, or afterwards through the portal's link."""
        if self.state not in (IN_PROGRESS, COMPLETED):
            raise Conflict(f"order {self.id} is {self.state}: the sheet is signed once the visit has started")

    def sign(self, path: str, actor: Actor) -> None:
        self.require_signable()
        self.signature_path = path
        self.signed_at = now()
        self._record("signed", self.state, self.state, actor)

    def complete(self, *, success: bool, reason: str, actor: Actor, loss_tag: str = "") -> None:
        if self.state in (UNSCHEDULED, SCHEDULED):
            raise Conflict(f"order {self.id} was never started: start it before completing it")
        self._require_state((IN_PROGRESS,), "complete")
        reason = (reason or "").strip()
        if not success and not reason:
            raise InvalidArgument("reason: required when the order failed", field_errors={"reason": "required when failed"})
        if self.kind == "feasibility":
            self.feasible = success
            if not success:
                if loss_tag and loss_tag not in LOSS_TAGS:
                    raise InvalidArgument("loss_tag: one of " + ", ".join(LOSS_TAGS),
                                          field_errors={"loss_tag": "one of " + ", ".join(LOSS_TAGS)})
                self.loss_tag = loss_tag or "sin cobertura"
        self.state = COMPLETED if success else FAILED
        self.result_reason = reason
        self.finished_at = now()
        self._record("completed" if success else "failed", IN_PROGRESS, self.state, actor, reason)

    # -- contract -------------------------------------------------------------------------
    @property
    def contract_state(self) -> str:
        if not self.contract_request_id:
            return "none"
        if self.contract_error:
            return "rejected"
        if self.contract_created and self.connection_reserved:
            return "ready"
        if self.contract_created:
            return "created"
        if self.connection_reserved:
            return "reserved"
        return "requested"

    def request_contract(self, *, request_id: str, contract_id: str, data: dict, actor: Actor) -> None:
        if self.kind != "installation":
            raise Conflict(f"order {self.id} is a {self.kind} order: contracts come from installation orders")
        if self.state in (FAILED, CANCELLED):
            raise Conflict(f"order {self.id} is {self.state}: no contract can be requested")
        if self.contract_state not in ("none", "rejected"):
            raise Conflict(f"order {self.id} already has contract {self.contract_id} ({self.contract_state})")
        self.contract_request_id, self.contract_id = request_id, contract_id
        self.customer_id = self.connection_id = self.contract_error = ""
        self.contract_created = self.connection_reserved = False
        self.contract_data = data
        self._record("contract_requested", self.state, self.state, actor, contract_id)

    def contract_answer_applies(self, request_id: str, contract_id: str) -> bool:
        if request_id:
            return request_id == self.contract_request_id
        return bool(contract_id) and contract_id == self.contract_id

    def billing_created(self, customer_id: str) -> None:
        self.contract_created, self.customer_id = True, customer_id
        self._record("contract_created", self.state, self.state, SYSTEM, f"customer {customer_id}")

    def network_reserved(self, connection_id: str, pppoe_username: str, wifi_ssid: str, wifi_password: str) -> None:
        self.connection_reserved, self.connection_id = True, connection_id
        self.pppoe_username, self.wifi_ssid, self.wifi_password = pppoe_username, wifi_ssid, wifi_password
        self._record("connection_reserved", self.state, self.state, SYSTEM, f"connection {connection_id}")

    def contract_rejected(self, by: str, reason: str) -> None:
        self.contract_error = f"{by}: {reason}" if reason else f"{by} rejected the contract"
        self._record("contract_rejected", self.state, self.state, SYSTEM, self.contract_error)


@dataclass(eq=False)
class Photo:
    order_id: str
    filename: str
    content_type: str
    size: int
    path: str
    uploaded_by: str = ""
    id: str = field(default_factory=new_id)
    uploaded_at: dt.datetime = field(default_factory=now)
