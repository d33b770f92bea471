"""Composition root of the network service."""
from __future__ import annotations

from pathlib import Path

from antena_common.runtime import Database, ServiceRuntime
from antena_common.settings import PlatformSettings

from .adapters import orm
from .adapters.uow import NetworkUnitOfWork
from .entrypoints import events
from .settings import Settings


def build_runtime(settings: Settings | None = None, platform: PlatformSettings | None = None) -> ServiceRuntime:
    settings = settings or Settings()
    platform = platform or PlatformSettings()
    orm.start_mappers()
    database = Database(settings.database_url, orm.metadata, Path(__file__).parent / "migrations", "network")

    def uow_factory() -> NetworkUnitOfWork:
        return database.uow(NetworkUnitOfWork)

    return ServiceRuntime(
        name="network",
        settings=settings,
        platform=platform,
        database=database,
        servicers=[],
        subscriptions=events.subscriptions(uow_factory),
    )
