"""Repositories: the only code that queries the portal tables."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ..domain import model
from . import orm


class AccountRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, account: model.Account) -> None:
        self.session.add(account)

    def get(self, account_id: str) -> model.Account | None:
        return self.session.get(model.Account, account_id)

    def by_customer(self, customer_id: str) -> model.Account | None:
        return self.session.scalars(select(model.Account).where(orm.accounts.c.customer_id == customer_id)).first()

    def by_email(self, email: str) -> model.Account | None:
        return self.session.scalars(select(model.Account).where(orm.accounts.c.email == email.strip().lower())).first()


class TokenRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, token: model.Token) -> None:
        self.session.add(token)

    def find(self, kind: str, secret: str) -> model.Token | None:
        t = orm.tokens
        return self.session.scalars(select(model.Token).where(t.c.kind == kind, t.c.token_hash == model.digest(secret))
                                    .with_for_update()).first()

    def retire(self, kind: str, subject_id: str) -> None:
        """Unused links of this kind for this subject stop working."""
        t = orm.tokens
        for token in self.session.scalars(select(model.Token).where(t.c.kind == kind, t.c.subject_id == subject_id,
                                                                    t.c.used_at.is_(None))):
            token.use()


class SessionRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, id_hash: str, account_id: str, csrf: str, expires_at: dt.datetime) -> None:
        self.session.execute(insert(orm.sessions).values(id_hash=id_hash, account_id=account_id, csrf=csrf,
                                                         expires_at=expires_at, created_at=model.now()))

    def get(self, id_hash: str) -> dict | None:
        row = self.session.execute(select(orm.sessions).where(orm.sessions.c.id_hash == id_hash)).mappings().first()
        return dict(row) if row else None

    def remove(self, id_hash: str) -> None:
        self.session.execute(delete(orm.sessions).where(orm.sessions.c.id_hash == id_hash))

    def remove_for_account(self, account_id: str) -> None:
        self.session.execute(delete(orm.sessions).where(orm.sessions.c.account_id == account_id))

    def purge_expired(self, now: dt.datetime) -> int:
        return self.session.execute(delete(orm.sessions).where(orm.sessions.c.expires_at < now)).rowcount


class RequestLog:
    """Installation requests received (rate limit per IP, idempotency) and failed logins."""

    def __init__(self, session: Session):
        self.session = session

    def get(self, request_id: str) -> dict | None:
        t = orm.installation_requests
        row = self.session.execute(select(t).where(t.c.id == request_id)).mappings().first()
        return dict(row) if row else None

    def count_since(self, ip: str, since: dt.datetime) -> int:
        t = orm.installation_requests
        return self.session.scalar(select(func.count()).select_from(t).where(t.c.ip == ip, t.c.created_at >= since))

    def add(self, **values) -> None:
        self.session.execute(insert(orm.installation_requests).values(created_at=model.now(), **values))

    def count(self, kind: str, ip: str, since: dt.datetime) -> int:
        t = orm.throttle
        return self.session.scalar(select(func.count()).select_from(t).where(t.c.kind == kind, t.c.ip == ip,
                                                                             t.c.at >= since))

    def purge_before(self, before: dt.datetime) -> int:
        return self.session.execute(delete(orm.throttle).where(orm.throttle.c.at < before)).rowcount

    def note(self, kind: str, ip: str) -> None:
        self.session.execute(insert(orm.throttle).values(kind=kind, ip=ip, at=model.now()))


class DocumentRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, **values) -> None:
        self.session.execute(insert(orm.documents).values(created_at=model.now(), **values))

    def for_owner(self, owner_kind: str, owner_id: str) -> list[dict]:
        t = orm.documents
        return [dict(r) for r in self.session.execute(
            select(t).where(t.c.owner_kind == owner_kind, t.c.owner_id == owner_id).order_by(t.c.created_at)).mappings()]
