"""Composition root of the portal service."""
from __future__ import annotations

from pathlib import Path

from antena_common.runtime import Database, ServiceRuntime
from antena_common.settings import PlatformSettings

from .adapters import orm
from .adapters.uow import PortalUnitOfWork
from .entrypoints import events
from .settings import Settings


def build_runtime(settings: Settings | None = None, platform: PlatformSettings | None = None) -> ServiceRuntime:
    settings = settings or Settings()
    platform = platform or PlatformSettings()
    orm.start_mappers()
    database = Database(settings.database_url, orm.metadata, Path(__file__).parent / "migrations", "portal")

    def uow_factory() -> PortalUnitOfWork:
        return database.uow(PortalUnitOfWork)

    return ServiceRuntime(
        name="portal",
        settings=settings,
        platform=platform,
        database=database,
        servicers=[],
        subscriptions=events.subscriptions(uow_factory),
    )
