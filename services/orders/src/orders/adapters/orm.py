"""Tables of the orders database, mapped onto the domain classes."""
import functools

from sqlalchemy import JSON, BigInteger, Boolean, Column, Float, ForeignKey, Index, MetaData, String, Table, Text, event
from sqlalchemy.orm import registry

from antena_common.blobs import blobs_table
from antena_common.db import UtcDateTime, messaging_tables

from ..domain import helpdesk, model, planning, stock

metadata = MetaData()
messaging_tables(metadata)
blobs = blobs_table(metadata)  # uploaded files (antena_common.blobs)

orders = Table(
    "orders",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("state", String(20), nullable=False),
    Column("ticket_id", String(36), nullable=False, default=""),
    Column("request_id", String(64), nullable=True, unique=True),  # sales.order_requested: one order per request
    Column("lead_id", String(36), nullable=False, default=""),
    Column("prospect_id", String(36), nullable=False, default=""),
    Column("customer_name", String(200), nullable=False, default=""),
    Column("customer_document", String(40), nullable=False, default=""),
    Column("customer_phone", String(40), nullable=False, default=""),
    Column("customer_email", String(254), nullable=False, default=""),
    Column("address", JSON, nullable=False),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
    Column("plan_id", String(36), nullable=False, default=""),
    Column("recurring_item_ids", JSON, nullable=False),
    Column("discount_ids", JSON, nullable=False),
    Column("notes", Text, nullable=False, default=""),
    Column("zone_id", String(36), nullable=False, default=""),
    Column("technician_id", String(36), nullable=True),
    Column("scheduled_start", UtcDateTime(), nullable=True),
    Column("scheduled_end", UtcDateTime(), nullable=True),
    Column("started_at", UtcDateTime(), nullable=True),
    Column("finished_at", UtcDateTime(), nullable=True),
    Column("result_reason", Text, nullable=False, default=""),
    Column("feasible", Boolean, nullable=True),
    Column("loss_tag", String(100), nullable=False, default=""),
    Column("contract_id", String(36), nullable=False, default=""),
    Column("customer_id", String(36), nullable=False, default=""),
    Column("connection_id", String(36), nullable=False, default=""),
    Column("contract_request_id", String(64), nullable=False, default=""),
    Column("contract_error", Text, nullable=False, default=""),
    Column("contract_created", Boolean, nullable=False, default=False),
    Column("connection_reserved", Boolean, nullable=False, default=False),
    Column("pppoe_username", String(100), nullable=False, default=""),
    Column("wifi_ssid", String(100), nullable=False, default=""),
    Column("wifi_password", String(100), nullable=False, default=""),
    Column("contract_data", JSON, nullable=False),
    Column("devices", JSON, nullable=False),
    Column("optical_power_dbm", String(20), nullable=False, default=""),
    Column("seal_code", String(100), nullable=False, default=""),
    Column("report_notes", Text, nullable=False, default=""),
    Column("signature_path", String(500), nullable=False, default=""),
    Column("signed_at", UtcDateTime(), nullable=True),
    Column("support_ticket_id", String(36), nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_orders_tech_start", "technician_id", "scheduled_start"),
    Index("ix_orders_state_kind", "state", "kind"),
    Index("ix_orders_ticket", "ticket_id"),
    Index("ix_orders_contract_request", "contract_request_id"),
    Index("ix_orders_support_ticket", "support_ticket_id"),
)

order_timeline = Table(
    "order_timeline",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("order_id", String(36), ForeignKey("orders.id"), nullable=False, index=True),
    Column("at", UtcDateTime(), nullable=False),
    Column("action", String(40), nullable=False),
    Column("from_state", String(20), nullable=False),
    Column("to_state", String(20), nullable=False),
    Column("actor_user_id", String(36), nullable=False, default=""),
    Column("detail", Text, nullable=False, default=""),
)

technicians = Table(
    "technicians",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("user_id", String(36), nullable=True, unique=True),
    Column("name", String(200), nullable=False),
    Column("zone_ids", JSON, nullable=False),
    Column("working_hours", JSON, nullable=False),
    Column("timezone", String(64), nullable=False, default="UTC"),
    Column("phone", String(40), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UtcDateTime(), nullable=False),
)

# zone coverage, indexed for "technicians covering zone X" (mirrors Technician.zone_ids)
technician_zones = Table(
    "technician_zones",
    metadata,
    Column("technician_id", String(36), ForeignKey("technicians.id"), primary_key=True),
    Column("zone_id", String(36), primary_key=True),
    Index("ix_technician_zones_zone", "zone_id"),
)

order_photos = Table(
    "order_photos",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("order_id", String(36), ForeignKey("orders.id"), nullable=False, index=True),
    Column("filename", String(200), nullable=False),
    Column("content_type", String(50), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("path", String(500), nullable=False),
    Column("uploaded_by", String(36), nullable=False, default=""),
    Column("uploaded_at", UtcDateTime(), nullable=False),
)

stock_items = Table(
    "stock_items",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("serial", String(64), nullable=False, unique=True),  # a device exists (and is installed) once
    Column("mac", String(17), nullable=False, default=""),
    Column("model", String(100), nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("warehouse", String(100), nullable=False, default="central"),
    Column("technician_id", String(36), nullable=True, index=True),
    Column("order_id", String(36), nullable=False, default=""),
    Column("contract_id", String(36), nullable=False, default=""),
    Column("installed_at", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_stock_status", "status"),
)

support_tickets = Table(
    "support_tickets",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), nullable=False, index=True),
    Column("contract_id", String(36), nullable=False, default=""),
    Column("customer_name", String(200), nullable=False, default=""),
    Column("customer_email", String(254), nullable=False, default=""),
    Column("subject", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("priority", String(10), nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("assignee_id", String(36), nullable=False, default=""),
    Column("channel", String(20), nullable=False, default="staff"),
    Column("created_by", String(36), nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

support_comments = Table(
    "support_comments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("ticket_id", String(36), ForeignKey("support_tickets.id"), nullable=False, index=True),
    Column("author_id", String(36), nullable=False, default=""),
    Column("author_kind", String(10), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

sheet_templates = Table(
    "sheet_templates",
    metadata,
    Column("lang", String(5), primary_key=True),
    Column("html", Text, nullable=False),
    Column("updated_by", String(36), nullable=False, default=""),
    Column("updated_at", UtcDateTime(), nullable=False),
)

mapper_registry = registry()


@functools.cache  # maps the domain classes once, however often it is called
def start_mappers() -> None:
    mapper_registry.map_imperatively(model.Order, orders)
    mapper_registry.map_imperatively(model.TimelineEntry, order_timeline)
    mapper_registry.map_imperatively(planning.Technician, technicians)
    mapper_registry.map_imperatively(model.Photo, order_photos)
    mapper_registry.map_imperatively(stock.StockItem, stock_items)
    mapper_registry.map_imperatively(helpdesk.SupportTicket, support_tickets)
    mapper_registry.map_imperatively(helpdesk.SupportComment, support_comments)
    event.listen(model.Order, "load", lambda target, _ctx: target._init_transient())
