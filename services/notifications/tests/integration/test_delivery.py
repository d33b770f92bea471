"""Notifications against real peers: PostgreSQL, an SMTP server (aiosmtpd, the smtp_sink fixture) and
an HTTP provider recorder; events arrive on the bus as other services send them."""
from __future__ import annotations

import email
import email.header
import json

import pytest
from sqlalchemy import select

from antena.notifications.v1 import notifications_pb2 as pb, notifications_pb2_grpc as pb_grpc
from antena_common import rpc
from antena_common.bus import Publisher
from antena_common.events import new_envelope
from antena_common.settings import PlatformSettings
from antena_common.testing import free_port, wait_until
from notifications.adapters import orm
from notifications.main import build_runtime
from notifications.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture
def service(pg_url, memory_bus_url, smtp_sink, http_recorder):
    settings = Settings(
        database_url=pg_url, grpc_bind=f"127.0.0.1:{free_port()}", isp_name="FibraSur", isp_email="ventas@fibrasur.test",
        portal_url="http://portal.test", smtp_host="127.0.0.1", smtp_port=smtp_sink.port,
        mail_from="avisos@fibrasur.test", sms_webhook_url=http_recorder.url + "/sms",
        sms_webhook_headers='{"Authorization": "Bearer sms-key", "X-Ref": "{{ notification_id }}"}',
        sms_webhook_body='{"phone": {{ to|tojson }}, "message": {{ text|tojson }}}',
        whatsapp_webhook_url=http_recorder.url + "/wa", dispatch_interval_seconds=0.1, retry_base_seconds=0.2,
        max_attempts=3, invitation_wait_seconds=30)
    runtime = build_runtime(settings, PlatformSettings(broker_url=memory_bus_url,
                                                       billing_grpc=f"127.0.0.1:{free_port()}"))
    runtime.start()
    runtime.wait_ready()
    channel = rpc.channel(settings.grpc_bind)
    runtime.stub = pb_grpc.NotificationsServiceStub(channel)
    runtime.publisher = Publisher(memory_bus_url)
    yield runtime
    runtime.publisher.close()
    channel.close()
    runtime.stop()


def publish(service, source, name, payload):
    env = new_envelope(source, name, payload)
    service.publisher.publish(env)
    return env


def subject(mail) -> str:
    return str(email.header.make_header(email.header.decode_header(mail["Subject"])))


def log_for(service, event_id):
    return service.stub.ListNotifications(pb.ListNotificationsRequest(event_id=event_id)).items


TICKET = {"ticket_id": "T-1", "lead_id": "L-1", "lead_name": "Ana Gómez", "lead_email": "ana@example.com",
          "lead_phone": "+54 9 351 555-0101", "create": "installation"}


def test_ticket_created_reaches_email_and_sms_once(service, smtp_sink, http_recorder):
    env = publish(service, "sales", "ticket_created", TICKET)
    wait_until(lambda: len(smtp_sink.messages()) == 1 and http_recorder.json_bodies("/sms"), timeout=15)
    mail = smtp_sink.messages()[0]
    assert mail["To"].endswith("<ana@example.com>")
    assert subject(mail) == "Recibimos tu solicitud — FibraSur"
    assert "T-1" in mail.get_payload(decode=True).decode()
    sms = http_recorder.json_bodies("/sms")[0]
    assert sms["phone"] == "+5493515550101" and sms["message"].startswith("FibraSur: recibimos tu solicitud T-1")
    req = [r for r in http_recorder.requests if r["path"] == "/sms"][0]
    assert req["headers"]["Authorization"] == "Bearer sms-key" and req["headers"]["X-Ref"]
    # the same event again (redelivery): nothing new
    service.publisher.publish(env)
    wait_until(lambda: {n.status for n in log_for(service, env.event_id)} == {"sent"}, timeout=10)
    items = log_for(service, env.event_id)
    assert sorted(n.channel for n in items) == ["email", "sms"]
    assert len(smtp_sink.messages()) == 1 and len(http_recorder.json_bodies("/sms")) == 1


