"""Auth, roles, idempotency and request ids through the running embedded system."""
import json
import sqlite3
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e


def test_health_ready_and_docs(embedded_system):
    base = embedded_system.gateway_url
    assert httpx.get(f"{base}/health").json() == {"status": "ok"}
    ready = httpx.get(f"{base}/ready", timeout=10)
    assert ready.status_code == 200, ready.text
    assert set(ready.json()["checks"].values()) <= {"ok", "SERVING"}
    doc = httpx.get(f"{base}/openapi.json").json()
    assert "Problem" in doc["components"]["schemas"]
    docs = httpx.get(f"{base}/docs")
    assert docs.status_code == 200 and "script-src" in docs.headers["content-security-policy"]


def test_auth_flows_roles_and_idempotency(embedded_system):
    base = embedded_system.gateway_url
    with embedded_system.client() as admin:
        for username, roles in (("vendedor", ["sales"]), ("contable", ["finance"])):
            r = admin.post("/v1/users", json={"username": username, "password": "clave-segura-1", "roles": roles})
            assert r.status_code == 201, r.text
        seller_id = admin.get("/v1/users").json()["items"]
        seller_id = next(u["id"] for u in seller_id if u["username"] == "vendedor")

    seller = embedded_system.client(embedded_system.token("vendedor", "clave-segura-1"))
    finance = embedded_system.client(embedded_system.token("contable", "clave-segura-1"))
    assert finance.post("/v1/leads", json={"name": "Nadie"}).status_code == 403

    key = {"Idempotency-Key": "lead-e2e-1", "X-Request-ID": "e2e-req-1"}
    first = seller.post("/v1/leads", json={"name": "Rosa Díaz", "phone": "+54 11 5555-0001"}, headers=key)
    assert first.status_code == 201, first.text
    assert first.headers["x-request-id"] == "e2e-req-1"
    # the request id crossed gRPC: the sales service's lead_created event carries it
    sales_db = Path(embedded_system.env["ANTENA_DATA_DIR"]) / "sales.db"
    with sqlite3.connect(sales_db) as db:
        bodies = [json.loads(b) for (b,) in db.execute("SELECT body FROM outbox WHERE routing_key = ?",
                                                         ("sales.lead_created",))]
    assert [b["correlation_id"] for b in bodies] == ["e2e-req-1"]
    again = seller.post("/v1/leads", json={"phone": "+54 11 5555-0001", "name": "Rosa Díaz"}, headers=key)
    assert again.status_code == 201 and again.content == first.content
    assert again.headers["idempotent-replayed"] == "true"
    found = seller.get("/v1/leads", params={"q": "Rosa Díaz"}).json()["items"]
    assert [x["id"] for x in found] == [first.json()["id"]]  # one lead, not two
    clash = seller.post("/v1/leads", json={"name": "Otra"}, headers=key)
    assert clash.status_code == 422

    # a user disabled by an admin is out at once
    with embedded_system.client() as admin:
        assert admin.patch(f"/v1/users/{seller_id}", json={"active": False}).status_code == 200
    assert seller.get("/v1/me").status_code == 401
    r = httpx.post(f"{base}/v1/auth/token", json={"username": "vendedor", "password": "clave-segura-1"})
    assert r.status_code == 401
    seller.close()
    finance.close()
