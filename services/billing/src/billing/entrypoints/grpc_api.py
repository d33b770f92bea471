"""gRPC entry point: translate messages to use-case calls and back."""
from __future__ import annotations

from antena.billing.v1 import billing_pb2 as pb
from antena.billing.v1 import billing_pb2_grpc
from antena_common.errors import InvalidArgument

import datetime as dt

from antena.common.v1 import common_pb2

from ..app import catalog as cat
from ..app import company as company_cases
from ..app import contracts as contract_cases
from ..app import dunning, invoices, invoicing, ledger, reports
from ..domain import catalog, model
from ..domain.money import ZERO, fmt, parse_date
from . import bill_run_metrics


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


def attachment_pb(a: model.ContractAttachment) -> pb.ContractAttachment:
    return pb.ContractAttachment(id=a.id, contract_id=a.contract_id, filename=a.filename, content_type=a.content_type,
                                 size=a.size, uploaded_by=a.uploaded_by, created_at=_ts(a.created_at))


class BillingServicer(billing_pb2_grpc.BillingServiceServicer):
    def __init__(self, uow_factory, attachment_max_bytes: int = 10 * 1024 * 1024):
        self.uow = uow_factory
        self.attachment_max_bytes = attachment_max_bytes

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


def _d(value) -> str:
    return value.isoformat() if value else ""


def address_pb(addr: dict | None) -> common_pb2.Address:
    addr = addr or {}
    return common_pb2.Address(**{k: str(addr.get(k, "")) for k in ("street", "number", "city", "state",
                                                                    "neighbourhood", "postal_code")})


def customer_pb(c: model.Customer, balance=ZERO) -> pb.Customer:
    return pb.Customer(id=c.id, name=c.name, document=c.document, email=c.email, phone=c.phone, fiscal_id=c.fiscal_id,
                       address=address_pb(c.address), balance=fmt(balance), credit=fmt(c.credit), currency=c.currency,
                       created_at=_ts(c.created_at))


def contract_pb(c: model.Contract, items=(), discount_ids=(), prices=None) -> pb.Contract:
    prices = prices or {}
    return pb.Contract(
        id=c.id, customer_id=c.customer_id, plan_id=c.plan_id, state=c.state, billing_profile_id=c.billing_profile_id,
        connection_id=c.connection_id, activated_at=_ts(c.activated_at), order_id=c.order_id, ticket_id=c.ticket_id,
        recurring_item_ids=[i.recurring_item_id for i in items if i.kind == "item"], discount_ids=list(discount_ids),
        services=[pb.ContractService(id=i.id, kind=i.service, recurring_item_id=i.recurring_item_id,
                                     description=i.description, price=prices.get(i.recurring_item_id, ""),
                                     cut_on_nonpayment=i.cut_on_nonpayment) for i in items if i.kind == "service"],
        installation_fee=fmt(c.installation_fee), installation_instalments=c.installation_instalments,
        currency=c.currency, start_date=_d(c.start_date), end_date=_d(c.end_date), paused_from=c.paused_from or "",
        paused_until=c.paused_until or "", signed=c.signed_at is not None, signed_at=_ts(c.signed_at),
        created_at=_ts(c.created_at), issue_day=c.issue_day or 0)


def invoice_pb(i: model.Invoice) -> pb.Invoice:
    lines = [pb.InvoiceLine(kind=ln["kind"], description=ln["description"], quantity=ln["quantity"],
                            unit_price=fmt(ln["unit_price"]), amount=fmt(ln["amount"]), tax_rate=fmt(ln["tax_rate"]),
                            tax_amount=fmt(ln["tax_amount"]), total=fmt(ln["total"])) for ln in i.lines]
    return pb.Invoice(id=i.id, number=i.number, customer_id=i.customer_id, contract_id=i.contract_id or "",
                      state=i.state, issue_date=_d(i.issue_date), due_date=_d(i.due_date), lines=lines,
                      subtotal=fmt(i.subtotal), tax_total=fmt(i.tax_total), total=fmt(i.total),
                      balance=fmt(i.balance), currency=i.currency, period=i.period or "", kind=i.kind,
                      series=i.series, period_start=_d(i.period_start), period_end=_d(i.period_end),
                      created_at=_ts(i.created_at))


def payment_pb(p: model.Payment) -> pb.Payment:
    return pb.Payment(id=p.id, customer_id=p.customer_id, amount=fmt(p.amount), currency=p.currency, method=p.method,
                      channel=p.channel, external_ref=p.external_ref or "", paid_at=_ts(p.paid_at),
                      allocations=[pb.Allocation(invoice_id=a, invoice_number=n, amount=fmt(x))
                                   for a, n, x in p.allocations],
                      unallocated=fmt(p.unallocated), duplicate=p.duplicate, created_at=_ts(p.created_at))


