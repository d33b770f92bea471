"""Sales desk routes (sales service): leads, prospects, tickets, reports."""
from __future__ import annotations

import csv
import io
import os
from typing import Annotated, Literal

import orjson
from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, Field

from antena.sales.v1 import sales_pb2, sales_pb2_grpc
from antena_common import metrics

from ...app.page_cache import PageCache
from ..deps import CurrentUser, PageDep, PageQuery, QueryModel, page_body, require, stub, to_dict
from ..schemas import AddressIn, LocationIn
from ..uploads import read_upload

router = APIRouter(prefix="/v1", tags=["sales desk"])
SALES_ROLES = ("sales",)
READ_ROLES = ("sales", "operations")
# The same variable the sales service reads (ANTENA_SALES_ATTACHMENT_MAX_BYTES).
ATTACHMENT_MAX_BYTES = int(os.environ.get("ANTENA_SALES_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))
IMPORT_MAX_BYTES = 5 * 1024 * 1024
# ticket fields that are "absent" when empty: null on the wire
_NULLABLE = ("assignee_id", "scheduled_for", "closed_at", "contract_id", "loss_tag")


def sales(request: Request) -> sales_pb2_grpc.SalesServiceStub:
    return stub(request, "sales", sales_pb2_grpc.SalesServiceStub)


# ---- leads -----------------------------------------------------------------


class LeadIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    document: str = Field("", max_length=40)
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254)
    source: str = Field("", max_length=100, description="where the contact came from: web, whatsapp, referral...")
    notes: str = Field("", max_length=5000)


@router.post("/leads", status_code=201, dependencies=[require(*SALES_ROLES)])
def create_lead(body: LeadIn, request: Request) -> dict:
    return to_dict(sales(request).CreateLead(sales_pb2.CreateLeadRequest(**body.model_dump())))


@router.get("/leads", dependencies=[require(*READ_ROLES)])
def list_leads(request: Request, pg: PageDep,
               q: Annotated[str, Query(max_length=200, description="name, document, phone or e-mail; "
                                                                   "accents and case do not matter")] = "",
               source: Annotated[str, Query(max_length=100)] = "") -> dict:
    resp = sales(request).ListLeads(sales_pb2.ListLeadsRequest(q=q, source=source,
                                                               page={"limit": pg.limit, "cursor": pg.cursor}))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


@router.get("/lead-sources", dependencies=[require(*READ_ROLES)],
            description="Where leads came from: each source in use with its number of leads, most used first.")
def list_lead_sources(request: Request) -> dict:
    resp = sales(request).ListLeadSources(sales_pb2.ListLeadSourcesRequest())
    return {"items": [{"source": r.key, "leads": r.count} for r in resp.sources]}


@router.post("/leads/import", dependencies=[require(*SALES_ROLES)],
             summary="Import leads from a CSV file",
             description="Multipart field `file`: CSV with a header row (name required; document, phone, email, "
                         "source, notes; Spanish headers accepted). Valid rows are created; invalid ones are reported "
                         "as {row, field, message} (the header is row 1).")
def import_leads(request: Request, file: Annotated[UploadFile, File(description="CSV file")],
                 source: Annotated[str, Form(max_length=100, description="source of rows without one")] = "") -> dict:
    content = file.file.read(IMPORT_MAX_BYTES + 1)
    if len(content) > IMPORT_MAX_BYTES:
        raise HTTPException(413, f"the CSV file is larger than {IMPORT_MAX_BYTES} bytes")
    resp = sales(request).ImportLeads(sales_pb2.ImportLeadsRequest(content=content, filename=file.filename or "",
                                                                   default_source=source))
    return to_dict(resp)


@router.get("/leads/{lead_id}", dependencies=[require(*READ_ROLES)])
def get_lead(lead_id: str, request: Request) -> dict:
    return to_dict(sales(request).GetLead(sales_pb2.GetLeadRequest(id=lead_id)))


# ---- prospects ---------------------------------------------------------------


class ProspectIn(BaseModel):
    lead_id: str = Field(min_length=1, max_length=64)
    plan_id: str = Field("", max_length=64)
    recurring_item_ids: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(default_factory=list, max_length=50)
    discount_ids: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(default_factory=list, max_length=50)
    address: AddressIn = Field(default_factory=AddressIn)
    location: LocationIn | None = None
    notes: str = Field("", max_length=5000)


def prospect_json(msg) -> dict:
    data = to_dict(msg)
    if not msg.HasField("location"):
        data["location"] = None
    return data


@router.post("/prospects", status_code=201, dependencies=[require(*SALES_ROLES)])
def create_prospect(body: ProspectIn, request: Request) -> dict:
    req = sales_pb2.CreateProspectRequest(
        lead_id=body.lead_id, plan_id=body.plan_id, recurring_item_ids=body.recurring_item_ids,
        discount_ids=body.discount_ids, address=body.address.model_dump(), notes=body.notes)
    if body.location is not None:
        req.location.lat, req.location.lon = body.location.lat, body.location.lon
    return prospect_json(sales(request).CreateProspect(req))


@router.get("/prospects", dependencies=[require(*READ_ROLES)])
def list_prospects(request: Request, pg: PageDep,
                   lead_id: Annotated[str, Query(max_length=64)] = "") -> dict:
    resp = sales(request).ListProspects(sales_pb2.ListProspectsRequest(
        lead_id=lead_id, page={"limit": pg.limit, "cursor": pg.cursor}))
    return page_body([prospect_json(x) for x in resp.items], resp.next_cursor)


@router.get("/prospects/{prospect_id}", dependencies=[require(*READ_ROLES)])
def get_prospect(prospect_id: str, request: Request) -> dict:
    return prospect_json(sales(request).GetProspect(sales_pb2.GetProspectRequest(id=prospect_id)))


# ---- tickets -------------------------------------------------------------------


def attachment_json(data: dict) -> dict:
    data["size"] = int(data.get("size") or 0)  # int64 travels as a string in proto JSON
    return data


_COVERED = {"covered": True, "not_covered": False}  # "unknown": null


def _coverage_json(cov) -> dict:
    status = cov.status or "unknown"
    nearest = None
    if cov.HasField("nearest"):
        n = cov.nearest
        nearest = {"nap_box_id": n.nap_box_id, "code": n.code, "distance_m": n.distance_m, "free_ports": n.free_ports}
    return {"status": status, "covered": _COVERED.get(status), "nearest": nearest,
            "checked_at": cov.checked_at or None, "detail": cov.detail or None}


def ticket_row_json(t) -> dict:
    """A row of the list view, written out by hand: the list must stay fast."""
    return {
        "id": t.id, "state": t.state, "lead_id": t.lead_id, "prospect_id": t.prospect_id, "source": t.source,
        "assignee_id": t.assignee_id or None, "summary": t.summary, "order_ids": list(t.order_ids),
        "scheduled_for": t.scheduled_for or None, "tags": list(t.tags), "created_at": t.created_at,
        "prospect_name": t.prospect_name, "orders_count": t.orders_count, "create": t.create,
        "loss_tag": t.loss_tag or None, "coverage": _coverage_json(t.coverage), "updated_at": t.updated_at,
        "closed_at": t.closed_at or None, "contract_id": t.contract_id or None, "feasible": t.feasible,
        "lead_phone": t.lead_phone, "lead_email": t.lead_email,
    }


def ticket_json(msg, *, detail: bool = False) -> dict:
    data = to_dict(msg)
    for key in _NULLABLE:
        if data.get(key) == "":
            data[key] = None
    data["coverage"] = _coverage_json(msg.coverage)
    for order in data.get("orders", []):
        for key in ("order_id", "scheduled_for", "result_reason"):
            if order.get(key) == "":
                order[key] = None
    for attachment in data.get("attachments", []):
        attachment_json(attachment)
    if not detail:
        for key in ("comments", "attachments", "history"):
            data.pop(key, None)
    return data


class TicketIn(BaseModel):
    lead_id: str = Field(min_length=1, max_length=64)
    prospect_id: str = Field(min_length=1, max_length=64)
    create: Literal["ticket", "installation", "feasibility"] = "ticket"
    assignee_id: str = Field("", max_length=64)
    summary: str = Field("", max_length=500)
    source: str = Field("", max_length=100, description="default: the lead's source")


@router.post("/tickets", status_code=201, dependencies=[require(*SALES_ROLES)],
             description="The wizard's last step: `create` = ticket (ticket only), installation or feasibility "
                         "(ticket + an order request to operations). Coverage is checked with network and recorded.")
def create_ticket(body: TicketIn, request: Request, user: CurrentUser) -> dict:
    return ticket_json(sales(request).CreateTicket(sales_pb2.CreateTicketRequest(
        **body.model_dump(), created_by=user.id)))


class TicketListQuery(PageQuery):
    state: Literal["pending", "order_in_progress", "won", "lost"] | None = None
    assignee_id: str = Field("", max_length=64)
    source: str = Field("", max_length=100)
    tag: str = Field("", max_length=60)
    lead_id: str = Field("", max_length=64)


TICKET_LIST_QUERY = QueryModel(TicketListQuery)


@router.get("/tickets", dependencies=[require(*READ_ROLES)], response_class=Response,
            openapi_extra=TICKET_LIST_QUERY.openapi,
            responses={200: {"content": {"application/json": {}}, "description": "A page of tickets: "
                             "`{items: [...], next_cursor}`"}},
            description="The desk's list, newest first: prospect name and date, source, assignee, number of "
                        "orders, scheduled date, tags.")
async def list_tickets(request: Request) -> Response:
    # The busiest read (every desk screen polls it): pages are kept until sales says a ticket
    # changed (app/page_cache.py); a miss asks sales by async gRPC and writes the JSON
    # straight from the messages.
    q: TicketListQuery = TICKET_LIST_QUERY.parse(request)

    async def load() -> bytes:
        req = sales_pb2.ListTicketsRequest(state=q.state or "", assignee_id=q.assignee_id, source=q.source,
                                           tag=q.tag, lead_id=q.lead_id,
                                           page={"limit": q.limit, "cursor": q.cursor or ""})
        resp = await request.app.state.clients.call("sales", sales_pb2_grpc.SalesServiceStub, "ListTickets", req)
        return orjson.dumps(page_body([ticket_row_json(x) for x in resp.items], resp.next_cursor))

    pages: PageCache = request.app.state.ticket_pages
    key = (q.state or "", q.assignee_id, q.source, q.tag, q.lead_id, q.limit, q.cursor or "")
    body, how = await pages.get_or_load(key, load)
    _CACHE_LOOKUPS[how].inc()
    return Response(body, media_type="application/json")


_CACHE_LOOKUPS = {how: metrics.PAGE_CACHE_LOOKUPS.labels("gateway", "tickets", how)
                  for how in ("hit", "shared", "miss", "bypass")}


@router.get("/ticket-tags", dependencies=[require(*READ_ROLES)])
def list_ticket_tags(request: Request) -> dict:
    resp = sales(request).ListTags(sales_pb2.ListTagsRequest())
    return {"loss_tags": list(resp.loss_tags), "tags": list(resp.tags)}


@router.get("/tickets/{ticket_id}", dependencies=[require(*READ_ROLES)])
def get_ticket(ticket_id: str, request: Request) -> dict:
    return ticket_json(sales(request).GetTicket(sales_pb2.GetTicketRequest(id=ticket_id)), detail=True)


class CommentIn(BaseModel):
    text: str = Field(min_length=1, max_length=10000)


@router.post("/tickets/{ticket_id}/comments", status_code=201, dependencies=[require(*SALES_ROLES)])
def add_comment(ticket_id: str, body: CommentIn, request: Request, user: CurrentUser) -> dict:
    return to_dict(sales(request).AddComment(sales_pb2.AddCommentRequest(
        ticket_id=ticket_id, text=body.text, author_id=user.id, author_name=user.username)))


@router.post("/tickets/{ticket_id}/attachments", status_code=201, dependencies=[require(*SALES_ROLES)],
             description="Multipart field `file`: PDF, PNG or JPEG (recognised by content), at most "
                         f"{ATTACHMENT_MAX_BYTES} bytes (413 above, 415 for other types).")
def add_attachment(ticket_id: str, request: Request, user: CurrentUser,
                   file: Annotated[UploadFile, File(description="PDF, PNG or JPEG")],
                   description: Annotated[str, Form(max_length=200)] = "") -> dict:
    content = read_upload(file, ATTACHMENT_MAX_BYTES)
    return attachment_json(to_dict(sales(request).AddAttachment(sales_pb2.AddAttachmentRequest(
        ticket_id=ticket_id, filename=file.filename or "file", content_type=file.content_type or "",
        content=content, uploaded_by=user.id, description=description))))


@router.get("/tickets/{ticket_id}/attachments/{attachment_id}", dependencies=[require(*READ_ROLES)],
            response_class=Response, responses={200: {"content": {"application/pdf": {}, "image/png": {}, "image/jpeg": {}}}})
def download_attachment(ticket_id: str, attachment_id: str, request: Request) -> Response:
    resp = sales(request).GetTicketAttachment(sales_pb2.GetTicketAttachmentRequest(
        ticket_id=ticket_id, attachment_id=attachment_id))
    name = resp.attachment.filename.replace('"', "")
    return Response(resp.content, media_type=resp.attachment.content_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}"',
                             "X-Content-Type-Options": "nosniff"})


