"""The whole system in one process (embedded mode), every service real: the sales desk's
installation ticket becomes an order that operations plans, whose contract billing and network
create, that a technician completes in the field app; network then activates the connection
(on a FAKE RouterOS API server speaking the real wire protocol), billing activates the contract
and the desk's ticket is won. A feasibility order that fails ends its ticket lost with the tag;
a help-desk ticket spawns a technical order. Both running modes."""
from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from antena_common.testing import EmbeddedSystem, distributed, drawn_png, system_env, wait_until
from network.testing.fake_routeros import FakeRouterOS

pytestmark = pytest.mark.e2e

LAT, LON = -31.4167, -64.1833


@pytest.fixture
def router():
    fake = FakeRouterOS(username="antena", password="rb-secret").start()
    yield fake
    fake.stop()


NETWORK_ENV = {"ANTENA_NETWORK_DEFAULT_DRIVERS": "mikrotik", "ANTENA_NETWORK_PROVISIONING_POLL_SECONDS": "0.1",
               "ANTENA_NETWORK_RETRY_BASE_SECONDS": "0.2"}


@pytest.fixture(params=["embedded", "distributed"])
def system(request, tmp_path):
    """Embedded: one process, SQLite, in-memory bus. Distributed: every service its own process,
    RabbitMQ and a PostgreSQL database each."""
    if request.param == "embedded":
        request.getfixturevalue("memory_bus_url")
        s = EmbeddedSystem({**system_env(tmp_path / "data"), **NETWORK_ENV})
        yield s
        s.stop()
        return
    with distributed(tmp_path, request.getfixturevalue("amqp_url"), extra_env=NETWORK_ENV) as s:
        yield s


def at(day, hour):
    return dt.datetime.combine(day, dt.time(hour), dt.timezone.utc).isoformat()


def desk_ticket(api, plan_id, create, name):
    lead = api.post("/v1/leads", json={"name": name, "document": "27444555", "phone": "351 555 0101",
                                       "email": "cliente@example.com", "source": "web"})
    assert lead.status_code == 201, lead.text
    prospect = api.post("/v1/prospects", json={
        "lead_id": lead.json()["id"], "plan_id": plan_id, "recurring_item_ids": [], "discount_ids": [],
        "address": {"street": "Deán Funes", "number": "455", "city": "Córdoba", "state": "Córdoba"},
        "location": {"lat": LAT, "lon": LON}})
    assert prospect.status_code == 201, prospect.text
    ticket = api.post("/v1/tickets", json={"lead_id": lead.json()["id"], "prospect_id": prospect.json()["id"],
                                           "create": create})
    assert ticket.status_code == 201, ticket.text
    tid = ticket.json()["id"]
    orders = wait_until(lambda: api.get("/v1/orders", params={"ticket_id": tid}).json()["items"], timeout=20,
                        message="the desk's order")
    wait_until(lambda: api.get(f"/v1/tickets/{tid}").json()["state"] == "order_in_progress", timeout=20)
    return tid, orders[0]


