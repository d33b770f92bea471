"""Orders, planning, field work, equipment stock and the help desk (orders service)."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from antena.common.v1 import common_pb2
from antena.orders.v1 import orders_pb2, orders_pb2_grpc

from antena_common.errors import InvalidArgument, NotFound

from ...app import auth
from ..deps import CurrentUser, PageDep, Principal, page_body, require, stub, to_dict
from ..schemas import AddressIn, LocationIn

router = APIRouter(prefix="/v1", tags=["orders, planning and field work"])
READ_ROLES = ("operations", "sales", "technician")
MANAGE_ROLES = ("operations",)
FIELD_ROLES = ("technician", "operations")
DESK_ROLES = ("operations", "sales")
UPLOAD_MAX_BYTES = 4_000_000  # a gRPC message carries at most 4 MB; the orders service has its own lower limits

# order fields that are "absent" when empty: null on the wire
_NULLABLE = ("ticket_id", "contract_id", "technician_id", "scheduled_start", "scheduled_end", "result_reason",
             "request_id", "lead_id", "prospect_id", "zone_id", "customer_id", "connection_id", "started_at",
             "finished_at", "loss_tag", "support_ticket_id", "technician_name")


def orders(request: Request) -> orders_pb2_grpc.OrdersServiceStub:
    return stub(request, "orders", orders_pb2_grpc.OrdersServiceStub)


def actor(user: Principal) -> orders_pb2.Actor:
    return orders_pb2.Actor(user_id=user.id, roles=list(user.roles), name=user.username)


def _nulls(body: dict, keys) -> dict:
    for key in keys:
        if body.get(key) == "":
            body[key] = None
    return body


def order_json(order: orders_pb2.Order) -> dict:
    body = _nulls(to_dict(order), _NULLABLE)
    body["location"] = body["location"] if body.pop("has_location") else None
    body["feasible"] = {"true": True, "false": False}.get(body["feasible"])
    if not body.get("timeline"):
        body.pop("timeline", None)
    _nulls(body["report"], ("optical_power_dbm", "signed_at"))
    _nulls(body["contract"], ("error", "request_id", "pppoe_username", "wifi_ssid"))
    return body


# -- request bodies -------------------------------------------------------------------------------
class OrderIn(BaseModel):
    kind: Literal["installation", "feasibility", "technical", "removal"]
    contract_id: str = Field("", max_length=36)
    customer_id: str = Field("", max_length=36)
    connection_id: str = Field("", max_length=36)
    ticket_id: str = Field("", max_length=36)
    customer_name: str = Field("", max_length=200)
    customer_phone: str = Field("", max_length=40)
    customer_email: str = Field("", max_length=254)
    address: AddressIn = AddressIn()
    location: LocationIn | None = None
    zone_id: str = Field("", max_length=36)
    notes: str = Field("", max_length=5000)


class OrderPatch(BaseModel):
    zone_id: str | None = Field(None, max_length=36)
    notes: str | None = Field(None, max_length=5000)


class CancelIn(BaseModel):
    reason: str = Field("", max_length=2000)


class ScheduleIn(BaseModel):
    technician_id: str = Field(min_length=1, max_length=36)
    scheduled_start: str = Field(min_length=1, max_length=40, description="ISO 8601 with offset")
    scheduled_end: str = Field(min_length=1, max_length=40, description="ISO 8601 with offset")


class WorkingHoursIn(BaseModel):
    weekday: int = Field(ge=0, le=6, description="0 = Monday .. 6 = Sunday")
    start: str = Field(pattern=r"^\d\d:\d\d$", description="HH:MM, the technician's local time")
    end: str = Field(pattern=r"^\d\d:\d\d$")


class TechnicianIn(BaseModel):
    user_id: str = Field("", max_length=36, description="the staff user (role technician) of the field app")
    name: str = Field(min_length=1, max_length=200)
    zone_ids: list[str] = Field(default_factory=list, max_length=200)
    working_hours: list[WorkingHoursIn] | None = Field(
        None, description="default: Monday-Friday 08:00-17:00, Saturday 08:00-13:00")
    timezone: str = Field("UTC", max_length=64, description="IANA time zone of the working hours")
    phone: str = Field("", max_length=40)


class TechnicianPatch(BaseModel):
    name: str | None = Field(None, min_length=1, max_length=200)
    zone_ids: list[str] | None = Field(None, max_length=200)
    working_hours: list[WorkingHoursIn] | None = None
    active: bool | None = None


class DeviceIn(BaseModel):
    kind: str = Field(min_length=1, max_length=40, description="ont | router | antenna | cpe | ...")
    serial: str = Field(min_length=1, max_length=64)
    mac: str = Field("", max_length=17)


class ReportIn(BaseModel):
    devices: list[DeviceIn] = Field(default_factory=list, max_length=50)
    optical_power_dbm: str | float | None = Field(None, description="received optical power, e.g. -19.5")
    seal_code: str = Field("", max_length=100, description="FTTH seal (precinto)")
    notes: str = Field("", max_length=5000)


class CompleteIn(BaseModel):
    result: Literal["success", "failed"]
    reason: str = Field("", max_length=2000)
    loss_tag: str = Field("", max_length=100, description="failed feasibility: sin cobertura | imposibilidad técnica")


class TemplateIn(BaseModel):
    html: str = Field(max_length=200_000, description="Jinja2 HTML; empty restores the built-in template")


class ContractCustomerIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    document: str = Field(min_length=1, max_length=40)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)
    fiscal_id: str = Field("", max_length=40)


class ContractConnectionIn(BaseModel):
    zone_id: str = Field(min_length=1, max_length=36)
    mode: Literal["pppoe", "static", "dhcp"]
    ip: str = Field("", max_length=45, description="empty: allocated from the zone's pool")
    nap_box_id: str = Field("", max_length=36)
    nap_port: int = Field(0, ge=0, le=1024, description="0: any free port")
    cpe_mac: str = Field("", max_length=17)


class ContractIn(BaseModel):
    billing_profile_id: str = Field(min_length=1, max_length=36)
    customer: ContractCustomerIn
    connection: ContractConnectionIn
    installation_fee: str = Field("", max_length=20, description="decimal string; empty = none")
    installation_instalments: int = Field(0, ge=0, le=36)
    currency: str = Field("", max_length=3)


class StockItemIn(BaseModel):
    kind: str = Field(min_length=1, max_length=40)
    serial: str = Field(min_length=1, max_length=64)
    mac: str = Field("", max_length=17)
    model: str = Field("", max_length=100)
    warehouse: str = Field("", max_length=100)


class AssignIn(BaseModel):
    technician_id: str = Field(min_length=1, max_length=36)


class ReturnIn(BaseModel):
    warehouse: str = Field("", max_length=100)


class SupportTicketIn(BaseModel):
    customer_id: str = Field(min_length=1, max_length=36)
    contract_id: str = Field("", max_length=36)
    customer_name: str = Field("", max_length=200)
    customer_email: str = Field("", max_length=254)
    subject: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=10000)
    priority: Literal["low", "normal", "high", "urgent"] = "normal"
    assignee_id: str = Field("", max_length=36)


class SupportTicketPatch(BaseModel):
    status: Literal["open", "in_progress", "resolved", "closed"] | None = None
    priority: Literal["low", "normal", "high", "urgent"] | None = None
    assignee_id: str | None = Field(None, max_length=36)


class CommentIn(BaseModel):
    text: str = Field(min_length=1, max_length=10000)


class TicketOrderIn(BaseModel):
    kind: Literal["technical", "removal"]
    notes: str = Field("", max_length=5000)
    address: AddressIn = AddressIn()
    location: LocationIn | None = None
    zone_id: str = Field("", max_length=36)
    connection_id: str = Field("", max_length=36)


def _geo(location: LocationIn | None) -> dict:
    if location is None:
        return {"has_location": False}
    return {"has_location": True, "location": common_pb2.GeoPoint(lat=location.lat, lon=location.lon)}


def _hours(hours: list[WorkingHoursIn]) -> list[orders_pb2.WorkingHours]:
    return [orders_pb2.WorkingHours(weekday=h.weekday, start=h.start, end=h.end) for h in hours]


async def _upload(file: UploadFile) -> bytes:
    data = await file.read(UPLOAD_MAX_BYTES + 1)
    if len(data) > UPLOAD_MAX_BYTES:
        raise HTTPException(413, f"file larger than {UPLOAD_MAX_BYTES} bytes")
    return data


# -- orders ---------------------------------------------------------------------------------------
@router.get("/orders", dependencies=[require(*READ_ROLES)])
def list_orders(
    request: Request, user: CurrentUser, pg: PageDep,
    state: Annotated[str, Query(description="unscheduled | scheduled | in_progress | completed | failed | cancelled")] = "",
    kind: Annotated[str, Query(description="installation | feasibility | technical | removal")] = "",
    technician_id: Annotated[str, Query(max_length=36)] = "",
    from_: Annotated[str, Query(alias="from", max_length=40, description="date or ISO 8601 datetime: scheduled on or after")] = "",
    to: Annotated[str, Query(max_length=40, description="date (inclusive) or ISO 8601 datetime (exclusive)")] = "",
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


@router.post("/orders", status_code=201, dependencies=[require(*MANAGE_ROLES)])
def create_order(body: OrderIn, request: Request, user: CurrentUser) -> dict:
    """Open an order by hand: technical visits and removals of existing customers (also manual installations)."""
    return order_json(orders(request).CreateOrder(orders_pb2.CreateOrderRequest(
        kind=body.kind, ticket_id=body.ticket_id, contract_id=body.contract_id, customer_id=body.customer_id,
        connection_id=body.connection_id, customer_name=body.customer_name, customer_phone=body.customer_phone,
        customer_email=body.customer_email, address=common_pb2.Address(**body.address.model_dump()),
        zone_id=body.zone_id, notes=body.notes, actor=actor(user), **_geo(body.location))))


@router.get("/orders/{order_id}", dependencies=[require(*READ_ROLES)])
def get_order(order_id: str, request: Request, user: CurrentUser) -> dict:
    """One order with its field report, contract progress and timeline of transitions (who, when)."""
    return order_json(orders(request).GetOrder(orders_pb2.GetOrderRequest(id=order_id, actor=actor(user))))


@router.patch("/orders/{order_id}", dependencies=[require(*MANAGE_ROLES)])
def update_order(order_id: str, body: OrderPatch, request: Request, user: CurrentUser) -> dict:
    """Set the zone (for slot suggestions) or the notes of an open order."""
    req = orders_pb2.UpdateOrderRequest(id=order_id, actor=actor(user))
    if body.zone_id is not None:
        req.zone_id = body.zone_id
    if body.notes is not None:
        req.notes = body.notes
    return order_json(orders(request).UpdateOrder(req))


@router.post("/orders/{order_id}/cancel", dependencies=[require(*MANAGE_ROLES)])
def cancel_order(order_id: str, body: CancelIn, request: Request, user: CurrentUser) -> dict:
    return order_json(orders(request).CancelOrder(orders_pb2.CancelOrderRequest(id=order_id, reason=body.reason,
                                                                                actor=actor(user))))


# -- planning -------------------------------------------------------------------------------------
@router.post("/orders/{order_id}/schedule", dependencies=[require(*MANAGE_ROLES)], tags=["planning"])
def schedule_order(order_id: str, body: ScheduleIn, request: Request, user: CurrentUser) -> dict:
    """Schedule or reschedule: 409 when the technician is already booked or it falls outside their hours,
    422 in the past."""
    return order_json(orders(request).ScheduleOrder(orders_pb2.ScheduleOrderRequest(
        id=order_id, technician_id=body.technician_id, scheduled_start=body.scheduled_start,
        scheduled_end=body.scheduled_end, actor=actor(user))))


@router.post("/orders/{order_id}/unschedule", dependencies=[require(*MANAGE_ROLES)], tags=["planning"])
def unschedule_order(order_id: str, request: Request, user: CurrentUser) -> dict:
    return order_json(orders(request).UnscheduleOrder(orders_pb2.UnscheduleOrderRequest(id=order_id,
                                                                                        actor=actor(user))))


@router.get("/orders/{order_id}/slot-suggestions", dependencies=[require(*MANAGE_ROLES)], tags=["planning"])
def suggest_slots(order_id: str, request: Request,
                  from_: Annotated[str, Query(alias="from", max_length=10, description="first day, YYYY-MM-DD")] = "",
                  days: Annotated[int, Query(ge=1, le=31)] = 7,
                  duration_minutes: Annotated[int, Query(ge=15, le=720)] = 120,
                  limit: Annotated[int, Query(ge=1, le=200)] = 20,
                  zone_id: Annotated[str, Query(max_length=36, description="default: the order's zone")] = "") -> dict:
    """The earliest free slots of the technicians covering the order's zone."""
    req = orders_pb2.SuggestSlotsRequest(order_id=order_id, days=days, duration_minutes=duration_minutes, limit=limit,
                                         zone_id=zone_id)
    setattr(req, "from", from_)
    resp = orders(request).SuggestSlots(req)
    return {"zone_id": resp.zone_id or None, "items": [to_dict(s) for s in resp.slots]}


