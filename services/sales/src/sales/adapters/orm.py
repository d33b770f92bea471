"""Tables of the sales database, mapped onto the domain classes."""
from sqlalchemy import Column, Index, MetaData, String, Table, Text
from sqlalchemy.orm import registry

from antena_common.db import UtcDateTime, messaging_tables

from ..domain import model

metadata = MetaData()
messaging_tables(metadata)

leads = Table(
    "leads",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("document", String(40), nullable=False, default=""),
    Column("phone", String(40), nullable=False, default=""),
    Column("email", String(254), nullable=False, default=""),
    Column("source", String(100), nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_leads_document", "document"),
    Index("ix_leads_phone", "phone"),
    Index("ix_leads_email", "email"),
)

mapper_registry = registry()
_mapped = False


def start_mappers() -> None:
    global _mapped
    if _mapped:
        return
    mapper_registry.map_imperatively(model.Lead, leads)
    _mapped = True
