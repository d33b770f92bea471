"""The catalog: plans, recurring items, discounts/promotions, billing profiles, tax rates."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from antena_common.errors import FieldErrors
from antena_common.ids import new_id

from .money import CURRENCIES, ZERO

PERIODS = ("monthly", "yearly")
DISCOUNT_KINDS = ("percent", "amount")
FEE_KINDS = ("percent", "amount")
SERVICE_KINDS = ("", "telephony", "tv")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _name(errors: FieldErrors, name: str) -> str:
    name = (name or "").strip()
    errors.check(bool(name), "name", "is required")
    errors.check(len(name) <= 200, "name", "at most 200 characters")
    return name


def _currency(errors: FieldErrors, code: str, field: str = "currency") -> str:
    code = (code or "").strip().upper()
    errors.check(code in CURRENCIES, field, "unknown or unsupported ISO 4217 currency code")
    return code


@dataclass
class TaxRate:
    name: str
    rate: Decimal          # percent
    inclusive: bool = False
    is_default: bool = False
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def create(cls, *, name: str, rate: Decimal, inclusive: bool, is_default: bool) -> "TaxRate":
        errors = FieldErrors()
        name = _name(errors, name)
        errors.check(Decimal(0) <= rate <= Decimal(100), "rate", "must be a percent between 0 and 100")
        errors.raise_if_any()
        return cls(name=name, rate=rate, inclusive=inclusive, is_default=is_default)


@dataclass
class Plan:
    name: str
    download_mbps: int
    upload_mbps: int
    price: Decimal
    currency: str
    tax_rate_id: str | None = None
    active: bool = True
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def create(cls, *, name: str, download_mbps: int, upload_mbps: int, price: Decimal, currency: str,
               tax_rate_id: str | None = None) -> "Plan":
        errors = FieldErrors()
        name = _name(errors, name)
        errors.check(0 < download_mbps <= 100_000, "download_mbps", "must be between 1 and 100000")
        errors.check(0 < upload_mbps <= 100_000, "upload_mbps", "must be between 1 and 100000")
        errors.check(price >= 0, "price", "must not be negative")
        currency = _currency(errors, currency)
        errors.raise_if_any()
        return cls(name=name, download_mbps=download_mbps, upload_mbps=upload_mbps, price=price, currency=currency,
                   tax_rate_id=tax_rate_id or None)


@dataclass
class RecurringItem:
    name: str
    price: Decimal
    period: str
    currency: str
    service: str = ""
    tax_rate_id: str | None = None
    active: bool = True
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def create(cls, *, name: str, price: Decimal, period: str, currency: str, service: str = "",
               tax_rate_id: str | None = None) -> "RecurringItem":
        errors = FieldErrors()
        name = _name(errors, name)
        errors.check(price >= 0, "price", "must not be negative")
        errors.check(period in PERIODS, "period", "must be monthly or yearly")
        errors.check(service in SERVICE_KINDS, "service", "must be empty, telephony or tv")
        currency = _currency(errors, currency)
        errors.raise_if_any()
        return cls(name=name, price=price, period=period, currency=currency, service=service,
                   tax_rate_id=tax_rate_id or None)

    @property
    def monthly_amount(self) -> Decimal:
        from .money import q
        return self.price if self.period == "monthly" else q(self.price / 12)


@dataclass
class Discount:
    """A promotion on the plan price: percent or fixed amount, for N months or forever (months None)."""

    name: str
    kind: str
    value: Decimal
    months: int | None = None
    active: bool = True
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def create(cls, *, name: str, kind: str, value: Decimal, months: int | None) -> "Discount":
        errors = FieldErrors()
        name = _name(errors, name)
        errors.check(kind in DISCOUNT_KINDS, "kind", "must be percent or amount")
        errors.check(value > 0, "value", "must be greater than zero")
        errors.check(kind != "percent" or value <= 100, "value", "a percent must be at most 100")
        errors.check(months is None or 1 <= months <= 600, "months", "must be between 1 and 600, or null for no end")
        errors.raise_if_any()
        return cls(name=name, kind=kind, value=value, months=months)


@dataclass
class BillingProfile:
    name: str
    issue_day: int
    due_days: int
    late_fee_kind: str
    late_fee_value: Decimal
    suspend_after_days: int
    prorate: bool
    grace_days: int = 0
    early_payment_days: int = 0
    early_payment_percent: Decimal = ZERO
    free_days: int = 0
    currency: str = "ARS"
    id: str = field(default_factory=new_id)
    created_at: dt.datetime = field(default_factory=_now)

    @classmethod
    def create(cls, *, name: str, issue_day: int, due_days: int, late_fee_kind: str, late_fee_value: Decimal,
               suspend_after_days: int, prorate: bool, grace_days: int = 0, early_payment_days: int = 0,
               early_payment_percent: Decimal = ZERO, free_days: int = 0, currency: str = "ARS") -> "BillingProfile":
        errors = FieldErrors()
        name = _name(errors, name)
        errors.check(1 <= issue_day <= 28, "issue_day", "must be between 1 and 28")
        errors.check(0 <= due_days <= 90, "due_days", "must be between 0 and 90")
        errors.check(late_fee_kind in FEE_KINDS, "late_fee_kind", "must be percent or amount")
        errors.check(late_fee_value >= 0, "late_fee_value", "must not be negative")
        errors.check(late_fee_kind != "percent" or late_fee_value <= 100, "late_fee_value",
                     "a percent must be at most 100")
        errors.check(0 <= suspend_after_days <= 365, "suspend_after_days", "must be between 0 and 365")
        errors.check(0 <= grace_days <= 90, "grace_days", "must be between 0 and 90")
        errors.check(0 <= early_payment_days <= 90, "early_payment_days", "must be between 0 and 90")
        errors.check(Decimal(0) <= early_payment_percent <= 100, "early_payment_percent",
                     "must be a percent between 0 and 100")
        errors.check(0 <= free_days <= 90, "free_days", "must be between 0 and 90")
        currency = _currency(errors, currency)
        errors.raise_if_any()
        return cls(name=name, issue_day=issue_day, due_days=due_days, late_fee_kind=late_fee_kind,
                   late_fee_value=late_fee_value, suspend_after_days=suspend_after_days, prorate=prorate,
                   grace_days=grace_days, early_payment_days=early_payment_days,
                   early_payment_percent=early_payment_percent, free_days=free_days, currency=currency)
