"""Booking rules: overlaps, working hours, the past, free slots (no I/O)."""
import datetime as dt

import pytest

from antena_common.errors import Conflict, InvalidArgument
from orders.domain.planning import Technician, check_booking, free_slots, overlaps, subtract

UTC = dt.timezone.utc
MONDAY = dt.date(2030, 1, 7)
NOW = dt.datetime(2030, 1, 1, tzinfo=UTC)


def t(h, m=0, day=MONDAY, tz=UTC):
    return dt.datetime.combine(day, dt.time(h, m), tz)


def tech(**kw):
    return Technician.register(name="Ana", zone_ids=["z1"], **kw)


def test_overlap_is_half_open():
    assert overlaps(t(10), t(12), t(11), t(13))
    assert overlaps(t(10), t(12), t(10, 30), t(11))
    assert not overlaps(t(10), t(12), t(12), t(13))  # back to back is fine
    assert not overlaps(t(10), t(12), t(8), t(10))


def test_default_hours_and_validation():
    a = tech()
    assert a.within_hours(t(8), t(10)) and a.within_hours(t(15), t(17))
    assert not a.within_hours(t(16), t(18))
    assert not a.within_hours(t(9, day=MONDAY + dt.timedelta(days=6)), t(10, day=MONDAY + dt.timedelta(days=6)))
    with pytest.raises(InvalidArgument) as err:
        tech(working_hours=[{"weekday": 7, "start": "08:00", "end": "12:00"},
                            {"weekday": 1, "start": "13:00", "end": "12:00"}], timezone="Mars/Olympus")
    assert set(err.value.field_errors) == {"working_hours.0", "working_hours.1", "timezone"}
    with pytest.raises(InvalidArgument):
        tech(working_hours=[{"weekday": 0, "start": "08:00", "end": "12:00"},
                            {"weekday": 0, "start": "11:00", "end": "14:00"}])


def test_hours_follow_the_technicians_time_zone():
    a = tech(working_hours=[{"weekday": 0, "start": "08:00", "end": "12:00"}],
             timezone="America/Argentina/Buenos_Aires")  # UTC-3
    assert a.shifts(MONDAY) == [(t(11), t(15))]
    assert a.within_hours(t(11), t(13)) and not a.within_hours(t(8), t(10))


def test_check_booking_rules():
    a = tech()
    busy = [("o1", t(10), t(12))]
    check_booking(a, t(12), t(13), busy, order_id="o2", at=NOW)
    check_booking(a, t(10), t(12), busy, order_id="o1", at=NOW)  # moving itself
    with pytest.raises(Conflict, match="already booked"):
        check_booking(a, t(11), t(13), busy, order_id="o2", at=NOW)
    with pytest.raises(Conflict, match="working hours"):
        check_booking(a, t(16), t(18), [], order_id="o2", at=NOW)
    with pytest.raises(InvalidArgument) as err:
        check_booking(a, t(10), t(12), [], order_id="o2", at=t(11))
    assert "scheduled_start" in err.value.field_errors
    with pytest.raises(InvalidArgument) as err:
        check_booking(a, t(12), t(10), [], order_id="o2", at=NOW)
    assert "scheduled_end" in err.value.field_errors
    a.update(active=False)
    with pytest.raises(Conflict, match="inactive"):
        check_booking(a, t(12), t(13), [], order_id="o2", at=NOW)


def test_free_slots_skip_bookings_on_a_grid():
    a = tech()
    slots = free_slots(a, MONDAY, [(t(9, 15), t(11)), (t(13), t(16))], dt.timedelta(hours=1))
    assert slots == [(t(8), t(9)), (t(11), t(12)), (t(12), t(13)), (t(16), t(17))]
    later = free_slots(a, MONDAY, [], dt.timedelta(hours=2), not_before=t(12, 10))
    assert later[0] == (t(12, 30), t(14, 30))
    assert free_slots(a, MONDAY + dt.timedelta(days=6), [], dt.timedelta(hours=1)) == []


def test_subtract_busy_from_a_shift():
    assert subtract(t(8), t(17), [(t(10), t(12)), (t(11), t(13)), (t(16), t(18))]) == [(t(8), t(10)), (t(13), t(16))]
    assert subtract(t(8), t(17), []) == [(t(8), t(17))]
    assert subtract(t(8), t(17), [(t(7), t(18))]) == []
