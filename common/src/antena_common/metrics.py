"""Prometheus metrics shared by the plumbing (services add their own with
`counter`/`histogram`/`gauge`, which return the one metric of that name)."""
from __future__ import annotations

import datetime as dt
import threading

from prometheus_client import REGISTRY, Counter, Gauge, Histogram, start_http_server

EVENTS_HANDLED = Counter("antena_events_handled_total", "Events handled by consumers", ["consumer", "type", "outcome"])
EVENT_HANDLING_SECONDS = Histogram("antena_event_handling_seconds", "Time to handle one event", ["consumer", "type"])
EVENT_LAG_SECONDS = Histogram("antena_event_lag_seconds", "From the event's occurred_at to handled, per queue",
                              ["consumer", "type"], buckets=(.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30,
                                                             60, 300, 900))
EVENTS_DEAD = Counter("antena_events_dead_lettered_total", "Events sent to the dead letters", ["consumer", "type"])
OUTBOX_PUBLISHED = Counter("antena_outbox_published_total", "Outbox rows published", ["service"])
OUTBOX_BACKLOG = Gauge("antena_outbox_backlog", "Unpublished outbox rows seen by the relay", ["service"])
GRPC_REQUESTS = Counter("antena_grpc_requests_total", "gRPC requests served", ["service", "method", "code"])
GRPC_SECONDS = Histogram("antena_grpc_request_seconds", "gRPC request latency", ["service", "method"])
HTTP_REQUESTS = Counter("antena_http_requests_total", "HTTP requests served", ["service", "method", "route", "status"])
PAGE_CACHE_LOOKUPS = Counter("antena_page_cache_lookups_total",
                             "List pages asked of an in-memory page cache: hit, shared (joined a load under way), "
                             "miss, or bypass (cache off or not listening for changes)", ["service", "list", "result"])
HTTP_SECONDS = Histogram("antena_http_request_seconds", "HTTP request latency", ["service", "method", "route"])

_lock = threading.Lock()
_custom: dict[str, object] = {}
_servers: dict[int, object] = {}


def _get(kind, name: str, doc: str, labels, **kw):
    with _lock:
        metric = _custom.get(name)
        if metric is None:
            metric = _custom[name] = kind(name, doc, list(labels), **kw)
        return metric


def counter(name: str, doc: str, labels=()) -> Counter:
    """A service's own counter (idempotent: the same name gives the same metric)."""
    return _get(Counter, name, doc, labels)


def histogram(name: str, doc: str, labels=(), **kw) -> Histogram:
    return _get(Histogram, name, doc, labels, **kw)


def gauge(name: str, doc: str, labels=()) -> Gauge:
    return _get(Gauge, name, doc, labels)


def observe_lag(consumer: str, event_type: str, occurred_at: str) -> None:
    try:
        occurred = dt.datetime.fromisoformat(occurred_at)
    except (TypeError, ValueError):
        return
    if occurred.tzinfo is None:
        occurred = occurred.replace(tzinfo=dt.timezone.utc)
    lag = (dt.datetime.now(dt.timezone.utc) - occurred).total_seconds()
    EVENT_LAG_SECONDS.labels(consumer, event_type).observe(max(lag, 0.0))


def serve(port: int, host: str = "0.0.0.0") -> None:
    """Serve the process registry at http://host:port/metrics (once per port)."""
    with _lock:
        if port in _servers:
            return
        _servers[port] = start_http_server(port, addr=host, registry=REGISTRY)


def stop_serving(port: int) -> None:
    with _lock:
        started = _servers.pop(port, None)
    server = started[0] if isinstance(started, tuple) else None
    if server is not None:
        server.shutdown()
        server.server_close()


def render() -> tuple[bytes, str]:
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
