"""Catalog and quotes through the gateway (embedded system)."""
import pytest

from antena_common.testing import EmbeddedSystem, system_env

pytestmark = pytest.mark.e2e


@pytest.fixture
def billing_system(tmp_path, memory_bus_url):
    """Billing and the gateway embedded (the rest of the system is not needed here)."""
    system = EmbeddedSystem(system_env(tmp_path / "data"), only=["billing", "gateway"])
    yield system
    system.stop()


def _user(api, system, username, roles):
    r = api.post("/v1/users", json={"username": username, "password": "pw-" + username * 2,
                                    "full_name": username, "roles": roles})
    assert r.status_code == 201, r.text
    return system.client(system.token(username, "pw-" + username * 2))


def test_catalog_and_quote(billing_system):
    system = billing_system
    with system.client() as api:
        plan = api.post("/v1/plans", json={"name": "Fibra 300", "download_mbps": 300, "upload_mbps": 100,
                                           "price": "12500.00", "currency": "ARS"})
        assert plan.status_code == 201, plan.text
        plan = plan.json()
        assert plan["price"] == "12500.00" and plan["currency"] == "ARS"
        item = api.post("/v1/recurring-items", json={"name": "IP fija", "price": "1500", "period": "monthly"}).json()
        assert item["price"] == "1500.00" and item["currency"] == "ARS"
        yearly = api.post("/v1/recurring-items", json={"name": "Soporte anual", "price": "1200.00",
                                                       "period": "yearly"}).json()
        promo = api.post("/v1/discounts", json={"name": "50% por 3 meses", "kind": "percent", "value": "50",
                                                "months": 3}).json()
        assert promo["months"] == 3
        forever = api.post("/v1/discounts", json={"name": "Jubilados", "kind": "amount", "value": "1000",
                                                  "months": None}).json()
        assert forever["months"] is None
        profile = api.post("/v1/billing-profiles", json={
            "name": "Mensual día 10", "issue_day": 10, "due_days": 10, "late_fee_kind": "percent",
            "late_fee_value": "5", "suspend_after_days": 15, "prorate": True, "grace_days": 2,
            "early_payment_days": 5, "early_payment_percent": "3", "free_days": 0})
        assert profile.status_code == 201, profile.text
        assert profile.json()["prorate"] is True
        assert [p["id"] for p in api.get("/v1/plans").json()["items"]] == [plan["id"]]
        assert len(api.get("/v1/discounts").json()["items"]) == 2

        q = api.post("/v1/quotes", json={"plan_id": plan["id"], "recurring_item_ids": [item["id"], yearly["id"]],
                                         "discount_ids": [promo["id"], forever["id"]]})
        assert q.status_code == 200, q.text
        q = q.json()
        # 12500 + 1500 + 1200/12 = 14100; 50% of 12500 = 6250 plus 1000 off
        assert q["subtotal"] == "14100.00"
        assert q["discount_total"] == "7250.00"
        assert q["total_monthly"] == "6850.00"
        assert q["currency"] == "ARS"
        assert [line["kind"] for line in q["lines"]] == ["plan", "item", "item", "discount", "discount"]
        assert q["lines"][3]["months"] == 3 and q["lines"][4]["months"] is None

        # bad input: clear 4xx naming the fields
        bad = api.post("/v1/plans", json={"name": "X", "download_mbps": 10, "upload_mbps": 5, "price": "-1",
                                          "currency": "ARS"})
        assert bad.status_code == 422 and "price" in bad.json()["errors"]
        bad = api.post("/v1/plans", json={"name": "X", "download_mbps": 10, "upload_mbps": 5, "price": "abc",
                                          "currency": "ARS"})
        assert bad.status_code == 422 and "price" in bad.json()["errors"]
        bad = api.post("/v1/plans", json={"name": "X", "download_mbps": 10, "upload_mbps": 5, "price": "10",
                                          "currency": "XYZ"})
        assert bad.status_code == 422 and "currency" in bad.json()["errors"]
        assert bad.headers["content-type"].startswith("application/problem+json")
        bad = api.post("/v1/quotes", json={"plan_id": "nope", "recurring_item_ids": ["nada"], "discount_ids": []})
        assert bad.status_code == 422
        assert {"plan_id", "recurring_item_ids"} <= set(bad.json()["errors"])
        assert api.get("/v1/plans/nope").status_code == 404
        bad = api.post("/v1/discounts", json={"name": "X", "kind": "percent", "value": "150", "months": 2})
        assert bad.status_code == 422 and "value" in bad.json()["errors"]

        sales = _user(api, system, "vendedora", ["sales"])
    with sales:
        assert sales.get("/v1/plans").status_code == 200
        assert sales.post("/v1/quotes", json={"plan_id": plan["id"]}).json()["total_monthly"] == "12500.00"
        forbidden = sales.post("/v1/plans", json={"name": "Y", "download_mbps": 10, "upload_mbps": 5,
                                                  "price": "10", "currency": "ARS"})
        assert forbidden.status_code == 403
        # sales may look customers up, not run billing
        assert sales.get("/v1/customers").status_code == 200
        assert sales.get("/v1/invoices").status_code == 403
        assert sales.post("/v1/bill-runs", json={"period": "2026-12"}).status_code == 403
        assert sales.post("/v1/payments", json={"customer_id": "x", "amount": "1", "currency": "ARS",
                                                "method": "cash"}).status_code == 403
