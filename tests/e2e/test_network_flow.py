"""The network service through the gateway, embedded mode, as a new ISP would
use it: topology and pools set up over HTTP, coverage, a contract request
reserving IP/port/credentials, activation pushing the subscriber to the base
router (a FAKE RouterOS API server speaking the real wire protocol) and to
FreeRADIUS (real, rlm_sql on PostgreSQL), suspension and restoration through
both, and a drifted router repaired by reconciliation.

The orders and billing events that drive the flow are published on the bus by
the test, exactly as those services publish them."""
from __future__ import annotations

import pytest

from antena.billing.v1 import events_pb2 as billing_events
from antena.orders.v1 import events_pb2 as orders_events
from antena_common import bus
from antena_common.events import new_envelope
from antena_common.testing import EmbeddedSystem, system_env, wait_until
from network.testing.fake_routeros import FakeRouterOS

pytestmark = pytest.mark.e2e

SECRETS, QUEUES, LISTS = "/ppp/secret", "/queue/simple", "/ip/firewall/address-list"


@pytest.fixture
def router():
    fake = FakeRouterOS(username="antena", password="rb3-secret").start()
    yield fake
    fake.stop()


@pytest.fixture
def system(tmp_path, memory_bus_url, radius):
    env = system_env(tmp_path / "data")
    env.update({
        "ANTENA_NETWORK_RADIUS_DATABASE_URL": radius.url,
        "ANTENA_NETWORK_DEFAULT_DRIVERS": "mikrotik,radius",
        "ANTENA_NETWORK_PROVISIONING_POLL_SECONDS": "0.1",
        "ANTENA_NETWORK_RETRY_BASE_SECONDS": "0.2",
    })
    s = EmbeddedSystem(env)
    yield s
    s.stop()


def publish(source: str, name: str, payload) -> None:
    pub = bus.Publisher("memory://")
    try:
        pub.publish(new_envelope(source, name, payload))
    finally:
        pub.close()


