"""gRPC stubs of the services the portal asks: billing, sales, orders."""
from __future__ import annotations

import threading

from antena.billing.v1 import billing_pb2_grpc
from antena.notifications.v1 import notifications_pb2_grpc
from antena.orders.v1 import orders_pb2_grpc
from antena.sales.v1 import sales_pb2_grpc
from antena_common import rpc
from antena_common.settings import PlatformSettings


class Clients:
    def __init__(self, platform: PlatformSettings):
        self.platform = platform
        self._channels: dict[str, object] = {}
        self._lock = threading.Lock()

    def _channel(self, service: str):
        with self._lock:
            if service not in self._channels:
                self._channels[service] = rpc.channel(self.platform.grpc_target(service))
            return self._channels[service]

    @property
    def billing(self) -> billing_pb2_grpc.BillingServiceStub:
        return billing_pb2_grpc.BillingServiceStub(self._channel("billing"))

    @property
    def sales(self) -> sales_pb2_grpc.SalesServiceStub:
        return sales_pb2_grpc.SalesServiceStub(self._channel("sales"))

    @property
    def orders(self) -> orders_pb2_grpc.OrdersServiceStub:
        return orders_pb2_grpc.OrdersServiceStub(self._channel("orders"))

    @property
    def notifications(self) -> notifications_pb2_grpc.NotificationsServiceStub:
        return notifications_pb2_grpc.NotificationsServiceStub(self._channel("notifications"))

    def close(self) -> None:
        for ch in self._channels.values():
            ch.close()
        self._channels.clear()
