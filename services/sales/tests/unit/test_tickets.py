"""The ticket state machine: pending -> order_in_progress -> won | lost."""
import datetime as dt

import pytest

from antena_common import files
from antena_common.errors import Conflict, InvalidArgument
from sales.domain import model


def _ticket(create="ticket", location=(-31.4, -64.2)) -> model.Ticket:
    lead = model.Lead.register(name="Ana Gómez", phone="351 123 4567", source="web")
    prospect = model.Prospect.create(lead=lead, plan_id="plan-1", address={"street": "San Martín", "number": "10"},
                                     location=location)
    return model.Ticket.open(lead=lead, prospect=prospect, create=create)


def _states(ticket):
    return [(c.from_state, c.to_state) for c in ticket.changes]


def test_a_new_ticket_is_pending_and_records_its_first_state():
    t = _ticket()
    assert t.state == "pending" and t.source == "web" and t.prospect_name == "Ana Gómez"
    assert _states(t) == [("", "pending")]
    assert t.coverage["status"] == "unknown"


def test_order_created_moves_to_order_in_progress_once_and_counts_orders():
    t = _ticket("installation")
    req = t.request_order("installation")
    t.order_created(order_id="o-1", kind="installation", request_id=req.request_id)
    t.order_created(order_id="o-1", kind="installation", request_id=req.request_id)  # same order again
    assert t.state == "order_in_progress" and t.order_ids == ["o-1"] and t.orders_count == 1
    assert t.orders[0].order_id == "o-1" and t.orders[0].state == "unscheduled"
    feas = t.request_order("feasibility")
    t.order_created(order_id="o-2", kind="feasibility", request_id=feas.request_id)
    assert t.orders_count == 2
    assert _states(t) == [("", "pending"), ("pending", "order_in_progress")]


def test_scheduling_sets_the_date_on_the_ticket_and_the_order():
    t = _ticket()
    req = t.request_order("installation")
    t.order_created(order_id="o-1", kind="installation", request_id=req.request_id)
    when = dt.datetime(2026, 12, 1, 13, tzinfo=dt.timezone.utc)
    t.order_scheduled(order_id="o-1", start=when)
    assert t.scheduled_for == when and t.orders[0].state == "scheduled"


def test_lost_ticket_cannot_get_orders_or_be_lost_again():
    t = _ticket()
    t.lose("Sin Cobertura")
    assert t.state == "lost" and t.loss_tag == "sin cobertura" and t.tags == ["sin cobertura"]
    assert t.closed_at is not None
    with pytest.raises(Conflict):
        t.request_order("installation")
    with pytest.raises(Conflict):
        t.lose("sin plan")


def test_custom_loss_tag_and_empty_tag():
    t = _ticket()
    with pytest.raises(InvalidArgument) as exc:
        t.lose("   ")
    assert "tag" in exc.value.field_errors
    t.lose("precio  alto")
    assert t.loss_tag == "precio alto"


def test_only_one_open_order_of_a_kind():
    t = _ticket()
    t.request_order("installation")
    with pytest.raises(Conflict):
        t.request_order("installation")
    t.request_order("feasibility")  # another kind is fine
    with pytest.raises(InvalidArgument):
        t.request_order("removal")


def test_failed_feasibility_with_loss_tag_loses_the_ticket():
    t = _ticket("feasibility")
    req = t.request_order("feasibility")
    t.order_created(order_id="f-1", kind="feasibility", request_id=req.request_id)
    assert t.order_failed(order_id="f-1", kind="feasibility", reason="sin línea de vista",
                          loss_tag="imposibilidad técnica") is True
    assert t.state == "lost" and t.loss_tag == "imposibilidad técnica"


def test_failed_installation_keeps_the_ticket_open():
    t = _ticket()
    req = t.request_order("installation")
    t.order_created(order_id="o-1", kind="installation", request_id=req.request_id)
    assert t.order_failed(order_id="o-1", kind="installation", reason="cliente ausente") is False
    assert t.state == "order_in_progress" and t.orders[0].state == "failed"
    t.request_order("installation")  # the desk may ask again


