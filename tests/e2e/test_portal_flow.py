"""The customer portal end to end, as a person uses it: real Chromium (Playwright
driving Debian's chromium), the system embedded (sales, orders, billing,
notifications, portal, gateway), e-mail through a real SMTP server (aiosmtpd).

Events of services outside the portal's path (orders asking for a contract,
network activating the connection) are published on the bus as those
services publish them."""
from __future__ import annotations

import email
import email.header
import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from antena.common.v1 import common_pb2
from antena.network.v1 import events_pb2 as net_events
from antena.orders.v1 import events_pb2 as orders_events
from antena_common import events as ev
from antena_common.bus import Publisher
from antena_common.ids import new_id
from antena_common.testing import EmbeddedSystem, system_env, wait_until

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "portal"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cf"
                    "c0f01f0005000201a5f0d6c90000000049454e44ae426082")
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# ---- peers -------------------------------------------------------------------------------

def subject(mail) -> str:
    return str(email.header.make_header(email.header.decode_header(mail["Subject"])))


def text_of(mail) -> str:
    for part in mail.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode()
    return ""


def wait_mail(smtp_sink, to: str, subject_part: str, timeout: float = 30):
    return wait_until(lambda: [m for m in smtp_sink.messages(to) if subject_part in subject(m)], timeout=timeout,
                      message=f"e-mail '{subject_part}' to {to}")[0]


def link_in(mail, path: str) -> str:
    found = re.search(r"(http://\S+" + re.escape(path) + r"\S+)", text_of(mail))
    assert found, f"no {path} link in: {text_of(mail)}"
    return found.group(1)


@pytest.fixture
def system(tmp_path, memory_bus_url, smtp_sink):
    env = system_env(tmp_path / "data")
    portal_url = f"http://127.0.0.1:{env['ANTENA_PORTAL_PORT']}"
    env.update({
        "ANTENA_NOTIFICATIONS_SMTP_PORT": str(smtp_sink.port), "ANTENA_NOTIFICATIONS_ISP_NAME": "FibraSur",
        "ANTENA_NOTIFICATIONS_ISP_EMAIL": "ventas@fibrasur.test", "ANTENA_NOTIFICATIONS_PORTAL_URL": portal_url,
        "ANTENA_NOTIFICATIONS_DISPATCH_INTERVAL_SECONDS": "0.1",
        "ANTENA_PORTAL_ISP_SLUG": "fibrasur", "ANTENA_PORTAL_ISP_NAME": "FibraSur",
        "ANTENA_PORTAL_PUBLIC_URL": portal_url, "ANTENA_PORTAL_REQUESTS_PER_IP_PER_HOUR": "3"})
    system = EmbeddedSystem(env, only=["sales", "orders", "billing", "notifications", "portal", "gateway"])
    system.bus = Publisher(memory_bus_url)
    yield system
    system.bus.close()
    system.stop()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian's chromium is required (.ci/apt-packages/portal.txt)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


def publish(system, source: str, name: str, payload) -> None:
    system.bus.publish(ev.new_envelope(source, name, payload))


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / f"{new_id()}.pdf"
    path.write_bytes(data)
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is required"
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_images(data: bytes, tmp_path) -> int:
    path = tmp_path / f"{new_id()}.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True).stdout
    return len(out.splitlines()[2:])


# ---- the public installation request --------------------------------------------------------

