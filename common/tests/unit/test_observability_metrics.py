"""Prometheus plumbing: a service's own metrics and the /metrics server of a runtime."""
import urllib.request

from antena_common import metrics
from antena_common.testing import free_port


def test_service_metric_hook_is_idempotent():
    a = metrics.counter("antena_test_widgets_total", "Widgets", ["kind"])
    b = metrics.counter("antena_test_widgets_total", "Widgets", ["kind"])
    assert a is b
    a.labels("x").inc(2)
    body, _ = metrics.render()
    assert b'antena_test_widgets_total{kind="x"} 2.0' in body


def test_event_lag_is_observed_and_bad_timestamps_ignored():
    metrics.observe_lag("c1", "sales.x", "2000-01-01T00:00:00+00:00")
    metrics.observe_lag("c1", "sales.x", "not a time")
    assert metrics.EVENT_LAG_SECONDS.labels("c1", "sales.x")._sum.get() > 1e8


def test_serve_exposes_the_registry_over_http():
    port = free_port()
    metrics.serve(port, "127.0.0.1")
    try:
        metrics.GRPC_REQUESTS.labels("svc-test", "/x.Y/Z", "OK").inc()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as resp:
            text = resp.read().decode()
        assert 'antena_grpc_requests_total{code="OK",method="/x.Y/Z",service="svc-test"}' in text
    finally:
        metrics.stop_serving(port)
