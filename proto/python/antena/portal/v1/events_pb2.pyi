from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class InstallationRequested(_message.Message):
    __slots__ = ("request_id", "lead_id", "ticket_id", "name", "email", "phone")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    lead_id: str
    ticket_id: str
    name: str
    email: str
    phone: str
    def __init__(self, request_id: _Optional[str] = ..., lead_id: _Optional[str] = ..., ticket_id: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ...) -> None: ...

class DocumentUploaded(_message.Message):
    __slots__ = ("document_id", "owner_kind", "owner_id", "kind")
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    document_id: str
    owner_kind: str
    owner_id: str
    kind: str
    def __init__(self, document_id: _Optional[str] = ..., owner_kind: _Optional[str] = ..., owner_id: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class ContractSigned(_message.Message):
    __slots__ = ("contract_id", "customer_id", "signed_at")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    SIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    customer_id: str
    signed_at: str
    def __init__(self, contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., signed_at: _Optional[str] = ...) -> None: ...