def test_installation_request_in_the_browser(system, smtp_sink, browser, tmp_path):
    files = {"id_front": tmp_path / "dni-frente.png", "id_back": tmp_path / "dni-dorso.jpg",
             "proof_of_address": tmp_path / "factura-luz.pdf"}
    files["id_front"].write_bytes(PNG)
    files["id_back"].write_bytes(JPEG)
    files["proof_of_address"].write_bytes(PDF)
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    page.goto(f"{system.portal_url}/i/fibrasur/solicitar-instalacion")
    assert page.locator("h1").inner_text() == "Solicitar instalación"
    for name, value in {"first_name": "Ana", "last_name": "Gómez", "document": "30111222", "email": "ana@example.com",
                        "phone": "+54 351 555-0101", "street": "Belgrano", "number": "450", "neighbourhood": "Centro",
                        "city": "Córdoba", "state": "Córdoba", "postal_code": "5000", "lat": "-31.4167",
                        "lon": "-64.1833", "coupon": "VERANO", "comments": "Prefiero por la mañana"}.items():
        page.fill(f"#{name}", value)
    # a wrong file first: a text file named .pdf is refused by its content
    fake = tmp_path / "no-es.pdf"
    fake.write_text("hola")
    page.set_input_files("#id_front", str(fake))
    page.set_input_files("#id_back", str(files["id_back"]))
    page.set_input_files("#proof_of_address", str(files["proof_of_address"]))
    page.click("button[type=submit]")
    assert "debe ser PDF, PNG, JPG" in page.locator(".invalid .error").first.inner_text()
    assert page.input_value("#street") == "Belgrano"  # what was typed is kept
    page.screenshot(path=str(ARTIFACTS / "install-request-error.png"), full_page=True)
    for kind, path in files.items():
        page.set_input_files(f"#{kind}", str(path))
    page.click("button[type=submit]")
    page.wait_for_selector("#ticket-id")
    ticket_id = page.locator("#ticket-id").inner_text()
    page.screenshot(path=str(ARTIFACTS / "install-request-done.png"), full_page=True)

    with system.client() as api:  # staff see it on the sales desk
        ticket = api.get(f"/v1/tickets/{ticket_id}").json()
        assert ticket["state"] == "pending" and ticket["source"] == "portal"
        assert len(ticket["attachments"]) == 3
        lead = api.get(f"/v1/leads/{ticket['lead_id']}").json()
        assert lead["name"] == "Ana Gómez" and lead["email"] == "ana@example.com" and "Cupón: VERANO" in lead["notes"]
    to_requester = wait_mail(smtp_sink, "ana@example.com", "Recibimos tu solicitud de instalación")
    assert "Belgrano 450" in text_of(to_requester)
    to_isp = wait_mail(smtp_sink, "ventas@fibrasur.test", "Nueva solicitud de instalación")
    body = text_of(to_isp)
    assert "30111222" in body and "id_front, id_back, proof_of_address" in body and ticket_id in body
    assert len(smtp_sink.messages("ana@example.com")) == 1  # one confirmation, not one per event


def test_installation_request_spam_and_bad_input(system):
    base = f"{system.portal_url}/i/fibrasur/solicitar-instalacion"
    with httpx.Client() as web:
        assert web.get(f"{system.portal_url}/i/otro-isp/solicitar-instalacion").status_code == 404
        page = web.get(base)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        fields = {"first_name": "Bot", "last_name": "Spam", "document": "1", "phone": "+54 351 000000",
                  "street": "X", "number": "1", "city": "Y", "csrf_token": csrf}
        docs = {"id_front": ("a.png", PNG, "image/png"), "id_back": ("b.png", PNG, "image/png"),
                "proof_of_address": ("c.pdf", PDF, "application/pdf")}
        # no CSRF token: refused
        assert web.post(base, data={**fields, "csrf_token": "x", "request_id": "r0"}, files=docs).status_code == 403
        # the honeypot: looks accepted, nothing reaches sales
        trap = web.post(base, data={**fields, "website": "http://spam", "request_id": "r1"}, files=docs)
        assert trap.status_code == 200 and "ticket-id" not in trap.text
        # missing required documents and bad coordinates: 422 naming them
        bad = web.post(base, data={**fields, "lat": "norte", "request_id": "r2"},
                       files={"id_front": ("a.png", PNG, "image/png")})
        assert bad.status_code == 422
        assert 'id="id_back"' in bad.text and "es obligatorio" in bad.text and "coordenadas no válidas" in bad.text
        too_big = web.post(base, data={**fields, "request_id": "r3"},
                           files={**docs, "id_front": ("a.png", PNG + b"\0" * (5 * 1024 * 1024), "image/png")})
        assert too_big.status_code == 422 and "supera 5 MB" in too_big.text
        # the same form sent twice: one ticket
        first = web.post(base, data={**fields, "request_id": "same"}, files=docs)
        again = web.post(base, data={**fields, "request_id": "same"}, files=docs)
        tid = re.search(r'id="ticket-id">([^<]+)<', first.text).group(1)
        assert re.search(r'id="ticket-id">([^<]+)<', again.text).group(1) == tid
        # rate limit per IP (3 an hour here): the fourth new request is refused
        web.post(base, data={**fields, "request_id": "r4"}, files=docs)
        web.post(base, data={**fields, "request_id": "r5"}, files=docs)
        limited = web.post(base, data={**fields, "request_id": "r6"}, files=docs)
        assert limited.status_code == 429
    with system.client() as api:
        tickets = api.get("/v1/tickets", params={"limit": 50}).json()["items"]
        assert len([t for t in tickets if t.get("source") == "portal"]) == 3


