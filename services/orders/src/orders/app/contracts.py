"""Contract from an installation order: request it from billing and network, follow their answers."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from antena.common.v1 import common_pb2
from antena.orders.v1 import events_pb2
from antena_common.errors import FieldErrors
from antena_common.ids import new_id
from antena_common.logs import get_logger

from ..domain import model
from ..domain.model import Actor
from .common import address_to_pb

log = get_logger("antena.orders")
MODES = ("pppoe", "static", "dhcp")


@dataclass(frozen=True)
class ContractRequest:
    billing_profile_id: str
    customer: dict
    connection: dict
    installation_fee: str = ""
    installation_instalments: int = 0
    currency: str = ""


def _validate(cmd: ContractRequest, billing) -> None:
    errors = FieldErrors()
    c, n = cmd.customer, cmd.connection
    errors.check(bool(cmd.billing_profile_id.strip()), "billing_profile_id", "is required")
    errors.check(bool(c.get("name", "").strip()), "customer.name", "is required")
    errors.check(len(c.get("name", "")) <= 200, "customer.name", "at most 200 characters")
    errors.check(bool(c.get("document", "").strip()), "customer.document", "is required")
    email = c.get("email", "").strip()
    errors.check(not email or bool(model.EMAIL_RE.match(email)), "customer.email", "is not an e-mail address")
    errors.check(len(c.get("phone", "")) <= 40, "customer.phone", "at most 40 characters")
    errors.check(bool(n.get("zone_id", "").strip()), "connection.zone_id", "is required")
    for key, limit in (("billing_profile_id", 36),):
        errors.check(len(cmd.billing_profile_id) <= limit, key, f"at most {limit} characters")
    for key, limit in (("document", 40), ("email", 254), ("fiscal_id", 40)):
        errors.check(len(c.get(key, "")) <= limit, f"customer.{key}", f"at most {limit} characters")
    for key, limit in (("zone_id", 36), ("nap_box_id", 36), ("cpe_mac", 17), ("ip", 45)):
        errors.check(len(str(n.get(key, ""))) <= limit, f"connection.{key}", f"at most {limit} characters")
    errors.check(n.get("mode", "") in MODES, "connection.mode", "one of " + ", ".join(MODES))
    ip = n.get("ip", "").strip()
    if ip:
        try:
            ipaddress.IPv4Address(ip)
        except ValueError:
            errors.check(False, "connection.ip", "an IPv4 address")
    errors.check(0 <= int(n.get("nap_port", 0) or 0) <= 1024, "connection.nap_port", "between 0 (any free) and 1024")
    errors.check(not n.get("nap_port") or bool(n.get("nap_box_id")), "connection.nap_box_id",
                 "required when nap_port is given")
    if cmd.installation_fee:
        try:
            fee = Decimal(cmd.installation_fee)
            errors.check(fee.is_finite() and fee >= 0, "installation_fee", "a decimal amount, zero or more")
        except InvalidOperation:
            errors.check(False, "installation_fee", "a decimal amount like \"15000.00\"")
    errors.check(0 <= cmd.installation_instalments <= 36, "installation_instalments", "between 0 and 36")
    errors.check(not cmd.currency or (len(cmd.currency) == 3 and cmd.currency.isalpha()), "currency",
                 "an ISO 4217 code like ARS")
    errors.raise_if_any()
    if billing is not None and billing.billing_profile_exists(cmd.billing_profile_id.strip()) is False:
        errors.check(False, "billing_profile_id", "no such billing profile")
        errors.raise_if_any()


def request_contract(uow, billing, order_id: str, cmd: ContractRequest, actor: Actor) -> model.Order:
    _validate(cmd, billing)
    c, n = cmd.customer, cmd.connection
    with uow:
        order = uow.orders.get(order_id, for_update=True)
        request_id, contract_id = new_id(), new_id()
        data = {"billing_profile_id": cmd.billing_profile_id.strip(), "customer": c, "connection": n,
                "installation_fee": cmd.installation_fee, "installation_instalments": cmd.installation_instalments,
                "currency": cmd.currency.upper()}
        order.request_contract(request_id=request_id, contract_id=contract_id, data=data, actor=actor)
        if not order.zone_id:
            order.zone_id = n["zone_id"].strip()
        location = common_pb2.GeoPoint(lat=order.lat, lon=order.lon) if order.location else None
        uow.publish("contract_requested", events_pb2.ContractRequested(
            request_id=request_id, order_id=order.id, ticket_id=order.ticket_id, contract_id=contract_id,
            billing_profile_id=data["billing_profile_id"],
            customer=events_pb2.ContractCustomer(
                name=c["name"].strip(), document=c["document"].strip(), email=c.get("email", "").strip().lower(),
                phone=c.get("phone", "").strip(), fiscal_id=c.get("fiscal_id", "").strip(),
                address=address_to_pb(order.address or {})),
            connection=events_pb2.ContractConnection(
                zone_id=n["zone_id"].strip(), mode=n["mode"], ip=n.get("ip", "").strip(),
                nap_box_id=n.get("nap_box_id", "").strip(), nap_port=int(n.get("nap_port", 0) or 0),
                cpe_mac=n.get("cpe_mac", "").strip().upper(), location=location),
            plan_id=order.plan_id, recurring_item_ids=list(order.recurring_item_ids),
            discount_ids=list(order.discount_ids), installation_fee=cmd.installation_fee,
            installation_instalments=cmd.installation_instalments, currency=data["currency"]))
        uow.commit()
    return order


def _answer(uow_factory, consumer: str, event_id: str, *, request_id: str, contract_id: str, order_id: str, apply) -> None:
    with uow_factory() as uow:
        if uow.already_processed(consumer, event_id):
            return
        order = uow.orders.by_contract_request(request_id, contract_id, order_id)
        if order is None or not order.contract_answer_applies(request_id, contract_id):
            # a contract that did not come from one of our orders, or an answer to an older request
            log.info("contract answer for no current order request", order_id=order_id, contract_id=contract_id)
        else:
            apply(order)
        uow.commit()


def contract_created(uow_factory, consumer, event_id, msg) -> None:
    _answer(uow_factory, consumer, event_id, request_id=msg.request_id, contract_id=msg.contract_id,
            order_id=msg.order_id, apply=lambda o: o.billing_created(msg.customer_id))


def contract_rejected(uow_factory, consumer, event_id, msg) -> None:
    _answer(uow_factory, consumer, event_id, request_id=msg.request_id, contract_id=msg.contract_id,
            order_id=msg.order_id, apply=lambda o: o.contract_rejected("billing", msg.reason))


def connection_reserved(uow_factory, consumer, event_id, msg) -> None:
    _answer(uow_factory, consumer, event_id, request_id=msg.request_id, contract_id=msg.contract_id,
            order_id=msg.order_id,
            apply=lambda o: o.network_reserved(msg.connection_id, msg.pppoe_username, msg.wifi_ssid, msg.wifi_password))


def connection_rejected(uow_factory, consumer, event_id, msg) -> None:
    _answer(uow_factory, consumer, event_id, request_id=msg.request_id, contract_id=msg.contract_id,
            order_id=msg.order_id, apply=lambda o: o.contract_rejected("network", msg.reason))