@router.get("/planning/unscheduled", dependencies=[require(*MANAGE_ROLES)], tags=["planning"])
def unscheduled(request: Request, user: CurrentUser, pg: PageDep,
                kind: Annotated[str, Query(description="installation | feasibility | technical | removal")] = "") -> dict:
    """The orders waiting to be planned."""
    resp = orders(request).ListOrders(orders_pb2.ListOrdersRequest(
        page={"limit": pg.limit, "cursor": pg.cursor}, state="unscheduled", kind=kind, actor=actor(user)))
    return page_body([order_json(x) for x in resp.items], resp.next_cursor)


@router.get("/planning/calendar", dependencies=[require(*MANAGE_ROLES, "sales")], tags=["planning"])
def calendar(request: Request,
             date: Annotated[str, Query(max_length=10, description="YYYY-MM-DD (the week view starts on its Monday)")] = "",
             view: Annotated[Literal["day", "week"], Query()] = "week",
             technician_id: Annotated[str, Query(max_length=36)] = "",
             zone_id: Annotated[str, Query(max_length=36)] = "") -> dict:
    """Per technician: working hours, bookings and free spans for a day or a week."""
    cal = orders(request).GetCalendar(orders_pb2.GetCalendarRequest(date=date, view=view, technician_id=technician_id,
                                                                    zone_id=zone_id))
    return to_dict(cal)


