"""Use cases: staff users, passwords and tokens."""
from __future__ import annotations

import datetime as dt
import functools
import secrets
import time

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from antena_common.errors import AlreadyExists, Conflict, InvalidArgument, PermissionDenied
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain.users import StaffUser, validate_changes, validate_new_password, validate_new_user

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
              "exp": now + dt.timedelta(seconds=ttl_seconds), "typ": "staff", "ver": user.token_version}
    return jwt.encode(claims, secret, algorithm="HS256")


def verify_token(token: str, secret: str) -> dict:
    """Claims of a valid staff token (signature, expiry, kind); InvalidToken otherwise.
    Verified tokens are remembered, so a token seen before costs a dict lookup."""
    if len(token) > 4096:
        raise InvalidToken("token too long")
    claims = _verified(token, secret)
    if claims["exp"] <= time.time():
        raise InvalidToken("Signature has expired")
    return claims


@functools.lru_cache(maxsize=4096)
def _verified(token: str, secret: str) -> dict:
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError as exc:
        raise InvalidToken(str(exc)) from None
    if claims.get("typ") != "staff" or not isinstance(claims.get("sub"), str):
        raise InvalidToken("not a staff token")
    return claims


def check_token_still_valid(claims: dict, user: StaffUser | None) -> None:
    """A token dies with its user's access: disabled user, or password changed since."""
    if user is None or not user.active:
        raise InvalidToken("user disabled or removed")
    if claims.get("ver", 0) != user.token_version:
        raise InvalidToken("token revoked (password changed)")


def update_user(uow, user_id: str, *, acting_user_id: str, roles: list[str] | None = None,
                full_name: str | None = None, active: bool | None = None, password: str | None = None) -> StaffUser:
    validate_changes(password=password, roles=roles, full_name=full_name)
    with uow:
        user = uow.users.get(user_id)
        losing_admin = ("admin" in user.roles and user.active
                        and ((roles is not None and "admin" not in roles) or active is False))
        if losing_admin:
            others = [u for u in uow.users.active_admins() if u.id != user.id]
            if not others:
                raise Conflict("the last active admin cannot lose the admin role or be disabled",
                               field_errors={"roles" if active is not False else "active": "last active admin"})
        if user.id == acting_user_id and active is False:
            raise Conflict("you cannot disable yourself", field_errors={"active": "cannot disable yourself"})
        if roles is not None:
            user.roles = sorted(set(roles))
        if full_name is not None:
            user.full_name = full_name
        if active is not None:
            user.set_active(active)
        if password is not None:
            user.set_password_hash(_hasher.hash(password))
        uow.commit()
    return user


def change_own_password(uow, user_id: str, current_password: str, new_password: str) -> StaffUser:
    validate_new_password(new_password)
    with uow:
        user = uow.users.get(user_id)
        try:
            _hasher.verify(user.password_hash, current_password or "")
        except (VerificationError, InvalidHashError):
            raise InvalidArgument("current_password is wrong",
                                  field_errors={"current_password": "wrong password"}) from None
        if current_password == new_password:
            raise InvalidArgument("new_password: must differ from the current one",
                                  field_errors={"new_password": "must differ from the current one"})
        user.set_password_hash(_hasher.hash(new_password))
        uow.commit()
    return user


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


class UserDirectory:
    """Who a token's subject is now (active, roles, token version), read from the
    database at most every `ttl` seconds per user: tokens die soon after a user is
    disabled, and role changes apply without logging in again."""

    def __init__(self, uow_factory, ttl: float = 5.0, clock=None):
        import threading
        import time

        self._uow_factory = uow_factory
        self._ttl = ttl
        self._clock = clock or time.monotonic
        self._cache: dict[str, tuple[float, StaffUser | None]] = {}
        self._lock = threading.Lock()

    def cached(self, user_id: str) -> tuple[bool, StaffUser | None]:
        with self._lock:
            hit = self._cache.get(user_id)
        if hit and hit[0] > self._clock():
            return True, hit[1]
        return False, None

    def load(self, user_id: str) -> StaffUser | None:
        from antena_common.errors import NotFound

        try:
            user = get_user(self._uow_factory(), user_id)
        except NotFound:
            user = None
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[user_id] = (self._clock() + self._ttl, user)
        return user

    def get(self, user_id: str) -> StaffUser | None:
        found, user = self.cached(user_id)
        return user if found else self.load(user_id)

    def invalidate(self, user_id: str) -> None:
        with self._lock:
            self._cache.pop(user_id, None)
