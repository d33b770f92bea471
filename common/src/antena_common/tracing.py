"""OpenTelemetry tracing across HTTP, gRPC and AMQP.

Off unless ANTENA_OTEL_ENDPOINT is set (then every helper here is a cheap
no-op). When set, each service gets a tracer provider of its own (so
`service.name` is right even when the embedded mode runs every service in one
process) exporting OTLP over HTTP/protobuf to `<endpoint>/v1/traces`.

The W3C trace context (traceparent/tracestate) travels in gRPC metadata and
in AMQP message headers. For events it is taken when `UnitOfWork.publish`
records the event (a PRODUCER span), kept with the outbox row, and sent as
headers when the relay publishes it later; the consumer's CONSUMER span is a
child of that PRODUCER span.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from contextlib import contextmanager
from typing import Iterator, Mapping

from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.trace import Span, SpanKind

from .logs import get_logger

log = get_logger("antena.tracing")

_lock = threading.Lock()
_providers: dict = {}  # service -> opentelemetry.sdk.trace.TracerProvider
_tracers: dict[str, trace.Tracer] = {}
_W3C_KEYS = ("traceparent", "tracestate")


def traces_url(endpoint: str) -> str:
    """The OTLP/HTTP traces URL for a collector base address (or the full URL)."""
    endpoint = endpoint.rstrip("/")
    return endpoint if endpoint.endswith("/v1/traces") else endpoint + "/v1/traces"


def configure(service: str, endpoint: str) -> bool:
    """Start (or, with an empty endpoint, stop) exporting the service's spans. True when tracing is on."""
    old = None
    with _lock:
        old = _providers.pop(service, None)
        _tracers.pop(service, None)
        if endpoint:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
            from opentelemetry.sdk.resources import Resource
            from opentelemetry.sdk.trace import TracerProvider
            from opentelemetry.sdk.trace.export import BatchSpanProcessor

            provider = TracerProvider(resource=Resource.create({"service.name": service,
                                                                "service.namespace": "antena"}))
            provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=traces_url(endpoint))))
            _providers[service] = provider
            _tracers[service] = provider.get_tracer("antena")
    if old is not None:
        old.shutdown()
    if endpoint:
        log.info("tracing on", service=service, endpoint=traces_url(endpoint))
    return bool(endpoint)


def shutdown(service: str) -> None:
    """Flush and stop the service's exporter (on service stop)."""
    with _lock:
        provider = _providers.pop(service, None)
        _tracers.pop(service, None)
    if provider is not None:
        provider.shutdown()


def enabled(service: str | None = None) -> bool:
    return bool(_tracers) if service is None else service in _tracers


def tracer(service: str) -> trace.Tracer | None:
    return _tracers.get(service)


def _current_tracer() -> trace.Tracer | None:
    """The tracer of the service whose span is current (the caller of a gRPC client call)."""
    if not _tracers:
        return None
    resource = getattr(trace.get_current_span(), "resource", None)
    name = resource.attributes.get("service.name") if resource is not None else None
    found = _tracers.get(name) if name else None
    return found or next(iter(_tracers.values()))


# ---- work done later by another thread of the same process (e.g. network's provisioning worker) ----

_deferred: "OrderedDict[str, object]" = OrderedDict()
MAX_DEFERRED = 10_000


def defer(key: str) -> None:
    """Keep the current trace context under `key` for work a worker does later, so that
    work (and the events it publishes) continues this trace. Best effort: in memory."""
    if not _tracers or not trace.get_current_span().get_span_context().is_valid:
        return
    with _lock:
        _deferred[key] = otel_context.get_current()
        _deferred.move_to_end(key)
        while len(_deferred) > MAX_DEFERRED:
            _deferred.popitem(last=False)


def forget(key: str) -> None:
    if _deferred:
        with _lock:
            _deferred.pop(key, None)


@contextmanager
def resumed(service: str, key: str, name: str, attributes: dict | None = None) -> Iterator[Span | None]:
    """An INTERNAL span for deferred work: child of the context kept by `defer(key)` if
    any, else of the current one."""
    t = _tracers.get(service)
    if t is None:
        yield None
        return
    with _lock:
        parent = _deferred.get(key)
    with t.start_as_current_span(name, context=parent, attributes=attributes or {}) as span:
        yield span


def instrument_http(app, service: str) -> None:
    """Server spans for a FastAPI app (gateway, portal); nothing when tracing is off."""
    provider = _providers.get(service)
    if provider is None:
        return
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    FastAPIInstrumentor.instrument_app(app, tracer_provider=provider, excluded_urls="/health,/ready,/metrics",
                                       exclude_spans=["receive", "send"])


def _carrier(span: Span) -> dict[str, str]:
    carrier: dict[str, str] = {}
    propagate.inject(carrier, context=trace.set_span_in_context(span))
    return {k: v for k, v in carrier.items() if k in _W3C_KEYS}


