"""The public installation request with every service in its own process, on
RabbitMQ and one PostgreSQL database each: portal -> sales (gRPC) ->
portal.installation_requested (RabbitMQ) -> notifications -> SMTP (aiosmtpd)."""
import re

import httpx
import pytest

from antena_common.testing import distributed, wait_until

pytestmark = pytest.mark.e2e
SERVICES = ["sales", "billing", "notifications", "portal", "gateway"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def system(tmp_path, amqp_url, smtp_sink):
    env = {"ANTENA_NOTIFICATIONS_SMTP_PORT": str(smtp_sink.port), "ANTENA_NOTIFICATIONS_ISP_NAME": "FibraSur",
           "ANTENA_NOTIFICATIONS_ISP_EMAIL": "ventas@fibrasur.test", "ANTENA_PORTAL_ISP_SLUG": "fibrasur",
           "ANTENA_NOTIFICATIONS_DISPATCH_INTERVAL_SECONDS": "0.2"}
    with distributed(tmp_path, amqp_url, only=SERVICES, extra_env=env) as system:
        wait_until(lambda: _up(system.portal_url), timeout=60, message="portal /health")
        # notifications declares its queues when its consumer starts: wait for it before publishing
        wait_until(lambda: _queue_exists(amqp_url, "notifications.portal.installation_requested"), timeout=60,
                   interval=0.5, message="notifications' queue")
        yield system


def _queue_exists(url: str, name: str) -> bool:
    from kombu import Connection

    with Connection(url) as conn:
        try:
            conn.default_channel.queue_declare(name, passive=True)
            return True
        except Exception:
            return False


def _up(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def test_installation_request_across_processes(system, smtp_sink):
    with httpx.Client(base_url=system.portal_url, timeout=30) as web:
        page = web.get("/i/fibrasur/solicitar-instalacion")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        rid = re.search(r'name="request_id" value="([^"]+)"', page.text).group(1)
        done = web.post("/i/fibrasur/solicitar-instalacion", data={
            "csrf_token": csrf, "request_id": rid, "first_name": "Marta", "last_name": "Sosa", "document": "27444555",
            "email": "marta@example.com", "phone": "+54 351 444-5555", "street": "Colón", "number": "800",
            "city": "Córdoba", "lat": "-31.41", "lon": "-64.19"},
            files={"id_front": ("f.png", PNG, "image/png"), "id_back": ("b.png", PNG, "image/png"),
                   "proof_of_address": ("p.pdf", PDF, "application/pdf")})
        assert done.status_code == 200, done.text
        ticket_id = re.search(r'id="ticket-id">([^<]+)<', done.text).group(1)
    with system.client() as api:
        ticket = api.get(f"/v1/tickets/{ticket_id}").json()
        assert ticket["source"] == "portal" and len(ticket["attachments"]) == 3
    wait_until(lambda: len(smtp_sink.messages()) == 2, timeout=60, message="requester and ISP e-mails")
    to = sorted(m["To"] for m in smtp_sink.messages())
    assert to[0].endswith("<marta@example.com>") and to[1].endswith("ventas@fibrasur.test")
    with system.client() as api:
        log = wait_until(lambda: [n for n in api.get("/v1/notifications", params={"status": "sent"}).json()["items"]
                                  if n["event_type"] == "portal.installation_requested"], timeout=30)
        assert len(log) == 2
