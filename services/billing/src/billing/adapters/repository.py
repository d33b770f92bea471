"""Repositories: the only code that queries the billing tables."""
from __future__ import annotations

import dataclasses

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session

from antena_common.errors import NotFound

from ..domain import catalog, model
from . import orm


def _row_to(cls, row):
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in row._mapping.items() if k in names})


def _values(obj) -> dict:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


class CatalogTable:
    """Add/get/list for one catalog table mapped to one domain dataclass."""

    def __init__(self, session: Session, table, cls, what: str):
        self.session, self.table, self.cls, self.what = session, table, cls, what

    def add(self, obj) -> None:
        self.session.execute(insert(self.table).values(**_values(obj)))

    def find(self, ids: list[str]) -> dict[str, object]:
        if not ids:
            return {}
        rows = self.session.execute(select(self.table).where(self.table.c.id.in_(list(set(ids)))))
        return {r.id: _row_to(self.cls, r) for r in rows}

    def get(self, obj_id: str):
        found = self.find([obj_id]).get(obj_id) if obj_id else None
        if found is None:
            raise NotFound(f"{self.what} {obj_id} not found")
        return found

    def list(self, *, after_id: str | None = None, limit: int = 50, only_active: bool = True) -> list:
        t = self.table
        query = select(t).order_by(t.c.id).limit(limit)
        if after_id:
            query = query.where(t.c.id > after_id)
        if only_active and "active" in t.c:
            query = query.where(t.c.active.is_(True))
        return [_row_to(self.cls, r) for r in self.session.execute(query)]

    def all(self) -> list:
        return [_row_to(self.cls, r) for r in self.session.execute(select(self.table))]


def catalog_tables(session: Session) -> dict[str, CatalogTable]:
    return {
        "plans": CatalogTable(session, orm.plans, catalog.Plan, "plan"),
        "recurring_items": CatalogTable(session, orm.recurring_items, catalog.RecurringItem, "recurring item"),
        "discounts": CatalogTable(session, orm.discounts, catalog.Discount, "discount"),
        "billing_profiles": CatalogTable(session, orm.billing_profiles, catalog.BillingProfile, "billing profile"),
        "tax_rates": CatalogTable(session, orm.tax_rates, catalog.TaxRate, "tax rate"),
    }


# ---- customers, contracts, invoices, payments ----

class CustomerRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, c: model.Customer) -> None:
        self.session.execute(insert(orm.customers).values(**_values(c)))

    def get(self, customer_id: str, *, lock: bool = False) -> model.Customer:
        query = select(orm.customers).where(orm.customers.c.id == customer_id)
        if lock:
            query = query.with_for_update()
        row = self.session.execute(query).first() if customer_id else None
        if row is None:
            raise NotFound(f"customer {customer_id} not found")
        return _row_to(model.Customer, row)

    def find_many(self, ids) -> dict[str, model.Customer]:
        ids = list(set(ids))
        if not ids:
            return {}
        rows = self.session.execute(select(orm.customers).where(orm.customers.c.id.in_(ids)))
        return {r.id: _row_to(model.Customer, r) for r in rows}

    def find_by(self, *, document: str = "", email: str = "") -> model.Customer | None:
        t = orm.customers
        for col, value in ((t.c.document, document), (t.c.email, (email or "").lower())):
            if value:
                row = self.session.execute(select(t).where(col == value).order_by(t.c.id).limit(1)).first()
                if row:
                    return _row_to(model.Customer, row)
        return None

    def set_credit(self, customer_id: str, credit) -> None:
        self.session.execute(update(orm.customers).where(orm.customers.c.id == customer_id).values(credit=credit))

    def list(self, *, q: str = "", after_id: str | None = None, limit: int = 50) -> list[model.Customer]:
        t = orm.customers
        query = select(t).order_by(t.c.id.desc()).limit(limit)
        if q:
            like = f"%{q.strip().lower()}%"
            query = query.where(or_(t.c.name.ilike(like), t.c.document.ilike(like), t.c.email.ilike(like),
                                    t.c.phone.ilike(like)))
        if after_id:
            query = query.where(t.c.id < after_id)
        return [_row_to(model.Customer, r) for r in self.session.execute(query)]

    def open_balance(self, customer_id: str):
        t = orm.invoices
        return self.session.execute(select(func.coalesce(func.sum(t.c.balance), 0)).where(
            t.c.customer_id == customer_id, t.c.state.in_(("issued", "overdue")))).scalar_one()


class ContractRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, c: model.Contract, items: list[model.ContractItem], discount_ids: list[str]) -> None:
        self.session.execute(insert(orm.contracts).values(**_values(c)))
        for item in items:
            self.add_item(item)
        if discount_ids:
            self.session.execute(insert(orm.contract_discounts),
                                 [{"contract_id": c.id, "discount_id": d} for d in discount_ids])

    def add_item(self, item: model.ContractItem) -> None:
        self.session.execute(insert(orm.contract_items).values(**_values(item)))

    def exists(self, contract_id: str) -> bool:
        return self.session.execute(select(orm.contracts.c.id).where(orm.contracts.c.id == contract_id)).first() is not None

    def get(self, contract_id: str, *, lock: bool = False) -> model.Contract:
        query = select(orm.contracts).where(orm.contracts.c.id == contract_id)
        if lock:
            query = query.with_for_update()
        row = self.session.execute(query).first() if contract_id else None
        if row is None:
            raise NotFound(f"contract {contract_id} not found")
        return _row_to(model.Contract, row)

    def save(self, c: model.Contract) -> None:
        values = _values(c)
        values.pop("id")
        self.session.execute(update(orm.contracts).where(orm.contracts.c.id == c.id).values(**values))

    def add_attachment(self, a: model.ContractAttachment, content: bytes) -> None:
        self.session.execute(insert(orm.contract_attachments).values(**_values(a), content=content))

    def attachments(self, contract_id: str) -> list[model.ContractAttachment]:
        t = orm.contract_attachments
        cols = [c for c in t.c if c.name != "content"]
        rows = self.session.execute(select(*cols).where(t.c.contract_id == contract_id).order_by(t.c.id))
        return [_row_to(model.ContractAttachment, r) for r in rows]

    def attachment(self, contract_id: str, attachment_id: str) -> tuple[model.ContractAttachment, bytes]:
        t = orm.contract_attachments
        row = self.session.execute(select(t).where(t.c.contract_id == contract_id, t.c.id == attachment_id)).first()
        if row is None:
            raise NotFound(f"attachment {attachment_id} not found on contract {contract_id}")
        return _row_to(model.ContractAttachment, row), row.content

    def items(self, contract_ids) -> dict[str, list[model.ContractItem]]:
        out: dict[str, list] = {}
        ids = list(contract_ids)
        if not ids:
            return out
        t = orm.contract_items
        for r in self.session.execute(select(t).where(t.c.contract_id.in_(ids)).order_by(t.c.created_at, t.c.id)):
            out.setdefault(r.contract_id, []).append(_row_to(model.ContractItem, r))
        return out

    def discount_ids(self, contract_ids) -> dict[str, list[str]]:
        out: dict[str, list] = {}
        ids = list(contract_ids)
        if not ids:
            return out
        t = orm.contract_discounts
        for r in self.session.execute(select(t).where(t.c.contract_id.in_(ids)).order_by(t.c.discount_id)):
            out.setdefault(r.contract_id, []).append(r.discount_id)
        return out

    def signature(self, contract_id: str) -> tuple[bytes | None, str]:
        row = self.session.execute(select(orm.contracts.c.signature, orm.contracts.c.signature_content_type)
                                   .where(orm.contracts.c.id == contract_id)).first()
        return (row[0], row[1]) if row else (None, "")

    def store_signature(self, contract_id: str, image: bytes, content_type: str, signer: str, at) -> None:
        self.session.execute(update(orm.contracts).where(orm.contracts.c.id == contract_id).values(
            signature=image, signature_content_type=content_type, signer_name=signer, signed_at=at))

    def list(self, *, state: str = "", customer_id: str = "", after_id: str | None = None,
             limit: int = 50) -> list[model.Contract]:
        t = orm.contracts
        query = select(t).order_by(t.c.id.desc()).limit(limit)
        if state:
            query = query.where(t.c.state == state)
        if customer_id:
            query = query.where(t.c.customer_id == customer_id)
        if after_id:
            query = query.where(t.c.id < after_id)
        return [_row_to(model.Contract, r) for r in self.session.execute(query)]


INVOICE_COLUMNS = [c.name for c in orm.invoices.c]