class AssignIn(BaseModel):
    assignee_id: str = Field(max_length=64, description="staff user id; empty to unassign")


@router.post("/tickets/{ticket_id}/assign", dependencies=[require(*SALES_ROLES)])
def assign_ticket(ticket_id: str, body: AssignIn, request: Request) -> dict:
    return ticket_json(sales(request).AssignTicket(sales_pb2.AssignTicketRequest(
        ticket_id=ticket_id, assignee_id=body.assignee_id)))


class LoseIn(BaseModel):
    tag: str = Field(min_length=1, max_length=60,
                     description='"sin cobertura", "sin plan", "imposibilidad técnica" or a custom tag')
    reason: str = Field("", max_length=2000)


@router.post("/tickets/{ticket_id}/lose", dependencies=[require(*SALES_ROLES)])
def lose_ticket(ticket_id: str, body: LoseIn, request: Request) -> dict:
    return ticket_json(sales(request).LoseTicket(sales_pb2.LoseTicketRequest(
        ticket_id=ticket_id, tag=body.tag, reason=body.reason)))


class TagIn(BaseModel):
    tag: str = Field(min_length=1, max_length=60)


@router.post("/tickets/{ticket_id}/tags", dependencies=[require(*SALES_ROLES)])
def tag_ticket(ticket_id: str, body: TagIn, request: Request) -> dict:
    return ticket_json(sales(request).TagTicket(sales_pb2.TagTicketRequest(ticket_id=ticket_id, tag=body.tag)))


