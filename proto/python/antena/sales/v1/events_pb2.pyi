from antena.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LeadCreated(_message.Message):
    __slots__ = ("lead_id", "name", "email", "phone", "source")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    name: str
    email: str
    phone: str
    source: str
    def __init__(self, lead_id: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., source: _Optional[str] = ...) -> None: ...

class TicketCreated(_message.Message):
    __slots__ = ("ticket_id", "lead_id", "prospect_id", "create", "lead_name", "lead_email", "lead_phone", "source")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    PROSPECT_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_FIELD_NUMBER: _ClassVar[int]
    LEAD_NAME_FIELD_NUMBER: _ClassVar[int]
    LEAD_EMAIL_FIELD_NUMBER: _ClassVar[int]
    LEAD_PHONE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    lead_id: str
    prospect_id: str
    create: str
    lead_name: str
    lead_email: str
    lead_phone: str
    source: str
    def __init__(self, ticket_id: _Optional[str] = ..., lead_id: _Optional[str] = ..., prospect_id: _Optional[str] = ..., create: _Optional[str] = ..., lead_name: _Optional[str] = ..., lead_email: _Optional[str] = ..., lead_phone: _Optional[str] = ..., source: _Optional[str] = ...) -> None: ...

class OrderRequested(_message.Message):
    __slots__ = ("request_id", "ticket_id", "kind", "lead_id", "prospect_id", "customer_name", "customer_document", "customer_phone", "customer_email", "address", "location", "plan_id", "recurring_item_ids", "discount_ids", "notes")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    PROSPECT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_PHONE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_IDS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    ticket_id: str
    kind: str
    lead_id: str
    prospect_id: str
    customer_name: str
    customer_document: str
    customer_phone: str
    customer_email: str
    address: _common_pb2.Address
    location: _common_pb2.GeoPoint
    plan_id: str
    recurring_item_ids: _containers.RepeatedScalarFieldContainer[str]
    discount_ids: _containers.RepeatedScalarFieldContainer[str]
    notes: str
    def __init__(self, request_id: _Optional[str] = ..., ticket_id: _Optional[str] = ..., kind: _Optional[str] = ..., lead_id: _Optional[str] = ..., prospect_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., customer_document: _Optional[str] = ..., customer_phone: _Optional[str] = ..., customer_email: _Optional[str] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., plan_id: _Optional[str] = ..., recurring_item_ids: _Optional[_Iterable[str]] = ..., discount_ids: _Optional[_Iterable[str]] = ..., notes: _Optional[str] = ...) -> None: ...

class TicketWon(_message.Message):
    __slots__ = ("ticket_id", "lead_id", "contract_id")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    lead_id: str
    contract_id: str
    def __init__(self, ticket_id: _Optional[str] = ..., lead_id: _Optional[str] = ..., contract_id: _Optional[str] = ...) -> None: ...

class TicketLost(_message.Message):
    __slots__ = ("ticket_id", "lead_id", "tag")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    lead_id: str
    tag: str
    def __init__(self, ticket_id: _Optional[str] = ..., lead_id: _Optional[str] = ..., tag: _Optional[str] = ...) -> None: ...

class TicketChanged(_message.Message):
    __slots__ = ("ticket_id", "state", "updated_at")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    state: str
    updated_at: str
    def __init__(self, ticket_id: _Optional[str] = ..., state: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...
