import datetime as dt
import json

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from antena_common.db import UnitOfWork
from antena_common.errors import NotFound

from ..domain.idempotency import StoredRequest
from ..domain.users import StaffUser
from . import orm


class UserRepository:
    def __init__(self, session):
        self.session = session

    def add(self, user: StaffUser) -> None:
        self.session.add(user)

    def get(self, user_id: str) -> StaffUser:
        user = self.session.get(StaffUser, user_id)
        if user is None:
            raise NotFound(f"user {user_id} not found")
        return user

    def by_username(self, username: str) -> StaffUser | None:
        return self.session.scalars(select(StaffUser).where(orm.staff_users.c.username == username)).first()

    def count(self) -> int:
        return self.session.execute(select(func.count()).select_from(orm.staff_users)).scalar_one()

    def active_admins(self) -> list[StaffUser]:
        users = self.session.scalars(select(StaffUser).where(orm.staff_users.c.active.is_(True)))
        return [u for u in users if "admin" in u.roles]

    def list(self, *, after_id: str | None = None, limit: int = 50) -> list[StaffUser]:
        q = select(StaffUser).order_by(orm.staff_users.c.id).limit(limit)
        if after_id:
            q = q.where(orm.staff_users.c.id > after_id)
        return list(self.session.scalars(q))


class IdempotencyRepository:
    """Rows of idempotency_keys; the caller commits."""

    t = orm.idempotency_keys

    def __init__(self, session):
        self.session = session

    def get(self, user_id: str, key: str, *, for_update: bool = False) -> StoredRequest | None:
        q = select(self.t).where(self.t.c.user_id == user_id, self.t.c.key == key)
        if for_update:
            q = q.with_for_update()
        row = self.session.execute(q).mappings().first()
        if row is None:
            return None
        return StoredRequest(user_id=row["user_id"], key=row["key"], method=row["method"], path=row["path"],
                             request_hash=row["request_hash"], created_at=row["created_at"], attempt=row["attempt"],
                             status_code=row["status_code"],
                             headers=[tuple(h) for h in json.loads(row["headers"])] if row["headers"] else None,
                             body=row["body"])

    def insert(self, r: StoredRequest) -> bool:
        """Claim the key; False if a row exists already (another request got there first)."""
        try:
            with self.session.begin_nested():
                self.session.execute(insert(self.t).values(
                    user_id=r.user_id, key=r.key, method=r.method, path=r.path, request_hash=r.request_hash,
                    attempt=r.attempt, status_code=None, created_at=r.created_at))
        except IntegrityError:
            return False
        return True

    def reclaim(self, r: StoredRequest, *, seen_attempt: str, unfinished_only: bool) -> bool:
        """Take over an expired or abandoned row, unless someone finished or reclaimed it meanwhile."""
        t = self.t
        q = update(t).where(t.c.user_id == r.user_id, t.c.key == r.key, t.c.attempt == seen_attempt)
        if unfinished_only:
            q = q.where(t.c.status_code.is_(None))
        res = self.session.execute(q.values(
            method=r.method, path=r.path, request_hash=r.request_hash, attempt=r.attempt, status_code=None,
            headers=None, body=None, content_type=None, created_at=r.created_at))
        return res.rowcount == 1

    def finish(self, user_id: str, key: str, attempt: str, status: int,
               headers: list[tuple[str, str]], body: bytes) -> None:
        t = self.t
        ctype = next((v for k, v in headers if k == "content-type"), None)
        self.session.execute(update(t).where(t.c.user_id == user_id, t.c.key == key, t.c.attempt == attempt)
                             .values(status_code=status, headers=json.dumps(headers), body=body,
                                     content_type=(ctype or "")[:100] or None))

    def release(self, user_id: str, key: str, attempt: str) -> None:
        t = self.t
        self.session.execute(delete(t).where(t.c.user_id == user_id, t.c.key == key, t.c.attempt == attempt))

    def delete_older_than(self, cutoff: dt.datetime) -> int:
        return self.session.execute(delete(self.t).where(self.t.c.created_at < cutoff)).rowcount


class GatewayUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        self.users = UserRepository(session)
        self.idempotency = IdempotencyRepository(session)