class InvoiceRepository:
    def __init__(self, session: Session):
        self.session = session

    def next_numbers(self, series: str, count: int) -> int:
        """Reserve `count` consecutive numbers of a series (row lock until commit: no gaps, no repeats)."""
        t = orm.invoice_series
        row = self.session.execute(select(t.c.next_number).where(t.c.series == series).with_for_update()).first()
        if row is None:
            self.session.execute(insert(t).values(series=series, next_number=1))
            row = self.session.execute(select(t.c.next_number).where(t.c.series == series).with_for_update()).first()
        first = row[0]
        if count:
            self.session.execute(update(t).where(t.c.series == series).values(next_number=first + count))
        return first

    def lock_series(self, series: str) -> None:
        self.next_numbers(series, 0)

    def add_many(self, invoices: list[dict], lines: list[dict]) -> None:
        if invoices:
            self.session.execute(insert(orm.invoices), invoices)
        if lines:
            self.session.execute(insert(orm.invoice_lines), lines)

    def get(self, invoice_id: str, *, with_lines: bool = True, lock: bool = False) -> model.Invoice:
        query = select(orm.invoices).where(orm.invoices.c.id == invoice_id)
        if lock:
            query = query.with_for_update()
        row = self.session.execute(query).first() if invoice_id else None
        if row is None:
            raise NotFound(f"invoice {invoice_id} not found")
        inv = _row_to(model.Invoice, row)
        if with_lines:
            inv.lines = self.lines([inv.id])[inv.id]
        return inv

    def lines(self, invoice_ids) -> dict[str, list]:
        out: dict[str, list] = {i: [] for i in invoice_ids}
        t = orm.invoice_lines
        rows = self.session.execute(select(t).where(t.c.invoice_id.in_(list(invoice_ids)))
                                    .order_by(t.c.invoice_id, t.c.position))
        for r in rows:
            out[r.invoice_id].append(r._mapping)
        return out

    def list(self, *, customer_id: str = "", state: str = "", contract_id: str = "", period: str = "",
             after_id: str | None = None, limit: int = 50) -> list[model.Invoice]:
        t = orm.invoices
        query = select(t).order_by(t.c.id.desc()).limit(limit)
        for col, value in ((t.c.customer_id, customer_id), (t.c.state, state), (t.c.contract_id, contract_id),
                           (t.c.period, period)):
            if value:
                query = query.where(col == value)
        if after_id:
            query = query.where(t.c.id < after_id)
        items = [_row_to(model.Invoice, r) for r in self.session.execute(query)]
        lines = self.lines([i.id for i in items]) if items else {}
        for inv in items:
            inv.lines = lines[inv.id]
        return items

    def open_for_customer(self, customer_id: str, currency: str) -> list[model.Invoice]:
        t = orm.invoices
        query = (select(t).where(t.c.customer_id == customer_id, t.c.currency == currency,
                                 t.c.state.in_(("issued", "overdue")), t.c.balance > 0)
                 .order_by(t.c.due_date, t.c.issue_date, t.c.id).with_for_update())
        return [_row_to(model.Invoice, r) for r in self.session.execute(query)]

    def set_balance(self, invoice_id: str, balance, state: str) -> None:
        self.session.execute(update(orm.invoices).where(orm.invoices.c.id == invoice_id)
                             .values(balance=balance, state=state))

    def add_allocations(self, rows: list[dict]) -> None:
        if rows:
            self.session.execute(insert(orm.allocations), rows)

    def has_overdue_service_debt(self, contract_id: str) -> bool:
        t = orm.invoices
        return self.session.execute(select(t.c.id).where(
            t.c.contract_id == contract_id, t.c.kind == "service", t.c.state == "overdue", t.c.balance > 0)
            .limit(1)).first() is not None


class PaymentRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, p: model.Payment) -> None:
        values = _values(p)
        for k in ("allocations", "duplicate"):
            values.pop(k)
        self.session.execute(insert(orm.payments).values(**values))

    def by_external_ref(self, ref: str) -> model.Payment | None:
        row = self.session.execute(select(orm.payments).where(orm.payments.c.external_ref == ref)).first()
        return self._with_allocations(_row_to(model.Payment, row)) if row else None

    def _with_allocations(self, p: model.Payment) -> model.Payment:
        a, i = orm.allocations, orm.invoices
        rows = self.session.execute(select(a.c.invoice_id, i.c.number, a.c.amount).join(i, i.c.id == a.c.invoice_id)
                                    .where(a.c.payment_id == p.id).order_by(a.c.id))
        p.allocations = [tuple(r) for r in rows]
        return p

    def list(self, *, customer_id: str = "", after_id: str | None = None, limit: int = 50) -> list[model.Payment]:
        t = orm.payments
        query = select(t).order_by(t.c.id.desc()).limit(limit)
        if customer_id:
            query = query.where(t.c.customer_id == customer_id)
        if after_id:
            query = query.where(t.c.id < after_id)
        return [self._with_allocations(_row_to(model.Payment, r)) for r in self.session.execute(query)]
