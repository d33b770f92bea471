"""Billing routes (billing service): company, customers, contracts, invoices, payments,
credit notes, bill runs, dunning, statement and aging. finance (and admin) run billing;
sales and operations may look customers and contracts up."""
from __future__ import annotations

import base64
import binascii
import os
from typing import Annotated, Literal

from fastapi import APIRouter, File, HTTPException, Query, Request, Response, UploadFile
from pydantic import BaseModel, Field

from antena.billing.v1 import billing_pb2 as pb
from antena.billing.v1 import billing_pb2_grpc

from ..deps import CurrentUser, PageDep, page_body, require, stub, to_dict
from ..schemas import AddressIn
from ..uploads import read_upload

router = APIRouter(prefix="/v1", tags=["billing"])
FINANCE = ("finance",)
LOOKUP = ("finance", "sales", "operations")
ATTACHMENT_READ = ("finance", "sales")
# The same variable the billing service reads (ANTENA_BILLING_ATTACHMENT_MAX_BYTES).
ATTACHMENT_MAX_BYTES = int(os.environ.get("ANTENA_BILLING_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))

Money = Annotated[str, Field(min_length=1, max_length=20, examples=["12500.00"], description="decimal string")]
Period = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", examples=["2026-12"], description="YYYY-MM")]
ContractState = Literal["pending", "active", "suspended", "terminated"]
InvoiceState = Literal["issued", "paid", "overdue", "void"]


def billing(request: Request) -> billing_pb2_grpc.BillingServiceStub:
    return stub(request, "billing", billing_pb2_grpc.BillingServiceStub)


def _page(pg) -> dict:
    return {"limit": pg.limit, "cursor": pg.cursor}


def _nulls(d: dict, *keys: str) -> dict:
    for k in keys:
        if d.get(k) == "":
            d[k] = None
    return d


def _pdf(doc: pb.PdfDocument) -> Response:
    return Response(content=doc.content, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{doc.filename}"'})


# ---- company ----

class CompanyIn(BaseModel):
    legal_name: str = Field(min_length=1, max_length=200)
    trade_name: str = Field("", max_length=200)
    tax_id: str = Field("", max_length=40, description="CUIT, RFC, RUT, NIT...")
    fiscal_address: AddressIn = AddressIn()
    logo_base64: str = Field("", max_length=1_400_000, description="PNG or JPEG, base64")
    currency: str = Field("ARS", min_length=3, max_length=3)
    contract_template: str = Field("", max_length=200_000,
                                   description="HTML with tags: {{ customer.name }}, {{ plan.name }}, {{ price }}...")
    locale: Literal["es", "en"] = "es"
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)


def company_out(c: pb.Company) -> dict:
    out = to_dict(c)
    out.pop("logo", None)
    out["has_logo"] = bool(c.logo)
    return out


@router.get("/company", dependencies=[require(*FINANCE)])
def get_company(request: Request) -> dict:
    return company_out(billing(request).GetCompany(pb.GetCompanyRequest()))


@router.put("/company", dependencies=[require(*FINANCE)])
def put_company(body: CompanyIn, request: Request) -> dict:
    try:
        logo = base64.b64decode(body.logo_base64, validate=True) if body.logo_base64 else b""
    except (binascii.Error, ValueError):
        raise HTTPException(422, "logo_base64: not base64") from None
    data = body.model_dump(exclude={"logo_base64"})
    return company_out(billing(request).UpdateCompany(pb.Company(logo=logo, **data)))


# ---- customers ----

@router.get("/customers", dependencies=[require(*LOOKUP)])
def list_customers(request: Request, pg: PageDep,
                   q: Annotated[str, Query(max_length=200, description="name, document, e-mail or phone")] = "") -> dict:
    resp = billing(request).ListCustomers(pb.ListCustomersRequest(q=q, page=_page(pg)))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


@router.get("/customers/{customer_id}", dependencies=[require(*LOOKUP)])
def get_customer(customer_id: str, request: Request) -> dict:
    return to_dict(billing(request).GetCustomer(pb.GetByIdRequest(id=customer_id)))


@router.get("/customers/{customer_id}/statement", dependencies=[require(*FINANCE)])
def statement(customer_id: str, request: Request) -> dict:
    return to_dict(billing(request).GetStatement(pb.GetStatementRequest(customer_id=customer_id)))


# ---- contracts ----

def contract_out(c: pb.Contract) -> dict:
    return _nulls(to_dict(c), "activated_at", "start_date", "end_date", "paused_from", "paused_until", "signed_at",
                  "connection_id")


@router.get("/contracts", dependencies=[require(*LOOKUP)])
def list_contracts(request: Request, pg: PageDep, state: ContractState | None = None,
                   customer_id: Annotated[str, Query(max_length=36)] = "") -> dict:
    resp = billing(request).ListContracts(pb.ListContractsRequest(state=state or "", customer_id=customer_id,
                                                                  page=_page(pg)))
    return page_body([contract_out(x) for x in resp.items], resp.next_cursor)


@router.get("/contracts/{contract_id}", dependencies=[require(*LOOKUP)])
def get_contract(contract_id: str, request: Request) -> dict:
    return contract_out(billing(request).GetContract(pb.GetByIdRequest(id=contract_id)))


@router.get("/contracts/{contract_id}/document", dependencies=[require(*LOOKUP)],
            response_class=Response, responses={200: {"content": {"application/pdf": {}}}})
def contract_document(contract_id: str, request: Request) -> Response:
    """The contract PDF, rendered now from the company's template (with the signature once stored)."""
    return _pdf(billing(request).GetContractDocumentPdf(pb.GetContractDocumentRequest(contract_id=contract_id)))


def attachment_out(a: pb.ContractAttachment) -> dict:
    d = to_dict(a)
    d["size"] = int(d.get("size") or 0)  # int64 travels as a string in proto JSON
    return d


@router.post("/contracts/{contract_id}/attachments", status_code=201, dependencies=[require(*FINANCE)],
             description="Multipart field `file`: PDF, PNG or JPEG (recognised by content), at most "
                         f"{ATTACHMENT_MAX_BYTES} bytes (413 above, 415 for other types).")
def add_contract_attachment(contract_id: str, request: Request, user: CurrentUser,
                            file: Annotated[UploadFile, File(description="PDF, PNG or JPEG")]) -> dict:
    content = read_upload(file, ATTACHMENT_MAX_BYTES)
    return attachment_out(billing(request).AddContractAttachment(pb.AddContractAttachmentRequest(
        contract_id=contract_id, filename=file.filename or "archivo", content=content, uploaded_by=user.id)))


@router.get("/contracts/{contract_id}/attachments", dependencies=[require(*ATTACHMENT_READ)])
def list_contract_attachments(contract_id: str, request: Request) -> dict:
    resp = billing(request).ListContractAttachments(pb.ListContractAttachmentsRequest(contract_id=contract_id))
    return {"items": [attachment_out(a) for a in resp.items]}


@router.get("/contracts/{contract_id}/attachments/{attachment_id}", dependencies=[require(*ATTACHMENT_READ)],
            response_class=Response,
            responses={200: {"content": {"application/pdf": {}, "image/png": {}, "image/jpeg": {}}}})
def download_contract_attachment(contract_id: str, attachment_id: str, request: Request) -> Response:
    resp = billing(request).GetContractAttachment(pb.GetContractAttachmentRequest(
        contract_id=contract_id, attachment_id=attachment_id))
    name = resp.attachment.filename.replace('"', "")
    return Response(resp.content, media_type=resp.attachment.content_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}"',
                             "X-Content-Type-Options": "nosniff"})


