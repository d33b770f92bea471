"""The installation sheet: an editable Jinja2 HTML template rendered to PDF by weasyprint."""
from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from antena_common.errors import InvalidArgument

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
LANGS = ("es", "en")
# the tags a template may use (documented in GET /v1/installation-sheet-templates/{lang})
TAGS = ("order.id", "order.kind_label", "date", "customer.name", "customer.document", "customer.phone",
        "customer.email", "address", "plan", "pppoe_user", "wifi_ssid", "wifi_password", "devices",
        "optical_power_dbm", "seal_code", "notes", "technician", "signature", "signed_at")

_env = SandboxedEnvironment(autoescape=True)


def default_template(lang: str) -> str:
    return (TEMPLATES / f"installation_sheet.{lang}.html").read_text(encoding="utf-8")


def check_lang(lang: str) -> str:
    lang = lang or "es"
    if lang not in LANGS:
        raise InvalidArgument("lang: es or en", field_errors={"lang": "es or en"})
    return lang


def validate_template(html: str) -> None:
    if len(html) > 200_000:
        raise InvalidArgument("html: at most 200000 characters", field_errors={"html": "at most 200000 characters"})
    try:
        _env.from_string(html)
    except TemplateError as exc:
        raise InvalidArgument(f"html: not a valid template: {exc}", field_errors={"html": f"template error: {exc}"}) from None


def render_html(template: str, context: dict) -> str:
    try:
        return _env.from_string(template, globals={}).render(**context)
    except TemplateError as exc:
        raise InvalidArgument(f"the installation sheet template failed: {exc}",
                              field_errors={"template": str(exc)}) from None


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # templates are edited by staff: images only inline (data:), never local files or the network
    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=2)
    return HTML(string=render_html(template, context), url_fetcher=fetcher).write_pdf()
