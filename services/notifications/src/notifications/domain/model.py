"""Notifications' domain: templates, deliveries, preferences, channels. Plain Python."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from antena_common.errors import FieldErrors, InvalidArgument
from antena_common.ids import new_id

CHANNELS = ("email", "sms", "whatsapp")
LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

PENDING, SENT, FAILED, SKIPPED = "pending", "sent", "failed", "skipped"
STATUSES = (PENDING, SENT, FAILED, SKIPPED)


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def check_channel(channel: str, field_name: str = "channel") -> None:
    if channel not in CHANNELS:
        raise InvalidArgument(f"{field_name}: one of {', '.join(CHANNELS)}", field_errors={field_name: f"one of {', '.join(CHANNELS)}"})


def check_language(language: str, field_name: str = "language") -> None:
    if language not in LANGUAGES:
        raise InvalidArgument(f"{field_name}: one of {', '.join(LANGUAGES)}", field_errors={field_name: f"one of {', '.join(LANGUAGES)}"})


@dataclass(eq=False)
class Template:
    """A staff-edited template (the shipped defaults live in defaults.py)."""

    key: str
    channel: str
    language: str
    subject: str
    body: str
    updated_at: dt.datetime = field(default_factory=now)


@dataclass(eq=False)
class Notification:
    """One message to one recipient on one channel, caused by one event."""

    event_id: str
    event_type: str
    template_key: str
    channel: str
    recipient: str
    language: str = DEFAULT_LANGUAGE
    recipient_name: str = ""
    customer_id: str = ""
    context: dict = field(default_factory=dict)
    attachments: list = field(default_factory=list)  # [{"kind": "invoice_pdf", "invoice_id", "filename"}]
    subject: str = ""
    body: str = ""
    status: str = PENDING
    attempts: int = 0
    reason: str = ""
    wait_for: str = ""                 # a context variable to wait for (e.g. invitation_url)
    wait_until: dt.datetime | None = None
    next_attempt_at: dt.datetime = field(default_factory=now)
    lease_until: dt.datetime | None = None
    created_at: dt.datetime = field(default_factory=now)
    sent_at: dt.datetime | None = None
    id: str = field(default_factory=new_id)

    def mark_sent(self, subject: str, body: str) -> None:
        self.status, self.subject, self.body, self.reason = SENT, subject, body, ""
        self.sent_at, self.lease_until = now(), None

    def mark_failed_attempt(self, reason: str, *, permanent: bool, max_attempts: int, base_seconds: float,
                            max_backoff: float = 3600.0) -> bool:
        """Record a failed attempt; True when it is final (status failed)."""
        self.reason, self.lease_until = reason[:1000], None
        if permanent or self.attempts >= max_attempts:
            self.status = FAILED
            return True
        self.next_attempt_at = now() + dt.timedelta(seconds=backoff_seconds(self.attempts, base_seconds, max_backoff))
        return False


def backoff_seconds(attempts: int, base: float, cap: float = 3600.0) -> float:
    """Exponential backoff after `attempts` failed tries: base, 2*base, 4*base..."""
    return min(base * (2 ** max(attempts - 1, 0)), cap)


@dataclass(eq=False)
class Preferences:
    customer_id: str
    language: str = DEFAULT_LANGUAGE
    email: bool = True
    sms: bool = True
    whatsapp: bool = True
    opted_out: bool = False
    updated_at: dt.datetime = field(default_factory=now)

    def allows(self, channel: str) -> bool:
        return not self.opted_out and bool(getattr(self, channel, False))

    @classmethod
    def build(cls, *, customer_id: str, language: str, email: bool, sms: bool, whatsapp: bool,
              opted_out: bool) -> "Preferences":
        errors = FieldErrors()
        errors.check(bool(customer_id.strip()), "customer_id", "is required")
        errors.check(language in LANGUAGES, "language", f"one of {', '.join(LANGUAGES)}")
        errors.raise_if_any()
        return cls(customer_id=customer_id.strip(), language=language, email=email, sms=sms, whatsapp=whatsapp,
                   opted_out=opted_out)


@dataclass(eq=False)
class ChannelConfig:
    """An HTTP provider for sms or whatsapp (a generic webhook)."""

    channel: str
    enabled: bool = False
    url: str = ""
    method: str = "POST"
    headers: dict = field(default_factory=dict)
    body_template: str = ""
    content_type: str = "application/json"
    updated_at: dt.datetime = field(default_factory=now)

    def validate(self) -> None:
        errors = FieldErrors()
        errors.check(self.channel in ("sms", "whatsapp"), "channel", "sms or whatsapp (e-mail is SMTP settings)")
        errors.check(self.method in ("POST", "PUT"), "method", "POST or PUT")
        errors.check(not self.enabled or self.url.startswith(("http://", "https://")), "url",
                     "an http(s) URL is required when enabled")
        errors.check(not self.enabled or bool(self.body_template.strip()), "body_template", "is required when enabled")
        errors.raise_if_any()


def normalize_phone(phone: str) -> str:
    """Keep a leading + and the digits."""
    phone = (phone or "").strip()
    digits = re.sub(r"\D", "", phone)
    if not digits:
        return ""
    return ("+" if phone.startswith("+") else "") + digits


def valid_email(email: str) -> bool:
    return bool(EMAIL_RE.match(email or ""))
