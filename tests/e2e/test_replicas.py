"""Two replicas of orders, each its own process, as two pods of a Deployment:
both consume the same queues (competing consumers) and both serve the gateway's
gRPC calls (round robin over the target listing both). Every ticket gets exactly
one order; no event is handled twice. Two gateway replicas on their own ports
serve the same system.

Every service runs as its own process on RabbitMQ and PostgreSQL."""
from __future__ import annotations

import re
import subprocess
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import create_engine, text

from antena_common import scenario
from antena_common.testing import distributed, free_port, metric_samples, wait_until

pytestmark = pytest.mark.e2e


def _orders(db_url: str) -> list[str]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return [r[0] for r in conn.execute(text("SELECT ticket_id FROM orders")).all()]
    finally:
        engine.dispose()


def _consumers_per_queue(amqp_url: str, prefix: str) -> dict[str, int]:
    vhost = urlsplit(amqp_url).path.lstrip("/")
    out = subprocess.run(["rabbitmqctl", "-q", "list_queues", "-p", vhost, "name", "consumers"],
                         check=True, capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].startswith(prefix) and parts[1].isdigit():
            found[parts[0]] = int(parts[1])
    return found


def _metric(url: str, name: str, **labels) -> float:
    """Sum of a Prometheus counter's samples whose labels include `labels`."""
    return sum(value for _, value in metric_samples(httpx.get(url, timeout=5).text, name, **labels))


@pytest.mark.timeout(240)
def test_two_orders_replicas_share_the_work_and_each_ticket_gets_one_order(tmp_path, amqp_url):
    with distributed(tmp_path, amqp_url, replicas={"orders": 2, "gateway": 2},
                     extra_env={"ANTENA_ORDERS_METRICS_PORT": str(free_port())}) as system:
        assert set(system.processes_of("orders")) == {"orders", "orders.1"}
        gateways = system.urls_of("gateway")
        assert len(set(gateways)) == 2 and gateways[0] == system.gateway_url
        assert re.fullmatch(r"ipv4:127\.0\.0\.1:\d+,127\.0\.0\.1:\d+", system.grpc_target("orders"))
        metrics_urls = [f"http://127.0.0.1:{system.replica_env[p].get('ANTENA_ORDERS_METRICS_PORT', system.env['ANTENA_ORDERS_METRICS_PORT'])}/metrics"
                        for p in system.processes_of("orders")]
        assert len(set(metrics_urls)) == 2

        # both replicas are consumers of every orders queue before anything flows
        wait_until(lambda: (q := _consumers_per_queue(amqp_url, "orders.")) and set(q.values()) == {2},
                   timeout=60, message="two consumers on each orders queue")

        orders_db = system.env["ANTENA_ORDERS_DATABASE_URL"]
        total = 30
        with system.client() as api:
            lead_id, prospects = scenario.desk_prospects(api, total)
            ticket_ids = [scenario.installation_ticket(api, lead_id, p) for p in prospects]
            wait_until(lambda: len(_orders(orders_db)) >= total, timeout=90, message="an order per ticket")

            def all_in_progress():
                states = [api.get(f"/v1/tickets/{t}").json() for t in ticket_ids]
                return all(s.get("state") == "order_in_progress" and len(s.get("order_ids", [])) == 1
                           for s in states)

            wait_until(all_in_progress, timeout=90, message="every ticket has its one order")
            got = _orders(orders_db)
            assert len(got) == total and sorted(got) == sorted(ticket_ids)

            # the gateway's reads of orders go to both replicas
            for t in ticket_ids:
                assert api.get("/v1/orders", params={"ticket_id": t}).status_code == 200
        # the second gateway replica serves the same system with the same token
        with httpx.Client(base_url=gateways[1], timeout=15, headers=api.headers) as second:
            seen = second.get(f"/v1/tickets/{ticket_ids[0]}")
            assert seen.status_code == 200 and seen.json()["state"] == "order_in_progress"
        served = [_metric(u, "antena_grpc_requests_total", service="orders") for u in metrics_urls]
        assert all(n > 0 for n in served), f"gRPC calls per replica: {served}"
        handled = [_metric(u, "antena_events_handled_total", consumer="orders", outcome="ok") for u in metrics_urls]
        assert all(n > 0 for n in handled), f"events handled per replica: {handled}"
        assert sum(_metric(u, "antena_events_dead_lettered_total", consumer="orders") for u in metrics_urls) == 0
