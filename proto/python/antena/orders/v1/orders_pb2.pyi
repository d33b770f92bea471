from antena.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Actor(_message.Message):
    __slots__ = ("user_id", "roles", "name")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    name: str
    def __init__(self, user_id: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., name: _Optional[str] = ...) -> None: ...

class TimelineEntry(_message.Message):
    __slots__ = ("at", "action", "from_state", "to_state", "actor_user_id", "detail")
    AT_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    FROM_STATE_FIELD_NUMBER: _ClassVar[int]
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_USER_ID_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    at: str
    action: str
    from_state: str
    to_state: str
    actor_user_id: str
    detail: str
    def __init__(self, at: _Optional[str] = ..., action: _Optional[str] = ..., from_state: _Optional[str] = ..., to_state: _Optional[str] = ..., actor_user_id: _Optional[str] = ..., detail: _Optional[str] = ...) -> None: ...

class OrderDevice(_message.Message):
    __slots__ = ("kind", "serial", "mac")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SERIAL_FIELD_NUMBER: _ClassVar[int]
    MAC_FIELD_NUMBER: _ClassVar[int]
    kind: str
    serial: str
    mac: str
    def __init__(self, kind: _Optional[str] = ..., serial: _Optional[str] = ..., mac: _Optional[str] = ...) -> None: ...

