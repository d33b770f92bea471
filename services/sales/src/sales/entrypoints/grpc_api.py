"""gRPC entry point: translate messages to use-case calls and back."""
from __future__ import annotations

from dataclasses import dataclass

import orjson

from antena.common.v1 import common_pb2
from antena.sales.v1 import sales_pb2, sales_pb2_grpc

from ..app import leads as lead_cases
from ..app import portal as portal_cases
from ..app import prospects as prospect_cases
from ..app import reports as report_cases
from ..app import tickets as ticket_cases
from ..domain import model


def _ts(value) -> str:
    return value.isoformat() if value else ""


def lead_to_pb(lead: model.Lead) -> sales_pb2.Lead:
    return sales_pb2.Lead(id=lead.id, name=lead.name, document=lead.document, phone=lead.phone, email=lead.email,
                          source=lead.source, notes=lead.notes, created_at=lead.created_at.isoformat())


def prospect_to_pb(p: model.Prospect) -> sales_pb2.Prospect:
    msg = sales_pb2.Prospect(id=p.id, lead_id=p.lead_id, name=p.name, plan_id=p.plan_id,
                             recurring_item_ids=p.recurring_item_ids, discount_ids=p.discount_ids,
                             address=common_pb2.Address(**p.address), notes=p.notes, created_at=_ts(p.created_at),
                             catalog_checked=p.catalog_checked)
    if p.location is not None:
        msg.location.CopyFrom(common_pb2.GeoPoint(lat=p.lat, lon=p.lon))
    return msg


def _coverage_fields(data: dict) -> dict:
    """The stored coverage check as Coverage message fields (a dict upb copies in one go)."""
    fields = {"status": data.get("status", "unknown"), "checked_at": data.get("checked_at", ""),
              "detail": data.get("detail", "")}
    if data.get("nearest"):
        fields["nearest"] = data["nearest"]
    return fields


def _coverage_pb(data: dict) -> sales_pb2.Coverage:
    return sales_pb2.Coverage(**_coverage_fields(data))


def attachment_to_pb(a: model.Attachment) -> sales_pb2.Attachment:
    return sales_pb2.Attachment(id=a.id, ticket_id=a.ticket_id, filename=a.filename, content_type=a.content_type,
                                size=a.size, sha256=a.sha256, uploaded_by=a.uploaded_by, created_at=_ts(a.created_at),
                                description=a.description)


def comment_to_pb(c: model.Comment) -> sales_pb2.Comment:
    return sales_pb2.Comment(id=c.id, ticket_id=c.ticket_id, text=c.text, author_id=c.author_id,
                             author_name=c.author_name, created_at=_ts(c.created_at))


def ticket_to_pb(t: model.Ticket, detail: ticket_cases.TicketDetail | None = None) -> sales_pb2.Ticket:
    msg = sales_pb2.Ticket(
        id=t.id, state=t.state, lead_id=t.lead_id, prospect_id=t.prospect_id, source=t.source,
        assignee_id=t.assignee_id, summary=t.summary, order_ids=t.order_ids, scheduled_for=_ts(t.scheduled_for),
        tags=t.tags, created_at=_ts(t.created_at), prospect_name=t.prospect_name, orders_count=t.orders_count,
        create=t.create, loss_tag=t.loss_tag, coverage=_coverage_pb(t.coverage or {}), updated_at=_ts(t.updated_at),
        closed_at=_ts(t.closed_at), contract_id=t.contract_id, feasible=t.feasible, lead_phone=t.lead_phone,
        lead_email=t.lead_email,
        orders=[sales_pb2.TicketOrder(request_id=o.request_id, order_id=o.order_id or "", kind=o.kind, state=o.state,
                                      scheduled_for=_ts(o.scheduled_for), requested_at=_ts(o.requested_at),
                                      feasible=o.feasible, result_reason=o.result_reason) for o in t.orders])
    if detail is not None:
        msg.comments.extend(comment_to_pb(c) for c in detail.comments)
        msg.attachments.extend(attachment_to_pb(a) for a in detail.attachments)
        msg.history.extend(sales_pb2.StateChange(from_state=h.from_state, to_state=h.to_state, at=_ts(h.at),
                                                 reason=h.reason) for h in detail.history)
    return msg


def _json_list(text: str) -> list:
    return [] if text == "[]" else orjson.loads(text)


