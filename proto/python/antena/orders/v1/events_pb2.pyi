from antena.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrderCreated(_message.Message):
    __slots__ = ("order_id", "kind", "ticket_id", "request_id", "state", "contract_id")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    kind: str
    ticket_id: str
    request_id: str
    state: str
    contract_id: str
    def __init__(self, order_id: _Optional[str] = ..., kind: _Optional[str] = ..., ticket_id: _Optional[str] = ..., request_id: _Optional[str] = ..., state: _Optional[str] = ..., contract_id: _Optional[str] = ...) -> None: ...

class OrderScheduled(_message.Message):
    __slots__ = ("order_id", "kind", "ticket_id", "technician_id", "technician_name", "scheduled_start", "scheduled_end", "customer_name", "customer_email", "customer_phone", "address", "rescheduled", "contract_id")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_START_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_END_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_PHONE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    RESCHEDULED_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    kind: str
    ticket_id: str
    technician_id: str
    technician_name: str
    scheduled_start: str
    scheduled_end: str
    customer_name: str
    customer_email: str
    customer_phone: str
    address: _common_pb2.Address
    rescheduled: bool
    contract_id: str
    def __init__(self, order_id: _Optional[str] = ..., kind: _Optional[str] = ..., ticket_id: _Optional[str] = ..., technician_id: _Optional[str] = ..., technician_name: _Optional[str] = ..., scheduled_start: _Optional[str] = ..., scheduled_end: _Optional[str] = ..., customer_name: _Optional[str] = ..., customer_email: _Optional[str] = ..., customer_phone: _Optional[str] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., rescheduled: _Optional[bool] = ..., contract_id: _Optional[str] = ...) -> None: ...

