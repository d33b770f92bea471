"""Event envelopes and payload schemas.

An event travels as JSON: {event_id, type, source, occurred_at, schema_version,
correlation_id, payload}. `type` is the routing key `<source>.<event_name>`;
its payload schema is the protobuf message named like the event in CamelCase
inside `antena.<source>.v1.events_pb2` (orders.order_created -> OrderCreated).
"""
from __future__ import annotations

import datetime as dt
import importlib
import json
from dataclasses import dataclass, fields
from functools import lru_cache

from google.protobuf import json_format
from google.protobuf.message import Message

from .ids import new_id
from .logs import correlation_id as _current_correlation

SCHEMA_VERSION = 1


class MalformedEvent(Exception):
    """The message cannot be read as an Antena event: it goes to the dead letters."""


@dataclass(frozen=True)
class Envelope:
    event_id: str
    type: str
    source: str
    occurred_at: str
    schema_version: int
    correlation_id: str | None
    payload: dict

    @property
    def name(self) -> str:
        return self.type.split(".", 1)[1]

    def to_json(self) -> str:
        # a shallow dict: dataclasses.asdict would deep-copy the payload on every event
        data = {f: getattr(self, f) for f in _ENVELOPE_FIELDS}
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)

    def message(self) -> Message:
        """The payload parsed into its protobuf schema (raises MalformedEvent)."""
        cls = schema_for(self.type)
        try:
            return json_format.ParseDict(self.payload, cls(), ignore_unknown_fields=True)
        except (json_format.ParseError, TypeError, ValueError) as exc:
            raise MalformedEvent(f"payload does not match {cls.DESCRIPTOR.full_name}: {exc}") from exc


_ENVELOPE_FIELDS = tuple(f.name for f in fields(Envelope))


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


@lru_cache(maxsize=None)
def schema_for(event_type: str) -> type[Message]:
    try:
        source, name = event_type.split(".", 1)
        module = importlib.import_module(f"antena.{source}.v1.events_pb2")
        return getattr(module, _camel(name))
    except (ValueError, ImportError, AttributeError) as exc:
        raise MalformedEvent(f"unknown event type {event_type!r}") from exc


def payload_dict(message: Message) -> dict:
    return json_format.MessageToDict(
        message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True
    )


def new_envelope(source: str, event_name: str, payload: Message | dict, correlation_id: str | None = None) -> Envelope:
    event_type = f"{source}.{event_name}"
    if isinstance(payload, Message):
        expected = schema_for(event_type)
        if not isinstance(payload, expected):
            raise TypeError(f"{event_type} takes {expected.DESCRIPTOR.full_name}, not {payload.DESCRIPTOR.full_name}")
        body = payload_dict(payload)
    else:
        body = payload_dict(json_format.ParseDict(payload, schema_for(event_type)()))
    return Envelope(
        event_id=new_id(),
        type=event_type,
        source=source,
        occurred_at=dt.datetime.now(dt.timezone.utc).isoformat(),
        schema_version=SCHEMA_VERSION,
        correlation_id=correlation_id or _current_correlation.get(),
        payload=body,
    )


def parse_envelope(raw: bytes | str) -> Envelope:
    try:
        data = json.loads(raw)
        env = Envelope(
            event_id=str(data["event_id"]),
            type=str(data["type"]),
            source=str(data["source"]),
            occurred_at=str(data["occurred_at"]),
            schema_version=int(data.get("schema_version", 1)),
            correlation_id=data.get("correlation_id"),
            payload=dict(data["payload"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise MalformedEvent(f"not an event envelope: {exc}") from exc
    schema_for(env.type)
    return env
