"""Operations end to end through the gateway (embedded mode): planning, contract from the order,
the technician's field app, the installation sheet PDF, feasibility loss tags, the help desk.

The sales desk's sales.order_requested and billing's / network's answers to the contract request
are published on the bus by the test, exactly as those services publish them."""
import datetime as dt
import io
import subprocess
import threading

import pytest
from PIL import Image, ImageDraw

from antena.billing.v1 import events_pb2 as billing_events
from antena.common.v1 import common_pb2
from antena.network.v1 import events_pb2 as network_events
from antena.sales.v1 import events_pb2 as sales_events
from antena_common.bus import EventConsumer, Publisher, Subscription
from antena_common.events import new_envelope
from antena_common.ids import new_id
from antena_common.testing import EmbeddedSystem, system_env, wait_until

pytestmark = pytest.mark.e2e

WATCHED = ["orders.order_created", "orders.order_scheduled", "orders.order_started", "orders.order_completed",
           "orders.order_failed", "orders.contract_requested", "orders.support_ticket_opened",
           "orders.support_ticket_updated"]


@pytest.fixture
def system(tmp_path, memory_bus_url):
    system = EmbeddedSystem(system_env(tmp_path / "data"), only=["orders", "gateway"])
    yield system
    system.stop()


class Bus:
    """The other services' side of the bus: publish their events, watch what orders publishes."""

    def __init__(self):
        self.seen: dict[str, list] = {t: [] for t in WATCHED}
        self.lock = threading.Lock()
        self.consumer = EventConsumer("memory://", "e2e-probe", [Subscription(t, self._got) for t in WATCHED])
        self.consumer.start()
        assert self.consumer.ready.wait(10)
        self.publisher = Publisher("memory://")

    def _got(self, envelope, msg):
        with self.lock:
            self.seen[envelope.type].append(msg)

    def publish(self, source, name, msg):
        self.publisher.publish(new_envelope(source, name, msg))

    def wait(self, event_type, predicate, timeout=10):
        def found():
            with self.lock:
                return [m for m in self.seen[event_type] if predicate(m)]
        return wait_until(found, timeout=timeout, message=event_type)[0]

    def close(self):
        self.publisher.close()
        self.consumer.stop()


@pytest.fixture
def bus():
    b = Bus()
    yield b
    b.close()


def request_order(bus, api, kind, name):
    msg = sales_events.OrderRequested(
        request_id=new_id(), ticket_id=new_id(), kind=kind, lead_id=new_id(), prospect_id=new_id(),
        customer_name=name, customer_document="30111222", customer_phone="3511234567",
        customer_email="cliente@example.com",
        address=common_pb2.Address(street="Av. Colón", number="1234", city="Córdoba", state="Córdoba"),
        location=common_pb2.GeoPoint(lat=-31.41, lon=-64.19), plan_id=new_id(), recurring_item_ids=[new_id()],
        discount_ids=[new_id()])
    bus.publish("sales", "order_requested", msg)
    items = wait_until(lambda: api.get("/v1/orders", params={"ticket_id": msg.ticket_id}).json()["items"])
    return items[0], msg


def png(size=(240, 120), scribble=True) -> bytes:
    img = Image.new("RGB", size, "white")
    if scribble:
        ImageDraw.Draw(img).line([(10, 100), (60, 20), (120, 90), (200, 15)], fill="black", width=5)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def at(day: dt.date, hour: int, minute: int = 0) -> str:
    return dt.datetime.combine(day, dt.time(hour, minute), dt.timezone.utc).isoformat()


def make_technician(api, username, name, zone):
    user = api.post("/v1/users", json={"username": username, "password": "clave-segura-123", "full_name": name,
                                       "roles": ["technician"]})
    assert user.status_code == 201, user.text
    hours = [{"weekday": d, "start": "08:00", "end": "20:00"} for d in range(7)]
    tech = api.post("/v1/technicians", json={"user_id": user.json()["id"], "name": name, "zone_ids": [zone],
                                            "working_hours": hours, "timezone": "UTC"})
    assert tech.status_code == 201, tech.text
    return tech.json()


