"""Database helpers: engines for SQLite and PostgreSQL, the messaging tables
every service carries (outbox, inbox), the unit of work, and migrations."""
from __future__ import annotations

import datetime as dt
import select as select_module
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    create_engine,
    event,
    insert,
    select,
)
from sqlalchemy import exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from . import events as ev
from . import tracing

CENT = Decimal("0.01")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


# Execution option for a transaction that only reads: on SQLite it does not take the
# write lock (see make_engine), so readers do not queue behind each other or writers.
READ_ONLY = "antena_read_only"


def make_engine(url: str, **kwargs) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # IMMEDIATE takes the write lock up front: no upgrade deadlocks between threads.
            # A read-only unit (execution option READ_ONLY) reads a WAL snapshot without it.
            conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")

        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    engine = create_engine(url, **kwargs)
    if not kwargs.get("pool_pre_ping"):
        event.listen(engine, "checkout", _drop_if_closed_by_server)
    return engine


def _drop_if_closed_by_server(dbapi_conn, _record, _proxy) -> None:
    """Checkout check instead of pool_pre_ping's SELECT 1 (a round trip per
    transaction): an idle PostgreSQL connection has nothing to read unless the
    server wrote to it, which it does when it ends the session (terminated
    backend, restart: an error then EOF). Only then ping, and if the ping fails
    drop the pool's connections, as pre-ping does."""
    try:
        poller = select_module.poll()
        poller.register(dbapi_conn.fileno(), select_module.POLLIN | select_module.POLLPRI)
        if not poller.poll(0):
            return
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute("SELECT 1")
        finally:
            cursor.close()
        dbapi_conn.rollback()
    except Exception as error:
        raise exc.InvalidatePoolError(f"connection closed by the server: {error}") from error


def messaging_tables(metadata: MetaData) -> tuple[Table, Table]:
    """Add the outbox and inbox tables to a service's metadata."""
    outbox = Table(
        "outbox",
        metadata,
        Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
        Column("event_id", String(36), nullable=False, unique=True),
        Column("routing_key", String(200), nullable=False),
        Column("body", Text, nullable=False),
        Column("created_at", UtcDateTime(), nullable=False),
        Column("published_at", UtcDateTime(), nullable=True, index=True),
        Column("headers", Text, nullable=True),  # JSON message headers (trace context), see tracing.py
    )
    inbox = Table(
        "inbox",
        metadata,
        Column("consumer", String(200), primary_key=True),
        Column("event_id", String(36), primary_key=True),
        Column("processed_at", UtcDateTime(), nullable=False),
    )
    return outbox, inbox


class UnitOfWork:
    """One database transaction; events recorded with `publish` are written to
    the outbox in that same transaction. Rolls back unless committed.

    Services subclass it and attach their repositories in `_start`."""

    def __init__(self, session_factory: sessionmaker, source: str, outbox: Table, inbox: Table,
                 on_commit: Callable[[], None] | None = None):
        self._session_factory = session_factory
        self.source = source
        self._outbox = outbox
        self._inbox = inbox
        self._on_commit = on_commit
        self.session: Session | None = None
        self.correlation_id: str | None = None

    def _start(self, session: Session) -> None:
        """Hook for subclasses: build repositories on the session."""

    def __enter__(self):
        self.session = self._session_factory()
        self._pending: list[ev.Envelope] = []
        self._headers: dict[str, str] = {}  # event_id -> trace context headers (JSON), when tracing
        self._start(self.session)
        return self

    def __exit__(self, exc_type, exc, tb):
        # close() rolls back anything uncommitted and detaches the objects
        # without expiring them, so results stay readable after the block.
        self._pending = []
        self.session.close()

    def publish(self, event_name: str, payload) -> ev.Envelope:
        envelope = ev.new_envelope(self.source, event_name, payload, correlation_id=self.correlation_id)
        self._pending.append(envelope)
        if tracing.enabled(self.source):
            self._headers[envelope.event_id] = tracing.producer_headers(self.source, envelope.type, envelope.event_id)
        return envelope

    def already_processed(self, consumer: str, event_id: str) -> bool:
        """Record event_id for this consumer; True if it was handled before."""
        t = self._inbox
        values = {"consumer": consumer, "event_id": event_id, "processed_at": utcnow()}
        dialect = self.session.get_bind().dialect.name
        if dialect in ("postgresql", "sqlite"):
            # one round trip; a concurrent twin waits on the key and then sees the row.
            # On the session's connection (same transaction) without the ORM execute path.
            return self.session.connection().execute(_inbox_insert(t, dialect), values).first() is None
        found = self.session.execute(
            select(t.c.event_id).where(t.c.consumer == consumer, t.c.event_id == event_id)
        ).first()
        if found:
            return True
        self.session.execute(insert(t), values)
        return False

    def flush(self) -> None:
        self.session.flush()

    def commit(self) -> None:
        if self._pending:
            now = utcnow()
            self.session.connection().execute(
                _outbox_insert(self._outbox),
                [
                    {"event_id": e.event_id, "routing_key": e.type, "body": e.to_json(), "created_at": now,
                     "headers": self._headers.get(e.event_id)}
                    for e in self._pending
                ],
            )
            self._pending = []
            self.session.commit()
            if self._on_commit:
                self._on_commit()
        else:
            self.session.commit()

    def rollback(self) -> None:
        self._pending = []
        self.session.rollback()


@lru_cache(maxsize=None)
def _outbox_insert(outbox: Table):
    # built once: a statement without inline values keeps its compiled form cached
    return insert(outbox)


@lru_cache(maxsize=None)
def _inbox_insert(inbox: Table, dialect: str):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return (dialect_insert(inbox).on_conflict_do_nothing(index_elements=["consumer", "event_id"])
            .returning(inbox.c.event_id))


def run_migrations(script_location: Path | str, url: str) -> None:
    """alembic upgrade head for one service."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["configure_logging"] = False
    command.upgrade(cfg, "head")


def alembic_env(metadata: MetaData) -> None:
    """Body of every service's migrations/env.py."""
    from alembic import context

    cfg = context.config
    url = cfg.get_main_option("sqlalchemy.url")
    connectable = cfg.attributes.get("connection")
    if connectable is None:
        engine = create_engine(url)
        with engine.connect() as connection:
            _run(context, connection, metadata)
        engine.dispose()
    else:
        _run(context, connectable, metadata)


def _run(context, connection, metadata) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


class Money(TypeDecorator):
    """A Decimal amount stored exactly as integer hundredths (BIGINT) on every
    database, so SQLite and PostgreSQL agree to the cent and SUM() is exact."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        cents = (Decimal(value) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return int(cents)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


class UtcDateTime(TypeDecorator):
    """A timezone-aware UTC timestamp on every database (SQLite drops the offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware one (UTC)")
        return value.astimezone(dt.timezone.utc)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)
