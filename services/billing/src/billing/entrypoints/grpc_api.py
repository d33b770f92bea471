"""gRPC entry point: translate messages to use-case calls and back."""
from __future__ import annotations

from antena.billing.v1 import billing_pb2 as pb
from antena.billing.v1 import billing_pb2_grpc
from antena_common.errors import InvalidArgument

from ..app import catalog as cat
from ..domain import catalog
from ..domain.money import fmt


def _ts(value) -> str:
    return value.isoformat() if value else ""


def plan_pb(x: catalog.Plan) -> pb.Plan:
    return pb.Plan(id=x.id, name=x.name, download_mbps=x.download_mbps, upload_mbps=x.upload_mbps, price=fmt(x.price),
                   currency=x.currency, tax_rate_id=x.tax_rate_id or "", active=x.active, created_at=_ts(x.created_at))


def item_pb(x: catalog.RecurringItem) -> pb.RecurringItem:
    return pb.RecurringItem(id=x.id, name=x.name, price=fmt(x.price), period=x.period, currency=x.currency,
                            service=x.service, tax_rate_id=x.tax_rate_id or "", active=x.active,
                            created_at=_ts(x.created_at))


def discount_pb(x: catalog.Discount) -> pb.Discount:
    return pb.Discount(id=x.id, name=x.name, kind=x.kind, value=fmt(x.value), months=x.months or 0,
                       has_months=x.months is not None, active=x.active, created_at=_ts(x.created_at))


def profile_pb(x: catalog.BillingProfile) -> pb.BillingProfile:
    return pb.BillingProfile(
        id=x.id, name=x.name, issue_day=x.issue_day, due_days=x.due_days, late_fee_kind=x.late_fee_kind,
        late_fee_value=fmt(x.late_fee_value), suspend_after_days=x.suspend_after_days, prorate=x.prorate,
        grace_days=x.grace_days, early_payment_days=x.early_payment_days,
        early_payment_percent=fmt(x.early_payment_percent), free_days=x.free_days, currency=x.currency,
        created_at=_ts(x.created_at))


def tax_pb(x: catalog.TaxRate) -> pb.TaxRate:
    return pb.TaxRate(id=x.id, name=x.name, rate=fmt(x.rate), inclusive=x.inclusive, is_default=x.is_default,
                      created_at=_ts(x.created_at))


class BillingServicer(billing_pb2_grpc.BillingServiceServicer):
    def __init__(self, uow_factory):
        self.uow = uow_factory

    # ---- catalog ----

    def CreatePlan(self, r, context):
        return plan_pb(cat.create_plan(self.uow(), cat.CreatePlan(
            name=r.name, download_mbps=r.download_mbps, upload_mbps=r.upload_mbps, price=r.price,
            currency=r.currency, tax_rate_id=r.tax_rate_id)))

    def GetPlan(self, r, context):
        return plan_pb(cat.get(self.uow(), "plans", r.id))

    def _list(self, r, table, conv, resp):
        items, nxt = cat.list_page(self.uow(), table, limit=r.page.limit, cursor=r.page.cursor,
                                   include_inactive=r.include_inactive)
        return resp(items=[conv(x) for x in items], next_cursor=nxt)

    def ListPlans(self, r, context):
        return self._list(r, "plans", plan_pb, pb.ListPlansResponse)

    def CreateRecurringItem(self, r, context):
        return item_pb(cat.create_recurring_item(self.uow(), cat.CreateRecurringItem(
            name=r.name, price=r.price, period=r.period, currency=r.currency, service=r.service,
            tax_rate_id=r.tax_rate_id)))

    def ListRecurringItems(self, r, context):
        return self._list(r, "recurring_items", item_pb, pb.ListRecurringItemsResponse)

    def CreateDiscount(self, r, context):
        return discount_pb(cat.create_discount(self.uow(), cat.CreateDiscount(
            name=r.name, kind=r.kind, value=r.value, months=r.months if r.has_months else None)))

    def ListDiscounts(self, r, context):
        return self._list(r, "discounts", discount_pb, pb.ListDiscountsResponse)

    def CreateBillingProfile(self, r, context):
        return profile_pb(cat.create_billing_profile(self.uow(), cat.CreateBillingProfile(
            name=r.name, issue_day=r.issue_day, due_days=r.due_days, late_fee_kind=r.late_fee_kind,
            late_fee_value=r.late_fee_value, suspend_after_days=r.suspend_after_days, prorate=r.prorate,
            grace_days=r.grace_days, early_payment_days=r.early_payment_days,
            early_payment_percent=r.early_payment_percent, free_days=r.free_days, currency=r.currency)))

    def GetBillingProfile(self, r, context):
        return profile_pb(cat.get(self.uow(), "billing_profiles", r.id))

    def ListBillingProfiles(self, r, context):
        return self._list(r, "billing_profiles", profile_pb, pb.ListBillingProfilesResponse)

    def CreateTaxRate(self, r, context):
        return tax_pb(cat.create_tax_rate(self.uow(), name=r.name, rate=r.rate, inclusive=r.inclusive,
                                          is_default=r.is_default))

    def ListTaxRates(self, r, context):
        return self._list(r, "tax_rates", tax_pb, pb.ListTaxRatesResponse)

    def Quote(self, r, context):
        qt = cat.make_quote(self.uow(), plan_id=r.plan_id, recurring_item_ids=list(r.recurring_item_ids),
                            discount_ids=list(r.discount_ids))
        lines = [pb.QuoteLine(kind=k, ref_id=ref, description=d, amount=fmt(a), period=p, months=m or 0,
                              has_months=m is not None) for k, ref, d, a, p, m in qt.lines]
        return pb.QuoteResponse(lines=lines, subtotal=fmt(qt.subtotal), discount_total=fmt(qt.discount_total),
                                total_monthly=fmt(qt.total_monthly), currency=qt.currency)

    def ValidateCatalogIds(self, r, context):
        errors, currency = cat.validate_ids(self.uow(), plan_id=r.plan_id,
                                            recurring_item_ids=list(r.recurring_item_ids),
                                            discount_ids=list(r.discount_ids), billing_profile_id=r.billing_profile_id)
        if errors:
            raise InvalidArgument("; ".join(f"{k}: {v}" for k, v in errors.items()), field_errors=errors)
        return pb.ValidateCatalogIdsResponse(valid=True, currency=currency)


def register(uow_factory):
    return (billing_pb2_grpc.add_BillingServiceServicer_to_server, BillingServicer(uow_factory),
            pb.DESCRIPTOR.services_by_name["BillingService"].full_name)
