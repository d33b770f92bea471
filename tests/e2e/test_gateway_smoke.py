"""The whole system starts, and the gateway authenticates and reaches a service."""
import pytest

pytestmark = pytest.mark.e2e


def _roundtrip(system):
    with system.client() as api:
        assert api.get("/v1/me").json()["username"] == "admin"
        lead = api.post("/v1/leads", json={"name": "Ana Gómez", "email": "ana@example.com"})
        assert lead.status_code == 201, lead.text
        assert api.get(f"/v1/leads/{lead.json()['id']}").json()["name"] == "Ana Gómez"
        bad = api.post("/v1/leads", json={"name": "", "email": "nope"})
        assert bad.status_code == 422
        assert bad.headers["content-type"].startswith("application/problem+json")
        assert "name" in bad.json()["errors"]


def test_embedded(embedded_system):
    _roundtrip(embedded_system)


def test_distributed(distributed_system):
    _roundtrip(distributed_system)
