"""The customer's account: payments, allocation to the oldest open invoices, credit balance,
credit notes, and the reactivation that follows a cleared debt."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.exc import IntegrityError

from antena.billing.v1 import events_pb2
from antena_common.errors import Conflict, FieldErrors, InvalidArgument
from antena_common.ids import new_id
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..adapters import orm
from ..domain import model, pricing
from ..domain.money import ZERO, check_currency, fmt, parse_amount, q
from . import contracts as contract_cases

CREDIT_NOTE_SERIES = "NC"


def _settle(uow, inv: model.Invoice, amount: Decimal) -> Decimal:
    new_balance = inv.balance - amount
    uow.invoices.set_balance(inv.id, new_balance, "paid" if new_balance == 0 else inv.state)
    return new_balance


def _early_payment_discount(uow, inv: model.Invoice, paid_at: dt.datetime, available: Decimal) -> Decimal:
    """"Pronto pago": an untouched invoice paid in full within the profile's days gets the percent off,
    as a credit note. Returns the discount granted (0 when it does not apply)."""
    if inv.kind != "service" or inv.balance != inv.total or not inv.contract_id:
        return ZERO
    contract = uow.contracts.get(inv.contract_id)
    profile = uow.billing_profiles.get(contract.billing_profile_id)
    if profile.early_payment_percent <= 0 or paid_at.date() > inv.issue_date + dt.timedelta(days=profile.early_payment_days):
        return ZERO
    discount = q(inv.total * profile.early_payment_percent / 100)
    if discount <= 0 or available < inv.balance - discount:
        return ZERO
    _credit_note(uow, inv, discount, f"Pronto pago {fmt(profile.early_payment_percent)}%", at=paid_at)
    return discount


def _allocate(uow, customer: model.Customer, amount: Decimal, *, payment_id: str | None,
              paid_at: dt.datetime) -> tuple[list[tuple[str, str, Decimal]], Decimal]:
    invoices = uow.invoices.open_for_customer(customer.id, customer.currency)
    left = amount
    done, rows = [], []
    for inv in invoices:
        if left <= 0:
            break
        if payment_id:
            inv.balance -= _early_payment_discount(uow, inv, paid_at, left)
            if inv.balance == 0:
                uow.invoices.set_balance(inv.id, ZERO, "paid")
                continue
        applied, _ = pricing.allocate(left, [(inv.id, inv.balance)])
        if not applied:
            continue
        take = applied[0][1]
        _settle(uow, inv, take)
        left -= take
        done.append((inv.id, inv.number, take))
        rows.append({"payment_id": payment_id, "invoice_id": inv.id, "source": "payment" if payment_id else "credit",
                     "amount": take, "created_at": model.now()})
    uow.invoices.add_allocations(rows)
    return done, left


def apply_credit(uow, customer: model.Customer) -> None:
    """Use the customer's credit balance on open invoices (inside the caller's transaction)."""
    fresh = uow.customers.get(customer.id, lock=True)
    if fresh.credit <= 0:
        return
    _, left = _allocate(uow, fresh, fresh.credit, payment_id=None, paid_at=model.now())
    uow.customers.set_credit(fresh.id, left)
    customer.credit = left
    _reactivate_cleared(uow, fresh)


def _reactivate_cleared(uow, customer: model.Customer) -> None:
    for c in uow.contracts.list(customer_id=customer.id, state="suspended", limit=1000):
        if not uow.invoices.has_overdue_service_debt(c.id):
            contract_cases.reactivate(uow, c, customer)


@dataclass(frozen=True)
class RecordPayment:
    customer_id: str
    amount: str
    currency: str
    method: str
    channel: str = ""
    external_ref: str = ""
    paid_at: str = ""


def _parse_payment(cmd: RecordPayment) -> tuple[Decimal, str, dt.datetime]:
    errors = FieldErrors()
    amount = ZERO
    try:
        amount = parse_amount(cmd.amount, "amount", allow_zero=False)
    except InvalidArgument as exc:
        errors.check(False, "amount", exc.field_errors["amount"])
    try:
        currency = check_currency(cmd.currency)
    except InvalidArgument as exc:
        errors.check(False, "currency", exc.field_errors["currency"])
        currency = ""
    errors.check(cmd.method in model.PAYMENT_METHODS, "method", "must be cash, transfer, card or gateway")
    errors.check(len(cmd.external_ref or "") <= 200, "external_ref", "at most 200 characters")
    errors.check(len(cmd.channel or "") <= 40, "channel", "at most 40 characters")
    paid_at = model.now()
    if cmd.paid_at:
        try:
            paid_at = dt.datetime.fromisoformat(cmd.paid_at)
            if paid_at.tzinfo is None:
                errors.check(False, "paid_at", "needs a UTC offset")
        except ValueError:
            errors.check(False, "paid_at", "must be an ISO 8601 timestamp with offset")
    errors.raise_if_any()
    return amount, currency, paid_at.astimezone(dt.timezone.utc)


def record_payment(uow_factory, cmd: RecordPayment) -> model.Payment:
    """Record a payment once per external_ref and allocate it. Concurrent deliveries of the same
    external_ref: the unique key lets one insert win; the others return that payment (duplicate=True)."""
    amount, currency, paid_at = _parse_payment(cmd)
    ref = (cmd.external_ref or "").strip() or None
    for _ in range(3):
        try:
            return _record(uow_factory(), cmd, amount, currency, paid_at, ref)
        except IntegrityError:
            continue  # lost the race on external_ref: the next attempt finds the winner
    raise Conflict("payment could not be recorded, try again")


def _record(uow, cmd, amount, currency, paid_at, ref) -> model.Payment:
    with uow:
        if ref:
            existing = uow.payments.by_external_ref(ref)
            if existing:
                if existing.customer_id != cmd.customer_id or existing.amount != amount:
                    raise Conflict(f"external_ref {ref} was already used for another payment",
                                   field_errors={"external_ref": "already recorded with other data"})
                existing.duplicate = True
                return existing
        customer = uow.customers.get(cmd.customer_id, lock=True)
        if currency != customer.currency:
            raise InvalidArgument(f"currency: the customer is billed in {customer.currency}",
                                  field_errors={"currency": f"must be {customer.currency}, the customer's currency"})
        payment = model.Payment(customer_id=customer.id, amount=amount, currency=currency, method=cmd.method,
                                channel=(cmd.channel or "").strip(), external_ref=ref, paid_at=paid_at)
        uow.payments.add(payment)
        uow.flush()  # the external_ref unique key is checked here
        done, left = _allocate(uow, customer, amount, payment_id=payment.id, paid_at=paid_at)
        payment.allocations = done
        payment.unallocated = left
        uow.session.execute(orm.payments.update().where(orm.payments.c.id == payment.id).values(unallocated=left))
        if left > 0:
            uow.customers.set_credit(customer.id, customer.credit + left)
        uow.publish("payment_received", events_pb2.PaymentReceived(
            payment_id=payment.id, customer_id=customer.id, amount=fmt(amount), currency=currency,
            method=payment.method, channel=payment.channel, external_ref=ref or "", paid_at=paid_at.isoformat(),
            customer_email=customer.email, customer_name=customer.name))
        _reactivate_cleared(uow, customer)
        uow.commit()
    return payment


def list_payments(uow, *, customer_id: str = "", limit=None, cursor=None):
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.payments.list(customer_id=customer_id, after_id=after[0] if after else None, limit=limit + 1)
    return items[:limit], encode_cursor(items[limit - 1].id) if len(items) > limit else ""


# ---- credit notes ----

def _credit_note(uow, inv: model.Invoice, amount: Decimal, reason: str, at: dt.datetime | None = None) -> dict:
    seq = uow.invoices.next_numbers(CREDIT_NOTE_SERIES, 1)
    row = {"id": new_id(), "series": CREDIT_NOTE_SERIES, "seq": seq,
           "number": model.invoice_number(CREDIT_NOTE_SERIES, seq), "invoice_id": inv.id,
           "customer_id": inv.customer_id, "amount": amount, "currency": inv.currency, "reason": reason[:500],
           "created_at": at or model.now()}
    uow.session.execute(orm.credit_notes.insert().values(**row))
    new_balance = inv.balance - amount
    state = inv.state
    if new_balance == 0:
        state = "void" if amount == inv.total else "paid"
    uow.invoices.set_balance(inv.id, new_balance, state)
    return row


def create_credit_note(uow, *, invoice_id: str, amount: str, reason: str) -> dict:
    with uow:
        inv = uow.invoices.get(invoice_id, with_lines=False, lock=True)
        if inv.state == "void" or inv.balance <= 0:
            raise Conflict(f"invoice {inv.number} has no open balance to credit")
        value = inv.balance if not (amount or "").strip() else parse_amount(amount, "amount", allow_zero=False)
        if value > inv.balance:
            raise InvalidArgument("amount: more than the invoice's open balance",
                                  field_errors={"amount": f"at most {fmt(inv.balance)}"})
        row = _credit_note(uow, inv, value, reason or "Nota de crédito")
        customer = uow.customers.get(inv.customer_id)
        _reactivate_cleared(uow, customer)
        uow.commit()
    return row
