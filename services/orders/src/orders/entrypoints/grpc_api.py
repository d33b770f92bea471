"""gRPC entry point: translate messages to use-case calls and back."""
from __future__ import annotations

from antena.orders.v1 import orders_pb2, orders_pb2_grpc

from ..app import orders as order_cases
from .convert import actor_from_pb, order_to_pb


def _actor(request):
    return actor_from_pb(request.actor) if request.HasField("actor") else None


class OrdersServicer(orders_pb2_grpc.OrdersServiceServicer):
    def __init__(self, uow_factory, settings=None):
        self.uow = uow_factory
        self.settings = settings

    def ListOrders(self, request, context):
        items, next_cursor = order_cases.list_orders(
            self.uow(), state=request.state, kind=request.kind, technician_id=request.technician_id,
            start=getattr(request, "from"), end=request.to, ticket_id=request.ticket_id,
            support_ticket_id=request.support_ticket_id, limit=request.page.limit, cursor=request.page.cursor,
            actor=_actor(request))
        return orders_pb2.ListOrdersResponse(items=[order_to_pb(o) for o in items], next_cursor=next_cursor)

    def GetOrder(self, request, context):
        order, timeline = order_cases.get_order(self.uow(), request.id, _actor(request))
        return order_to_pb(order, timeline)


def register(uow_factory, settings=None):
    return (orders_pb2_grpc.add_OrdersServiceServicer_to_server, OrdersServicer(uow_factory, settings),
            orders_pb2.DESCRIPTOR.services_by_name["OrdersService"].full_name)
