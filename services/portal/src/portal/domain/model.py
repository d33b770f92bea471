"""The portal's domain: customer accounts, one-time links, installation
request forms and uploaded files. Plain Python, no I/O."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass, field

from antena_common import files
from antena_common.errors import FieldErrors, InvalidArgument
from antena_common.ids import new_id

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9 ()\-.]{6,40}$")

INVITED, ACTIVE = "invited", "active"
INVITATION, RESET, SIGN_CONTRACT, SIGN_SHEET = "invitation", "reset", "sign_contract", "sign_sheet"
DOCUMENT_KINDS = ("id_front", "id_back", "proof_of_address")
MIN_PASSWORD = 10


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def new_secret() -> str:
    """An unguessable token for a link (256 bits)."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What the database keeps of a token: its SHA-256, never the token."""
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(eq=False)
class Account:
    customer_id: str
    email: str
    name: str = ""
    password_hash: str = ""
    status: str = INVITED
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)
    activated_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.status == ACTIVE and bool(self.password_hash)

    def set_password(self, password_hash: str) -> None:
        self.password_hash = password_hash
        if self.status != ACTIVE:
            self.status, self.activated_at = ACTIVE, now()


@dataclass(eq=False)
class Token:
    """A one-time link: invitation, password reset, contract or sheet signing."""

    kind: str
    token_hash: str
    subject_id: str           # account id, contract id or order id
    expires_at: dt.datetime
    customer_id: str = ""
    used_at: dt.datetime | None = None
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=now)

    @classmethod
    def issue(cls, kind: str, subject_id: str, ttl: dt.timedelta, customer_id: str = "") -> tuple["Token", str]:
        secret = new_secret()
        return cls(kind=kind, token_hash=digest(secret), subject_id=subject_id, expires_at=now() + ttl,
                   customer_id=customer_id), secret

    def usable(self, at: dt.datetime | None = None) -> bool:
        return self.used_at is None and (at or now()) < self.expires_at

    def use(self) -> None:
        self.used_at = now()


def check_password(password: str, confirm: str) -> None:
    errors = FieldErrors()
    errors.check(len(password or "") >= MIN_PASSWORD, "password", f"al menos {MIN_PASSWORD} caracteres")
    errors.check(len(password or "") <= 200, "password", "como máximo 200 caracteres")
    errors.check(password == confirm, "confirm", "las contraseñas no coinciden")
    errors.raise_if_any()


# ---- files ------------------------------------------------------------------

# Spanish for the customer's form; the problem detail stays English.
FILE_WORDING = files.Wording(empty="el archivo está vacío", too_large="supera {max_mb:g} MB",
                             unsupported="debe ser {extensions}", empty_detail="{field}: empty file",
                             too_large_detail="{field}: too large", unsupported_detail="{field}: not a {extensions}")


def sniff(data: bytes, field_name: str, max_bytes: int,
          allowed: tuple[files.FileKind, ...] = files.DOCUMENTS) -> tuple[str, str]:
    """(content type, extension) read from the bytes themselves, not the name."""
    kind = files.check_upload(data, max_bytes=max_bytes, allowed=allowed, field=field_name, wording=FILE_WORDING)
    return kind.content_type, kind.extension


# ---- the public installation request ------------------------------------------

@dataclass
class InstallationForm:
    first_name: str = ""
    last_name: str = ""
    document: str = ""
    email: str = ""
    street: str = ""
    number: str = ""
    neighbourhood: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    phone: str = ""
    phone_alt: str = ""
    lat: str = ""
    lon: str = ""
    coupon: str = ""
    comments: str = ""

    @property
    def name(self) -> str:
        return f"{self.first_name.strip()} {self.last_name.strip()}".strip()

    def location(self) -> tuple[float, float] | None:
        if not self.lat.strip() and not self.lon.strip():
            return None
        return float(self.lat.replace(",", ".")), float(self.lon.replace(",", "."))

    def validate(self, files: dict[str, bytes], required_docs: list[str], max_bytes: int) -> dict[str, tuple[str, str]]:
        """Check every field; returns {document kind: (content type, extension)}."""
        errors = FieldErrors()
        for name, label_max in (("first_name", 100), ("last_name", 100), ("document", 40), ("street", 200),
                                ("number", 20), ("city", 100), ("phone", 40)):
            value = getattr(self, name).strip()
            errors.check(bool(value), name, "es obligatorio")
            errors.check(len(value) <= label_max, name, f"como máximo {label_max} caracteres")
        for name, limit in (("neighbourhood", 100), ("state", 100), ("postal_code", 20), ("coupon", 40),
                            ("comments", 2000), ("phone_alt", 40)):
            errors.check(len(getattr(self, name)) <= limit, name, f"como máximo {limit} caracteres")
        email = self.email.strip()
        errors.check(not email or bool(EMAIL_RE.match(email)), "email", "no es un correo válido")
        errors.check(not self.phone.strip() or bool(PHONE_RE.match(self.phone.strip())), "phone", "no es un teléfono válido")
        errors.check(not self.phone_alt.strip() or bool(PHONE_RE.match(self.phone_alt.strip())), "phone_alt",
                     "no es un teléfono válido")
        try:
            loc = self.location()
            if loc is not None:
                errors.check(-90 <= loc[0] <= 90, "lat", "entre -90 y 90")
                errors.check(-180 <= loc[1] <= 180, "lon", "entre -180 y 180")
        except ValueError:
            errors.check(False, "lat", "coordenadas no válidas (ej.: -31.4167)")
        kinds: dict[str, tuple[str, str]] = {}
        for kind in DOCUMENT_KINDS:
            data = files.get(kind) or b""
            if not data:
                errors.check(kind not in required_docs, kind, "es obligatorio")
                continue
            try:
                kinds[kind] = sniff(data, kind, max_bytes)
            except InvalidArgument as exc:
                errors.check(False, kind, exc.field_errors[kind])
        errors.raise_if_any()
        return kinds


DOCUMENT_LABELS = {"id_front": "Documento (frente)", "id_back": "Documento (dorso)",
                   "proof_of_address": "Comprobante de domicilio"}