@router.get("/technicians", dependencies=[require(*MANAGE_ROLES, "sales")], tags=["planning"])
def list_technicians(request: Request, pg: PageDep, zone_id: Annotated[str, Query(max_length=36)] = "",
                     user_id: Annotated[str, Query(max_length=36)] = "") -> dict:
    resp = orders(request).ListTechnicians(orders_pb2.ListTechniciansRequest(
        page={"limit": pg.limit, "cursor": pg.cursor}, zone_id=zone_id, user_id=user_id))
    return page_body([to_dict(t) for t in resp.items], resp.next_cursor)


@router.post("/technicians", status_code=201, dependencies=[require(*MANAGE_ROLES)], tags=["planning"])
def create_technician(body: TechnicianIn, request: Request) -> dict:
    """A technician (usually a staff user with the technician role), the zones they cover and their hours."""
    if body.user_id:  # staff users live here, in the gateway
        try:
            staff = auth.get_user(request.app.state.uow(), body.user_id)
        except NotFound:
            raise InvalidArgument("user_id: no such staff user", field_errors={"user_id": "no such staff user"}) from None
        if "technician" not in staff.roles:
            raise InvalidArgument("user_id: the user lacks the technician role",
                                  field_errors={"user_id": "the user lacks the technician role"})
    return to_dict(orders(request).CreateTechnician(orders_pb2.CreateTechnicianRequest(
        user_id=body.user_id, name=body.name, zone_ids=body.zone_ids, working_hours=_hours(body.working_hours or []),
        default_hours=body.working_hours is None, timezone=body.timezone, phone=body.phone)))


