"""Company fiscal data (used on every document) and the contract template."""
from __future__ import annotations

from sqlalchemy import insert, select, update

from antena_common import files
from antena_common.errors import FieldErrors

from ..adapters import documents, orm
from ..domain.money import CURRENCIES

FIELDS = ("legal_name", "trade_name", "tax_id", "fiscal_address", "logo", "logo_content_type", "currency",
          "contract_template", "locale", "email", "phone")


def _defaults() -> dict:
    return {"legal_name": "", "trade_name": "", "tax_id": "", "fiscal_address": {}, "logo": None,
            "logo_content_type": "", "currency": "ARS", "contract_template": "", "locale": "es", "email": "",
            "phone": ""}


def read(uow) -> dict:
    """Inside an open uow."""
    row = uow.session.execute(select(orm.company).where(orm.company.c.id == 1)).first()
    if row is None:
        return _defaults()
    return {k: row._mapping[k] for k in FIELDS}


def get_company(uow) -> dict:
    with uow:
        return read(uow)


def update_company(uow, data: dict) -> dict:
    errors = FieldErrors()
    errors.check(bool((data.get("legal_name") or "").strip()), "legal_name", "is required")
    errors.check(len(data.get("legal_name") or "") <= 200, "legal_name", "at most 200 characters")
    errors.check(len(data.get("tax_id") or "") <= 40, "tax_id", "at most 40 characters")
    currency = (data.get("currency") or "ARS").upper()
    errors.check(currency in CURRENCIES, "currency", "unknown or unsupported ISO 4217 currency code")
    errors.check(data.get("locale", "es") in ("es", "en", ""), "locale", "must be es or en")
    logo = data.get("logo") or None
    if logo:
        kind = files.sniff(logo, files.IMAGES)
        errors.check(kind is not None, "logo", "must be a PNG or JPEG image")
        errors.check(len(logo) <= 1_000_000, "logo", "at most 1 MB")
        data["logo_content_type"] = kind.content_type if kind else ""
    errors.raise_if_any()
    if data.get("contract_template"):
        documents.check_template(data["contract_template"])
    values = {**_defaults(), **{k: v for k, v in data.items() if k in FIELDS}}
    values.update(currency=currency, locale=data.get("locale") or "es", logo=logo)
    with uow:
        exists = uow.session.execute(select(orm.company.c.id).where(orm.company.c.id == 1)).first()
        if exists:
            uow.session.execute(update(orm.company).where(orm.company.c.id == 1).values(**values))
        else:
            uow.session.execute(insert(orm.company).values(id=1, **values))
        uow.commit()
    return values
