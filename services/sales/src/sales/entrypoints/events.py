"""Event handlers: each event this service consumes, named for what it handles."""
from __future__ import annotations

from antena_common.bus import Subscription

from ..app import tickets

CONSUMER = tickets.CONSUMER


def _handler(use_case, uow_factory):
    def handle(envelope, msg) -> None:
        use_case(uow_factory(), envelope.event_id, msg)

    handle.__name__ = f"handle_{use_case.__name__.removeprefix('on_')}"
    return handle


def handle_order_created(uow_factory):
    return _handler(tickets.on_order_created, uow_factory)


def handle_order_scheduled(uow_factory):
    return _handler(tickets.on_order_scheduled, uow_factory)


def handle_order_failed(uow_factory):
    return _handler(tickets.on_order_failed, uow_factory)


def handle_order_completed(uow_factory):
    return _handler(tickets.on_order_completed, uow_factory)


def handle_order_cancelled(uow_factory):
    return _handler(tickets.on_order_cancelled, uow_factory)


def handle_contract_activated(uow_factory):
    return _handler(tickets.on_contract_activated, uow_factory)


def subscriptions(uow_factory) -> list[Subscription]:
    return [
        Subscription("orders.order_created", handle_order_created(uow_factory)),
        Subscription("orders.order_scheduled", handle_order_scheduled(uow_factory)),
        Subscription("orders.order_failed", handle_order_failed(uow_factory)),
        Subscription("orders.order_completed", handle_order_completed(uow_factory)),
        Subscription("orders.order_cancelled", handle_order_cancelled(uow_factory)),
        Subscription("billing.contract_activated", handle_contract_activated(uow_factory)),
    ]
