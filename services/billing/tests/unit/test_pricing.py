"""Pricing rules without I/O: quotes, lines, taxes, proration, promotions, instalments, allocation."""
import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antena_common.errors import InvalidArgument
from billing.domain import catalog, pricing
from billing.domain.money import check_currency, parse_amount, parse_period, period_bounds

money = st.decimals(min_value=D("0"), max_value=D("1000000"), places=2, allow_nan=False, allow_infinity=False)


def plan(price="12500.00", tax=None):
    return catalog.Plan.create(name="Fibra", download_mbps=100, upload_mbps=50, price=D(price), currency="ARS",
                               tax_rate_id=tax)


def test_quote_plan_items_discounts():
    p = plan()
    ip = catalog.RecurringItem.create(name="IP fija", price=D("1500"), period="monthly", currency="ARS")
    promo = catalog.Discount.create(name="50%", kind="percent", value=D("50"), months=3)
    qt = pricing.quote(p, [ip], [promo])
    assert (qt.subtotal, qt.discount_total, qt.total_monthly) == (D("14000"), D("6250.00"), D("7750.00"))


def test_discounts_never_exceed_plan_price():
    p = plan("1000.00")
    big = catalog.Discount.create(name="big", kind="amount", value=D("900"), months=None)
    pct = catalog.Discount.create(name="pct", kind="percent", value=D("50"), months=None)
    qt = pricing.quote(p, [], [big, pct])
    assert qt.discount_total == D("1000.00") and qt.total_monthly == 0


def test_quote_refuses_mixed_currency():
    item = catalog.RecurringItem.create(name="TV", price=D("10"), period="monthly", currency="USD")
    with pytest.raises(InvalidArgument) as exc:
        pricing.quote(plan(), [item], [])
    assert "recurring_item_ids" in exc.value.field_errors


@pytest.mark.parametrize("bad", ["-1", "abc", "1.234", "NaN", "Infinity", ""])
def test_parse_amount_rejects(bad):
    with pytest.raises(InvalidArgument) as exc:
        parse_amount(bad, "amount")
    assert "amount" in exc.value.field_errors


def test_currency_and_period_validation():
    assert check_currency("ars") == "ARS"
    with pytest.raises(InvalidArgument):
        check_currency("XXX")
    for bad in ("2026-13", "2026-1", "26-01", "2026/01", ""):
        with pytest.raises(InvalidArgument):
            parse_period(bad)
    assert period_bounds("2028-02") == (dt.date(2028, 2, 1), dt.date(2028, 2, 29))


def test_tax_exclusive_and_inclusive():
    excl = catalog.TaxRate.create(name="IVA 21%", rate=D("21"), inclusive=False, is_default=True)
    incl = catalog.TaxRate.create(name="IVA 21% incl.", rate=D("21"), inclusive=True, is_default=False)
    a = pricing.make_line("plan", "x", D("100.00"), excl)
    assert (a.amount, a.tax_amount, a.total) == (D("100.00"), D("21.00"), D("121.00"))
    b = pricing.make_line("plan", "x", D("121.00"), incl)
    assert (b.amount, b.tax_amount, b.total) == (D("100.00"), D("21.00"), D("121.00"))


@given(price=money, rate=st.decimals(min_value=0, max_value=30, places=2), inclusive=st.booleans(),
       of_days=st.integers(28, 31), data=st.data())
def test_line_total_is_exact(price, rate, inclusive, of_days, data):
    days = data.draw(st.integers(1, of_days))
    tax = catalog.TaxRate(name="t", rate=rate, inclusive=inclusive)
    line = pricing.make_line("plan", "x", price, tax, days=days, of_days=of_days)
    for v in (line.amount, line.tax_amount, line.total):
        assert v == v.quantize(D("0.01"))
    # the prorated gross is the exact rational rounded half up, never off by a cent
    cents = int(price * 100) * days
    exact = (2 * cents + of_days) // (2 * of_days)
    assert (line.total if inclusive else line.amount) == D(exact) / 100
    assert line.total == line.amount + line.tax_amount
    negative = pricing.make_line("discount", "x", -price, tax, days=days, of_days=of_days)
    assert (negative.amount, negative.tax_amount) == (-line.amount, -line.tax_amount)


def test_proration_first_month():
    assert pricing.proration(dt.date(2026, 11, 21), "2026-11") == (10, 30, dt.date(2026, 11, 21), dt.date(2026, 11, 30))
    assert pricing.proration(dt.date(2026, 12, 2), "2026-11") is None
    assert pricing.proration(dt.date(2026, 10, 2), "2026-11")[:2] == (30, 30)
    # the tie case a rounded fraction gets wrong: 0.03 x 25/30 = 0.025 -> 0.03
    assert pricing.make_line("plan", "x", D("0.03"), None, days=25, of_days=30).amount == D("0.03")


@given(total=money, count=st.integers(1, 36))
def test_instalments_add_up(total, count):
    parts = [pricing.instalment_amount(total, count, k) for k in range(count)]
    assert sum(parts) == total
    assert all(p >= 0 for p in parts) and max(parts) - min(parts) <= D("0.01") * count
    assert pricing.instalment_amount(total, count, count) == 0


