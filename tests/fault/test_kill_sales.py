"""Fault: the sales process is killed (kill -9) right after tickets asked for
orders (outbox partly relayed), while orders.order_created answers flow back to it, then started again.
Every ticket ends with exactly one order; no answer is lost or applied twice.

Every service runs as its own process on RabbitMQ and PostgreSQL."""
from __future__ import annotations

import pytest

from antena_common import scenario
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
        lead_id, prospects = scenario.desk_prospects(api, total)
        ticket_ids = [scenario.installation_ticket(api, lead_id, p) for p in prospects]
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
