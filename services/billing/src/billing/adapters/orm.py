"""Tables of the billing database (SQLAlchemy Core; repositories map rows to the domain).
Money columns hold exact cents (antena_common.db.Money); percents use Money too (two decimals)."""
from sqlalchemy import (JSON, BigInteger, Boolean, Column, Date, ForeignKey, Index, Integer, LargeBinary, MetaData,
                        String, Table, Text, UniqueConstraint)

from antena_common.db import Money, UtcDateTime, messaging_tables

metadata = MetaData()
messaging_tables(metadata)

ID = String(36)

tax_rates = Table(
    "tax_rates", metadata,
    Column("id", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("rate", Money(), nullable=False),
    Column("inclusive", Boolean, nullable=False, default=False),
    Column("is_default", Boolean, nullable=False, default=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

plans = Table(
    "plans", metadata,
    Column("id", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("download_mbps", Integer, nullable=False),
    Column("upload_mbps", Integer, nullable=False),
    Column("price", Money(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("tax_rate_id", ID, ForeignKey("tax_rates.id"), nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UtcDateTime(), nullable=False),
)

recurring_items = Table(
    "recurring_items", metadata,
    Column("id", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("price", Money(), nullable=False),
    Column("period", String(10), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("service", String(20), nullable=False, default=""),
    Column("tax_rate_id", ID, ForeignKey("tax_rates.id"), nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UtcDateTime(), nullable=False),
)

discounts = Table(
    "discounts", metadata,
    Column("id", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("value", Money(), nullable=False),
    Column("months", Integer, nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UtcDateTime(), nullable=False),
)

billing_profiles = Table(
    "billing_profiles", metadata,
    Column("id", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("issue_day", Integer, nullable=False),
    Column("due_days", Integer, nullable=False),
    Column("late_fee_kind", String(10), nullable=False),
    Column("late_fee_value", Money(), nullable=False),
    Column("suspend_after_days", Integer, nullable=False),
    Column("prorate", Boolean, nullable=False),
    Column("grace_days", Integer, nullable=False, default=0),
    Column("early_payment_days", Integer, nullable=False, default=0),
    Column("early_payment_percent", Money(), nullable=False, default=0),
    Column("free_days", Integer, nullable=False, default=0),
    Column("currency", String(3), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

company = Table(
    "company", metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("legal_name", String(200), nullable=False, default=""),
    Column("trade_name", String(200), nullable=False, default=""),
    Column("tax_id", String(40), nullable=False, default=""),
    Column("fiscal_address", JSON, nullable=False, default=dict),
    Column("logo", LargeBinary, nullable=True),
    Column("logo_content_type", String(50), nullable=False, default=""),
    Column("currency", String(3), nullable=False, default="ARS"),
    Column("contract_template", Text, nullable=False, default=""),
    Column("locale", String(10), nullable=False, default="es"),
    Column("email", String(254), nullable=False, default=""),
    Column("phone", String(40), nullable=False, default=""),
)

customers = Table(
    "customers", metadata,
    Column("id", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("document", String(40), nullable=False, default=""),
    Column("email", String(254), nullable=False, default=""),
    Column("phone", String(40), nullable=False, default=""),
    Column("fiscal_id", String(40), nullable=False, default=""),
    Column("address", JSON, nullable=False, default=dict),
    Column("credit", Money(), nullable=False, default=0),
    Column("currency", String(3), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_customers_email", "email"),
    Index("ix_customers_document", "document"),
)

contracts = Table(
    "contracts", metadata,
    Column("id", ID, primary_key=True),
    Column("customer_id", ID, ForeignKey("customers.id"), nullable=False, index=True),
    Column("plan_id", ID, ForeignKey("plans.id"), nullable=False),
    Column("billing_profile_id", ID, ForeignKey("billing_profiles.id"), nullable=False),
    Column("state", String(12), nullable=False, index=True),
    Column("connection_id", String(36), nullable=False, default=""),
    Column("order_id", String(36), nullable=False, default=""),
    Column("ticket_id", String(36), nullable=False, default=""),
    Column("request_id", String(64), nullable=False, default=""),
    Column("installation_fee", Money(), nullable=False, default=0),
    Column("installation_instalments", Integer, nullable=False, default=0),
    Column("currency", String(3), nullable=False),
    Column("start_date", Date, nullable=True),
    Column("end_date", Date, nullable=True),
    Column("billing_start", Date, nullable=True),
    Column("issue_day", Integer, nullable=True),  # the zone's billing day, overrides the profile's
    Column("activated_at", UtcDateTime(), nullable=True),
    Column("suspended_at", UtcDateTime(), nullable=True),
    Column("paused_from", String(7), nullable=True),
    Column("paused_until", String(7), nullable=True),
    Column("signature", LargeBinary, nullable=True),
    Column("signature_content_type", String(50), nullable=False, default=""),
    Column("signer_name", String(200), nullable=False, default=""),
    Column("signed_at", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
)

# files staff attach to a contract; the bytes live in the row (same transaction as the metadata)
contract_attachments = Table(
    "contract_attachments", metadata,
    Column("id", ID, primary_key=True),
    Column("contract_id", ID, ForeignKey("contracts.id"), nullable=False, index=True),
    Column("filename", String(200), nullable=False),
    Column("content_type", String(50), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("uploaded_by", String(64), nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
)

contract_items = Table(
    "contract_items", metadata,
    Column("id", ID, primary_key=True),
    Column("contract_id", ID, ForeignKey("contracts.id"), nullable=False, index=True),
    Column("recurring_item_id", ID, ForeignKey("recurring_items.id"), nullable=False),
    Column("kind", String(10), nullable=False),  # item | service
    Column("service", String(20), nullable=False, default=""),
    Column("description", String(200), nullable=False, default=""),
    Column("cut_on_nonpayment", Boolean, nullable=False, default=True),
    Column("created_at", UtcDateTime(), nullable=False),
)

contract_discounts = Table(
    "contract_discounts", metadata,
    Column("contract_id", ID, ForeignKey("contracts.id"), primary_key=True),
    Column("discount_id", ID, ForeignKey("discounts.id"), primary_key=True),
)

invoice_series = Table(
    "invoice_series", metadata,
    Column("series", String(10), primary_key=True),
    Column("next_number", BigInteger, nullable=False),
)

invoices = Table(
    "invoices", metadata,
    Column("id", ID, primary_key=True),
    Column("series", String(10), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("number", String(30), nullable=False),
    Column("customer_id", ID, ForeignKey("customers.id"), nullable=False),
    Column("contract_id", ID, ForeignKey("contracts.id"), nullable=True),
    Column("kind", String(10), nullable=False),       # service | other
    Column("period", String(7), nullable=True),
    Column("state", String(10), nullable=False),      # issued | paid | overdue | void
    Column("issue_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("period_start", Date, nullable=True),
    Column("period_end", Date, nullable=True),
    Column("subtotal", Money(), nullable=False),
    Column("tax_total", Money(), nullable=False),
    Column("total", Money(), nullable=False),
    Column("balance", Money(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("late_fee_applied", Boolean, nullable=False, default=False),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("series", "seq", name="uq_invoices_series_seq"),
    # a contract is invoiced at most once per period (one-off invoices have no period)
    UniqueConstraint("contract_id", "period", name="uq_invoices_contract_period"),
    Index("ix_invoices_customer", "customer_id", "state"),
    Index("ix_invoices_state_due", "state", "due_date"),
)

invoice_lines = Table(
    "invoice_lines", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    # deferred: the set-based bill run writes lines before their invoice, in one transaction
    Column("invoice_id", ID, ForeignKey("invoices.id", deferrable=True, initially="DEFERRED"), nullable=False,
           index=True),
    Column("position", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("description", String(300), nullable=False),
    Column("quantity", String(20), nullable=False),
    Column("unit_price", Money(), nullable=False),
    Column("amount", Money(), nullable=False),
    Column("tax_rate", Money(), nullable=False),
    Column("tax_amount", Money(), nullable=False),
    Column("total", Money(), nullable=False),
)

payments = Table(
    "payments", metadata,
    Column("id", ID, primary_key=True),
    Column("customer_id", ID, ForeignKey("customers.id"), nullable=False, index=True),
    Column("amount", Money(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("method", String(20), nullable=False),
    Column("channel", String(40), nullable=False, default=""),
    Column("external_ref", String(200), nullable=True, unique=True),  # NULLs never collide
    Column("paid_at", UtcDateTime(), nullable=False),
    Column("unallocated", Money(), nullable=False, default=0),
    Column("created_at", UtcDateTime(), nullable=False),
)

allocations = Table(
    "allocations", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("payment_id", ID, ForeignKey("payments.id"), nullable=True, index=True),
    Column("invoice_id", ID, ForeignKey("invoices.id"), nullable=False, index=True),
    Column("source", String(10), nullable=False),  # payment | credit
    Column("amount", Money(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)

credit_notes = Table(
    "credit_notes", metadata,
    Column("id", ID, primary_key=True),
    Column("series", String(10), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("number", String(30), nullable=False),
    Column("invoice_id", ID, ForeignKey("invoices.id"), nullable=False, index=True),
    Column("customer_id", ID, ForeignKey("customers.id"), nullable=False),
    Column("amount", Money(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("reason", String(500), nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("series", "seq", name="uq_credit_notes_series_seq"),
)


def start_mappers() -> None:
    """Core tables only: repositories translate rows to domain objects."""