@given(months=st.integers(1, 24), start=st.integers(0, 11), offset=st.integers(-3, 40))
def test_promotion_never_beyond_its_months(months, start, offset):
    d = catalog.Discount.create(name="promo", kind="percent", value=D("50"), months=months)
    sp = f"2026-{start + 1:02d}"
    idx = 2026 * 12 + start + offset
    period = f"{idx // 12:04d}-{idx % 12 + 1:02d}"
    assert pricing.discount_applies(d, sp, period) == (0 <= offset < months)


@given(amount=money, balances=st.lists(money, max_size=8))
def test_allocation_never_negative_and_conserves(amount, balances):
    open_ = [(str(i), b) for i, b in enumerate(balances)]
    applied, left = pricing.allocate(amount, open_)
    by_id = dict(open_)
    assert all(0 < a <= by_id[i] for i, a in applied)
    assert sum(a for _, a in applied) + left == amount
    assert left >= 0
    if left > 0:
        assert all(by_id[i] == a for i, a in applied) and len(applied) == sum(1 for b in balances if b > 0)


# ---- whole invoices: properties over random contracts and periods ----

prices = st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2)
taxes = st.one_of(st.none(), st.builds(lambda r, inc: catalog.TaxRate(name="t", rate=r, inclusive=inc),
                                       st.sampled_from([D("21"), D("10.5"), D("27"), D("0")]), st.booleans()))


@st.composite
def contracts(draw):
    plan = catalog.Plan(name="Plan", download_mbps=10, upload_mbps=5, price=draw(prices), currency="ARS",
                        tax_rate_id="p" if draw(st.booleans()) else None)
    items = [catalog.RecurringItem(name=f"i{k}", price=draw(prices), period=draw(st.sampled_from(["monthly", "yearly"])),
                                   currency="ARS") for k in range(draw(st.integers(0, 3)))]
    discounts = [catalog.Discount(name=f"d{k}", kind=kind, value=draw(prices) if kind == "amount" else
                                  draw(st.decimals(min_value=D("0.01"), max_value=D("100"), places=2)),
                                  months=draw(st.one_of(st.none(), st.integers(1, 6))))
                 for k, kind in enumerate(draw(st.lists(st.sampled_from(["percent", "amount"]), max_size=3)))]
    count = draw(st.sampled_from([0, 2, 3, 6, 12]))
    start = dt.date(2026, 1, 1) + dt.timedelta(days=draw(st.integers(0, 400)))
    terms = pricing.ContractTerms(contract_id="c", plan=plan, billing_start=start, prorate=draw(st.booleans()),
                                  items=items, discounts=discounts, instalment_total=draw(prices) if count else D(0),
                                  instalment_count=count, taxes={"p": draw(taxes) or catalog.TaxRate(name="x", rate=D(0))},
                                  default_tax=draw(taxes))
    return terms


def _periods(start: dt.date, n: int) -> list[str]:
    idx = start.year * 12 + start.month - 1
    return [f"{(idx + k) // 12:04d}-{(idx + k) % 12 + 1:02d}" for k in range(n)]


@given(terms=contracts())
def test_invoice_lines_add_up_and_promotions_end(terms):
    periods = _periods(terms.billing_start, 15)
    instalments = D(0)
    for k, period in enumerate(periods):
        lines, start, end = pricing.period_lines(terms, period)
        t = pricing.totals(lines)
        assert t.total == sum(ln.total for ln in lines) == t.subtotal + t.tax_total
        for ln in lines:
            assert ln.amount == pricing.q(ln.amount) and ln.tax_amount == pricing.q(ln.tax_amount)
            assert ln.total == ln.amount + ln.tax_amount
        # a promotion never applies beyond its months, and never takes more than the plan line
        applied = {ln.ref_id for ln in lines if ln.kind == "discount"}
        for d in terms.discounts:
            if d.months is not None and k >= d.months:
                assert d.id not in applied
        plan_line = lines[0]
        assert -sum(ln.amount for ln in lines if ln.kind == "discount") <= plan_line.amount + D("0.01") * len(applied)
        instalments += sum(ln.unit_price for ln in lines if ln.kind == "instalment")
        # the first period is prorated only when it starts mid-month and the profile prorates
        if k == 0 and terms.prorate and terms.billing_start.day > 1:
            assert start == terms.billing_start and plan_line.amount <= pricing.q(terms.plan.price)
        else:
            assert plan_line.unit_price == terms.plan.price
    assert instalments == (terms.instalment_total if terms.instalment_count > 1 else 0)
    assert pricing.period_lines(terms, _periods(terms.billing_start, 0 + 1)[0]) is not None


def test_before_billing_starts_nothing_is_billed():
    terms = pricing.ContractTerms(contract_id="c", plan=plan(), billing_start=dt.date(2026, 12, 5))
    assert pricing.period_lines(terms, "2026-11") is None
