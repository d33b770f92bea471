"""Event handlers: each event this service consumes, named for what it handles."""
from __future__ import annotations

from antena_common.bus import Subscription
from antena_common.events import payload_dict

from ..app import notify

CONSUMER = "notifications"


def handle_notifiable(uow_factory, config_fn):
    """Any event with templates: plan its notifications (idempotent by event id and unique key)."""

    def handle(envelope, msg) -> None:
        with uow_factory() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
            notify.plan(uow, event_id=envelope.event_id, event_type=envelope.type, payload=payload_dict(msg),
                        cfg=config_fn(uow))
            uow.commit()

    return handle


def handle_customer_created(uow_factory):
    def handle(envelope, msg) -> None:
        with uow_factory() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
            uow.contacts.put(msg.customer_id, name=msg.name, email=msg.email, phone=msg.phone)
            uow.commit()

    return handle


def handle_customer_invited(uow_factory):
    def handle(envelope, msg) -> None:
        with uow_factory() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
            uow.invitations.put(msg.customer_id, invitation_url=msg.invitation_url, login_url=msg.login_url)
            uow.commit()

    return handle


def subscriptions(uow_factory, config_fn) -> list[Subscription]:
    subs = [Subscription(t, handle_notifiable(uow_factory, config_fn)) for t in notify.known_event_types()]
    subs.append(Subscription("billing.customer_created", handle_customer_created(uow_factory)))
    subs.append(Subscription("portal.customer_invited", handle_customer_invited(uow_factory)))
    return subs