class ServiceIn(BaseModel):
    recurring_item_id: str = Field(min_length=1, max_length=36, description="a catalog item with service telephony|tv")
    description: str = Field("", max_length=200, description="line number, package...")
    cut_on_nonpayment: bool = True


@router.post("/contracts/{contract_id}/services", status_code=201, dependencies=[require(*FINANCE, "sales")])
def add_service(contract_id: str, body: ServiceIn, request: Request) -> dict:
    return contract_out(billing(request).AddContractService(pb.AddContractServiceRequest(
        contract_id=contract_id, **body.model_dump())))


class PauseIn(BaseModel):
    from_period: Period | None = None
    until_period: Period | None = None


@router.post("/contracts/{contract_id}/pause", dependencies=[require(*FINANCE)])
def pause(contract_id: str, body: PauseIn, request: Request) -> dict:
    """Billing pause (vacation): bill runs skip the periods from..until (both null lifts it)."""
    return contract_out(billing(request).PauseContract(pb.PauseContractRequest(
        contract_id=contract_id, from_period=body.from_period or "", until_period=body.until_period or "")))


class TerminateIn(BaseModel):
    end_date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD, default today")


@router.post("/contracts/{contract_id}/terminate", dependencies=[require(*FINANCE)])
def terminate(contract_id: str, body: TerminateIn, request: Request) -> dict:
    """End the contract: bill runs skip it from now on; publishes billing.contract_terminated."""
    return contract_out(billing(request).TerminateContract(pb.TerminateContractRequest(
        contract_id=contract_id, end_date=body.end_date or "")))