def test_installation_from_planning_to_signed_sheet(system, bus, tmp_path):
    day = dt.date.today() + dt.timedelta(days=2)
    with system.client() as api:
        ana = make_technician(api, "tecnico.ana", "Ana Técnica", "zona-norte")
        beto = make_technician(api, "tecnico.beto", "Beto Técnico", "zona-sur")
        admin_id = api.get("/v1/me").json()["id"]
        not_tech = api.post("/v1/technicians", json={"user_id": admin_id, "name": "Admin"})
        assert not_tech.status_code == 422 and "technician role" in not_tech.json()["errors"]["user_id"]
        assert api.post("/v1/technicians", json={"user_id": new_id(), "name": "Nadie"}).status_code == 422
        dup = api.post("/v1/technicians", json={"user_id": ana["user_id"], "name": "Ana otra vez"})
        assert dup.status_code == 409
        assert api.post("/v1/technicians", json={"name": "", "working_hours": [{"weekday": 9, "start": "8",
                                                                                 "end": "x"}]}).status_code == 422
        assert [t["name"] for t in api.get("/v1/technicians", params={"zone_id": "zona-norte"}).json()["items"]] == [
            "Ana Técnica"]

        order, requested = request_order(bus, api, "installation", "Carla Cliente")
        other, _ = request_order(bus, api, "installation", "Diego Vecino")
        assert order["state"] == "unscheduled"
        unscheduled = {o["id"] for o in api.get("/v1/planning/unscheduled").json()["items"]}
        assert {order["id"], other["id"]} <= unscheduled

        # planning: zone -> suggestions only from technicians covering it
        assert api.patch(f"/v1/orders/{order['id']}", json={"zone_id": "zona-norte"}).json()["zone_id"] == "zona-norte"
        slots = api.get(f"/v1/orders/{order['id']}/slot-suggestions",
                        params={"from": day.isoformat(), "duration_minutes": 120, "limit": 5}).json()["items"]
        assert len(slots) == 5 and {s["technician_id"] for s in slots} == {ana["id"]}
        assert slots[0]["start"] == at(day, 8)

        start, end = at(day, 10), at(day, 12)
        ok = api.post(f"/v1/orders/{order['id']}/schedule",
                      json={"technician_id": ana["id"], "scheduled_start": start, "scheduled_end": end})
        assert ok.status_code == 200, ok.text
        assert ok.json()["state"] == "scheduled" and ok.json()["technician_id"] == ana["id"]
        clash = api.post(f"/v1/orders/{other['id']}/schedule",
                         json={"technician_id": ana["id"], "scheduled_start": at(day, 11),
                               "scheduled_end": at(day, 13)})
        assert clash.status_code == 409 and "already booked" in clash.json()["detail"]
        past = api.post(f"/v1/orders/{other['id']}/schedule",
                        json={"technician_id": ana["id"], "scheduled_start": at(day - dt.timedelta(days=5), 10),
                              "scheduled_end": at(day - dt.timedelta(days=5), 11)})
        assert past.status_code == 422 and "scheduled_start" in past.json()["errors"]
        late = api.post(f"/v1/orders/{other['id']}/schedule",
                        json={"technician_id": ana["id"], "scheduled_start": at(day, 19),
                              "scheduled_end": at(day, 21)})
        assert late.status_code == 409 and "working hours" in late.json()["detail"]
        assert api.post(f"/v1/orders/{other['id']}/schedule",
                        json={"technician_id": beto["id"], "scheduled_start": at(day, 10),
                              "scheduled_end": at(day, 12)}).status_code == 200
        scheduled = bus.wait("orders.order_scheduled", lambda m: m.order_id == order["id"])
        assert scheduled.technician_name == "Ana Técnica" and scheduled.customer_name == "Carla Cliente"
        assert scheduled.scheduled_start == start and not scheduled.rescheduled

        slots = api.get(f"/v1/orders/{order['id']}/slot-suggestions",
                        params={"from": day.isoformat(), "limit": 3}).json()["items"]
        assert [s["start"] for s in slots] == [at(day, 8), start, at(day, 12)]  # its own booking is free to move to

        week = api.get("/v1/planning/calendar", params={"date": day.isoformat(), "view": "week"}).json()
        ana_week = next(t for t in week["technicians"] if t["technician_id"] == ana["id"])
        assert [b["order_id"] for b in ana_week["bookings"]] == [order["id"]]
        assert len(ana_week["working"]) == 7
        today = api.get("/v1/planning/calendar", params={"date": day.isoformat(), "view": "day",
                                                         "technician_id": ana["id"]}).json()
        assert today["technicians"][0]["free"] == [{"start": at(day, 8), "end": start}, {"start": end, "end": at(day, 20)}]

        # contract from the order, before the visit
        bad = api.post(f"/v1/orders/{order['id']}/contract", json={"billing_profile_id": "bp", "customer": {"name": ""},
                                                                   "connection": {"zone_id": "z", "mode": "fax"}})
        assert bad.status_code == 422 and {"customer.name", "customer.document", "connection.mode"} <= set(bad.json()["errors"])
        contract = api.post(f"/v1/orders/{order['id']}/contract", json={
            "billing_profile_id": "bp-mensual",
            "customer": {"name": "Carla Cliente", "document": "30111222", "email": "carla@example.com",
                         "phone": "3511234567", "fiscal_id": "27-30111222-4"},
            "connection": {"zone_id": "zona-norte", "mode": "pppoe", "ip": "", "nap_box_id": "nap-7", "nap_port": 3}})
        assert contract.status_code == 200, contract.text
        body = contract.json()
        assert body["contract_id"] and body["customer_id"] is None and body["connection_id"] is None
        assert body["order"]["contract"]["state"] == "requested"
        asked = bus.wait("orders.contract_requested", lambda m: m.order_id == order["id"])
        assert asked.contract_id == body["contract_id"] and asked.plan_id == requested.plan_id
        assert list(asked.discount_ids) == list(requested.discount_ids) and asked.connection.nap_port == 3
        assert asked.customer.address.street == "Av. Colón" and asked.customer.fiscal_id == "27-30111222-4"
        again = api.post(f"/v1/orders/{order['id']}/contract", json={
            "billing_profile_id": "bp", "customer": {"name": "X", "document": "1"},
            "connection": {"zone_id": "zona-norte", "mode": "dhcp"}})
        assert again.status_code == 409
        customer_id, connection_id = new_id(), new_id()
        bus.publish("billing", "contract_created", billing_events.ContractCreated(
            contract_id=asked.contract_id, customer_id=customer_id, order_id=order["id"], plan_id=asked.plan_id,
            request_id=asked.request_id))
        bus.publish("network", "connection_reserved", network_events.ConnectionReserved(
            connection_id=connection_id, contract_id=asked.contract_id, order_id=order["id"], zone_id="zona-norte",
            mode="pppoe", pppoe_username="3511234567", nap_box_id="nap-7", nap_port=3, wifi_ssid="Casa-Carla",
            wifi_password="clave-wifi-99", request_id=asked.request_id))
        ready = wait_until(lambda: (o := api.get(f"/v1/orders/{order['id']}").json())["contract"]["state"] == "ready" and o)
        assert ready["contract_id"] == asked.contract_id and ready["customer_id"] == customer_id
        assert ready["connection_id"] == connection_id and ready["contract"]["pppoe_username"] == "3511234567"

    # the technician logs in and works from the field app
    with system.client(system.token("tecnico.ana", "clave-segura-123")) as field:
        mine = field.get("/v1/me/orders", params={"date": day.isoformat()}).json()["items"]
        assert [o["id"] for o in mine] == [order["id"]]
        assert field.get("/v1/me/orders", params={"date": (day + dt.timedelta(days=1)).isoformat()}).json()["items"] == []
        assert field.get(f"/v1/orders/{other['id']}").status_code == 403
        assert field.post(f"/v1/orders/{other['id']}/start").status_code == 403
        assert {o["id"] for o in field.get("/v1/orders").json()["items"]} == {order["id"]}
        assert field.post(f"/v1/orders/{order['id']}/schedule", json={
            "technician_id": ana["id"], "scheduled_start": at(day, 14), "scheduled_end": at(day, 15)}).status_code == 403

        never = field.post(f"/v1/orders/{order['id']}/complete", json={"result": "success"})
        assert never.status_code == 409 and "never started" in never.json()["detail"]
        started = field.post(f"/v1/orders/{order['id']}/start")
        assert started.status_code == 200 and started.json()["state"] == "in_progress"
        report = field.post(f"/v1/orders/{order['id']}/report", json={
            "devices": [{"kind": "ont", "serial": "ZTEG12345678", "mac": "aa:bb:cc:00:11:22"},
                        {"kind": "router", "serial": "RT-998877", "mac": ""}],
            "optical_power_dbm": -19.5, "seal_code": "PR-000451", "notes": "Cableado por el patio"})
        assert report.status_code == 200, report.text
        assert report.json()["report"]["optical_power_dbm"] == "-19.50"
        assert report.json()["report"]["devices"][0]["mac"] == "AA:BB:CC:00:11:22"
        bad_power = field.post(f"/v1/orders/{order['id']}/report", json={"optical_power_dbm": "mucho",
                                                                         "devices": [{"kind": "ont", "serial": "a b"}]})
        assert bad_power.status_code == 422 and {"optical_power_dbm", "devices.0.serial"} <= set(bad_power.json()["errors"])

        photo = field.post(f"/v1/orders/{order['id']}/photos", files={"file": ("fachada.png", png(), "image/png")})
        assert photo.status_code == 201, photo.text
        assert photo.json()["content_type"] == "image/png"
        fake = field.post(f"/v1/orders/{order['id']}/photos", files={"file": ("foto.jpg", b"MZ\x90 not an image",
                                                                               "image/jpeg")})
        assert fake.status_code == 422 and "file" in fake.json()["errors"]
        huge = field.post(f"/v1/orders/{order['id']}/photos", files={"file": ("big.png", b"\x89PNG" + b"0" * 4_100_000,
                                                                              "image/png")})
        assert huge.status_code == 413
        got = field.get(f"/v1/orders/{order['id']}/photos/{photo.json()['id']}")
        assert got.status_code == 200 and got.headers["content-type"] == "image/png" and got.content == png()

        signed = field.post(f"/v1/orders/{order['id']}/signature", files={"file": ("firma.png", png((300, 100)),
                                                                                   "image/png")})
        assert signed.status_code == 200 and signed.json()["report"]["signed"] is True
        done = field.post(f"/v1/orders/{order['id']}/complete", json={"result": "success"})
        assert done.status_code == 200 and done.json()["state"] == "completed"
        actions = [e["action"] for e in field.get(f"/v1/orders/{order['id']}").json()["timeline"]]
        assert actions[:3] == ["created", "edited", "scheduled"] and actions[-1] == "completed"
        assert {"contract_requested", "contract_created", "connection_reserved", "started", "reported",
                "photo_added", "signed"} <= set(actions)

        sheet = field.get(f"/v1/orders/{order['id']}/installation-sheet.pdf")
        assert sheet.status_code == 200 and sheet.headers["content-type"] == "application/pdf"
        pdf = tmp_path / "hoja.pdf"
        pdf.write_bytes(sheet.content)

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("Hoja de instalación", "Carla Cliente", "30111222", "Av. Colón 1234", "3511234567", "Casa-Carla",
                     "clave-wifi-99", "ZTEG12345678", "AA:BB:CC:00:11:22", "RT-998877", "-19.50 dBm", "PR-000451",
                     "Ana Técnica", "Firmado el", requested.plan_id):
        assert expected in text, expected
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert any(line.split()[3:5] == ["300", "100"] for line in images.splitlines()[2:]), images  # the signature
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    page = Image.open(tmp_path / "page.png").convert("L")
    assert page.getextrema()[0] < 50  # ink on the page

    completed = bus.wait("orders.order_completed", lambda m: m.order_id == order["id"])
    assert [d.serial for d in completed.report.devices] == ["ZTEG12345678", "RT-998877"]
    assert completed.report.optical_power_dbm == "-19.50" and completed.report.seal_code == "PR-000451"
    assert completed.report.photo_count == 1 and completed.report.signed
    assert completed.contract_id == asked.contract_id and completed.connection_id == connection_id
    assert bus.wait("orders.order_started", lambda m: m.order_id == order["id"]).technician_id == ana["id"]

    with system.client() as api:
        # the devices are installed now: stock knows them, and the same serial cannot be installed again
        installed = api.get("/v1/stock-items", params={"serial": "ZTEG12345678"}).json()["items"]
        assert installed[0]["status"] == "installed" and installed[0]["order_id"] == order["id"]
        assert api.post(f"/v1/orders/{other['id']}/unschedule").json()["state"] == "unscheduled"
        assert api.post(f"/v1/orders/{other['id']}/schedule", json={
            "technician_id": ana["id"], "scheduled_start": at(day, 14), "scheduled_end": at(day, 15)}).status_code == 200
        api.post(f"/v1/orders/{other['id']}/start")
        twice = api.post(f"/v1/orders/{other['id']}/report", json={"devices": [{"kind": "ont", "serial": "ZTEG12345678"}]})
        assert twice.status_code == 409 and "already installed" in twice.json()["detail"]

        # a removal ("baja") brings the installed ONT back to the warehouse
        removal = api.post("/v1/orders", json={"kind": "removal", "contract_id": asked.contract_id,
                                               "customer_name": "Carla Cliente", "zone_id": "zona-norte"})
        assert removal.status_code == 201 and removal.json()["kind"] == "removal"
        assert api.post("/v1/orders", json={"kind": "removal"}).status_code == 422  # whose service?
        rid = removal.json()["id"]
        assert api.post(f"/v1/orders/{rid}/schedule", json={
            "technician_id": ana["id"], "scheduled_start": at(day, 16), "scheduled_end": at(day, 17)}).status_code == 200
        assert api.post(f"/v1/orders/{rid}/start").status_code == 200
        assert api.post(f"/v1/orders/{rid}/report", json={"devices": [{"kind": "ont", "serial": "ZTEG12345678"}],
                                                          "notes": "Equipo retirado"}).status_code == 200
        assert api.post(f"/v1/orders/{rid}/complete", json={"result": "success"}).status_code == 200
        returned = api.get("/v1/stock-items", params={"serial": "ZTEG12345678"}).json()["items"][0]
        assert returned["status"] == "in_warehouse" and returned["order_id"] is None
        cancelled = api.post(f"/v1/orders/{other['id']}/cancel", json={"reason": "el cliente desistió"})
        assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
        assert api.post(f"/v1/orders/{other['id']}/cancel", json={}).status_code == 409


