"""Tables of the gateway database (staff users, idempotency keys)."""
import functools

from sqlalchemy import JSON, Boolean, Column, Integer, LargeBinary, MetaData, String, Table, Text
from sqlalchemy.orm import registry

from antena_common.db import UtcDateTime, messaging_tables

from ..domain.users import StaffUser

metadata = MetaData()
messaging_tables(metadata)

staff_users = Table(
    "staff_users",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("full_name", String(200), nullable=False, default=""),
    Column("roles", JSON, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("token_version", Integer, nullable=False, default=0),
    Column("created_at", UtcDateTime(), nullable=False),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("user_id", String(36), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("method", String(10), nullable=False),
    Column("path", String(500), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("attempt", String(36), nullable=False),  # who holds the key now (a new id per execution)
    Column("status_code", Integer, nullable=True),  # null while the first request is in flight
    Column("content_type", String(100), nullable=True),
    Column("body", LargeBinary, nullable=True),
    Column("headers", Text, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False, index=True),
)

mapper_registry = registry()


@functools.cache  # maps the domain classes once, however often it is called
def start_mappers() -> None:
    mapper_registry.map_imperatively(StaffUser, staff_users)
