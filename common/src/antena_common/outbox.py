"""The outbox relay: publishes committed outbox rows with publisher confirms
and marks them sent. A crash between publish and mark publishes twice (the
consumers' inbox absorbs it), never zero times."""
from __future__ import annotations

import threading

from sqlalchemy import Table, func, select, update
from sqlalchemy.engine import Engine

from .bus import Publisher
from .db import utcnow
from .logs import get_logger
from .tracing import message_headers
from . import metrics

log = get_logger("antena.outbox")


class OutboxRelay:
    def __init__(self, engine: Engine, outbox: Table, broker_url: str, service: str, *,
                 poll_seconds: float = 0.5, batch: int = 200):
        self.engine = engine
        self.outbox = outbox
        self.publisher = Publisher(broker_url)
        self.service = service
        self.poll_seconds = poll_seconds
        self.batch = batch
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
            if sent < self.batch:
                self._wake.wait(self.poll_seconds)

    def relay_once(self) -> int:
        """Publish one batch of pending rows; returns how many were sent."""
        t = self.outbox
        with self.engine.begin() as conn:
            query = select(t.c.id, t.c.routing_key, t.c.body, t.c.headers).where(t.c.published_at.is_(None)).order_by(t.c.id).limit(self.batch)
            if conn.dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            rows = conn.execute(query).all()
            if not rows:
                metrics.OUTBOX_BACKLOG.labels(self.service).set(0)
                return 0
            self.publisher.publish_many([(row.routing_key, row.body, message_headers(row.headers)) for row in rows])
            conn.execute(update(t).where(t.c.id.in_([r.id for r in rows])).values(published_at=utcnow()))
        metrics.OUTBOX_PUBLISHED.labels(self.service).inc(len(rows))
        # a full batch means more may wait: count them (cheap enough once per batch)
        metrics.OUTBOX_BACKLOG.labels(self.service).set(self.backlog() if len(rows) >= self.batch else 0)
        return len(rows)

    def backlog(self) -> int:
        t = self.outbox
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t).where(t.c.published_at.is_(None))).scalar_one()
