"""gRPC entry point: translate messages to use-case calls and back."""
from __future__ import annotations

from antena.orders.v1 import orders_pb2, orders_pb2_grpc
from antena_common.errors import InvalidArgument

from ..app import contracts, field, helpdesk, orders as order_cases, planning, stock
from ..adapters.sheet import TAGS
from .convert import (actor_from_pb, address_from_pb, iso, order_to_pb, slot_to_pb, stock_to_pb, technician_to_pb,
                      ticket_to_pb, hours_from_pb, calendar_to_pb)

ANONYMOUS = actor_from_pb(orders_pb2.Actor())


def _nul_field(message, prefix=""):
    """The first string field (recursively) holding a NUL character: databases refuse those."""
    for desc, value in message.ListFields():
        name = prefix + desc.name
        if desc.type == desc.TYPE_STRING:
            values = value if desc.is_repeated else [value]
            if any("\x00" in v for v in values):
                return name
        elif desc.type == desc.TYPE_MESSAGE:
            for item in (value if desc.is_repeated else [value]):
                found = _nul_field(item, name + ".")
                if found:
                    return found
    return None


def _guarded(method):
    def call(request, context):
        bad = _nul_field(request)
        if bad:
            raise InvalidArgument(f"{bad}: contains a NUL character", field_errors={bad: "contains a NUL character"})
        return method(request, context)
    return call


def _actor(request):
    return actor_from_pb(request.actor) if request.HasField("actor") else ANONYMOUS


def _location(request):
    if request.has_location:
        return request.location.lat, request.location.lon
    return None, None


