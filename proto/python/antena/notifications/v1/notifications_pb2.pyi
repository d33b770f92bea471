from antena.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TemplateRef(_message.Message):
    __slots__ = ("key", "channel", "language")
    KEY_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    key: str
    channel: str
    language: str
    def __init__(self, key: _Optional[str] = ..., channel: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...

class Template(_message.Message):
    __slots__ = ("key", "channel", "language", "subject", "body", "customized", "updated_at", "event_type", "audience", "variables")
    KEY_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMIZED_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    VARIABLES_FIELD_NUMBER: _ClassVar[int]
    key: str
    channel: str
    language: str
    subject: str
    body: str
    customized: bool
    updated_at: str
    event_type: str
    audience: str
    variables: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, key: _Optional[str] = ..., channel: _Optional[str] = ..., language: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., customized: _Optional[bool] = ..., updated_at: _Optional[str] = ..., event_type: _Optional[str] = ..., audience: _Optional[str] = ..., variables: _Optional[_Iterable[str]] = ...) -> None: ...

class ListTemplatesRequest(_message.Message):
    __slots__ = ("key", "channel", "language")
    KEY_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    key: str
    channel: str
    language: str
    def __init__(self, key: _Optional[str] = ..., channel: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...

class ListTemplatesResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Template]
    def __init__(self, items: _Optional[_Iterable[_Union[Template, _Mapping]]] = ...) -> None: ...

class PutTemplateRequest(_message.Message):
    __slots__ = ("ref", "subject", "body")
    REF_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    ref: TemplateRef
    subject: str
    body: str
    def __init__(self, ref: _Optional[_Union[TemplateRef, _Mapping]] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ...) -> None: ...

class PreviewTemplateRequest(_message.Message):
    __slots__ = ("ref", "use_draft", "subject", "body", "data_json")
    REF_FIELD_NUMBER: _ClassVar[int]
    USE_DRAFT_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    DATA_JSON_FIELD_NUMBER: _ClassVar[int]
    ref: TemplateRef
    use_draft: bool
    subject: str
    body: str
    data_json: str
    def __init__(self, ref: _Optional[_Union[TemplateRef, _Mapping]] = ..., use_draft: _Optional[bool] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., data_json: _Optional[str] = ...) -> None: ...

class PreviewTemplateResponse(_message.Message):
    __slots__ = ("subject", "body")
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    subject: str
    body: str
    def __init__(self, subject: _Optional[str] = ..., body: _Optional[str] = ...) -> None: ...

class Notification(_message.Message):
    __slots__ = ("id", "event_id", "event_type", "template", "channel", "language", "recipient", "customer_id", "status", "attempts", "reason", "subject", "body", "created_at", "sent_at", "next_attempt_at", "attachments")
    ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_NUMBER: _ClassVar[int]
    NEXT_ATTEMPT_AT_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    id: str
    event_id: str
    event_type: str
    template: str
    channel: str
    language: str
    recipient: str
    customer_id: str
    status: str
    attempts: int
    reason: str
    subject: str
    body: str
    created_at: str
    sent_at: str
    next_attempt_at: str
    attachments: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., event_id: _Optional[str] = ..., event_type: _Optional[str] = ..., template: _Optional[str] = ..., channel: _Optional[str] = ..., language: _Optional[str] = ..., recipient: _Optional[str] = ..., customer_id: _Optional[str] = ..., status: _Optional[str] = ..., attempts: _Optional[int] = ..., reason: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., created_at: _Optional[str] = ..., sent_at: _Optional[str] = ..., next_attempt_at: _Optional[str] = ..., attachments: _Optional[_Iterable[str]] = ...) -> None: ...

class ListNotificationsRequest(_message.Message):
    __slots__ = ("page", "status", "channel", "recipient", "customer_id", "event_type", "event_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    status: str
    channel: str
    recipient: str
    customer_id: str
    event_type: str
    event_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., status: _Optional[str] = ..., channel: _Optional[str] = ..., recipient: _Optional[str] = ..., customer_id: _Optional[str] = ..., event_type: _Optional[str] = ..., event_id: _Optional[str] = ...) -> None: ...

class ListNotificationsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Notification]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Notification, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class SendNotificationRequest(_message.Message):
    __slots__ = ("template", "channel", "language", "recipient", "name", "customer_id", "data_json", "request_id")
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    DATA_JSON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    template: str
    channel: str
    language: str
    recipient: str
    name: str
    customer_id: str
    data_json: str
    request_id: str
    def __init__(self, template: _Optional[str] = ..., channel: _Optional[str] = ..., language: _Optional[str] = ..., recipient: _Optional[str] = ..., name: _Optional[str] = ..., customer_id: _Optional[str] = ..., data_json: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetNotificationRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetPreferencesRequest(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class Preferences(_message.Message):
    __slots__ = ("customer_id", "language", "email", "sms", "whatsapp", "opted_out", "updated_at")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    SMS_FIELD_NUMBER: _ClassVar[int]
    WHATSAPP_FIELD_NUMBER: _ClassVar[int]
    OPTED_OUT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    language: str
    email: bool
    sms: bool
    whatsapp: bool
    opted_out: bool
    updated_at: str
    def __init__(self, customer_id: _Optional[str] = ..., language: _Optional[str] = ..., email: _Optional[bool] = ..., sms: _Optional[bool] = ..., whatsapp: _Optional[bool] = ..., opted_out: _Optional[bool] = ..., updated_at: _Optional[str] = ...) -> None: ...

class ListChannelsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListChannelsResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ChannelSettings]
    def __init__(self, items: _Optional[_Iterable[_Union[ChannelSettings, _Mapping]]] = ...) -> None: ...

class ChannelSettings(_message.Message):
    __slots__ = ("channel", "enabled", "url", "method", "headers", "body_template", "content_type", "updated_at")
    class HeadersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    BODY_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    channel: str
    enabled: bool
    url: str
    method: str
    headers: _containers.ScalarMap[str, str]
    body_template: str
    content_type: str
    updated_at: str
    def __init__(self, channel: _Optional[str] = ..., enabled: _Optional[bool] = ..., url: _Optional[str] = ..., method: _Optional[str] = ..., headers: _Optional[_Mapping[str, str]] = ..., body_template: _Optional[str] = ..., content_type: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...
