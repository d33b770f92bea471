"""gRPC entry point: translate messages to use-case calls and back."""
from __future__ import annotations

from antena.sales.v1 import sales_pb2, sales_pb2_grpc

from ..app import leads as lead_cases
from ..domain import model


def lead_to_pb(lead: model.Lead) -> sales_pb2.Lead:
    return sales_pb2.Lead(id=lead.id, name=lead.name, document=lead.document, phone=lead.phone, email=lead.email,
                          source=lead.source, notes=lead.notes, created_at=lead.created_at.isoformat())


class SalesServicer(sales_pb2_grpc.SalesServiceServicer):
    def __init__(self, uow_factory):
        self.uow = uow_factory

    def CreateLead(self, request, context):
        lead = lead_cases.create_lead(self.uow(), lead_cases.CreateLead(
            name=request.name, document=request.document, phone=request.phone, email=request.email,
            source=request.source, notes=request.notes))
        return lead_to_pb(lead)

    def GetLead(self, request, context):
        return lead_to_pb(lead_cases.get_lead(self.uow(), request.id))

    def ListLeads(self, request, context):
        items, next_cursor = lead_cases.list_leads(self.uow(), q=request.q, limit=request.page.limit,
                                                   cursor=request.page.cursor)
        return sales_pb2.ListLeadsResponse(items=[lead_to_pb(x) for x in items], next_cursor=next_cursor)


def register(uow_factory):
    return (sales_pb2_grpc.add_SalesServiceServicer_to_server, SalesServicer(uow_factory),
            sales_pb2.DESCRIPTOR.services_by_name["SalesService"].full_name)
