from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class CustomerCreated(_message.Message):
    __slots__ = ("customer_id", "name", "email", "phone", "document")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    name: str
    email: str
    phone: str
    document: str
    def __init__(self, customer_id: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., document: _Optional[str] = ...) -> None: ...

class ContractCreated(_message.Message):
    __slots__ = ("contract_id", "customer_id", "order_id", "plan_id", "request_id")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    customer_id: str
    order_id: str
    plan_id: str
    request_id: str
    def __init__(self, contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., order_id: _Optional[str] = ..., plan_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ContractRejected(_message.Message):
    __slots__ = ("contract_id", "order_id", "reason", "request_id")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    order_id: str
    reason: str
    request_id: str
    def __init__(self, contract_id: _Optional[str] = ..., order_id: _Optional[str] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class ContractActivated(_message.Message):
    __slots__ = ("contract_id", "customer_id", "connection_id", "activated_at", "customer_email", "customer_name", "ticket_id")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVATED_AT_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    customer_id: str
    connection_id: str
    activated_at: str
    customer_email: str
    customer_name: str
    ticket_id: str
    def __init__(self, contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., connection_id: _Optional[str] = ..., activated_at: _Optional[str] = ..., customer_email: _Optional[str] = ..., customer_name: _Optional[str] = ..., ticket_id: _Optional[str] = ...) -> None: ...

class ContractTerminated(_message.Message):
    __slots__ = ("contract_id", "customer_id", "connection_id")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    customer_id: str
    connection_id: str
    def __init__(self, contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., connection_id: _Optional[str] = ...) -> None: ...

class InvoiceIssued(_message.Message):
    __slots__ = ("invoice_id", "number", "customer_id", "contract_id", "total", "currency", "issue_date", "due_date", "customer_email", "customer_name")
    INVOICE_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DATE_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    invoice_id: str
    number: str
    customer_id: str
    contract_id: str
    total: str
    currency: str
    issue_date: str
    due_date: str
    customer_email: str
    customer_name: str
    def __init__(self, invoice_id: _Optional[str] = ..., number: _Optional[str] = ..., customer_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., total: _Optional[str] = ..., currency: _Optional[str] = ..., issue_date: _Optional[str] = ..., due_date: _Optional[str] = ..., customer_email: _Optional[str] = ..., customer_name: _Optional[str] = ...) -> None: ...

class InvoiceOverdue(_message.Message):
    __slots__ = ("invoice_id", "number", "customer_id", "contract_id", "balance", "currency", "due_date", "customer_email", "customer_name")
    INVOICE_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    invoice_id: str
    number: str
    customer_id: str
    contract_id: str
    balance: str
    currency: str
    due_date: str
    customer_email: str
    customer_name: str
    def __init__(self, invoice_id: _Optional[str] = ..., number: _Optional[str] = ..., customer_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., balance: _Optional[str] = ..., currency: _Optional[str] = ..., due_date: _Optional[str] = ..., customer_email: _Optional[str] = ..., customer_name: _Optional[str] = ...) -> None: ...

class PaymentReceived(_message.Message):
    __slots__ = ("payment_id", "customer_id", "amount", "currency", "method", "channel", "external_ref", "paid_at", "customer_email", "customer_name")
    PAYMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_REF_FIELD_NUMBER: _ClassVar[int]
    PAID_AT_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    payment_id: str
    customer_id: str
    amount: str
    currency: str
    method: str
    channel: str
    external_ref: str
    paid_at: str
    customer_email: str
    customer_name: str
    def __init__(self, payment_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., amount: _Optional[str] = ..., currency: _Optional[str] = ..., method: _Optional[str] = ..., channel: _Optional[str] = ..., external_ref: _Optional[str] = ..., paid_at: _Optional[str] = ..., customer_email: _Optional[str] = ..., customer_name: _Optional[str] = ...) -> None: ...

class ContractSuspensionDue(_message.Message):
    __slots__ = ("contract_id", "customer_id", "connection_id", "services", "reason", "customer_email", "customer_name")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    customer_id: str
    connection_id: str
    services: _containers.RepeatedScalarFieldContainer[str]
    reason: str
    customer_email: str
    customer_name: str
    def __init__(self, contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., connection_id: _Optional[str] = ..., services: _Optional[_Iterable[str]] = ..., reason: _Optional[str] = ..., customer_email: _Optional[str] = ..., customer_name: _Optional[str] = ...) -> None: ...

class ContractReactivationDue(_message.Message):
    __slots__ = ("contract_id", "customer_id", "connection_id", "services", "customer_email", "customer_name")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    customer_id: str
    connection_id: str
    services: _containers.RepeatedScalarFieldContainer[str]
    customer_email: str
    customer_name: str
    def __init__(self, contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., connection_id: _Optional[str] = ..., services: _Optional[_Iterable[str]] = ..., customer_email: _Optional[str] = ..., customer_name: _Optional[str] = ...) -> None: ...