def _extract(headers: Mapping | None):
    if not headers:
        return None
    carrier = {str(k).lower(): v.decode() if isinstance(v, bytes) else str(v)
               for k, v in headers.items() if str(k).lower() in _W3C_KEYS}
    return propagate.extract(carrier) if carrier else None


# ---- gRPC ------------------------------------------------------------------------------------------

def _rpc_attributes(full_method: str | bytes) -> tuple[str, dict]:
    if isinstance(full_method, bytes):  # grpc.aio gives bytes
        full_method = full_method.decode()
    service, _, method = full_method.lstrip("/").rpartition("/")
    return f"{service}/{method}", {"rpc.system": "grpc", "rpc.service": service, "rpc.method": method}


@contextmanager
def grpc_server_span(service: str, full_method: str, metadata) -> Iterator[Span | None]:
    """A SERVER span for one gRPC call, child of the caller's context from the metadata."""
    t = _tracers.get(service)
    if t is None:
        yield None
        return
    name, attrs = _rpc_attributes(full_method)
    with t.start_as_current_span(name, kind=SpanKind.SERVER, context=_extract(dict(metadata or ())),
                                 attributes=attrs) as span:
        yield span


@contextmanager
def grpc_client_span(full_method: str) -> Iterator[list[tuple[str, str]]]:
    """A CLIENT span around one outgoing call; yields the metadata that carries its context."""
    t = _current_tracer()
    if t is None:
        yield []
        return
    name, attrs = _rpc_attributes(full_method)
    with t.start_as_current_span(name, kind=SpanKind.CLIENT, attributes=attrs) as span:
        yield list(_carrier(span).items())


def grpc_client_outcome(outcome) -> None:
    """Inside grpc_client_span: the status of a finished call goes on the CLIENT span."""
    try:
        if not outcome.done():
            return  # a future still running: its status is not known here
        code = outcome.code()
    except Exception:
        return
    span = trace.get_current_span()
    span.set_attribute("rpc.grpc.status_code", code.name)
    if code.name != "OK":
        span.set_status(trace.Status(trace.StatusCode.ERROR, code.name))


def aio_client_interceptors() -> list:
    """Interceptors for a grpc.aio channel: the same CLIENT span and metadata as the
    sync channel's; none when tracing is off (no cost)."""
    if not _tracers:
        return []
    import grpc

    class _AioTracing(grpc.aio.UnaryUnaryClientInterceptor):
        async def intercept_unary_unary(self, continuation, details, request):
            with grpc_client_span(details.method) as trace_metadata:
                if trace_metadata:
                    metadata = grpc.aio.Metadata(*(details.metadata or ()), *trace_metadata)
                    details = grpc.aio.ClientCallDetails(details.method, details.timeout, metadata,
                                                         details.credentials, details.wait_for_ready)
                call = await continuation(details, request)
                if trace_metadata:
                    code = await call.code()  # the span lasts until the answer
                    span = trace.get_current_span()
                    span.set_attribute("rpc.grpc.status_code", code.name)
                    if code != grpc.StatusCode.OK:
                        span.set_status(trace.Status(trace.StatusCode.ERROR, code.name))
                return call

    return [_AioTracing()]


# ---- AMQP ------------------------------------------------------------------------------------------

def producer_headers(service: str, event_type: str, event_id: str) -> str | None:
    """At UnitOfWork.publish: a PRODUCER span for the event; returns its trace context as
    JSON message headers to keep with the outbox row (None when tracing is off)."""
    t = _tracers.get(service)
    if t is None:
        return None
    with t.start_as_current_span(f"{event_type} publish", kind=SpanKind.PRODUCER, attributes={
            "messaging.system": "rabbitmq", "messaging.operation.type": "publish",
            "messaging.destination.name": event_type, "messaging.message.id": event_id}) as span:
        carrier = _carrier(span)
    return json.dumps(carrier) if carrier else None


def message_headers(stored: str | None) -> dict | None:
    """The headers kept with an outbox row, for the relay to publish with it."""
    if not stored:
        return None
    try:
        value = json.loads(stored)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def mark_failed(reason: str) -> None:
    """The current span (an event being handled) ends in error, e.g. dead-lettered."""
    if _tracers:
        span = trace.get_current_span()
        span.set_status(trace.Status(trace.StatusCode.ERROR, reason[:200]))


@contextmanager
def consumer_span(service: str, event_type: str, event_id: str, headers: Mapping | None) -> Iterator[Span | None]:
    """A CONSUMER span around handling one event, child of its PRODUCER span (from the headers)."""
    t = _tracers.get(service)
    if t is None:
        yield None
        return
    with t.start_as_current_span(f"{event_type} process", kind=SpanKind.CONSUMER, context=_extract(headers),
                                 attributes={"messaging.system": "rabbitmq", "messaging.operation.type": "process",
                                             "messaging.destination.name": event_type,
                                             "messaging.consumer.group.name": service,
                                             "messaging.message.id": event_id}) as span:
        yield span