# ---- invoices and bill runs ----

def invoice_out(i: pb.Invoice) -> dict:
    return _nulls(to_dict(i), "period", "period_start", "period_end", "contract_id")


@router.get("/invoices", dependencies=[require(*FINANCE)])
def list_invoices(request: Request, pg: PageDep, customer_id: Annotated[str, Query(max_length=36)] = "",
                  state: InvoiceState | None = None, contract_id: Annotated[str, Query(max_length=36)] = "",
                  period: Annotated[str, Query(pattern=r"^(\d{4}-(0[1-9]|1[0-2]))?$")] = "") -> dict:
    resp = billing(request).ListInvoices(pb.ListInvoicesRequest(customer_id=customer_id, state=state or "",
                                                                contract_id=contract_id, period=period, page=_page(pg)))
    return page_body([invoice_out(x) for x in resp.items], resp.next_cursor)


@router.get("/invoices/{invoice_id}", dependencies=[require(*FINANCE)])
def get_invoice(invoice_id: str, request: Request) -> dict:
    return invoice_out(billing(request).GetInvoice(pb.GetInvoiceRequest(id=invoice_id)))


@router.get("/invoices/{invoice_id}/pdf", dependencies=[require(*FINANCE)], response_class=Response,
            responses={200: {"content": {"application/pdf": {}}}})
def invoice_pdf(invoice_id: str, request: Request, lang: Literal["es", "en"] | None = None) -> Response:
    return _pdf(billing(request).GetInvoicePdf(pb.GetInvoiceRequest(id=invoice_id, locale=lang or "")))


class BillRunIn(BaseModel):
    period: Period


@router.post("/bill-runs", dependencies=[require(*FINANCE)])
def bill_run(body: BillRunIn, request: Request) -> dict:
    """Invoice every active contract for the period, once (re-running issues nothing new)."""
    resp = billing(request).RunBillRun(pb.RunBillRunRequest(period=body.period), timeout=3600)
    return to_dict(resp)


class DunningIn(BaseModel):
    as_of: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD, default today")


@router.post("/dunning-runs", dependencies=[require(*FINANCE)])
def dunning_run(body: DunningIn, request: Request) -> dict:
    """Run the daily dunning job for a date: overdue invoices, late fees, suspensions due."""
    return to_dict(billing(request).RunDunning(pb.RunDunningRequest(as_of=body.as_of or "")))


# ---- payments and credit notes ----

class PaymentIn(BaseModel):
    customer_id: str = Field(min_length=1, max_length=36)
    amount: Money
    currency: str = Field(min_length=3, max_length=3)
    method: Literal["cash", "transfer", "card", "gateway"]
    channel: str = Field("", max_length=40, description="branch, collector, bank, card, webhook...")
    external_ref: str = Field("", max_length=200, description="the same reference is recorded once")
    paid_at: str = Field("", max_length=40, description="ISO 8601 with offset; default now")


@router.post("/payments", status_code=201, dependencies=[require(*FINANCE)])
def record_payment(body: PaymentIn, request: Request, response: Response) -> dict:
    p = billing(request).RecordPayment(pb.RecordPaymentRequest(**body.model_dump()))
    if p.duplicate:
        response.status_code = 200
    return _nulls(to_dict(p), "external_ref")


@router.get("/payments", dependencies=[require(*FINANCE)])
def list_payments(request: Request, pg: PageDep, customer_id: Annotated[str, Query(max_length=36)] = "") -> dict:
    resp = billing(request).ListPayments(pb.ListPaymentsRequest(customer_id=customer_id, page=_page(pg)))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


class CreditNoteIn(BaseModel):
    invoice_id: str = Field(min_length=1, max_length=36)
    amount: str = Field("", max_length=20, description="empty: the whole open balance (voids an unpaid invoice)")
    reason: str = Field("", max_length=500)


@router.post("/credit-notes", status_code=201, dependencies=[require(*FINANCE)])
def credit_note(body: CreditNoteIn, request: Request) -> dict:
    return to_dict(billing(request).CreateCreditNote(pb.CreateCreditNoteRequest(**body.model_dump())))


# ---- reports ----

@router.get("/reports/aging", dependencies=[require(*FINANCE)])
def aging(request: Request, as_of: Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
          currency: Annotated[str, Query(max_length=3)] = "") -> dict:
    """Open balances by days past due: current, 0-30, 31-60, 61-90, 90+."""
    return to_dict(billing(request).GetAgingReport(pb.GetAgingReportRequest(as_of=as_of, currency=currency)))
