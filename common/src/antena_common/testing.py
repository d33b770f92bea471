"""pytest fixtures for real peers, shared by every service's tests.

PostgreSQL: ANTENA_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/postgres);
each test gets a database of its own, dropped afterwards.
RabbitMQ: ANTENA_TEST_AMQP (default amqp://guest:guest@127.0.0.1:5672/); each
test gets a virtual host of its own (made with rabbitmqctl), deleted afterwards.
A missing peer skips the test with the reason, except in CI (CI=true), where
it fails: CI must run every test.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid
from typing import Callable
from urllib.parse import urlsplit

import pytest

PG_ADMIN_URL = os.environ.get("ANTENA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
AMQP_URL = os.environ.get("ANTENA_TEST_AMQP", "amqp://guest:guest@127.0.0.1:5672/")


def peer_missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not reachable, and CI must run every test")
    pytest.skip(f"{what} is not reachable (start it, see README 'Tests')")


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate: Callable[[], object], timeout: float = 10.0, interval: float = 0.02, message: str = ""):
    """Poll until predicate() is truthy; return its value or fail the test."""
    deadline = time.monotonic() + timeout
    last_exc = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except AssertionError as exc:
            last_exc = exc
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting: {message or predicate}" + (f" ({last_exc})" if last_exc else ""))


def create_pg_database(prefix: str = "antena_t") -> str:
    from sqlalchemy import create_engine, text

    parts = urlsplit(PG_ADMIN_URL.replace("postgresql+psycopg", "postgresql"))
    if not _port_open(parts.hostname or "127.0.0.1", parts.port or 5432):
        peer_missing(f"PostgreSQL at {parts.hostname}:{parts.port}")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(url: str) -> None:
    from sqlalchemy import create_engine, text

    name = url.rsplit("/", 1)[1]
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for this test."""
    url = create_pg_database()
    yield url
    drop_pg_database(url)


def create_vhost() -> str:
    parts = urlsplit(AMQP_URL)
    if not _port_open(parts.hostname or "127.0.0.1", parts.port or 5672):
        peer_missing(f"RabbitMQ at {parts.hostname}:{parts.port}")
    if not shutil.which("rabbitmqctl"):
        peer_missing("rabbitmqctl (to make a test virtual host)")
    vhost = f"antena_t_{uuid.uuid4().hex[:10]}"
    subprocess.run(["rabbitmqctl", "-q", "add_vhost", vhost], check=True, capture_output=True)
    subprocess.run(["rabbitmqctl", "-q", "set_permissions", "-p", vhost, parts.username or "guest", ".*", ".*", ".*"],
                   check=True, capture_output=True)
    return vhost


def delete_vhost(vhost: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", "delete_vhost", vhost], capture_output=True)


@pytest.fixture
def amqp_url():
    """A RabbitMQ URL on a virtual host of this test's own."""
    vhost = create_vhost()
    yield AMQP_URL.rstrip("/") + "/" + vhost
    delete_vhost(vhost)


@pytest.fixture
def memory_bus_url():
    """A kombu in-memory bus, emptied before the test."""
    from kombu.transport import memory

    memory.Channel.queues.clear()
    memory.Channel.events.clear()
    memory.Transport.global_state.clear()
    return "memory://"
