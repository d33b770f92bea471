"""The desk's repositories, use cases and event handlers on a real PostgreSQL database."""
import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

import sales
from antena.billing.v1 import events_pb2 as billing_events
from antena.orders.v1 import events_pb2 as orders_events
from antena_common import events as ev
from antena_common.blobs import BlobStore
from antena_common.errors import Conflict, InvalidArgument, NotFound
from antena_common.runtime import Database
from sales.adapters import orm
from sales.adapters.files import FileStore
from sales.adapters.uow import SalesUnitOfWork
from sales.app import leads as lead_cases
from sales.app import portal as portal_cases
from sales.app import prospects as prospect_cases
from sales.app import reports as report_cases
from sales.app import tickets as ticket_cases
from sales.domain import model
from sales.entrypoints import events as handlers

pytestmark = pytest.mark.integration

PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 32


class Desk:
    def __init__(self, url: str):
        orm.start_mappers()
        self.db = Database(url, orm.metadata, Path(sales.__file__).parent / "migrations", "sales")
        self.db.migrate()
        self.files = FileStore(BlobStore(self.db.engine, orm.blobs))

    def uow(self) -> SalesUnitOfWork:
        return self.db.uow(SalesUnitOfWork)

    def deliver(self, event_type: str, payload, event_id: str | None = None):
        source, name = event_type.split(".")
        env = ev.new_envelope(source, name, payload)
        if event_id:
            env = dataclasses.replace(env, event_id=event_id)
        subs = {s.event_type: s.handler for s in handlers.subscriptions(self.uow)}
        subs[event_type](env, payload)
        return env

    def outbox(self, routing_key: str) -> list[dict]:
        t = self.db.outbox
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(t.c.body).where(t.c.routing_key == routing_key).order_by(t.c.id)).all()
        return [json.loads(r.body)["payload"] for r in rows]

    def ticket(self, create="ticket", name="Ana Gómez", location=(-31.4, -64.2), coverage=None,
               plan_id="plan-1") -> model.Ticket:
        lead = lead_cases.create_lead(self.uow(), lead_cases.CreateLead(name=name, phone="3515551234",
                                                                        email="ana@example.com", source="web"))
        prospect = prospect_cases.create_prospect(self.uow(), prospect_cases.CreateProspect(
            lead_id=lead.id, plan_id=plan_id, recurring_item_ids=("item-1",) if plan_id else (),
            discount_ids=("promo-1",) if plan_id else (),
            address={"street": "San Martín", "number": "123", "city": "Córdoba", "state": "Córdoba"},
            location=location))
        return ticket_cases.create_ticket(self.uow(), ticket_cases.CreateTicket(
            lead_id=lead.id, prospect_id=prospect.id, create=create), coverage=coverage)


@pytest.fixture
def desk(pg_url, tmp_path):
    d = Desk(pg_url)
    yield d
    d.db.engine.dispose()


def test_installation_ticket_publishes_created_and_order_requested_together(desk):
    t = desk.ticket("installation")
    created = desk.outbox("sales.ticket_created")
    requested = desk.outbox("sales.order_requested")
    assert [c["ticket_id"] for c in created] == [t.id]
    assert len(requested) == 1
    r = requested[0]
    assert r["ticket_id"] == t.id and r["kind"] == "installation" and r["customer_name"] == "Ana Gómez"
    assert r["address"]["street"] == "San Martín" and r["location"] == {"lat": -31.4, "lon": -64.2}
    assert r["plan_id"] == "plan-1" and r["recurring_item_ids"] == ["item-1"] and r["discount_ids"] == ["promo-1"]
    stored = ticket_cases.get_ticket(desk.uow(), t.id)
    assert stored.ticket.orders[0].request_id == r["request_id"]
    assert [h.to_state for h in stored.history] == ["pending"]