@router.get("/technicians/{technician_id}", dependencies=[require(*MANAGE_ROLES, "sales")], tags=["planning"])
def get_technician(technician_id: str, request: Request) -> dict:
    return to_dict(orders(request).GetTechnician(orders_pb2.GetTechnicianRequest(id=technician_id)))


@router.patch("/technicians/{technician_id}", dependencies=[require(*MANAGE_ROLES)], tags=["planning"])
def update_technician(technician_id: str, body: TechnicianPatch, request: Request) -> dict:
    req = orders_pb2.UpdateTechnicianRequest(id=technician_id)
    if body.name is not None:
        req.name = body.name
    if body.zone_ids is not None:
        req.set_zone_ids, req.zone_ids[:] = True, body.zone_ids
    if body.working_hours is not None:
        req.set_working_hours = True
        req.working_hours.extend(_hours(body.working_hours))
    if body.active is not None:
        req.active = body.active
    return to_dict(orders(request).UpdateTechnician(req))


# -- field app ------------------------------------------------------------------------------------
@router.get("/me/orders", dependencies=[require("technician")], tags=["field app"])
def my_orders(request: Request, user: CurrentUser,
              date: Annotated[str, Query(max_length=10, description="YYYY-MM-DD; empty: every open order")] = "") -> dict:
    """The calling technician's orders for a day."""
    resp = orders(request).ListMyOrders(orders_pb2.ListMyOrdersRequest(actor=actor(user), date=date))
    return page_body([order_json(x) for x in resp.items], None)


