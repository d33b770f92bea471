"""PDF documents (weasyprint): invoices and contracts. Money and dates formatted with Babel;
Spanish by default, English available. Contract bodies are editable templates rendered in a
sandbox, so a template can use tags ({{ customer.name }}) but reach nothing else."""
from __future__ import annotations

import base64
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from antena_common.errors import InvalidArgument

TEMPLATES = Path(__file__).parent / "templates"
_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
_sandbox = SandboxedEnvironment(autoescape=True)

LOCALES = {"es": "es_AR", "en": "en_US"}

TEXT = {
    "es": {"title": "Factura", "number": "Número", "issue_date": "Fecha de emisión", "due_date": "Vencimiento",
           "period": "Período", "customer": "Cliente", "document": "Documento", "tax_id": "CUIT/RFC",
           "contract": "Contrato", "state": "Estado", "description": "Descripción", "quantity": "Cant.",
           "unit_price": "Precio unitario", "net": "Neto", "tax": "Impuesto", "total": "Total",
           "subtotal": "Subtotal", "tax_total": "Impuestos", "balance": "Saldo pendiente",
           "rounding": "Importes redondeados al centavo por línea (mitad hacia arriba).",
           "early": "Pronto pago: {pct}% de descuento abonando la totalidad hasta el {date}.",
           "states": {"issued": "Emitida", "paid": "Pagada", "overdue": "Vencida", "void": "Anulada"},
           "other": "Otros ingresos"},
    "en": {"title": "Invoice", "number": "Number", "issue_date": "Issue date", "due_date": "Due date",
           "period": "Period", "customer": "Customer", "document": "Document", "tax_id": "Tax id",
           "contract": "Contract", "state": "State", "description": "Description", "quantity": "Qty",
           "unit_price": "Unit price", "net": "Net", "tax": "Tax", "total": "Total", "subtotal": "Subtotal",
           "tax_total": "Taxes", "balance": "Balance due",
           "rounding": "Amounts rounded to the cent per line (half up).",
           "early": "Early payment: {pct}% off when paid in full by {date}.",
           "states": {"issued": "Issued", "paid": "Paid", "overdue": "Overdue", "void": "Void"},
           "other": "Other income"},
}


def _lang(locale: str) -> str:
    return locale if locale in LOCALES else "es"


def money(amount, currency: str, lang: str) -> str:
    return format_currency(amount, currency, locale=LOCALES[lang])


def _data_uri(data: bytes | None, content_type: str) -> str:
    if not data:
        return ""
    return f"data:{content_type or 'image/png'};base64,{base64.b64encode(data).decode()}"


def address_text(addr: dict | None) -> str:
    addr = addr or {}
    first = " ".join(x for x in (addr.get("street", ""), addr.get("number", "")) if x)
    return ", ".join(x for x in (first, addr.get("neighbourhood", ""), addr.get("city", ""), addr.get("state", ""),
                                 addr.get("postal_code", "")) if x)


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf()


def invoice_html(invoice, lines, customer, company: dict, *, locale: str = "es", early=None) -> str:
    lang = _lang(locale)
    t = TEXT[lang]
    cur = invoice.currency
    fmt_lines = [{"description": ln["description"],
                  "quantity": format_decimal(ln["quantity"], locale=LOCALES[lang]),
                  "unit_price": money(ln["unit_price"], cur, lang), "amount": money(ln["amount"], cur, lang),
                  "tax": money(ln["tax_amount"], cur, lang), "total": money(ln["total"], cur, lang)} for ln in lines]
    early_text = ""
    if early:
        pct, date = early
        early_text = t["early"].format(pct=format_decimal(pct, locale=LOCALES[lang]),
                                       date=format_date(date, "long", locale=LOCALES[lang]))
    return _env.get_template("invoice.html").render(
        lang=lang, t=t, invoice=invoice, lines=fmt_lines, customer=customer, company=company,
        logo=_data_uri(company.get("logo"), company.get("logo_content_type", "")),
        company_address=address_text(company.get("fiscal_address")), customer_address=address_text(customer.address),
        issue_date=format_date(invoice.issue_date, "long", locale=LOCALES[lang]),
        due_date=format_date(invoice.due_date, "long", locale=LOCALES[lang]),
        period=(format_date(invoice.period_start, "MMMM y", locale=LOCALES[lang]) if invoice.period_start else
                (t["other"] if invoice.kind == "other" else "")),
        state=t["states"].get(invoice.state, invoice.state),
        subtotal=money(invoice.subtotal, cur, lang), tax_total=money(invoice.tax_total, cur, lang),
        total=money(invoice.total, cur, lang), balance=money(invoice.balance, cur, lang), early=early_text)


def invoice_pdf(invoice, lines, customer, company: dict, *, locale: str = "es", early=None) -> bytes:
    return _pdf(invoice_html(invoice, lines, customer, company, locale=locale, early=early))


def default_contract_template() -> str:
    return (TEMPLATES / "contract_default.html").read_text(encoding="utf-8")


def check_template(source: str) -> None:
    try:
        _sandbox.parse(source)
    except Exception as exc:  # jinja2 TemplateSyntaxError and friends
        raise InvalidArgument(f"contract_template: {exc}", field_errors={"contract_template": str(exc)}) from None


def contract_pdf(template: str, context: dict, *, logo: str = "", signature: str = "", signer: str = "",
                 signed_at: str = "") -> bytes:
    try:
        body = _sandbox.from_string(template or default_contract_template()).render(**context)
    except Exception as exc:
        raise InvalidArgument(f"contract_template: {exc}", field_errors={"contract_template": str(exc)}) from None
    html = _env.get_template("contract_page.html").render(
        body=body, company=context["company"], customer=context["customer"], logo=logo, signature=signature,
        signer=signer, signed_at=signed_at)
    return _pdf(html)


def data_uri(data: bytes | None, content_type: str) -> str:
    return _data_uri(data, content_type)