def company_pb(c: dict) -> pb.Company:
    return pb.Company(legal_name=c["legal_name"], trade_name=c["trade_name"], tax_id=c["tax_id"],
                      fiscal_address=address_pb(c["fiscal_address"]), logo=c["logo"] or b"",
                      logo_content_type=c["logo_content_type"], currency=c["currency"],
                      contract_template=c["contract_template"], locale=c["locale"], email=c["email"], phone=c["phone"])


def _as_of(text: str) -> dt.date:
    return parse_date(text, "as_of") if text else dt.datetime.now(dt.timezone.utc).date()


class _Rest:
    """Customers, contracts, invoices, payments, dunning and reports."""

    def GetCompany(self, r, context):
        return company_pb(company_cases.get_company(self.uow()))

    def UpdateCompany(self, r, context):
        data = {"legal_name": r.legal_name, "trade_name": r.trade_name, "tax_id": r.tax_id,
                "fiscal_address": {k: getattr(r.fiscal_address, k) for k in ("street", "number", "city", "state",
                                                                             "neighbourhood", "postal_code")},
                "logo": r.logo, "currency": r.currency, "contract_template": r.contract_template,
                "locale": r.locale, "email": r.email, "phone": r.phone}
        return company_pb(company_cases.update_company(self.uow(), data))

    def GetCustomer(self, r, context):
        return customer_pb(*contract_cases.get_customer(self.uow(), r.id))

    def GetCustomerByEmail(self, r, context):
        return customer_pb(*contract_cases.get_customer_by_email(self.uow(), r.email))

    def ListCustomers(self, r, context):
        items, balances, nxt = contract_cases.list_customers(self.uow(), q=r.q, limit=r.page.limit,
                                                             cursor=r.page.cursor)
        return pb.ListCustomersResponse(items=[customer_pb(c, balances[c.id]) for c in items], next_cursor=nxt)

    def _contract(self, c, items, discs):
        with self.uow() as uow:
            prices = {k: fmt(v.price) for k, v in uow.recurring_items.find([i.recurring_item_id for i in items]).items()}
        return contract_pb(c, items, discs, prices)

    def GetContract(self, r, context):
        return self._contract(*contract_cases.get_contract(self.uow(), r.id))

    def ListContracts(self, r, context):
        items, (its, discs), nxt = contract_cases.list_contracts(self.uow(), state=r.state, customer_id=r.customer_id,
                                                                 limit=r.page.limit, cursor=r.page.cursor)
        return pb.ListContractsResponse(items=[contract_pb(c, its.get(c.id, []), discs.get(c.id, [])) for c in items],
                                        next_cursor=nxt)

    def AddContractService(self, r, context):
        return self._contract(*contract_cases.add_service(
            self.uow(), contract_id=r.contract_id, recurring_item_id=r.recurring_item_id, description=r.description,
            cut_on_nonpayment=r.cut_on_nonpayment))

    def PauseContract(self, r, context):
        return self._contract(*contract_cases.pause(self.uow(), contract_id=r.contract_id,
                                                    from_period=r.from_period, until_period=r.until_period))

    def TerminateContract(self, r, context):
        return self._contract(*contract_cases.terminate(self.uow(), contract_id=r.contract_id,
                                                        end_date=parse_date(r.end_date, "end_date") if r.end_date else _as_of("")))

    def GetContractDocumentPdf(self, r, context):
        content, name = invoices.contract_pdf(self.uow(), r.contract_id, customer_id=r.customer_id)
        return pb.PdfDocument(content=content, filename=name, content_type="application/pdf")

    def StoreContractSignature(self, r, context):
        return self._contract(*contract_cases.store_signature(
            self.uow(), contract_id=r.contract_id, image=r.image, content_type=r.content_type,
            signer_name=r.signer_name, customer_id=r.customer_id))

    def AddContractAttachment(self, r, context):
        return attachment_pb(contract_cases.add_attachment(
            self.uow(), contract_id=r.contract_id, filename=r.filename, content=r.content,
            max_bytes=self.attachment_max_bytes, uploaded_by=r.uploaded_by))

    def ListContractAttachments(self, r, context):
        return pb.ListContractAttachmentsResponse(
            items=[attachment_pb(a) for a in contract_cases.list_attachments(self.uow(), r.contract_id)])

    def GetContractAttachment(self, r, context):
        a, content = contract_cases.get_attachment(self.uow(), r.contract_id, r.attachment_id)
        return pb.ContractAttachmentContent(attachment=attachment_pb(a), content=content)

    def GetInvoice(self, r, context):
        return invoice_pb(invoices.get_invoice(self.uow(), r.id, customer_id=r.customer_id))

    def ListInvoices(self, r, context):
        items, nxt = invoices.list_invoices(self.uow(), customer_id=r.customer_id, state=r.state,
                                            contract_id=r.contract_id, period=r.period, limit=r.page.limit,
                                            cursor=r.page.cursor)
        return pb.ListInvoicesResponse(items=[invoice_pb(i) for i in items], next_cursor=nxt)

    def GetInvoicePdf(self, r, context):
        content, name = invoices.invoice_pdf(self.uow(), r.id, customer_id=r.customer_id, locale=r.locale)
        return pb.PdfDocument(content=content, filename=name, content_type="application/pdf")

    def RunBillRun(self, r, context):
        with bill_run_metrics.observed(r.period) as progress:
            res = invoicing.run_bill_run(self.uow, r.period, after_batch=progress)
        with self.uow() as uow:
            currency = cat.company_currency(uow)
        return pb.BillRunResult(period=res.period, invoices_issued=res.invoices_issued,
                                total=fmt(res.totals.get(currency, ZERO)), currency=currency,
                                totals=[common_pb2.Money(amount=fmt(v), currency=k)
                                        for k, v in sorted(res.totals.items())])

    def RecordPayment(self, r, context):
        return payment_pb(ledger.record_payment(self.uow, ledger.RecordPayment(
            customer_id=r.customer_id, amount=r.amount, currency=r.currency, method=r.method, channel=r.channel,
            external_ref=r.external_ref, paid_at=r.paid_at)))

    def ListPayments(self, r, context):
        items, nxt = ledger.list_payments(self.uow(), customer_id=r.customer_id, limit=r.page.limit,
                                          cursor=r.page.cursor)
        return pb.ListPaymentsResponse(items=[payment_pb(p) for p in items], next_cursor=nxt)

    def CreateCreditNote(self, r, context):
        row = ledger.create_credit_note(self.uow(), invoice_id=r.invoice_id, amount=r.amount, reason=r.reason)
        return pb.CreditNote(id=row["id"], number=row["number"], invoice_id=row["invoice_id"],
                             customer_id=row["customer_id"], amount=fmt(row["amount"]), currency=row["currency"],
                             reason=row["reason"], created_at=_ts(row["created_at"]))

    def RunDunning(self, r, context):
        res = dunning.run_dunning(self.uow(), _as_of(r.as_of))
        return pb.DunningResult(as_of=res.as_of.isoformat(), invoices_overdue=res.invoices_overdue,
                                late_fees_added=res.late_fees_added, suspensions_due=res.suspensions_due)

    def GetStatement(self, r, context):
        customer, entries, balance = reports.statement(self.uow(), r.customer_id)
        return pb.Statement(customer_id=customer.id, customer_name=customer.name, balance=fmt(balance),
                            credit=fmt(customer.credit), currency=customer.currency,
                            entries=[pb.StatementEntry(date=e.date.isoformat(), kind=e.kind, ref_id=e.ref_id,
                                                       reference=e.reference, debit=fmt(e.debit),
                                                       credit=fmt(e.credit), balance=fmt(e.balance))
                                     for e in entries])

    def GetAgingReport(self, r, context):
        as_of = _as_of(r.as_of)
        with self.uow() as uow:
            currency = (r.currency or cat.company_currency(uow)).upper()
        from ..domain.money import check_currency
        check_currency(currency)
        rows, totals = reports.aging(self.uow(), as_of, currency)

        def row_pb(x):
            a = x.amounts
            return pb.AgingRow(customer_id=x.customer_id, customer_name=x.customer_name, current=fmt(a["current"]),
                               d0_30=fmt(a["d0_30"]), d31_60=fmt(a["d31_60"]), d61_90=fmt(a["d61_90"]),
                               d90_plus=fmt(a["d90_plus"]), total=fmt(x.total))
        return pb.AgingReport(as_of=as_of.isoformat(), currency=currency, rows=[row_pb(x) for x in rows],
                              totals=row_pb(totals))


class FullServicer(_Rest, BillingServicer):
    pass


def register(uow_factory, attachment_max_bytes: int = 10 * 1024 * 1024):
    return (billing_pb2_grpc.add_BillingServiceServicer_to_server, FullServicer(uow_factory, attachment_max_bytes),
            pb.DESCRIPTOR.services_by_name["BillingService"].full_name)
