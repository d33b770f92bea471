"""Orders, planning and field work (orders service)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from antena.orders.v1 import orders_pb2, orders_pb2_grpc

from ..deps import CurrentUser, PageDep, Principal, page_body, require, stub, to_dict

router = APIRouter(prefix="/v1", tags=["orders, planning and field work"])
READ_ROLES = ("operations", "sales", "technician")
MANAGE_ROLES = ("operations",)
FIELD_ROLES = ("technician", "operations")

# order fields that are "absent" when empty: null on the wire
_NULLABLE = ("ticket_id", "contract_id", "technician_id", "scheduled_start", "scheduled_end", "result_reason",
             "request_id", "lead_id", "prospect_id", "zone_id", "customer_id", "connection_id", "started_at",
             "finished_at", "loss_tag", "support_ticket_id", "technician_name")


def orders(request: Request) -> orders_pb2_grpc.OrdersServiceStub:
    return stub(request, "orders", orders_pb2_grpc.OrdersServiceStub)


def actor(user: Principal) -> orders_pb2.Actor:
    return orders_pb2.Actor(user_id=user.id, roles=list(user.roles), name=user.username)


def order_json(order: orders_pb2.Order) -> dict:
    body = to_dict(order)
    for key in _NULLABLE:
        if body.get(key) == "":
            body[key] = None
    body["location"] = body["location"] if body.pop("has_location") else None
    body["feasible"] = {"true": True, "false": False}.get(body["feasible"])
    if not body.get("timeline"):
        body.pop("timeline", None)
    report = body["report"]
    report["optical_power_dbm"] = report["optical_power_dbm"] or None
    report["signed_at"] = report["signed_at"] or None
    for key in ("error", "request_id", "pppoe_username", "wifi_ssid"):
        body["contract"][key] = body["contract"][key] or None
    return body


@router.get("/orders", dependencies=[require(*READ_ROLES)])
def list_orders(
    request: Request, user: CurrentUser, pg: PageDep,
    state: Annotated[str, Query(description="unscheduled | scheduled | in_progress | completed | failed | cancelled")] = "",
    kind: Annotated[str, Query(description="installation | feasibility | technical | removal")] = "",
    technician_id: Annotated[str, Query(max_length=36)] = "",
    from_: Annotated[str, Query(alias="from", description="date or ISO 8601 datetime: scheduled on or after")] = "",
    to: Annotated[str, Query(description="date (inclusive) or ISO 8601 datetime (exclusive)")] = "",
    ticket_id: Annotated[str, Query(max_length=36, description="orders of a sales-desk ticket")] = "",
    support_ticket_id: Annotated[str, Query(max_length=36, description="orders of a help-desk ticket")] = "",
) -> dict:
    """Orders, newest first. Technicians see only their own."""
    req = orders_pb2.ListOrdersRequest(page={"limit": pg.limit, "cursor": pg.cursor}, state=state, kind=kind,
                                       technician_id=technician_id, to=to, ticket_id=ticket_id,
                                       support_ticket_id=support_ticket_id, actor=actor(user))
    setattr(req, "from", from_)
    resp = orders(request).ListOrders(req)
    return page_body([order_json(x) for x in resp.items], resp.next_cursor)


@router.get("/orders/{order_id}", dependencies=[require(*READ_ROLES)])
def get_order(order_id: str, request: Request, user: CurrentUser) -> dict:
    """One order with its timeline of transitions."""
    return order_json(orders(request).GetOrder(orders_pb2.GetOrderRequest(id=order_id, actor=actor(user))))
