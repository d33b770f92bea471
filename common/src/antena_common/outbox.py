"""The outbox relay: publishes committed outbox rows with publisher confirms
and marks them sent. A crash between publish and mark publishes twice (the
consumers' inbox absorbs it), never zero times.

One round: BEGIN; UPDATE the oldest unpublished rows (locked, SKIP LOCKED on
PostgreSQL, so replicas share the outbox) SET published_at RETURNING them;
publish them all and wait for the broker's confirms; COMMIT. If a confirm is
missing the transaction rolls back and the rows stay unpublished."""
from __future__ import annotations

import threading

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.engine import Engine

from .bus import Publisher
from .db import utcnow
from .logs import get_logger
from .tracing import message_headers
from . import metrics

log = get_logger("antena.outbox")


class OutboxRelay:
    def __init__(self, engine: Engine, outbox: Table, broker_url: str, service: str, *,
                 poll_seconds: float = 0.5, batch: int = 200, linger_seconds: float = 0.002):
        self.engine = engine
        self.outbox = outbox
        self.publisher = Publisher(broker_url)
        self.service = service
        self.poll_seconds = poll_seconds
        self.batch = batch
        # after a wake-up, wait this long so the commits right behind it share the batch
        # (fewer round trips and confirms per event; adds at most this to the latency)
        self.linger_seconds = linger_seconds
        self._claims: dict[str, object] = {}
        self._published = metrics.OUTBOX_PUBLISHED.labels(service)
        self._backlog = metrics.OUTBOX_BACKLOG.labels(service)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=f"outbox-{self.service}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)
        self.publisher.close()

    def _run(self) -> None:
        delay = 0.2
        while not self._stop.is_set():
            self._wake.clear()  # before reading: a commit from now on wakes the next round
            try:
                sent = self.relay_once()
                delay = 0.2
            except Exception as exc:
                log.warning("outbox relay failed; retrying", service=self.service, error=str(exc).splitlines()[0], retry_in=delay)
                self._stop.wait(delay)
                delay = min(delay * 2, 5.0)
                continue
            if sent < self.batch and self._wake.wait(self.poll_seconds) and self.linger_seconds:
                self._stop.wait(self.linger_seconds)

    def _claim(self, dialect: str):
        """The statement that marks a batch of pending rows sent and returns them (built once)."""
        claim = self._claims.get(dialect)
        if claim is None:
            t = self.outbox
            oldest = select(t.c.id).where(t.c.published_at.is_(None)).order_by(t.c.id).limit(self.batch)
            if dialect == "postgresql":
                oldest = oldest.with_for_update(skip_locked=True)
            claim = self._claims[dialect] = (
                update(t).where(t.c.id.in_(oldest.scalar_subquery()))
                .values(published_at=bindparam("sent_at", type_=t.c.published_at.type))
                .returning(t.c.id, t.c.routing_key, t.c.body, t.c.headers))
        return claim

    def relay_once(self) -> int:
        """Publish one batch of pending rows; returns how many were sent."""
        with self.engine.begin() as conn:
            rows = conn.execute(self._claim(conn.dialect.name), {"sent_at": utcnow()}).all()
            if not rows:
                self._backlog.set(0)
                return 0
            rows.sort(key=lambda row: row.id)  # RETURNING has no order; publish in commit order
            self.publisher.publish_many([(row.routing_key, row.body, message_headers(row.headers)) for row in rows])
        self._published.inc(len(rows))
        # a full batch means more may wait: count them (cheap enough once per batch)
        self._backlog.set(self.backlog() if len(rows) >= self.batch else 0)
        return len(rows)

    def backlog(self) -> int:
        t = self.outbox
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t).where(t.c.published_at.is_(None))).scalar_one()
