"""Pricing rules, exact to the cent. Every line is rounded once, ROUND_HALF_UP, and
an invoice's totals are sums of its rounded lines, so lines always add up."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from antena_common.errors import InvalidArgument

from .catalog import BillingProfile, Discount, Plan, RecurringItem, TaxRate
from .money import ZERO, period_bounds, period_for, period_index, q

ONE = Decimal(1)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Line:
    kind: str            # plan | item | service | discount | instalment | installation | late_fee
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal      # net of tax
    tax_rate: Decimal    # percent
    tax_amount: Decimal
    ref_id: str = ""

    @property
    def total(self) -> Decimal:
        return self.amount + self.tax_amount


def make_line(kind: str, description: str, price: Decimal, tax: TaxRate | None, *, days: int = 1, of_days: int = 1,
              ref_id: str = "") -> Line:
    """price x days/of_days rounded to the cent (half up); tax added (exclusive) or taken out (inclusive).
    price*days is exact and a tie x.xx5 is always a terminating decimal, so the one division rounds exactly."""
    quantity = ONE if days == of_days else Decimal(days) / Decimal(of_days)
    gross = q(price * days / of_days)
    if tax is None or tax.rate == 0:
        return Line(kind, description, quantity, price, gross, tax.rate if tax else ZERO, ZERO, ref_id)
    if tax.inclusive:
        net = q(gross * HUNDRED / (HUNDRED + tax.rate))
        return Line(kind, description, quantity, price, net, tax.rate, gross - net, ref_id)
    return Line(kind, description, quantity, price, gross, tax.rate, q(gross * tax.rate / HUNDRED), ref_id)


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal
    tax_total: Decimal
    total: Decimal


def totals(lines: list[Line]) -> Totals:
    sub = sum((x.amount for x in lines), ZERO)
    tax = sum((x.tax_amount for x in lines), ZERO)
    return Totals(sub, tax, sub + tax)


def discount_amount(discount: Discount, plan_price: Decimal) -> Decimal:
    """Positive amount a promotion takes off the plan price (never more than the price)."""
    if discount.kind == "percent":
        return min(q(plan_price * discount.value / HUNDRED), plan_price)
    return min(discount.value, plan_price)


def discount_applies(discount: Discount, start_period: str, period: str) -> bool:
    """Month n (0-based) of the contract's billing gets the promotion while n < months."""
    n = period_index(period) - period_index(start_period)
    return n >= 0 and (discount.months is None or n < discount.months)


def instalment_amount(total: Decimal, count: int, k: int) -> Decimal:
    """Instalment k (0-based) of `count`: equal cents, the last takes the remainder."""
    if count <= 0 or not 0 <= k < count:
        return ZERO
    cents = int(q(total) * 100)
    base = cents // count
    mine = cents - base * (count - 1) if k == count - 1 else base
    return Decimal(mine) / 100


def proration(billing_start: dt.date, period: str) -> tuple[int, int, dt.date, dt.date] | None:
    """(days billed, days in the period, first day, last day) when billing starts on `billing_start`
    (None: nothing to bill in `period`)."""
    start, end = period_bounds(period)
    if billing_start > end:
        return None
    days = (end - start).days + 1
    if billing_start <= start:
        return days, days, start, end
    return (end - billing_start).days + 1, days, billing_start, end


# ---- quote: the wizard's monthly total ----

@dataclass(frozen=True)
class Quote:
    lines: list[tuple[str, str, str, Decimal, str, int | None]]  # kind, ref_id, description, amount, period, months
    subtotal: Decimal
    discount_total: Decimal
    total_monthly: Decimal
    currency: str


def quote(plan: Plan, items: list[RecurringItem], discounts: list[Discount]) -> Quote:
    for i, item in enumerate(items):
        if item.currency != plan.currency:
            raise InvalidArgument(f"recurring_item_ids[{i}]: currency {item.currency} differs from the plan's",
                                  field_errors={"recurring_item_ids": f"item {item.id} is priced in {item.currency}, "
                                                                      f"the plan in {plan.currency}"})
    lines: list = [("plan", plan.id, plan.name, plan.price, "monthly", None)]
    subtotal = plan.price
    for item in items:
        amount = item.monthly_amount
        lines.append(("item", item.id, item.name, amount, item.period, None))
        subtotal += amount
    taken = ZERO
    for d in discounts:
        amount = min(discount_amount(d, plan.price), plan.price - taken)
        taken += amount
        lines.append(("discount", d.id, d.name, -amount, "monthly", d.months))
    return Quote(lines, subtotal, taken, subtotal - taken, plan.currency)


