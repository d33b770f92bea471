"""Sales desk routes (sales service): leads, prospects, tickets, reports."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from antena.sales.v1 import sales_pb2, sales_pb2_grpc

from ..deps import PageDep, page_body, require, stub, to_dict

router = APIRouter(prefix="/v1", tags=["sales desk"])
SALES_ROLES = ("sales",)


def sales(request: Request) -> sales_pb2_grpc.SalesServiceStub:
    return stub(request, "sales", sales_pb2_grpc.SalesServiceStub)


class LeadIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    document: str = Field("", max_length=40)
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254)
    source: str = Field("", max_length=100)
    notes: str = Field("", max_length=5000)


@router.post("/leads", status_code=201, dependencies=[require(*SALES_ROLES)])
def create_lead(body: LeadIn, request: Request) -> dict:
    return to_dict(sales(request).CreateLead(sales_pb2.CreateLeadRequest(**body.model_dump())))


@router.get("/leads", dependencies=[require(*SALES_ROLES, "operations")])
def list_leads(request: Request, pg: PageDep,
               q: Annotated[str, Query(max_length=200, description="name, document, phone or e-mail")] = "") -> dict:
    resp = sales(request).ListLeads(sales_pb2.ListLeadsRequest(q=q, page={"limit": pg.limit, "cursor": pg.cursor}))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


@router.get("/leads/{lead_id}", dependencies=[require(*SALES_ROLES, "operations")])
def get_lead(lead_id: str, request: Request) -> dict:
    return to_dict(sales(request).GetLead(sales_pb2.GetLeadRequest(id=lead_id)))
