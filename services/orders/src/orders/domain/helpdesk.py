"""Help desk ("Mesa de ayuda"): support tickets of existing customers."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from antena_common.errors import Conflict, FieldErrors

from antena_common.ids import new_id

from .model import EMAIL_RE, now

PRIORITIES = ("low", "normal", "high", "urgent")
OPEN, IN_PROGRESS, RESOLVED, CLOSED = "open", "in_progress", "resolved", "closed"
STATUSES = (OPEN, IN_PROGRESS, RESOLVED, CLOSED)
# closed is final; a resolved ticket may be reopened
ALLOWED = {OPEN: {IN_PROGRESS, RESOLVED, CLOSED}, IN_PROGRESS: {OPEN, RESOLVED, CLOSED},
           RESOLVED: {OPEN, IN_PROGRESS, CLOSED}, CLOSED: set()}


@dataclass(eq=False)
class SupportComment:
    ticket_id: str
    text: str
    author_id: str = ""
    author_kind: str = "staff"  # staff | customer
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)


@dataclass(eq=False)
class SupportTicket:
    subject: str
    customer_id: str
    description: str = ""
    contract_id: str = ""
    customer_name: str = ""
    customer_email: str = ""
    priority: str = "normal"
    status: str = OPEN
    assignee_id: str = ""
    channel: str = "staff"
    created_by: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)
    updated_at: dt.datetime = field(default_factory=now)

    @classmethod
    def open(cls, *, customer_id: str, subject: str, description: str = "", contract_id: str = "",
             customer_name: str = "", customer_email: str = "", priority: str = "", assignee_id: str = "",
             channel: str = "staff", created_by: str = "") -> "SupportTicket":
        errors = FieldErrors()
        subject, customer_id = (subject or "").strip(), (customer_id or "").strip()
        errors.check(bool(customer_id), "customer_id", "is required (support tickets are for existing customers)")
        errors.check(len(customer_id) <= 36, "customer_id", "at most 36 characters")
        errors.check(bool(subject), "subject", "is required")
        errors.check(len(subject) <= 200, "subject", "at most 200 characters")
        errors.check(len(description or "") <= 10000, "description", "at most 10000 characters")
        errors.check(not priority or priority in PRIORITIES, "priority", "one of " + ", ".join(PRIORITIES))
        errors.check(len(contract_id or "") <= 36, "contract_id", "at most 36 characters")
        errors.check(len(customer_name or "") <= 200, "customer_name", "at most 200 characters")
        errors.check(len(assignee_id or "") <= 36, "assignee_id", "at most 36 characters")
        errors.check(len(customer_email or "") <= 254, "customer_email", "at most 254 characters")
        email = (customer_email or "").strip().lower()
        errors.check(not email or bool(EMAIL_RE.match(email)), "customer_email", "is not an e-mail address")
        errors.raise_if_any()
        return cls(subject=subject, customer_id=customer_id, description=(description or "").strip(),
                   contract_id=(contract_id or "").strip(), customer_name=(customer_name or "").strip(),
                   customer_email=email, priority=priority or "normal", assignee_id=(assignee_id or "").strip(),
                   channel=channel, created_by=created_by)

    def change(self, *, status: str | None = None, priority: str | None = None, assignee_id: str | None = None) -> list[str]:
        errors = FieldErrors()
        errors.check(status is None or status in STATUSES, "status", "one of " + ", ".join(STATUSES))
        errors.check(priority is None or priority in PRIORITIES, "priority", "one of " + ", ".join(PRIORITIES))
        errors.check(assignee_id is None or len(assignee_id) <= 36, "assignee_id", "at most 36 characters")
        errors.raise_if_any()
        changed = []
        if status is not None and status != self.status:
            if status not in ALLOWED[self.status]:
                raise Conflict(f"support ticket {self.id} is {self.status}: cannot become {status}")
            self.status = status
            changed.append(f"status {status}")
        if priority is not None and priority != self.priority:
            self.priority = priority
            changed.append(f"priority {priority}")
        if assignee_id is not None and assignee_id.strip() != self.assignee_id:
            self.assignee_id = assignee_id.strip()
            changed.append("assignee " + (self.assignee_id or "none"))
            if self.status == OPEN and self.assignee_id:
                self.status = IN_PROGRESS
        if changed:
            self.updated_at = now()
        return changed

    def comment(self, text: str, *, author_id: str, author_kind: str) -> SupportComment:
        text = (text or "").strip()
        errors = FieldErrors()
        errors.check(bool(text), "text", "is required")
        errors.check(len(text) <= 10000, "text", "at most 10000 characters")
        errors.raise_if_any()
        if self.status == CLOSED:
            raise Conflict(f"support ticket {self.id} is closed")
        if author_kind == "customer" and self.status == RESOLVED:
            self.status = OPEN  # the customer answers: not solved after all
        self.updated_at = now()
        return SupportComment(ticket_id=self.id, text=text, author_id=author_id, author_kind=author_kind)

    def require_open_for_orders(self) -> None:
        if self.status == CLOSED:
            raise Conflict(f"support ticket {self.id} is closed")
