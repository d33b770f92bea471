from antena.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Lead(_message.Message):
    __slots__ = ("id", "name", "document", "phone", "email", "source", "notes", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    document: str
    phone: str
    email: str
    source: str
    notes: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., document: _Optional[str] = ..., phone: _Optional[str] = ..., email: _Optional[str] = ..., source: _Optional[str] = ..., notes: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateLeadRequest(_message.Message):
    __slots__ = ("name", "document", "phone", "email", "source", "notes")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    name: str
    document: str
    phone: str
    email: str
    source: str
    notes: str
    def __init__(self, name: _Optional[str] = ..., document: _Optional[str] = ..., phone: _Optional[str] = ..., email: _Optional[str] = ..., source: _Optional[str] = ..., notes: _Optional[str] = ...) -> None: ...

class GetLeadRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListLeadsRequest(_message.Message):
    __slots__ = ("page", "q", "source")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    Q_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    q: str
    source: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., q: _Optional[str] = ..., source: _Optional[str] = ...) -> None: ...

class ListLeadSourcesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListLeadSourcesResponse(_message.Message):
    __slots__ = ("sources",)
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    sources: _containers.RepeatedCompositeFieldContainer[CountRow]
    def __init__(self, sources: _Optional[_Iterable[_Union[CountRow, _Mapping]]] = ...) -> None: ...

class ListLeadsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Lead]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Lead, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class ImportLeadsRequest(_message.Message):
    __slots__ = ("content", "filename", "default_source")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_SOURCE_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    filename: str
    default_source: str
    def __init__(self, content: _Optional[bytes] = ..., filename: _Optional[str] = ..., default_source: _Optional[str] = ...) -> None: ...

