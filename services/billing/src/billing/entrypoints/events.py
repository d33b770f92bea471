"""Event handlers: each event this service consumes, named for what it handles."""
from __future__ import annotations

import datetime as dt

from antena_common.bus import Retryable, Subscription
from antena_common.errors import NotFound

from ..app import contracts

CONSUMER = "billing"


def handle_contract_requested(uow_factory):
    def handle(envelope, msg) -> None:
        with uow_factory() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
            contracts.create_from_request(uow, msg)
            uow.commit()
    return handle


def _parse_ts(text: str) -> dt.datetime:
    try:
        at = dt.datetime.fromisoformat(text) if text else dt.datetime.now(dt.timezone.utc)
    except ValueError:
        at = dt.datetime.now(dt.timezone.utc)
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    return at.astimezone(dt.timezone.utc)


def handle_connection_activated(uow_factory):
    def handle(envelope, msg) -> None:
        with uow_factory() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
            try:
                contracts.activate(uow, msg.contract_id, msg.connection_id, _parse_ts(msg.activated_at))
            except NotFound:
                # the contract may not be here yet (its request is still on the way): try again later
                raise Retryable(f"contract {msg.contract_id} not known yet") from None
            uow.commit()
    return handle


def handle_connection_reserved(uow_factory):
    def handle(envelope, msg) -> None:
        with uow_factory() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
            try:
                contracts.connection_reserved(uow, msg.contract_id, msg.connection_id, msg.billing_day)
            except NotFound:
                raise Retryable(f"contract {msg.contract_id} not known yet") from None
            uow.commit()
    return handle


def subscriptions(uow_factory) -> list[Subscription]:
    return [
        Subscription("network.connection_reserved", handle_connection_reserved(uow_factory)),
        Subscription("orders.contract_requested", handle_contract_requested(uow_factory)),
        Subscription("network.connection_activated", handle_connection_activated(uow_factory)),
    ]
