from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class NotificationSent(_message.Message):
    __slots__ = ("notification_id", "event_id", "channel", "recipient", "template")
    NOTIFICATION_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    notification_id: str
    event_id: str
    channel: str
    recipient: str
    template: str
    def __init__(self, notification_id: _Optional[str] = ..., event_id: _Optional[str] = ..., channel: _Optional[str] = ..., recipient: _Optional[str] = ..., template: _Optional[str] = ...) -> None: ...

class NotificationFailed(_message.Message):
    __slots__ = ("notification_id", "event_id", "channel", "recipient", "reason")
    NOTIFICATION_ID_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    notification_id: str
    event_id: str
    channel: str
    recipient: str
    reason: str
    def __init__(self, notification_id: _Optional[str] = ..., event_id: _Optional[str] = ..., channel: _Optional[str] = ..., recipient: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...
