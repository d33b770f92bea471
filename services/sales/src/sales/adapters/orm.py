"""Tables of the sales database, mapped onto the domain classes."""
import functools

from sqlalchemy import (JSON, BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table,
                        Text, event)
from sqlalchemy.orm import registry, relationship

from antena_common.blobs import blobs_table
from antena_common.db import UtcDateTime, messaging_tables

from ..domain import model

metadata = MetaData()
messaging_tables(metadata)
blobs = blobs_table(metadata)  # uploaded files (antena_common.blobs)

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
    Column("search", String(800), nullable=False, default=""),  # normalized: lower case, no accents
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_leads_document", "document"),
    Index("ix_leads_phone", "phone"),
    Index("ix_leads_email", "email"),
    Index("ix_leads_created_at", "created_at"),
)

prospects = Table(
    "prospects",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("lead_id", String(36), ForeignKey("leads.id"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("plan_id", String(64), nullable=False, default=""),
    Column("recurring_item_ids", JSON, nullable=False),
    Column("discount_ids", JSON, nullable=False),
    Column("street", String(200), nullable=False, default=""),
    Column("number", String(20), nullable=False, default=""),
    Column("city", String(100), nullable=False, default=""),
    Column("state", String(100), nullable=False, default=""),
    Column("neighbourhood", String(100), nullable=False, default=""),
    Column("postal_code", String(20), nullable=False, default=""),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
    Column("notes", Text, nullable=False, default=""),
    Column("catalog_checked", Boolean, nullable=False, default=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

tickets = Table(
    "tickets",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("lead_id", String(36), ForeignKey("leads.id"), nullable=False, index=True),
    Column("prospect_id", String(36), ForeignKey("prospects.id"), nullable=False),
    Column("prospect_name", String(200), nullable=False),
    Column("source", String(100), nullable=False, default=""),
    Column("create", String(20), nullable=False),
    Column("assignee_id", String(64), nullable=False, default=""),
    Column("summary", String(500), nullable=False, default=""),
    Column("state", String(20), nullable=False),
    Column("tags", JSON, nullable=False),
    Column("loss_tag", String(60), nullable=False, default=""),
    Column("coverage", JSON, nullable=False),
    Column("scheduled_for", UtcDateTime(), nullable=True),
    Column("contract_id", String(64), nullable=False, default=""),
    Column("feasible", Boolean, nullable=False, default=False),
    Column("order_ids", JSON, nullable=False),
    Column("orders_count", Integer, nullable=False, default=0),
    Column("lead_phone", String(40), nullable=False, default=""),
    Column("lead_email", String(254), nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("closed_at", UtcDateTime(), nullable=True),
    Index("ix_tickets_state_id", "state", "id"),  # the desk's list: one state, newest first
    Index("ix_tickets_assignee_id", "assignee_id", "id"),
    Index("ix_tickets_created_at", "created_at"),
)

ticket_orders = Table(
    "ticket_orders",
    metadata,
    Column("request_id", String(36), primary_key=True),
    Column("ticket_id", String(36), ForeignKey("tickets.id"), nullable=False, index=True),
    Column("order_id", String(64), nullable=True, unique=True),
    Column("kind", String(20), nullable=False),
    Column("state", String(20), nullable=False),
    Column("scheduled_for", UtcDateTime(), nullable=True),
    Column("requested_at", UtcDateTime(), nullable=False),
    Column("feasible", Boolean, nullable=False, default=False),
    Column("result_reason", Text, nullable=False, default=""),
)

ticket_state_changes = Table(
    "ticket_state_changes",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ticket_id", String(36), ForeignKey("tickets.id"), nullable=False, index=True),
    Column("from_state", String(20), nullable=False),
    Column("to_state", String(20), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("reason", Text, nullable=False, default=""),
)

ticket_comments = Table(
    "ticket_comments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ticket_id", String(36), ForeignKey("tickets.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("author_id", String(64), nullable=False, default=""),
    Column("author_name", String(200), nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
)

ticket_attachments = Table(
    "ticket_attachments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ticket_id", String(36), ForeignKey("tickets.id"), nullable=False, index=True),
    Column("filename", String(200), nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("uploaded_by", String(64), nullable=False, default=""),
    Column("description", String(200), nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
)

tags = Table(
    "tags",
    metadata,
    Column("name", String(60), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

installation_requests = Table(
    "installation_requests",
    metadata,
    Column("request_id", String(100), primary_key=True),
    Column("lead_id", String(36), nullable=False),
    Column("prospect_id", String(36), nullable=False),
    Column("ticket_id", String(36), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

mapper_registry = registry()


@functools.cache  # maps the domain classes once, however often it is called
def start_mappers() -> None:
    mapper_registry.map_imperatively(model.Lead, leads)
    mapper_registry.map_imperatively(model.Prospect, prospects)
    order_mapper = mapper_registry.map_imperatively(model.TicketOrder, ticket_orders)
    mapper_registry.map_imperatively(model.Ticket, tickets, properties={
        "orders": relationship(order_mapper, lazy="selectin", order_by=ticket_orders.c.requested_at,
                               cascade="all, delete-orphan"),
    })
    mapper_registry.map_imperatively(model.StateChange, ticket_state_changes)
    mapper_registry.map_imperatively(model.Comment, ticket_comments)
    mapper_registry.map_imperatively(model.Attachment, ticket_attachments)
    mapper_registry.map_imperatively(model.Tag, tags)
    mapper_registry.map_imperatively(model.InstallationRequest, installation_requests)
    event.listen(model.Ticket, "load", _fresh_changes)


def _fresh_changes(ticket, _context) -> None:
    ticket.changes = []
