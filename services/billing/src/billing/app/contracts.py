"""Customers and contracts: created from orders.contract_requested, activated by
network.connection_activated, additional services, pauses, signature, suspension state."""
from __future__ import annotations

import datetime as dt

from antena.billing.v1 import events_pb2
from antena_common import files
from antena_common.errors import Conflict, DomainError, FieldErrors, InvalidArgument, NotFound
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..domain import model
from ..domain.money import ZERO, check_currency, parse_amount, parse_period
from . import catalog as cat

SIGNATURE_WORDING = files.Wording(empty="is required", too_large="at most 2 MB", unsupported="must be a PNG or JPEG image")


def _customer_event(c: model.Customer):
    return events_pb2.CustomerCreated(customer_id=c.id, name=c.name, email=c.email, phone=c.phone,
                                      document=c.document)


def services_to_cut(uow, contract_id: str) -> list[str]:
    items = uow.contracts.items([contract_id]).get(contract_id, [])
    return ["internet"] + sorted({i.service for i in items if i.kind == "service" and i.cut_on_nonpayment})


def create_from_request(uow, msg) -> str:
    """Effect of orders.contract_requested inside the caller's uow: 'created', 'exists' or 'rejected'."""
    if not msg.contract_id:
        raise InvalidArgument("contract_id: required", field_errors={"contract_id": "required"})
    if uow.contracts.exists(msg.contract_id):
        return "exists"
    try:
        contract, items, discount_ids, customer, new_customer = _build(uow, msg)
    except DomainError as exc:
        uow.publish("contract_rejected", events_pb2.ContractRejected(
            contract_id=msg.contract_id, order_id=msg.order_id, reason=exc.detail, request_id=msg.request_id))
        return "rejected"
    if new_customer:
        uow.customers.add(customer)
        uow.publish("customer_created", _customer_event(customer))
    uow.contracts.add(contract, items, discount_ids)
    uow.publish("contract_created", events_pb2.ContractCreated(
        contract_id=contract.id, customer_id=customer.id, order_id=msg.order_id, plan_id=contract.plan_id,
        request_id=msg.request_id))
    return "created"


def _build(uow, msg):
    resolved, errors = cat.resolve_ids(uow, plan_id=msg.plan_id, recurring_item_ids=list(msg.recurring_item_ids),
                                       discount_ids=list(msg.discount_ids),
                                       billing_profile_id=msg.billing_profile_id, require_profile=True)
    fe = FieldErrors()
    for k, v in errors.items():
        fe.check(False, k, v)
    fee = ZERO
    if msg.installation_fee:
        try:
            fee = parse_amount(msg.installation_fee, "installation_fee")
        except InvalidArgument as exc:
            fe.check(False, "installation_fee", exc.field_errors["installation_fee"])
    fe.check(0 <= msg.installation_instalments <= 36, "installation_instalments", "must be between 0 and 36")
    currency = resolved.plan.currency if resolved.plan else ""
    if msg.currency:
        try:
            fe.check(check_currency(msg.currency) == currency or not currency, "currency",
                     f"differs from the plan's currency {currency}")
        except InvalidArgument as exc:
            fe.check(False, "currency", exc.field_errors["currency"])
    fe.raise_if_any()
    c = msg.customer
    customer = uow.customers.find_by(document=c.document, email=c.email)
    new_customer = customer is None
    if new_customer:
        address = {k: getattr(c.address, k) for k in ("street", "number", "city", "state", "neighbourhood",
                                                      "postal_code")}
        customer = model.Customer.register(name=c.name, currency=currency, document=c.document, email=c.email,
                                           phone=c.phone, fiscal_id=c.fiscal_id, address=address)
    elif customer.currency != currency:
        raise InvalidArgument(f"currency: customer {customer.id} is billed in {customer.currency}",
                              field_errors={"currency": "differs from the existing customer's currency"})
    contract = model.Contract(id=msg.contract_id, customer_id=customer.id, plan_id=resolved.plan.id,
                              billing_profile_id=resolved.profile.id, currency=currency, order_id=msg.order_id,
                              ticket_id=msg.ticket_id, request_id=msg.request_id, installation_fee=fee,
                              installation_instalments=msg.installation_instalments)
    items = [model.ContractItem(contract_id=contract.id, recurring_item_id=i.id,
                                kind="service" if i.service else "item", service=i.service)
             for i in resolved.items]
    return contract, items, [d.id for d in resolved.discounts], customer, new_customer


