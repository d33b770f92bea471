import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

import billing
from antena.common.v1 import common_pb2
from antena.orders.v1 import events_pb2 as orders_events
from antena_common import events as ev
from antena_common.ids import new_id
from antena_common.runtime import Database
from billing.adapters import orm
from billing.adapters.uow import BillingUnitOfWork
from billing.app import catalog as cat
from billing.app import company
from billing.entrypoints import events as handlers


class Billing:
    """The billing service's use cases on a real database, plus helpers to feed it events."""

    def __init__(self, url: str):
        self.db = Database(url, orm.metadata, Path(billing.__file__).parent / "migrations", "billing")
        self.db.migrate()

    def uow(self) -> BillingUnitOfWork:
        return self.db.uow(BillingUnitOfWork)

    def deliver(self, event_type: str, payload, event_id: str | None = None):
        env = ev.new_envelope(event_type.split(".")[0], event_type.split(".")[1], payload)
        if event_id:
            env = dataclasses.replace(env, event_id=event_id)
        subs = {s.event_type: s.handler for s in handlers.subscriptions(self.uow)}
        subs[event_type](env, payload)
        return env

    def outbox(self, routing_key: str) -> list[dict]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(orm.metadata.tables["outbox"]).where(
                orm.metadata.tables["outbox"].c.routing_key == routing_key).order_by(
                orm.metadata.tables["outbox"].c.id)).all()
        return [ev.parse_envelope(r.body).payload for r in rows]

    def setup_catalog(self, *, prorate=True, tax_inclusive=None, currency="ARS"):
        company.update_company(self.uow(), {"legal_name": "Red Andina S.A.", "trade_name": "AndinaNet",
                                            "tax_id": "30-71234567-8", "currency": currency,
                                            "fiscal_address": {"street": "San Martín", "number": "123",
                                                               "city": "Mendoza"}})
        if tax_inclusive is not None:
            cat.create_tax_rate(self.uow(), name="IVA 21%", rate="21", inclusive=tax_inclusive, is_default=True)
        plan = cat.create_plan(self.uow(), cat.CreatePlan(name="Fibra 300", download_mbps=300, upload_mbps=100,
                                                          price="12000.00", currency=currency))
        item = cat.create_recurring_item(self.uow(), cat.CreateRecurringItem(name="IP fija", price="1500.00",
                                                                             period="monthly"))
        promo = cat.create_discount(self.uow(), cat.CreateDiscount(name="50% por 3 meses", kind="percent",
                                                                   value="50", months=3))
        profile = cat.create_billing_profile(self.uow(), cat.CreateBillingProfile(
            name="Mensual", issue_day=1, due_days=10, late_fee_kind="amount", late_fee_value="500.00",
            suspend_after_days=5, prorate=prorate, grace_days=0))
        return plan, item, promo, profile

    def request_contract(self, plan, profile, *, items=(), discounts=(), email="ana@example.com", document="30111222",
                         fee="", instalments=0, contract_id=None, event_id=None, currency="ARS"):
        msg = orders_events.ContractRequested(
            request_id=new_id(), order_id=new_id(), ticket_id=new_id(), contract_id=contract_id or new_id(),
            billing_profile_id=profile.id, plan_id=plan.id, recurring_item_ids=[i.id for i in items],
            discount_ids=[d.id for d in discounts], installation_fee=fee, installation_instalments=instalments,
            currency=currency,
            customer=orders_events.ContractCustomer(name="Ana Gómez", document=document, email=email,
                                                    phone="2615551234",
                                                    address=common_pb2.Address(street="Belgrano", number="45",
                                                                               city="Mendoza")))
        self.deliver("orders.contract_requested", msg, event_id)
        return msg

    def activate(self, contract_id: str, at: dt.datetime, event_id=None):
        from antena.network.v1 import events_pb2 as net_events
        msg = net_events.ConnectionActivated(connection_id="conn-" + contract_id[-6:], contract_id=contract_id,
                                             order_id="o", activated_at=at.isoformat())
        return self.deliver("network.connection_activated", msg, event_id)


@pytest.fixture
def svc(pg_url):
    s = Billing(pg_url)
    yield s
    s.db.engine.dispose()
