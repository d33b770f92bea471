"""Uploaded files kept in the owning service's own database (table `blobs`), as
billing keeps its contract attachments: every replica of a service reads what
any replica stored, without a shared volume; a file is written in the same
transaction as the row that refers to it, so a failed request leaves no
orphan file behind; database backups include the files."""
from __future__ import annotations

from sqlalchemy import Column, Integer, LargeBinary, MetaData, String, Table, delete, insert, select
from sqlalchemy.engine import Engine

from .db import READ_ONLY, UtcDateTime, utcnow
from .errors import InvalidArgument, NotFound

MAX_KEY = 300


def blobs_table(metadata: MetaData) -> Table:
    return Table(
        "blobs", metadata,
        Column("key", String(MAX_KEY), primary_key=True),
        Column("content", LargeBinary, nullable=False),
        Column("size", Integer, nullable=False),
        Column("created_at", UtcDateTime, nullable=False),
    )


class BlobStore:
    def __init__(self, engine: Engine, table: Table):
        self.engine = engine
        self.table = table

    @staticmethod
    def _check(key: str) -> str:
        if not key or len(key) > MAX_KEY or "\x00" in key:
            raise InvalidArgument("bad file key")
        return key

    def put(self, uow, key: str, data: bytes) -> str:
        """Store `data` under `key` in the unit of work's transaction (replacing what was
        there): it is kept if and only if that transaction commits."""
        conn = uow.session.connection()
        conn.execute(delete(self.table).where(self.table.c.key == self._check(key)))
        conn.execute(insert(self.table).values(key=key, content=data, size=len(data), created_at=utcnow()))
        return key

    def get(self, key: str) -> bytes:
        with self.engine.connect().execution_options(**{READ_ONLY: True}) as conn:  # no SQLite write lock
            content = conn.execute(select(self.table.c.content).where(self.table.c.key == self._check(key))).scalar()
        if content is None:
            raise NotFound("the file is missing")
        return bytes(content)