def test_provider_errors_are_retried_with_backoff_then_logged(service, http_recorder):
    http_recorder.fail_next = {"/sms": [503, 503]}
    env = publish(service, "orders", "order_scheduled", {
        "order_id": "O-1", "kind": "installation", "scheduled_start": "2026-12-01T12:00:00+00:00",
        "scheduled_end": "2026-12-01T15:00:00+00:00", "customer_name": "Ana", "customer_phone": "+5493515550101"})
    sms = wait_until(lambda: [n for n in log_for(service, env.event_id) if n.channel == "sms" and n.status == "sent"],
                     timeout=15)[0]
    assert sms.attempts == 3
    assert "09:00" in sms.body and "12:00" in sms.body
    assert len([r for r in http_recorder.requests if r["path"] == "/sms"]) == 3
    whatsapp = [n for n in log_for(service, env.event_id) if n.channel == "whatsapp"][0]
    assert whatsapp.recipient == "+5493515550101"


def test_permanent_provider_error_fails_with_reason_and_event(service, http_recorder):
    http_recorder.fail_next = {"/sms": [400], "/wa": [400]}  # both refuse for good
    env = publish(service, "orders", "order_scheduled", {
        "order_id": "O-2", "kind": "installation", "scheduled_start": "2026-12-02T12:00:00+00:00",
        "scheduled_end": "2026-12-02T15:00:00+00:00", "customer_name": "Ana", "customer_phone": "+5493515550101"})
    failed = wait_until(lambda: [n for n in log_for(service, env.event_id) if n.status == "failed"], timeout=15)
    assert "HTTP 400" in failed[0].reason and failed[0].attempts == 1
    failed_log = service.stub.ListNotifications(pb.ListNotificationsRequest(status="failed")).items
    assert failed[0].id in {n.id for n in failed_log}
    outbox = service.database.outbox
    with service.database.engine.connect() as conn:
        keys = [r.routing_key for r in conn.execute(select(outbox.c.routing_key))]
    assert "notifications.notification_failed" in keys


def test_unreachable_smtp_is_retried_then_failed(service, smtp_sink):
    smtp_sink.stop()
    env = publish(service, "sales", "ticket_created", {**TICKET, "ticket_id": "T-9", "lead_phone": ""})
    n = wait_until(lambda: [n for n in log_for(service, env.event_id) if n.status == "failed"], timeout=20)[0]
    assert n.attempts == 3 and "SMTP" in n.reason


def test_preferences_language_and_opt_out(service, smtp_sink):
    service.stub.PutPreferences(pb.Preferences(customer_id="C-en", language="en", email=True))
    service.stub.PutPreferences(pb.Preferences(customer_id="C-out", language="es", email=True, opted_out=True))
    base = {"amount": "15000.00", "currency": "ARS", "method": "transfer", "paid_at": "2026-12-05T14:10:00+00:00"}
    en = publish(service, "billing", "payment_received", {**base, "payment_id": "P1", "customer_id": "C-en",
                                                         "customer_email": "en@example.com", "customer_name": "John"})
    out = publish(service, "billing", "payment_received", {**base, "payment_id": "P2", "customer_id": "C-out",
                                                          "customer_email": "out@example.com", "customer_name": "Ana"})
    wait_until(lambda: len(smtp_sink.messages()) == 1, timeout=15)
    wait_until(lambda: [n.status for n in log_for(service, out.event_id)] == ["skipped"], timeout=10)
    mail = smtp_sink.messages()[0]
    assert mail["Subject"].startswith("We received your payment")
    assert "15,000.00" in mail.get_payload(decode=True).decode()
    assert log_for(service, out.event_id)[0].reason == "customer opted out"
    assert log_for(service, en.event_id)[0].language == "en"


def test_contact_copy_gives_billing_events_a_phone(service, http_recorder):
    publish(service, "billing", "customer_created", {"customer_id": "C-7", "name": "Ana", "email": "ana7@example.com",
                                                      "phone": "+5493510000007"})
    wait_until(lambda: service.database.engine.connect().execute(
        select(orm.contacts.c.customer_id)).first(), timeout=10)
    env = publish(service, "billing", "contract_suspension_due", {"contract_id": "K-7", "customer_id": "C-7",
                                                                   "services": ["internet"]})
    items = wait_until(lambda: [n for n in log_for(service, env.event_id) if n.status == "sent"] and
                       log_for(service, env.event_id), timeout=15)
    assert sorted(n.channel for n in items) == ["email", "sms", "whatsapp"]
    assert {n.recipient for n in items} == {"ana7@example.com", "+5493510000007"}


