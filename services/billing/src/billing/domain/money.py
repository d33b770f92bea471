"""Money rules: Decimal amounts, two decimals, ROUND_HALF_UP per line, ISO 4217 currencies."""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from antena_common.errors import InvalidArgument

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Currencies accepted on the wire: those LatAm ISPs bill in, plus a few common ones.
CURRENCIES = frozenset({
    "ARS", "BOB", "BRL", "CLP", "COP", "CRC", "CUP", "DOP", "GTQ", "HNL", "MXN", "NIO", "PAB", "PEN", "PYG",
    "UYU", "VES", "USD", "EUR", "CAD", "GBP", "BZD", "HTG", "JMD", "TTD", "GYD", "SRD", "XCD",
})

PERIOD_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def q(amount: Decimal) -> Decimal:
    """Round to the cent, half up (the one rounding rule of billing)."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def parse_amount(value, field: str, *, allow_zero: bool = True, allow_negative: bool = False,
                 max_places: int = 2) -> Decimal:
    """A decimal string from the wire -> Decimal, or InvalidArgument naming the field."""
    text = str(value if value is not None else "").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise InvalidArgument(f"{field}: not a decimal number", field_errors={field: "must be a decimal number"}) from None
    if not amount.is_finite():
        raise InvalidArgument(f"{field}: not a decimal number", field_errors={field: "must be a decimal number"})
    if amount < 0 and not allow_negative:
        raise InvalidArgument(f"{field}: must not be negative", field_errors={field: "must not be negative"})
    if amount == 0 and not allow_zero:
        raise InvalidArgument(f"{field}: must be greater than zero", field_errors={field: "must be greater than zero"})
    if amount.as_tuple().exponent < -max_places:
        raise InvalidArgument(f"{field}: at most {max_places} decimals",
                              field_errors={field: f"at most {max_places} decimals"})
    if abs(amount) >= Decimal("1e13"):
        raise InvalidArgument(f"{field}: too large", field_errors={field: "too large"})
    return amount.quantize(CENT) if max_places <= 2 else amount


def check_currency(code: str, field: str = "currency") -> str:
    code = (code or "").strip().upper()
    if code not in CURRENCIES:
        raise InvalidArgument(f"{field}: unknown currency {code!r}",
                              field_errors={field: "unknown or unsupported ISO 4217 currency code"})
    return code


def fmt(amount: Decimal) -> str:
    return str(q(amount))


# ---- periods ("YYYY-MM", calendar months) ----

def parse_period(text: str, field: str = "period") -> tuple[int, int]:
    m = PERIOD_RE.match((text or "").strip())
    if not m:
        raise InvalidArgument(f"{field}: expected YYYY-MM", field_errors={field: "must be a month as YYYY-MM"})
    return int(m.group(1)), int(m.group(2))


def period_index(period: str) -> int:
    y, m = parse_period(period)
    return y * 12 + (m - 1)


def period_of(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def period_for(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    y, m = parse_period(period)
    start = dt.date(y, m, 1)
    nxt = dt.date(y + (m // 12), m % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)


def parse_date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat((text or "").strip())
    except ValueError:
        raise InvalidArgument(f"{field}: expected YYYY-MM-DD", field_errors={field: "must be a date YYYY-MM-DD"}) from None