def connection_reserved(uow, contract_id: str, connection_id: str, billing_day: int) -> None:
    """network reserved the connection: remember its id and the zone's billing day (seed 004: the
    zone fixes the payment day; days past 28 are billed on the 28th)."""
    contract = uow.contracts.get(contract_id, lock=True)
    contract.connection_id = connection_id or contract.connection_id
    if billing_day > 0:
        contract.issue_day = min(billing_day, 28)
    uow.contracts.save(contract)


def activate(uow, contract_id: str, connection_id: str, activated_at: dt.datetime) -> list[dict]:
    """Effect of network.connection_activated: active contract, first invoices, contract_activated."""
    from . import invoicing

    contract = uow.contracts.get(contract_id, lock=True)
    profile = uow.billing_profiles.get(contract.billing_profile_id)
    if not contract.activate(activated_at, connection_id, profile.free_days):
        return []
    uow.contracts.save(contract)
    customer = uow.customers.get(contract.customer_id)
    rows = invoicing.first_invoices(uow, invoicing.load_snapshot(uow), contract, customer)
    uow.publish("contract_activated", events_pb2.ContractActivated(
        contract_id=contract.id, customer_id=customer.id, connection_id=contract.connection_id,
        activated_at=activated_at.isoformat(), customer_email=customer.email, customer_name=customer.name,
        ticket_id=contract.ticket_id))
    return rows


def suspend(uow, contract: model.Contract, customer: model.Customer, at: dt.datetime, reason: str) -> bool:
    if not contract.suspend(at):
        return False
    uow.contracts.save(contract)
    uow.publish("contract_suspension_due", events_pb2.ContractSuspensionDue(
        contract_id=contract.id, customer_id=customer.id, connection_id=contract.connection_id,
        services=services_to_cut(uow, contract.id), reason=reason, customer_email=customer.email,
        customer_name=customer.name))
    return True


def reactivate(uow, contract: model.Contract, customer: model.Customer) -> bool:
    if not contract.reactivate():
        return False
    uow.contracts.save(contract)
    uow.publish("contract_reactivation_due", events_pb2.ContractReactivationDue(
        contract_id=contract.id, customer_id=customer.id, connection_id=contract.connection_id,
        services=services_to_cut(uow, contract.id), customer_email=customer.email, customer_name=customer.name))
    return True


# ---- queries and commands from the API ----

def get_contract(uow, contract_id: str, *, customer_id: str = ""):
    with uow:
        c = uow.contracts.get(contract_id)
        if customer_id and c.customer_id != customer_id:
            raise NotFound(f"contract {contract_id} not found")
        return c, uow.contracts.items([c.id]).get(c.id, []), uow.contracts.discount_ids([c.id]).get(c.id, [])


def list_contracts(uow, *, state: str = "", customer_id: str = "", limit=None, cursor=None):
    if state and state not in model.CONTRACT_STATES:
        raise InvalidArgument("state: unknown", field_errors={"state": "must be " + ", ".join(model.CONTRACT_STATES)})
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.contracts.list(state=state, customer_id=customer_id, after_id=after[0] if after else None,
                                   limit=limit + 1)
        page = items[:limit]
        extra = uow.contracts.items([c.id for c in page]), uow.contracts.discount_ids([c.id for c in page])
    return page, extra, encode_cursor(items[limit - 1].id) if len(items) > limit else ""