def test_welcome_waits_for_the_portal_invitation(service, smtp_sink):
    env = publish(service, "billing", "contract_activated", {
        "contract_id": "K-1", "customer_id": "C-1", "activated_at": "2026-12-01T15:30:00+00:00",
        "customer_email": "nuevo@example.com", "customer_name": "Nuevo Cliente"})
    import time
    time.sleep(1.0)
    assert smtp_sink.messages() == []  # waiting for the link
    publish(service, "portal", "customer_invited", {"customer_id": "C-1", "contract_id": "K-1",
                                                     "invitation_url": "http://portal.test/invitacion/tok123",
                                                     "email": "nuevo@example.com"})
    wait_until(lambda: len(smtp_sink.messages()) == 1, timeout=15)
    body = smtp_sink.messages()[0].get_payload(decode=True).decode()
    assert "http://portal.test/invitacion/tok123" in body
    assert subject(smtp_sink.messages()[0]) == "¡Bienvenido a FibraSur! Tu servicio está activo"
    assert "bienvenida" in body.lower()
    wait_until(lambda: log_for(service, env.event_id)[0].status == "sent", timeout=10)


def test_installation_request_mails_requester_and_isp(service, smtp_sink):
    publish(service, "portal", "installation_requested", {
        "request_id": "R-1", "ticket_id": "T-5", "lead_id": "L-5", "name": "Ana Gómez", "email": "ana5@example.com",
        "phone": "", "document": "30111222", "address": {"street": "Belgrano", "number": "10", "city": "Córdoba"},
        "documents": ["id_front", "id_back"]})
    wait_until(lambda: len(smtp_sink.messages()) == 2, timeout=15)
    by_to = {m["To"].split("<")[-1].rstrip(">"): m for m in smtp_sink.messages()}
    assert set(by_to) == {"ana5@example.com", "ventas@fibrasur.test"}
    isp_body = by_to["ventas@fibrasur.test"].get_payload(decode=True).decode()
    assert "30111222" in isp_body and "id_front, id_back" in isp_body


def test_templates_edit_preview_reset(service, smtp_sink):
    ref = pb.TemplateRef(key="sales.ticket_created", channel="email", language="es")
    put = service.stub.PutTemplate(pb.PutTemplateRequest(ref=ref, subject="Hola {{ name }}", body="Ticket {{ ticket_id }}"))
    assert put.customized
    preview = service.stub.PreviewTemplate(pb.PreviewTemplateRequest(ref=ref, data_json=json.dumps({"ticket_id": "X9"})))
    assert preview.subject == "Hola Ana Gómez" and preview.body == "Ticket X9"
    env = publish(service, "sales", "ticket_created", {**TICKET, "ticket_id": "T-77", "lead_phone": ""})
    wait_until(lambda: len(smtp_sink.messages()) == 1, timeout=15)
    assert smtp_sink.messages()[0].get_payload(decode=True).decode().strip() == "Ticket T-77"
    reset = service.stub.ResetTemplate(ref)
    assert not reset.customized and "Gracias por contactarte" in reset.body
    wait_until(lambda: log_for(service, env.event_id)[0].body == "Ticket T-77", timeout=10)


def test_channel_settings_from_the_api_replace_the_environment(service, http_recorder):
    bad = None
    try:
        service.stub.PutChannel(pb.ChannelSettings(channel="sms", enabled=True, url="not-a-url"))
    except Exception as exc:  # grpc.RpcError
        bad = exc
    assert bad is not None and bad.code().name == "INVALID_ARGUMENT"
    service.stub.PutChannel(pb.ChannelSettings(
        channel="sms", enabled=True, url=http_recorder.url + "/v2/messages", method="PUT",
        headers={"X-Api-Key": "k-123"}, body_template='{"dest": {{ to|tojson }}, "msg": {{ text|tojson }}}'))
    channels = {c.channel: c for c in service.stub.ListChannels(pb.ListChannelsRequest()).items}
    assert channels["sms"].url.endswith("/v2/messages") and channels["email"].enabled
    env = publish(service, "sales", "ticket_created", {**TICKET, "ticket_id": "T-42", "lead_email": ""})
    wait_until(lambda: http_recorder.json_bodies("/v2/messages"), timeout=15)
    req = [r for r in http_recorder.requests if r["path"] == "/v2/messages"][0]
    assert req["method"] == "PUT" and req["headers"]["X-Api-Key"] == "k-123"
    assert json.loads(req["body"])["dest"] == "+5493515550101"
    assert not http_recorder.json_bodies("/sms")
    wait_until(lambda: [n.status for n in log_for(service, env.event_id)] == ["sent"], timeout=10)
