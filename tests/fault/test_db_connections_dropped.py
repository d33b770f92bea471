"""Fault: the orders service's PostgreSQL connections are terminated again and
again (pg_terminate_backend) while sales.order_requested events flow. The service
recovers by itself: every event yields exactly one order.

Every service runs as its own process on RabbitMQ and PostgreSQL."""
from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from sqlalchemy import create_engine, text

from antena.common.v1 import common_pb2
from antena.sales.v1 import events_pb2 as sales_events
from antena_common.bus import Publisher
from antena_common.events import new_envelope
from antena_common.ids import new_id
from antena_common.testing import sql_rows

pytestmark = pytest.mark.e2e


def _request(ticket_id: str) -> sales_events.OrderRequested:
    return sales_events.OrderRequested(
        request_id=new_id(), ticket_id=ticket_id, kind="installation", lead_id=new_id(), prospect_id=new_id(),
        customer_name="Cliente de prueba", customer_phone="3511234567",
        address=common_pb2.Address(street="Belgrano", number="450", city="Córdoba", state="Córdoba"),
        location=common_pb2.GeoPoint(lat=-31.41, lon=-64.18))


def _ticket_ids(db_url: str) -> list[str]:
    return [r[0] for r in sql_rows(db_url, "SELECT ticket_id FROM orders")]


def _terminate(admin, dbname: str) -> int:
    with admin.connect() as conn:
        return len(conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                     "WHERE datname = :d AND pid <> pg_backend_pid()"), {"d": dbname}).all())


@pytest.mark.timeout(150)
def test_orders_recovers_when_its_db_connections_are_killed(distributed_system, wait_until):
    system = distributed_system
    db_url = system.env["ANTENA_ORDERS_DATABASE_URL"]
    dbname = urlsplit(db_url).path.lstrip("/")
    admin = create_engine(db_url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    publisher = Publisher(system.env["ANTENA_BROKER_URL"])
    total = 60
    tickets = [new_id() for _ in range(total)]
    try:
        with system.client() as api:
            assert api.get("/v1/me").status_code == 200
        killed = 0
        for i, ticket_id in enumerate(tickets):
            publisher.publish(new_envelope("sales", "order_requested", _request(ticket_id)))
            if i % 10 == 5:
                killed += _terminate(admin, dbname)
                time.sleep(0.1)
        killed += _terminate(admin, dbname)
        assert killed > 0, "no orders DB connection was terminated"
        print(f"terminated {killed} orders DB connections")
        wait_until(lambda: len(_ticket_ids(db_url)) >= total, timeout=90, message=f"{total} orders")
        time.sleep(1.0)
        got = _ticket_ids(db_url)
        assert len(got) == total, "an order was created twice"
        assert sorted(got) == sorted(tickets), "an order_requested event was lost"
        # the service answers again through the gateway without manual action
        with system.client() as api:
            items = api.get("/v1/orders", params={"ticket_id": tickets[0]}).json()["items"]
            assert len(items) == 1
    finally:
        publisher.close()
        admin.dispose()