class OrderStarted(_message.Message):
    __slots__ = ("order_id", "kind", "technician_id", "started_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    kind: str
    technician_id: str
    started_at: str
    def __init__(self, order_id: _Optional[str] = ..., kind: _Optional[str] = ..., technician_id: _Optional[str] = ..., started_at: _Optional[str] = ...) -> None: ...

class InstalledDevice(_message.Message):
    __slots__ = ("kind", "serial", "mac")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SERIAL_FIELD_NUMBER: _ClassVar[int]
    MAC_FIELD_NUMBER: _ClassVar[int]
    kind: str
    serial: str
    mac: str
    def __init__(self, kind: _Optional[str] = ..., serial: _Optional[str] = ..., mac: _Optional[str] = ...) -> None: ...

class FieldReport(_message.Message):
    __slots__ = ("devices", "optical_power_dbm", "seal_code", "notes", "photo_count", "signed")
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    OPTICAL_POWER_DBM_FIELD_NUMBER: _ClassVar[int]
    SEAL_CODE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    PHOTO_COUNT_FIELD_NUMBER: _ClassVar[int]
    SIGNED_FIELD_NUMBER: _ClassVar[int]
    devices: _containers.RepeatedCompositeFieldContainer[InstalledDevice]
    optical_power_dbm: str
    seal_code: str
    notes: str
    photo_count: int
    signed: bool
    def __init__(self, devices: _Optional[_Iterable[_Union[InstalledDevice, _Mapping]]] = ..., optical_power_dbm: _Optional[str] = ..., seal_code: _Optional[str] = ..., notes: _Optional[str] = ..., photo_count: _Optional[int] = ..., signed: _Optional[bool] = ...) -> None: ...

class OrderCompleted(_message.Message):
    __slots__ = ("order_id", "kind", "ticket_id", "contract_id", "connection_id", "technician_id", "completed_at", "report", "feasible")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    FEASIBLE_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    kind: str
    ticket_id: str
    contract_id: str
    connection_id: str
    technician_id: str
    completed_at: str
    report: FieldReport
    feasible: bool
    def __init__(self, order_id: _Optional[str] = ..., kind: _Optional[str] = ..., ticket_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., connection_id: _Optional[str] = ..., technician_id: _Optional[str] = ..., completed_at: _Optional[str] = ..., report: _Optional[_Union[FieldReport, _Mapping]] = ..., feasible: _Optional[bool] = ...) -> None: ...

class OrderFailed(_message.Message):
    __slots__ = ("order_id", "kind", "ticket_id", "contract_id", "reason", "loss_tag")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LOSS_TAG_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    kind: str
    ticket_id: str
    contract_id: str
    reason: str
    loss_tag: str
    def __init__(self, order_id: _Optional[str] = ..., kind: _Optional[str] = ..., ticket_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., reason: _Optional[str] = ..., loss_tag: _Optional[str] = ...) -> None: ...

class OrderCancelled(_message.Message):
    __slots__ = ("order_id", "kind", "ticket_id", "reason")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    kind: str
    ticket_id: str
    reason: str
    def __init__(self, order_id: _Optional[str] = ..., kind: _Optional[str] = ..., ticket_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ContractCustomer(_message.Message):
    __slots__ = ("name", "document", "email", "phone", "fiscal_id", "address")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    FISCAL_ID_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    name: str
    document: str
    email: str
    phone: str
    fiscal_id: str
    address: _common_pb2.Address
    def __init__(self, name: _Optional[str] = ..., document: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., fiscal_id: _Optional[str] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ...) -> None: ...

class ContractConnection(_message.Message):
    __slots__ = ("zone_id", "mode", "ip", "nap_box_id", "nap_port", "cpe_mac", "location")
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    IP_FIELD_NUMBER: _ClassVar[int]
    NAP_BOX_ID_FIELD_NUMBER: _ClassVar[int]
    NAP_PORT_FIELD_NUMBER: _ClassVar[int]
    CPE_MAC_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    zone_id: str
    mode: str
    ip: str
    nap_box_id: str
    nap_port: int
    cpe_mac: str
    location: _common_pb2.GeoPoint
    def __init__(self, zone_id: _Optional[str] = ..., mode: _Optional[str] = ..., ip: _Optional[str] = ..., nap_box_id: _Optional[str] = ..., nap_port: _Optional[int] = ..., cpe_mac: _Optional[str] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ...) -> None: ...

class ContractRequested(_message.Message):
    __slots__ = ("request_id", "order_id", "ticket_id", "contract_id", "billing_profile_id", "customer", "connection", "plan_id", "recurring_item_ids", "discount_ids", "installation_fee", "installation_instalments", "currency")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    BILLING_PROFILE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_IDS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_FEE_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_INSTALMENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    order_id: str
    ticket_id: str
    contract_id: str
    billing_profile_id: str
    customer: ContractCustomer
    connection: ContractConnection
    plan_id: str
    recurring_item_ids: _containers.RepeatedScalarFieldContainer[str]
    discount_ids: _containers.RepeatedScalarFieldContainer[str]
    installation_fee: str
    installation_instalments: int
    currency: str
    def __init__(self, request_id: _Optional[str] = ..., order_id: _Optional[str] = ..., ticket_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., billing_profile_id: _Optional[str] = ..., customer: _Optional[_Union[ContractCustomer, _Mapping]] = ..., connection: _Optional[_Union[ContractConnection, _Mapping]] = ..., plan_id: _Optional[str] = ..., recurring_item_ids: _Optional[_Iterable[str]] = ..., discount_ids: _Optional[_Iterable[str]] = ..., installation_fee: _Optional[str] = ..., installation_instalments: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class SupportTicketOpened(_message.Message):
    __slots__ = ("support_ticket_id", "customer_id", "contract_id", "subject", "priority", "customer_email")
    SUPPORT_TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    support_ticket_id: str
    customer_id: str
    contract_id: str
    subject: str
    priority: str
    customer_email: str
    def __init__(self, support_ticket_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., subject: _Optional[str] = ..., priority: _Optional[str] = ..., customer_email: _Optional[str] = ...) -> None: ...

class SupportTicketUpdated(_message.Message):
    __slots__ = ("support_ticket_id", "customer_id", "status", "comment", "customer_email")
    SUPPORT_TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    support_ticket_id: str
    customer_id: str
    status: str
    comment: str
    customer_email: str
    def __init__(self, support_ticket_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., status: _Optional[str] = ..., comment: _Optional[str] = ..., customer_email: _Optional[str] = ...) -> None: ...