def test_feasible_feasibility_stays_open_for_the_installation_order():
    t = _ticket()
    req = t.request_order("feasibility")
    t.order_created(order_id="f-1", kind="feasibility", request_id=req.request_id)
    assert t.order_completed(order_id="f-1", kind="feasibility", feasible=True) is False
    assert t.feasible and t.state == "order_in_progress" and t.orders[0].feasible
    t.request_order("installation")


def test_not_feasible_verdict_loses_the_ticket():
    t = _ticket()
    req = t.request_order("feasibility")
    t.order_created(order_id="f-1", kind="feasibility", request_id=req.request_id)
    assert t.order_completed(order_id="f-1", kind="feasibility", feasible=False) is True
    assert t.state == "lost" and t.loss_tag == "imposibilidad técnica"


def test_contract_activation_wins_once():
    t = _ticket()
    req = t.request_order("installation")
    t.order_created(order_id="o-1", kind="installation", request_id=req.request_id)
    t.order_completed(order_id="o-1", kind="installation", feasible=False)
    assert t.state == "order_in_progress"  # installed, not yet active
    assert t.win(contract_id="c-1") is True
    assert t.win(contract_id="c-1") is False
    assert t.state == "won" and t.contract_id == "c-1"
    with pytest.raises(Conflict):
        t.lose("sin plan")
    with pytest.raises(Conflict):
        t.request_order("feasibility")
    assert _states(t)[-1] == ("order_in_progress", "won")


def test_an_order_made_outside_the_desk_is_still_counted():
    t = _ticket()
    t.order_created(order_id="x-9", kind="technical")
    assert t.order_ids == ["x-9"] and t.state == "order_in_progress"


def test_open_validates_create_kind_and_prospect_owner():
    lead = model.Lead.register(name="Ana")
    other = model.Lead.register(name="Otro")
    prospect = model.Prospect.create(lead=other)
    with pytest.raises(InvalidArgument) as exc:
        model.Ticket.open(lead=lead, prospect=prospect, create="order")
    assert {"create", "prospect_id"} <= set(exc.value.field_errors)


def test_prospect_location_and_discount_rules():
    lead = model.Lead.register(name="Ana")
    with pytest.raises(InvalidArgument) as exc:
        model.Prospect.create(lead=lead, location=(91.0, -181.0), discount_ids=["d-1"])
    assert {"location.lat", "location.lon", "discount_ids"} <= set(exc.value.field_errors)
    with pytest.raises(InvalidArgument):
        model.Prospect.create(lead=lead, location=(float("nan"), 0.0))
    p = model.Prospect.create(lead=lead, plan_id="p", discount_ids=["d", "d"], location=(-90, 180))
    assert p.discount_ids == ["d"] and p.location == (-90, 180)


def test_attachment_type_is_sniffed_and_size_limited():
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 10
    a = model.Attachment.accept(ticket_id="t", filename="../../etc/pässwd.png", content=png, max_bytes=100, sha256="x")
    assert a.content_type == "image/png" and "/" not in a.filename
    with pytest.raises(files.UnsupportedFileType) as bad:
        model.Attachment.accept(ticket_id="t", filename="a.pdf", content=b"GIF89a....", max_bytes=100, sha256="x")
    assert bad.value.field_errors == {"file": "only PDF, PNG or JPEG files are accepted"}
    with pytest.raises(files.FileTooLarge) as big:
        model.Attachment.accept(ticket_id="t", filename="a.png", content=png, max_bytes=5, sha256="x")
    assert big.value.detail == "file: larger than 5 bytes"
    with pytest.raises(InvalidArgument, match="file: is empty"):
        model.Attachment.accept(ticket_id="t", filename="a.png", content=b"", max_bytes=5, sha256="x")