class Photo(_message.Message):
    __slots__ = ("id", "filename", "content_type", "size", "uploaded_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    filename: str
    content_type: str
    size: int
    uploaded_at: str
    def __init__(self, id: _Optional[str] = ..., filename: _Optional[str] = ..., content_type: _Optional[str] = ..., size: _Optional[int] = ..., uploaded_at: _Optional[str] = ...) -> None: ...

class OrderReport(_message.Message):
    __slots__ = ("devices", "optical_power_dbm", "seal_code", "notes", "photos", "signed", "signed_at")
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    OPTICAL_POWER_DBM_FIELD_NUMBER: _ClassVar[int]
    SEAL_CODE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    PHOTOS_FIELD_NUMBER: _ClassVar[int]
    SIGNED_FIELD_NUMBER: _ClassVar[int]
    SIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    devices: _containers.RepeatedCompositeFieldContainer[OrderDevice]
    optical_power_dbm: str
    seal_code: str
    notes: str
    photos: _containers.RepeatedCompositeFieldContainer[Photo]
    signed: bool
    signed_at: str
    def __init__(self, devices: _Optional[_Iterable[_Union[OrderDevice, _Mapping]]] = ..., optical_power_dbm: _Optional[str] = ..., seal_code: _Optional[str] = ..., notes: _Optional[str] = ..., photos: _Optional[_Iterable[_Union[Photo, _Mapping]]] = ..., signed: _Optional[bool] = ..., signed_at: _Optional[str] = ...) -> None: ...

class ContractProgress(_message.Message):
    __slots__ = ("state", "request_id", "error", "pppoe_username", "wifi_ssid")
    STATE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    PPPOE_USERNAME_FIELD_NUMBER: _ClassVar[int]
    WIFI_SSID_FIELD_NUMBER: _ClassVar[int]
    state: str
    request_id: str
    error: str
    pppoe_username: str
    wifi_ssid: str
    def __init__(self, state: _Optional[str] = ..., request_id: _Optional[str] = ..., error: _Optional[str] = ..., pppoe_username: _Optional[str] = ..., wifi_ssid: _Optional[str] = ...) -> None: ...

class Order(_message.Message):
    __slots__ = ("id", "kind", "state", "ticket_id", "contract_id", "address", "location", "has_location", "technician_id", "scheduled_start", "scheduled_end", "result_reason", "request_id", "lead_id", "prospect_id", "customer_name", "customer_document", "customer_phone", "customer_email", "plan_id", "recurring_item_ids", "discount_ids", "notes", "zone_id", "customer_id", "connection_id", "contract", "started_at", "finished_at", "feasible", "loss_tag", "support_ticket_id", "report", "timeline", "created_at", "updated_at", "technician_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    HAS_LOCATION_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_START_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_END_FIELD_NUMBER: _ClassVar[int]
    RESULT_REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    PROSPECT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_PHONE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_IDS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    FEASIBLE_FIELD_NUMBER: _ClassVar[int]
    LOSS_TAG_FIELD_NUMBER: _ClassVar[int]
    SUPPORT_TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    state: str
    ticket_id: str
    contract_id: str
    address: _common_pb2.Address
    location: _common_pb2.GeoPoint
    has_location: bool
    technician_id: str
    scheduled_start: str
    scheduled_end: str
    result_reason: str
    request_id: str
    lead_id: str
    prospect_id: str
    customer_name: str
    customer_document: str
    customer_phone: str
    customer_email: str
    plan_id: str
    recurring_item_ids: _containers.RepeatedScalarFieldContainer[str]
    discount_ids: _containers.RepeatedScalarFieldContainer[str]
    notes: str
    zone_id: str
    customer_id: str
    connection_id: str
    contract: ContractProgress
    started_at: str
    finished_at: str
    feasible: str
    loss_tag: str
    support_ticket_id: str
    report: OrderReport
    timeline: _containers.RepeatedCompositeFieldContainer[TimelineEntry]
    created_at: str
    updated_at: str
    technician_name: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., state: _Optional[str] = ..., ticket_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., has_location: _Optional[bool] = ..., technician_id: _Optional[str] = ..., scheduled_start: _Optional[str] = ..., scheduled_end: _Optional[str] = ..., result_reason: _Optional[str] = ..., request_id: _Optional[str] = ..., lead_id: _Optional[str] = ..., prospect_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., customer_document: _Optional[str] = ..., customer_phone: _Optional[str] = ..., customer_email: _Optional[str] = ..., plan_id: _Optional[str] = ..., recurring_item_ids: _Optional[_Iterable[str]] = ..., discount_ids: _Optional[_Iterable[str]] = ..., notes: _Optional[str] = ..., zone_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., connection_id: _Optional[str] = ..., contract: _Optional[_Union[ContractProgress, _Mapping]] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ..., feasible: _Optional[str] = ..., loss_tag: _Optional[str] = ..., support_ticket_id: _Optional[str] = ..., report: _Optional[_Union[OrderReport, _Mapping]] = ..., timeline: _Optional[_Iterable[_Union[TimelineEntry, _Mapping]]] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., technician_name: _Optional[str] = ...) -> None: ...

class ListOrdersRequest(_message.Message):
    __slots__ = ("page", "state", "kind", "technician_id", "to", "ticket_id", "support_ticket_id", "actor")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    SUPPORT_TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    state: str
    kind: str
    technician_id: str
    to: str
    ticket_id: str
    support_ticket_id: str
    actor: Actor
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., state: _Optional[str] = ..., kind: _Optional[str] = ..., technician_id: _Optional[str] = ..., to: _Optional[str] = ..., ticket_id: _Optional[str] = ..., support_ticket_id: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ..., **kwargs) -> None: ...

class ListOrdersResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Order]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Order, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class GetOrderRequest(_message.Message):
    __slots__ = ("id", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class CreateOrderRequest(_message.Message):
    __slots__ = ("kind", "ticket_id", "contract_id", "customer_id", "customer_name", "customer_phone", "customer_email", "address", "location", "has_location", "zone_id", "notes", "support_ticket_id", "connection_id", "actor")
    KIND_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_PHONE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    HAS_LOCATION_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    SUPPORT_TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    kind: str
    ticket_id: str
    contract_id: str
    customer_id: str
    customer_name: str
    customer_phone: str
    customer_email: str
    address: _common_pb2.Address
    location: _common_pb2.GeoPoint
    has_location: bool
    zone_id: str
    notes: str
    support_ticket_id: str
    connection_id: str
    actor: Actor
    def __init__(self, kind: _Optional[str] = ..., ticket_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., customer_phone: _Optional[str] = ..., customer_email: _Optional[str] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., has_location: _Optional[bool] = ..., zone_id: _Optional[str] = ..., notes: _Optional[str] = ..., support_ticket_id: _Optional[str] = ..., connection_id: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class UpdateOrderRequest(_message.Message):
    __slots__ = ("id", "zone_id", "notes", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    zone_id: str
    notes: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., zone_id: _Optional[str] = ..., notes: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class CancelOrderRequest(_message.Message):
    __slots__ = ("id", "reason", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class ScheduleOrderRequest(_message.Message):
    __slots__ = ("id", "technician_id", "scheduled_start", "scheduled_end", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_START_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_END_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    technician_id: str
    scheduled_start: str
    scheduled_end: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., technician_id: _Optional[str] = ..., scheduled_start: _Optional[str] = ..., scheduled_end: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class UnscheduleOrderRequest(_message.Message):
    __slots__ = ("id", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class Slot(_message.Message):
    __slots__ = ("technician_id", "technician_name", "start", "end")
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_NAME_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    technician_id: str
    technician_name: str
    start: str
    end: str
    def __init__(self, technician_id: _Optional[str] = ..., technician_name: _Optional[str] = ..., start: _Optional[str] = ..., end: _Optional[str] = ...) -> None: ...

class SuggestSlotsRequest(_message.Message):
    __slots__ = ("order_id", "days", "duration_minutes", "limit", "zone_id")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    DURATION_MINUTES_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    days: int
    duration_minutes: int
    limit: int
    zone_id: str
    def __init__(self, order_id: _Optional[str] = ..., days: _Optional[int] = ..., duration_minutes: _Optional[int] = ..., limit: _Optional[int] = ..., zone_id: _Optional[str] = ..., **kwargs) -> None: ...

class SuggestSlotsResponse(_message.Message):
    __slots__ = ("slots", "zone_id")
    SLOTS_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    slots: _containers.RepeatedCompositeFieldContainer[Slot]
    zone_id: str
    def __init__(self, slots: _Optional[_Iterable[_Union[Slot, _Mapping]]] = ..., zone_id: _Optional[str] = ...) -> None: ...

class Span(_message.Message):
    __slots__ = ("start", "end")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    start: str
    end: str
    def __init__(self, start: _Optional[str] = ..., end: _Optional[str] = ...) -> None: ...

class Booking(_message.Message):
    __slots__ = ("order_id", "kind", "state", "start", "end", "customer_name", "address")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    kind: str
    state: str
    start: str
    end: str
    customer_name: str
    address: _common_pb2.Address
    def __init__(self, order_id: _Optional[str] = ..., kind: _Optional[str] = ..., state: _Optional[str] = ..., start: _Optional[str] = ..., end: _Optional[str] = ..., customer_name: _Optional[str] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ...) -> None: ...

class TechnicianCalendar(_message.Message):
    __slots__ = ("technician_id", "name", "working", "bookings", "free")
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    WORKING_FIELD_NUMBER: _ClassVar[int]
    BOOKINGS_FIELD_NUMBER: _ClassVar[int]
    FREE_FIELD_NUMBER: _ClassVar[int]
    technician_id: str
    name: str
    working: _containers.RepeatedCompositeFieldContainer[Span]
    bookings: _containers.RepeatedCompositeFieldContainer[Booking]
    free: _containers.RepeatedCompositeFieldContainer[Span]
    def __init__(self, technician_id: _Optional[str] = ..., name: _Optional[str] = ..., working: _Optional[_Iterable[_Union[Span, _Mapping]]] = ..., bookings: _Optional[_Iterable[_Union[Booking, _Mapping]]] = ..., free: _Optional[_Iterable[_Union[Span, _Mapping]]] = ...) -> None: ...

class GetCalendarRequest(_message.Message):
    __slots__ = ("date", "view", "technician_id", "zone_id")
    DATE_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    date: str
    view: str
    technician_id: str
    zone_id: str
    def __init__(self, date: _Optional[str] = ..., view: _Optional[str] = ..., technician_id: _Optional[str] = ..., zone_id: _Optional[str] = ...) -> None: ...

class Calendar(_message.Message):
    __slots__ = ("to", "view", "technicians")
    FROM_FIELD_NUMBER: _ClassVar[int]
    TO_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    TECHNICIANS_FIELD_NUMBER: _ClassVar[int]
    to: str
    view: str
    technicians: _containers.RepeatedCompositeFieldContainer[TechnicianCalendar]
    def __init__(self, to: _Optional[str] = ..., view: _Optional[str] = ..., technicians: _Optional[_Iterable[_Union[TechnicianCalendar, _Mapping]]] = ..., **kwargs) -> None: ...

class WorkingHours(_message.Message):
    __slots__ = ("weekday", "start", "end")
    WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    weekday: int
    start: str
    end: str
    def __init__(self, weekday: _Optional[int] = ..., start: _Optional[str] = ..., end: _Optional[str] = ...) -> None: ...

class Technician(_message.Message):
    __slots__ = ("id", "user_id", "name", "zone_ids", "working_hours", "timezone", "phone", "active", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ZONE_IDS_FIELD_NUMBER: _ClassVar[int]
    WORKING_HOURS_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    user_id: str
    name: str
    zone_ids: _containers.RepeatedScalarFieldContainer[str]
    working_hours: _containers.RepeatedCompositeFieldContainer[WorkingHours]
    timezone: str
    phone: str
    active: bool
    created_at: str
    def __init__(self, id: _Optional[str] = ..., user_id: _Optional[str] = ..., name: _Optional[str] = ..., zone_ids: _Optional[_Iterable[str]] = ..., working_hours: _Optional[_Iterable[_Union[WorkingHours, _Mapping]]] = ..., timezone: _Optional[str] = ..., phone: _Optional[str] = ..., active: _Optional[bool] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateTechnicianRequest(_message.Message):
    __slots__ = ("user_id", "name", "zone_ids", "working_hours", "default_hours", "timezone", "phone")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ZONE_IDS_FIELD_NUMBER: _ClassVar[int]
    WORKING_HOURS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_HOURS_FIELD_NUMBER: _ClassVar[int]
    TIMEZONE_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    name: str
    zone_ids: _containers.RepeatedScalarFieldContainer[str]
    working_hours: _containers.RepeatedCompositeFieldContainer[WorkingHours]
    default_hours: bool
    timezone: str
    phone: str
    def __init__(self, user_id: _Optional[str] = ..., name: _Optional[str] = ..., zone_ids: _Optional[_Iterable[str]] = ..., working_hours: _Optional[_Iterable[_Union[WorkingHours, _Mapping]]] = ..., default_hours: _Optional[bool] = ..., timezone: _Optional[str] = ..., phone: _Optional[str] = ...) -> None: ...

class UpdateTechnicianRequest(_message.Message):
    __slots__ = ("id", "name", "set_zone_ids", "zone_ids", "set_working_hours", "working_hours", "active")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SET_ZONE_IDS_FIELD_NUMBER: _ClassVar[int]
    ZONE_IDS_FIELD_NUMBER: _ClassVar[int]
    SET_WORKING_HOURS_FIELD_NUMBER: _ClassVar[int]
    WORKING_HOURS_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    set_zone_ids: bool
    zone_ids: _containers.RepeatedScalarFieldContainer[str]
    set_working_hours: bool
    working_hours: _containers.RepeatedCompositeFieldContainer[WorkingHours]
    active: bool
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., set_zone_ids: _Optional[bool] = ..., zone_ids: _Optional[_Iterable[str]] = ..., set_working_hours: _Optional[bool] = ..., working_hours: _Optional[_Iterable[_Union[WorkingHours, _Mapping]]] = ..., active: _Optional[bool] = ...) -> None: ...

class GetTechnicianRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListTechniciansRequest(_message.Message):
    __slots__ = ("page", "zone_id", "user_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    zone_id: str
    user_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., zone_id: _Optional[str] = ..., user_id: _Optional[str] = ...) -> None: ...

class ListTechniciansResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Technician]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Technician, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class ListMyOrdersRequest(_message.Message):
    __slots__ = ("actor", "date")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    actor: Actor
    date: str
    def __init__(self, actor: _Optional[_Union[Actor, _Mapping]] = ..., date: _Optional[str] = ...) -> None: ...

class StartOrderRequest(_message.Message):
    __slots__ = ("id", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class ReportOrderRequest(_message.Message):
    __slots__ = ("id", "devices", "optical_power_dbm", "seal_code", "notes", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    OPTICAL_POWER_DBM_FIELD_NUMBER: _ClassVar[int]
    SEAL_CODE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    devices: _containers.RepeatedCompositeFieldContainer[OrderDevice]
    optical_power_dbm: str
    seal_code: str
    notes: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., devices: _Optional[_Iterable[_Union[OrderDevice, _Mapping]]] = ..., optical_power_dbm: _Optional[str] = ..., seal_code: _Optional[str] = ..., notes: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class AddPhotoRequest(_message.Message):
    __slots__ = ("id", "filename", "content_type", "data", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    filename: str
    content_type: str
    data: bytes
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., filename: _Optional[str] = ..., content_type: _Optional[str] = ..., data: _Optional[bytes] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class GetPhotoRequest(_message.Message):
    __slots__ = ("order_id", "photo_id", "actor")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PHOTO_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    photo_id: str
    actor: Actor
    def __init__(self, order_id: _Optional[str] = ..., photo_id: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class FileContent(_message.Message):
    __slots__ = ("filename", "content_type", "data")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    filename: str
    content_type: str
    data: bytes
    def __init__(self, filename: _Optional[str] = ..., content_type: _Optional[str] = ..., data: _Optional[bytes] = ...) -> None: ...

class SignOrderRequest(_message.Message):
    __slots__ = ("id", "content_type", "data", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    content_type: str
    data: bytes
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., content_type: _Optional[str] = ..., data: _Optional[bytes] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class CompleteOrderRequest(_message.Message):
    __slots__ = ("id", "result", "reason", "loss_tag", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LOSS_TAG_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    result: str
    reason: str
    loss_tag: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., result: _Optional[str] = ..., reason: _Optional[str] = ..., loss_tag: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class GetInstallationSheetRequest(_message.Message):
    __slots__ = ("id", "lang", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    LANG_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    lang: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., lang: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class SheetTemplate(_message.Message):
    __slots__ = ("lang", "html", "is_default", "tags")
    LANG_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    lang: str
    html: str
    is_default: bool
    tags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, lang: _Optional[str] = ..., html: _Optional[str] = ..., is_default: _Optional[bool] = ..., tags: _Optional[_Iterable[str]] = ...) -> None: ...

class GetSheetTemplateRequest(_message.Message):
    __slots__ = ("lang",)
    LANG_FIELD_NUMBER: _ClassVar[int]
    lang: str
    def __init__(self, lang: _Optional[str] = ...) -> None: ...

class SetSheetTemplateRequest(_message.Message):
    __slots__ = ("lang", "html", "actor")
    LANG_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    lang: str
    html: str
    actor: Actor
    def __init__(self, lang: _Optional[str] = ..., html: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class ContractCustomerData(_message.Message):
    __slots__ = ("name", "document", "email", "phone", "fiscal_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    FISCAL_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    document: str
    email: str
    phone: str
    fiscal_id: str
    def __init__(self, name: _Optional[str] = ..., document: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., fiscal_id: _Optional[str] = ...) -> None: ...

class ContractConnectionData(_message.Message):
    __slots__ = ("zone_id", "mode", "ip", "nap_box_id", "nap_port", "cpe_mac")
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    IP_FIELD_NUMBER: _ClassVar[int]
    NAP_BOX_ID_FIELD_NUMBER: _ClassVar[int]
    NAP_PORT_FIELD_NUMBER: _ClassVar[int]
    CPE_MAC_FIELD_NUMBER: _ClassVar[int]
    zone_id: str
    mode: str
    ip: str
    nap_box_id: str
    nap_port: int
    cpe_mac: str
    def __init__(self, zone_id: _Optional[str] = ..., mode: _Optional[str] = ..., ip: _Optional[str] = ..., nap_box_id: _Optional[str] = ..., nap_port: _Optional[int] = ..., cpe_mac: _Optional[str] = ...) -> None: ...

class RequestContractRequest(_message.Message):
    __slots__ = ("id", "billing_profile_id", "customer", "connection", "installation_fee", "installation_instalments", "currency", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    BILLING_PROFILE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_FEE_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_INSTALMENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    billing_profile_id: str
    customer: ContractCustomerData
    connection: ContractConnectionData
    installation_fee: str
    installation_instalments: int
    currency: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., billing_profile_id: _Optional[str] = ..., customer: _Optional[_Union[ContractCustomerData, _Mapping]] = ..., connection: _Optional[_Union[ContractConnectionData, _Mapping]] = ..., installation_fee: _Optional[str] = ..., installation_instalments: _Optional[int] = ..., currency: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class RequestContractResponse(_message.Message):
    __slots__ = ("contract_id", "customer_id", "connection_id", "order")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    customer_id: str
    connection_id: str
    order: Order
    def __init__(self, contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., connection_id: _Optional[str] = ..., order: _Optional[_Union[Order, _Mapping]] = ...) -> None: ...

class StockItem(_message.Message):
    __slots__ = ("id", "kind", "serial", "mac", "model", "status", "warehouse", "technician_id", "order_id", "contract_id", "installed_at", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SERIAL_FIELD_NUMBER: _ClassVar[int]
    MAC_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    INSTALLED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    serial: str
    mac: str
    model: str
    status: str
    warehouse: str
    technician_id: str
    order_id: str
    contract_id: str
    installed_at: str
    created_at: str
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., serial: _Optional[str] = ..., mac: _Optional[str] = ..., model: _Optional[str] = ..., status: _Optional[str] = ..., warehouse: _Optional[str] = ..., technician_id: _Optional[str] = ..., order_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., installed_at: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class CreateStockItemRequest(_message.Message):
    __slots__ = ("kind", "serial", "mac", "model", "warehouse")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SERIAL_FIELD_NUMBER: _ClassVar[int]
    MAC_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_FIELD_NUMBER: _ClassVar[int]
    kind: str
    serial: str
    mac: str
    model: str
    warehouse: str
    def __init__(self, kind: _Optional[str] = ..., serial: _Optional[str] = ..., mac: _Optional[str] = ..., model: _Optional[str] = ..., warehouse: _Optional[str] = ...) -> None: ...

class ListStockItemsRequest(_message.Message):
    __slots__ = ("page", "status", "technician_id", "serial", "kind")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    SERIAL_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    status: str
    technician_id: str
    serial: str
    kind: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., status: _Optional[str] = ..., technician_id: _Optional[str] = ..., serial: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class ListStockItemsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[StockItem]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[StockItem, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class AssignStockItemRequest(_message.Message):
    __slots__ = ("id", "technician_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    technician_id: str
    def __init__(self, id: _Optional[str] = ..., technician_id: _Optional[str] = ...) -> None: ...

class ReturnStockItemRequest(_message.Message):
    __slots__ = ("id", "warehouse")
    ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_FIELD_NUMBER: _ClassVar[int]
    id: str
    warehouse: str
    def __init__(self, id: _Optional[str] = ..., warehouse: _Optional[str] = ...) -> None: ...

class SupportComment(_message.Message):
    __slots__ = ("id", "author_id", "author_kind", "text", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_KIND_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    author_id: str
    author_kind: str
    text: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., author_id: _Optional[str] = ..., author_kind: _Optional[str] = ..., text: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class SupportTicket(_message.Message):
    __slots__ = ("id", "customer_id", "contract_id", "customer_name", "customer_email", "subject", "description", "priority", "status", "assignee_id", "channel", "created_by", "comments", "order_ids", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    COMMENTS_FIELD_NUMBER: _ClassVar[int]
    ORDER_IDS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    customer_id: str
    contract_id: str
    customer_name: str
    customer_email: str
    subject: str
    description: str
    priority: str
    status: str
    assignee_id: str
    channel: str
    created_by: str
    comments: _containers.RepeatedCompositeFieldContainer[SupportComment]
    order_ids: _containers.RepeatedScalarFieldContainer[str]
    created_at: str
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., customer_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., customer_email: _Optional[str] = ..., subject: _Optional[str] = ..., description: _Optional[str] = ..., priority: _Optional[str] = ..., status: _Optional[str] = ..., assignee_id: _Optional[str] = ..., channel: _Optional[str] = ..., created_by: _Optional[str] = ..., comments: _Optional[_Iterable[_Union[SupportComment, _Mapping]]] = ..., order_ids: _Optional[_Iterable[str]] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class CreateSupportTicketRequest(_message.Message):
    __slots__ = ("customer_id", "contract_id", "customer_name", "customer_email", "subject", "description", "priority", "assignee_id", "actor")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    contract_id: str
    customer_name: str
    customer_email: str
    subject: str
    description: str
    priority: str
    assignee_id: str
    actor: Actor
    def __init__(self, customer_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., customer_email: _Optional[str] = ..., subject: _Optional[str] = ..., description: _Optional[str] = ..., priority: _Optional[str] = ..., assignee_id: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class ListSupportTicketsRequest(_message.Message):
    __slots__ = ("page", "status", "customer_id", "assignee_id", "priority")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    status: str
    customer_id: str
    assignee_id: str
    priority: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., status: _Optional[str] = ..., customer_id: _Optional[str] = ..., assignee_id: _Optional[str] = ..., priority: _Optional[str] = ...) -> None: ...

class ListSupportTicketsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[SupportTicket]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[SupportTicket, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class GetSupportTicketRequest(_message.Message):
    __slots__ = ("id", "customer_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    customer_id: str
    def __init__(self, id: _Optional[str] = ..., customer_id: _Optional[str] = ...) -> None: ...

class UpdateSupportTicketRequest(_message.Message):
    __slots__ = ("id", "status", "priority", "assignee_id", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    status: str
    priority: str
    assignee_id: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., status: _Optional[str] = ..., priority: _Optional[str] = ..., assignee_id: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class AddSupportTicketCommentRequest(_message.Message):
    __slots__ = ("id", "text", "actor", "customer_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    actor: Actor
    customer_id: str
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ..., customer_id: _Optional[str] = ...) -> None: ...

class CreateOrderFromSupportTicketRequest(_message.Message):
    __slots__ = ("id", "kind", "notes", "address", "location", "has_location", "zone_id", "connection_id", "actor")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    HAS_LOCATION_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    notes: str
    address: _common_pb2.Address
    location: _common_pb2.GeoPoint
    has_location: bool
    zone_id: str
    connection_id: str
    actor: Actor
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., notes: _Optional[str] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., has_location: _Optional[bool] = ..., zone_id: _Optional[str] = ..., connection_id: _Optional[str] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class OpenCustomerSupportTicketRequest(_message.Message):
    __slots__ = ("customer_id", "contract_id", "customer_name", "customer_email", "subject", "description", "priority")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    contract_id: str
    customer_name: str
    customer_email: str
    subject: str
    description: str
    priority: str
    def __init__(self, customer_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., customer_email: _Optional[str] = ..., subject: _Optional[str] = ..., description: _Optional[str] = ..., priority: _Optional[str] = ...) -> None: ...

class ListCustomerSupportTicketsRequest(_message.Message):
    __slots__ = ("customer_id", "page", "status")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    page: _common_pb2.PageRequest
    status: str
    def __init__(self, customer_id: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., status: _Optional[str] = ...) -> None: ...
