from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class OrderCreated(_message.Message):
    __slots__ = ("order_id", "kind", "ticket_id", "request_id", "state")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    kind: str
    ticket_id: str
    request_id: str
    state: str
    def __init__(self, order_id: _Optional[str] = ..., kind: _Optional[str] = ..., ticket_id: _Optional[str] = ..., request_id: _Optional[str] = ..., state: _Optional[str] = ...) -> None: ...