def add_service(uow, *, contract_id: str, recurring_item_id: str, description: str, cut_on_nonpayment: bool):
    with uow:
        c = uow.contracts.get(contract_id, lock=True)
        if c.state == "terminated":
            raise Conflict(f"contract {contract_id} is terminated")
        item = uow.recurring_items.find([recurring_item_id]).get(recurring_item_id)
        if item is None or not item.active:
            raise InvalidArgument("recurring_item_id: unknown", field_errors={"recurring_item_id": "unknown item"})
        if not item.service:
            raise InvalidArgument("recurring_item_id: not an additional service",
                                  field_errors={"recurring_item_id": "the catalog item is not telephony or tv"})
        if item.currency != c.currency:
            raise InvalidArgument("recurring_item_id: other currency",
                                  field_errors={"recurring_item_id": f"priced in {item.currency}, not {c.currency}"})
        uow.contracts.add_item(model.ContractItem(contract_id=c.id, recurring_item_id=item.id, kind="service",
                                                  service=item.service, description=(description or "")[:200],
                                                  cut_on_nonpayment=cut_on_nonpayment))
        uow.commit()
    return get_contract(uow, contract_id)


def pause(uow, *, contract_id: str, from_period: str, until_period: str):
    if from_period or until_period:
        parse_period(from_period, "from_period")
        parse_period(until_period, "until_period")
        if until_period < from_period:
            raise InvalidArgument("until_period: before from_period",
                                  field_errors={"until_period": "must not be before from_period"})
    with uow:
        c = uow.contracts.get(contract_id, lock=True)
        c.paused_from, c.paused_until = from_period or None, until_period or None
        uow.contracts.save(c)
        uow.commit()
    return get_contract(uow, contract_id)


def terminate(uow, *, contract_id: str, end_date: dt.date):
    with uow:
        c = uow.contracts.get(contract_id, lock=True)
        if c.terminate(end_date):
            uow.contracts.save(c)
            uow.publish("contract_terminated", events_pb2.ContractTerminated(
                contract_id=c.id, customer_id=c.customer_id, connection_id=c.connection_id))
            uow.commit()
    return get_contract(uow, contract_id)


def store_signature(uow, *, contract_id: str, image: bytes, content_type: str, signer_name: str,
                    customer_id: str = ""):
    kind = files.check_upload(image, max_bytes=2_000_000, allowed=files.IMAGES, field="image", wording=SIGNATURE_WORDING)
    with uow:
        c = uow.contracts.get(contract_id, lock=True)
        if customer_id and c.customer_id != customer_id:
            raise NotFound(f"contract {contract_id} not found")
        uow.contracts.store_signature(c.id, image, kind.content_type, (signer_name or "")[:200], model.now())
        uow.commit()
    return get_contract(uow, contract_id)


def get_customer(uow, customer_id: str):
    with uow:
        c = uow.customers.get(customer_id)
        return c, uow.customers.open_balance(c.id)


def get_customer_by_email(uow, email: str):
    email = (email or "").strip().lower()
    if not email:
        raise InvalidArgument("email: required", field_errors={"email": "is required"})
    with uow:
        c = uow.customers.find_by(email=email)
        if c is None:
            raise NotFound("no customer with that e-mail")
        return c, uow.customers.open_balance(c.id)


def list_customers(uow, *, q: str = "", limit=None, cursor=None):
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.customers.list(q=q, after_id=after[0] if after else None, limit=limit + 1)
        page = items[:limit]
        balances = {c.id: uow.customers.open_balance(c.id) for c in page}
    return page, balances, encode_cursor(items[limit - 1].id) if len(items) > limit else ""


# ---- attachments ----

def add_attachment(uow, *, contract_id: str, filename: str, content: bytes, max_bytes: int,
                   uploaded_by: str = "") -> model.ContractAttachment:
    attachment = model.ContractAttachment.accept(contract_id=contract_id, filename=filename, content=content,
                                                 max_bytes=max_bytes, uploaded_by=uploaded_by)
    with uow:
        uow.contracts.get(contract_id)  # NotFound for an unknown contract
        uow.contracts.add_attachment(attachment, content)
        uow.commit()
    return attachment


def list_attachments(uow, contract_id: str) -> list[model.ContractAttachment]:
    with uow:
        uow.contracts.get(contract_id)
        return uow.contracts.attachments(contract_id)


def get_attachment(uow, contract_id: str, attachment_id: str) -> tuple[model.ContractAttachment, bytes]:
    with uow:
        return uow.contracts.attachment(contract_id, attachment_id)
