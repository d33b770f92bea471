"""Peers the end-to-end tests share."""
from __future__ import annotations

import shutil

import pytest

from antena_common.testing import create_pg_database, drop_pg_database, peer_missing


@pytest.fixture
def radius(tmp_path):
    """A real FreeRADIUS (rlm_sql) on a PostgreSQL database of its own; `radius.url` is that database."""
    from network.testing.peers import FreeRadius, load_radius_schema

    if not shutil.which("freeradius"):
        peer_missing("freeradius (apt: freeradius freeradius-postgresql freeradius-utils)")
    url = create_pg_database("antena_radius")
    load_radius_schema(url)
    server = FreeRadius(tmp_path / "radius", url).start()
    yield server
    server.stop()
    drop_pg_database(url)