@router.post("/orders/{order_id}/start", dependencies=[require(*FIELD_ROLES)], tags=["field app"])
def start_order(order_id: str, request: Request, user: CurrentUser) -> dict:
    return order_json(orders(request).StartOrder(orders_pb2.StartOrderRequest(id=order_id, actor=actor(user))))


@router.post("/orders/{order_id}/report", dependencies=[require(*FIELD_ROLES)], tags=["field app"])
def report_order(order_id: str, body: ReportIn, request: Request, user: CurrentUser) -> dict:
    """Devices installed (kind, serial, MAC), optical power in dBm, FTTH seal code, notes."""
    power = "" if body.optical_power_dbm is None else str(body.optical_power_dbm)
    return order_json(orders(request).ReportOrder(orders_pb2.ReportOrderRequest(
        id=order_id, devices=[orders_pb2.OrderDevice(**d.model_dump()) for d in body.devices],
        optical_power_dbm=power, seal_code=body.seal_code, notes=body.notes, actor=actor(user))))


@router.post("/orders/{order_id}/photos", status_code=201, dependencies=[require(*FIELD_ROLES)], tags=["field app"])
async def add_photo(order_id: str, request: Request, user: CurrentUser,
                    file: Annotated[UploadFile, File(description="JPEG or PNG")]) -> dict:
    data = await _upload(file)
    photo = await run_in_threadpool(orders(request).AddPhoto, orders_pb2.AddPhotoRequest(
        id=order_id, filename=file.filename or "", content_type=file.content_type or "", data=data, actor=actor(user)))
    return to_dict(photo)


@router.get("/orders/{order_id}/photos/{photo_id}", dependencies=[require(*FIELD_ROLES, "sales")], tags=["field app"],
            response_class=Response, responses={200: {"content": {"image/jpeg": {}, "image/png": {}}}})
def get_photo(order_id: str, photo_id: str, request: Request, user: CurrentUser) -> Response:
    content = orders(request).GetPhoto(orders_pb2.GetPhotoRequest(order_id=order_id, photo_id=photo_id,
                                                                  actor=actor(user)))
    return Response(content.data, media_type=content.content_type)


@router.post("/orders/{order_id}/signature", dependencies=[require(*FIELD_ROLES)], tags=["field app"])
async def sign_order(order_id: str, request: Request, user: CurrentUser,
                     file: Annotated[UploadFile, File(description="the customer's signature, PNG or JPEG")]) -> dict:
    """The customer's signature on the installation sheet."""
    data = await _upload(file)
    order = await run_in_threadpool(orders(request).SignOrder, orders_pb2.SignOrderRequest(
        id=order_id, content_type=file.content_type or "", data=data, actor=actor(user)))
    return order_json(order)


