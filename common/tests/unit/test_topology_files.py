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


def test_kubernetes_definitions_share_the_topology():
    compose = json.loads((ROOT / "deploy/rabbitmq/definitions.json").read_text())
    k8s_base = json.loads((ROOT / "deploy/k8s/base/rabbitmq/definitions.json").read_text())
    k8s_dev = json.loads((ROOT / "deploy/k8s/overlays/dev/rabbitmq/definitions.json").read_text())
    assert k8s_dev == compose
    for key in ("exchanges", "queues", "bindings", "policies"):
        assert k8s_base[key] == compose[key], key
    assert "users" not in k8s_base  # production users come from the broker's own secret


def test_queue_policy_bounds_redeliveries():
    d = json.loads((ROOT / "deploy/rabbitmq/definitions.json").read_text())
    import re

    policy = next(p for p in d["policies"] if p["apply-to"] == "queues")
    assert policy["definition"]["dead-letter-exchange"] == bus.DEAD_EXCHANGE
    assert policy["definition"]["delivery-limit"] > 0
    assert re.match(policy["pattern"], "orders.sales.order_requested")
    assert not re.match(policy["pattern"], bus.DEAD_QUEUE)
