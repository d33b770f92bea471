"""The order state machine and its timeline (no I/O)."""
import datetime as dt

import pytest

from antena_common.errors import Conflict, InvalidArgument
from orders.domain import model
from orders.domain.model import Actor, Order

OPS = Actor(user_id="u-ops", roles=("operations",))
TECH = Actor(user_id="u-tech", roles=("technician",))
T0 = dt.datetime(2030, 1, 7, 9, tzinfo=dt.timezone.utc)


def new_order(kind="installation"):
    return Order.open(kind=kind, ticket_id="t1", address={"street": "Belgrano", "number": "10"}, lat=-31.4, lon=-64.2)


def test_open_validates_kind_and_location():
    with pytest.raises(InvalidArgument) as err:
        Order.open(kind="party", lat=100.0, lon=0.0)
    assert set(err.value.field_errors) == {"kind", "location.lat"}
    order = new_order()
    assert order.state == model.UNSCHEDULED
    assert order.address["street"] == "Belgrano" and order.address["city"] == ""
    assert [e.action for e in order.take_timeline()] == ["created"]


def test_happy_path_records_every_transition_with_who():
    order = new_order()
    order.take_timeline()
    assert order.schedule("tech-1", T0, T0 + dt.timedelta(hours=2), OPS) is False
    assert order.schedule("tech-1", T0 + dt.timedelta(hours=3), T0 + dt.timedelta(hours=5), OPS) is True
    order.start(TECH)
    order.report(devices=[{"kind": "ont", "serial": "S1", "mac": ""}], optical_power_dbm="-19.5", seal_code="P-1",
                 notes="", actor=TECH)
    order.complete(success=True, reason="", actor=TECH)
    timeline = order.take_timeline()
    assert [(e.action, e.from_state, e.to_state) for e in timeline] == [
        ("scheduled", "unscheduled", "scheduled"), ("rescheduled", "scheduled", "scheduled"),
        ("started", "scheduled", "in_progress"), ("reported", "in_progress", "in_progress"),
        ("completed", "in_progress", "completed")]
    assert [e.actor_user_id for e in timeline] == ["u-ops", "u-ops", "u-tech", "u-tech", "u-tech"]
    assert order.state == model.COMPLETED and order.finished_at is not None


def test_unschedule_returns_to_the_list():
    order = new_order()
    order.schedule("tech-1", T0, T0 + dt.timedelta(hours=1), OPS)
    order.unschedule(OPS)
    assert order.state == model.UNSCHEDULED and order.technician_id is None and order.scheduled_start is None
    with pytest.raises(Conflict):
        order.unschedule(OPS)


def test_completing_an_order_never_started_is_a_conflict():
    order = new_order()
    with pytest.raises(Conflict, match="never started"):
        order.complete(success=True, reason="", actor=TECH)
    order.schedule("tech-1", T0, T0 + dt.timedelta(hours=1), OPS)
    with pytest.raises(Conflict, match="never started"):
        order.complete(success=True, reason="", actor=TECH)
    with pytest.raises(Conflict):
        order.report(devices=[], optical_power_dbm="", seal_code="", notes="", actor=TECH)


def test_start_needs_a_schedule():
    order = new_order()
    with pytest.raises(Conflict, match="not scheduled"):
        order.start(TECH)


def test_failed_needs_a_reason():
    order = new_order()
    order.schedule("tech-1", T0, T0 + dt.timedelta(hours=1), OPS)
    order.start(TECH)
    with pytest.raises(InvalidArgument):
        order.complete(success=False, reason=" ", actor=TECH)
    order.complete(success=False, reason="cliente ausente", actor=TECH)
    assert order.state == model.FAILED and order.result_reason == "cliente ausente"


def test_cancel_from_any_open_state_only():
    for prepare in (lambda o: None, lambda o: o.schedule("t", T0, T0 + dt.timedelta(hours=1), OPS),
                    lambda o: (o.schedule("t", T0, T0 + dt.timedelta(hours=1), OPS), o.start(TECH))):
        order = new_order()
        prepare(order)
        order.cancel("el cliente desistió", OPS)
        assert order.state == model.CANCELLED
        with pytest.raises(Conflict):
            order.cancel("again", OPS)
        with pytest.raises(Conflict):
            order.schedule("t", T0, T0 + dt.timedelta(hours=1), OPS)


def test_feasibility_verdict_and_loss_tag():
    ok = new_order("feasibility")
    ok.schedule("t", T0, T0 + dt.timedelta(hours=1), OPS)
    ok.start(TECH)
    ok.complete(success=True, reason="", actor=TECH)
    assert ok.feasible is True and ok.loss_tag == ""

    no = new_order("feasibility")
    no.schedule("t", T0, T0 + dt.timedelta(hours=1), OPS)
    no.start(TECH)
    with pytest.raises(InvalidArgument):
        no.complete(success=False, reason="x", loss_tag="mala suerte", actor=TECH)
    no.complete(success=False, reason="sin línea de vista", loss_tag="imposibilidad técnica", actor=TECH)
    assert no.state == model.FAILED and no.feasible is False and no.loss_tag == "imposibilidad técnica"


def test_contract_progress():
    order = new_order()
    assert order.contract_state == "none"
    order.request_contract(request_id="r1", contract_id="c1", data={}, actor=OPS)
    assert order.contract_state == "requested"
    with pytest.raises(Conflict):
        order.request_contract(request_id="r2", contract_id="c2", data={}, actor=OPS)
    order.billing_created("cust-1")
    assert order.contract_state == "created"
    order.network_reserved("conn-1", "3511234567", "Antena-1", "secreto")
    assert order.contract_state == "ready" and order.connection_id == "conn-1"
    other = new_order()
    other.request_contract(request_id="r3", contract_id="c3", data={}, actor=OPS)
    other.contract_rejected("network", "no free port")
    assert other.contract_state == "rejected"
    other.request_contract(request_id="r4", contract_id="c4", data={}, actor=OPS)  # retry after a rejection
    assert other.contract_state == "requested" and other.contract_error == ""
    with pytest.raises(Conflict):
        new_order("technical").request_contract(request_id="r5", contract_id="c5", data={}, actor=OPS)


def test_the_sheet_is_signed_during_or_after_the_visit():
    order = new_order()
    with pytest.raises(Conflict):
        order.sign("x.png", TECH)
    order.schedule("t", T0, T0 + dt.timedelta(hours=1), OPS)
    with pytest.raises(Conflict):
        order.sign("x.png", TECH)
    order.start(TECH)
    order.sign("a.png", TECH)
    order.complete(success=True, reason="", actor=TECH)
    order.sign("b.png", Actor(user_id="portal", roles=("operations",)))  # later, through the portal's link
    assert order.signature_path == "b.png" and order.signed_at is not None