# ---- accounts, signing, invoices --------------------------------------------------------------

def _billing_setup(api) -> tuple[str, str]:
    r = api.put("/v1/company", json={"legal_name": "FibraSur S.A.", "trade_name": "FibraSur",
                                     "tax_id": "30-71234567-8", "currency": "ARS",
                                     "fiscal_address": {"street": "San Martín", "number": "123", "city": "Córdoba"}})
    assert r.status_code == 200, r.text
    plan = api.post("/v1/plans", json={"name": "Fibra 300", "download_mbps": 300, "upload_mbps": 100,
                                       "price": "12000.00", "currency": "ARS"}).json()
    profile = api.post("/v1/billing-profiles", json={
        "name": "Mensual", "issue_day": 1, "due_days": 10, "late_fee_kind": "amount", "late_fee_value": "500",
        "suspend_after_days": 5, "prorate": False}).json()
    return plan["id"], profile["id"]


def _contract(system, api, plan_id, profile_id, name, mail_to) -> tuple[str, str]:
    contract_id = new_id()
    publish(system, "orders", "contract_requested", orders_events.ContractRequested(
        request_id=new_id(), order_id=new_id(), ticket_id=new_id(), contract_id=contract_id,
        billing_profile_id=profile_id, plan_id=plan_id, currency="ARS",
        customer=orders_events.ContractCustomer(name=name, document=new_id()[-8:], email=mail_to,
                                                address=common_pb2.Address(street="Belgrano", number="45",
                                                                           city="Córdoba"))))
    wait_until(lambda: api.get(f"/v1/contracts/{contract_id}").status_code == 200, timeout=20,
               message="contract created")
    return contract_id, api.get(f"/v1/contracts/{contract_id}").json()["customer_id"]


def _activate(system, api, contract_id) -> dict:
    publish(system, "network", "connection_activated", net_events.ConnectionActivated(
        connection_id=new_id(), contract_id=contract_id, order_id=new_id(), activated_at="2026-11-21T15:00:00+00:00"))
    wait_until(lambda: api.get(f"/v1/contracts/{contract_id}").json()["state"] == "active", timeout=20)
    customer_id = api.get(f"/v1/contracts/{contract_id}").json()["customer_id"]
    return wait_until(lambda: api.get("/v1/invoices", params={"customer_id": customer_id}).json()["items"],
                      timeout=20)[0]


def _draw_signature(page) -> None:
    box = page.locator("#signature-pad").bounding_box()
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x + w * 0.1, y + h * 0.6)
    page.mouse.down()
    for i in range(1, 30):
        page.mouse.move(x + w * (0.1 + i * 0.025), y + h * (0.6 - 0.3 * ((i % 6) / 5)), steps=2)
    page.mouse.up()


def _login(system, email_addr: str, password: str) -> httpx.Client:
    web = httpx.Client(base_url=system.portal_url)
    form = web.get("/ingresar")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    r = web.post("/ingresar", data={"email": email_addr, "password": password, "csrf_token": csrf})
    assert r.status_code == 303 and r.headers["location"] == "/mi-cuenta", r.text
    return web