def test_order_events_are_idempotent_on_redelivery(desk):
    t = desk.ticket("installation")
    request_id = desk.outbox("sales.order_requested")[0]["request_id"]
    created = orders_events.OrderCreated(order_id="ord-1", kind="installation", ticket_id=t.id, request_id=request_id,
                                         state="unscheduled")
    env = desk.deliver("orders.order_created", created)
    desk.deliver("orders.order_created", created, event_id=env.event_id)  # redelivered
    desk.deliver("orders.order_created", created)  # published twice by orders: a new event id, same order
    detail = ticket_cases.get_ticket(desk.uow(), t.id)
    assert detail.ticket.state == "order_in_progress" and detail.ticket.order_ids == ["ord-1"]
    assert detail.ticket.orders_count == 1 and len(detail.ticket.orders) == 1
    assert [h.to_state for h in detail.history] == ["pending", "order_in_progress"]

    scheduled = orders_events.OrderScheduled(order_id="ord-1", kind="installation", ticket_id=t.id,
                                             scheduled_start="2026-12-01T10:00:00-03:00")
    desk.deliver("orders.order_scheduled", scheduled)
    ticket = ticket_cases.get_ticket(desk.uow(), t.id).ticket
    assert ticket.scheduled_for == dt.datetime(2026, 12, 1, 13, tzinfo=dt.timezone.utc)

    activated = billing_events.ContractActivated(contract_id="c-1", ticket_id=t.id,
                                                 activated_at="2026-12-02T12:00:00+00:00")
    env = desk.deliver("billing.contract_activated", activated)
    desk.deliver("billing.contract_activated", activated, event_id=env.event_id)
    desk.deliver("billing.contract_activated", activated)
    ticket = ticket_cases.get_ticket(desk.uow(), t.id).ticket
    assert ticket.state == "won" and ticket.contract_id == "c-1"
    assert [w["ticket_id"] for w in desk.outbox("sales.ticket_won")] == [t.id]


def test_every_change_to_a_ticket_publishes_ticket_changed_once_per_transaction(desk):
    def changes():
        return [(c["ticket_id"], c["state"]) for c in desk.outbox("sales.ticket_changed")]

    t = desk.ticket("installation")
    assert changes() == [(t.id, "pending")]
    request_id = desk.outbox("sales.order_requested")[0]["request_id"]
    created = orders_events.OrderCreated(order_id="ord-1", kind="installation", ticket_id=t.id,
                                         request_id=request_id, state="unscheduled")
    env = desk.deliver("orders.order_created", created)
    assert changes()[-1] == (t.id, "order_in_progress") and len(changes()) == 2
    desk.deliver("orders.order_created", created, event_id=env.event_id)  # redelivered: nothing changes
    assert len(changes()) == 2
    desk.deliver("orders.order_scheduled", orders_events.OrderScheduled(
        order_id="ord-1", kind="installation", ticket_id=t.id, scheduled_start="2026-12-01T10:00:00-03:00"))
    ticket_cases.assign_ticket(desk.uow(), t.id, "seller-2")
    ticket_cases.tag_ticket(desk.uow(), t.id, "vip")
    assert len(changes()) == 5 and {c[0] for c in changes()} == {t.id}
    other = desk.ticket()
    ticket_cases.lose_ticket(desk.uow(), other.id, "sin plan")
    assert changes()[-2:] == [(other.id, "pending"), (other.id, "lost")]


def test_failed_feasibility_loses_the_ticket_once(desk):
    t = desk.ticket("feasibility")
    request_id = desk.outbox("sales.order_requested")[0]["request_id"]
    desk.deliver("orders.order_created", orders_events.OrderCreated(order_id="f-1", kind="feasibility", ticket_id=t.id,
                                                                    request_id=request_id))
    failed = orders_events.OrderFailed(order_id="f-1", kind="feasibility", ticket_id=t.id, reason="sin NAP cerca",
                                       loss_tag="sin cobertura")
    env = desk.deliver("orders.order_failed", failed)
    desk.deliver("orders.order_failed", failed, event_id=env.event_id)
    ticket = ticket_cases.get_ticket(desk.uow(), t.id).ticket
    assert ticket.state == "lost" and ticket.loss_tag == "sin cobertura"
    assert desk.outbox("sales.ticket_lost") == [{"ticket_id": t.id, "lead_id": t.lead_id, "tag": "sin cobertura"}]
    with pytest.raises(Conflict):
        ticket_cases.request_order(desk.uow(), t.id, "installation")
    assert len(desk.outbox("sales.order_requested")) == 1


