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
