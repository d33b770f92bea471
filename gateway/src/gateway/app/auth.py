"""Use cases: staff users, passwords and tokens."""
from __future__ import annotations

import datetime as dt
import secrets

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from antena_common.errors import AlreadyExists, PermissionDenied
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain.users import StaffUser, validate_new_user

_hasher = PasswordHasher()
# A hash to verify against when the user does not exist, so timing does not reveal usernames.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class InvalidCredentials(Exception):
    pass


class InvalidToken(Exception):
    pass


def create_user(uow, *, username: str, password: str, full_name: str = "", roles: list[str]) -> StaffUser:
    validate_new_user(username, password, roles)
    with uow:
        if uow.users.by_username(username):
            raise AlreadyExists(f"username {username!r} is taken", field_errors={"username": "already taken"})
        user = StaffUser(username=username, password_hash=_hasher.hash(password), full_name=full_name or "",
                         roles=sorted(set(roles)))
        uow.users.add(user)
        uow.commit()
    return user


def ensure_admin(uow, password: str | None) -> str | None:
    """First start: create user `admin` if there is no staff user. Returns the
    generated password when none was configured (to print once)."""
    with uow:
        if uow.users.count() > 0:
            return None
    generated = None
    if not password:
        password = generated = secrets.token_urlsafe(12)
    create_user(uow, username="admin", password=password, full_name="Administrator", roles=["admin"])
    return generated


def authenticate(uow, username: str, password: str) -> StaffUser:
    with uow:
        user = uow.users.by_username(username or "")
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password or "")
    except (VerificationError, InvalidHashError):
        raise InvalidCredentials() from None
    if user is None or not user.active:
        raise InvalidCredentials()
    return user


def issue_token(user: StaffUser, secret: str, ttl_seconds: int) -> str:
    now = dt.datetime.now(dt.timezone.utc)
    claims = {"sub": user.id, "username": user.username, "roles": user.roles, "iat": now,
              "exp": now + dt.timedelta(seconds=ttl_seconds), "typ": "staff"}
    return jwt.encode(claims, secret, algorithm="HS256")


def verify_token(token: str, secret: str) -> dict:
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError as exc:
        raise InvalidToken(str(exc)) from None
    if claims.get("typ") != "staff":
        raise InvalidToken("not a staff token")
    return claims


def get_user(uow, user_id: str) -> StaffUser:
    with uow:
        return uow.users.get(user_id)


def list_users(uow, *, limit: int | None, cursor: str | None) -> tuple[list[StaffUser], str | None]:
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.users.list(after_id=after[0] if after else None, limit=limit + 1)
    return items[:limit], (encode_cursor(items[limit - 1].id) if len(items) > limit else None)


def require_roles(user_roles: list[str], allowed: tuple[str, ...]) -> None:
    if "admin" in user_roles or any(r in user_roles for r in allowed):
        return
    raise PermissionDenied(f"this action needs one of the roles: {', '.join(allowed)}")
