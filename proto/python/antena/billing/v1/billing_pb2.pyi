from antena.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetByIdRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListCatalogRequest(_message.Message):
    __slots__ = ("page", "include_inactive")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_INACTIVE_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    include_inactive: bool
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., include_inactive: _Optional[bool] = ...) -> None: ...

class Plan(_message.Message):
    __slots__ = ("id", "name", "download_mbps", "upload_mbps", "price", "currency", "tax_rate_id", "active", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DOWNLOAD_MBPS_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_MBPS_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    download_mbps: int
    upload_mbps: int
    price: str
    currency: str
    tax_rate_id: str
    active: bool
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., download_mbps: _Optional[int] = ..., upload_mbps: _Optional[int] = ..., price: _Optional[str] = ..., currency: _Optional[str] = ..., tax_rate_id: _Optional[str] = ..., active: _Optional[bool] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreatePlanRequest(_message.Message):
    __slots__ = ("name", "download_mbps", "upload_mbps", "price", "currency", "tax_rate_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DOWNLOAD_MBPS_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_MBPS_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    download_mbps: int
    upload_mbps: int
    price: str
    currency: str
    tax_rate_id: str
    def __init__(self, name: _Optional[str] = ..., download_mbps: _Optional[int] = ..., upload_mbps: _Optional[int] = ..., price: _Optional[str] = ..., currency: _Optional[str] = ..., tax_rate_id: _Optional[str] = ...) -> None: ...

class ListPlansResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Plan]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Plan, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class RecurringItem(_message.Message):
    __slots__ = ("id", "name", "price", "period", "currency", "service", "tax_rate_id", "active", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    price: str
    period: str
    currency: str
    service: str
    tax_rate_id: str
    active: bool
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., price: _Optional[str] = ..., period: _Optional[str] = ..., currency: _Optional[str] = ..., service: _Optional[str] = ..., tax_rate_id: _Optional[str] = ..., active: _Optional[bool] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateRecurringItemRequest(_message.Message):
    __slots__ = ("name", "price", "period", "currency", "service", "tax_rate_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    price: str
    period: str
    currency: str
    service: str
    tax_rate_id: str
    def __init__(self, name: _Optional[str] = ..., price: _Optional[str] = ..., period: _Optional[str] = ..., currency: _Optional[str] = ..., service: _Optional[str] = ..., tax_rate_id: _Optional[str] = ...) -> None: ...

class ListRecurringItemsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[RecurringItem]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[RecurringItem, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class Discount(_message.Message):
    __slots__ = ("id", "name", "kind", "value", "months", "has_months", "active", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    MONTHS_FIELD_NUMBER: _ClassVar[int]
    HAS_MONTHS_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    kind: str
    value: str
    months: int
    has_months: bool
    active: bool
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., value: _Optional[str] = ..., months: _Optional[int] = ..., has_months: _Optional[bool] = ..., active: _Optional[bool] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateDiscountRequest(_message.Message):
    __slots__ = ("name", "kind", "value", "months", "has_months")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    MONTHS_FIELD_NUMBER: _ClassVar[int]
    HAS_MONTHS_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: str
    value: str
    months: int
    has_months: bool
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[str] = ..., value: _Optional[str] = ..., months: _Optional[int] = ..., has_months: _Optional[bool] = ...) -> None: ...

class ListDiscountsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Discount]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Discount, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class BillingProfile(_message.Message):
    __slots__ = ("id", "name", "issue_day", "due_days", "late_fee_kind", "late_fee_value", "suspend_after_days", "prorate", "grace_days", "early_payment_days", "early_payment_percent", "free_days", "currency", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DAY_FIELD_NUMBER: _ClassVar[int]
    DUE_DAYS_FIELD_NUMBER: _ClassVar[int]
    LATE_FEE_KIND_FIELD_NUMBER: _ClassVar[int]
    LATE_FEE_VALUE_FIELD_NUMBER: _ClassVar[int]
    SUSPEND_AFTER_DAYS_FIELD_NUMBER: _ClassVar[int]
    PRORATE_FIELD_NUMBER: _ClassVar[int]
    GRACE_DAYS_FIELD_NUMBER: _ClassVar[int]
    EARLY_PAYMENT_DAYS_FIELD_NUMBER: _ClassVar[int]
    EARLY_PAYMENT_PERCENT_FIELD_NUMBER: _ClassVar[int]
    FREE_DAYS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    issue_day: int
    due_days: int
    late_fee_kind: str
    late_fee_value: str
    suspend_after_days: int
    prorate: bool
    grace_days: int
    early_payment_days: int
    early_payment_percent: str
    free_days: int
    currency: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., issue_day: _Optional[int] = ..., due_days: _Optional[int] = ..., late_fee_kind: _Optional[str] = ..., late_fee_value: _Optional[str] = ..., suspend_after_days: _Optional[int] = ..., prorate: _Optional[bool] = ..., grace_days: _Optional[int] = ..., early_payment_days: _Optional[int] = ..., early_payment_percent: _Optional[str] = ..., free_days: _Optional[int] = ..., currency: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateBillingProfileRequest(_message.Message):
    __slots__ = ("name", "issue_day", "due_days", "late_fee_kind", "late_fee_value", "suspend_after_days", "prorate", "grace_days", "early_payment_days", "early_payment_percent", "free_days", "currency")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DAY_FIELD_NUMBER: _ClassVar[int]
    DUE_DAYS_FIELD_NUMBER: _ClassVar[int]
    LATE_FEE_KIND_FIELD_NUMBER: _ClassVar[int]
    LATE_FEE_VALUE_FIELD_NUMBER: _ClassVar[int]
    SUSPEND_AFTER_DAYS_FIELD_NUMBER: _ClassVar[int]
    PRORATE_FIELD_NUMBER: _ClassVar[int]
    GRACE_DAYS_FIELD_NUMBER: _ClassVar[int]
    EARLY_PAYMENT_DAYS_FIELD_NUMBER: _ClassVar[int]
    EARLY_PAYMENT_PERCENT_FIELD_NUMBER: _ClassVar[int]
    FREE_DAYS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    name: str
    issue_day: int
    due_days: int
    late_fee_kind: str
    late_fee_value: str
    suspend_after_days: int
    prorate: bool
    grace_days: int
    early_payment_days: int
    early_payment_percent: str
    free_days: int
    currency: str
    def __init__(self, name: _Optional[str] = ..., issue_day: _Optional[int] = ..., due_days: _Optional[int] = ..., late_fee_kind: _Optional[str] = ..., late_fee_value: _Optional[str] = ..., suspend_after_days: _Optional[int] = ..., prorate: _Optional[bool] = ..., grace_days: _Optional[int] = ..., early_payment_days: _Optional[int] = ..., early_payment_percent: _Optional[str] = ..., free_days: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class ListBillingProfilesResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[BillingProfile]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[BillingProfile, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class TaxRate(_message.Message):
    __slots__ = ("id", "name", "rate", "inclusive", "is_default", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RATE_FIELD_NUMBER: _ClassVar[int]
    INCLUSIVE_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    rate: str
    inclusive: bool
    is_default: bool
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., rate: _Optional[str] = ..., inclusive: _Optional[bool] = ..., is_default: _Optional[bool] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateTaxRateRequest(_message.Message):
    __slots__ = ("name", "rate", "inclusive", "is_default")
    NAME_FIELD_NUMBER: _ClassVar[int]
    RATE_FIELD_NUMBER: _ClassVar[int]
    INCLUSIVE_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    name: str
    rate: str
    inclusive: bool
    is_default: bool
    def __init__(self, name: _Optional[str] = ..., rate: _Optional[str] = ..., inclusive: _Optional[bool] = ..., is_default: _Optional[bool] = ...) -> None: ...

class ListTaxRatesResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[TaxRate]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[TaxRate, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class QuoteRequest(_message.Message):
    __slots__ = ("plan_id", "recurring_item_ids", "discount_ids")
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_IDS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    plan_id: str
    recurring_item_ids: _containers.RepeatedScalarFieldContainer[str]
    discount_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, plan_id: _Optional[str] = ..., recurring_item_ids: _Optional[_Iterable[str]] = ..., discount_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class QuoteLine(_message.Message):
    __slots__ = ("kind", "ref_id", "description", "amount", "period", "months", "has_months")
    KIND_FIELD_NUMBER: _ClassVar[int]
    REF_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    MONTHS_FIELD_NUMBER: _ClassVar[int]
    HAS_MONTHS_FIELD_NUMBER: _ClassVar[int]
    kind: str
    ref_id: str
    description: str
    amount: str
    period: str
    months: int
    has_months: bool
    def __init__(self, kind: _Optional[str] = ..., ref_id: _Optional[str] = ..., description: _Optional[str] = ..., amount: _Optional[str] = ..., period: _Optional[str] = ..., months: _Optional[int] = ..., has_months: _Optional[bool] = ...) -> None: ...

class QuoteResponse(_message.Message):
    __slots__ = ("lines", "subtotal", "discount_total", "total_monthly", "currency")
    LINES_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_TOTAL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_MONTHLY_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    lines: _containers.RepeatedCompositeFieldContainer[QuoteLine]
    subtotal: str
    discount_total: str
    total_monthly: str
    currency: str
    def __init__(self, lines: _Optional[_Iterable[_Union[QuoteLine, _Mapping]]] = ..., subtotal: _Optional[str] = ..., discount_total: _Optional[str] = ..., total_monthly: _Optional[str] = ..., currency: _Optional[str] = ...) -> None: ...

class ValidateCatalogIdsRequest(_message.Message):
    __slots__ = ("plan_id", "recurring_item_ids", "discount_ids", "billing_profile_id")
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_IDS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    BILLING_PROFILE_ID_FIELD_NUMBER: _ClassVar[int]
    plan_id: str
    recurring_item_ids: _containers.RepeatedScalarFieldContainer[str]
    discount_ids: _containers.RepeatedScalarFieldContainer[str]
    billing_profile_id: str
    def __init__(self, plan_id: _Optional[str] = ..., recurring_item_ids: _Optional[_Iterable[str]] = ..., discount_ids: _Optional[_Iterable[str]] = ..., billing_profile_id: _Optional[str] = ...) -> None: ...

class ValidateCatalogIdsResponse(_message.Message):
    __slots__ = ("valid", "errors", "currency")
    class ErrorsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    VALID_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    valid: bool
    errors: _containers.ScalarMap[str, str]
    currency: str
    def __init__(self, valid: _Optional[bool] = ..., errors: _Optional[_Mapping[str, str]] = ..., currency: _Optional[str] = ...) -> None: ...

class GetCompanyRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Company(_message.Message):
    __slots__ = ("legal_name", "trade_name", "tax_id", "fiscal_address", "logo", "logo_content_type", "currency", "contract_template", "locale", "email", "phone")
    LEGAL_NAME_FIELD_NUMBER: _ClassVar[int]
    TRADE_NAME_FIELD_NUMBER: _ClassVar[int]
    TAX_ID_FIELD_NUMBER: _ClassVar[int]
    FISCAL_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOGO_FIELD_NUMBER: _ClassVar[int]
    LOGO_CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    legal_name: str
    trade_name: str
    tax_id: str
    fiscal_address: _common_pb2.Address
    logo: bytes
    logo_content_type: str
    currency: str
    contract_template: str
    locale: str
    email: str
    phone: str
    def __init__(self, legal_name: _Optional[str] = ..., trade_name: _Optional[str] = ..., tax_id: _Optional[str] = ..., fiscal_address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., logo: _Optional[bytes] = ..., logo_content_type: _Optional[str] = ..., currency: _Optional[str] = ..., contract_template: _Optional[str] = ..., locale: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ...) -> None: ...

class Customer(_message.Message):
    __slots__ = ("id", "name", "document", "email", "phone", "fiscal_id", "address", "balance", "credit", "currency", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    FISCAL_ID_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    CREDIT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    document: str
    email: str
    phone: str
    fiscal_id: str
    address: _common_pb2.Address
    balance: str
    credit: str
    currency: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., document: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., fiscal_id: _Optional[str] = ..., address: _Optional[_Union[_common_pb2.Address, _Mapping]] = ..., balance: _Optional[str] = ..., credit: _Optional[str] = ..., currency: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class GetCustomerByEmailRequest(_message.Message):
    __slots__ = ("email",)
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    email: str
    def __init__(self, email: _Optional[str] = ...) -> None: ...

class ListCustomersRequest(_message.Message):
    __slots__ = ("page", "q")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    Q_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    q: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., q: _Optional[str] = ...) -> None: ...

class ListCustomersResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Customer]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Customer, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class ContractService(_message.Message):
    __slots__ = ("id", "kind", "recurring_item_id", "description", "price", "cut_on_nonpayment")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    CUT_ON_NONPAYMENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    recurring_item_id: str
    description: str
    price: str
    cut_on_nonpayment: bool
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., recurring_item_id: _Optional[str] = ..., description: _Optional[str] = ..., price: _Optional[str] = ..., cut_on_nonpayment: _Optional[bool] = ...) -> None: ...

class Contract(_message.Message):
    __slots__ = ("id", "customer_id", "plan_id", "state", "billing_profile_id", "connection_id", "activated_at", "order_id", "ticket_id", "recurring_item_ids", "discount_ids", "services", "installation_fee", "installation_instalments", "currency", "start_date", "end_date", "paused_from", "paused_until", "signed", "signed_at", "created_at", "issue_day")
    ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    BILLING_PROFILE_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVATED_AT_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_IDS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_FEE_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_INSTALMENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    PAUSED_FROM_FIELD_NUMBER: _ClassVar[int]
    PAUSED_UNTIL_FIELD_NUMBER: _ClassVar[int]
    SIGNED_FIELD_NUMBER: _ClassVar[int]
    SIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DAY_FIELD_NUMBER: _ClassVar[int]
    id: str
    customer_id: str
    plan_id: str
    state: str
    billing_profile_id: str
    connection_id: str
    activated_at: str
    order_id: str
    ticket_id: str
    recurring_item_ids: _containers.RepeatedScalarFieldContainer[str]
    discount_ids: _containers.RepeatedScalarFieldContainer[str]
    services: _containers.RepeatedCompositeFieldContainer[ContractService]
    installation_fee: str
    installation_instalments: int
    currency: str
    start_date: str
    end_date: str
    paused_from: str
    paused_until: str
    signed: bool
    signed_at: str
    created_at: str
    issue_day: int
    def __init__(self, id: _Optional[str] = ..., customer_id: _Optional[str] = ..., plan_id: _Optional[str] = ..., state: _Optional[str] = ..., billing_profile_id: _Optional[str] = ..., connection_id: _Optional[str] = ..., activated_at: _Optional[str] = ..., order_id: _Optional[str] = ..., ticket_id: _Optional[str] = ..., recurring_item_ids: _Optional[_Iterable[str]] = ..., discount_ids: _Optional[_Iterable[str]] = ..., services: _Optional[_Iterable[_Union[ContractService, _Mapping]]] = ..., installation_fee: _Optional[str] = ..., installation_instalments: _Optional[int] = ..., currency: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., paused_from: _Optional[str] = ..., paused_until: _Optional[str] = ..., signed: _Optional[bool] = ..., signed_at: _Optional[str] = ..., created_at: _Optional[str] = ..., issue_day: _Optional[int] = ...) -> None: ...

class ListContractsRequest(_message.Message):
    __slots__ = ("page", "state", "customer_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    state: str
    customer_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., state: _Optional[str] = ..., customer_id: _Optional[str] = ...) -> None: ...

class ListContractsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Contract]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Contract, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class AddContractServiceRequest(_message.Message):
    __slots__ = ("contract_id", "recurring_item_id", "description", "cut_on_nonpayment")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    RECURRING_ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CUT_ON_NONPAYMENT_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    recurring_item_id: str
    description: str
    cut_on_nonpayment: bool
    def __init__(self, contract_id: _Optional[str] = ..., recurring_item_id: _Optional[str] = ..., description: _Optional[str] = ..., cut_on_nonpayment: _Optional[bool] = ...) -> None: ...

class PauseContractRequest(_message.Message):
    __slots__ = ("contract_id", "from_period", "until_period")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_PERIOD_FIELD_NUMBER: _ClassVar[int]
    UNTIL_PERIOD_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    from_period: str
    until_period: str
    def __init__(self, contract_id: _Optional[str] = ..., from_period: _Optional[str] = ..., until_period: _Optional[str] = ...) -> None: ...

class TerminateContractRequest(_message.Message):
    __slots__ = ("contract_id", "end_date")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    end_date: str
    def __init__(self, contract_id: _Optional[str] = ..., end_date: _Optional[str] = ...) -> None: ...

class GetContractDocumentRequest(_message.Message):
    __slots__ = ("contract_id", "customer_id", "locale")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    customer_id: str
    locale: str
    def __init__(self, contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., locale: _Optional[str] = ...) -> None: ...

class StoreContractSignatureRequest(_message.Message):
    __slots__ = ("contract_id", "image", "content_type", "signer_name", "customer_id")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIGNER_NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    image: bytes
    content_type: str
    signer_name: str
    customer_id: str
    def __init__(self, contract_id: _Optional[str] = ..., image: _Optional[bytes] = ..., content_type: _Optional[str] = ..., signer_name: _Optional[str] = ..., customer_id: _Optional[str] = ...) -> None: ...

class ContractAttachment(_message.Message):
    __slots__ = ("id", "contract_id", "filename", "content_type", "size", "uploaded_by", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    contract_id: str
    filename: str
    content_type: str
    size: int
    uploaded_by: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., contract_id: _Optional[str] = ..., filename: _Optional[str] = ..., content_type: _Optional[str] = ..., size: _Optional[int] = ..., uploaded_by: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class AddContractAttachmentRequest(_message.Message):
    __slots__ = ("contract_id", "filename", "content", "uploaded_by")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    filename: str
    content: bytes
    uploaded_by: str
    def __init__(self, contract_id: _Optional[str] = ..., filename: _Optional[str] = ..., content: _Optional[bytes] = ..., uploaded_by: _Optional[str] = ...) -> None: ...

class ListContractAttachmentsRequest(_message.Message):
    __slots__ = ("contract_id",)
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    def __init__(self, contract_id: _Optional[str] = ...) -> None: ...

class ListContractAttachmentsResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ContractAttachment]
    def __init__(self, items: _Optional[_Iterable[_Union[ContractAttachment, _Mapping]]] = ...) -> None: ...

class GetContractAttachmentRequest(_message.Message):
    __slots__ = ("contract_id", "attachment_id")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_ID_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    attachment_id: str
    def __init__(self, contract_id: _Optional[str] = ..., attachment_id: _Optional[str] = ...) -> None: ...

class ContractAttachmentContent(_message.Message):
    __slots__ = ("attachment", "content")
    ATTACHMENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    attachment: ContractAttachment
    content: bytes
    def __init__(self, attachment: _Optional[_Union[ContractAttachment, _Mapping]] = ..., content: _Optional[bytes] = ...) -> None: ...

class PdfDocument(_message.Message):
    __slots__ = ("content", "filename", "content_type")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    filename: str
    content_type: str
    def __init__(self, content: _Optional[bytes] = ..., filename: _Optional[str] = ..., content_type: _Optional[str] = ...) -> None: ...

class InvoiceLine(_message.Message):
    __slots__ = ("kind", "description", "quantity", "unit_price", "amount", "tax_rate", "tax_amount", "total")
    KIND_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_FIELD_NUMBER: _ClassVar[int]
    TAX_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    kind: str
    description: str
    quantity: str
    unit_price: str
    amount: str
    tax_rate: str
    tax_amount: str
    total: str
    def __init__(self, kind: _Optional[str] = ..., description: _Optional[str] = ..., quantity: _Optional[str] = ..., unit_price: _Optional[str] = ..., amount: _Optional[str] = ..., tax_rate: _Optional[str] = ..., tax_amount: _Optional[str] = ..., total: _Optional[str] = ...) -> None: ...

class Invoice(_message.Message):
    __slots__ = ("id", "number", "customer_id", "contract_id", "state", "issue_date", "due_date", "lines", "subtotal", "tax_total", "total", "balance", "currency", "period", "kind", "series", "period_start", "period_end", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ISSUE_DATE_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    TAX_TOTAL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SERIES_FIELD_NUMBER: _ClassVar[int]
    PERIOD_START_FIELD_NUMBER: _ClassVar[int]
    PERIOD_END_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    number: str
    customer_id: str
    contract_id: str
    state: str
    issue_date: str
    due_date: str
    lines: _containers.RepeatedCompositeFieldContainer[InvoiceLine]
    subtotal: str
    tax_total: str
    total: str
    balance: str
    currency: str
    period: str
    kind: str
    series: str
    period_start: str
    period_end: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., number: _Optional[str] = ..., customer_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., state: _Optional[str] = ..., issue_date: _Optional[str] = ..., due_date: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[InvoiceLine, _Mapping]]] = ..., subtotal: _Optional[str] = ..., tax_total: _Optional[str] = ..., total: _Optional[str] = ..., balance: _Optional[str] = ..., currency: _Optional[str] = ..., period: _Optional[str] = ..., kind: _Optional[str] = ..., series: _Optional[str] = ..., period_start: _Optional[str] = ..., period_end: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class GetInvoiceRequest(_message.Message):
    __slots__ = ("id", "customer_id", "locale")
    ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    id: str
    customer_id: str
    locale: str
    def __init__(self, id: _Optional[str] = ..., customer_id: _Optional[str] = ..., locale: _Optional[str] = ...) -> None: ...

class ListInvoicesRequest(_message.Message):
    __slots__ = ("page", "customer_id", "state", "contract_id", "period")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    customer_id: str
    state: str
    contract_id: str
    period: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., customer_id: _Optional[str] = ..., state: _Optional[str] = ..., contract_id: _Optional[str] = ..., period: _Optional[str] = ...) -> None: ...

class ListInvoicesResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Invoice]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Invoice, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class RunBillRunRequest(_message.Message):
    __slots__ = ("period",)
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    period: str
    def __init__(self, period: _Optional[str] = ...) -> None: ...

class BillRunResult(_message.Message):
    __slots__ = ("period", "invoices_issued", "total", "currency", "totals")
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    INVOICES_ISSUED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    period: str
    invoices_issued: int
    total: str
    currency: str
    totals: _containers.RepeatedCompositeFieldContainer[_common_pb2.Money]
    def __init__(self, period: _Optional[str] = ..., invoices_issued: _Optional[int] = ..., total: _Optional[str] = ..., currency: _Optional[str] = ..., totals: _Optional[_Iterable[_Union[_common_pb2.Money, _Mapping]]] = ...) -> None: ...

class Allocation(_message.Message):
    __slots__ = ("invoice_id", "invoice_number", "amount")
    INVOICE_ID_FIELD_NUMBER: _ClassVar[int]
    INVOICE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    invoice_id: str
    invoice_number: str
    amount: str
    def __init__(self, invoice_id: _Optional[str] = ..., invoice_number: _Optional[str] = ..., amount: _Optional[str] = ...) -> None: ...

class Payment(_message.Message):
    __slots__ = ("id", "customer_id", "amount", "currency", "method", "channel", "external_ref", "paid_at", "allocations", "unallocated", "duplicate", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_REF_FIELD_NUMBER: _ClassVar[int]
    PAID_AT_FIELD_NUMBER: _ClassVar[int]
    ALLOCATIONS_FIELD_NUMBER: _ClassVar[int]
    UNALLOCATED_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    customer_id: str
    amount: str
    currency: str
    method: str
    channel: str
    external_ref: str
    paid_at: str
    allocations: _containers.RepeatedCompositeFieldContainer[Allocation]
    unallocated: str
    duplicate: bool
    created_at: str
    def __init__(self, id: _Optional[str] = ..., customer_id: _Optional[str] = ..., amount: _Optional[str] = ..., currency: _Optional[str] = ..., method: _Optional[str] = ..., channel: _Optional[str] = ..., external_ref: _Optional[str] = ..., paid_at: _Optional[str] = ..., allocations: _Optional[_Iterable[_Union[Allocation, _Mapping]]] = ..., unallocated: _Optional[str] = ..., duplicate: _Optional[bool] = ..., created_at: _Optional[str] = ...) -> None: ...

class RecordPaymentRequest(_message.Message):
    __slots__ = ("customer_id", "amount", "currency", "method", "channel", "external_ref", "paid_at")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_REF_FIELD_NUMBER: _ClassVar[int]
    PAID_AT_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    amount: str
    currency: str
    method: str
    channel: str
    external_ref: str
    paid_at: str
    def __init__(self, customer_id: _Optional[str] = ..., amount: _Optional[str] = ..., currency: _Optional[str] = ..., method: _Optional[str] = ..., channel: _Optional[str] = ..., external_ref: _Optional[str] = ..., paid_at: _Optional[str] = ...) -> None: ...

class ListPaymentsRequest(_message.Message):
    __slots__ = ("page", "customer_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    customer_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., customer_id: _Optional[str] = ...) -> None: ...

class ListPaymentsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Payment]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Payment, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class CreditNote(_message.Message):
    __slots__ = ("id", "number", "invoice_id", "customer_id", "amount", "currency", "reason", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    INVOICE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    number: str
    invoice_id: str
    customer_id: str
    amount: str
    currency: str
    reason: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., number: _Optional[str] = ..., invoice_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., amount: _Optional[str] = ..., currency: _Optional[str] = ..., reason: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateCreditNoteRequest(_message.Message):
    __slots__ = ("invoice_id", "amount", "reason")
    INVOICE_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    invoice_id: str
    amount: str
    reason: str
    def __init__(self, invoice_id: _Optional[str] = ..., amount: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RunDunningRequest(_message.Message):
    __slots__ = ("as_of",)
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    def __init__(self, as_of: _Optional[str] = ...) -> None: ...

class DunningResult(_message.Message):
    __slots__ = ("as_of", "invoices_overdue", "late_fees_added", "suspensions_due")
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    INVOICES_OVERDUE_FIELD_NUMBER: _ClassVar[int]
    LATE_FEES_ADDED_FIELD_NUMBER: _ClassVar[int]
    SUSPENSIONS_DUE_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    invoices_overdue: int
    late_fees_added: int
    suspensions_due: int
    def __init__(self, as_of: _Optional[str] = ..., invoices_overdue: _Optional[int] = ..., late_fees_added: _Optional[int] = ..., suspensions_due: _Optional[int] = ...) -> None: ...

class GetStatementRequest(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class StatementEntry(_message.Message):
    __slots__ = ("date", "kind", "ref_id", "reference", "debit", "credit", "balance")
    DATE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    REF_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    DEBIT_FIELD_NUMBER: _ClassVar[int]
    CREDIT_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    date: str
    kind: str
    ref_id: str
    reference: str
    debit: str
    credit: str
    balance: str
    def __init__(self, date: _Optional[str] = ..., kind: _Optional[str] = ..., ref_id: _Optional[str] = ..., reference: _Optional[str] = ..., debit: _Optional[str] = ..., credit: _Optional[str] = ..., balance: _Optional[str] = ...) -> None: ...

class Statement(_message.Message):
    __slots__ = ("customer_id", "customer_name", "entries", "balance", "credit", "currency")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    CREDIT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    customer_name: str
    entries: _containers.RepeatedCompositeFieldContainer[StatementEntry]
    balance: str
    credit: str
    currency: str
    def __init__(self, customer_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., entries: _Optional[_Iterable[_Union[StatementEntry, _Mapping]]] = ..., balance: _Optional[str] = ..., credit: _Optional[str] = ..., currency: _Optional[str] = ...) -> None: ...

class GetAgingReportRequest(_message.Message):
    __slots__ = ("as_of", "currency")
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    currency: str
    def __init__(self, as_of: _Optional[str] = ..., currency: _Optional[str] = ...) -> None: ...

class AgingRow(_message.Message):
    __slots__ = ("customer_id", "customer_name", "current", "d0_30", "d31_60", "d61_90", "d90_plus", "total")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    D0_30_FIELD_NUMBER: _ClassVar[int]
    D31_60_FIELD_NUMBER: _ClassVar[int]
    D61_90_FIELD_NUMBER: _ClassVar[int]
    D90_PLUS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    customer_name: str
    current: str
    d0_30: str
    d31_60: str
    d61_90: str
    d90_plus: str
    total: str
    def __init__(self, customer_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., current: _Optional[str] = ..., d0_30: _Optional[str] = ..., d31_60: _Optional[str] = ..., d61_90: _Optional[str] = ..., d90_plus: _Optional[str] = ..., total: _Optional[str] = ...) -> None: ...

class AgingReport(_message.Message):
    __slots__ = ("as_of", "currency", "rows", "totals")
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    currency: str
    rows: _containers.RepeatedCompositeFieldContainer[AgingRow]
    totals: AgingRow
    def __init__(self, as_of: _Optional[str] = ..., currency: _Optional[str] = ..., rows: _Optional[_Iterable[_Union[AgingRow, _Mapping]]] = ..., totals: _Optional[_Union[AgingRow, _Mapping]] = ...) -> None: ...
