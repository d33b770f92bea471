from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class ConnectionReserved(_message.Message):
    __slots__ = ("connection_id", "contract_id", "order_id", "zone_id", "mode", "ip", "pppoe_username", "nap_box_id", "nap_port", "wifi_ssid", "wifi_password", "request_id", "pppoe_password", "zone_name", "billing_day", "router_id", "gateway", "nap_box_code")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    IP_FIELD_NUMBER: _ClassVar[int]
    PPPOE_USERNAME_FIELD_NUMBER: _ClassVar[int]
    NAP_BOX_ID_FIELD_NUMBER: _ClassVar[int]
    NAP_PORT_FIELD_NUMBER: _ClassVar[int]
    WIFI_SSID_FIELD_NUMBER: _ClassVar[int]
    WIFI_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    PPPOE_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    ZONE_NAME_FIELD_NUMBER: _ClassVar[int]
    BILLING_DAY_FIELD_NUMBER: _ClassVar[int]
    ROUTER_ID_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_FIELD_NUMBER: _ClassVar[int]
    NAP_BOX_CODE_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    contract_id: str
    order_id: str
    zone_id: str
    mode: str
    ip: str
    pppoe_username: str
    nap_box_id: str
    nap_port: int
    wifi_ssid: str
    wifi_password: str
    request_id: str
    pppoe_password: str
    zone_name: str
    billing_day: int
    router_id: str
    gateway: str
    nap_box_code: str
    def __init__(self, connection_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., order_id: _Optional[str] = ..., zone_id: _Optional[str] = ..., mode: _Optional[str] = ..., ip: _Optional[str] = ..., pppoe_username: _Optional[str] = ..., nap_box_id: _Optional[str] = ..., nap_port: _Optional[int] = ..., wifi_ssid: _Optional[str] = ..., wifi_password: _Optional[str] = ..., request_id: _Optional[str] = ..., pppoe_password: _Optional[str] = ..., zone_name: _Optional[str] = ..., billing_day: _Optional[int] = ..., router_id: _Optional[str] = ..., gateway: _Optional[str] = ..., nap_box_code: _Optional[str] = ...) -> None: ...

class ConnectionRejected(_message.Message):
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

class ConnectionActivated(_message.Message):
    __slots__ = ("connection_id", "contract_id", "order_id", "activated_at")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVATED_AT_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    contract_id: str
    order_id: str
    activated_at: str
    def __init__(self, connection_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., order_id: _Optional[str] = ..., activated_at: _Optional[str] = ...) -> None: ...

class ConnectionSuspended(_message.Message):
    __slots__ = ("connection_id", "contract_id", "services")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    contract_id: str
    services: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, connection_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., services: _Optional[_Iterable[str]] = ...) -> None: ...

class ConnectionRestored(_message.Message):
    __slots__ = ("connection_id", "contract_id", "services")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    contract_id: str
    services: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, connection_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., services: _Optional[_Iterable[str]] = ...) -> None: ...

class ConnectionTerminated(_message.Message):
    __slots__ = ("connection_id", "contract_id")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    contract_id: str
    def __init__(self, connection_id: _Optional[str] = ..., contract_id: _Optional[str] = ...) -> None: ...

class ProvisioningFailed(_message.Message):
    __slots__ = ("connection_id", "contract_id", "driver", "reason", "attempt")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    DRIVER_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    contract_id: str
    driver: str
    reason: str
    attempt: int
    def __init__(self, connection_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., driver: _Optional[str] = ..., reason: _Optional[str] = ..., attempt: _Optional[int] = ...) -> None: ...

class DeviceTelemetry(_message.Message):
    __slots__ = ("connection_id", "device", "collected_at", "uptime_seconds", "in_octets", "out_octets", "optical_power_dbm")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    COLLECTED_AT_FIELD_NUMBER: _ClassVar[int]
    UPTIME_SECONDS_FIELD_NUMBER: _ClassVar[int]
    IN_OCTETS_FIELD_NUMBER: _ClassVar[int]
    OUT_OCTETS_FIELD_NUMBER: _ClassVar[int]
    OPTICAL_POWER_DBM_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    device: str
    collected_at: str
    uptime_seconds: int
    in_octets: int
    out_octets: int
    optical_power_dbm: str
    def __init__(self, connection_id: _Optional[str] = ..., device: _Optional[str] = ..., collected_at: _Optional[str] = ..., uptime_seconds: _Optional[int] = ..., in_octets: _Optional[int] = ..., out_octets: _Optional[int] = ..., optical_power_dbm: _Optional[str] = ...) -> None: ...

class DeviceAlert(_message.Message):
    __slots__ = ("connection_id", "contract_id", "device", "metric", "value", "threshold")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    contract_id: str
    device: str
    metric: str
    value: str
    threshold: str
    def __init__(self, connection_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., device: _Optional[str] = ..., metric: _Optional[str] = ..., value: _Optional[str] = ..., threshold: _Optional[str] = ...) -> None: ...