@router.post("/orders/{order_id}/complete", dependencies=[require(*FIELD_ROLES)], tags=["field app"])
def complete_order(order_id: str, body: CompleteIn, request: Request, user: CurrentUser) -> dict:
    """Close the visit: success, or failed with a reason (feasibility: failed = not feasible, with its loss tag)."""
    return order_json(orders(request).CompleteOrder(orders_pb2.CompleteOrderRequest(
        id=order_id, result=body.result, reason=body.reason, loss_tag=body.loss_tag, actor=actor(user))))


@router.get("/orders/{order_id}/installation-sheet.pdf", dependencies=[require(*FIELD_ROLES, "sales")],
            tags=["field app"], response_class=Response, responses={200: {"content": {"application/pdf": {}}}})
def installation_sheet(order_id: str, request: Request, user: CurrentUser,
                       lang: Annotated[Literal["es", "en"], Query()] = "es") -> Response:
    """The installation sheet (hoja de instalación) as PDF, from the editable template."""
    content = orders(request).GetInstallationSheet(orders_pb2.GetInstallationSheetRequest(id=order_id, lang=lang,
                                                                                          actor=actor(user)))
    return Response(content.data, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{content.filename}"'})


@router.get("/installation-sheet-templates/{lang}", dependencies=[require(*MANAGE_ROLES)], tags=["field app"])
def get_sheet_template(lang: Literal["es", "en"], request: Request) -> dict:
    """The installation sheet's Jinja2 HTML template and the tags it may use."""
    return to_dict(orders(request).GetSheetTemplate(orders_pb2.GetSheetTemplateRequest(lang=lang)))


@router.put("/installation-sheet-templates/{lang}", dependencies=[require(*MANAGE_ROLES)], tags=["field app"])
def set_sheet_template(lang: Literal["es", "en"], body: TemplateIn, request: Request, user: CurrentUser) -> dict:
    return to_dict(orders(request).SetSheetTemplate(orders_pb2.SetSheetTemplateRequest(lang=lang, html=body.html,
                                                                                       actor=actor(user))))


# -- contract from the order ----------------------------------------------------------------------
@router.post("/orders/{order_id}/contract", dependencies=[require(*MANAGE_ROLES, "sales")])
def request_contract(order_id: str, body: ContractIn, request: Request, user: CurrentUser) -> dict:
    """Ask billing (customer + contract) and network (connection) for the contract of an installation order.
    Ids are null until they answer; follow `contract` on the order."""
    resp = orders(request).RequestContract(orders_pb2.RequestContractRequest(
        id=order_id, billing_profile_id=body.billing_profile_id,
        customer=orders_pb2.ContractCustomerData(**body.customer.model_dump()),
        connection=orders_pb2.ContractConnectionData(**body.connection.model_dump()),
        installation_fee=body.installation_fee, installation_instalments=body.installation_instalments,
        currency=body.currency, actor=actor(user)))
    return {"contract_id": resp.contract_id or None, "customer_id": resp.customer_id or None,
            "connection_id": resp.connection_id or None, "order": order_json(resp.order)}


# -- equipment stock ------------------------------------------------------------------------------
def stock_json(item) -> dict:
    return _nulls(to_dict(item), ("technician_id", "order_id", "contract_id", "installed_at"))


@router.get("/stock-items", dependencies=[require(*MANAGE_ROLES)], tags=["stock"])
def list_stock(request: Request, pg: PageDep,
               status: Annotated[str, Query(description="in_warehouse | with_technician | installed")] = "",
               technician_id: Annotated[str, Query(max_length=36)] = "",
               serial: Annotated[str, Query(max_length=64)] = "",
               kind: Annotated[str, Query(max_length=40)] = "") -> dict:
    resp = orders(request).ListStockItems(orders_pb2.ListStockItemsRequest(
        page={"limit": pg.limit, "cursor": pg.cursor}, status=status, technician_id=technician_id, serial=serial,
        kind=kind))
    return page_body([stock_json(x) for x in resp.items], resp.next_cursor)


@router.post("/stock-items", status_code=201, dependencies=[require(*MANAGE_ROLES)], tags=["stock"])
def create_stock_item(body: StockItemIn, request: Request) -> dict:
    return stock_json(orders(request).CreateStockItem(orders_pb2.CreateStockItemRequest(**body.model_dump())))


@router.post("/stock-items/{item_id}/assign", dependencies=[require(*MANAGE_ROLES)], tags=["stock"])
def assign_stock_item(item_id: str, body: AssignIn, request: Request) -> dict:
    """Hand the item to a technician."""
    return stock_json(orders(request).AssignStockItem(orders_pb2.AssignStockItemRequest(
        id=item_id, technician_id=body.technician_id)))


@router.post("/stock-items/{item_id}/return", dependencies=[require(*MANAGE_ROLES)], tags=["stock"])
def return_stock_item(item_id: str, body: ReturnIn, request: Request) -> dict:
    """Back to the warehouse from a technician (installed items come back through a removal order)."""
    return stock_json(orders(request).ReturnStockItem(orders_pb2.ReturnStockItemRequest(
        id=item_id, warehouse=body.warehouse)))


# -- help desk ------------------------------------------------------------------------------------
def ticket_json(ticket) -> dict:
    return _nulls(to_dict(ticket), ("contract_id", "assignee_id", "created_by"))


@router.get("/support-tickets", dependencies=[require(*DESK_ROLES)], tags=["help desk"])
def list_support_tickets(request: Request, pg: PageDep,
                         status: Annotated[str, Query(description="open | in_progress | resolved | closed")] = "",
                         customer_id: Annotated[str, Query(max_length=36)] = "",
                         assignee_id: Annotated[str, Query(max_length=36)] = "",
                         priority: Annotated[str, Query(description="low | normal | high | urgent")] = "") -> dict:
    resp = orders(request).ListSupportTickets(orders_pb2.ListSupportTicketsRequest(
        page={"limit": pg.limit, "cursor": pg.cursor}, status=status, customer_id=customer_id,
        assignee_id=assignee_id, priority=priority))
    return page_body([ticket_json(x) for x in resp.items], resp.next_cursor)


@router.post("/support-tickets", status_code=201, dependencies=[require(*DESK_ROLES)], tags=["help desk"])
def create_support_ticket(body: SupportTicketIn, request: Request, user: CurrentUser) -> dict:
    return ticket_json(orders(request).CreateSupportTicket(orders_pb2.CreateSupportTicketRequest(
        **body.model_dump(), actor=actor(user))))


@router.get("/support-tickets/{ticket_id}", dependencies=[require(*DESK_ROLES)], tags=["help desk"])
def get_support_ticket(ticket_id: str, request: Request) -> dict:
    return ticket_json(orders(request).GetSupportTicket(orders_pb2.GetSupportTicketRequest(id=ticket_id)))


@router.patch("/support-tickets/{ticket_id}", dependencies=[require(*DESK_ROLES)], tags=["help desk"])
def update_support_ticket(ticket_id: str, body: SupportTicketPatch, request: Request, user: CurrentUser) -> dict:
    """Change status (open, in_progress, resolved, closed), priority or assignee."""
    req = orders_pb2.UpdateSupportTicketRequest(id=ticket_id, actor=actor(user))
    for key, value in body.model_dump(exclude_none=True).items():
        setattr(req, key, value)
    return ticket_json(orders(request).UpdateSupportTicket(req))


@router.post("/support-tickets/{ticket_id}/comments", status_code=201, dependencies=[require(*DESK_ROLES)],
             tags=["help desk"])
def comment_support_ticket(ticket_id: str, body: CommentIn, request: Request, user: CurrentUser) -> dict:
    return ticket_json(orders(request).AddSupportTicketComment(orders_pb2.AddSupportTicketCommentRequest(
        id=ticket_id, text=body.text, actor=actor(user))))


@router.post("/support-tickets/{ticket_id}/orders", status_code=201, dependencies=[require(*MANAGE_ROLES)],
             tags=["help desk"])
def order_from_support_ticket(ticket_id: str, body: TicketOrderIn, request: Request, user: CurrentUser) -> dict:
    """A technical visit or a removal for the ticket's customer."""
    return order_json(orders(request).CreateOrderFromSupportTicket(orders_pb2.CreateOrderFromSupportTicketRequest(
        id=ticket_id, kind=body.kind, notes=body.notes, address=common_pb2.Address(**body.address.model_dump()),
        zone_id=body.zone_id, connection_id=body.connection_id, actor=actor(user), **_geo(body.location))))
