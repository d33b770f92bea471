"""Composition root of the orders service."""
from __future__ import annotations

from pathlib import Path

from antena_common.blobs import BlobStore
from antena_common.runtime import Database, ServiceRuntime
from antena_common.settings import PlatformSettings

from .adapters import orm
from .adapters.billing_client import BillingClient
from .adapters.uow import OrdersUnitOfWork
from .entrypoints import events, grpc_api
from .settings import Settings


def build_runtime(settings: Settings | None = None, platform: PlatformSettings | None = None) -> ServiceRuntime:
    settings = settings or Settings()
    platform = platform or PlatformSettings()
    orm.start_mappers()
    database = Database(settings.database_url, orm.metadata, Path(__file__).parent / "migrations", "orders")

    def uow_factory() -> OrdersUnitOfWork:
        return database.uow(OrdersUnitOfWork)

    files = BlobStore(database.engine, orm.blobs)  # photos and signatures, in orders' database
    billing = BillingClient(platform.grpc_target("billing"), settings.billing_timeout_seconds)
    return ServiceRuntime(
        name="orders",
        settings=settings,
        platform=platform,
        database=database,
        servicers=[grpc_api.register(uow_factory, settings, files, billing)],
        subscriptions=events.subscriptions(uow_factory),
    )
