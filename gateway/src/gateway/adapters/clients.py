"""gRPC stubs of the services, one channel per service, made on first use (and
asyncio ones for `async def` routes, per event loop). Every call gets a deadline
unless the caller set one."""
from __future__ import annotations

import asyncio
import threading
import weakref

import grpc

from antena_common import rpc
from antena_common.logs import correlation_id
from antena_common.settings import PlatformSettings

# Services the gateway talks to (and /ready checks).
SERVICES = ("sales", "orders", "network", "billing", "notifications")


class _DefaultDeadline(grpc.UnaryUnaryClientInterceptor):
    def __init__(self, seconds: float):
        self.seconds = seconds

    def intercept_unary_unary(self, continuation, d, request):
        if d.timeout is None:
            d = rpc._DetailsTuple(d.method, self.seconds, d.metadata, d.credentials, d.wait_for_ready, d.compression)
        return continuation(d, request)


class ServiceClients:
    def __init__(self, platform: PlatformSettings, timeout_seconds: float = 15.0):
        self.platform = platform
        self.timeout_seconds = timeout_seconds
        self._channels: dict[str, grpc.Channel] = {}
        # grpc.aio channels belong to the event loop that made them: channels and stubs per loop.
        self._aio: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def channel(self, service: str) -> grpc.Channel:
        with self._lock:
            if service not in self._channels:
                ch = rpc.channel(self.platform.grpc_target(service))
                self._channels[service] = grpc.intercept_channel(ch, _DefaultDeadline(self.timeout_seconds))
            return self._channels[service]

    def stub(self, service: str, stub_class):
        return stub_class(self.channel(service))

    def _aio_stub(self, service: str, stub_class):
        loop = asyncio.get_running_loop()
        with self._lock:
            stubs = self._aio.setdefault(loop, {})
            if service not in stubs:
                stubs[service] = rpc.aio_channel(self.platform.grpc_target(service))
            if (service, stub_class) not in stubs:
                stubs[service, stub_class] = stub_class(stubs[service])
            return stubs[service, stub_class]

    async def call(self, service: str, stub_class, method: str, request):
        """One unary call on an asyncio channel, for `async def` routes (no thread-pool hop,
        no thread blocked per call), with the deadline and the correlation id the sync
        channel's interceptors add (the trace context: rpc.aio_channel's interceptor)."""
        call = getattr(self._aio_stub(service, stub_class), method)
        cid = correlation_id.get()
        return await call(request, timeout=self.timeout_seconds,
                          metadata=((rpc.CORRELATION_KEY, cid),) if cid else None)

    def health(self, service: str, timeout: float) -> str:
        """The service's grpc.health.v1 status name (SERVING, NOT_SERVING...) or the error code."""
        from grpc_health.v1 import health_pb2, health_pb2_grpc

        try:
            resp = health_pb2_grpc.HealthStub(self.channel(service)).Check(
                health_pb2.HealthCheckRequest(service=""), timeout=timeout)
        except grpc.RpcError as exc:
            return exc.code().name
        return health_pb2.HealthCheckResponse.ServingStatus.Name(resp.status)

    def close(self) -> None:
        with self._lock:
            for ch in self._channels.values():
                ch.close()
            self._channels.clear()
            self._aio.clear()  # asyncio channels close with their loop
