"""Money is exact to the cent; timestamps are aware UTC; ids sort by time."""
import datetime as dt
from decimal import Decimal

import pytest

from antena_common.db import Money, UtcDateTime
from antena_common.ids import new_id


def test_money_round_trip_is_exact():
    m = Money()
    assert m.process_bind_param(Decimal("1234.565"), None) == 123457  # half up
    assert m.process_bind_param("0.10", None) == 10
    assert m.process_result_value(123457, None) == Decimal("1234.57")
    assert str(m.process_result_value(10, None)) == "0.10"
    assert m.process_bind_param(None, None) is None


def test_utc_datetime_refuses_naive_and_normalises():
    t = UtcDateTime()
    with pytest.raises(ValueError, match="naive"):
        t.process_bind_param(dt.datetime(2026, 1, 1), None)
    local = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-3)))
    assert t.process_bind_param(local, None) == dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.timezone.utc)
    assert t.process_result_value(dt.datetime(2026, 1, 1), None).tzinfo == dt.timezone.utc


def test_ids_are_time_ordered_and_unique():
    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == 2000
    assert [i[:13] for i in ids] == sorted(i[:13] for i in ids)  # millisecond prefix never goes back