def test_sign_contract_accept_invitation_and_download_invoice(system, smtp_sink, browser, tmp_path):
    with system.client() as api:
        plan_id, profile_id = _billing_setup(api)
        contract_a, customer_a = _contract(system, api, plan_id, profile_id, "Ana Gómez", "ana@example.com")
        contract_b, customer_b = _contract(system, api, plan_id, profile_id, "Bruno Díaz", "bruno@example.com")

        # 1. the contract signing link arrives by e-mail; Ana signs with the mouse
        sign_mail = wait_mail(smtp_sink, "ana@example.com", "Firma tu contrato")
        sign_url = link_in(sign_mail, "/firmar/contrato/")
        unsigned_pdf = httpx.get(sign_url + "/contrato.pdf")
        assert unsigned_pdf.status_code == 200 and pdf_images(unsigned_pdf.content, tmp_path) == 0
        page = browser.new_page(viewport={"width": 1000, "height": 1100}, accept_downloads=True)
        page.goto(sign_url)
        assert page.locator("h1").inner_text() == "Firma de tu contrato"
        page.fill("#signer_name", "Ana Gómez")
        page.click("button[type=submit]")  # no drawing yet
        assert page.locator(".alert").is_visible()
        assert "dibuja tu firma" in page.locator("fieldset .error").inner_text()
        assert page.input_value("#signer_name") == "Ana Gómez"
        _draw_signature(page)
        dni = tmp_path / "dni.png"
        dni.write_bytes(PNG)
        page.set_input_files("input[name=document_1]", str(dni))
        page.screenshot(path=str(ARTIFACTS / "sign-contract.png"), full_page=True)
        page.click("button[type=submit]")
        page.wait_for_selector("#signed, .alert")
        assert page.locator("#signed").count() == 1, page.content()
        page.screenshot(path=str(ARTIFACTS / "sign-contract-done.png"), full_page=True)
        signed = api.get(f"/v1/contracts/{contract_a}").json()
        assert signed["signed"] is True and signed["signed_at"]
        assert page.goto(sign_url).status == 410  # the link is spent
        assert page.goto(sign_url.rsplit("/", 1)[0] + "/not-a-token").status == 404
        contract_pdf = httpx.get(sign_url + "/contrato.pdf")
        assert contract_pdf.status_code == 200 and "Ana Gómez" in pdf_text(contract_pdf.content, tmp_path)
        assert pdf_images(contract_pdf.content, tmp_path) >= 1  # the drawn signature (and its alpha mask)

        # 2. activation: the invoice e-mail carries the PDF; the welcome carries the portal invitation
        invoice_a = _activate(system, api, contract_a)
        invoice_b = _activate(system, api, contract_b)
        invoice_mail = wait_mail(smtp_sink, "ana@example.com", f"Tu factura {invoice_a['number']}")
        attached = [p for p in invoice_mail.walk() if p.get_content_type() == "application/pdf"]
        assert len(attached) == 1 and attached[0].get_payload(decode=True).startswith(b"%PDF")
        assert invoice_a["number"] in pdf_text(attached[0].get_payload(decode=True), tmp_path)
        welcome = wait_mail(smtp_sink, "ana@example.com", "Bienvenido a FibraSur")
        invitation_url = link_in(welcome, "/invitacion/")

    # 3. Ana sets her password from the invitation and lands in her account
    page.goto(invitation_url)
    page.fill("#password", "corta")
    page.fill("#confirm", "corta")
    page.click("button[type=submit]")
    assert "al menos 10 caracteres" in page.locator(".error").first.inner_text()
    page.fill("#password", "una-clave-segura-123")
    page.fill("#confirm", "una-clave-segura-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{system.portal_url}/mi-cuenta")
    assert "Hola, Ana Gómez" in page.locator("h1").inner_text()
    assert page.locator("#balance").inner_text().replace("\xa0", " ") == "12.000,00 ARS"  # Spanish number format
    assert "Fibra 300" in page.content()
    page.screenshot(path=str(ARTIFACTS / "my-account.png"), full_page=True)

    # 4. invoices: download the PDF
    page.click("text=Facturas")
    page.wait_for_url(f"{system.portal_url}/mi-cuenta/facturas")
    assert invoice_a["number"] in page.content() and invoice_b["number"] not in page.content()
    page.screenshot(path=str(ARTIFACTS / "invoices.png"), full_page=True)
    with page.expect_download() as info:
        page.click(f"a[href='/mi-cuenta/facturas/{invoice_a['id']}.pdf']")
    download = tmp_path / "factura.pdf"
    info.value.save_as(str(download))
    assert download.read_bytes().startswith(b"%PDF")
    assert invoice_a["number"] in pdf_text(download.read_bytes(), tmp_path)

    # 5. logout, then log in again on the login page
    page.click("nav button:has-text('Salir')")
    page.wait_for_url(f"{system.portal_url}/ingresar")
    assert page.goto(f"{system.portal_url}/mi-cuenta/facturas").url.startswith(f"{system.portal_url}/ingresar")
    page.fill("input[name=email]", "ana@example.com")
    page.fill("input[name=password]", "otra-clave-mala")
    page.click("form button[type=submit]")
    assert "Correo o contraseña incorrectos" in page.locator(".alert").inner_text()
    page.fill("input[name=email]", "ana@example.com")
    page.fill("input[name=password]", "una-clave-segura-123")
    page.click("form button[type=submit]")
    page.wait_for_url(f"{system.portal_url}/mi-cuenta/facturas")
    page.close()

    # 6. only the owner: Ana cannot read Bruno's invoice or PDF by changing the id
    ana = _login(system, "ana@example.com", "una-clave-segura-123")
    try:
        mine = ana.get(f"/mi-cuenta/facturas/{invoice_a['id']}.pdf")
        assert mine.status_code == 200 and mine.content.startswith(b"%PDF")
        theirs = ana.get(f"/mi-cuenta/facturas/{invoice_b['id']}.pdf")
        assert theirs.status_code == 404 and not theirs.content.startswith(b"%PDF")
        assert "Bruno" not in ana.get("/mi-cuenta").text
        assert ana.get("/mi-cuenta/facturas/no-such-invoice.pdf").status_code == 404
        payments = ana.get("/mi-cuenta/pagos")
        assert payments.status_code == 200
    finally:
        ana.close()
    anonymous = httpx.get(f"{system.portal_url}/mi-cuenta/facturas/{invoice_a['id']}.pdf")
    assert anonymous.status_code == 303