def test_feasible_verdict_then_the_desk_orders_the_installation(desk):
    t = desk.ticket("feasibility")
    request_id = desk.outbox("sales.order_requested")[0]["request_id"]
    desk.deliver("orders.order_created", orders_events.OrderCreated(order_id="f-1", kind="feasibility", ticket_id=t.id,
                                                                    request_id=request_id))
    desk.deliver("orders.order_completed", orders_events.OrderCompleted(order_id="f-1", kind="feasibility",
                                                                        ticket_id=t.id, feasible=True))
    ticket = ticket_cases.request_order(desk.uow(), t.id, "installation")
    assert ticket.feasible and ticket.state == "order_in_progress"
    assert [r["kind"] for r in desk.outbox("sales.order_requested")] == ["feasibility", "installation"]


def test_list_is_newest_first_by_state_with_cursor_and_tag_filter(desk):
    ids = [desk.ticket(name=f"Cliente {i}").id for i in range(5)]
    ticket_cases.lose_ticket(desk.uow(), ids[1], "imposibilidad tecnica")
    ticket_cases.lose_ticket(desk.uow(), ids[3], "precio alto")
    page, cursor = ticket_cases.list_tickets(desk.uow(), state="pending", limit=2)
    assert [t.id for t in page] == [ids[4], ids[2]] and cursor
    page2, cursor2 = ticket_cases.list_tickets(desk.uow(), state="pending", limit=2, cursor=cursor)
    assert [t.id for t in page2] == [ids[0]] and cursor2 == ""
    tagged, _ = ticket_cases.list_tickets(desk.uow(), tag="imposibilidad técnica")
    assert [t.id for t in tagged] == [ids[1]]
    loss, _ = ticket_cases.list_tags(desk.uow())
    assert loss == ["sin cobertura", "sin plan", "imposibilidad técnica", "precio alto"]


def test_lead_search_ignores_accents_and_case_on_postgres(desk):
    for name in ("Ana Gómez", "Íñigo Núñez", "Pedro Gomez_x"):
        lead_cases.create_lead(desk.uow(), lead_cases.CreateLead(name=name, phone="351 555 1234"))
    names = lambda q: sorted(x.name for x in lead_cases.list_leads(desk.uow(), q=q)[0])  # noqa: E731
    assert names("GOMEZ") == ["Ana Gómez", "Pedro Gomez_x"]
    assert names("inigo nunez") == ["Íñigo Núñez"]
    assert names("z_") == ["Pedro Gomez_x"]  # LIKE wildcards are literal
    assert len(names("351-555-1234")) == 3


def test_csv_import_creates_valid_rows_and_reports_the_rest(desk):
    content = "name,email,phone\nAna,ana@example.com,3515551234\nBeto,mal,\n,c@example.com,\n".encode()
    report = lead_cases.import_leads(desk.uow(), content, default_source="feria")
    assert len(report.created) == 1 and report.failed == 2 and report.rows == 3
    assert [(e.row, e.field) for e in report.errors] == [(3, "email"), (4, "name")]
    assert lead_cases.get_lead(desk.uow(), report.created[0]).source == "feria"
    assert len(desk.outbox("sales.lead_created")) == 1
    lead_cases.create_lead(desk.uow(), lead_cases.CreateLead(name="Ceci", source="whatsapp"))
    lead_cases.create_lead(desk.uow(), lead_cases.CreateLead(name="Dani", source="whatsapp"))
    assert lead_cases.lead_sources(desk.uow()) == [("whatsapp", 2), ("feria", 1)]
    assert [x.name for x in lead_cases.list_leads(desk.uow(), source="feria")[0]] == ["Ana"]


def test_attachments_are_stored_and_read_back(desk):
    t = desk.ticket()
    att = ticket_cases.add_attachment(desk.uow(), desk.files, ticket_id=t.id, filename="dni.png", content=PNG,
                                      max_bytes=1000)
    meta, content = ticket_cases.read_attachment(desk.uow(), desk.files, t.id, att.id)
    assert content == PNG and meta.content_type == "image/png" and meta.size == len(PNG)
    with pytest.raises(NotFound):
        ticket_cases.read_attachment(desk.uow(), desk.files, "other", att.id)
    with pytest.raises(NotFound):
        ticket_cases.add_attachment(desk.uow(), desk.files, ticket_id="nope", filename="a.png", content=PNG,
                                    max_bytes=1000)
    # the content lives in sales' database: another replica (its own engine) reads it; the refused
    # upload left nothing behind
    other_replica = Desk(desk.db.url)
    try:
        assert ticket_cases.read_attachment(other_replica.uow(), other_replica.files, t.id, att.id)[1] == PNG
    finally:
        other_replica.db.engine.dispose()
    with desk.db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(orm.blobs)).scalar() == 1


