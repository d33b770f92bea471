"""Tables of the notifications database, mapped onto the domain classes."""
import functools

from sqlalchemy import JSON, Boolean, Column, Index, Integer, MetaData, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import registry

from antena_common.db import UtcDateTime, messaging_tables

from ..domain import model

metadata = MetaData()
messaging_tables(metadata)

templates = Table(
    "templates",
    metadata,
    Column("key", String(120), primary_key=True),
    Column("channel", String(20), primary_key=True),
    Column("language", String(8), primary_key=True),
    Column("subject", Text, nullable=False, default=""),
    Column("body", Text, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

notifications = Table(
    "notifications",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("event_id", String(36), nullable=False),
    Column("event_type", String(120), nullable=False),
    Column("template_key", String(120), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("recipient", String(254), nullable=False),
    Column("language", String(8), nullable=False),
    Column("recipient_name", String(200), nullable=False, default=""),
    Column("customer_id", String(36), nullable=False, default=""),
    Column("context", JSON, nullable=False),
    Column("attachments", JSON, nullable=False),
    Column("subject", Text, nullable=False, default=""),
    Column("body", Text, nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("reason", Text, nullable=False, default=""),
    Column("wait_for", String(60), nullable=False, default=""),
    Column("wait_until", UtcDateTime(), nullable=True),
    Column("next_attempt_at", UtcDateTime(), nullable=False),
    Column("lease_until", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("sent_at", UtcDateTime(), nullable=True),
    # no message twice for the same event and recipient
    UniqueConstraint("event_id", "template_key", "channel", "recipient", name="uq_notifications_event_recipient"),
    Index("ix_notifications_due", "status", "next_attempt_at"),
    Index("ix_notifications_customer", "customer_id"),
    Index("ix_notifications_recipient", "recipient"),
)

preferences = Table(
    "preferences",
    metadata,
    Column("customer_id", String(36), primary_key=True),
    Column("language", String(8), nullable=False),
    Column("email", Boolean, nullable=False),
    Column("sms", Boolean, nullable=False),
    Column("whatsapp", Boolean, nullable=False),
    Column("opted_out", Boolean, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

channels = Table(
    "channels",
    metadata,
    Column("channel", String(20), primary_key=True),
    Column("enabled", Boolean, nullable=False),
    Column("url", String(2000), nullable=False, default=""),
    Column("method", String(10), nullable=False, default="POST"),
    Column("headers", JSON, nullable=False),
    Column("body_template", Text, nullable=False, default=""),
    Column("content_type", String(100), nullable=False, default="application/json"),
    Column("updated_at", UtcDateTime(), nullable=False),
)

# Copies fed by other services' events (billing.customer_created, portal.customer_invited).
contacts = Table(
    "contacts",
    metadata,
    Column("customer_id", String(36), primary_key=True),
    Column("name", String(200), nullable=False, default=""),
    Column("email", String(254), nullable=False, default=""),
    Column("phone", String(40), nullable=False, default=""),
    Column("updated_at", UtcDateTime(), nullable=False),
)

invitations = Table(
    "invitations",
    metadata,
    Column("customer_id", String(36), primary_key=True),
    Column("invitation_url", String(2000), nullable=False, default=""),
    Column("login_url", String(2000), nullable=False, default=""),
    Column("updated_at", UtcDateTime(), nullable=False),
)

mapper_registry = registry()


@functools.cache  # maps the domain classes once, however often it is called
def start_mappers() -> None:
    mapper_registry.map_imperatively(model.Template, templates)
    mapper_registry.map_imperatively(model.Notification, notifications)
    mapper_registry.map_imperatively(model.Preferences, preferences)
    mapper_registry.map_imperatively(model.ChannelConfig, channels)