def test_network_flow(system, router, radius):
    api = system.client()

    # ---- topology through the gateway ----
    rb = api.post("/v1/routers", json={"name": "RB3", "host": "127.0.0.1", "api_port": router.port,
                                       "username": "antena", "password": "rb3-secret", "kind": "mikrotik"})
    assert rb.status_code == 201, rb.text
    assert "password" not in rb.json() and rb.json()["has_password"] is True
    assert "password" not in api.get(f"/v1/routers/{rb.json()['id']}").json()
    rb_id = rb.json()["id"]
    zone = api.post("/v1/zones", json={"name": "RB3 ZONA SUR DÍA 28", "router_id": rb_id, "billing_day": 28})
    assert zone.status_code == 201, zone.text
    assert zone.json()["drivers"] == ["mikrotik", "radius"]
    zone_id = zone.json()["id"]
    olt = api.post("/v1/olts", json={"name": "OLT Sur", "host": "10.255.0.2"}).json()
    box = api.post("/v1/nap-boxes", json={"code": "NAP-SUR-01", "olt_id": olt["id"], "ports": 8,
                                          "lat": 21.1350, "lon": -86.8460})
    assert box.status_code == 201, box.text
    api.post("/v1/nap-boxes", json={"code": "NAP-SUR-02", "olt_id": olt["id"], "ports": 16,
                                    "lat": 21.1420, "lon": -86.8460})
    pool = api.post("/v1/ip-pools", json={"name": "Sur", "cidr": "100.64.10.0/24", "zone_id": zone_id,
                                          "excluded": ["100.64.10.2-100.64.10.20"]})
    assert pool.status_code == 201, pool.text
    assert pool.json()["gateway"] == "100.64.10.1"

    # ---- bad input ----
    bad = api.post("/v1/ip-pools", json={"name": "x", "cidr": "100.64.10.0/33", "zone_id": zone_id})
    assert bad.status_code == 422 and "cidr" in bad.json()["errors"]
    overlap = api.post("/v1/ip-pools", json={"name": "y", "cidr": "100.64.10.128/25", "zone_id": zone_id})
    assert overlap.status_code == 409 and "overlaps" in overlap.json()["detail"]
    far = api.post("/v1/nap-boxes", json={"code": "X", "ports": 8, "lat": 95, "lon": -200})
    assert far.status_code == 422 and {"lat", "lon"} <= set(str(k) for k in far.json()["errors"]) | \
        {e.split(".")[-1] for e in far.json()["errors"]}
    assert api.post("/v1/coverage", json={"lat": -91, "lon": 0}).status_code == 422
    assert api.get("/v1/connections/nope").status_code == 404

    # ---- coverage ----
    covered = api.post("/v1/coverage", json={"lat": 21.1352, "lon": -86.8461}).json()
    assert covered["covered"] is True
    assert [c["code"] for c in covered["candidates"]] == ["NAP-SUR-01"]
    assert covered["candidates"][0]["free_ports"] == 8 and covered["candidates"][0]["distance_m"] < 30
    uncovered = api.post("/v1/coverage", json={"lat": 21.2000, "lon": -86.8460}).json()
    assert uncovered == {"covered": False, "radius_m": 300.0, "candidates": []}

    # ---- a plan in billing: its rates go to the queue and RADIUS ----
    plan = api.post("/v1/plans", json={"name": "Fibra 60", "download_mbps": 60, "upload_mbps": 12,
                                       "price": "450.00", "currency": "MXN"})
    assert plan.status_code == 201, plan.text

    # ---- the contract request reserves IP, port and credentials ----
    publish("orders", "contract_requested", orders_events.ContractRequested(
        request_id="req-1", order_id="ord-1", contract_id="contract-1", plan_id=plan.json()["id"],
        customer=orders_events.ContractCustomer(name="Rosa Cocom Pech", phone="998 123 4567"),
        connection=orders_events.ContractConnection(zone_id=zone_id, mode="pppoe", nap_box_id=box.json()["id"])))

    def reserved():
        items = api.get("/v1/connections", params={"state": "reserved"}).json()["items"]
        return items[0] if items else None
    conn = wait_until(reserved, timeout=15, message="connection reserved")
    assert conn["contract_id"] == "contract-1" and conn["zone_id"] == zone_id and conn["mode"] == "pppoe"
    assert conn["ip"] == "100.64.10.21" and conn["nap_box_id"] == box.json()["id"] and conn["nap_port"] == 1
    assert (conn["pppoe_username"], conn["pppoe_password"], conn["wifi_password"]) == \
        ("9981234567", "9981234567M", "cocom2024MB")
    assert conn["drift"] == [] and conn["last_provisioned_at"] is None
    assert api.post("/v1/coverage", json={"lat": 21.1352, "lon": -86.8461}).json()["candidates"][0]["free_ports"] == 7
    assert radius.authenticate("9981234567", "9981234567M")[0] is False

    # ---- completing the installation activates it on the router and in RADIUS ----
    publish("orders", "order_completed", orders_events.OrderCompleted(
        order_id="ord-1", kind="installation", contract_id="contract-1", connection_id=conn["id"],
        report=orders_events.FieldReport(devices=[orders_events.InstalledDevice(kind="ont", serial="HWTC1234ABCD")],
                                         optical_power_dbm="-19.5")))
    active = wait_until(lambda: (c := api.get(f"/v1/connections/{conn['id']}").json())["state"] == "active" and c,
                        timeout=20, message="connection active")
    assert active["onu_serial"] == "HWTC1234ABCD" and active["last_provisioned_at"]
    field = api.get(f"/v1/connections/{conn['id']}/telemetry").json()["items"]
    assert [(s["device"], s["optical_power_dbm"]) for s in field] == [("field report", "-19.50")]
    assert (active["download_rate"], active["upload_rate"]) == ("60M", "12M")
    ok, reply = radius.authenticate("9981234567", "9981234567M")
    assert ok and reply["Mikrotik-Rate-Limit"] == ["12M/60M"] and reply["Framed-IP-Address"] == ["100.64.10.21"]
    secret = router.rows(SECRETS)[0]
    assert (secret["name"], secret["remote-address"], secret["comment"]) == \
        ("9981234567", "100.64.10.21", f"antena:{conn['id']}")
    assert router.rows(QUEUES)[0]["max-limit"] == "12000000/60000000"

    # ---- additional services (seed 004 steps 6-7) ----
    tel = api.post(f"/v1/connections/{conn['id']}/services",
                   json={"kind": "telephony", "plan": "renta telefónica 300 minutos", "sip_server": "sip.isp.example"})
    assert tel.status_code == 201, tel.text
    sip = tel.json()["services"][0]
    assert (sip["sip_username"], sip["sip_password"], sip["phone_number"], sip["temporary"]) == \
        ("9981234567", "9981234567M", "0000000000", True)
    tv = api.post(f"/v1/connections/{conn['id']}/services",
                  json={"kind": "tv", "plan": "Paquete hasta 60 canales", "tv_mode": "catv", "cut_on_nonpayment": False})
    tv_id = tv.json()["services"][1]["id"]
    assert tv.json()["services"][1]["onu_serial"] == ""
    patched = api.patch(f"/v1/connections/{conn['id']}/services/{tv_id}", json={"onu_serial": "ZTEG0000AAAA"})
    assert patched.json()["services"][1]["onu_serial"] == "ZTEG0000AAAA"
    assert api.post(f"/v1/connections/{conn['id']}/services", json={"kind": "tv", "plan": "x",
                                                                   "tv_mode": "dvb"}).status_code == 422

    # ---- suspension and restoration round-trip ----
    publish("billing", "contract_suspension_due", billing_events.ContractSuspensionDue(
        contract_id="contract-1", connection_id=conn["id"], services=["internet", "telephony", "tv"],
        reason="overdue"))
    suspended = wait_until(lambda: (c := api.get(f"/v1/connections/{conn['id']}").json())["state"] == "suspended"
                           and c, timeout=20, message="suspended")
    assert suspended["suspended_services"] == ["internet", "telephony"]        # TV is not cut on non-payment
    assert [s["state"] for s in suspended["services"]] == ["suspended", "active"]
    assert [e["address"] for e in router.rows(LISTS)] == ["100.64.10.21"]
    assert radius.authenticate("9981234567", "9981234567M")[0] is False
    publish("billing", "contract_reactivation_due", billing_events.ContractReactivationDue(
        contract_id="contract-1", connection_id=conn["id"], services=["internet"]))
    restored = wait_until(lambda: (c := api.get(f"/v1/connections/{conn['id']}").json())["state"] == "active"
                          and c, timeout=20, message="restored")
    assert restored["suspended_services"] == ["telephony"]      # billing restored internet only
    assert router.rows(LISTS) == []
    assert radius.authenticate("9981234567", "9981234567M")[0] is True

    # ---- drift: a queue deleted behind the system's back is restored by reconciliation ----
    router.delete_where(QUEUES, comment=f"antena:{conn['id']}")
    rec = api.post(f"/v1/routers/{rb_id}/reconcile")
    assert rec.status_code == 200, rec.text
    assert [(i["kind"], i["repaired"]) for i in rec.json()["items"]] == [("missing_queue", True)]
    assert router.rows(QUEUES)[0]["max-limit"] == "12000000/60000000"
    drifted = api.get("/v1/connections", params={"drift": "true"}).json()["items"]
    assert [c["id"] for c in drifted] == [conn["id"]] and "missing_queue" in drifted[0]["drift"][0]
    report = api.get(f"/v1/routers/{rb_id}/drift").json()
    assert report["items"][0]["connection_id"] == conn["id"] and report["error"] == ""
    assert api.get(f"/v1/routers/{rb_id}").json()["drift_count"] == 1

    # ---- subscriber secrets only for operations/technicians/admin ----
    assert api.post("/v1/users", json={"username": "vendedora", "password": "ventas-1234", "full_name": "Ana",
                                       "roles": ["sales"]}).status_code == 201
    with system.client(system.token("vendedora", "ventas-1234")) as sales:
        seen = sales.get(f"/v1/connections/{conn['id']}").json()
        assert seen["pppoe_username"] == "9981234567" and seen["pppoe_password"] is None
        assert seen["wifi_password"] is None and seen["services"][0]["sip_password"] is None
        assert sales.post("/v1/coverage", json={"lat": 21.1352, "lon": -86.8461}).status_code == 200
        assert sales.post("/v1/ip-pools", json={"cidr": "10.9.9.0/24", "zone_id": zone_id}).status_code == 403
        assert sales.get("/v1/routers").status_code == 403

    # ---- an event about an unknown contract does not stop the consumer ----
    publish("billing", "contract_suspension_due", billing_events.ContractSuspensionDue(contract_id="nobody"))
    publish("orders", "order_completed", orders_events.OrderCompleted(
        order_id="ord-9", kind="removal", contract_id="contract-1", connection_id=conn["id"]))
    wait_until(lambda: api.get(f"/v1/connections/{conn['id']}").json()["state"] == "terminated", timeout=20,
               message="terminated after the removal order")
    assert router.rows(SECRETS) == [] and radius.authenticate("9981234567", "9981234567M")[0] is False
    assert api.post("/v1/coverage", json={"lat": 21.1352, "lon": -86.8461}).json()["candidates"][0]["free_ports"] == 8
    api.close()


