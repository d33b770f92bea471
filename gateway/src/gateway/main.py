"""Composition root of the gateway."""
from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from antena_common.bus import Listener
from antena_common.errors import AlreadyExists
from antena_common.logs import get_logger
from antena_common.runtime import Database, PeriodicJob, ServiceRuntime
from antena_common.settings import PlatformSettings

from .adapters import orm
from .adapters.clients import ServiceClients
from .adapters.uow import GatewayUnitOfWork
from .app import auth
from .app import idempotency as idem
from .app.page_cache import PageCache
from .domain.throttle import LoginThrottle
from .entrypoints.http import create_app
from .settings import Settings

log = get_logger("antena.gateway")


def _jwt_secret(settings: Settings, platform: PlatformSettings) -> str:
    if settings.jwt_secret:
        return settings.jwt_secret
    if platform.env != "development":
        raise SystemExit("ANTENA_GATEWAY_JWT_SECRET must be set outside development")
    path = platform.data_dir / "gateway-jwt-secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def build_runtime(settings: Settings | None = None, platform: PlatformSettings | None = None) -> ServiceRuntime:
    settings = settings or Settings()
    platform = platform or PlatformSettings()
    orm.start_mappers()
    database = Database(settings.database_url, orm.metadata, Path(__file__).parent / "migrations", "gateway")

    def uow_factory() -> GatewayUnitOfWork:
        return database.uow(GatewayUnitOfWork)

    clients = ServiceClients(platform, timeout_seconds=settings.grpc_timeout_seconds)
    ticket_pages = PageCache(settings.ticket_list_cache_seconds)
    listeners = []
    if ticket_pages.enabled:
        listeners.append(Listener(platform.broker_url, "gateway.ticket-pages", ["sales.ticket_changed"],
                                  on_event=ticket_pages.changed, on_live=ticket_pages.set_live))
    app = create_app({
        "uow": uow_factory, "settings": settings, "platform": platform, "clients": clients,
        "jwt_secret": _jwt_secret(settings, platform),
        "users": auth.UserDirectory(uow_factory, ttl=settings.user_cache_seconds),
        "login_throttle": LoginThrottle(settings.login_max_failures, settings.login_window_seconds),
        "ticket_pages": ticket_pages,
    })

    def bootstrap_admin() -> None:
        password = settings.admin_password or os.environ.get("ANTENA_ADMIN_PASSWORD", "")
        try:
            generated = auth.ensure_admin(uow_factory(), password)
        except (IntegrityError, AlreadyExists):  # another replica starting at the same time created it first
            log.info("staff user admin created by another replica")
            return
        if generated:
            print(f"\n  First start: created staff user 'admin' with password: {generated}\n"
                  "  (shown once; set ANTENA_ADMIN_PASSWORD to choose it)\n", flush=True)

    policy = idem.Policy(ttl=dt.timedelta(seconds=settings.idempotency_ttl_seconds),
                         lock=dt.timedelta(seconds=settings.idempotency_lock_seconds))

    def cleanup_idempotency_keys() -> None:
        n = idem.cleanup(uow_factory(), policy)
        if n:
            log.info("expired idempotency keys removed", count=n)

    host = settings.host if platform.embedded else "0.0.0.0"
    return ServiceRuntime(name="gateway", settings=settings, platform=platform, database=database,
                          http_app=app, http_port=settings.port, http_host=host,
                          on_start=[bootstrap_admin, cleanup_idempotency_keys], listeners=listeners,
                          jobs=[PeriodicJob("idempotency-cleanup", 3600, cleanup_idempotency_keys)])

