"""The test helpers other suites lean on: sql_rows on a real database, the SMTP sink, metric_samples, free_port."""
import smtplib
from email.message import EmailMessage

import pytest

from antena_common.testing import MailSink, free_port, metric_samples, sql_rows

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


def test_metric_samples_filter_by_name_and_labels():
    from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

    registry = CollectorRegistry()
    handled = Counter("demo_events_handled_total", "d", ["consumer", "outcome"], registry=registry)
    handled.labels("orders", "ok").inc(3)
    handled.labels("orders", "error").inc()
    handled.labels("billing", "ok").inc(2)
    Histogram("demo_seconds", "d", ["route"], registry=registry).labels("/v1/x").observe(0.2)
    page = generate_latest(registry).decode()
    assert sorted(v for _, v in metric_samples(page, "demo_events_handled_total", outcome="ok")) == [2.0, 3.0]
    assert metric_samples(page, "demo_events_handled_total", consumer="orders", outcome="error") == [
        ({"consumer": "orders", "outcome": "error"}, 1.0)]
    assert metric_samples(page, "demo_seconds_count", route="/v1/x")[0][1] == 1.0
    assert metric_samples(page, "demo_events_handled_total", consumer="sales") == []


def test_free_port_never_hands_out_a_port_twice():
    ports = [free_port() for _ in range(200)]
    assert len(set(ports)) == len(ports)
