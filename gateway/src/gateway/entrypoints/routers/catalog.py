"""Catalog and billing setup routes (billing service): plans, recurring items, discounts,
billing profiles, tax rates, quotes. admin/finance manage the catalog; sales reads it and quotes."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from antena.billing.v1 import billing_pb2 as pb
from antena.billing.v1 import billing_pb2_grpc

from ..deps import PageDep, page_body, require, stub, to_dict

router = APIRouter(prefix="/v1", tags=["catalog"])
MANAGE = ("finance",)
READ = ("finance", "sales", "operations")

Decimal = Annotated[str, Field(pattern=r"^\s*-?\d{1,13}(\.\d{1,2})?\s*$", examples=["12500.00"],
                               description="decimal string, up to 2 decimals")]
Currency = Annotated[str, Field(min_length=3, max_length=3, examples=["ARS"], description="ISO 4217 code")]


def billing(request: Request) -> billing_pb2_grpc.BillingServiceStub:
    return stub(request, "billing", billing_pb2_grpc.BillingServiceStub)


def _page(pg, include_inactive: bool = False) -> pb.ListCatalogRequest:
    return pb.ListCatalogRequest(page={"limit": pg.limit, "cursor": pg.cursor}, include_inactive=include_inactive)


def discount_out(d: pb.Discount) -> dict:
    out = to_dict(d)
    out["months"] = d.months if d.has_months else None
    out.pop("has_months", None)
    return out


def _optional_str(value: str) -> str | None:
    return value or None


class PlanIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    download_mbps: int = Field(ge=1, le=100_000)
    upload_mbps: int = Field(ge=1, le=100_000)
    price: Decimal
    currency: Currency
    tax_rate_id: str = Field("", max_length=36, description="empty: the default tax rate")


@router.post("/plans", status_code=201, dependencies=[require(*MANAGE)])
def create_plan(body: PlanIn, request: Request) -> dict:
    return to_dict(billing(request).CreatePlan(pb.CreatePlanRequest(**body.model_dump())))


@router.get("/plans", dependencies=[require(*READ)])
def list_plans(request: Request, pg: PageDep, include_inactive: bool = False) -> dict:
    resp = billing(request).ListPlans(_page(pg, include_inactive))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


@router.get("/plans/{plan_id}", dependencies=[require(*READ)])
def get_plan(plan_id: str, request: Request) -> dict:
    return to_dict(billing(request).GetPlan(pb.GetByIdRequest(id=plan_id)))


class RecurringItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    price: Decimal
    period: Literal["monthly", "yearly"]
    currency: str = Field("", max_length=3, description="default: the company currency")
    service: Literal["", "telephony", "tv"] = Field("", description="an additional service (seed 004)")
    tax_rate_id: str = Field("", max_length=36)


@router.post("/recurring-items", status_code=201, dependencies=[require(*MANAGE)])
def create_recurring_item(body: RecurringItemIn, request: Request) -> dict:
    return to_dict(billing(request).CreateRecurringItem(pb.CreateRecurringItemRequest(**body.model_dump())))


@router.get("/recurring-items", dependencies=[require(*READ)])
def list_recurring_items(request: Request, pg: PageDep, include_inactive: bool = False) -> dict:
    resp = billing(request).ListRecurringItems(_page(pg, include_inactive))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


class DiscountIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["percent", "amount"]
    value: Decimal
    months: int | None = Field(None, ge=1, le=600, description="null = no end")


@router.post("/discounts", status_code=201, dependencies=[require(*MANAGE)])
def create_discount(body: DiscountIn, request: Request) -> dict:
    req = pb.CreateDiscountRequest(name=body.name, kind=body.kind, value=body.value, months=body.months or 0,
                                   has_months=body.months is not None)
    return discount_out(billing(request).CreateDiscount(req))


@router.get("/discounts", dependencies=[require(*READ)])
def list_discounts(request: Request, pg: PageDep, include_inactive: bool = False) -> dict:
    resp = billing(request).ListDiscounts(_page(pg, include_inactive))
    return page_body([discount_out(x) for x in resp.items], resp.next_cursor)


class BillingProfileIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    issue_day: int = Field(ge=1, le=28)
    due_days: int = Field(ge=0, le=90)
    late_fee_kind: Literal["percent", "amount"]
    late_fee_value: Decimal
    suspend_after_days: int = Field(ge=0, le=365)
    prorate: bool
    grace_days: int = Field(0, ge=0, le=90)
    early_payment_days: int = Field(0, ge=0, le=90, description="pronto pago: days after issue")
    early_payment_percent: Decimal = "0"
    free_days: int = Field(0, ge=0, le=90)
    currency: str = Field("", max_length=3, description="default: the company currency")


@router.post("/billing-profiles", status_code=201, dependencies=[require(*MANAGE)])
def create_billing_profile(body: BillingProfileIn, request: Request) -> dict:
    return to_dict(billing(request).CreateBillingProfile(pb.CreateBillingProfileRequest(**body.model_dump())))


@router.get("/billing-profiles", dependencies=[require(*READ)])
def list_billing_profiles(request: Request, pg: PageDep) -> dict:
    resp = billing(request).ListBillingProfiles(_page(pg))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


@router.get("/billing-profiles/{profile_id}", dependencies=[require(*READ)])
def get_billing_profile(profile_id: str, request: Request) -> dict:
    return to_dict(billing(request).GetBillingProfile(pb.GetByIdRequest(id=profile_id)))


class TaxRateIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    rate: Decimal
    inclusive: bool = False
    is_default: bool = False


@router.post("/tax-rates", status_code=201, dependencies=[require(*MANAGE)])
def create_tax_rate(body: TaxRateIn, request: Request) -> dict:
    return to_dict(billing(request).CreateTaxRate(pb.CreateTaxRateRequest(**body.model_dump())))


@router.get("/tax-rates", dependencies=[require(*READ)])
def list_tax_rates(request: Request, pg: PageDep) -> dict:
    resp = billing(request).ListTaxRates(_page(pg))
    return page_body([to_dict(x) for x in resp.items], resp.next_cursor)


class QuoteIn(BaseModel):
    plan_id: str = Field(min_length=1, max_length=36)
    recurring_item_ids: list[str] = Field(default_factory=list, max_length=50)
    discount_ids: list[str] = Field(default_factory=list, max_length=20)


@router.post("/quotes", dependencies=[require("sales", "finance")])
def quote(body: QuoteIn, request: Request) -> dict:
    resp = billing(request).Quote(pb.QuoteRequest(**body.model_dump()))
    out = to_dict(resp)
    for line, msg in zip(out["lines"], resp.lines):
        line["months"] = msg.months if msg.has_months else None
        line.pop("has_months", None)
    return out
