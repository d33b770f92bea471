"""From an event to the notifications it causes: who gets what, on which
channel, in which language. Sending happens later (dispatch.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain import defaults, model
from . import templates as template_cases


@dataclass(frozen=True)
class Recipient:
    template_key: str
    name: str
    email: str
    phone: str
    customer_id: str = ""
    audience: str = "customer"


@dataclass(frozen=True)
class Config:
    """What planning needs from the settings."""

    isp_email: str = ""
    default_language: str = "es"
    invitation_wait_seconds: float = 120
    channels_enabled: frozenset = frozenset({"email"})


def _customer_fields(p: dict) -> tuple[str, str, str]:
    return (p.get("customer_name", ""), p.get("customer_email", ""), p.get("customer_phone", ""))


def recipients_for(event_type: str, p: dict, cfg: Config) -> list[Recipient]:
    if event_type == "sales.ticket_created":
        if p.get("source") == "portal":  # the portal's own confirmation (installation_requested) says it
            return []
        return [Recipient(event_type, p.get("lead_name", ""), p.get("lead_email", ""), p.get("lead_phone", ""))]
    if event_type == "orders.order_scheduled":
        name, email, phone = _customer_fields(p)
        return [Recipient(event_type, name, email, phone)]
    if event_type.startswith("billing."):
        name, email, phone = _customer_fields(p)
        return [Recipient(event_type, name, email, phone, p.get("customer_id", ""))]
    if event_type == "portal.installation_requested":
        out = [Recipient(event_type, p.get("name", ""), p.get("email", ""), p.get("phone", ""))]
        if cfg.isp_email:
            out.append(Recipient(event_type + ".isp", "", cfg.isp_email, "", audience="isp"))
        return out
    if event_type in ("orders.support_ticket_opened", "orders.support_ticket_updated"):
        return [Recipient(event_type, "", p.get("customer_email", ""), "", p.get("customer_id", ""))]
    if event_type in ("portal.contract_signing_requested", "portal.sheet_signing_requested"):
        return [Recipient(event_type, p.get("name", ""), p.get("email", ""), "", p.get("customer_id", ""))]
    if event_type == "portal.password_reset_requested":
        return [Recipient(event_type, p.get("name", ""), p.get("email", ""), "", p.get("customer_id", ""))]
    return []


def _address(channel: str, r: Recipient) -> str:
    if channel == "email":
        email = (r.email or "").strip().lower()
        return email if model.valid_email(email) else ""
    return model.normalize_phone(r.phone)


def plan(uow, *, event_id: str, event_type: str, payload: dict, cfg: Config) -> list[model.Notification]:
    """Add the notifications an event causes to the open unit of work (not committed)."""
    made = []
    for r in recipients_for(event_type, payload, cfg):
        contact = uow.contacts.get(r.customer_id) if r.customer_id else None
        if contact:  # fill what the event lacks from our copy of billing's customer
            r = Recipient(r.template_key, r.name or contact["name"], r.email or contact["email"],
                          r.phone or contact["phone"], r.customer_id, r.audience)
        prefs = uow.preferences.find(r.customer_id) if r.audience == "customer" else None
        language = prefs.language if prefs else cfg.default_language
        for channel in model.CHANNELS:
            if channel not in cfg.channels_enabled:
                continue
            to = _address(channel, r)
            if not to:
                continue
            if template_cases.effective(uow, r.template_key, channel, language) is None:
                continue
            if uow.notifications.exists(event_id, r.template_key, channel, to):
                continue
            n = model.Notification(event_id=event_id, event_type=event_type, template_key=r.template_key,
                                   channel=channel, recipient=to, language=language, recipient_name=r.name,
                                   customer_id=r.customer_id, context=dict(payload))
            if prefs is not None and not prefs.allows(channel):
                n.status, n.reason = model.SKIPPED, ("customer opted out" if prefs.opted_out
                                                     else f"customer turned {channel} off")
            if event_type == "billing.invoice_issued" and channel == "email" and payload.get("invoice_id"):
                n.attachments = [{"kind": "invoice_pdf", "invoice_id": payload["invoice_id"],
                                  "filename": f"factura-{payload.get('number') or payload['invoice_id']}.pdf"}]
            if event_type == "billing.contract_activated" and r.customer_id:
                n.wait_for = "invitation_url"
                n.wait_until = model.now() + dt.timedelta(seconds=cfg.invitation_wait_seconds)
            uow.notifications.add(n)
            made.append(n)
    return made


def known_event_types() -> list[str]:
    return sorted({s.event_type for s in defaults.SPECS})


def send_by_hand(uow, *, template: str, channel: str, language: str, recipient: str, name: str = "",
                 customer_id: str = "", data_json: str = "", request_id: str = "", isp_name: str = "",
                 portal_url: str = "") -> model.Notification:
    """Queue one message to one recipient (staff: try a template or a channel)."""
    import json

    from antena_common.errors import InvalidArgument, NotFound
    from antena_common.ids import new_id

    model.check_channel(channel)
    model.check_language(language)
    spec = defaults.BY_KEY.get(template)
    if spec is None:
        raise NotFound(f"no template key {template!r}")
    to = _address(channel, Recipient(template, name, recipient, recipient))
    if not to:
        what = "an e-mail address" if channel == "email" else "a phone number"
        raise InvalidArgument(f"recipient: {what}", field_errors={"recipient": f"must be {what}"})
    try:
        data = json.loads(data_json) if data_json else {}
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise InvalidArgument("data: a JSON object", field_errors={"data": "must be a JSON object"})
    context = {**template_cases.sample_context(spec, isp_name, portal_url), **data}
    context.pop("isp_name", None), context.pop("portal_url", None)
    if name:
        context["name"] = name
    event_id = request_id.strip()[:36] or new_id()
    with uow:
        if template_cases.effective(uow, template, channel, language) is None:
            raise NotFound(f"no {channel} template {template} in {language}")
        if uow.notifications.exists(event_id, template, channel, to):
            found = uow.notifications.list(event_id=event_id, limit=1)
            return found[0]
        n = model.Notification(event_id=event_id, event_type="manual", template_key=template, channel=channel,
                               recipient=to, language=language, recipient_name=name, customer_id=customer_id,
                               context=context)
        prefs = uow.preferences.find(customer_id) if customer_id else None
        if prefs is not None and not prefs.allows(channel):
            n.status, n.reason = model.SKIPPED, "customer opted out" if prefs.opted_out else f"customer turned {channel} off"
        uow.notifications.add(n)
        uow.commit()
    return n