def test_router_refusing_login_leaves_connection_pending(tmp_path, memory_bus_url):
    bad = FakeRouterOS(username="antena", password="right").start()
    env = system_env(tmp_path / "data")
    env.update({"ANTENA_NETWORK_PROVISIONING_POLL_SECONDS": "0.1", "ANTENA_NETWORK_RETRY_BASE_SECONDS": "0.2",
                "ANTENA_NETWORK_DEFAULT_DOWNLOAD_RATE": "20M", "ANTENA_NETWORK_DEFAULT_UPLOAD_RATE": "5M"})
    s = EmbeddedSystem(env)
    try:
        api = s.client()
        rb = api.post("/v1/routers", json={"name": "RB9", "host": "127.0.0.1", "api_port": bad.port,
                                           "username": "antena", "password": "wrong"}).json()
        zone = api.post("/v1/zones", json={"name": "RB9 DÍA 5", "router_id": rb["id"], "billing_day": 5}).json()
        api.post("/v1/ip-pools", json={"cidr": "100.65.0.0/24", "zone_id": zone["id"]})
        publish("orders", "contract_requested", orders_events.ContractRequested(
            request_id="r", order_id="o", contract_id="k", customer=orders_events.ContractCustomer(phone="5551234"),
            connection=orders_events.ContractConnection(zone_id=zone["id"], mode="pppoe")))
        conn = wait_until(lambda: api.get("/v1/connections").json()["items"], timeout=15)[0]
        publish("orders", "order_completed", orders_events.OrderCompleted(
            order_id="o", kind="installation", contract_id="k", connection_id=conn["id"]))
        failed = wait_until(lambda: (c := api.get(f"/v1/connections/{conn['id']}").json())["provisioning_attempts"] >= 2
                            and c, timeout=20, message="retried")
        assert failed["state"] == "reserved" and "refused the login" in failed["provisioning_error"]
        assert bad.failed_logins >= 2 and bad.rows(SECRETS) == []
        # the operator fixes the password and asks for a retry now
        assert api.patch(f"/v1/routers/{rb['id']}", json={"password": "right"}).status_code == 200
        assert api.post(f"/v1/connections/{conn['id']}/retry").status_code in (200, 409)
        wait_until(lambda: api.get(f"/v1/connections/{conn['id']}").json()["state"] == "active", timeout=20,
                   message="active after the fix")
        assert bad.rows(SECRETS)[0]["name"] == "5551234"
        assert api.post(f"/v1/connections/{conn['id']}/retry").status_code == 409
        api.close()
    finally:
        s.stop()
        bad.stop()