class OrdersServicer(orders_pb2_grpc.OrdersServiceServicer):
    def __init__(self, uow_factory, settings, files, billing):
        self.uow = uow_factory
        self.settings = settings
        self.files = files
        self.billing = billing
        for method in orders_pb2.DESCRIPTOR.services_by_name["OrdersService"].methods:
            setattr(self, method.name, _guarded(getattr(self, method.name)))

    # -- orders -----------------------------------------------------------------------------
    def _order(self, order, with_timeline=False):
        with self.uow() as uow:
            photos = uow.orders.photos(order.id)
            timeline = uow.orders.timeline(order.id) if with_timeline else None
            tech = uow.technicians.get(order.technician_id) if order.technician_id else None
        return order_to_pb(order, timeline, photos=photos, technician_name=tech.name if tech else "")

    def ListOrders(self, request, context):
        items, next_cursor = order_cases.list_orders(
            self.uow(), state=request.state, kind=request.kind, technician_id=request.technician_id,
            start=getattr(request, "from"), end=request.to, ticket_id=request.ticket_id,
            support_ticket_id=request.support_ticket_id, limit=request.page.limit, cursor=request.page.cursor,
            actor=actor_from_pb(request.actor) if request.HasField("actor") else None)
        return orders_pb2.ListOrdersResponse(items=[order_to_pb(o) for o in items], next_cursor=next_cursor)

    def GetOrder(self, request, context):
        order, _timeline = order_cases.get_order(self.uow(), request.id,
                                                 actor_from_pb(request.actor) if request.HasField("actor") else None)
        return self._order(order, with_timeline=True)

    def CreateOrder(self, request, context):
        lat, lon = _location(request)
        order = order_cases.create_order(self.uow(), order_cases.CreateOrder(
            kind=request.kind, ticket_id=request.ticket_id, contract_id=request.contract_id,
            customer_id=request.customer_id, connection_id=request.connection_id, customer_name=request.customer_name,
            customer_phone=request.customer_phone, customer_email=request.customer_email,
            address=address_from_pb(request.address), lat=lat, lon=lon, zone_id=request.zone_id, notes=request.notes,
            support_ticket_id=request.support_ticket_id), _actor(request))
        return self._order(order, with_timeline=True)

    def UpdateOrder(self, request, context):
        order = order_cases.update_order(
            self.uow(), request.id, zone_id=request.zone_id if request.HasField("zone_id") else None,
            notes=request.notes if request.HasField("notes") else None, actor=_actor(request))
        return self._order(order, with_timeline=True)

    def CancelOrder(self, request, context):
        return self._order(order_cases.cancel_order(self.uow(), request.id, request.reason, _actor(request)), True)

    # -- planning ---------------------------------------------------------------------------
    def ScheduleOrder(self, request, context):
        order = planning.schedule_order(self.uow(), request.id, technician_id=request.technician_id,
                                        start=request.scheduled_start, end=request.scheduled_end, actor=_actor(request))
        return self._order(order, with_timeline=True)

    def UnscheduleOrder(self, request, context):
        return self._order(planning.unschedule_order(self.uow(), request.id, _actor(request)), True)

    def SuggestSlots(self, request, context):
        slots, zone = planning.suggest_slots(self.uow(), request.order_id, start_day=getattr(request, "from"),
                                             days=request.days, duration_minutes=request.duration_minutes,
                                             limit=request.limit, zone_id=request.zone_id)
        return orders_pb2.SuggestSlotsResponse(slots=[slot_to_pb(*s) for s in slots], zone_id=zone)

    def GetCalendar(self, request, context):
        return calendar_to_pb(planning.calendar(self.uow(), date=request.date, view=request.view,
                                                technician_id=request.technician_id, zone_id=request.zone_id))

    def CreateTechnician(self, request, context):
        hours = None if request.default_hours or not request.working_hours else hours_from_pb(request.working_hours)
        tech = planning.create_technician(self.uow(), name=request.name, user_id=request.user_id,
                                          zone_ids=list(request.zone_ids), working_hours=hours,
                                          timezone=request.timezone or "UTC", phone=request.phone)
        return technician_to_pb(tech)

    def UpdateTechnician(self, request, context):
        tech = planning.update_technician(
            self.uow(), request.id, name=request.name if request.HasField("name") else None,
            zone_ids=list(request.zone_ids) if request.set_zone_ids else None,
            working_hours=hours_from_pb(request.working_hours) if request.set_working_hours else None,
            active=request.active if request.HasField("active") else None)
        return technician_to_pb(tech)

    def GetTechnician(self, request, context):
        return technician_to_pb(planning.get_technician(self.uow(), request.id))

    def ListTechnicians(self, request, context):
        items, next_cursor = planning.list_technicians(self.uow(), zone_id=request.zone_id, user_id=request.user_id,
                                                       limit=request.page.limit, cursor=request.page.cursor)
        return orders_pb2.ListTechniciansResponse(items=[technician_to_pb(t) for t in items], next_cursor=next_cursor)

    # -- field app --------------------------------------------------------------------------
    def ListMyOrders(self, request, context):
        items = field.my_orders(self.uow(), _actor(request), request.date)
        return orders_pb2.ListOrdersResponse(items=[self._order(o) for o in items])

    def StartOrder(self, request, context):
        return self._order(field.start_order(self.uow(), request.id, _actor(request)), True)

    def ReportOrder(self, request, context):
        order = field.report_order(
            self.uow(), request.id, devices=[{"kind": d.kind, "serial": d.serial, "mac": d.mac} for d in request.devices],
            optical_power_dbm=request.optical_power_dbm, seal_code=request.seal_code, notes=request.notes,
            actor=_actor(request))
        return self._order(order, True)

    def AddPhoto(self, request, context):
        photo = field.add_photo(self.uow(), self.files, request.id, filename=request.filename, data=request.data,
                                actor=_actor(request), max_bytes=self.settings.photo_max_bytes)
        return orders_pb2.Photo(id=photo.id, filename=photo.filename, content_type=photo.content_type, size=photo.size,
                                uploaded_at=iso(photo.uploaded_at))

    def GetPhoto(self, request, context):
        photo, data = field.get_photo(self.uow(), self.files, request.order_id, request.photo_id, _actor(request))
        return orders_pb2.FileContent(filename=photo.filename, content_type=photo.content_type, data=data)

    def SignOrder(self, request, context):
        order = field.sign_order(self.uow(), self.files, request.id, data=request.data, actor=_actor(request),
                                 max_bytes=self.settings.signature_max_bytes)
        return self._order(order, True)

    def CompleteOrder(self, request, context):
        order = field.complete_order(self.uow(), request.id, result=request.result, reason=request.reason,
                                     loss_tag=request.loss_tag, actor=_actor(request))
        return self._order(order, True)

    def GetInstallationSheet(self, request, context):
        pdf = field.installation_sheet(self.uow(), self.files, self.billing, request.id, lang=request.lang or "es",
                                       actor=_actor(request))
        name = "hoja-instalacion" if (request.lang or "es") == "es" else "installation-sheet"
        return orders_pb2.FileContent(filename=f"{name}-{request.id}.pdf", content_type="application/pdf", data=pdf)

    def GetSheetTemplate(self, request, context):
        html, is_default = field.sheet_template(self.uow(), request.lang or "es")
        return orders_pb2.SheetTemplate(lang=request.lang or "es", html=html, is_default=is_default, tags=TAGS)

    def SetSheetTemplate(self, request, context):
        html, is_default = field.set_sheet_template(self.uow(), request.lang or "es", request.html, _actor(request))
        return orders_pb2.SheetTemplate(lang=request.lang or "es", html=html, is_default=is_default, tags=TAGS)

    # -- contract ---------------------------------------------------------------------------
    def RequestContract(self, request, context):
        c, n = request.customer, request.connection
        order = contracts.request_contract(self.uow(), self.billing, request.id, contracts.ContractRequest(
            billing_profile_id=request.billing_profile_id,
            customer={"name": c.name, "document": c.document, "email": c.email, "phone": c.phone,
                      "fiscal_id": c.fiscal_id},
            connection={"zone_id": n.zone_id, "mode": n.mode, "ip": n.ip, "nap_box_id": n.nap_box_id,
                        "nap_port": n.nap_port, "cpe_mac": n.cpe_mac},
            installation_fee=request.installation_fee, installation_instalments=request.installation_instalments,
            currency=request.currency), _actor(request))
        return orders_pb2.RequestContractResponse(contract_id=order.contract_id, customer_id=order.customer_id,
                                                  connection_id=order.connection_id, order=self._order(order, True))

    # -- stock ------------------------------------------------------------------------------
    def CreateStockItem(self, request, context):
        return stock_to_pb(stock.create_item(self.uow(), kind=request.kind, serial=request.serial, mac=request.mac,
                                             model=request.model, warehouse=request.warehouse))

    def ListStockItems(self, request, context):
        items, next_cursor = stock.list_items(self.uow(), status=request.status, technician_id=request.technician_id,
                                              serial=request.serial, kind=request.kind, limit=request.page.limit,
                                              cursor=request.page.cursor)
        return orders_pb2.ListStockItemsResponse(items=[stock_to_pb(x) for x in items], next_cursor=next_cursor)

    def AssignStockItem(self, request, context):
        return stock_to_pb(stock.assign_item(self.uow(), request.id, request.technician_id))

    def ReturnStockItem(self, request, context):
        return stock_to_pb(stock.return_item(self.uow(), request.id, request.warehouse))

    # -- help desk --------------------------------------------------------------------------
    def _ticket(self, ticket_id, customer_id=""):
        return ticket_to_pb(*helpdesk.get_ticket(self.uow(), ticket_id, customer_id))

    def CreateSupportTicket(self, request, context):
        actor = _actor(request)
        ticket = helpdesk.open_ticket(self.uow(), customer_id=request.customer_id, subject=request.subject,
                                      description=request.description, contract_id=request.contract_id,
                                      customer_name=request.customer_name, customer_email=request.customer_email,
                                      priority=request.priority, assignee_id=request.assignee_id, channel="staff",
                                      created_by=actor.user_id)
        return self._ticket(ticket.id)

    def ListSupportTickets(self, request, context):
        items, next_cursor = helpdesk.list_tickets(self.uow(), status=request.status, customer_id=request.customer_id,
                                                   assignee_id=request.assignee_id, priority=request.priority,
                                                   limit=request.page.limit, cursor=request.page.cursor)
        return orders_pb2.ListSupportTicketsResponse(items=[ticket_to_pb(t) for t in items], next_cursor=next_cursor)

    def GetSupportTicket(self, request, context):
        return self._ticket(request.id, request.customer_id)

    def UpdateSupportTicket(self, request, context):
        ticket = helpdesk.update_ticket(
            self.uow(), request.id, status=request.status if request.HasField("status") else None,
            priority=request.priority if request.HasField("priority") else None,
            assignee_id=request.assignee_id if request.HasField("assignee_id") else None)
        return self._ticket(ticket.id)

    def AddSupportTicketComment(self, request, context):
        ticket = helpdesk.comment(self.uow(), request.id, request.text, author_id=_actor(request).user_id,
                                  customer_id=request.customer_id)
        return self._ticket(ticket.id, request.customer_id)

    def CreateOrderFromSupportTicket(self, request, context):
        lat, lon = _location(request)
        order = helpdesk.order_from_ticket(self.uow(), request.id, kind=request.kind, notes=request.notes,
                                           address=address_from_pb(request.address), lat=lat, lon=lon,
                                           zone_id=request.zone_id, connection_id=request.connection_id,
                                           actor=_actor(request))
        return self._order(order, True)

    def OpenCustomerSupportTicket(self, request, context):
        ticket = helpdesk.open_ticket(self.uow(), customer_id=request.customer_id, subject=request.subject,
                                      description=request.description, contract_id=request.contract_id,
                                      customer_name=request.customer_name, customer_email=request.customer_email,
                                      priority=request.priority, channel="portal", created_by="")
        return self._ticket(ticket.id, request.customer_id)

    def ListCustomerSupportTickets(self, request, context):
        if not request.customer_id:
            raise InvalidArgument("customer_id: is required", field_errors={"customer_id": "is required"})
        items, next_cursor = helpdesk.list_tickets(self.uow(), status=request.status, customer_id=request.customer_id,
                                                   limit=request.page.limit, cursor=request.page.cursor)
        return orders_pb2.ListSupportTicketsResponse(items=[ticket_to_pb(t) for t in items], next_cursor=next_cursor)


def register(uow_factory, settings, files, billing):
    return (orders_pb2_grpc.add_OrdersServiceServicer_to_server, OrdersServicer(uow_factory, settings, files, billing),
            orders_pb2.DESCRIPTOR.services_by_name["OrdersService"].full_name)
