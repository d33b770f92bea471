"""Lead to cash through the gateway only (antena_common.scenario), every service real, in both
running modes: embedded (one process, SQLite, in-memory bus) and distributed (every service its own
process on RabbitMQ and a PostgreSQL database each). The router is a FAKE RouterOS API server
speaking the real wire protocol; RADIUS is a real FreeRADIUS on PostgreSQL; e-mail goes to a real
SMTP server (aiosmtpd)."""
from __future__ import annotations

import email
import email.header
import mailbox
import shutil

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox

from antena_common import scenario
from antena_common.testing import (SERVICE_NAMES, EmbeddedSystem, ProcessSystem, create_pg_database, drop_pg_database,
                                   free_port, peer_missing, system_env)
from network.testing.fake_routeros import FakeRouterOS
from network.testing.peers import FreeRadius, load_radius_schema

pytestmark = pytest.mark.e2e

ROUTER_USER, ROUTER_PASSWORD = "antena", "rb-secret"


@pytest.fixture
def router():
    fake = FakeRouterOS(username=ROUTER_USER, password=ROUTER_PASSWORD).start()
    yield fake
    fake.stop()


@pytest.fixture
def radius(tmp_path):
    if not shutil.which("freeradius"):
        peer_missing("freeradius (apt: freeradius freeradius-postgresql freeradius-utils)")
    url = create_pg_database("antena_radius")
    load_radius_schema(url)
    server = FreeRadius(tmp_path / "radius", url).start()
    yield server
    server.stop()
    drop_pg_database(url)


@pytest.fixture
def smtp(tmp_path):
    port = free_port()
    controller = Controller(Mailbox(str(tmp_path / "mail")), hostname="127.0.0.1", port=port)
    controller.start()
    controller.messages = lambda: [email.message_from_bytes(m.as_bytes())
                                   for m in mailbox.Maildir(str(tmp_path / "mail"), create=False)]
    controller.port_number = port
    yield controller
    controller.stop()


@pytest.fixture(params=["embedded", "distributed"])
def system(request, tmp_path, radius, smtp):
    extra = {"ANTENA_NETWORK_RADIUS_DATABASE_URL": radius.url, "ANTENA_NETWORK_DEFAULT_DRIVERS": "mikrotik,radius",
             "ANTENA_NETWORK_PROVISIONING_POLL_SECONDS": "0.1", "ANTENA_NETWORK_RETRY_BASE_SECONDS": "0.2",
             "ANTENA_NOTIFICATIONS_SMTP_PORT": str(smtp.port_number), "ANTENA_NOTIFICATIONS_ISP_NAME": "AndinaNet",
             "ANTENA_NOTIFICATIONS_DISPATCH_INTERVAL_SECONDS": "0.1"}
    if request.param == "embedded":
        request.getfixturevalue("memory_bus_url")
        s = EmbeddedSystem({**system_env(tmp_path / "data"), **extra})
        yield s
        s.stop()
        return
    amqp = request.getfixturevalue("amqp_url")
    urls = {name: create_pg_database(f"antena_{name}") for name in SERVICE_NAMES}
    s = ProcessSystem({**system_env(tmp_path / "data", broker_url=amqp, database_urls=urls), **extra},
                      tmp_path / "logs")
    try:
        yield s
    finally:
        s.stop()
        for url in urls.values():
            drop_pg_database(url)


def subject(mail) -> str:
    return str(email.header.make_header(email.header.decode_header(mail["Subject"])))


def test_sign_ups_reach_active_contracts(system, router):
    """The scenario driver: three sign-ups, steps interleaved, each to a won ticket and an active contract."""
    with system.client() as api:
        setup = scenario.prepare(api, router_host="127.0.0.1", router_port=router.port, router_user=ROUTER_USER,
                                 router_password=ROUTER_PASSWORD, capacity=3, cidr="100.72.0.0/16")
        opened = [scenario.open_ticket(api, setup, i) for i in range(3)]
        started = [scenario.request_contract(api, setup, scenario.schedule(api, setup, scenario.await_order(api, s)))
                   for s in opened]
        done = [scenario.finish_field_work(api, setup, s) for s in started]
        assert [s.order_state for s in done] == ["completed"] * 3
        contract_ids = scenario.wait_active(api, done, timeout=60)
        assert len(set(contract_ids)) == 3 and all(contract_ids)
        assert len({s.scheduled_start + s.technician_id for s in done}) == 3
        names = {r["name"] for r in router.rows("/ppp/secret")}
        for s in done:
            conn = api.get(f"/v1/connections/{s.connection_id}").json()
            assert conn["state"] == "active" and conn["contract_id"] == s.contract_id
            assert conn["pppoe_username"] in names
