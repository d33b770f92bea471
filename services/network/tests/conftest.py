"""Fixtures of the network service tests: a migrated database, the fake
RouterOS server, FreeRADIUS on PostgreSQL."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from antena_common.runtime import Database
from antena_common.testing import create_pg_database, drop_pg_database, peer_missing
from network.adapters import orm
from network.adapters.uow import NetworkUnitOfWork
from network.testing.fake_routeros import FakeRouterOS

MIGRATIONS = Path(orm.__file__).parent.parent / "migrations"


def make_uow_factory(url: str):
    orm.start_mappers()
    db = Database(url, orm.metadata, MIGRATIONS, "network")
    db.migrate()
    factory = lambda: db.uow(NetworkUnitOfWork)  # noqa: E731
    factory.database = db
    return factory


@pytest.fixture
def uow_factory(pg_url):
    factory = make_uow_factory(pg_url)
    yield factory
    factory.database.engine.dispose()


@pytest.fixture
def sqlite_uow_factory(tmp_path):
    factory = make_uow_factory(f"sqlite:///{tmp_path / 'network.db'}")
    yield factory
    factory.database.engine.dispose()


@pytest.fixture
def fake_router():
    fake = FakeRouterOS(username="admin", password="rb-secret").start()
    yield fake
    fake.stop()


@pytest.fixture
def radius_db():
    from network.testing.peers import load_radius_schema

    url = create_pg_database("antena_radius")
    load_radius_schema(url)
    yield url
    drop_pg_database(url)


@pytest.fixture
def freeradius(tmp_path, radius_db):
    from network.testing.peers import FreeRadius

    if not shutil.which("freeradius"):
        peer_missing("freeradius (apt: freeradius freeradius-postgresql freeradius-utils)")
    server = FreeRadius(tmp_path / "radius", radius_db).start()
    yield server
    server.stop()
