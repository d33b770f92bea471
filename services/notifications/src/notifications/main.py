"""Composition root of the notifications service."""
from __future__ import annotations

from pathlib import Path

from antena_common.runtime import Database, PeriodicJob, ServiceRuntime
from antena_common.settings import PlatformSettings

from .adapters import orm
from .adapters.billing import BillingPdfSource
from .adapters.channels import (DeliveryError, Outgoing, SmtpConfig, SmtpSender, WebhookConfig, WebhookSender,
                                parse_headers)
from .adapters.uow import NotificationsUnitOfWork
from .app import dispatch, notify
from .domain import model
from .entrypoints import events, grpc_api
from .settings import Settings


def _env_channel(settings: Settings, channel: str) -> model.ChannelConfig:
    url = getattr(settings, f"{channel}_webhook_url")
    return model.ChannelConfig(channel=channel, enabled=bool(url), url=url,
                               method=getattr(settings, f"{channel}_webhook_method").upper(),
                               headers=parse_headers(getattr(settings, f"{channel}_webhook_headers")),
                               body_template=getattr(settings, f"{channel}_webhook_body"))


def build_runtime(settings: Settings | None = None, platform: PlatformSettings | None = None) -> ServiceRuntime:
    settings = settings or Settings()
    platform = platform or PlatformSettings()
    orm.start_mappers()
    database = Database(settings.database_url, orm.metadata, Path(__file__).parent / "migrations", "notifications")

    def uow_factory() -> NotificationsUnitOfWork:
        return database.uow(NotificationsUnitOfWork)

    def webhook_config(uow, channel: str) -> model.ChannelConfig:
        return uow.channels.find(channel) or _env_channel(settings, channel)

    def channel_configs() -> list[model.ChannelConfig]:
        email = model.ChannelConfig(channel="email", enabled=bool(settings.smtp_host),
                                    url=f"smtp://{settings.smtp_host}:{settings.smtp_port}", method="SMTP")
        with uow_factory() as uow:
            return [email, webhook_config(uow, "sms"), webhook_config(uow, "whatsapp")]

    def planning_config(uow) -> notify.Config:
        enabled = {"email"} if settings.smtp_host else set()
        enabled |= {ch for ch in ("sms", "whatsapp") if webhook_config(uow, ch).enabled}
        return notify.Config(isp_email=settings.isp_email, default_language=settings.default_language,
                             invitation_wait_seconds=settings.invitation_wait_seconds,
                             channels_enabled=frozenset(enabled))

    smtp = SmtpSender(SmtpConfig(host=settings.smtp_host, port=settings.smtp_port, username=settings.smtp_username,
                                 password=settings.smtp_password, security=settings.smtp_security,
                                 timeout=settings.smtp_timeout, sender=settings.mail_from,
                                 sender_name=settings.mail_from_name or settings.isp_name))
    pdfs = BillingPdfSource(platform.grpc_target("billing"))

    def sender(uow, channel: str):
        if channel == "email":
            return smtp if settings.smtp_host else None
        cfg = webhook_config(uow, channel)
        if not cfg.enabled:
            return None
        return WebhookSender(WebhookConfig(channel=channel, url=cfg.url, method=cfg.method, headers=dict(cfg.headers),
                                           body_template=cfg.body_template, content_type=cfg.content_type,
                                           timeout=settings.webhook_timeout))

    drivers = dispatch.Drivers(sender=sender, invoice_pdf=pdfs.fetch, outgoing=Outgoing, delivery_error=DeliveryError)
    dispatch_cfg = dispatch.DispatchConfig(isp_name=settings.isp_name, portal_url=settings.portal_url.rstrip("/"),
                                           timezone=settings.timezone, max_attempts=settings.max_attempts,
                                           retry_base_seconds=settings.retry_base_seconds,
                                           lease_seconds=settings.lease_seconds)

    def send_due() -> None:
        while dispatch.dispatch_due(uow_factory, drivers, dispatch_cfg):
            pass

    return ServiceRuntime(
        name="notifications",
        settings=settings,
        platform=platform,
        database=database,
        servicers=[grpc_api.register(uow_factory, settings, channel_configs)],
        subscriptions=events.subscriptions(uow_factory, planning_config),
        jobs=[PeriodicJob("dispatch", settings.dispatch_interval_seconds, send_due)],
    )
