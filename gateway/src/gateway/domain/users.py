"""Staff users and roles."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from antena_common.errors import FieldErrors
from antena_common.ids import new_id

ROLES = ("admin", "sales", "operations", "technician", "finance")
USERNAME_RE = re.compile(r"^[a-zA-Z0-9_.@-]{3,64}$")


@dataclass(eq=False)
class StaffUser:
    username: str
    password_hash: str
    full_name: str = ""
    roles: list[str] = field(default_factory=list)
    active: bool = True
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    def has_any(self, roles) -> bool:
        return "admin" in self.roles or any(r in self.roles for r in roles)


def validate_new_user(username: str, password: str, roles: list[str]) -> None:
    errors = FieldErrors()
    errors.check(bool(USERNAME_RE.match(username or "")), "username", "3-64 letters, digits or . _ @ -")
    errors.check(len(password or "") >= 8, "password", "at least 8 characters")
    errors.check(bool(roles), "roles", "at least one role")
    unknown = [r for r in roles or [] if r not in ROLES]
    errors.check(not unknown, "roles", f"unknown role(s) {', '.join(unknown)}; use {', '.join(ROLES)}")
    errors.raise_if_any()
