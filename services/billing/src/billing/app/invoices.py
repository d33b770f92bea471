"""Queries on invoices and the documents (invoice and contract PDFs)."""
from __future__ import annotations

import datetime as dt

from antena_common.errors import InvalidArgument, NotFound
from antena_common.pagination import clamp_limit, decode_cursor, encode_cursor

from ..adapters import documents
from ..domain import model
from ..domain.money import fmt, parse_period
from . import company as company_cases


def get_invoice(uow, invoice_id: str, *, customer_id: str = "") -> model.Invoice:
    with uow:
        inv = uow.invoices.get(invoice_id)
    if customer_id and inv.customer_id != customer_id:
        raise NotFound(f"invoice {invoice_id} not found")
    return inv


def list_invoices(uow, *, customer_id="", state="", contract_id="", period="", limit=None, cursor=None):
    if state and state not in model.INVOICE_STATES:
        raise InvalidArgument("state: unknown", field_errors={"state": "must be " + ", ".join(model.INVOICE_STATES)})
    if period:
        parse_period(period)
    limit = clamp_limit(limit)
    after = decode_cursor(cursor)
    with uow:
        items = uow.invoices.list(customer_id=customer_id, state=state, contract_id=contract_id, period=period,
                                  after_id=after[0] if after else None, limit=limit + 1)
    return items[:limit], encode_cursor(items[limit - 1].id) if len(items) > limit else ""


def invoice_pdf(uow, invoice_id: str, *, customer_id: str = "", locale: str = "") -> tuple[bytes, str]:
    with uow:
        inv = uow.invoices.get(invoice_id)
        if customer_id and inv.customer_id != customer_id:
            raise NotFound(f"invoice {invoice_id} not found")
        customer = uow.customers.get(inv.customer_id)
        company = company_cases.read(uow)
        early = None
        if inv.contract_id and inv.kind == "service":
            profile = uow.billing_profiles.get(uow.contracts.get(inv.contract_id).billing_profile_id)
            if profile.early_payment_percent > 0:
                early = (profile.early_payment_percent, inv.issue_date + dt.timedelta(days=profile.early_payment_days))
    pdf = documents.invoice_pdf(inv, inv.lines, customer, company, locale=locale or company["locale"], early=early)
    return pdf, f"factura-{inv.number}.pdf"


def contract_pdf(uow, contract_id: str, *, customer_id: str = "") -> tuple[bytes, str]:
    with uow:
        c = uow.contracts.get(contract_id)
        if customer_id and c.customer_id != customer_id:
            raise NotFound(f"contract {contract_id} not found")
        customer = uow.customers.get(c.customer_id)
        plan = uow.plans.get(c.plan_id)
        profile = uow.billing_profiles.get(c.billing_profile_id)
        items = uow.contracts.items([c.id]).get(c.id, [])
        catalog_items = uow.recurring_items.find([i.recurring_item_id for i in items])
        signature, sig_type = uow.contracts.signature(c.id)
        attachments = [a.filename for a in uow.contracts.attachments(c.id)]
        company = company_cases.read(uow)
    lang = "es"
    money = lambda a: documents.money(a, c.currency, lang)  # noqa: E731
    context = {
        "company": {**{k: company[k] for k in ("legal_name", "trade_name", "tax_id", "email", "phone")},
                    "address": documents.address_text(company["fiscal_address"])},
        "customer": {"name": customer.name, "document": customer.document, "email": customer.email,
                     "phone": customer.phone, "fiscal_id": customer.fiscal_id,
                     "address": documents.address_text(customer.address)},
        "contract": {"id": c.id, "state": c.state, "order_id": c.order_id},
        "plan": {"name": plan.name, "download_mbps": plan.download_mbps, "upload_mbps": plan.upload_mbps,
                 "price": fmt(plan.price)},
        "price": money(plan.price),
        "items": [f"{catalog_items[i.recurring_item_id].name} ({money(catalog_items[i.recurring_item_id].price)})"
                  for i in items if i.kind == "item"],
        "services": [f"{catalog_items[i.recurring_item_id].name} {i.description}".strip()
                     for i in items if i.kind == "service"],
        "installation_fee": money(c.installation_fee) if c.installation_fee else "",
        "instalments": c.installation_instalments,
        "start_date": c.start_date.strftime("%d/%m/%Y") if c.start_date else "",
        "end_date": c.end_date.strftime("%d/%m/%Y") if c.end_date else "",
        "profile": {"issue_day": profile.issue_day, "due_days": profile.due_days,
                    "suspend_after_days": profile.suspend_after_days},
        "attachments": attachments,
        "today": dt.date.today().strftime("%d/%m/%Y"),
    }
    pdf = documents.contract_pdf(company["contract_template"], context,
                                 logo=documents.data_uri(company["logo"], company["logo_content_type"]),
                                 signature=documents.data_uri(signature, sig_type), signer=c.signer_name,
                                 signed_at=c.signed_at.strftime("%d/%m/%Y %H:%M UTC") if c.signed_at else "")
    return pdf, f"contrato-{c.id}.pdf"
