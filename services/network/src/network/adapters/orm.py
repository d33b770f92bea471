"""Tables of the network database, mapped onto the domain classes."""
import functools

from sqlalchemy import (JSON, BigInteger, Boolean, Column, Float, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)
from sqlalchemy.orm import registry

from antena_common.db import UtcDateTime, messaging_tables

from ..domain import model

metadata = MetaData()
messaging_tables(metadata)

sites = Table(
    "sites", metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(120), nullable=False),
    Column("address", String(300), nullable=False, default=""),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
)

routers = Table(
    "routers", metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("host", String(253), nullable=False),
    Column("api_port", Integer, nullable=False),
    Column("username", String(100), nullable=False),
    Column("password", String(200), nullable=False, default=""),
    Column("kind", String(20), nullable=False),
    Column("site_id", String(36), nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("last_reconciled_at", UtcDateTime(), nullable=True),
    Column("drift_count", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=False, default=""),
)

zones = Table(
    "zones", metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("router_id", String(36), nullable=False, index=True),
    Column("billing_day", Integer, nullable=False),
    Column("drivers", String(100), nullable=False),
    Column("pppoe_profile", String(100), nullable=False, default="default"),
    Column("created_at", UtcDateTime(), nullable=False),
)

olts = Table(
    "olts", metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("host", String(253), nullable=False, default=""),
    Column("site_id", String(36), nullable=False, default=""),
    Column("created_at", UtcDateTime(), nullable=False),
)

nap_boxes = Table(
    "nap_boxes", metadata,
    Column("id", String(36), primary_key=True),
    Column("code", String(60), nullable=False, unique=True),
    Column("olt_id", String(36), nullable=False, default=""),
    Column("zone_id", String(36), nullable=False, default=""),
    Column("ports", Integer, nullable=False),
    Column("used_ports", Integer, nullable=False, default=0),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("cell", BigInteger, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_nap_boxes_cell", "cell", "lat", "lon"),  # the bounding-box filter runs inside the index
)

# One row per occupied port: the unique key makes a double booking impossible.
nap_ports = Table(
    "nap_ports", metadata,
    Column("nap_box_id", String(36), primary_key=True),
    Column("port", Integer, primary_key=True),
    Column("connection_id", String(36), nullable=False, index=True),
)

ip_pools = Table(
    "ip_pools", metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("cidr", String(18), nullable=False),
    Column("zone_id", String(36), nullable=False, index=True),
    Column("gateway", String(15), nullable=False),
    Column("excluded", JSON, nullable=False),
    Column("size", Integer, nullable=False),
    Column("used", Integer, nullable=False, default=0),
    Column("next_hint", BigInteger, nullable=False, default=0),
    Column("created_at", UtcDateTime(), nullable=False),
)

# Every address of a pool that is not free: reserved ones (network, broadcast,
# gateway, excluded) and those held by a connection. (pool, ip) is unique.
ip_allocations = Table(
    "ip_allocations", metadata,
    Column("pool_id", String(36), primary_key=True),
    Column("ip", BigInteger, primary_key=True),
    Column("kind", String(12), nullable=False),          # network | broadcast | gateway | excluded | connection
    Column("connection_id", String(36), nullable=True, index=True),
)

connections = Table(
    "connections", metadata,
    Column("id", String(36), primary_key=True),
    Column("contract_id", String(36), nullable=False, unique=True),
    Column("order_id", String(36), nullable=False, default=""),
    Column("zone_id", String(36), nullable=False, index=True),
    Column("router_id", String(36), nullable=False, index=True),
    Column("mode", String(10), nullable=False),
    Column("ip", String(15), nullable=False, default=""),
    Column("ip_pool_id", String(36), nullable=False, default=""),
    Column("pppoe_username", String(100), nullable=False, default="", index=True),
    Column("pppoe_password", String(100), nullable=False, default=""),
    Column("wifi_ssid", String(100), nullable=False, default=""),
    Column("wifi_password", String(100), nullable=False, default=""),
    Column("cpe_mac", String(17), nullable=False, default=""),
    Column("onu_serial", String(60), nullable=False, default=""),
    Column("nap_box_id", String(36), nullable=False, default=""),
    Column("nap_port", Integer, nullable=False, default=0),
    Column("plan_id", String(36), nullable=False, default=""),
    Column("download_rate", String(20), nullable=False, default=""),
    Column("upload_rate", String(20), nullable=False, default=""),
    Column("customer_name", String(200), nullable=False, default=""),
    Column("state", String(12), nullable=False, index=True),
    Column("target_state", String(12), nullable=False),
    Column("suspended_services", JSON, nullable=False),
    Column("services", JSON, nullable=False),
    Column("provisioning_state", String(10), nullable=False),
    Column("provisioning_error", Text, nullable=False, default=""),
    Column("provisioning_attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UtcDateTime(), nullable=True, index=True),
    Column("last_provisioned_at", UtcDateTime(), nullable=True),
    Column("provisioned_router_id", String(36), nullable=False, default=""),
    Column("provisioned_zone_id", String(36), nullable=False, default=""),
    Column("provisioned_ip", String(15), nullable=False, default=""),
    Column("drift", JSON, nullable=False),
    Column("activated_at", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
)

drift_reports = Table(
    "drift_reports", metadata,
    Column("id", String(36), primary_key=True),
    Column("router_id", String(36), nullable=False, index=True),
    Column("checked_at", UtcDateTime(), nullable=False),
    Column("error", Text, nullable=False, default=""),
    Column("items", JSON, nullable=False),   # [{connection_id, kind, detail, repaired}]
)

devices = Table(
    "devices", metadata,
    Column("id", String(36), primary_key=True),
    Column("connection_id", String(36), nullable=False, index=True),
    Column("name", String(120), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("host", String(253), nullable=False),
    Column("port", Integer, nullable=False),
    Column("community", String(100), nullable=False),
    Column("optical_oid", String(200), nullable=False, default=""),
    Column("optical_scale", Float, nullable=False, default=0.01),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("connection_id", "name", name="uq_devices_connection_name"),
)

telemetry = Table(
    "telemetry", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("device_id", String(36), nullable=False),
    Column("connection_id", String(36), nullable=False),
    Column("collected_at", UtcDateTime(), nullable=False),
    Column("uptime_seconds", BigInteger, nullable=False, default=0),
    Column("in_octets", BigInteger, nullable=False, default=0),
    Column("out_octets", BigInteger, nullable=False, default=0),
    Column("optical_power_dbm", String(12), nullable=False, default=""),
    Column("alert", Boolean, nullable=False, default=False),
    Index("ix_telemetry_connection", "connection_id", "collected_at"),
)

mapper_registry = registry()


@functools.cache  # maps the domain classes once, however often it is called
def start_mappers() -> None:
    mapper_registry.map_imperatively(model.Site, sites)
    mapper_registry.map_imperatively(model.Router, routers)
    mapper_registry.map_imperatively(model.Zone, zones)
    mapper_registry.map_imperatively(model.Olt, olts)
    mapper_registry.map_imperatively(model.NapBox, nap_boxes)
    mapper_registry.map_imperatively(model.IpPool, ip_pools)
    mapper_registry.map_imperatively(model.Connection, connections)
