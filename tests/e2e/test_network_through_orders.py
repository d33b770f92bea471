"""The whole chain a new ISP walks, through the gateway (embedded mode), with
no event published by the test: wizard ticket with a plan -> installation
order -> contract from the order (billing + network reserve IP, port and
PPPoE credentials) -> scheduled, started, reported, completed by the
technician -> network provisions the FAKE RouterOS API server (real wire
protocol) and FreeRADIUS (real, rlm_sql on PostgreSQL), and radclient-style
authentication gets the plan's rate; billing's dunning then cuts the service
and a payment restores it. The only event the test publishes is a stray
reactivation, to show the billing cross-check repairing it."""
from __future__ import annotations

import datetime as dt

import pytest

from antena.billing.v1 import events_pb2 as billing_events
from antena_common import bus
from antena_common.events import new_envelope
from antena_common.testing import EmbeddedSystem, system_env, wait_until
from network.testing.fake_routeros import FakeRouterOS

pytestmark = pytest.mark.e2e


def next_weekday_10utc() -> dt.datetime:
    day = dt.datetime.now(dt.timezone.utc).replace(hour=10, minute=0, second=0, microsecond=0) + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def test_installation_order_activates_the_subscriber(tmp_path, memory_bus_url, radius):
    router = FakeRouterOS(username="antena", password="rb1-secret").start()
    env = system_env(tmp_path / "data")
    env.update({"ANTENA_NETWORK_RADIUS_DATABASE_URL": radius.url, "ANTENA_NETWORK_DEFAULT_DRIVERS": "mikrotik,radius",
                "ANTENA_NETWORK_PROVISIONING_POLL_SECONDS": "0.1"})
    system = EmbeddedSystem(env)
    try:
        api = system.client()
        ok = lambda r: r.status_code in (200, 201) or pytest.fail(f"{r.request.method} {r.request.url}: {r.text}")  # noqa: E731

        # network set up
        rb = api.post("/v1/routers", json={"name": "RB1", "host": "127.0.0.1", "api_port": router.port,
                                           "username": "antena", "password": "rb1-secret"})
        ok(rb)
        zone = api.post("/v1/zones", json={"name": "RB1 ZONA CENTRO DÍA 10", "router_id": rb.json()["id"],
                                           "billing_day": 10})
        ok(zone)
        zone_id = zone.json()["id"]
        olt = api.post("/v1/olts", json={"name": "OLT 1"}).json()
        box = api.post("/v1/nap-boxes", json={"code": "NAP-C-1", "olt_id": olt["id"], "ports": 8,
                                              "lat": 19.4326, "lon": -99.1332, "zone_id": zone_id})
        ok(box)
        ok(api.post("/v1/ip-pools", json={"cidr": "100.70.0.0/24", "zone_id": zone_id}))

        # catalog
        plan = api.post("/v1/plans", json={"name": "Hogar 100", "download_mbps": 100, "upload_mbps": 20,
                                           "price": "399.00", "currency": "MXN"})
        ok(plan)
        profile = api.post("/v1/billing-profiles", json={
            "name": "Mensual", "issue_day": 1, "due_days": 10, "late_fee_kind": "amount", "late_fee_value": "50.00",
            "suspend_after_days": 5, "prorate": True})
        ok(profile)

        # sales desk: lead, prospect with the plan, ticket + installation order
        lead = api.post("/v1/leads", json={"name": "Carla Cocom", "phone": "998 765 0000",
                                           "email": "carla@example.com"})
        ok(lead)
        prospect = api.post("/v1/prospects", json={
            "lead_id": lead.json()["id"], "plan_id": plan.json()["id"],
            "address": {"street": "Reforma", "number": "1", "city": "CDMX"},
            "location": {"lat": 19.4327, "lon": -99.1333}})
        ok(prospect)
        ticket = api.post("/v1/tickets", json={"lead_id": lead.json()["id"], "prospect_id": prospect.json()["id"],
                                               "create": "installation"})
        ok(ticket)
        assert ticket.json()["coverage"]["status"] == "covered"

        def order_of_ticket():
            items = api.get("/v1/orders", params={"ticket_id": ticket.json()["id"]}).json()["items"]
            return items[0] if items else None
        order = wait_until(order_of_ticket, timeout=20, message="installation order created from the ticket")
        assert order["kind"] == "installation"

        # contract from the order: network reserves the connection
        contract = api.post(f"/v1/orders/{order['id']}/contract", json={
            "billing_profile_id": profile.json()["id"],
            "customer": {"name": "Carla Cocom", "document": "COCC800101", "email": "carla@example.com",
                         "phone": "998 765 0000"},
            "connection": {"zone_id": zone_id, "mode": "pppoe", "nap_box_id": box.json()["id"]}})
        ok(contract)

        def reserved():
            items = api.get("/v1/connections").json()["items"]
            return items[0] if items else None
        conn = wait_until(reserved, timeout=20, message="connection reserved")
        assert (conn["ip"], conn["nap_port"], conn["pppoe_username"], conn["pppoe_password"]) == \
            ("100.70.0.2", 1, "9987650000", "9987650000M")
        assert conn["state"] == "reserved"

        # field work
        user = api.post("/v1/users", json={"username": "tecnico1", "password": "campo-1234", "full_name": "Técnico Uno",
                                           "roles": ["technician"]})
        ok(user)
        tech = api.post("/v1/technicians", json={"user_id": user.json()["id"], "name": "Técnico Uno",
                                                 "zone_ids": [zone_id]})
        ok(tech)
        start = next_weekday_10utc()
        ok(api.post(f"/v1/orders/{order['id']}/schedule", json={
            "technician_id": tech.json()["id"], "scheduled_start": start.isoformat(),
            "scheduled_end": (start + dt.timedelta(hours=2)).isoformat()}))
        with system.client(system.token("tecnico1", "campo-1234")) as field:
            ok(field.post(f"/v1/orders/{order['id']}/start"))
            ok(field.post(f"/v1/orders/{order['id']}/report", json={
                "devices": [{"kind": "ont", "serial": "ZTEGC0FFEE01", "mac": "AA:BB:CC:DD:EE:01"}],
                "optical_power_dbm": -18.7, "seal_code": "P-0001"}))
            ok(field.post(f"/v1/orders/{order['id']}/complete", json={"result": "success"}))

        active = wait_until(lambda: (c := api.get(f"/v1/connections/{conn['id']}").json())["state"] == "active"
                            and c, timeout=30, message="connection active after the installation order")
        assert active["onu_serial"] == "ZTEGC0FFEE01"
        accepted, reply = radius.authenticate("9987650000", "9987650000M")
        assert accepted and reply["Mikrotik-Rate-Limit"] == ["20M/100M"]
        assert router.rows("/ppp/secret")[0]["remote-address"] == "100.70.0.2"
        assert router.rows("/queue/simple")[0]["max-limit"] == "20000000/100000000"

        # billing's own dunning cuts the service, a payment restores it
        contract_id = conn["contract_id"]
        wait_until(lambda: api.get(f"/v1/contracts/{contract_id}").json()["state"] == "active", timeout=20,
                   message="billing activated the contract")
        customer_id = api.get(f"/v1/contracts/{contract_id}").json()["customer_id"]
        wait_until(lambda: api.get("/v1/invoices", params={"customer_id": customer_id}).json()["items"], timeout=20,
                   message="first invoice")
        later = (dt.date.today() + dt.timedelta(days=120)).isoformat()
        ok(api.post("/v1/dunning-runs", json={"as_of": later}))
        wait_until(lambda: api.get(f"/v1/connections/{conn['id']}").json()["state"] == "suspended", timeout=30,
                   message="suspended after dunning")
        assert [e["address"] for e in router.rows("/ip/firewall/address-list")] == ["100.70.0.2"]
        assert radius.authenticate("9987650000", "9987650000M")[0] is False

        # a stray event restores the subscriber although billing still says suspended: the billing
        # cross-check finds "cut in billing but browsing" and cuts again
        pub = bus.Publisher("memory://")
        try:
            pub.publish(new_envelope("billing", "contract_reactivation_due", billing_events.ContractReactivationDue(
                contract_id=contract_id, connection_id=conn["id"], services=["internet"])))
        finally:
            pub.close()
        wait_until(lambda: api.get(f"/v1/connections/{conn['id']}").json()["state"] == "active", timeout=30,
                   message="restored by the stray event")
        assert radius.authenticate("9987650000", "9987650000M")[0] is True
        check = api.post("/v1/reconcile/billing")
        ok(check)
        assert [(i["kind"], i["repaired"]) for i in check.json()["items"]] == [("billing_suspended_but_active", True)]
        wait_until(lambda: api.get(f"/v1/connections/{conn['id']}").json()["state"] == "suspended", timeout=30,
                   message="cut again by the billing cross-check")
        assert radius.authenticate("9987650000", "9987650000M")[0] is False
        assert api.get("/v1/reconcile/billing").json()["items"][0]["connection_id"] == conn["id"]
        assert any("billing_suspended_but_active" in d
                   for d in api.get(f"/v1/connections/{conn['id']}").json()["drift"])

        invoices = api.get("/v1/invoices", params={"customer_id": customer_id}).json()["items"]
        owed = sum(float(i["balance"]) for i in invoices)
        ok(api.post("/v1/payments", json={"customer_id": customer_id, "amount": f"{owed:.2f}",
                                          "currency": invoices[0]["currency"], "method": "cash",
                                          "external_ref": "caja-1-0001"}))
        wait_until(lambda: api.get(f"/v1/connections/{conn['id']}").json()["state"] == "active", timeout=30,
                   message="restored after the payment")
        assert router.rows("/ip/firewall/address-list") == []
        assert radius.authenticate("9987650000", "9987650000M")[0] is True
        api.close()
    finally:
        system.stop()
        router.stop()
