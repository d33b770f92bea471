"""The sales desk's domain: plain Python, no I/O."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from antena_common import files
from antena_common.errors import Conflict, FieldErrors, InvalidArgument
from antena_common.ids import new_id

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

PENDING, ORDER_IN_PROGRESS, WON, LOST = "pending", "order_in_progress", "won", "lost"
STATES = (PENDING, ORDER_IN_PROGRESS, WON, LOST)
CLOSED_STATES = (WON, LOST)
CREATE_KINDS = ("ticket", "installation", "feasibility")
ORDER_KINDS = ("installation", "feasibility")
DEFAULT_LOSS_TAGS = ("sin cobertura", "sin plan", "imposibilidad técnica")
NO_TECHNICAL_WAY = "imposibilidad técnica"
# Orders in these states still count as "the desk already asked for this".
ACTIVE_ORDER_STATES = ("requested", "unscheduled", "scheduled", "in_progress")
MAX_TAG = 60


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


_now = now_utc


def normalize(text: str) -> str:
    """Lower-case, accents removed ("Gómez" -> "gomez"): the form searches compare."""
    decomposed = unicodedata.normalize("NFKD", (text or "").replace("\x00", ""))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def check_text(errors: FieldErrors, **fields: str) -> None:
    """NUL characters cannot be stored (PostgreSQL refuses them): name the field."""
    for name, value in fields.items():
        errors.check("\x00" not in (value or ""), name, "contains a NUL character")


def valid_id(value: str) -> bool:
    return bool(value) and len(value) <= 64 and "\x00" not in value


def digits(text: str) -> str:
    return "".join(c for c in text or "" if c.isdigit())


def search_key(*parts: str) -> str:
    return " ".join(p for p in (normalize(x) for x in parts) if p)


@dataclass(eq=False)
class Lead:
    """A person who contacted the ISP (first contact)."""

    name: str
    document: str = ""
    phone: str = ""
    email: str = ""
    source: str = ""
    notes: str = ""
    search: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def register(cls, *, name: str, document: str = "", phone: str = "", email: str = "", source: str = "",
                 notes: str = "") -> "Lead":
        name, email = (name or "").strip(), (email or "").strip().lower()
        document, phone, source, notes = (document or "").strip(), (phone or "").strip(), (source or "").strip(), notes or ""
        errors = FieldErrors()
        errors.check(bool(name), "name", "is required")
        errors.check(len(name) <= 200, "name", "at most 200 characters")
        errors.check(not email or bool(EMAIL_RE.match(email)), "email", "is not an e-mail address")
        errors.check(len(email) <= 254, "email", "at most 254 characters")
        errors.check(len(phone) <= 40, "phone", "at most 40 characters")
        errors.check(not phone or len(digits(phone)) >= 6, "phone", "needs at least 6 digits")
        errors.check(len(document) <= 40, "document", "at most 40 characters")
        errors.check(len(source) <= 100, "source", "at most 100 characters")
        errors.check(len(notes) <= 5000, "notes", "at most 5000 characters")
        check_text(errors, name=name, document=document, phone=phone, email=email, source=source, notes=notes)
        errors.raise_if_any()
        return cls(name=name, document=document, phone=phone, email=email, source=source, notes=notes,
                   search=search_key(name, document, digits(document), phone, digits(phone), email))


def search_terms(q: str) -> list[str]:
    """The words of a search, normalized like Lead.search."""
    return [w for w in normalize(q).split() if w][:6]


@dataclass(eq=False)
class Prospect:
    """A lead turned into a concrete opportunity: service wanted, address, coordinates."""

    lead_id: str
    name: str
    plan_id: str = ""
    recurring_item_ids: list = field(default_factory=list)
    discount_ids: list = field(default_factory=list)
    street: str = ""
    number: str = ""
    city: str = ""
    state: str = ""
    neighbourhood: str = ""
    postal_code: str = ""
    lat: float | None = None
    lon: float | None = None
    notes: str = ""
    catalog_checked: bool = False
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def create(cls, *, lead: Lead, plan_id: str = "", recurring_item_ids=(), discount_ids=(), address: dict | None = None,
               location: tuple[float, float] | None = None, notes: str = "") -> "Prospect":
        address = {k: (v or "").strip() for k, v in (address or {}).items()}
        errors = FieldErrors()
        for key, limit in (("street", 200), ("number", 20), ("city", 100), ("state", 100), ("neighbourhood", 100),
                           ("postal_code", 20)):
            errors.check(len(address.get(key, "")) <= limit, f"address.{key}", f"at most {limit} characters")
        items = [str(x).strip() for x in recurring_item_ids]
        discounts = [str(x).strip() for x in discount_ids]
        errors.check(all(items), "recurring_item_ids", "empty id")
        errors.check(all(discounts), "discount_ids", "empty id")
        errors.check(not discounts or bool((plan_id or "").strip()), "discount_ids", "discounts need a plan")
        lat = lon = None
        if location is not None:
            lat, lon = location
            errors.check(_finite(lat) and -90 <= lat <= 90, "location.lat", "must be between -90 and 90")
            errors.check(_finite(lon) and -180 <= lon <= 180, "location.lon", "must be between -180 and 180")
        errors.check(len(notes or "") <= 5000, "notes", "at most 5000 characters")
        check_text(errors, notes=notes, plan_id=plan_id, **{f"address.{k}": v for k, v in address.items()})
        errors.check(all("\x00" not in x and len(x) <= 64 for x in items), "recurring_item_ids", "invalid id")
        errors.check(all("\x00" not in x and len(x) <= 64 for x in discounts), "discount_ids", "invalid id")
        errors.check(len(plan_id or "") <= 64, "plan_id", "at most 64 characters")
        errors.raise_if_any()
        return cls(lead_id=lead.id, name=lead.name, plan_id=(plan_id or "").strip(),
                   recurring_item_ids=list(dict.fromkeys(items)), discount_ids=list(dict.fromkeys(discounts)),
                   lat=lat, lon=lon, notes=notes or "", **{k: address.get(k, "") for k in
                   ("street", "number", "city", "state", "neighbourhood", "postal_code")})

    @property
    def location(self) -> tuple[float, float] | None:
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)

    @property
    def address(self) -> dict:
        return {"street": self.street, "number": self.number, "city": self.city, "state": self.state,
                "neighbourhood": self.neighbourhood, "postal_code": self.postal_code}


def _finite(x) -> bool:
    return isinstance(x, (int, float)) and x == x and abs(x) != float("inf")


@dataclass
class Coverage:
    """What network answered about a location when the ticket was created."""

    status: str  # covered | not_covered | unknown
    nearest: dict | None = None  # {nap_box_id, code, distance_m, free_ports}
    checked_at: str = ""
    detail: str = ""

    @classmethod
    def unknown(cls, detail: str) -> "Coverage":
        return cls(status="unknown", detail=detail, checked_at=now_utc().isoformat())

    def to_dict(self) -> dict:
        return {"status": self.status, "nearest": self.nearest, "checked_at": self.checked_at, "detail": self.detail}


@dataclass(eq=False)
class TicketOrder:
    """An order the desk asked operations for, as the desk follows it."""

    ticket_id: str
    kind: str
    request_id: str = field(default_factory=new_id)
    order_id: str | None = None
    state: str = "requested"
    scheduled_for: dt.datetime | None = None
    requested_at: dt.datetime = field(default_factory=_now)
    feasible: bool = False
    result_reason: str = ""


@dataclass(eq=False)
class StateChange:
    ticket_id: str
    from_state: str
    to_state: str
    at: dt.datetime
    reason: str = ""
    id: str = field(default_factory=new_id)


def clean_tag(tag: str, field_name: str = "tag") -> str:
    tag = " ".join((tag or "").split())
    errors = FieldErrors()
    errors.check(bool(tag), field_name, "is required")
    errors.check(len(tag) <= MAX_TAG, field_name, f"at most {MAX_TAG} characters")
    check_text(errors, **{field_name: tag})
    errors.raise_if_any()
    # A default tag written with other case/accents is that default tag.
    for default in DEFAULT_LOSS_TAGS:
        if normalize(default) == normalize(tag):
            return default
    return tag


@dataclass(eq=False)
class Ticket:
    """A sales-desk ticket: pending -> order_in_progress -> won | lost."""

    lead_id: str
    prospect_id: str
    prospect_name: str
    source: str = ""
    create: str = "ticket"
    assignee_id: str = ""
    summary: str = ""
    state: str = PENDING
    tags: list = field(default_factory=list)
    loss_tag: str = ""
    coverage: dict = field(default_factory=dict)
    scheduled_for: dt.datetime | None = None
    contract_id: str = ""
    feasible: bool = False
    order_ids: list = field(default_factory=list)
    orders_count: int = 0
    lead_phone: str = ""
    lead_email: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)
    updated_at: dt.datetime = field(default_factory=_now)
    closed_at: dt.datetime | None = None
    orders: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # state changes not yet stored (not a column)

    @classmethod
    def open(cls, *, lead: Lead, prospect: Prospect, create: str = "ticket", assignee_id: str = "", summary: str = "",
             source: str = "", coverage: Coverage | None = None, at: dt.datetime | None = None) -> "Ticket":
        errors = FieldErrors()
        errors.check(create in CREATE_KINDS, "create", f"one of {', '.join(CREATE_KINDS)}")
        errors.check(prospect.lead_id == lead.id, "prospect_id", "belongs to another lead")
        errors.check(len(summary or "") <= 500, "summary", "at most 500 characters")
        errors.check(len(assignee_id or "") <= 64, "assignee_id", "at most 64 characters")
        errors.check(len(source or "") <= 100, "source", "at most 100 characters")
        check_text(errors, summary=summary, assignee_id=assignee_id, source=source)
        errors.raise_if_any()
        at = at or now_utc()
        where = ", ".join(x for x in (f"{prospect.street} {prospect.number}".strip(), prospect.city) if x)
        ticket = cls(lead_id=lead.id, prospect_id=prospect.id, prospect_name=prospect.name or lead.name,
                     source=(source or lead.source or "").strip(), create=create, assignee_id=(assignee_id or "").strip(),
                     summary=(summary or "").strip() or " · ".join(x for x in (lead.name, where) if x),
                     coverage=(coverage or Coverage.unknown("not checked")).to_dict(), lead_phone=lead.phone,
                     lead_email=lead.email, created_at=at, updated_at=at)
        ticket.changes = [StateChange(ticket.id, "", PENDING, at, "created")]
        return ticket

    # -- rules -------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self.state in CLOSED_STATES

    def _pending_changes(self) -> list:
        if not hasattr(self, "changes") or self.changes is None:
            self.changes = []
        return self.changes

    def _move(self, to_state: str, at: dt.datetime, reason: str = "") -> None:
        self._pending_changes().append(StateChange(self.id, self.state, to_state, at, reason))
        self.state = to_state
        self.updated_at = at
        self.closed_at = at if to_state in CLOSED_STATES else None

    def request_order(self, kind: str, at: dt.datetime | None = None) -> TicketOrder:
        if kind not in ORDER_KINDS:
            raise InvalidArgument(f"kind: one of {', '.join(ORDER_KINDS)}", field_errors={"kind": f"one of {', '.join(ORDER_KINDS)}"})
        if self.closed:
            raise Conflict(f"ticket {self.id} is {self.state}: it cannot get orders")
        if any(o.kind == kind and o.state in ACTIVE_ORDER_STATES for o in self.orders):
            raise Conflict(f"ticket {self.id} already has an open {kind} order")
        if kind == "installation" and any(o.kind == kind and o.state == "completed" for o in self.orders):
            raise Conflict(f"ticket {self.id} already has a completed installation")
        order = TicketOrder(ticket_id=self.id, kind=kind, requested_at=at or now_utc())
        self.orders = [*self.orders, order]
        self.updated_at = order.requested_at
        return order

    def _order(self, order_id: str, request_id: str = "") -> TicketOrder | None:
        for o in self.orders:
            if (order_id and o.order_id == order_id) or (request_id and o.request_id == request_id):
                return o
        return None

    def order_created(self, *, order_id: str, kind: str, request_id: str = "", state: str = "unscheduled",
                      at: dt.datetime | None = None) -> None:
        at = at or now_utc()
        order = self._order(order_id, request_id)
        if order is None:  # an order made for this ticket outside the desk
            order = TicketOrder(ticket_id=self.id, kind=kind or "installation", request_id=request_id or new_id(),
                                requested_at=at)
            self.orders = [*self.orders, order]
        order.order_id = order_id
        if order.state == "requested":
            order.state = state or "unscheduled"
        if order_id not in self.order_ids:
            self.order_ids = [*self.order_ids, order_id]
        self.orders_count = len(self.order_ids)
        self.updated_at = at
        if self.state == PENDING:
            self._move(ORDER_IN_PROGRESS, at, f"{order.kind} order {order_id} created")

    def order_scheduled(self, *, order_id: str, start: dt.datetime | None, at: dt.datetime | None = None) -> None:
        order = self._order(order_id)
        if order is not None:
            order.scheduled_for = start
            if order.state in ("requested", "unscheduled", "scheduled"):
                order.state = "scheduled"
        self.scheduled_for = start
        self.updated_at = at or now_utc()

    def order_failed(self, *, order_id: str, kind: str, reason: str = "", loss_tag: str = "",
                     at: dt.datetime | None = None) -> bool:
        """Record a failed order; a feasibility order failing with a loss tag loses the ticket (True)."""
        at = at or now_utc()
        order = self._order(order_id)
        if order is not None:
            order.state, order.result_reason = "failed", reason or ""
        self.updated_at = at
        if (kind or (order.kind if order else "")) == "feasibility" and loss_tag and not self.closed:
            self.lose(loss_tag, reason=reason or f"feasibility order {order_id} failed", at=at)
            return True
        return False

    def order_completed(self, *, order_id: str, kind: str, feasible: bool, at: dt.datetime | None = None) -> bool:
        """Record a completed order. A feasibility verdict of "not feasible" loses the ticket (True)."""
        at = at or now_utc()
        order = self._order(order_id)
        kind = kind or (order.kind if order else "")
        if order is not None:
            order.state = "completed"
            order.feasible = bool(feasible) if kind == "feasibility" else False
        self.updated_at = at
        if kind == "feasibility":
            if feasible:
                self.feasible = True
            elif not self.closed:
                self.lose(NO_TECHNICAL_WAY, reason=f"feasibility order {order_id}: not feasible", at=at)
                return True
        return False

    def order_cancelled(self, *, order_id: str, reason: str = "", at: dt.datetime | None = None) -> None:
        order = self._order(order_id)
        if order is not None:
            order.state, order.result_reason = "cancelled", reason or ""
        self.updated_at = at or now_utc()

    def lose(self, tag: str, *, reason: str = "", at: dt.datetime | None = None) -> None:
        tag = clean_tag(tag)
        if self.state == LOST:
            raise Conflict(f"ticket {self.id} is already lost")
        if self.state == WON:
            raise Conflict(f"ticket {self.id} is won: it cannot be lost")
        self.loss_tag = tag
        if tag not in self.tags:
            self.tags = [*self.tags, tag]
        self._move(LOST, at or now_utc(), reason or tag)

    def win(self, *, contract_id: str = "", at: dt.datetime | None = None) -> bool:
        """The customer's contract was activated. False when it was already won."""
        if self.state == WON:
            return False
        self.contract_id = contract_id or self.contract_id
        self._move(WON, at or now_utc(), f"contract {contract_id} activated" if contract_id else "contract activated")
        return True

    def assign(self, assignee_id: str, at: dt.datetime | None = None) -> None:
        assignee_id = (assignee_id or "").strip()
        errors = FieldErrors()
        errors.check(len(assignee_id) <= 64, "assignee_id", "at most 64 characters")
        check_text(errors, assignee_id=assignee_id)
        errors.raise_if_any()
        self.assignee_id = assignee_id
        self.updated_at = at or now_utc()

    def add_tag(self, tag: str, at: dt.datetime | None = None) -> str:
        tag = clean_tag(tag)
        if tag not in self.tags:
            self.tags = [*self.tags, tag]
        self.updated_at = at or now_utc()
        return tag


