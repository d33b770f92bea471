"""gRPC bootstrap: a server with grpc.health.v1, the error mapping
(domain error -> gRPC status) and correlation ids; clients that carry the
correlation id; and the mapping gRPC status -> HTTP problem details."""
from __future__ import annotations

import json
import time
from concurrent import futures
from dataclasses import dataclass, field

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from . import errors, metrics, tracing
from .ids import new_id
from .logs import correlation, correlation_id, get_logger

log = get_logger("antena.grpc")

FIELD_ERRORS_KEY = "antena-field-errors"
# Files (attachments, photos, PDFs) travel in unary messages: allow more than gRPC's 4 MiB default.
MAX_MESSAGE_BYTES = 32 * 1024 * 1024
_SIZE_OPTIONS = [("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                 ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)]
# Client channels keep their own subchannels: gRPC's process-wide pool would hand a
# new channel the failed, backing-off connection of an older one to the same address
# (a restarted server on a reused port), and its first calls would fail UNAVAILABLE.
_CLIENT_OPTIONS = [("grpc.use_local_subchannel_pool", 1), *_SIZE_OPTIONS]
CORRELATION_KEY = "x-correlation-id"

STATUS_FOR = {
    errors.NotFound: grpc.StatusCode.NOT_FOUND,
    errors.InvalidArgument: grpc.StatusCode.INVALID_ARGUMENT,
    errors.Conflict: grpc.StatusCode.FAILED_PRECONDITION,
    errors.AlreadyExists: grpc.StatusCode.ALREADY_EXISTS,
    errors.PermissionDenied: grpc.StatusCode.PERMISSION_DENIED,
}

HTTP_FOR = {
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.INVALID_ARGUMENT: 422,
    grpc.StatusCode.FAILED_PRECONDITION: 409,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.ABORTED: 409,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.UNAUTHENTICATED: 401,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DEADLINE_EXCEEDED: 504,
    grpc.StatusCode.UNIMPLEMENTED: 501,
}


def _status_for(exc: errors.DomainError) -> grpc.StatusCode:
    for cls in type(exc).__mro__:
        if cls in STATUS_FOR:
            return STATUS_FOR[cls]
    return grpc.StatusCode.FAILED_PRECONDITION


class _ServerInterceptor(grpc.ServerInterceptor):
    def __init__(self, service: str):
        self.service = service

    def intercept_service(self, continuation, handler_call_details):
        handler = continuation(handler_call_details)
        if handler is None or handler.unary_unary is None:
            return handler
        method = handler_call_details.method.rsplit("/", 1)[-1]
        inner = handler.unary_unary
        metadata = dict(handler_call_details.invocation_metadata or ())
        cid = metadata.get(CORRELATION_KEY)

        def wrapped(request, context):
            started = time.perf_counter()
            code = "OK"
            with correlation(cid or new_id()), \
                    tracing.grpc_server_span(self.service, handler_call_details.method, metadata) as span:
                try:
                    return inner(request, context)
                except errors.DomainError as exc:
                    status = _status_for(exc)
                    code = status.name
                    if exc.field_errors:
                        context.set_trailing_metadata(((FIELD_ERRORS_KEY, json.dumps(exc.field_errors)),))
                    context.abort(status, exc.detail)
                except Exception as exc:
                    if isinstance(exc, grpc.RpcError) or context.code() is not None:
                        code = "ABORTED_BY_HANDLER"
                        raise
                    code = "INTERNAL"
                    log.exception("unhandled error in gRPC method", service=self.service, method=method)
                    context.abort(grpc.StatusCode.INTERNAL, "internal error")
                finally:
                    if code == "OK" and context.code() not in (None, grpc.StatusCode.OK):
                        code = context.code().name  # set_code without raising (e.g. health's NOT_FOUND)
                    if span is not None:
                        span.set_attribute("rpc.grpc.status_code", code)
                    metrics.GRPC_REQUESTS.labels(self.service, method, code).inc()
                    metrics.GRPC_SECONDS.labels(self.service, method).observe(time.perf_counter() - started)

        return grpc.unary_unary_rpc_method_handler(
            wrapped, request_deserializer=handler.request_deserializer, response_serializer=handler.response_serializer
        )


# Clients reconnect (and re-resolve a headless Service's DNS name) at least this
# often, so replicas added by scaling get their share of the calls.
_CONNECTION_AGE_OPTIONS = [("grpc.max_connection_age_ms", 300_000), ("grpc.max_connection_age_grace_ms", 30_000)]


@dataclass
class GrpcServer:
    service: str
    bind: str
    servicers: list = field(default_factory=list)  # [(add_XServicer_to_server, servicer, "pkg.Service")]
    max_workers: int = 16

    def start(self) -> None:
        self.server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=self.max_workers, thread_name_prefix=f"grpc-{self.service}"),
            interceptors=[_ServerInterceptor(self.service)],
            options=[("grpc.so_reuseport", 0), *_SIZE_OPTIONS, *_CONNECTION_AGE_OPTIONS],
        )
        self.health = health.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.server)
        for add, servicer, name in self.servicers:
            add(servicer, self.server)
            self.health.set(name, health_pb2.HealthCheckResponse.SERVING)
        self.port = self.server.add_insecure_port(self.bind)
        if self.port == 0:
            raise RuntimeError(f"{self.service}: cannot bind gRPC to {self.bind}")
        self.server.start()
        self.health.set("", health_pb2.HealthCheckResponse.SERVING)

    def stop(self, grace: float = 2) -> None:
        self.health.enter_graceful_shutdown()
        self.server.stop(grace).wait()