def summary_to_pb(row) -> sales_pb2.Ticket:
    """A row of the list view: the columns of repository.LIST_FIELDS, in that order
    (unpacked by position: the list's hot path), JSON columns as text."""
    (id_, state, lead_id, prospect_id, source, assignee_id, summary, order_ids, scheduled_for, tags, created_at,
     prospect_name, orders_count, create, loss_tag, coverage, updated_at, closed_at, contract_id, feasible,
     lead_phone, lead_email) = row
    return sales_pb2.Ticket(
        id=id_, state=state, lead_id=lead_id, prospect_id=prospect_id, source=source, assignee_id=assignee_id,
        summary=summary, order_ids=_json_list(order_ids), scheduled_for=_ts(scheduled_for), tags=_json_list(tags),
        created_at=_ts(created_at), prospect_name=prospect_name, orders_count=orders_count, create=create,
        loss_tag=loss_tag, coverage=_coverage_fields(orjson.loads(coverage)), updated_at=_ts(updated_at),
        closed_at=_ts(closed_at), contract_id=contract_id, feasible=feasible, lead_phone=lead_phone,
        lead_email=lead_email)


def _location(request) -> tuple[float, float] | None:
    return (request.location.lat, request.location.lon) if request.HasField("location") else None


def _address(request) -> dict:
    a = request.address
    return {"street": a.street, "number": a.number, "city": a.city, "state": a.state,
            "neighbourhood": a.neighbourhood, "postal_code": a.postal_code}


@dataclass
class Adapters:
    """What the servicer needs besides the database."""

    files: object
    max_attachment_bytes: int
    coverage: ticket_cases.CoverageCheck | None = None
    catalog: prospect_cases.CatalogCheck | None = None


