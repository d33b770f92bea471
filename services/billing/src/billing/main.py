"""Composition root of the billing service."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from antena_common.runtime import Database, PeriodicJob, ServiceRuntime
from antena_common.settings import PlatformSettings

from .adapters import orm
from .adapters.uow import BillingUnitOfWork
from .app import dunning
from .entrypoints import events, grpc_api
from .settings import Settings


def build_runtime(settings: Settings | None = None, platform: PlatformSettings | None = None) -> ServiceRuntime:
    settings = settings or Settings()
    platform = platform or PlatformSettings()
    orm.start_mappers()
    database = Database(settings.database_url, orm.metadata, Path(__file__).parent / "migrations", "billing")

    def uow_factory() -> BillingUnitOfWork:
        return database.uow(BillingUnitOfWork)

    def daily_dunning() -> None:
        # idempotent: running it every hour for today changes nothing after the first run of the day
        dunning.run_dunning(uow_factory(), dt.datetime.now(dt.timezone.utc).date())

    return ServiceRuntime(
        name="billing",
        settings=settings,
        platform=platform,
        database=database,
        servicers=[grpc_api.register(uow_factory, settings.attachment_max_bytes)],
        subscriptions=events.subscriptions(uow_factory),
        jobs=[PeriodicJob("dunning", settings.dunning_every_seconds, daily_dunning)],
    )
