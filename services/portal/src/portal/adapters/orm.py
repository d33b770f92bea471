"""Tables of the portal database."""
import functools

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.orm import registry

from antena_common.blobs import blobs_table
from antena_common.db import UtcDateTime, messaging_tables

from ..domain import model

metadata = MetaData()
messaging_tables(metadata)
blobs = blobs_table(metadata)  # uploaded files (antena_common.blobs)

accounts = Table(
    "accounts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), nullable=False, unique=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("name", String(200), nullable=False, default=""),
    Column("password_hash", String(200), nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("activated_at", UtcDateTime(), nullable=True),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("subject_id", String(36), nullable=False),
    Column("customer_id", String(36), nullable=False, default=""),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("used_at", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_tokens_subject", "kind", "subject_id"),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("account_id", String(36), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

installation_requests = Table(
    "installation_requests",
    metadata,
    Column("id", String(64), primary_key=True),   # the form's request id (idempotency)
    Column("ip", String(64), nullable=False),
    Column("email", String(254), nullable=False, default=""),
    Column("ticket_id", String(36), nullable=False, default=""),
    Column("lead_id", String(36), nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_installation_requests_ip", "ip", "created_at"),
)

# What is counted per IP to slow down abuse: failed logins, password reset requests.
throttle = Table(
    "throttle",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),
    Column("ip", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Index("ix_throttle_kind_ip", "kind", "ip", "at"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("owner_kind", String(20), nullable=False),   # contract | order
    Column("owner_id", String(36), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("filename", String(200), nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("path", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_documents_owner", "owner_kind", "owner_id"),
)

mapper_registry = registry()


@functools.cache  # maps the domain classes once, however often it is called
def start_mappers() -> None:
    mapper_registry.map_imperatively(model.Account, accounts)
    mapper_registry.map_imperatively(model.Token, tokens)
