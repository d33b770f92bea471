"""Rendering templates: a sandboxed Jinja2 (templates are edited by staff)
with filters that format dates and money in the reader's language."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_currency
from jinja2 import TemplateSyntaxError, Undefined
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from antena_common.errors import InvalidArgument

LOCALES = {"es": "es", "en": "en"}


class RenderError(Exception):
    """A template failed at render time (bad filter use, sandbox refusal...)."""


def _parse_dt(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _parse_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class Renderer:
    def __init__(self, language: str = "es", timezone: str = "UTC"):
        self.locale = LOCALES.get(language, "es")
        self.tz = ZoneInfo(timezone)
        self.env = SandboxedEnvironment(autoescape=False, undefined=Undefined, keep_trailing_newline=False)
        self.env.filters.update(date=self.date, datetime=self.datetime, time=self.time, money=self.money)

    def date(self, value, fmt: str = "long") -> str:
        d = _parse_dt(value)
        if d is not None and "T" in str(value):
            return format_date(d.astimezone(self.tz).date(), fmt, locale=self.locale)
        day = _parse_date(value)
        return format_date(day, fmt, locale=self.locale) if day else str(value or "")

    def datetime(self, value, fmt: str = "long") -> str:
        d = _parse_dt(value)
        if d is None:
            return str(value or "")
        fmt_map = {"long": "EEEE d MMMM y, HH:mm" if self.locale == "es" else "EEEE, MMMM d, y, h:mm a"}
        return format_datetime(d.astimezone(self.tz), fmt_map.get(fmt, fmt), locale=self.locale)

    def time(self, value, fmt: str = "") -> str:
        d = _parse_dt(value)
        fmt = fmt or ("HH:mm" if self.locale == "es" else "h:mm a")
        return format_time(d.astimezone(self.tz), fmt, locale=self.locale) if d else str(value or "")

    def money(self, value, currency: str = "") -> str:
        try:
            amount = Decimal(str(value))
        except (InvalidOperation, ValueError):
            return str(value or "")
        if not currency:
            return format_currency(amount, "XXX", format="#,##0.00", locale=self.locale)
        return format_currency(amount, currency, locale=self.locale)

    def render(self, source: str, context: dict) -> str:
        try:
            return self.env.from_string(source).render(**context).strip()
        except (SecurityError, TemplateError, TypeError, ValueError) as exc:
            raise RenderError(str(exc)) from exc


def check_syntax(source: str, field_name: str) -> None:
    """422 naming the field when a template does not compile."""
    try:
        SandboxedEnvironment().parse(source)
    except TemplateSyntaxError as exc:
        message = f"template error on line {exc.lineno}: {exc.message}"
        raise InvalidArgument(f"{field_name}: {message}", field_errors={field_name: message}) from None
