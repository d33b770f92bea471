"""Fault: the sales process is killed (kill -9) right after tickets asked for
orders (outbox partly relayed), while orders.order_created answers flow back to it, then started again.
Every ticket ends with exactly one order; no answer is lost or applied twice.

Every service runs as its own process on RabbitMQ and PostgreSQL."""
from __future__ import annotations

import pytest

from antena_common.testing import sql_rows

pytestmark = pytest.mark.e2e


def _orders(db_url: str) -> list[str]:
    return [r[0] for r in sql_rows(db_url, "SELECT ticket_id FROM orders")]


@pytest.mark.timeout(150)
def test_kill_sales_while_order_answers_flow(distributed_system, wait_until):
    system = distributed_system
    orders_db = system.env["ANTENA_ORDERS_DATABASE_URL"]
    total = 20
    with system.client() as api:
        plan = api.post("/v1/plans", json={"name": "Fibra 100", "download_mbps": 100, "upload_mbps": 50,
                                           "price": "12500.00", "currency": "ARS"})
        assert plan.status_code == 201, plan.text
        lead = api.post("/v1/leads", json={"name": "Ana Gómez", "phone": "3511234567"}).json()
        ticket_ids = []
        for i in range(total):
            p = api.post("/v1/prospects", json={
                "lead_id": lead["id"], "plan_id": plan.json()["id"], "recurring_item_ids": [], "discount_ids": [],
                "address": {"street": "Belgrano", "number": str(100 + i), "city": "Córdoba", "state": "Córdoba"},
                "location": {"lat": -31.41, "lon": -64.18}})
            assert p.status_code == 201, p.text
            t = api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": p.json()["id"],
                                              "create": "installation"})
            assert t.status_code == 201, t.text
            ticket_ids.append(t.json()["id"])
        system.kill("sales")  # mid-flow: part of the outbox unrelayed, answers from orders arriving
        print(f"sales killed with {len(_orders(orders_db))} of {total} orders created")
        system.start("sales")
        wait_until(lambda: len(_orders(orders_db)) >= total, timeout=60, message="an order per ticket")

        def all_in_progress():
            states = [api.get(f"/v1/tickets/{t}").json() for t in ticket_ids]
            return all(s.get("state") == "order_in_progress" and len(s.get("order_ids", [])) == 1 for s in states)

        wait_until(all_in_progress, timeout=60, message="every ticket has its one order")
        got = _orders(orders_db)
        assert len(got) == total and sorted(got) == sorted(ticket_ids)