class SalesServicer(sales_pb2_grpc.SalesServiceServicer):
    def __init__(self, uow_factory, adapters: Adapters):
        self.uow = uow_factory
        self.adapters = adapters

    # -- leads

    def CreateLead(self, request, context):
        lead = lead_cases.create_lead(self.uow(), lead_cases.CreateLead(
            name=request.name, document=request.document, phone=request.phone, email=request.email,
            source=request.source, notes=request.notes))
        return lead_to_pb(lead)

    def GetLead(self, request, context):
        return lead_to_pb(lead_cases.get_lead(self.uow(), request.id))

    def ListLeads(self, request, context):
        items, next_cursor = lead_cases.list_leads(self.uow(), q=request.q, source=request.source,
                                                   limit=request.page.limit, cursor=request.page.cursor)
        return sales_pb2.ListLeadsResponse(items=[lead_to_pb(x) for x in items], next_cursor=next_cursor)

    def ListLeadSources(self, request, context):
        return sales_pb2.ListLeadSourcesResponse(
            sources=[sales_pb2.CountRow(key=k, count=v) for k, v in lead_cases.lead_sources(self.uow())])

    def ImportLeads(self, request, context):
        report = lead_cases.import_leads(self.uow(), request.content, default_source=request.default_source)
        return sales_pb2.ImportLeadsResponse(
            rows=report.rows, created=len(report.created), failed=report.failed, lead_ids=report.created,
            errors=[sales_pb2.ImportRowError(row=e.row, field=e.field, message=e.message) for e in report.errors])

    # -- prospects

    def CreateProspect(self, request, context):
        prospect = prospect_cases.create_prospect(self.uow(), prospect_cases.CreateProspect(
            lead_id=request.lead_id, plan_id=request.plan_id, recurring_item_ids=tuple(request.recurring_item_ids),
            discount_ids=tuple(request.discount_ids), address=_address(request), location=_location(request),
            notes=request.notes), catalog=self.adapters.catalog)
        return prospect_to_pb(prospect)

    def GetProspect(self, request, context):
        return prospect_to_pb(prospect_cases.get_prospect(self.uow(), request.id))

    def ListProspects(self, request, context):
        items, next_cursor = prospect_cases.list_prospects(self.uow(), lead_id=request.lead_id,
                                                           limit=request.page.limit, cursor=request.page.cursor)
        return sales_pb2.ListProspectsResponse(items=[prospect_to_pb(x) for x in items], next_cursor=next_cursor)

    # -- tickets

    def CreateTicket(self, request, context):
        ticket = ticket_cases.create_ticket(self.uow(), ticket_cases.CreateTicket(
            lead_id=request.lead_id, prospect_id=request.prospect_id, create=request.create or "ticket",
            assignee_id=request.assignee_id, summary=request.summary, source=request.source),
            coverage=self.adapters.coverage)
        return ticket_to_pb(ticket)

    def GetTicket(self, request, context):
        detail = ticket_cases.get_ticket(self.uow(), request.id)
        return ticket_to_pb(detail.ticket, detail)

    def ListTickets(self, request, context):
        items, next_cursor = ticket_cases.list_tickets(
            self.uow(), state=request.state, assignee_id=request.assignee_id, source=request.source, tag=request.tag,
            lead_id=request.lead_id, limit=request.page.limit, cursor=request.page.cursor)
        return sales_pb2.ListTicketsResponse(items=[summary_to_pb(x) for x in items], next_cursor=next_cursor)

    def AddComment(self, request, context):
        return comment_to_pb(ticket_cases.add_comment(self.uow(), request.ticket_id, request.text,
                                                      request.author_id, request.author_name))

    def AddAttachment(self, request, context):
        attachment = ticket_cases.add_attachment(
            self.uow(), self.adapters.files, ticket_id=request.ticket_id, filename=request.filename,
            content=request.content, max_bytes=self.adapters.max_attachment_bytes, uploaded_by=request.uploaded_by,
            description=request.description)
        return attachment_to_pb(attachment)

    def GetTicketAttachment(self, request, context):
        attachment, content = ticket_cases.read_attachment(self.uow(), self.adapters.files, request.ticket_id,
                                                           request.attachment_id)
        return sales_pb2.AttachmentContent(attachment=attachment_to_pb(attachment), content=content)

    def AssignTicket(self, request, context):
        return ticket_to_pb(ticket_cases.assign_ticket(self.uow(), request.ticket_id, request.assignee_id))

    def LoseTicket(self, request, context):
        return ticket_to_pb(ticket_cases.lose_ticket(self.uow(), request.ticket_id, request.tag, request.reason))

    def TagTicket(self, request, context):
        return ticket_to_pb(ticket_cases.tag_ticket(self.uow(), request.ticket_id, request.tag))

    def RequestOrder(self, request, context):
        return ticket_to_pb(ticket_cases.request_order(self.uow(), request.ticket_id, request.kind, request.notes))

    def ListTags(self, request, context):
        loss, tags = ticket_cases.list_tags(self.uow())
        return sales_pb2.ListTagsResponse(loss_tags=loss, tags=tags)

    # -- portal

    def SubmitInstallationRequest(self, request, context):
        result = portal_cases.submit_installation_request(self.uow(), self.adapters.files, portal_cases.SubmitInstallationRequest(
            request_id=request.request_id, isp=request.isp, name=request.name, document=request.document,
            phone=request.phone, email=request.email, address=_address(request), location=_location(request),
            plan_id=request.plan_id, recurring_item_ids=tuple(request.recurring_item_ids),
            discount_ids=tuple(request.discount_ids), notes=request.notes,
            documents=tuple(portal_cases.Document(filename=d.filename, content=d.content, content_type=d.content_type,
                                                  description=d.description) for d in request.documents)),
            max_bytes=self.adapters.max_attachment_bytes, coverage=self.adapters.coverage, catalog=self.adapters.catalog)
        t = result.ticket
        return sales_pb2.SubmitInstallationRequestResponse(ticket_id=t.id, lead_id=t.lead_id, prospect_id=t.prospect_id,
                                                           replayed=result.replayed, ticket=ticket_to_pb(t))

    # -- reports

    def GetSalesReport(self, request, context):
        r = report_cases.sales_report(self.uow(), request.from_date, request.to_date)

        def rows(pairs):
            return [sales_pb2.CountRow(key=k, count=v) for k, v in pairs]

        return sales_pb2.SalesReport(
            from_date=r.from_date.isoformat(), to_date=r.to_date.isoformat(), tickets=r.tickets,
            by_state=rows(r.by_state), by_source=rows(r.by_source), by_loss_tag=rows(r.by_loss_tag),
            by_assignee=rows(r.by_assignee), won_by_source=rows(r.won_by_source), leads=r.leads, leads_won=r.leads_won, conversion_rate=r.conversion_rate,
            median_days=[sales_pb2.StageDuration(stage=m.stage, to_state=m.to_state, median_days=m.median_days,
                                                 samples=m.samples) for m in r.median_days])


def register(uow_factory, adapters: Adapters):
    return (sales_pb2_grpc.add_SalesServiceServicer_to_server, SalesServicer(uow_factory, adapters),
            sales_pb2.DESCRIPTOR.services_by_name["SalesService"].full_name)
