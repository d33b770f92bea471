from antena.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InstallationRequested(_message.Message):
    __slots__ = ("request_id", "lead_id", "ticket_id", "name", "email", "phone", "isp", "document", "address", "location", "comments", "coupon", "documents", "phone_alt", "prospect_id")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    ISP_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    COMMENTS_FIELD_NUMBER: _ClassVar[int]
    COUPON_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    PHONE_ALT_FIELD_NUMBER: _ClassVar[int]
    PROSPECT_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    lead_id: str
    ticket_id: str
    name: str
    email: str
    phone: str
    isp: str
    document: str
    address: _common_pb2.Address
    location: _common_pb2.GeoPoint
    comments: str
    coupon: str
    documents: _containers.RepeatedScalarFieldContainer[str]
    phone_alt: str
    prospect_id: str
    def __init__(self, request_id: _Optional[str] = ..., lead_id: _Optional[str] = ..., ticket_id: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., isp: _Optional[str] = ..., document: _Optional[str] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., comments: _Optional[str] = ..., coupon: _Optional[str] = ..., documents: _Optional[_Iterable[str]] = ..., phone_alt: _Optional[str] = ..., prospect_id: _Optional[str] = ...) -> None: ...

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

class CustomerInvited(_message.Message):
    __slots__ = ("customer_id", "contract_id", "email", "name", "invitation_url", "login_url", "expires_at", "account_id")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    INVITATION_URL_FIELD_NUMBER: _ClassVar[int]
    LOGIN_URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    contract_id: str
    email: str
    name: str
    invitation_url: str
    login_url: str
    expires_at: str
    account_id: str
    def __init__(self, customer_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., email: _Optional[str] = ..., name: _Optional[str] = ..., invitation_url: _Optional[str] = ..., login_url: _Optional[str] = ..., expires_at: _Optional[str] = ..., account_id: _Optional[str] = ...) -> None: ...

class PasswordResetRequested(_message.Message):
    __slots__ = ("account_id", "customer_id", "email", "name", "reset_url", "expires_at")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RESET_URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    customer_id: str
    email: str
    name: str
    reset_url: str
    expires_at: str
    def __init__(self, account_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., email: _Optional[str] = ..., name: _Optional[str] = ..., reset_url: _Optional[str] = ..., expires_at: _Optional[str] = ...) -> None: ...

class InstallationSheetSigned(_message.Message):
    __slots__ = ("order_id", "signed_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    signed_at: str
    def __init__(self, order_id: _Optional[str] = ..., signed_at: _Optional[str] = ...) -> None: ...

class ContractSigningRequested(_message.Message):
    __slots__ = ("contract_id", "customer_id", "email", "name", "url", "expires_at")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    customer_id: str
    email: str
    name: str
    url: str
    expires_at: str
    def __init__(self, contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., email: _Optional[str] = ..., name: _Optional[str] = ..., url: _Optional[str] = ..., expires_at: _Optional[str] = ...) -> None: ...

class SheetSigningRequested(_message.Message):
    __slots__ = ("order_id", "contract_id", "email", "name", "url", "expires_at", "scheduled_start")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_START_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    contract_id: str
    email: str
    name: str
    url: str
    expires_at: str
    scheduled_start: str
    def __init__(self, order_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., email: _Optional[str] = ..., name: _Optional[str] = ..., url: _Optional[str] = ..., expires_at: _Optional[str] = ..., scheduled_start: _Optional[str] = ...) -> None: ...
