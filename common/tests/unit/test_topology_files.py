"""The broker definitions deployments load agree with the topology the code declares."""
import base64
import hashlib
import json
from pathlib import Path

from antena_common import bus

ROOT = Path(__file__).resolve().parents[3]


def test_definitions_match_the_bus():
    d = json.loads((ROOT / "deploy/rabbitmq/definitions.json").read_text())
    exchanges = {e["name"]: e for e in d["exchanges"]}
    assert exchanges[bus.EVENTS_EXCHANGE]["type"] == "topic" and exchanges[bus.EVENTS_EXCHANGE]["durable"]
    assert exchanges[bus.DEAD_EXCHANGE]["type"] == "fanout" and exchanges[bus.DEAD_EXCHANGE]["durable"]
    queues = {q["name"]: q for q in d["queues"]}
    # declared by the code too: the arguments must be identical or RabbitMQ refuses the declaration
    assert queues[bus.DEAD_QUEUE]["arguments"] == dict(bus.dead_queue().queue_arguments or {})
    assert queues[bus.DEAD_QUEUE]["durable"] is True
    assert {(b["source"], b["destination"]) for b in d["bindings"]} >= {(bus.DEAD_EXCHANGE, bus.DEAD_QUEUE)}


def test_development_user_password_hash():
    d = json.loads((ROOT / "deploy/rabbitmq/definitions.json").read_text())
    user = next(u for u in d["users"] if u["name"] == "antena")
    raw = base64.b64decode(user["password_hash"])
    salt, digest = raw[:4], raw[4:]
    assert hashlib.sha256(salt + b"antena").digest() == digest
    assert any(p["user"] == "antena" and p["vhost"] == "/" for p in d["permissions"])