class OrderRequestIn(BaseModel):
    kind: Literal["installation", "feasibility"]
    notes: str = Field("", max_length=5000)


@router.post("/tickets/{ticket_id}/orders", status_code=202, dependencies=[require(*SALES_ROLES)],
             description="Ask operations for an installation or feasibility order on an open ticket "
                         "(409 on a won or lost ticket, or when one of that kind is already open).")
def request_order(ticket_id: str, body: OrderRequestIn, request: Request) -> dict:
    return ticket_json(sales(request).RequestOrder(sales_pb2.RequestOrderRequest(
        ticket_id=ticket_id, kind=body.kind, notes=body.notes)))


# ---- reports ---------------------------------------------------------------------


def _report_csv(report: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "key", "value", "samples"])
    for key in ("from_date", "to_date", "tickets", "leads", "leads_won", "conversion_rate"):
        writer.writerow(["summary", key, report[key], ""])
    for section in ("by_state", "by_source", "won_by_source", "by_loss_tag", "by_assignee"):
        for row in report[section]:
            writer.writerow([section, row["key"], row["count"], ""])
    for row in report["median_days"]:
        key = f"{row['stage']}->{row['to_state'] or '*'}"
        writer.writerow(["median_days", key, row["median_days"], row["samples"]])
    return out.getvalue()


@router.get("/reports/sales", dependencies=[require(*SALES_ROLES)],
            description="Tickets created in [from, to] by state, source, loss tag and assignee; lead -> won "
                        "conversion; median days per stage. CSV with `Accept: text/csv` or `?format=csv`.",
            responses={200: {"content": {"application/json": {}, "text/csv": {}}}})
def sales_report(request: Request,
                 from_: Annotated[str | None, Query(alias="from", pattern=r"^\d{4}-\d{2}-\d{2}$",
                                                    description="YYYY-MM-DD")] = None,
                 to: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")] = None,
                 format: Annotated[Literal["json", "csv"] | None, Query()] = None):
    resp = sales(request).GetSalesReport(sales_pb2.GetSalesReportRequest(from_date=from_ or "", to_date=to or ""))
    report = to_dict(resp)
    report["conversion_rate"] = round(resp.conversion_rate, 4)
    wants_csv = format == "csv" or (format is None and "text/csv" in request.headers.get("accept", ""))
    if wants_csv:
        name = f"ventas_{report['from_date']}_{report['to_date']}.csv"
        return Response(_report_csv(report), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    return report