def test_feasibility_failure_and_help_desk(system, bus):
    day = dt.date.today() + dt.timedelta(days=1)
    with system.client() as api:
        tech = make_technician(api, "tecnico.caro", "Caro Técnica", "zona-oeste")
        order, requested = request_order(bus, api, "feasibility", "Elsa Lejana")
        assert api.post(f"/v1/orders/{order['id']}/schedule", json={
            "technician_id": tech["id"], "scheduled_start": at(day, 9), "scheduled_end": at(day, 10)}).status_code == 200
        assert api.post(f"/v1/orders/{order['id']}/contract", json={
            "billing_profile_id": "bp", "customer": {"name": "X", "document": "1"},
            "connection": {"zone_id": "z", "mode": "dhcp"}}).status_code == 409  # not an installation order
    with system.client(system.token("tecnico.caro", "clave-segura-123")) as field:
        assert field.post(f"/v1/orders/{order['id']}/start").status_code == 200
        no_reason = field.post(f"/v1/orders/{order['id']}/complete", json={"result": "failed"})
        assert no_reason.status_code == 422 and "reason" in no_reason.json()["errors"]
        failed = field.post(f"/v1/orders/{order['id']}/complete", json={
            "result": "failed", "reason": "Sin línea de vista a la torre", "loss_tag": "imposibilidad técnica"})
        assert failed.status_code == 200, failed.text
        assert failed.json()["state"] == "failed" and failed.json()["feasible"] is False
        assert failed.json()["result_reason"] == "Sin línea de vista a la torre"
    lost = bus.wait("orders.order_failed", lambda m: m.order_id == order["id"])
    assert lost.loss_tag == "imposibilidad técnica" and lost.ticket_id == requested.ticket_id and lost.kind == "feasibility"

    with system.client() as api:
        # technicians' hours and zones change; stock moves warehouse -> technician -> warehouse
        patched = api.patch(f"/v1/technicians/{tech['id']}", json={
            "zone_ids": ["zona-oeste", "zona-este"], "working_hours": [{"weekday": 0, "start": "09:00", "end": "13:00"}]})
        assert patched.status_code == 200, patched.text
        assert patched.json()["zone_ids"] == ["zona-este", "zona-oeste"] and len(patched.json()["working_hours"]) == 1
        assert [t["id"] for t in api.get("/v1/technicians", params={"zone_id": "zona-este"}).json()["items"]] == [tech["id"]]
        assert api.patch(f"/v1/technicians/{tech['id']}", json={"working_hours": [
            {"weekday": 0, "start": "13:00", "end": "09:00"}]}).status_code == 422
        item = api.post("/v1/stock-items", json={"kind": "router", "serial": "TPL-55001", "mac": "10-20-30-40-50-60",
                                                 "model": "Archer C6"})
        assert item.status_code == 201 and item.json()["status"] == "in_warehouse"
        assert item.json()["mac"] == "10:20:30:40:50:60"
        assert api.post("/v1/stock-items", json={"kind": "router", "serial": "TPL-55001"}).status_code == 409
        handed = api.post(f"/v1/stock-items/{item.json()['id']}/assign", json={"technician_id": tech["id"]})
        assert handed.status_code == 200 and handed.json()["status"] == "with_technician"
        mine = api.get("/v1/stock-items", params={"technician_id": tech["id"]}).json()["items"]
        assert [x["serial"] for x in mine] == ["TPL-55001"]
        back = api.post(f"/v1/stock-items/{item.json()['id']}/return", json={"warehouse": "depósito norte"})
        assert back.json()["status"] == "in_warehouse" and back.json()["technician_id"] is None
        assert api.get("/v1/stock-items", params={"status": "lost"}).status_code == 422

        customer_id = new_id()
        bad = api.post("/v1/support-tickets", json={"subject": "", "priority": "yesterday"})
        assert bad.status_code == 422 and {"customer_id", "subject", "priority"} <= set(bad.json()["errors"])
        ticket = api.post("/v1/support-tickets", json={
            "customer_id": customer_id, "contract_id": new_id(), "customer_name": "Fabián Abonado",
            "customer_email": "fabian@example.com", "subject": "Sin servicio desde ayer",
            "description": "La ONU tiene la luz LOS en rojo", "priority": "high"})
        assert ticket.status_code == 201, ticket.text
        tid = ticket.json()["id"]
        assert ticket.json()["status"] == "open"
        opened = bus.wait("orders.support_ticket_opened", lambda m: m.support_ticket_id == tid)
        assert opened.priority == "high" and opened.customer_email == "fabian@example.com"
        commented = api.post(f"/v1/support-tickets/{tid}/comments", json={"text": "Llamamos al cliente"})
        assert commented.status_code == 201 and commented.json()["comments"][0]["text"] == "Llamamos al cliente"
        spawned = api.post(f"/v1/support-tickets/{tid}/orders", json={
            "kind": "technical", "address": {"street": "Belgrano", "number": "55", "city": "Córdoba"},
            "zone_id": "zona-oeste"})
        assert spawned.status_code == 201, spawned.text
        technical = spawned.json()
        assert technical["kind"] == "technical" and technical["state"] == "unscheduled"
        assert technical["support_ticket_id"] == tid and technical["customer_id"] == customer_id
        assert technical["customer_name"] == "Fabián Abonado"
        assert "Sin servicio" in technical["notes"]
        shown = api.get(f"/v1/support-tickets/{tid}").json()
        assert shown["order_ids"] == [technical["id"]] and shown["status"] == "in_progress"
        listed = api.get("/v1/orders", params={"support_ticket_id": tid, "kind": "technical"}).json()["items"]
        assert [o["id"] for o in listed] == [technical["id"]]
        bus.wait("orders.order_created", lambda m: m.order_id == technical["id"])
        resolved = api.patch(f"/v1/support-tickets/{tid}", json={"status": "resolved"})
        assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
        bus.wait("orders.support_ticket_updated", lambda m: m.support_ticket_id == tid and m.status == "resolved")
        assert api.patch(f"/v1/support-tickets/{tid}", json={"status": "closed"}).status_code == 200
        assert api.patch(f"/v1/support-tickets/{tid}", json={"status": "open"}).status_code == 409
        assert [t["id"] for t in api.get("/v1/support-tickets", params={"customer_id": customer_id}).json()["items"]] == [tid]
