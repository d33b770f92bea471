"""Event handlers: each event this service consumes, named for what it handles."""
from __future__ import annotations

import datetime as dt

import grpc

from antena.billing.v1 import billing_pb2
from antena_common.bus import Retryable, Subscription

from ..app import accounts, signing

CONSUMER = "portal"


def handle_contract_activated(uow_factory, links, settings):
    """Invite the customer to the portal (welcome e-mail carries the link)."""

    def handle(envelope, msg) -> None:
        with uow_factory() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
            accounts.invite_customer(uow, customer_id=msg.customer_id, contract_id=msg.contract_id,
                                     email=msg.customer_email, name=msg.customer_name, links=links,
                                     ttl=dt.timedelta(days=settings.invitation_days))
            uow.commit()

    return handle


def handle_contract_created(uow_factory, clients, links, settings):
    """A pending contract: a signing link for the customer."""

    def handle(envelope, msg) -> None:
        with uow_factory() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
        try:
            customer = clients.billing.GetCustomer(billing_pb2.GetByIdRequest(id=msg.customer_id), timeout=10)
        except grpc.RpcError as exc:
            if exc.code() == grpc.StatusCode.NOT_FOUND:
                raise Retryable(f"customer {msg.customer_id} not visible in billing yet") from None
            raise Retryable(f"billing unavailable: {exc.code().name}") from None
        with uow_factory() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
            signing.create_contract_link(uow, contract_id=msg.contract_id, customer_id=msg.customer_id,
                                         email=customer.email, name=customer.name, links=links,
                                         ttl=dt.timedelta(days=settings.signing_days))
            uow.commit()

    return handle


def handle_order_scheduled(uow_factory, links, settings):
    """An installation visit on the calendar: a link for the customer to sign its sheet."""

    def handle(envelope, msg) -> None:
        if msg.kind != "installation":
            return
        with uow_factory() as uow:
            if uow.already_processed(CONSUMER, envelope.event_id):
                return
            signing.create_sheet_link(uow, order_id=msg.order_id, contract_id=msg.contract_id,
                                      email=msg.customer_email, name=msg.customer_name,
                                      scheduled_start=msg.scheduled_start, links=links,
                                      ttl=dt.timedelta(days=settings.signing_days))
            uow.commit()

    return handle


def subscriptions(uow_factory, clients, links, settings) -> list[Subscription]:
    return [
        Subscription("billing.contract_activated", handle_contract_activated(uow_factory, links, settings)),
        Subscription("billing.contract_created", handle_contract_created(uow_factory, clients, links, settings)),
        Subscription("orders.order_scheduled", handle_order_scheduled(uow_factory, links, settings)),
    ]