def test_password_reset_support_and_english(system, smtp_sink, browser, tmp_path):
    with system.client() as api:
        plan_id, profile_id = _billing_setup(api)
        contract_id, customer_id = _contract(system, api, plan_id, profile_id, "Carla Ruiz", "carla@example.com")
        _activate(system, api, contract_id)
        invitation_url = link_in(wait_mail(smtp_sink, "carla@example.com", "Bienvenido"), "/invitacion/")
    with httpx.Client(base_url=system.portal_url) as web:  # a customer cannot request a second installation form
        page = web.get("/i/fibrasur/solicitar-instalacion")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        again = web.post("/i/fibrasur/solicitar-instalacion", data={
            "csrf_token": csrf, "request_id": "carla-1", "first_name": "Carla", "last_name": "Ruiz", "document": "1",
            "phone": "3510000000", "street": "X", "number": "1", "city": "Córdoba", "email": "carla@example.com"},
            files={"id_front": ("a.png", PNG, "image/png"), "id_back": ("b.png", PNG, "image/png"),
                   "proof_of_address": ("c.pdf", PDF, "application/pdf")})
        assert again.status_code == 422 and "ya es cliente" in again.text
    with httpx.Client(base_url=system.portal_url) as web:
        form = web.get(invitation_url)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        r = web.post(invitation_url, data={"password": "primera-clave-1", "confirm": "primera-clave-1",
                                           "csrf_token": csrf})
        assert r.status_code == 303
        # forgot the password: a reset link by e-mail (the same answer for unknown addresses)
        page = web.get("/recuperar")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        assert "Si el correo corresponde" in web.post("/recuperar", data={"email": "nadie@example.com",
                                                                         "csrf_token": csrf}).text
        web.post("/recuperar", data={"email": "carla@example.com", "csrf_token": csrf})
    reset_url = link_in(wait_mail(smtp_sink, "carla@example.com", "Restablece tu contraseña"), "/recuperar/")
    page = browser.new_page()
    page.goto(reset_url)
    page.fill("#password", "segunda-clave-2")
    page.fill("#confirm", "segunda-clave-2")
    page.click("button[type=submit]")
    page.wait_for_url(f"{system.portal_url}/mi-cuenta")
    assert page.goto(reset_url).status == 410
    # support: the ticket lands in the orders help desk
    page.goto(f"{system.portal_url}/mi-cuenta/soporte")
    page.fill("input[name=subject]", "Sin conexión")
    page.fill("textarea[name=description]", "Desde anoche no tengo internet.")
    page.click("main form button[type=submit]")
    page.wait_for_selector("text=Recibimos tu pedido de soporte")
    page.click("text=Sin conexión")
    page.fill("textarea[name=text]", "Ya reinicié el router.")
    page.click("main form button[type=submit]")
    page.wait_for_selector("text=Ya reinicié el router.")
    page.screenshot(path=str(ARTIFACTS / "support.png"), full_page=True)
    assert page.goto(f"{system.portal_url}/mi-cuenta/soporte/{new_id()}").status == 404
    confirmation = wait_mail(smtp_sink, "carla@example.com", "Recibimos tu pedido de soporte: Sin conexión")
    assert "Hola Carla Ruiz:" in text_of(confirmation)
    with system.client() as api:
        tickets = api.get("/v1/support-tickets", params={"customer_id": customer_id})
        assert tickets.status_code == 200, tickets.text
        assert [t["subject"] for t in tickets.json()["items"]] == ["Sin conexión"]
    # her notice preferences, stored in notifications: no SMS, English
    page.goto(f"{system.portal_url}/mi-cuenta/avisos")
    page.uncheck("input[name=sms]")
    page.select_option("select[name=language]", "en")
    page.click("main form button[type=submit]")
    page.wait_for_selector("text=Guardamos tus preferencias")
    with system.client() as api:
        prefs = api.get(f"/v1/notification-preferences/{customer_id}").json()
        assert prefs["language"] == "en" and prefs["sms"] is False and prefs["email"] is True
    # English
    page.goto(f"{system.portal_url}/mi-cuenta?lang=en")
    assert "Hello, Carla Ruiz" in page.locator("h1").inner_text()
    page.goto(f"{system.portal_url}/mi-cuenta/facturas")  # the choice is remembered
    assert page.locator("h1").inner_text() == "Invoices"
    assert re.search(r"<td>[A-Z][a-z]{2} \d{1,2}, \d{4}</td>", page.content())  # English dates
    page.screenshot(path=str(ARTIFACTS / "invoices-en.png"), full_page=True)
    page.close()


