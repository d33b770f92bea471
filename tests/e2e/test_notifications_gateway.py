"""Notifications through the gateway, the system embedded, e-mail to a real
SMTP server (aiosmtpd): a ticket on the sales desk e-mails the lead in Spanish;
staff edit and preview templates, read the delivery log, set preferences."""
import email
import email.header

import pytest

from antena_common.testing import EmbeddedSystem, system_env, wait_until

pytestmark = pytest.mark.e2e


@pytest.fixture
def system(tmp_path, memory_bus_url, smtp_sink):
    env = system_env(tmp_path / "data")
    env.update({"ANTENA_NOTIFICATIONS_SMTP_PORT": str(smtp_sink.port), "ANTENA_NOTIFICATIONS_ISP_NAME": "FibraSur",
                "ANTENA_NOTIFICATIONS_DISPATCH_INTERVAL_SECONDS": "0.1"})
    system = EmbeddedSystem(env, only=["sales", "orders", "billing", "network", "notifications", "gateway"])
    yield system
    system.stop()


def _subject(mail) -> str:
    return str(email.header.make_header(email.header.decode_header(mail["Subject"])))


def test_ticket_email_templates_and_log(system, smtp_sink):
    with system.client() as api:
        templates = api.get("/v1/notification-templates", params={"channel": "email", "language": "es"})
        assert templates.status_code == 200
        keys = {t["key"] for t in templates.json()["items"]}
        assert {"sales.ticket_created", "orders.order_scheduled", "billing.contract_activated",
                "billing.invoice_issued", "billing.invoice_overdue", "billing.contract_suspension_due",
                "billing.contract_reactivation_due", "billing.payment_received", "portal.installation_requested",
                "portal.installation_requested.isp"} <= keys

        # edit the Spanish e-mail of ticket_created; preview it first
        path = "/v1/notification-templates/sales.ticket_created/email/es"
        bad = api.put(path, json={"subject": "Hola", "body": "{% if %}"})
        assert bad.status_code == 422 and "body" in bad.json()["errors"]
        preview = api.post(path + "/preview", json={"subject": "Hola {{ name }}", "body": "Ticket {{ ticket_id }}",
                                                    "data": {"ticket_id": "X-1"}})
        assert preview.status_code == 200 and preview.json() == {"subject": "Hola Ana Gómez", "body": "Ticket X-1"}
        put = api.put(path, json={"subject": "Hola {{ name }}, gracias", "body": "Tu solicitud {{ ticket_id }} está registrada."})
        assert put.status_code == 200 and put.json()["customized"] is True
        assert api.get("/v1/notification-templates/nope.nope/email/es").status_code == 404
        assert api.get("/v1/notification-templates/sales.ticket_created/fax/es").status_code == 422

        lead = api.post("/v1/leads", json={"name": "Ana Gómez", "email": "ana@example.com", "source": "web"}).json()
        prospect = api.post("/v1/prospects", json={"lead_id": lead["id"], "address": {
            "street": "San Martín", "number": "123", "city": "Córdoba", "state": "Córdoba"}}).json()
        ticket = api.post("/v1/tickets", json={"lead_id": lead["id"], "prospect_id": prospect["id"]})
        assert ticket.status_code == 201, ticket.text
        ticket_id = ticket.json()["id"]

        wait_until(lambda: len(smtp_sink.messages()) == 1, timeout=20, message="the lead's e-mail")
        mail = smtp_sink.messages()[0]
        assert _subject(mail) == "Hola Ana Gómez, gracias"
        assert mail.get_payload(decode=True).decode().strip() == f"Tu solicitud {ticket_id} está registrada."

        log = wait_until(lambda: [n for n in api.get("/v1/notifications", params={"recipient": "ana@example.com"})
                                  .json()["items"] if n["status"] == "sent"], timeout=10)
        assert log[0]["event_type"] == "sales.ticket_created" and log[0]["channel"] == "email"
        assert api.get(f"/v1/notifications/{log[0]['id']}").json()["subject"] == "Hola Ana Gómez, gracias"
        assert api.get("/v1/notifications", params={"status": "bogus"}).status_code == 422

        reset = api.delete(path)
        assert reset.status_code == 200 and reset.json()["customized"] is False

        prefs = api.put("/v1/notification-preferences/cust-1", json={"language": "en", "sms": False})
        assert prefs.status_code == 200 and prefs.json()["language"] == "en" and prefs.json()["sms"] is False
        assert api.get("/v1/notification-preferences/cust-1").json()["language"] == "en"
        assert api.put("/v1/notification-preferences/cust-1", json={"language": "fr"}).status_code == 422

        # a message by hand: a template tried on a real mailbox
        sent = api.post("/v1/notifications", json={"template": "billing.invoice_overdue", "channel": "email",
                                                   "language": "en", "recipient": "staff@example.com",
                                                   "data": {"number": "FC-9"}})
        assert sent.status_code == 202 and sent.json()["status"] == "pending"
        mail = wait_until(lambda: [m for m in smtp_sink.messages() if "staff@example.com" in m["To"]], timeout=20)[0]
        assert _subject(mail) == "Invoice FC-9 is overdue — FibraSur"
        bad = api.post("/v1/notifications", json={"template": "billing.invoice_overdue", "channel": "sms",
                                                  "recipient": "no-phone"})
        assert bad.status_code == 422 and "recipient" in bad.json()["errors"]
        assert api.post("/v1/notifications", json={"template": "nope", "recipient": "a@b.co"}).status_code == 404

        channel = api.put("/v1/notification-channels/sms", json={"enabled": True, "url": "ftp://x"})
        assert channel.status_code == 422 and "url" in channel.json()["errors"]
