"""The network service in the distributed mode: its own process on PostgreSQL
and RabbitMQ behind the gateway. Reservation and activation against the FAKE
RouterOS API server (real wire protocol), driven by events on RabbitMQ."""
from __future__ import annotations

import pytest

from antena.orders.v1 import events_pb2 as orders_events
from antena_common import bus
from antena_common.events import new_envelope
from antena_common.testing import distributed, wait_until
from network.testing.fake_routeros import FakeRouterOS

pytestmark = pytest.mark.e2e

SERVICES = ["billing", "network", "gateway"]


@pytest.fixture
def system(tmp_path, amqp_url):
    env = {"ANTENA_NETWORK_PROVISIONING_POLL_SECONDS": "0.2", "ANTENA_NETWORK_RETRY_BASE_SECONDS": "0.5",
           "ANTENA_NETWORK_DEFAULT_DOWNLOAD_RATE": "30M", "ANTENA_NETWORK_DEFAULT_UPLOAD_RATE": "6M"}
    with distributed(tmp_path, amqp_url, only=SERVICES, extra_env=env) as s:
        yield s


def test_reservation_and_activation_distributed(system):
    router = FakeRouterOS(username="antena", password="pw").start()
    try:
        api = system.client()
        rb = api.post("/v1/routers", json={"name": "RB1", "host": "127.0.0.1", "api_port": router.port,
                                           "username": "antena", "password": "pw"}).json()
        zone = api.post("/v1/zones", json={"name": "RB1 ZONA NORTE DÍA 10", "router_id": rb["id"],
                                           "billing_day": 10}).json()
        olt = api.post("/v1/olts", json={"name": "OLT Norte"}).json()
        box = api.post("/v1/nap-boxes", json={"code": "NAP-N-1", "olt_id": olt["id"], "ports": 4,
                                              "lat": -34.6037, "lon": -58.3816}).json()
        assert api.post("/v1/ip-pools", json={"cidr": "100.66.0.0/24", "zone_id": zone["id"]}).status_code == 201
        assert api.post("/v1/ip-pools", json={"cidr": "100.66.0.0/25", "zone_id": zone["id"]}).status_code == 409
        cov = api.post("/v1/coverage", json={"lat": -34.6040, "lon": -58.3816}).json()
        assert cov["covered"] and cov["candidates"][0]["nap_box_id"] == box["id"]

        pub = bus.Publisher(system.env["ANTENA_BROKER_URL"])
        try:
            pub.publish(new_envelope("orders", "contract_requested", orders_events.ContractRequested(
                request_id="rq", order_id="o1", contract_id="k-dist", plan_id="unknown-plan",
                customer=orders_events.ContractCustomer(name="Luis Pérez", phone="11 5555 0001"),
                connection=orders_events.ContractConnection(
                    zone_id=zone["id"], mode="pppoe", location={"lat": -34.6040, "lon": -58.3816}))))
            conn = wait_until(lambda: api.get("/v1/connections").json()["items"], timeout=30,
                              message="reserved")[0]
            assert conn["ip"] == "100.66.0.2" and conn["nap_box_id"] == box["id"]   # nearest box with a free port
            assert conn["pppoe_username"] == "1155550001"
            pub.publish(new_envelope("orders", "order_completed", orders_events.OrderCompleted(
                order_id="o1", kind="installation", contract_id="k-dist", connection_id=conn["id"])))
        finally:
            pub.close()
        active = wait_until(lambda: (c := api.get(f"/v1/connections/{conn['id']}").json())["state"] == "active"
                            and c, timeout=30, message="active")
        assert (active["download_rate"], active["upload_rate"]) == ("30M", "6M")   # billing has no such plan
        assert router.rows("/queue/simple")[0]["max-limit"] == "6000000/30000000"
        api.close()
    finally:
        router.stop()