def test_portal_request_is_one_ticket_per_request_id(desk):
    cmd = portal_cases.SubmitInstallationRequest(
        request_id="req-1", name="Lucía Fernández", phone="3515550000", email="lucia@example.com",
        address={"street": "Belgrano", "number": "55", "city": "Córdoba"}, location=(-31.41, -64.19),
        plan_id="plan-1", documents=(portal_cases.Document("dni.png", PNG, "image/png", "DNI frente"),))
    first = portal_cases.submit_installation_request(desk.uow(), desk.files, cmd, max_bytes=1000)
    again = portal_cases.submit_installation_request(desk.uow(), desk.files, cmd, max_bytes=1000)
    assert not first.replayed and again.replayed and again.ticket.id == first.ticket.id
    assert first.ticket.source == "portal" and first.ticket.state == "pending"
    detail = ticket_cases.get_ticket(desk.uow(), first.ticket.id)
    assert [a.description for a in detail.attachments] == ["DNI frente"]
    assert len(desk.outbox("sales.ticket_created")) == 1
    bad = dataclasses.replace(cmd, request_id="req-2", documents=(portal_cases.Document("x.exe", b"MZ..", ""),))
    with pytest.raises(InvalidArgument) as exc:
        portal_cases.submit_installation_request(desk.uow(), desk.files, bad, max_bytes=1000)
    assert "documents[0]" in exc.value.field_errors


def test_coverage_failure_is_recorded_as_unknown(desk):
    def broken(lat, lon):
        raise RuntimeError("boom")

    t = desk.ticket(coverage=broken)
    assert t.coverage["status"] == "unknown" and t.state == "pending"
    t2 = desk.ticket(coverage=lambda lat, lon: model.Coverage("covered", {"nap_box_id": "n1", "code": "NAP-1",
                                                                          "distance_m": 12.0, "free_ports": 3}))
    assert ticket_cases.get_ticket(desk.uow(), t2.id).ticket.coverage["nearest"]["code"] == "NAP-1"


def test_report_counts_and_stage_medians(desk):
    won = desk.ticket("installation")
    lost = desk.ticket(name="Beto")
    desk.ticket(name="Carla")
    rid = desk.outbox("sales.order_requested")[0]["request_id"]
    desk.deliver("orders.order_created", orders_events.OrderCreated(order_id="o-1", kind="installation",
                                                                    ticket_id=won.id, request_id=rid))
    desk.deliver("billing.contract_activated", billing_events.ContractActivated(contract_id="c-1", ticket_id=won.id))
    ticket_cases.lose_ticket(desk.uow(), lost.id, "sin plan")
    ticket_cases.assign_ticket(desk.uow(), lost.id, "seller-9")
    report = report_cases.sales_report(desk.uow())
    assert report.tickets == 3 and report.leads == 3 and report.leads_won == 1
    assert dict(report.by_state) == {"pending": 1, "order_in_progress": 0, "won": 1, "lost": 1}
    assert report.by_loss_tag == [("sin plan", 1)] and dict(report.by_source) == {"web": 3}
    assert report.won_by_source == [("web", 1)]
    assert dict(report.by_assignee) == {"(sin asignar)": 2, "seller-9": 1}
    stages = {(m.stage, m.to_state): m.samples for m in report.median_days}
    assert stages[("pending", "order_in_progress")] == 1 and stages[("order_in_progress", "won")] == 1
    assert stages[("pending", "lost")] == 1 and stages[("pending", "")] == 2
    assert round(report.conversion_rate, 4) == round(1 / 3, 4)
    old = report_cases.sales_report(desk.uow(), "2020-01-01", "2020-01-31")
    assert old.tickets == 0 and old.conversion_rate == 0
    with pytest.raises(InvalidArgument):
        report_cases.sales_report(desk.uow(), "2026-02-01", "2026-01-01")


