"""Domain errors carry field problems; cursors are opaque and checked."""
import pytest

from antena_common import errors
from antena_common.pagination import MAX_LIMIT, clamp_limit, decode_cursor, encode_cursor


def test_field_errors_collects_first_problem_per_field():
    fe = errors.FieldErrors()
    fe.check(True, "name", "required")
    fe.check(False, "email", "not an e-mail")
    fe.check(False, "email", "second problem ignored")
    fe.check(False, "phone", "too short")
    with pytest.raises(errors.InvalidArgument) as info:
        fe.raise_if_any()
    assert info.value.field_errors == {"email": "not an e-mail", "phone": "too short"}
    assert "email: not an e-mail" in info.value.detail


def test_no_errors_no_raise():
    errors.FieldErrors().raise_if_any()
    errors.require(True, "x", "never")


def test_require():
    with pytest.raises(errors.InvalidArgument) as info:
        errors.require(False, "plan_id", "unknown plan")
    assert info.value.field_errors == {"plan_id": "unknown plan"}


def test_cursor_round_trip_and_garbage():
    cursor = encode_cursor("2026-01-01T00:00:00+00:00", "id-1")
    assert decode_cursor(cursor) == ["2026-01-01T00:00:00+00:00", "id-1"]
    assert decode_cursor(None) is None
    for bad in ("%%%", "bm90IGpzb24", encode_cursor()[:0] + "eyJhIjoxfQ"):
        with pytest.raises(errors.InvalidArgument) as info:
            decode_cursor(bad)
        assert "cursor" in info.value.field_errors


def test_clamp_limit():
    assert clamp_limit(None) == 50
    assert clamp_limit(0) == 50
    assert clamp_limit(10) == 10
    assert clamp_limit(10_000) == MAX_LIMIT