def test_from_the_sales_desk_to_an_active_contract(system, router, tmp_path):
    day = dt.date.today() + dt.timedelta(days=1)
    with system.client() as api:
        plan = api.post("/v1/plans", json={"name": "Fibra 100", "download_mbps": 100, "upload_mbps": 50,
                                           "price": "9500.00", "currency": "ARS"}).json()
        profile = api.post("/v1/billing-profiles", json={
            "name": "Mensual", "issue_day": 1, "due_days": 10, "late_fee_kind": "amount", "late_fee_value": "500",
            "suspend_after_days": 5, "prorate": True})
        assert profile.status_code == 201, profile.text
        rb = api.post("/v1/routers", json={"name": "RB Centro", "host": "127.0.0.1", "api_port": router.port,
                                           "username": "antena", "password": "rb-secret", "kind": "mikrotik"}).json()
        zone = api.post("/v1/zones", json={"name": "Centro", "router_id": rb["id"], "billing_day": 1}).json()
        olt = api.post("/v1/olts", json={"name": "OLT Centro", "host": "10.255.0.9"}).json()
        box = api.post("/v1/nap-boxes", json={"code": "NAP-C-01", "olt_id": olt["id"], "ports": 8, "lat": LAT,
                                              "lon": LON + 0.0002}).json()
        assert api.post("/v1/ip-pools", json={"name": "Centro", "cidr": "100.70.0.0/24",
                                              "zone_id": zone["id"]}).status_code == 201
        user = api.post("/v1/users", json={"username": "tecnico.luz", "password": "clave-segura-123",
                                           "full_name": "Luz Técnica", "roles": ["technician"]}).json()
        tech = api.post("/v1/technicians", json={"user_id": user["id"], "name": "Luz Técnica",
                                                 "zone_ids": [zone["id"]],
                                                 "working_hours": [{"weekday": d, "start": "07:00", "end": "21:00"}
                                                                   for d in range(7)]}).json()

        ticket_id, order = desk_ticket(api, plan["id"], "installation", "Marta Suscriptora")
        assert order["kind"] == "installation" and order["state"] == "unscheduled"
        assert order["plan_id"] == plan["id"] and order["location"] == {"lat": LAT, "lon": LON}

        assert api.post(f"/v1/orders/{order['id']}/schedule", json={
            "technician_id": tech["id"], "scheduled_start": at(day, 9), "scheduled_end": at(day, 11)}).status_code == 200
        _t2, second = desk_ticket(api, plan["id"], "installation", "Otro Vecino")
        refused = api.post(f"/v1/orders/{second['id']}/schedule", json={
            "technician_id": tech["id"], "scheduled_start": at(day, 10), "scheduled_end": at(day, 12)})
        assert refused.status_code == 409

        asked = api.post(f"/v1/orders/{order['id']}/contract", json={
            "billing_profile_id": profile.json()["id"],
            "customer": {"name": "Marta Suscriptora", "document": "27444555", "email": "marta@example.com",
                         "phone": "351 555 0101"},
            "connection": {"zone_id": zone["id"], "mode": "pppoe", "nap_box_id": box["id"]}})
        assert asked.status_code == 200, asked.text
        contract_id = asked.json()["contract_id"]
        unknown_profile = api.post(f"/v1/orders/{second['id']}/contract", json={
            "billing_profile_id": "no-such-profile", "customer": {"name": "X", "document": "1"},
            "connection": {"zone_id": zone["id"], "mode": "dhcp"}})
        assert unknown_profile.status_code == 422 and "billing_profile_id" in unknown_profile.json()["errors"]

        ready = wait_until(lambda: (o := api.get(f"/v1/orders/{order['id']}").json())["contract"]["state"] == "ready"
                           and o, timeout=30, message="billing and network answered")
        assert ready["contract_id"] == contract_id and ready["customer_id"] and ready["connection_id"]
        connection = api.get(f"/v1/connections/{ready['connection_id']}").json()
        assert connection["state"] == "reserved" and connection["contract_id"] == contract_id
        assert ready["contract"]["pppoe_username"] == connection["pppoe_username"]
        assert api.get(f"/v1/contracts/{contract_id}").json()["state"] == "pending"

    with system.client(system.token("tecnico.luz", "clave-segura-123")) as field:
        assert [o["id"] for o in field.get("/v1/me/orders", params={"date": day.isoformat()}).json()["items"]] == [
            order["id"]]
        assert field.post(f"/v1/orders/{order['id']}/start").status_code == 200
        assert field.post(f"/v1/orders/{order['id']}/report", json={
            "devices": [{"kind": "ont", "serial": "HWTC0011AABB", "mac": "00:11:22:33:44:55"}],
            "optical_power_dbm": "-21.3", "seal_code": "PR-9001"}).status_code == 200
        assert field.post(f"/v1/orders/{order['id']}/photos",
                          files={"file": ("caja.png", drawn_png((320, 240)), "image/png")}).status_code == 201
        assert field.post(f"/v1/orders/{order['id']}/signature",
                          files={"file": ("firma.png", drawn_png((280, 90)), "image/png")}).status_code == 200
        done = field.post(f"/v1/orders/{order['id']}/complete", json={"result": "success"})
        assert done.status_code == 200 and done.json()["state"] == "completed"
        sheet = field.get(f"/v1/orders/{order['id']}/installation-sheet.pdf")
        assert sheet.status_code == 200

    pdf = tmp_path / "hoja.pdf"
    pdf.write_bytes(sheet.content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("Marta Suscriptora", "Deán Funes 455", "Fibra 100 (100/50 Mbps)", connection["pppoe_username"],
                     "HWTC0011AABB", "-21.30 dBm", "PR-9001", "Luz Técnica", "Firmado el"):
        assert expected in text, expected
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert any(line.split()[3:5] == ["280", "90"] for line in images.splitlines()[2:]), images

    with system.client() as api:
        # network provisions the connection, billing activates the contract, the desk wins the ticket
        active = wait_until(lambda: (c := api.get(f"/v1/connections/{ready['connection_id']}").json())["state"]
                            == "active" and c, timeout=20, message="connection active")
        assert active["onu_serial"] == "HWTC0011AABB"
        assert any(r["name"] == connection["pppoe_username"] for r in router.rows("/ppp/secret"))
        wait_until(lambda: api.get(f"/v1/contracts/{contract_id}").json()["state"] == "active", timeout=20,
                   message="contract active")
        wait_until(lambda: api.get(f"/v1/tickets/{ticket_id}").json()["state"] == "won", timeout=20,
                   message="ticket won")


def test_failed_feasibility_loses_the_ticket_with_its_tag(system):
    day = dt.date.today() + dt.timedelta(days=1)
    with system.client() as api:
        plan = api.post("/v1/plans", json={"name": "Aire 20", "download_mbps": 20, "upload_mbps": 5,
                                           "price": "6000.00", "currency": "ARS"}).json()
        user = api.post("/v1/users", json={"username": "tecnico.sol", "password": "clave-segura-123",
                                           "roles": ["technician"]}).json()
        tech = api.post("/v1/technicians", json={"user_id": user["id"], "name": "Sol Técnico", "zone_ids": [],
                                                 "working_hours": [{"weekday": d, "start": "07:00", "end": "21:00"}
                                                                   for d in range(7)]}).json()
        ticket_id, order = desk_ticket(api, plan["id"], "feasibility", "Rosa Lejana")
        assert order["kind"] == "feasibility"
        assert api.post(f"/v1/orders/{order['id']}/schedule", json={
            "technician_id": tech["id"], "scheduled_start": at(day, 15), "scheduled_end": at(day, 16)}).status_code == 200
    with system.client(system.token("tecnico.sol", "clave-segura-123")) as field:
        assert field.post(f"/v1/orders/{order['id']}/start").status_code == 200
        failed = field.post(f"/v1/orders/{order['id']}/complete", json={
            "result": "failed", "reason": "No hay señal de ninguna torre", "loss_tag": "sin cobertura"})
        assert failed.status_code == 200 and failed.json()["loss_tag"] == "sin cobertura"
    with system.client() as api:
        lost = wait_until(lambda: (t := api.get(f"/v1/tickets/{ticket_id}").json())["state"] == "lost" and t,
                          timeout=10, message="ticket lost")
        assert "sin cobertura" in lost["tags"]

        # help desk: a support ticket of a customer spawns a technical visit
        ticket = api.post("/v1/support-tickets", json={"customer_id": "cust-1", "customer_name": "Rosa Lejana",
                                                       "subject": "Corte intermitente", "priority": "urgent"})
        assert ticket.status_code == 201, ticket.text
        visit = api.post(f"/v1/support-tickets/{ticket.json()['id']}/orders", json={"kind": "technical"})
        assert visit.status_code == 201 and visit.json()["kind"] == "technical"
        shown = api.get(f"/v1/support-tickets/{ticket.json()['id']}").json()
        assert shown["order_ids"] == [visit.json()["id"]] and shown["status"] == "in_progress"
