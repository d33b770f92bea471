"""antena_common.blobs on SQLite and PostgreSQL: a file is kept exactly when the
transaction that refers to it commits, and every engine on the database reads it."""
from pathlib import Path

import pytest
from sqlalchemy import MetaData

from antena_common.blobs import BlobStore, blobs_table
from antena_common.db import messaging_tables
from antena_common.errors import InvalidArgument, NotFound
from antena_common.runtime import Database

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'blobs.db'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    metadata = MetaData()
    messaging_tables(metadata)
    blobs_table(metadata)
    db = Database(url, metadata, Path("unused"), "test")
    metadata.create_all(db.engine)
    yield db
    db.engine.dispose()


def test_a_file_lives_and_dies_with_its_transaction(database):
    store = BlobStore(database.engine, database.metadata.tables["blobs"])
    with database.uow() as uow:
        store.put(uow, "tickets/t-1/a-1", b"%PDF-1.4 first")
        uow.commit()
    with pytest.raises(RuntimeError), database.uow() as uow:
        store.put(uow, "tickets/t-1/a-2", b"never kept")
        raise RuntimeError("the request failed after the upload")
    assert store.get("tickets/t-1/a-1") == b"%PDF-1.4 first"
    with pytest.raises(NotFound):
        store.get("tickets/t-1/a-2")
    with database.uow() as uow:  # the same key again replaces the content
        store.put(uow, "tickets/t-1/a-1", b"%PDF-1.4 second")
        uow.commit()
    other = Database(database.url, database.metadata, Path("unused"), "test")  # another replica
    try:
        assert BlobStore(other.engine, other.metadata.tables["blobs"]).get("tickets/t-1/a-1") == b"%PDF-1.4 second"
    finally:
        other.engine.dispose()
    for bad in ("", "x" * 301, "a\x00b"):
        with pytest.raises(InvalidArgument):
            store.get(bad)
