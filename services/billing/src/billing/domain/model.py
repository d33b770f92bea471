"""Customers, contracts, invoices, payments: plain Python, no I/O."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from antena_common import files
from antena_common.errors import Conflict, FieldErrors
from antena_common.ids import new_id

from .money import ZERO

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CONTRACT_STATES = ("pending", "active", "suspended", "terminated")
INVOICE_STATES = ("issued", "paid", "overdue", "void")
PAYMENT_METHODS = ("cash", "transfer", "card", "gateway")


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class Customer:
    name: str
    currency: str
    document: str = ""
    email: str = ""
    phone: str = ""
    fiscal_id: str = ""
    address: dict = field(default_factory=dict)
    credit: Decimal = ZERO
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)

    @classmethod
    def register(cls, *, name: str, currency: str, document: str = "", email: str = "", phone: str = "",
                 fiscal_id: str = "", address: dict | None = None) -> "Customer":
        name, email = (name or "").strip(), (email or "").strip().lower()
        errors = FieldErrors()
        errors.check(bool(name), "customer.name", "is required")
        errors.check(len(name) <= 200, "customer.name", "at most 200 characters")
        errors.check(not email or bool(EMAIL_RE.match(email)), "customer.email", "is not an e-mail address")
        errors.check(len(document or "") <= 40, "customer.document", "at most 40 characters")
        errors.check(len(phone or "") <= 40, "customer.phone", "at most 40 characters")
        errors.raise_if_any()
        return cls(name=name, currency=currency, document=(document or "").strip(), email=email,
                   phone=(phone or "").strip(), fiscal_id=(fiscal_id or "").strip(), address=address or {})


@dataclass
class ContractItem:
    contract_id: str
    recurring_item_id: str
    kind: str                  # item | service
    service: str = ""          # telephony | tv for services
    description: str = ""
    cut_on_nonpayment: bool = True
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)


@dataclass
class Contract:
    id: str
    customer_id: str
    plan_id: str
    billing_profile_id: str
    currency: str
    state: str = "pending"
    connection_id: str = ""
    order_id: str = ""
    ticket_id: str = ""
    request_id: str = ""
    installation_fee: Decimal = ZERO
    installation_instalments: int = 0
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    billing_start: dt.date | None = None
    issue_day: int | None = None       # the zone's billing day (network.connection_reserved)
    activated_at: dt.datetime | None = None
    suspended_at: dt.datetime | None = None
    paused_from: str | None = None
    paused_until: str | None = None
    signature_content_type: str = ""
    signer_name: str = ""
    signed_at: dt.datetime | None = None
    created_at: dt.datetime = field(default_factory=now)

    def activate(self, at: dt.datetime, connection_id: str, free_days: int) -> bool:
        """pending -> active; False when already active (a redelivered activation)."""
        if self.state != "pending":
            if self.state in ("active", "suspended"):
                return False
            raise Conflict(f"contract {self.id} is {self.state}: it cannot be activated")
        self.state = "active"
        self.activated_at = at
        self.connection_id = connection_id or self.connection_id
        self.start_date = self.start_date or at.date()
        self.billing_start = at.date() + dt.timedelta(days=free_days)
        return True

    def terminate(self, end: dt.date) -> bool:
        if self.state == "terminated":
            return False
        self.state, self.end_date = "terminated", end
        return True

    def suspend(self, at: dt.datetime) -> bool:
        if self.state != "active":
            return False
        self.state, self.suspended_at = "suspended", at
        return True

    def reactivate(self) -> bool:
        if self.state != "suspended":
            return False
        self.state, self.suspended_at = "active", None
        return True


@dataclass
class Invoice:
    id: str
    series: str
    seq: int
    number: str
    customer_id: str
    contract_id: str | None
    kind: str
    period: str | None
    state: str
    issue_date: dt.date
    due_date: dt.date
    period_start: dt.date | None
    period_end: dt.date | None
    subtotal: Decimal
    tax_total: Decimal
    total: Decimal
    balance: Decimal
    currency: str
    late_fee_applied: bool = False
    created_at: dt.datetime = field(default_factory=now)
    lines: list = field(default_factory=list)


@dataclass
class Payment:
    customer_id: str
    amount: Decimal
    currency: str
    method: str
    channel: str
    external_ref: str | None
    paid_at: dt.datetime
    unallocated: Decimal = ZERO
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)
    allocations: list = field(default_factory=list)   # (invoice_id, number, amount)
    duplicate: bool = False


def invoice_number(series: str, seq: int) -> str:
    return f"{series}-{seq:08d}"


ATTACHMENT_WORDING = files.Wording(too_large="at most {max_bytes} bytes", unsupported="must be a PDF, PNG or JPEG file")
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")


@dataclass
class ContractAttachment:
    contract_id: str
    filename: str
    content_type: str
    size: int
    uploaded_by: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)

    @classmethod
    def accept(cls, *, contract_id: str, filename: str, content: bytes, max_bytes: int,
               uploaded_by: str = "") -> "ContractAttachment":
        kind = files.check_upload(content, max_bytes=max_bytes, wording=ATTACHMENT_WORDING)
        name = _UNSAFE_NAME.sub("_", (filename or "").replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")[:200]
        return cls(contract_id=contract_id, filename=name or "archivo", content_type=kind.content_type, size=len(content),
                   uploaded_by=(uploaded_by or "")[:64])