def test_installation_sheet_signed_through_the_link(system, smtp_sink, browser):
    import datetime as dt

    from antena.sales.v1 import events_pb2 as sales_events

    ticket_id = new_id()
    publish(system, "sales", "order_requested", sales_events.OrderRequested(
        request_id=new_id(), ticket_id=ticket_id, kind="installation", lead_id=new_id(), prospect_id=new_id(),
        customer_name="Sofía Paz", customer_document="30999888", customer_phone="3511234567",
        customer_email="sofia@example.com", plan_id=new_id(),
        address=common_pb2.Address(street="Av. Colón", number="1234", city="Córdoba", state="Córdoba")))
    day = dt.date.today() + dt.timedelta(days=2)
    with system.client() as api:
        order = wait_until(lambda: api.get("/v1/orders", params={"ticket_id": ticket_id}).json()["items"],
                           timeout=20)[0]
        user = api.post("/v1/users", json={"username": "tecnico.luis", "password": "clave-segura-123",
                                           "full_name": "Luis Técnico", "roles": ["technician"]}).json()
        tech = api.post("/v1/technicians", json={
            "user_id": user["id"], "name": "Luis Técnico", "timezone": "UTC",
            "working_hours": [{"weekday": d, "start": "08:00", "end": "20:00"} for d in range(7)]}).json()
        start = dt.datetime.combine(day, dt.time(13), dt.timezone.utc).isoformat()
        end = dt.datetime.combine(day, dt.time(16), dt.timezone.utc).isoformat()
        scheduled = api.post(f"/v1/orders/{order['id']}/schedule", json={
            "technician_id": tech["id"], "scheduled_start": start, "scheduled_end": end})
        assert scheduled.status_code == 200, scheduled.text
        # the customer is told the date and window, and gets the sheet's signing link
        visit = wait_mail(smtp_sink, "sofia@example.com", "Agendamos tu visita técnica")
        assert "entre las 10:00 y las 13:00" in text_of(visit)  # Córdoba time (UTC-3)
        sheet_url = link_in(wait_mail(smtp_sink, "sofia@example.com", "Tu hoja de instalación"), "/firmar/hoja-instalacion/")

        page = browser.new_page(viewport={"width": 412, "height": 915})
        page.goto(sheet_url)
        _draw_signature(page)
        page.click("#sign-form button[type=submit]")
        page.wait_for_selector(".alert, #signed")
        assert "cuando el técnico está en tu domicilio" in page.locator("fieldset .error").inner_text()
        with system.client(system.token("tecnico.luis", "clave-segura-123")) as field:
            assert field.post(f"/v1/orders/{order['id']}/start").status_code == 200
        page.goto(sheet_url)
        _draw_signature(page)
        page.screenshot(path=str(ARTIFACTS / "sign-sheet.png"), full_page=True)
        page.click("#sign-form button[type=submit]")
        page.wait_for_selector("#signed")
        page.screenshot(path=str(ARTIFACTS / "sign-sheet-done.png"), full_page=True)
        report = api.get(f"/v1/orders/{order['id']}").json()["report"]
        assert report["signed"] is True and report["signed_at"]
        page.close()
