"""The relay claims a batch (marks it sent) and publishes it in one transaction:
the mark only counts once the broker has confirmed the batch. And the pool
check that replaced pool_pre_ping still replaces connections the server closed."""
from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from kombu import Consumer
from sqlalchemy import create_engine, text

from antena_common import bus
from antena_common.db import make_engine
from antena_common.outbox import OutboxRelay
from antena_common.testing import free_port

from .conftest import Plumbing

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request):
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


def _received(conn, queue, n: int) -> list[str]:
    got: list[str] = []

    def on_message(message):
        got.append(json.loads(message.body)["event_id"])
        message.ack()

    with Consumer(conn, queues=[queue], on_message=on_message, accept=["application/json"]):
        while len(got) < n:
            conn.drain_events(timeout=10)
    return got


def test_a_batch_the_broker_did_not_confirm_stays_unpublished(db_url, amqp_url):
    p = Plumbing(db_url, amqp_url)  # not started: rows wait in the outbox
    queue = bus.consumer_queue("relay_check", "sales.lead_created", amqp_url)
    with bus.connect(amqp_url) as conn:
        bus.declare_topology(conn, [queue])
    sent = [p.create_lead().event_id for _ in range(7)]
    nowhere = OutboxRelay(p.db.engine, p.db.outbox, f"amqp://guest:guest@127.0.0.1:{free_port()}//", "sales")
    try:
        with pytest.raises(Exception):
            nowhere.relay_once()
    finally:
        nowhere.publisher.close()
    assert p.unpublished() == 7  # the claim was rolled back with the failed publish

    relay = OutboxRelay(p.db.engine, p.db.outbox, amqp_url, "sales", batch=5)
    try:
        assert relay.relay_once() == 5
        assert relay.relay_once() == 2
        assert relay.relay_once() == 0
    finally:
        relay.publisher.close()
    assert p.unpublished() == 0
    with bus.connect(amqp_url) as conn:
        assert _received(conn, queue, 7) == sent  # each once, in commit order
    p.db.engine.dispose()


def test_pool_replaces_connections_the_server_closed(pg_url):
    dbname = urlsplit(pg_url).path.lstrip("/")
    admin = create_engine(pg_url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    engine = make_engine(pg_url)
    try:
        for _ in range(3):
            held = [engine.connect() for _ in range(3)]  # three connections into the pool
            for conn in held:
                conn.execute(text("SELECT 1"))
                conn.close()
            with admin.connect() as conn:
                killed = conn.execute(text("SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
                                           "WHERE datname = :d AND pid <> pg_backend_pid()"), {"d": dbname}).scalar()
            assert killed == 3  # (waits until those backends have ended)
            for _ in range(3):
                with engine.begin() as conn:
                    assert conn.execute(text("SELECT 42")).scalar() == 42
    finally:
        engine.dispose()
        admin.dispose()
