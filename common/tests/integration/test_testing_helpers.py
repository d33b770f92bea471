"""The test helpers other suites lean on: sql_rows on a real database, the SMTP sink."""
import smtplib
from email.message import EmailMessage

import pytest

from antena_common.testing import MailSink, sql_rows

pytestmark = pytest.mark.integration


def test_sql_rows_binds_parameters(pg_url):
    sql_rows(pg_url, "SELECT 1")  # a connection of its own each time, nothing left open
    assert sql_rows(pg_url, "SELECT :a + 1 AS n, :b AS s", a=41, b="hola") == [(42, "hola")]


def _send(port: int, to: str, subject: str) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "avisos@isp.test", to, subject
    msg.set_content("cuerpo")
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
        smtp.send_message(msg)


def test_smtp_sink_keeps_messages_and_filters_by_recipient(smtp_sink, tmp_path):
    assert smtp_sink.messages() == []
    _send(smtp_sink.port, "ana@example.com", "Hola Ana")
    _send(smtp_sink.port, "luis@example.com", "Hola Luis")
    assert sorted(m["Subject"] for m in smtp_sink.messages()) == ["Hola Ana", "Hola Luis"]
    assert [m["Subject"] for m in smtp_sink.messages("luis@example.com")] == ["Hola Luis"]
    smtp_sink.stop()
    smtp_sink.stop()  # twice is fine
    with pytest.raises(OSError):
        _send(smtp_sink.port, "ana@example.com", "after stop")
    other = MailSink(tmp_path / "other").start()
    try:
        assert other.port != smtp_sink.port and other.messages() == []
    finally:
        other.stop()