@dataclass(eq=False)
class Comment:
    ticket_id: str
    text: str
    author_id: str = ""
    author_name: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def write(cls, *, ticket_id: str, text: str, author_id: str = "", author_name: str = "") -> "Comment":
        text = (text or "").strip()
        errors = FieldErrors()
        errors.check(bool(text), "text", "is required")
        errors.check(len(text) <= 10000, "text", "at most 10000 characters")
        check_text(errors, text=text)
        errors.raise_if_any()
        return cls(ticket_id=ticket_id, text=text, author_id=author_id or "", author_name=(author_name or "")[:200])


SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")


@dataclass(eq=False)
class Attachment:
    ticket_id: str
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_by: str = ""
    description: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def accept(cls, *, ticket_id: str, filename: str, content: bytes, max_bytes: int, sha256: str,
               uploaded_by: str = "", description: str = "") -> "Attachment":
        kind = files.check_upload(content, max_bytes=max_bytes)
        name = SAFE_NAME.sub("_", unicodedata.normalize("NFKD", filename or "").encode("ascii", "ignore").decode())
        name = name.strip(" .")[-120:] or "file"
        return cls(ticket_id=ticket_id, filename=name, content_type=kind.content_type, size=len(content), sha256=sha256,
                   uploaded_by=(uploaded_by or "").replace("\x00", "")[:64],
                   description=(description or "").replace("\x00", "")[:200])


@dataclass(eq=False)
class Tag:
    name: str
    kind: str = "tag"  # loss | tag
    created_at: dt.datetime = field(default_factory=_now)


@dataclass(eq=False)
class InstallationRequest:
    """A portal request already turned into a ticket (the idempotency record)."""

    request_id: str
    lead_id: str
    prospect_id: str
    ticket_id: str
    created_at: dt.datetime = field(default_factory=_now)
