"""gRPC stubs of the services, one channel per service, made on first use."""
from __future__ import annotations

import threading

from antena_common import rpc
from antena_common.settings import PlatformSettings


class ServiceClients:
    def __init__(self, platform: PlatformSettings):
        self.platform = platform
        self._channels: dict[str, object] = {}
        self._lock = threading.Lock()

    def channel(self, service: str):
        with self._lock:
            if service not in self._channels:
                self._channels[service] = rpc.channel(self.platform.grpc_target(service))
            return self._channels[service]

    def stub(self, service: str, stub_class):
        return stub_class(self.channel(service))

    def close(self) -> None:
        for ch in self._channels.values():
            ch.close()
        self._channels.clear()
