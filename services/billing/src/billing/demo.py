"""Demo data for `antena up --demo`: company, VAT, plans, recurring items, additional services,
promotions and billing profiles, created through billing's own gRPC API. Does nothing when the
catalog already has plans."""
from __future__ import annotations

from antena.billing.v1 import billing_pb2 as pb
from antena.billing.v1 import billing_pb2_grpc
from antena.common.v1 import common_pb2
from antena_common import rpc
from antena_common.settings import PlatformSettings


def load(target: str | None = None) -> None:
    channel = rpc.channel(target or PlatformSettings().grpc_target("billing"))
    try:
        api = billing_pb2_grpc.BillingServiceStub(channel)
        if api.ListPlans(pb.ListCatalogRequest(page={"limit": 1})).items:
            return
        api.UpdateCompany(pb.Company(
            legal_name="Red Andina S.A.", trade_name="AndinaNet", tax_id="30-71234567-8", currency="ARS",
            locale="es", email="facturacion@andinanet.example", phone="+54 261 555-0000",
            fiscal_address=common_pb2.Address(street="San Martín", number="1234", city="Mendoza", state="Mendoza",
                                              postal_code="5500")))
        api.CreateTaxRate(pb.CreateTaxRateRequest(name="IVA 21%", rate="21", inclusive=False, is_default=True))
        for name, down, up, price in (("Fibra 100", 100, 50, "12500.00"), ("Fibra 300", 300, 100, "17900.00"),
                                      ("Inalámbrico 20", 20, 5, "9800.00")):
            api.CreatePlan(pb.CreatePlanRequest(name=name, download_mbps=down, upload_mbps=up, price=price,
                                                currency="ARS"))
        for name, price, period, service in (("IP fija", "1500.00", "monthly", ""),
                                             ("Router WiFi 6 en comodato", "2200.00", "monthly", ""),
                                             ("Telefonía IP", "3500.00", "monthly", "telephony"),
                                             ("TV digital básica", "6900.00", "monthly", "tv")):
            api.CreateRecurringItem(pb.CreateRecurringItemRequest(name=name, price=price, period=period,
                                                                  service=service))
        api.CreateDiscount(pb.CreateDiscountRequest(name="Promoción 50% por 3 meses", kind="percent", value="50",
                                                    months=3, has_months=True))
        api.CreateDiscount(pb.CreateDiscountRequest(name="Jubilados", kind="amount", value="1000.00"))
        api.CreateBillingProfile(pb.CreateBillingProfileRequest(
            name="Mensual día 10", issue_day=10, due_days=10, late_fee_kind="percent", late_fee_value="5",
            suspend_after_days=10, prorate=True, grace_days=2, early_payment_days=5, early_payment_percent="5"))
    finally:
        channel.close()
