"""The sales desk's domain: plain Python, no I/O."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from antena_common.errors import FieldErrors
from antena_common.ids import new_id

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(eq=False)
class Lead:
    """A person who contacted the ISP (first contact)."""

    name: str
    document: str = ""
    phone: str = ""
    email: str = ""
    source: str = ""
    notes: str = ""
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def register(cls, *, name: str, document: str = "", phone: str = "", email: str = "", source: str = "",
                 notes: str = "") -> "Lead":
        name, email = (name or "").strip(), (email or "").strip().lower()
        errors = FieldErrors()
        errors.check(bool(name), "name", "is required")
        errors.check(len(name) <= 200, "name", "at most 200 characters")
        errors.check(not email or bool(EMAIL_RE.match(email)), "email", "is not an e-mail address")
        errors.check(len(phone or "") <= 40, "phone", "at most 40 characters")
        errors.check(len(document or "") <= 40, "document", "at most 40 characters")
        errors.raise_if_any()
        return cls(name=name, document=(document or "").strip(), phone=(phone or "").strip(), email=email,
                   source=(source or "").strip(), notes=notes or "")
