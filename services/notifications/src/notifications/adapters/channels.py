"""Channel drivers: e-mail over SMTP, and a generic HTTP webhook provider
for sms and whatsapp (templated body and headers)."""
from __future__ import annotations

import json
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

import httpx
from jinja2.sandbox import SandboxedEnvironment


class DeliveryError(Exception):
    """The provider refused or failed; `permanent` means retrying will not help."""

    def __init__(self, reason: str, *, permanent: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


@dataclass
class Outgoing:
    notification_id: str
    channel: str
    to: str
    name: str
    subject: str
    body: str
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)  # (filename, mime type, data)


@dataclass
class SmtpConfig:
    host: str
    port: int
    username: str = ""
    password: str = ""
    security: str = "none"  # none | starttls | ssl
    timeout: float = 15
    sender: str = "no-reply@antena.local"
    sender_name: str = ""


class SmtpSender:
    def __init__(self, cfg: SmtpConfig):
        self.cfg = cfg

    def build(self, msg: Outgoing) -> EmailMessage:
        m = EmailMessage()
        m["From"] = formataddr((self.cfg.sender_name, self.cfg.sender)) if self.cfg.sender_name else self.cfg.sender
        m["To"] = formataddr((msg.name, msg.to)) if msg.name else msg.to
        m["Subject"] = msg.subject
        domain = self.cfg.sender.rsplit("@", 1)[-1] or "antena.local"
        m["Message-ID"] = make_msgid(idstring=msg.notification_id, domain=domain)
        m["X-Antena-Notification"] = msg.notification_id
        m.set_content(msg.body)
        for filename, mime, data in msg.attachments:
            maintype, _, subtype = mime.partition("/")
            m.add_attachment(data, maintype=maintype, subtype=subtype or "octet-stream", filename=filename)
        return m

    def send(self, msg: Outgoing) -> str:
        email = self.build(msg)
        cfg = self.cfg
        try:
            if cfg.security == "ssl":
                smtp = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=ssl.create_default_context())
            else:
                smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
            with smtp:
                if cfg.security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
                if cfg.username:
                    smtp.login(cfg.username, cfg.password)
                refused = smtp.send_message(email)
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()))
            raise DeliveryError(f"SMTP refused the recipient: {code} {_text(text)}", permanent=code >= 500) from None
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(f"SMTP error {exc.smtp_code} {_text(exc.smtp_error)}",
                                permanent=500 <= exc.smtp_code < 600 and exc.smtp_code != 554) from None
        except (smtplib.SMTPException, OSError, socket.timeout) as exc:
            raise DeliveryError(f"SMTP server unreachable: {exc}") from None
        if refused:
            raise DeliveryError(f"SMTP refused: {refused}", permanent=True)
        return email["Message-ID"]


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


_env = SandboxedEnvironment(autoescape=False)


@dataclass
class WebhookConfig:
    channel: str
    url: str
    method: str = "POST"
    headers: dict = field(default_factory=dict)
    body_template: str = '{"to": {{ to|tojson }}, "text": {{ text|tojson }}}'
    content_type: str = "application/json"
    timeout: float = 10


class WebhookSender:
    """POSTs (or PUTs) a templated body; 2xx = sent, 429/5xx/network = retry, other 4xx = failed."""

    def __init__(self, cfg: WebhookConfig, client: httpx.Client | None = None):
        self.cfg = cfg
        self.client = client

    def request_parts(self, msg: Outgoing) -> tuple[dict, str]:
        ctx = {"to": msg.to, "text": msg.body, "channel": msg.channel, "notification_id": msg.notification_id,
               "name": msg.name, "subject": msg.subject}
        try:
            body = _env.from_string(self.cfg.body_template).render(**ctx)
            headers = {k: _env.from_string(str(v)).render(**ctx) for k, v in (self.cfg.headers or {}).items()}
        except Exception as exc:  # a broken provider template will not fix itself
            raise DeliveryError(f"provider template error: {exc}", permanent=True) from None
        headers.setdefault("Content-Type", self.cfg.content_type)
        return headers, body

    def send(self, msg: Outgoing) -> str:
        headers, body = self.request_parts(msg)
        try:
            if self.client is not None:
                resp = self.client.request(self.cfg.method, self.cfg.url, content=body.encode(), headers=headers,
                                           timeout=self.cfg.timeout)
            else:
                resp = httpx.request(self.cfg.method, self.cfg.url, content=body.encode(), headers=headers,
                                     timeout=self.cfg.timeout)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"{self.cfg.channel} provider unreachable: {exc}") from None
        if 200 <= resp.status_code < 300:
            return f"HTTP {resp.status_code}"
        reason = f"{self.cfg.channel} provider answered HTTP {resp.status_code}: {resp.text[:200]}"
        raise DeliveryError(reason, permanent=resp.status_code < 500 and resp.status_code not in (408, 429))


def parse_headers(raw: str) -> dict:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