def _fix_details_namedtuple():
    # grpc's ClientCallDetails has no _replace; give interceptors a namedtuple.
    import collections

    class Details(collections.namedtuple("Details", ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression")),
                  grpc.ClientCallDetails):
        pass

    return Details


_DetailsTuple = _fix_details_namedtuple()


class _CorrelationInterceptor(grpc.UnaryUnaryClientInterceptor):
    def intercept_unary_unary(self, continuation, d, request):
        cid = correlation_id.get()
        with tracing.grpc_client_span(d.method) as trace_metadata:
            extra = [(CORRELATION_KEY, cid)] if cid else []
            extra += trace_metadata
            if extra:
                d = _DetailsTuple(d.method, d.timeout, [*(d.metadata or ()), *extra],
                                  d.credentials, d.wait_for_ready, d.compression)
            outcome = continuation(d, request)
            if trace_metadata:
                tracing.grpc_client_outcome(outcome)
            return outcome


# round_robin: a target naming several replicas (a headless Service's DNS name,
# `dns:///orders:50052`, or `ipv4:host1:port,host2:port`) spreads calls over all of
# them; with one address it behaves as the default pick_first.
_RETRY_CONFIG = json.dumps({
    "loadBalancingConfig": [{"round_robin": {}}],
    "methodConfig": [{
        "name": [{}],
        "retryPolicy": {
            "maxAttempts": 4,
            "initialBackoff": "0.1s",
            "maxBackoff": "1s",
            "backoffMultiplier": 2,
            "retryableStatusCodes": ["UNAVAILABLE"],
        },
    }]
})


def channel(target: str) -> grpc.Channel:
    """A client channel that retries UNAVAILABLE, balances over the target's addresses
    and carries the correlation id."""
    ch = grpc.insecure_channel(target, options=[("grpc.service_config", _RETRY_CONFIG), ("grpc.enable_retries", 1),
                                                *_CLIENT_OPTIONS])
    return grpc.intercept_channel(ch, _CorrelationInterceptor())


def aio_channel(target: str) -> grpc.aio.Channel:
    """The same channel for asyncio callers (grpc.aio): retries and size limits as
    `channel`; callers pass the deadline and correlation id. The only interceptor is
    tracing's, and only when tracing is on."""
    return grpc.aio.insecure_channel(target, options=[("grpc.service_config", _RETRY_CONFIG),
                                                      ("grpc.enable_retries", 1), *_CLIENT_OPTIONS],
                                     interceptors=tracing.aio_client_interceptors())


@dataclass
class Problem:
    status: int
    title: str
    detail: str
    errors: dict[str, str] = field(default_factory=dict)


def problem_from_rpc_error(exc: grpc.RpcError) -> Problem:
    code = exc.code()
    status = HTTP_FOR.get(code, 502)
    field_errors: dict[str, str] = {}
    for key, value in exc.trailing_metadata() or ():
        if key == FIELD_ERRORS_KEY:
            try:
                field_errors = json.loads(value)
            except ValueError:
                pass
    detail = exc.details() or code.name
    if status in (502, 503, 504):
        detail = f"upstream service unavailable ({code.name.lower()})"
    if code == grpc.StatusCode.INTERNAL:
        status, detail = 502, "an upstream service failed; the error was logged"
    return Problem(status=status, title=code.name.replace("_", " ").capitalize(), detail=detail, errors=field_errors)
