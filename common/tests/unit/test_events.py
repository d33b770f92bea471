"""The event envelope: building, serialising, parsing and refusing bad input."""
import datetime as dt
import json
import uuid

import pytest

from antena.sales.v1 import events_pb2 as sales_events
from antena_common.events import Envelope, MalformedEvent, new_envelope, parse_envelope, schema_for
from antena_common.logs import correlation


def _lead(**kw):
    return sales_events.LeadCreated(lead_id="l-1", name="Ana Gómez", **kw)


def test_new_envelope_fills_every_field():
    env = new_envelope("sales", "lead_created", _lead(email="ana@example.com"), correlation_id="c-1")
    assert env.type == "sales.lead_created" and env.source == "sales" and env.name == "lead_created"
    assert uuid.UUID(env.event_id).version == 7
    occurred = dt.datetime.fromisoformat(env.occurred_at)
    assert occurred.utcoffset() == dt.timedelta(0)
    assert env.schema_version == 1
    assert env.correlation_id == "c-1"
    # proto field names kept; fields without presence printed with defaults
    assert env.payload == {"lead_id": "l-1", "name": "Ana Gómez", "email": "ana@example.com", "phone": "", "source": ""}


def test_correlation_id_comes_from_the_context():
    with correlation("from-context"):
        env = new_envelope("sales", "lead_created", _lead())
    assert env.correlation_id == "from-context"


def test_round_trip_through_json():
    env = new_envelope("sales", "lead_created", _lead())
    raw = env.to_json()
    assert "Ana Gómez" in raw  # not ASCII-escaped
    back = parse_envelope(raw.encode("utf-8"))
    assert back == env
    msg = back.message()
    assert isinstance(msg, sales_events.LeadCreated) and msg.name == "Ana Gómez"


def test_dict_payload_is_validated_against_the_schema():
    env = new_envelope("sales", "lead_created", {"lead_id": "l-2", "name": "Bo"})
    assert env.payload["name"] == "Bo"
    with pytest.raises(Exception):
        new_envelope("sales", "lead_created", {"no_such_field": 1})


def test_wrong_message_type_is_refused():
    with pytest.raises(TypeError, match="sales.lead_created takes antena.sales.v1.LeadCreated"):
        new_envelope("sales", "lead_created", sales_events.TicketLost(ticket_id="t"))


def test_schema_lookup():
    assert schema_for("sales.order_requested") is sales_events.OrderRequested
    for bad in ("sales.no_such_event", "nosuchservice.thing", "no_dot"):
        with pytest.raises(MalformedEvent, match="unknown event type"):
            schema_for(bad)


@pytest.mark.parametrize("raw", [
    b"not json at all",
    b"[1, 2, 3]",
    b'{"event_id": "x"}',
    json.dumps({"event_id": "x", "type": "sales.lead_created", "source": "sales", "occurred_at": "t",
                "schema_version": "one", "payload": {}}).encode(),
    json.dumps({"event_id": "x", "type": "sales.lead_created", "source": "sales", "occurred_at": "t",
                "payload": "not a dict"}).encode(),
    b"\xff\xfe garbage",
])
def test_malformed_envelopes(raw):
    with pytest.raises(MalformedEvent):
        parse_envelope(raw)


def test_unknown_type_is_malformed():
    env = new_envelope("sales", "lead_created", _lead())
    data = json.loads(env.to_json())
    data["type"] = "sales.exploded"
    with pytest.raises(MalformedEvent, match="unknown event type"):
        parse_envelope(json.dumps(data))


def test_payload_that_does_not_match_its_schema():
    env = Envelope(event_id="e", type="sales.lead_created", source="sales", occurred_at="t", schema_version=1,
                   correlation_id=None, payload={"lead_id": {"nested": True}})
    with pytest.raises(MalformedEvent, match="does not match antena.sales.v1.LeadCreated"):
        env.message()


def test_unknown_payload_fields_are_ignored():
    # a newer producer may add fields: older consumers still read the event
    env = Envelope(event_id="e", type="sales.lead_created", source="sales", occurred_at="t", schema_version=2,
                   correlation_id=None, payload={"lead_id": "l", "added_later": 3})
    assert env.message().lead_id == "l"