# ---- a contract's charges for one period ----

@dataclass
class ContractTerms:
    """What a contract pays: catalog entries resolved, ready to price any period."""

    contract_id: str
    plan: Plan
    billing_start: dt.date
    prorate: bool = True
    items: list[RecurringItem] = field(default_factory=list)
    services: list[tuple[RecurringItem, str]] = field(default_factory=list)  # (item, description)
    discounts: list[Discount] = field(default_factory=list)
    instalment_total: Decimal = ZERO
    instalment_count: int = 0
    taxes: dict[str, TaxRate] = field(default_factory=dict)
    default_tax: TaxRate | None = None

    @property
    def start_period(self) -> str:
        return period_for(self.billing_start)

    def tax_for(self, tax_rate_id: str | None) -> TaxRate | None:
        return self.taxes.get(tax_rate_id) if tax_rate_id else self.default_tax


def period_lines(terms: ContractTerms, period: str) -> tuple[list[Line], dt.date, dt.date] | None:
    """Lines of the contract's invoice for `period` (None when the period is before billing starts)."""
    pr = proration(terms.billing_start, period)
    if pr is None:
        return None
    billed, days, start, end = pr
    if not terms.prorate:
        billed = days
    qty = {"days": billed, "of_days": days}
    suffix = f" ({start:%d/%m}-{end:%d/%m})" if billed != days else ""
    n = period_index(period) - period_index(terms.start_period)
    plan = terms.plan
    plan_tax = terms.tax_for(plan.tax_rate_id)
    lines = [make_line("plan", f"{plan.name}{suffix}", plan.price, plan_tax, **qty, ref_id=plan.id)]
    for item in terms.items:
        if item.period == "monthly":
            lines.append(make_line("item", f"{item.name}{suffix}", item.price, terms.tax_for(item.tax_rate_id),
                                   **qty, ref_id=item.id))
        elif n % 12 == 0:
            lines.append(make_line("item", f"{item.name} (anual)", item.price, terms.tax_for(item.tax_rate_id),
                                   ref_id=item.id))
    for item, description in terms.services:
        label = f"{item.name} - {description}" if description else item.name
        lines.append(make_line("service", f"{label}{suffix}", item.price, terms.tax_for(item.tax_rate_id),
                               **qty, ref_id=item.id))
    taken = ZERO
    base = lines[0].unit_price
    for d in terms.discounts:
        if not discount_applies(d, terms.start_period, period):
            continue
        amount = min(discount_amount(d, base), base - taken)
        taken += amount
        if amount > 0:
            lines.append(make_line("discount", f"{d.name}{suffix}", -amount, plan_tax, **qty, ref_id=d.id))
    if terms.instalment_count > 1 and 0 <= n < terms.instalment_count:
        amount = instalment_amount(terms.instalment_total, terms.instalment_count, n)
        lines.append(make_line("instalment", f"Instalación, cuota {n + 1}/{terms.instalment_count}", amount,
                               terms.default_tax))
    return lines, start, end


def late_fee(profile: BillingProfile, invoice_total: Decimal) -> Decimal:
    if profile.late_fee_kind == "percent":
        return q(invoice_total * profile.late_fee_value / HUNDRED)
    return q(profile.late_fee_value)


def allocate(amount: Decimal, open_balances: list[tuple[str, Decimal]]) -> tuple[list[tuple[str, Decimal]], Decimal]:
    """Apply `amount` to invoices oldest first; returns (invoice_id, applied) and what is left over."""
    left = q(amount)
    applied: list[tuple[str, Decimal]] = []
    for invoice_id, balance in open_balances:
        if left <= 0:
            break
        if balance <= 0:
            continue
        take = min(left, balance)
        applied.append((invoice_id, take))
        left -= take
    return applied, left
