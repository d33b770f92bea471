"""Event handlers: each event this service consumes, named for what it handles."""
from __future__ import annotations

from antena.sales.v1 import events_pb2 as sales_events
from antena_common.bus import Subscription

from ..app import contracts
from ..app import orders as order_cases
from .convert import address_from_pb

CONSUMER = "orders"


def handle_order_requested(uow_factory):
    def handle(envelope, msg: sales_events.OrderRequested) -> None:
        has_location = msg.HasField("location") and (msg.location.lat or msg.location.lon)
        order_cases.open_order_from_sales(uow_factory(), order_cases.OpenOrderFromSales(
            request_id=msg.request_id, ticket_id=msg.ticket_id, kind=msg.kind, lead_id=msg.lead_id,
            prospect_id=msg.prospect_id, customer_name=msg.customer_name, customer_document=msg.customer_document,
            customer_phone=msg.customer_phone, customer_email=msg.customer_email,
            address=address_from_pb(msg.address), lat=msg.location.lat if has_location else None,
            lon=msg.location.lon if has_location else None, plan_id=msg.plan_id,
            recurring_item_ids=tuple(msg.recurring_item_ids), discount_ids=tuple(msg.discount_ids), notes=msg.notes,
        ), consumer=CONSUMER, event_id=envelope.event_id)
    return handle


def _contract_answer(uow_factory, use_case):
    def handle(envelope, msg) -> None:
        use_case(uow_factory, CONSUMER, envelope.event_id, msg)
    return handle


def subscriptions(uow_factory) -> list[Subscription]:
    return [
        Subscription("sales.order_requested", handle_order_requested(uow_factory)),
        Subscription("billing.contract_created", _contract_answer(uow_factory, contracts.contract_created)),
        Subscription("billing.contract_rejected", _contract_answer(uow_factory, contracts.contract_rejected)),
        Subscription("network.connection_reserved", _contract_answer(uow_factory, contracts.connection_reserved)),
        Subscription("network.connection_rejected", _contract_answer(uow_factory, contracts.connection_rejected)),
    ]
