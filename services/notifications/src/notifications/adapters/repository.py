"""Repositories: the only code that queries the notifications tables."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from antena_common.errors import NotFound

from ..domain import model
from . import orm


class TemplateRepository:
    def __init__(self, session: Session):
        self.session = session

    def find(self, key: str, channel: str, language: str) -> model.Template | None:
        return self.session.get(model.Template, (key, channel, language))

    def all(self) -> list[model.Template]:
        return list(self.session.scalars(select(model.Template)))

    def add(self, template: model.Template) -> None:
        self.session.add(template)

    def remove(self, key: str, channel: str, language: str) -> None:
        t = orm.templates
        self.session.execute(delete(t).where(t.c.key == key, t.c.channel == channel, t.c.language == language))


class NotificationRepository:
    def __init__(self, session: Session):
        self.session = session

    def exists(self, event_id: str, template_key: str, channel: str, recipient: str) -> bool:
        t = orm.notifications
        return self.session.execute(
            select(t.c.id).where(t.c.event_id == event_id, t.c.template_key == template_key,
                                 t.c.channel == channel, t.c.recipient == recipient)).first() is not None

    def add(self, n: model.Notification) -> None:
        self.session.add(n)

    def get(self, notification_id: str) -> model.Notification:
        n = self.session.get(model.Notification, notification_id)
        if n is None:
            raise NotFound(f"notification {notification_id} not found")
        return n

    def due_ids(self, now: dt.datetime, limit: int) -> list[str]:
        t = orm.notifications
        q = (select(t.c.id).where(t.c.status == model.PENDING, t.c.next_attempt_at <= now,
                                  or_(t.c.lease_until.is_(None), t.c.lease_until < now))
             .order_by(t.c.next_attempt_at).limit(limit))
        return list(self.session.scalars(q))

    def claim(self, notification_id: str, now: dt.datetime, lease_seconds: float) -> bool:
        """Take the notification for one sending attempt (safe with several replicas)."""
        t = orm.notifications
        result = self.session.execute(
            update(t).where(t.c.id == notification_id, t.c.status == model.PENDING,
                            or_(t.c.lease_until.is_(None), t.c.lease_until < now))
            .values(lease_until=now + dt.timedelta(seconds=lease_seconds)))
        return result.rowcount == 1

    def list(self, *, status: str = "", channel: str = "", recipient: str = "", customer_id: str = "",
             event_type: str = "", event_id: str = "", before_id: str | None = None,
             limit: int = 50) -> list[model.Notification]:
        t = orm.notifications
        q = select(model.Notification).order_by(t.c.id.desc()).limit(limit)
        conds = []
        for col, value in ((t.c.status, status), (t.c.channel, channel), (t.c.recipient, recipient),
                           (t.c.customer_id, customer_id), (t.c.event_type, event_type), (t.c.event_id, event_id)):
            if value:
                conds.append(col == value)
        if before_id:
            conds.append(t.c.id < before_id)
        if conds:
            q = q.where(and_(*conds))
        return list(self.session.scalars(q))


class PreferenceRepository:
    def __init__(self, session: Session):
        self.session = session

    def find(self, customer_id: str) -> model.Preferences | None:
        return self.session.get(model.Preferences, customer_id) if customer_id else None

    def add(self, prefs: model.Preferences) -> None:
        self.session.add(prefs)


class ChannelRepository:
    def __init__(self, session: Session):
        self.session = session

    def find(self, channel: str) -> model.ChannelConfig | None:
        return self.session.get(model.ChannelConfig, channel)

    def add(self, cfg: model.ChannelConfig) -> None:
        self.session.add(cfg)


class _KeyedCopy:
    """A small upserted copy of another service's data, keyed by customer id."""

    table = None

    def __init__(self, session: Session):
        self.session = session

    def get(self, customer_id: str) -> dict | None:
        if not customer_id:
            return None
        row = self.session.execute(select(self.table).where(self.table.c.customer_id == customer_id)).mappings().first()
        return dict(row) if row else None

    def put(self, customer_id: str, **values) -> None:
        values["updated_at"] = model.now()
        t = self.table
        if self.get(customer_id) is None:
            self.session.execute(t.insert().values(customer_id=customer_id, **values))
        else:
            self.session.execute(update(t).where(t.c.customer_id == customer_id).values(**values))


class ContactRepository(_KeyedCopy):
    table = orm.contacts


class InvitationRepository(_KeyedCopy):
    table = orm.invitations
