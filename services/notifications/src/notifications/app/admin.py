"""Use cases on preferences, channel settings and the delivery log."""
from __future__ import annotations

from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import model


def get_preferences(uow, customer_id: str, default_language: str = "es") -> model.Preferences:
    with uow:
        prefs = uow.preferences.find(customer_id)
    return prefs or model.Preferences(customer_id=customer_id, language=default_language)


def put_preferences(uow, *, customer_id: str, language: str, email: bool, sms: bool, whatsapp: bool,
                    opted_out: bool) -> model.Preferences:
    new = model.Preferences.build(customer_id=customer_id, language=language or "es", email=email, sms=sms,
                                  whatsapp=whatsapp, opted_out=opted_out)
    with uow:
        prefs = uow.preferences.find(new.customer_id)
        if prefs is None:
            uow.preferences.add(new)
            prefs = new
        else:
            prefs.language, prefs.email, prefs.sms, prefs.whatsapp = new.language, new.email, new.sms, new.whatsapp
            prefs.opted_out, prefs.updated_at = new.opted_out, model.now()
        uow.commit()
    return prefs


def put_channel(uow, cfg: model.ChannelConfig) -> model.ChannelConfig:
    cfg.validate()
    from ..domain.rendering import check_syntax

    check_syntax(cfg.body_template, "body_template")
    for name, value in cfg.headers.items():
        check_syntax(str(value), f"headers.{name}")
    with uow:
        stored = uow.channels.find(cfg.channel)
        if stored is None:
            uow.channels.add(cfg)
            stored = cfg
        else:
            stored.enabled, stored.url, stored.method, stored.headers = cfg.enabled, cfg.url, cfg.method, dict(cfg.headers)
            stored.body_template, stored.content_type, stored.updated_at = cfg.body_template, cfg.content_type, model.now()
        uow.commit()
    return stored


def list_notifications(uow, *, limit: int | None = None, cursor: str | None = None,
                       **filters) -> tuple[list[model.Notification], str]:
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.notifications.list(before_id=after[0] if after else None, limit=limit + 1, **filters)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor


def get_notification(uow, notification_id: str) -> model.Notification:
    with uow:
        return uow.notifications.get(notification_id)
