"""Composition root of the sales service."""
from __future__ import annotations

from pathlib import Path

from antena_common.blobs import BlobStore
from antena_common.runtime import Database, ServiceRuntime
from antena_common.settings import PlatformSettings

from .adapters import orm
from .adapters.clients import BillingCatalog, NetworkCoverage
from .adapters.files import FileStore
from .adapters.uow import SalesUnitOfWork
from .entrypoints import events, grpc_api
from .settings import Settings


def build_runtime(settings: Settings | None = None, platform: PlatformSettings | None = None) -> ServiceRuntime:
    settings = settings or Settings()
    platform = platform or PlatformSettings()
    orm.start_mappers()
    database = Database(settings.database_url, orm.metadata, Path(__file__).parent / "migrations", "sales")

    def uow_factory() -> SalesUnitOfWork:
        return database.uow(SalesUnitOfWork)

    adapters = grpc_api.Adapters(
        files=FileStore(BlobStore(database.engine, orm.blobs)),
        max_attachment_bytes=settings.attachment_max_bytes,
        coverage=NetworkCoverage(platform.grpc_target("network")) if settings.check_coverage else None,
        catalog=BillingCatalog(platform.grpc_target("billing")) if settings.check_catalog else None,
    )
    return ServiceRuntime(
        name="sales",
        settings=settings,
        platform=platform,
        database=database,
        servicers=[grpc_api.register(uow_factory, adapters)],
        subscriptions=events.subscriptions(uow_factory),
    )
