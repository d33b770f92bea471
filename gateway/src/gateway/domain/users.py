"""Staff users and roles."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from antena_common.errors import FieldErrors
from antena_common.ids import new_id

ROLES = ("admin", "sales", "operations", "technician", "finance")
USERNAME_RE = re.compile(r"^[a-zA-Z0-9_.@-]{3,64}$")
PASSWORD_MIN = 8
PASSWORD_MAX = 200


@dataclass(eq=False)
class StaffUser:
    username: str
    password_hash: str
    full_name: str = ""
    roles: list[str] = field(default_factory=list)
    active: bool = True
    # Bumped when the password changes or the user is disabled: older tokens stop working.
    token_version: int = 0
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    def has_any(self, roles) -> bool:
        return "admin" in self.roles or any(r in self.roles for r in roles)

    def set_password_hash(self, password_hash: str) -> None:
        self.password_hash = password_hash
        self.token_version += 1

    def set_active(self, active: bool) -> None:
        if self.active and not active:
            self.token_version += 1
        self.active = active


def _check_password(errors: FieldErrors, password: str, field_name: str = "password") -> None:
    errors.check(PASSWORD_MIN <= len(password or "") <= PASSWORD_MAX, field_name,
                 f"{PASSWORD_MIN}-{PASSWORD_MAX} characters")


def _check_roles(errors: FieldErrors, roles: list[str]) -> None:
    errors.check(bool(roles), "roles", "at least one role")
    unknown = [r for r in roles or [] if r not in ROLES]
    errors.check(not unknown, "roles", f"unknown role(s) {', '.join(unknown)}; use {', '.join(ROLES)}")


def validate_new_user(username: str, password: str, roles: list[str]) -> None:
    errors = FieldErrors()
    errors.check(bool(USERNAME_RE.match(username or "")), "username", "3-64 letters, digits or . _ @ -")
    _check_password(errors, password)
    _check_roles(errors, roles)
    errors.raise_if_any()


def validate_changes(*, password: str | None = None, roles: list[str] | None = None,
                     full_name: str | None = None) -> None:
    errors = FieldErrors()
    if password is not None:
        _check_password(errors, password)
    if roles is not None:
        _check_roles(errors, roles)
    if full_name is not None:
        errors.check(len(full_name) <= 200, "full_name", "at most 200 characters")
    errors.raise_if_any()


def validate_new_password(password: str) -> None:
    errors = FieldErrors()
    _check_password(errors, password, "new_password")
    errors.raise_if_any()
