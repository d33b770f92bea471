"""A minimal service for the plumbing tests: a database with the outbox,
inbox and an `effects` table, an outbox relay, and a consumer whose handler
writes one effect row per event it handles (inbox-checked)."""
from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select

from antena.sales.v1 import events_pb2 as sales_events
from antena_common.bus import EventConsumer, Publisher, Subscription
from antena_common.ids import new_id
from antena_common.outbox import OutboxRelay
from antena_common.runtime import Database
from antena_common.testing import read_dead_letters

CONSUMER = "plumbing"


class Plumbing:
    def __init__(self, db_url: str, broker_url: str, *, relay_broker_url: str | None = None, handler=None,
                 max_attempts: int = 3):
        self.broker_url = broker_url
        self.metadata = MetaData()
        from antena_common.db import messaging_tables

        messaging_tables(self.metadata)
        self.effects = Table("effects", self.metadata,
                             Column("id", Integer, primary_key=True, autoincrement=True),
                             Column("event_id", String(36), nullable=False),
                             Column("lead_id", String(64), nullable=False))
        self.db = Database(db_url, self.metadata, Path("unused"), "sales")
        self.metadata.create_all(self.db.engine)
        self.relay = OutboxRelay(self.db.engine, self.db.outbox, relay_broker_url or broker_url, "sales",
                                 poll_seconds=0.05)
        self.db.on_commit = self.relay.wake
        self.handler = handler or self.record_effect
        self.consumer = EventConsumer(broker_url, CONSUMER, [Subscription("sales.lead_created", self.handler)],
                                      max_attempts=max_attempts)

    def start(self) -> "Plumbing":
        self.relay.start()
        self.consumer.start()
        assert self.consumer.ready.wait(15), "consumer did not connect"
        return self

    def stop(self) -> None:
        self.consumer.stop()
        self.relay.stop()
        self.db.engine.dispose()

    # producer side: state change + event in one transaction
    def create_lead(self, lead_id: str | None = None):
        with self.db.uow() as uow:
            env = uow.publish("lead_created", sales_events.LeadCreated(lead_id=lead_id or new_id(), name="Ana"))
            uow.commit()
        return env

    # consumer side: the effect and the inbox row in one transaction
    def record_effect(self, envelope, msg) -> None:
        with self.db.uow() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
            uow.session.execute(insert(self.effects).values(event_id=envelope.event_id, lead_id=msg.lead_id))
            uow.commit()

    def effects_by_event(self) -> dict[str, int]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(self.effects.c.event_id, func.count()).group_by(self.effects.c.event_id)).all()
        return {event_id: n for event_id, n in rows}

    def unpublished(self) -> int:
        return self.relay.backlog()


def publish_raw(url: str, routing_key: str, body: str | bytes) -> None:
    pub = Publisher(url)
    try:
        pub.publish_raw(routing_key, body)
    finally:
        pub.close()


class TcpProxy:
    """Forwards a local port to the broker; `cut()` is a broker outage as the
    client sees it (connections dropped, port refusing), `restore()` ends it."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.port = 0
        self._server: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> "TcpProxy":
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", self.port))
        self.port = self._server.getsockname()[1]
        self._server.listen(16)
        threading.Thread(target=self._accept, args=(self._server,), daemon=True).start()
        return self

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self) -> None:
        if self._server:
            try:
                self._server.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            except OSError:
                pass
            self._server.close()
            self._server = None
        with self._lock:
            for s in self._conns:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            self._conns.clear()

    def restore(self) -> None:
        self.start()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'plumbing.db'}"


@pytest.fixture
def make_plumbing():
    """Factory of started Plumbing instances, stopped after the test."""
    made: list[Plumbing] = []

    def make(db_url: str, broker_url: str, **kw) -> Plumbing:
        p = Plumbing(db_url, broker_url, **kw).start()
        made.append(p)
        return p

    yield make
    for p in made:
        p.stop()


@pytest.fixture
def dead_letters():
    return read_dead_letters


@pytest.fixture
def raw_publish():
    return publish_raw


@pytest.fixture
def broker_proxy(amqp_url):
    """(url through a cuttable proxy, proxy) for the test's RabbitMQ vhost."""
    from urllib.parse import urlsplit

    parts = urlsplit(amqp_url)
    proxy = TcpProxy(parts.hostname, parts.port or 5672).start()
    url = f"{parts.scheme}://{parts.username}:{parts.password}@127.0.0.1:{proxy.port}{parts.path}"
    yield url, proxy
    proxy.cut()