def test_nul_characters_are_refused_or_harmless_on_postgres(desk):
    from antena_common.pagination import encode_cursor

    with pytest.raises(InvalidArgument) as exc:
        lead_cases.create_lead(desk.uow(), lead_cases.CreateLead(name="Ana\x00", notes="x\x00"))
    assert {"name", "notes"} <= set(exc.value.field_errors)
    t = desk.ticket()
    for bad in ("\x00", "x" * 200):
        with pytest.raises(NotFound):
            ticket_cases.get_ticket(desk.uow(), bad)
        with pytest.raises(NotFound):
            lead_cases.get_lead(desk.uow(), bad)
    assert ticket_cases.list_tickets(desk.uow(), tag="a\x00", assignee_id="\x00", cursor=encode_cursor("\x00"))[0] == []
    assert lead_cases.list_leads(desk.uow(), q="\x00gomez")[0][0].name == "Ana Gómez"
    with pytest.raises(InvalidArgument):
        ticket_cases.add_comment(desk.uow(), t.id, "hola\x00")
    with pytest.raises(InvalidArgument):
        ticket_cases.lose_ticket(desk.uow(), t.id, "tag\x00")
    report = lead_cases.import_leads(desk.uow(), b"name,notes\nAna,ok\n" + b"x" * 5000 + b"\x00,bad\n")
    assert len(report.created) == 1 and report.errors[0].row == 3


def test_an_installation_needs_a_plan_a_feasibility_does_not(desk):
    with pytest.raises(InvalidArgument) as exc:
        desk.ticket("installation", plan_id="")
    assert "prospect_id" in exc.value.field_errors
    t = desk.ticket("feasibility", plan_id="")
    with pytest.raises(InvalidArgument):
        ticket_cases.request_order(desk.uow(), t.id, "installation")
    assert [r["kind"] for r in desk.outbox("sales.order_requested")] == ["feasibility"]


@pytest.fixture(params=["sqlite", "postgresql"])
def any_desk(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'sales.db'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    d = Desk(url)
    yield d
    d.db.engine.dispose()


def test_list_rows_carry_the_same_fields_as_the_ticket(any_desk):
    """The list reads plain columns (JSON as text, unpacked by position): each row must
    give the message GetTicket gives, minus what only GetTicket carries."""
    from sales.entrypoints import grpc_api

    desk = any_desk
    near = {"nap_box_id": "n1", "code": "NAP-1", "distance_m": 12.5, "free_ports": 3}
    won = desk.ticket("installation", name="Ana", coverage=lambda lat, lon: model.Coverage("covered", near))
    request_id = desk.outbox("sales.order_requested")[0]["request_id"]
    desk.deliver("orders.order_created", orders_events.OrderCreated(
        order_id="ord-1", kind="installation", ticket_id=won.id, request_id=request_id, state="unscheduled"))
    desk.deliver("orders.order_scheduled", orders_events.OrderScheduled(
        order_id="ord-1", kind="installation", ticket_id=won.id, scheduled_start="2026-12-01T10:00:00-03:00"))
    desk.deliver("billing.contract_activated", billing_events.ContractActivated(
        contract_id="c-1", ticket_id=won.id, activated_at="2026-12-02T12:00:00+00:00"))
    lost = desk.ticket(name="Beto", location=None)
    ticket_cases.tag_ticket(desk.uow(), lost.id, "vip")
    ticket_cases.lose_ticket(desk.uow(), lost.id, "imposibilidad técnica")
    plain = desk.ticket(name="Carla")

    rows, _ = ticket_cases.list_tickets(desk.uow())
    assert [r.id for r in rows] == [plain.id, lost.id, won.id]
    for row in rows:
        listed = grpc_api.summary_to_pb(row)
        full = grpc_api.ticket_to_pb(ticket_cases.get_ticket(desk.uow(), row.id).ticket)
        del full.orders[:]
        assert listed == full, row.id
    won_row = grpc_api.summary_to_pb(rows[2])
    assert won_row.state == "won" and list(won_row.order_ids) == ["ord-1"] and won_row.contract_id == "c-1"
    assert won_row.scheduled_for.startswith("2026-12-01T13:00:00") and won_row.coverage.nearest.code == "NAP-1"
    lost_row = grpc_api.summary_to_pb(rows[1])
    assert lost_row.loss_tag == "imposibilidad técnica" and "vip" in lost_row.tags
