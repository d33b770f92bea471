"""Composition root of the portal service."""
from __future__ import annotations

import uuid
from pathlib import Path

from antena_common.blobs import BlobStore
from antena_common.runtime import Database, PeriodicJob, ServiceRuntime
from antena_common.settings import PlatformSettings

from .adapters import orm
from .adapters.clients import Clients
from .adapters.passwords import Passwords
from .adapters.uow import PortalUnitOfWork
from .app import accounts
from .app.accounts import Links
from .entrypoints import events
from .entrypoints.web import Portal, create_app
from .settings import Settings


def build_runtime(settings: Settings | None = None, platform: PlatformSettings | None = None) -> ServiceRuntime:
    settings = settings or Settings()
    platform = platform or PlatformSettings()
    orm.start_mappers()
    database = Database(settings.database_url, orm.metadata, Path(__file__).parent / "migrations", "portal")

    def uow_factory() -> PortalUnitOfWork:
        return database.uow(PortalUnitOfWork)

    clients = Clients(platform)
    links = Links(settings.public_url or f"http://127.0.0.1:{settings.port}")
    store = BlobStore(database.engine, orm.blobs)  # uploaded documents, in the portal's database
    secure = settings.cookie_secure if settings.cookie_secure is not None else platform.env != "development"
    portal = Portal(uow_factory=uow_factory, clients=clients, settings=settings, store=store, hasher=Passwords(),
                    links=links, isp_id=settings.isp_id or str(uuid.uuid5(uuid.NAMESPACE_DNS, settings.isp_slug)),
                    secure=secure)
    host = settings.host if platform.embedded else "0.0.0.0"
    return ServiceRuntime(
        name="portal",
        settings=settings,
        platform=platform,
        database=database,
        servicers=[],
        subscriptions=events.subscriptions(uow_factory, clients, links, settings),
        http_app=create_app(portal),
        http_port=settings.port,
        http_host=host,
        jobs=[PeriodicJob("purge", 3600, lambda: accounts.purge(uow_factory()))],
    )