class ImportRowError(_message.Message):
    __slots__ = ("row", "field", "message")
    ROW_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    row: int
    field: str
    message: str
    def __init__(self, row: _Optional[int] = ..., field: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class ImportLeadsResponse(_message.Message):
    __slots__ = ("rows", "created", "failed", "errors", "lead_ids")
    ROWS_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    LEAD_IDS_FIELD_NUMBER: _ClassVar[int]
    rows: int
    created: int
    failed: int
    errors: _containers.RepeatedCompositeFieldContainer[ImportRowError]
    lead_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, rows: _Optional[int] = ..., created: _Optional[int] = ..., failed: _Optional[int] = ..., errors: _Optional[_Iterable[_Union[ImportRowError, _Mapping]]] = ..., lead_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class Prospect(_message.Message):
    __slots__ = ("id", "lead_id", "name", "plan_id", "recurring_item_ids", "discount_ids", "address", "location", "notes", "created_at", "catalog_checked")
    ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_IDS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CATALOG_CHECKED_FIELD_NUMBER: _ClassVar[int]
    id: str
    lead_id: str
    name: str
    plan_id: str
    recurring_item_ids: _containers.RepeatedScalarFieldContainer[str]
    discount_ids: _containers.RepeatedScalarFieldContainer[str]
    address: _common_pb2.Address
    location: _common_pb2.GeoPoint
    notes: str
    created_at: str
    catalog_checked: bool
    def __init__(self, id: _Optional[str] = ..., lead_id: _Optional[str] = ..., name: _Optional[str] = ..., plan_id: _Optional[str] = ..., recurring_item_ids: _Optional[_Iterable[str]] = ..., discount_ids: _Optional[_Iterable[str]] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., notes: _Optional[str] = ..., created_at: _Optional[str] = ..., catalog_checked: _Optional[bool] = ...) -> None: ...

class CreateProspectRequest(_message.Message):
    __slots__ = ("lead_id", "plan_id", "recurring_item_ids", "discount_ids", "address", "location", "notes")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_IDS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    plan_id: str
    recurring_item_ids: _containers.RepeatedScalarFieldContainer[str]
    discount_ids: _containers.RepeatedScalarFieldContainer[str]
    address: _common_pb2.Address
    location: _common_pb2.GeoPoint
    notes: str
    def __init__(self, lead_id: _Optional[str] = ..., plan_id: _Optional[str] = ..., recurring_item_ids: _Optional[_Iterable[str]] = ..., discount_ids: _Optional[_Iterable[str]] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., notes: _Optional[str] = ...) -> None: ...

class GetProspectRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListProspectsRequest(_message.Message):
    __slots__ = ("page", "lead_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    lead_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., lead_id: _Optional[str] = ...) -> None: ...

class ListProspectsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Prospect]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Prospect, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class CoverageCandidate(_message.Message):
    __slots__ = ("nap_box_id", "code", "distance_m", "free_ports")
    NAP_BOX_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    DISTANCE_M_FIELD_NUMBER: _ClassVar[int]
    FREE_PORTS_FIELD_NUMBER: _ClassVar[int]
    nap_box_id: str
    code: str
    distance_m: float
    free_ports: int
    def __init__(self, nap_box_id: _Optional[str] = ..., code: _Optional[str] = ..., distance_m: _Optional[float] = ..., free_ports: _Optional[int] = ...) -> None: ...

class Coverage(_message.Message):
    __slots__ = ("status", "nearest", "checked_at", "detail")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    NEAREST_FIELD_NUMBER: _ClassVar[int]
    CHECKED_AT_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    status: str
    nearest: CoverageCandidate
    checked_at: str
    detail: str
    def __init__(self, status: _Optional[str] = ..., nearest: _Optional[_Union[CoverageCandidate, _Mapping]] = ..., checked_at: _Optional[str] = ..., detail: _Optional[str] = ...) -> None: ...

class TicketOrder(_message.Message):
    __slots__ = ("request_id", "order_id", "kind", "state", "scheduled_for", "requested_at", "feasible", "result_reason")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    FEASIBLE_FIELD_NUMBER: _ClassVar[int]
    RESULT_REASON_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    order_id: str
    kind: str
    state: str
    scheduled_for: str
    requested_at: str
    feasible: bool
    result_reason: str
    def __init__(self, request_id: _Optional[str] = ..., order_id: _Optional[str] = ..., kind: _Optional[str] = ..., state: _Optional[str] = ..., scheduled_for: _Optional[str] = ..., requested_at: _Optional[str] = ..., feasible: _Optional[bool] = ..., result_reason: _Optional[str] = ...) -> None: ...

class Comment(_message.Message):
    __slots__ = ("id", "ticket_id", "text", "author_id", "author_name", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_NAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    ticket_id: str
    text: str
    author_id: str
    author_name: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., ticket_id: _Optional[str] = ..., text: _Optional[str] = ..., author_id: _Optional[str] = ..., author_name: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class Attachment(_message.Message):
    __slots__ = ("id", "ticket_id", "filename", "content_type", "size", "sha256", "uploaded_by", "created_at", "description")
    ID_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    id: str
    ticket_id: str
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_by: str
    created_at: str
    description: str
    def __init__(self, id: _Optional[str] = ..., ticket_id: _Optional[str] = ..., filename: _Optional[str] = ..., content_type: _Optional[str] = ..., size: _Optional[int] = ..., sha256: _Optional[str] = ..., uploaded_by: _Optional[str] = ..., created_at: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class StateChange(_message.Message):
    __slots__ = ("from_state", "to_state", "at", "reason")
    FROM_STATE_FIELD_NUMBER: _ClassVar[int]
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    from_state: str
    to_state: str
    at: str
    reason: str
    def __init__(self, from_state: _Optional[str] = ..., to_state: _Optional[str] = ..., at: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class Ticket(_message.Message):
    __slots__ = ("id", "state", "lead_id", "prospect_id", "source", "assignee_id", "summary", "order_ids", "scheduled_for", "tags", "created_at", "prospect_name", "orders_count", "create", "loss_tag", "coverage", "updated_at", "closed_at", "contract_id", "feasible", "orders", "comments", "attachments", "history", "lead_phone", "lead_email")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    PROSPECT_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    ORDER_IDS_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_FOR_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    PROSPECT_NAME_FIELD_NUMBER: _ClassVar[int]
    ORDERS_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATE_FIELD_NUMBER: _ClassVar[int]
    LOSS_TAG_FIELD_NUMBER: _ClassVar[int]
    COVERAGE_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    FEASIBLE_FIELD_NUMBER: _ClassVar[int]
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    COMMENTS_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    LEAD_PHONE_FIELD_NUMBER: _ClassVar[int]
    LEAD_EMAIL_FIELD_NUMBER: _ClassVar[int]
    id: str
    state: str
    lead_id: str
    prospect_id: str
    source: str
    assignee_id: str
    summary: str
    order_ids: _containers.RepeatedScalarFieldContainer[str]
    scheduled_for: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    created_at: str
    prospect_name: str
    orders_count: int
    create: str
    loss_tag: str
    coverage: Coverage
    updated_at: str
    closed_at: str
    contract_id: str
    feasible: bool
    orders: _containers.RepeatedCompositeFieldContainer[TicketOrder]
    comments: _containers.RepeatedCompositeFieldContainer[Comment]
    attachments: _containers.RepeatedCompositeFieldContainer[Attachment]
    history: _containers.RepeatedCompositeFieldContainer[StateChange]
    lead_phone: str
    lead_email: str
    def __init__(self, id: _Optional[str] = ..., state: _Optional[str] = ..., lead_id: _Optional[str] = ..., prospect_id: _Optional[str] = ..., source: _Optional[str] = ..., assignee_id: _Optional[str] = ..., summary: _Optional[str] = ..., order_ids: _Optional[_Iterable[str]] = ..., scheduled_for: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., created_at: _Optional[str] = ..., prospect_name: _Optional[str] = ..., orders_count: _Optional[int] = ..., create: _Optional[str] = ..., loss_tag: _Optional[str] = ..., coverage: _Optional[_Union[Coverage, _Mapping]] = ..., updated_at: _Optional[str] = ..., closed_at: _Optional[str] = ..., contract_id: _Optional[str] = ..., feasible: _Optional[bool] = ..., orders: _Optional[_Iterable[_Union[TicketOrder, _Mapping]]] = ..., comments: _Optional[_Iterable[_Union[Comment, _Mapping]]] = ..., attachments: _Optional[_Iterable[_Union[Attachment, _Mapping]]] = ..., history: _Optional[_Iterable[_Union[StateChange, _Mapping]]] = ..., lead_phone: _Optional[str] = ..., lead_email: _Optional[str] = ...) -> None: ...

class CreateTicketRequest(_message.Message):
    __slots__ = ("lead_id", "prospect_id", "create", "assignee_id", "summary", "source", "created_by")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    PROSPECT_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    prospect_id: str
    create: str
    assignee_id: str
    summary: str
    source: str
    created_by: str
    def __init__(self, lead_id: _Optional[str] = ..., prospect_id: _Optional[str] = ..., create: _Optional[str] = ..., assignee_id: _Optional[str] = ..., summary: _Optional[str] = ..., source: _Optional[str] = ..., created_by: _Optional[str] = ...) -> None: ...

class GetTicketRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListTicketsRequest(_message.Message):
    __slots__ = ("page", "state", "assignee_id", "source", "tag", "lead_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    state: str
    assignee_id: str
    source: str
    tag: str
    lead_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., state: _Optional[str] = ..., assignee_id: _Optional[str] = ..., source: _Optional[str] = ..., tag: _Optional[str] = ..., lead_id: _Optional[str] = ...) -> None: ...

class ListTicketsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Ticket]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Ticket, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class AddCommentRequest(_message.Message):
    __slots__ = ("ticket_id", "text", "author_id", "author_name")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_NAME_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    text: str
    author_id: str
    author_name: str
    def __init__(self, ticket_id: _Optional[str] = ..., text: _Optional[str] = ..., author_id: _Optional[str] = ..., author_name: _Optional[str] = ...) -> None: ...

class AddAttachmentRequest(_message.Message):
    __slots__ = ("ticket_id", "filename", "content_type", "content", "uploaded_by", "description")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    filename: str
    content_type: str
    content: bytes
    uploaded_by: str
    description: str
    def __init__(self, ticket_id: _Optional[str] = ..., filename: _Optional[str] = ..., content_type: _Optional[str] = ..., content: _Optional[bytes] = ..., uploaded_by: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class GetTicketAttachmentRequest(_message.Message):
    __slots__ = ("ticket_id", "attachment_id")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    attachment_id: str
    def __init__(self, ticket_id: _Optional[str] = ..., attachment_id: _Optional[str] = ...) -> None: ...

class AttachmentContent(_message.Message):
    __slots__ = ("attachment", "content")
    ATTACHMENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    attachment: Attachment
    content: bytes
    def __init__(self, attachment: _Optional[_Union[Attachment, _Mapping]] = ..., content: _Optional[bytes] = ...) -> None: ...

class AssignTicketRequest(_message.Message):
    __slots__ = ("ticket_id", "assignee_id")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    assignee_id: str
    def __init__(self, ticket_id: _Optional[str] = ..., assignee_id: _Optional[str] = ...) -> None: ...

class LoseTicketRequest(_message.Message):
    __slots__ = ("ticket_id", "tag", "reason")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    tag: str
    reason: str
    def __init__(self, ticket_id: _Optional[str] = ..., tag: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class TagTicketRequest(_message.Message):
    __slots__ = ("ticket_id", "tag")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    tag: str
    def __init__(self, ticket_id: _Optional[str] = ..., tag: _Optional[str] = ...) -> None: ...

class RequestOrderRequest(_message.Message):
    __slots__ = ("ticket_id", "kind", "notes")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    kind: str
    notes: str
    def __init__(self, ticket_id: _Optional[str] = ..., kind: _Optional[str] = ..., notes: _Optional[str] = ...) -> None: ...

class ListTagsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListTagsResponse(_message.Message):
    __slots__ = ("loss_tags", "tags")
    LOSS_TAGS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    loss_tags: _containers.RepeatedScalarFieldContainer[str]
    tags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, loss_tags: _Optional[_Iterable[str]] = ..., tags: _Optional[_Iterable[str]] = ...) -> None: ...

class UploadedDocument(_message.Message):
    __slots__ = ("filename", "content_type", "content", "description")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    filename: str
    content_type: str
    content: bytes
    description: str
    def __init__(self, filename: _Optional[str] = ..., content_type: _Optional[str] = ..., content: _Optional[bytes] = ..., description: _Optional[str] = ...) -> None: ...

class SubmitInstallationRequestRequest(_message.Message):
    __slots__ = ("request_id", "isp", "name", "document", "phone", "email", "address", "location", "plan_id", "recurring_item_ids", "discount_ids", "notes", "documents")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ISP_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_IDS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    isp: str
    name: str
    document: str
    phone: str
    email: str
    address: _common_pb2.Address
    location: _common_pb2.GeoPoint
    plan_id: str
    recurring_item_ids: _containers.RepeatedScalarFieldContainer[str]
    discount_ids: _containers.RepeatedScalarFieldContainer[str]
    notes: str
    documents: _containers.RepeatedCompositeFieldContainer[UploadedDocument]
    def __init__(self, request_id: _Optional[str] = ..., isp: _Optional[str] = ..., name: _Optional[str] = ..., document: _Optional[str] = ..., phone: _Optional[str] = ..., email: _Optional[str] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., plan_id: _Optional[str] = ..., recurring_item_ids: _Optional[_Iterable[str]] = ..., discount_ids: _Optional[_Iterable[str]] = ..., notes: _Optional[str] = ..., documents: _Optional[_Iterable[_Union[UploadedDocument, _Mapping]]] = ...) -> None: ...

class SubmitInstallationRequestResponse(_message.Message):
    __slots__ = ("ticket_id", "lead_id", "prospect_id", "replayed", "ticket")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    PROSPECT_ID_FIELD_NUMBER: _ClassVar[int]
    REPLAYED_FIELD_NUMBER: _ClassVar[int]
    TICKET_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    lead_id: str
    prospect_id: str
    replayed: bool
    ticket: Ticket
    def __init__(self, ticket_id: _Optional[str] = ..., lead_id: _Optional[str] = ..., prospect_id: _Optional[str] = ..., replayed: _Optional[bool] = ..., ticket: _Optional[_Union[Ticket, _Mapping]] = ...) -> None: ...

class GetSalesReportRequest(_message.Message):
    __slots__ = ("from_date", "to_date")
    FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    TO_DATE_FIELD_NUMBER: _ClassVar[int]
    from_date: str
    to_date: str
    def __init__(self, from_date: _Optional[str] = ..., to_date: _Optional[str] = ...) -> None: ...

class CountRow(_message.Message):
    __slots__ = ("key", "count")
    KEY_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    key: str
    count: int
    def __init__(self, key: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class StageDuration(_message.Message):
    __slots__ = ("stage", "to_state", "median_days", "samples")
    STAGE_FIELD_NUMBER: _ClassVar[int]
    TO_STATE_FIELD_NUMBER: _ClassVar[int]
    MEDIAN_DAYS_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    stage: str
    to_state: str
    median_days: float
    samples: int
    def __init__(self, stage: _Optional[str] = ..., to_state: _Optional[str] = ..., median_days: _Optional[float] = ..., samples: _Optional[int] = ...) -> None: ...

class SalesReport(_message.Message):
    __slots__ = ("from_date", "to_date", "tickets", "by_state", "by_source", "by_loss_tag", "by_assignee", "leads", "leads_won", "conversion_rate", "median_days", "won_by_source")
    FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    TO_DATE_FIELD_NUMBER: _ClassVar[int]
    TICKETS_FIELD_NUMBER: _ClassVar[int]
    BY_STATE_FIELD_NUMBER: _ClassVar[int]
    BY_SOURCE_FIELD_NUMBER: _ClassVar[int]
    BY_LOSS_TAG_FIELD_NUMBER: _ClassVar[int]
    BY_ASSIGNEE_FIELD_NUMBER: _ClassVar[int]
    LEADS_FIELD_NUMBER: _ClassVar[int]
    LEADS_WON_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_RATE_FIELD_NUMBER: _ClassVar[int]
    MEDIAN_DAYS_FIELD_NUMBER: _ClassVar[int]
    WON_BY_SOURCE_FIELD_NUMBER: _ClassVar[int]
    from_date: str
    to_date: str
    tickets: int
    by_state: _containers.RepeatedCompositeFieldContainer[CountRow]
    by_source: _containers.RepeatedCompositeFieldContainer[CountRow]
    by_loss_tag: _containers.RepeatedCompositeFieldContainer[CountRow]
    by_assignee: _containers.RepeatedCompositeFieldContainer[CountRow]
    leads: int
    leads_won: int
    conversion_rate: float
    median_days: _containers.RepeatedCompositeFieldContainer[StageDuration]
    won_by_source: _containers.RepeatedCompositeFieldContainer[CountRow]
    def __init__(self, from_date: _Optional[str] = ..., to_date: _Optional[str] = ..., tickets: _Optional[int] = ..., by_state: _Optional[_Iterable[_Union[CountRow, _Mapping]]] = ..., by_source: _Optional[_Iterable[_Union[CountRow, _Mapping]]] = ..., by_loss_tag: _Optional[_Iterable[_Union[CountRow, _Mapping]]] = ..., by_assignee: _Optional[_Iterable[_Union[CountRow, _Mapping]]] = ..., leads: _Optional[int] = ..., leads_won: _Optional[int] = ..., conversion_rate: _Optional[float] = ..., median_days: _Optional[_Iterable[_Union[StageDuration, _Mapping]]] = ..., won_by_source: _Optional[_Iterable[_Union[CountRow, _Mapping]]] = ...) -> None: ...
