"""Use cases on the catalog: plans, recurring items, discounts, billing profiles, tax rates, quotes."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select, update

from antena_common.errors import FieldErrors, InvalidArgument
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..adapters import orm
from ..domain import catalog, pricing
from ..domain.money import ZERO, parse_amount

DEFAULT_CURRENCY = "ARS"


def company_currency(uow) -> str:
    row = uow.session.execute(select(orm.company.c.currency).where(orm.company.c.id == 1)).first()
    return row[0] if row else DEFAULT_CURRENCY


def _amount(errors: FieldErrors, value: str, name: str, *, default: Decimal | None = None) -> Decimal:
    if default is not None and not (value or "").strip():
        return default
    try:
        return parse_amount(value, name)
    except InvalidArgument as exc:
        errors.check(False, name, exc.field_errors[name])
        return ZERO


@dataclass(frozen=True)
class CreatePlan:
    name: str
    download_mbps: int
    upload_mbps: int
    price: str
    currency: str
    tax_rate_id: str = ""


def create_plan(uow, cmd: CreatePlan) -> catalog.Plan:
    errors = FieldErrors()
    price = _amount(errors, cmd.price, "price")
    errors.raise_if_any()
    plan = catalog.Plan.create(name=cmd.name, download_mbps=cmd.download_mbps, upload_mbps=cmd.upload_mbps,
                               price=price, currency=cmd.currency, tax_rate_id=cmd.tax_rate_id)
    with uow:
        _check_tax(uow, plan.tax_rate_id)
        uow.plans.add(plan)
        uow.commit()
    return plan


def _check_tax(uow, tax_rate_id: str | None) -> None:
    if tax_rate_id and not uow.tax_rates.find([tax_rate_id]):
        raise InvalidArgument("tax_rate_id: unknown tax rate", field_errors={"tax_rate_id": "unknown tax rate"})


@dataclass(frozen=True)
class CreateRecurringItem:
    name: str
    price: str
    period: str
    currency: str = ""
    service: str = ""
    tax_rate_id: str = ""


def create_recurring_item(uow, cmd: CreateRecurringItem) -> catalog.RecurringItem:
    errors = FieldErrors()
    price = _amount(errors, cmd.price, "price")
    errors.raise_if_any()
    with uow:
        item = catalog.RecurringItem.create(name=cmd.name, price=price, period=cmd.period,
                                            currency=cmd.currency or company_currency(uow), service=cmd.service,
                                            tax_rate_id=cmd.tax_rate_id)
        _check_tax(uow, item.tax_rate_id)
        uow.recurring_items.add(item)
        uow.commit()
    return item


@dataclass(frozen=True)
class CreateDiscount:
    name: str
    kind: str
    value: str
    months: int | None


def create_discount(uow, cmd: CreateDiscount) -> catalog.Discount:
    errors = FieldErrors()
    value = _amount(errors, cmd.value, "value")
    errors.raise_if_any()
    discount = catalog.Discount.create(name=cmd.name, kind=cmd.kind, value=value, months=cmd.months)
    with uow:
        uow.discounts.add(discount)
        uow.commit()
    return discount


@dataclass(frozen=True)
class CreateBillingProfile:
    name: str
    issue_day: int
    due_days: int
    late_fee_kind: str
    late_fee_value: str
    suspend_after_days: int
    prorate: bool
    grace_days: int = 0
    early_payment_days: int = 0
    early_payment_percent: str = ""
    free_days: int = 0
    currency: str = ""


def create_billing_profile(uow, cmd: CreateBillingProfile) -> catalog.BillingProfile:
    errors = FieldErrors()
    fee = _amount(errors, cmd.late_fee_value, "late_fee_value", default=ZERO)
    early = _amount(errors, cmd.early_payment_percent, "early_payment_percent", default=ZERO)
    errors.raise_if_any()
    with uow:
        profile = catalog.BillingProfile.create(
            name=cmd.name, issue_day=cmd.issue_day, due_days=cmd.due_days, late_fee_kind=cmd.late_fee_kind,
            late_fee_value=fee, suspend_after_days=cmd.suspend_after_days, prorate=cmd.prorate,
            grace_days=cmd.grace_days, early_payment_days=cmd.early_payment_days, early_payment_percent=early,
            free_days=cmd.free_days, currency=cmd.currency or company_currency(uow))
        uow.billing_profiles.add(profile)
        uow.commit()
    return profile


def create_tax_rate(uow, *, name: str, rate: str, inclusive: bool, is_default: bool) -> catalog.TaxRate:
    errors = FieldErrors()
    value = _amount(errors, rate, "rate")
    errors.raise_if_any()
    tax = catalog.TaxRate.create(name=name, rate=value, inclusive=inclusive, is_default=is_default)
    with uow:
        if tax.is_default:
            uow.session.execute(update(orm.tax_rates).values(is_default=False))
        uow.tax_rates.add(tax)
        uow.commit()
    return tax


def get(uow, table: str, obj_id: str):
    with uow:
        return getattr(uow, table).get(obj_id)


def list_page(uow, table: str, *, limit: int | None = None, cursor: str | None = None,
              include_inactive: bool = False) -> tuple[list, str]:
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = getattr(uow, table).list(after_id=after[0] if after else None, limit=limit + 1,
                                         only_active=not include_inactive)
    next_cursor = encode_cursor(items[limit - 1].id) if len(items) > limit else ""
    return items[:limit], next_cursor


@dataclass(frozen=True)
class Resolved:
    plan: catalog.Plan | None
    items: list[catalog.RecurringItem] = field(default_factory=list)
    discounts: list[catalog.Discount] = field(default_factory=list)
    profile: catalog.BillingProfile | None = None


def resolve_ids(uow, *, plan_id: str, recurring_item_ids: list[str], discount_ids: list[str],
                billing_profile_id: str = "", require_plan: bool = True,
                require_profile: bool = False) -> tuple[Resolved, dict[str, str]]:
    """Look the ids up (inside an open uow); returns what was found and field -> problem."""
    errors: dict[str, str] = {}
    plan = uow.plans.find([plan_id]).get(plan_id) if plan_id else None
    if plan_id and (plan is None or not plan.active):
        errors["plan_id"] = f"unknown plan {plan_id}"
    elif not plan_id and (require_plan or discount_ids):
        errors["plan_id"] = "is required" if require_plan else "discounts apply only with a plan"
    found_items = uow.recurring_items.find(list(recurring_item_ids))
    missing = [i for i in recurring_item_ids if i not in found_items or not found_items[i].active]
    if missing:
        errors["recurring_item_ids"] = "unknown recurring items: " + ", ".join(missing)
    found_disc = uow.discounts.find(list(discount_ids))
    missing = [i for i in discount_ids if i not in found_disc or not found_disc[i].active]
    if missing:
        errors["discount_ids"] = "unknown discounts: " + ", ".join(missing)
    profile = None
    if billing_profile_id:
        profile = uow.billing_profiles.find([billing_profile_id]).get(billing_profile_id)
        if profile is None:
            errors["billing_profile_id"] = f"unknown billing profile {billing_profile_id}"
    elif require_profile:
        errors["billing_profile_id"] = "is required"
    if plan is not None:
        wrong = [i for i in recurring_item_ids if i in found_items and found_items[i].currency != plan.currency]
        if wrong:
            errors.setdefault("recurring_item_ids", f"priced in another currency than the plan ({plan.currency}): "
                                                    + ", ".join(wrong))
    items = [found_items[i] for i in recurring_item_ids if i in found_items]
    discs = [found_disc[i] for i in dict.fromkeys(discount_ids) if i in found_disc]
    return Resolved(plan, items, discs, profile), errors


def validate_ids(uow, *, plan_id: str, recurring_item_ids: list[str], discount_ids: list[str],
                 billing_profile_id: str = "") -> tuple[dict[str, str], str]:
    with uow:
        resolved, errors = resolve_ids(uow, plan_id=plan_id, recurring_item_ids=recurring_item_ids,
                                       discount_ids=discount_ids, billing_profile_id=billing_profile_id,
                                       require_plan=False)
    return errors, resolved.plan.currency if resolved.plan else ""


def make_quote(uow, *, plan_id: str, recurring_item_ids: list[str], discount_ids: list[str]) -> pricing.Quote:
    with uow:
        resolved, errors = resolve_ids(uow, plan_id=plan_id, recurring_item_ids=recurring_item_ids,
                                       discount_ids=discount_ids)
    if errors:
        raise InvalidArgument("; ".join(f"{k}: {v}" for k, v in errors.items()), field_errors=errors)
    return pricing.quote(resolved.plan, resolved.items, resolved.discounts)
