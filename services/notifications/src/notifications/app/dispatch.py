"""Sending: take due notifications, render them, hand them to their channel,
record the outcome (with backoff on provider errors) and publish
notification_sent / notification_failed in the same transaction."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Protocol

from antena.notifications.v1 import events_pb2

from antena_common.logs import get_logger

from ..domain import model
from ..domain.rendering import Renderer, RenderError
from . import templates as template_cases

log = get_logger("antena.notifications")


class Sender(Protocol):
    def send(self, msg) -> str: ...


@dataclass
class DispatchConfig:
    isp_name: str
    portal_url: str
    timezone: str
    max_attempts: int
    retry_base_seconds: float
    lease_seconds: float


@dataclass
class Drivers:
    """How to reach each channel; `sender(uow, channel)` may return None (channel not configured)."""

    sender: Callable[[object, str], Sender | None]
    invoice_pdf: Callable[[str, str], bytes]
    outgoing: type
    delivery_error: type


def dispatch_due(uow_factory, drivers: Drivers, cfg: DispatchConfig, limit: int = 20) -> int:
    """Send what is due; returns how many were attempted."""
    with uow_factory() as uow:
        ids = uow.notifications.due_ids(model.now(), limit)
    done = 0
    for notification_id in ids:
        if _attempt(uow_factory, drivers, cfg, notification_id):
            done += 1
    return done


def _attempt(uow_factory, drivers: Drivers, cfg: DispatchConfig, notification_id: str) -> bool:
    now = model.now()
    with uow_factory() as uow:
        if not uow.notifications.claim(notification_id, now, cfg.lease_seconds):
            return False
        n = uow.notifications.get(notification_id)
        ctx = dict(n.context)
        if n.wait_for:
            invitation = uow.invitations.get(n.customer_id)
            if invitation:
                ctx.setdefault("invitation_url", invitation["invitation_url"])
                ctx.setdefault("login_url", invitation["login_url"])
            elif n.wait_until and now < n.wait_until:
                n.next_attempt_at, n.lease_until = now + dt.timedelta(seconds=1), None
                uow.commit()  # not an attempt: the portal's invitation is not here yet
                return False
        n.attempts += 1
        view = template_cases.effective(uow, n.template_key, n.channel, n.language)
        sender = drivers.sender(uow, n.channel)
        uow.commit()
    outcome_error, permanent, subject, body, provider_ref = "", False, "", "", ""
    try:
        if view is None:
            raise drivers.delivery_error(f"no {n.channel} template {n.template_key} in {n.language}", permanent=True)
        if sender is None:
            raise drivers.delivery_error(f"channel {n.channel} is not configured", permanent=True)
        ctx.setdefault("name", n.recipient_name)
        ctx.setdefault("isp_name", cfg.isp_name)
        ctx.setdefault("portal_url", cfg.portal_url)
        renderer = Renderer(n.language, cfg.timezone)
        try:
            subject, body = renderer.render(view.subject, ctx), renderer.render(view.body, ctx)
        except RenderError as exc:
            raise drivers.delivery_error(f"template error: {exc}", permanent=True) from None
        files = [(a["filename"], "application/pdf", drivers.invoice_pdf(a["invoice_id"], n.language))
                 for a in n.attachments if a.get("kind") == "invoice_pdf"]
        provider_ref = sender.send(drivers.outgoing(notification_id=n.id, channel=n.channel, to=n.recipient,
                                                    name=n.recipient_name, subject=subject, body=body,
                                                    attachments=files))
    except drivers.delivery_error as exc:
        outcome_error, permanent = exc.reason, exc.permanent
    except Exception as exc:  # an unexpected driver error: retry like a provider error
        log.exception("notification driver failed", notification_id=n.id)
        outcome_error = f"unexpected error: {exc!r}"
    with uow_factory() as uow:
        n = uow.notifications.get(notification_id)
        if not outcome_error:
            n.mark_sent(subject, body)
            uow.publish("notification_sent", events_pb2.NotificationSent(
                notification_id=n.id, event_id=n.event_id, channel=n.channel, recipient=n.recipient,
                template=n.template_key))
            log.info("notification sent", id=n.id, channel=n.channel, template=n.template_key, ref=provider_ref)
        else:
            n.subject, n.body = subject or n.subject, body or n.body
            final = n.mark_failed_attempt(outcome_error, permanent=permanent, max_attempts=cfg.max_attempts,
                                          base_seconds=cfg.retry_base_seconds)
            if final:
                uow.publish("notification_failed", events_pb2.NotificationFailed(
                    notification_id=n.id, event_id=n.event_id, channel=n.channel, recipient=n.recipient,
                    reason=n.reason))
            log.warning("notification attempt failed", id=n.id, channel=n.channel, attempt=n.attempts,
                        final=final, reason=outcome_error)
        uow.commit()
    return True
