from antena.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CheckCoverageRequest(_message.Message):
    __slots__ = ("lat", "lon", "radius_m", "max_candidates")
    LAT_FIELD_NUMBER: _ClassVar[int]
    LON_FIELD_NUMBER: _ClassVar[int]
    RADIUS_M_FIELD_NUMBER: _ClassVar[int]
    MAX_CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    lat: float
    lon: float
    radius_m: float
    max_candidates: int
    def __init__(self, lat: _Optional[float] = ..., lon: _Optional[float] = ..., radius_m: _Optional[float] = ..., max_candidates: _Optional[int] = ...) -> None: ...

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

class CheckCoverageResponse(_message.Message):
    __slots__ = ("covered", "candidates", "radius_m")
    COVERED_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    RADIUS_M_FIELD_NUMBER: _ClassVar[int]
    covered: bool
    candidates: _containers.RepeatedCompositeFieldContainer[CoverageCandidate]
    radius_m: float
    def __init__(self, covered: _Optional[bool] = ..., candidates: _Optional[_Iterable[_Union[CoverageCandidate, _Mapping]]] = ..., radius_m: _Optional[float] = ...) -> None: ...

class Site(_message.Message):
    __slots__ = ("id", "name", "address", "location", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    address: str
    location: _common_pb2.GeoPoint
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., address: _Optional[str] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateSiteRequest(_message.Message):
    __slots__ = ("name", "address", "location")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    name: str
    address: str
    location: _common_pb2.GeoPoint
    def __init__(self, name: _Optional[str] = ..., address: _Optional[str] = ..., location: _Optional[_Union[_common_pb2.GeoPoint, _Mapping]] = ...) -> None: ...

class ListSitesRequest(_message.Message):
    __slots__ = ("page",)
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListSitesResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Site]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Site, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class Router(_message.Message):
    __slots__ = ("id", "name", "host", "api_port", "username", "kind", "site_id", "has_password", "created_at", "last_reconciled_at", "drift_count", "last_error")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    HOST_FIELD_NUMBER: _ClassVar[int]
    API_PORT_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SITE_ID_FIELD_NUMBER: _ClassVar[int]
    HAS_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_RECONCILED_AT_FIELD_NUMBER: _ClassVar[int]
    DRIFT_COUNT_FIELD_NUMBER: _ClassVar[int]
    LAST_ERROR_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    host: str
    api_port: int
    username: str
    kind: str
    site_id: str
    has_password: bool
    created_at: str
    last_reconciled_at: str
    drift_count: int
    last_error: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., host: _Optional[str] = ..., api_port: _Optional[int] = ..., username: _Optional[str] = ..., kind: _Optional[str] = ..., site_id: _Optional[str] = ..., has_password: _Optional[bool] = ..., created_at: _Optional[str] = ..., last_reconciled_at: _Optional[str] = ..., drift_count: _Optional[int] = ..., last_error: _Optional[str] = ...) -> None: ...

class CreateRouterRequest(_message.Message):
    __slots__ = ("name", "host", "api_port", "username", "password", "kind", "site_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    HOST_FIELD_NUMBER: _ClassVar[int]
    API_PORT_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SITE_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    host: str
    api_port: int
    username: str
    password: str
    kind: str
    site_id: str
    def __init__(self, name: _Optional[str] = ..., host: _Optional[str] = ..., api_port: _Optional[int] = ..., username: _Optional[str] = ..., password: _Optional[str] = ..., kind: _Optional[str] = ..., site_id: _Optional[str] = ...) -> None: ...

class UpdateRouterRequest(_message.Message):
    __slots__ = ("id", "name", "host", "api_port", "username", "password")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    HOST_FIELD_NUMBER: _ClassVar[int]
    API_PORT_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    host: str
    api_port: int
    username: str
    password: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., host: _Optional[str] = ..., api_port: _Optional[int] = ..., username: _Optional[str] = ..., password: _Optional[str] = ...) -> None: ...

class GetRouterRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListRoutersRequest(_message.Message):
    __slots__ = ("page",)
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListRoutersResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Router]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Router, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class Zone(_message.Message):
    __slots__ = ("id", "name", "router_id", "billing_day", "drivers", "pppoe_profile", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROUTER_ID_FIELD_NUMBER: _ClassVar[int]
    BILLING_DAY_FIELD_NUMBER: _ClassVar[int]
    DRIVERS_FIELD_NUMBER: _ClassVar[int]
    PPPOE_PROFILE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    router_id: str
    billing_day: int
    drivers: _containers.RepeatedScalarFieldContainer[str]
    pppoe_profile: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., router_id: _Optional[str] = ..., billing_day: _Optional[int] = ..., drivers: _Optional[_Iterable[str]] = ..., pppoe_profile: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateZoneRequest(_message.Message):
    __slots__ = ("name", "router_id", "billing_day", "drivers", "pppoe_profile")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROUTER_ID_FIELD_NUMBER: _ClassVar[int]
    BILLING_DAY_FIELD_NUMBER: _ClassVar[int]
    DRIVERS_FIELD_NUMBER: _ClassVar[int]
    PPPOE_PROFILE_FIELD_NUMBER: _ClassVar[int]
    name: str
    router_id: str
    billing_day: int
    drivers: _containers.RepeatedScalarFieldContainer[str]
    pppoe_profile: str
    def __init__(self, name: _Optional[str] = ..., router_id: _Optional[str] = ..., billing_day: _Optional[int] = ..., drivers: _Optional[_Iterable[str]] = ..., pppoe_profile: _Optional[str] = ...) -> None: ...

class GetZoneRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListZonesRequest(_message.Message):
    __slots__ = ("page", "router_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    ROUTER_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    router_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., router_id: _Optional[str] = ...) -> None: ...

class ListZonesResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Zone]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Zone, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class Olt(_message.Message):
    __slots__ = ("id", "name", "host", "site_id", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    HOST_FIELD_NUMBER: _ClassVar[int]
    SITE_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    host: str
    site_id: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., host: _Optional[str] = ..., site_id: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateOltRequest(_message.Message):
    __slots__ = ("name", "host", "site_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    HOST_FIELD_NUMBER: _ClassVar[int]
    SITE_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    host: str
    site_id: str
    def __init__(self, name: _Optional[str] = ..., host: _Optional[str] = ..., site_id: _Optional[str] = ...) -> None: ...

class ListOltsRequest(_message.Message):
    __slots__ = ("page",)
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListOltsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Olt]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Olt, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class NapPort(_message.Message):
    __slots__ = ("number", "connection_id")
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    number: int
    connection_id: str
    def __init__(self, number: _Optional[int] = ..., connection_id: _Optional[str] = ...) -> None: ...

class NapBox(_message.Message):
    __slots__ = ("id", "code", "olt_id", "ports", "lat", "lon", "free_ports", "port_map", "zone_id", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    OLT_ID_FIELD_NUMBER: _ClassVar[int]
    PORTS_FIELD_NUMBER: _ClassVar[int]
    LAT_FIELD_NUMBER: _ClassVar[int]
    LON_FIELD_NUMBER: _ClassVar[int]
    FREE_PORTS_FIELD_NUMBER: _ClassVar[int]
    PORT_MAP_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    code: str
    olt_id: str
    ports: int
    lat: float
    lon: float
    free_ports: int
    port_map: _containers.RepeatedCompositeFieldContainer[NapPort]
    zone_id: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., code: _Optional[str] = ..., olt_id: _Optional[str] = ..., ports: _Optional[int] = ..., lat: _Optional[float] = ..., lon: _Optional[float] = ..., free_ports: _Optional[int] = ..., port_map: _Optional[_Iterable[_Union[NapPort, _Mapping]]] = ..., zone_id: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateNapBoxRequest(_message.Message):
    __slots__ = ("code", "olt_id", "ports", "lat", "lon", "zone_id")
    CODE_FIELD_NUMBER: _ClassVar[int]
    OLT_ID_FIELD_NUMBER: _ClassVar[int]
    PORTS_FIELD_NUMBER: _ClassVar[int]
    LAT_FIELD_NUMBER: _ClassVar[int]
    LON_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    code: str
    olt_id: str
    ports: int
    lat: float
    lon: float
    zone_id: str
    def __init__(self, code: _Optional[str] = ..., olt_id: _Optional[str] = ..., ports: _Optional[int] = ..., lat: _Optional[float] = ..., lon: _Optional[float] = ..., zone_id: _Optional[str] = ...) -> None: ...

class GetNapBoxRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListNapBoxesRequest(_message.Message):
    __slots__ = ("page", "olt_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    OLT_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    olt_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., olt_id: _Optional[str] = ...) -> None: ...

class ListNapBoxesResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[NapBox]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[NapBox, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class IpPool(_message.Message):
    __slots__ = ("id", "name", "cidr", "zone_id", "gateway", "excluded", "size", "used", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CIDR_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    USED_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    cidr: str
    zone_id: str
    gateway: str
    excluded: _containers.RepeatedScalarFieldContainer[str]
    size: int
    used: int
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., cidr: _Optional[str] = ..., zone_id: _Optional[str] = ..., gateway: _Optional[str] = ..., excluded: _Optional[_Iterable[str]] = ..., size: _Optional[int] = ..., used: _Optional[int] = ..., created_at: _Optional[str] = ...) -> None: ...

class CreateIpPoolRequest(_message.Message):
    __slots__ = ("name", "cidr", "zone_id", "gateway", "excluded")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CIDR_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_FIELD_NUMBER: _ClassVar[int]
    name: str
    cidr: str
    zone_id: str
    gateway: str
    excluded: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., cidr: _Optional[str] = ..., zone_id: _Optional[str] = ..., gateway: _Optional[str] = ..., excluded: _Optional[_Iterable[str]] = ...) -> None: ...

class GetIpPoolRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListIpPoolsRequest(_message.Message):
    __slots__ = ("page", "zone_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    zone_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., zone_id: _Optional[str] = ...) -> None: ...

class ListIpPoolsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[IpPool]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[IpPool, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class AdditionalService(_message.Message):
    __slots__ = ("id", "kind", "plan", "cut_on_nonpayment", "state", "sip_username", "sip_password", "sip_server", "external_id", "phone_number", "temporary", "tv_mode", "onu_serial")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    CUT_ON_NONPAYMENT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SIP_USERNAME_FIELD_NUMBER: _ClassVar[int]
    SIP_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    SIP_SERVER_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
    PHONE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TEMPORARY_FIELD_NUMBER: _ClassVar[int]
    TV_MODE_FIELD_NUMBER: _ClassVar[int]
    ONU_SERIAL_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    plan: str
    cut_on_nonpayment: bool
    state: str
    sip_username: str
    sip_password: str
    sip_server: str
    external_id: str
    phone_number: str
    temporary: bool
    tv_mode: str
    onu_serial: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., plan: _Optional[str] = ..., cut_on_nonpayment: _Optional[bool] = ..., state: _Optional[str] = ..., sip_username: _Optional[str] = ..., sip_password: _Optional[str] = ..., sip_server: _Optional[str] = ..., external_id: _Optional[str] = ..., phone_number: _Optional[str] = ..., temporary: _Optional[bool] = ..., tv_mode: _Optional[str] = ..., onu_serial: _Optional[str] = ...) -> None: ...

class Connection(_message.Message):
    __slots__ = ("id", "contract_id", "zone_id", "mode", "ip", "pppoe_username", "state", "nap_box_id", "nap_port", "last_provisioned_at", "drift", "order_id", "pppoe_password", "wifi_ssid", "wifi_password", "cpe_mac", "onu_serial", "provisioning_state", "provisioning_error", "provisioning_attempts", "download_rate", "upload_rate", "plan_id", "services", "created_at", "activated_at", "suspended_services", "ip_pool_id", "router_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    IP_FIELD_NUMBER: _ClassVar[int]
    PPPOE_USERNAME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    NAP_BOX_ID_FIELD_NUMBER: _ClassVar[int]
    NAP_PORT_FIELD_NUMBER: _ClassVar[int]
    LAST_PROVISIONED_AT_FIELD_NUMBER: _ClassVar[int]
    DRIFT_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PPPOE_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    WIFI_SSID_FIELD_NUMBER: _ClassVar[int]
    WIFI_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    CPE_MAC_FIELD_NUMBER: _ClassVar[int]
    ONU_SERIAL_FIELD_NUMBER: _ClassVar[int]
    PROVISIONING_STATE_FIELD_NUMBER: _ClassVar[int]
    PROVISIONING_ERROR_FIELD_NUMBER: _ClassVar[int]
    PROVISIONING_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    DOWNLOAD_RATE_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_RATE_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ACTIVATED_AT_FIELD_NUMBER: _ClassVar[int]
    SUSPENDED_SERVICES_FIELD_NUMBER: _ClassVar[int]
    IP_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    ROUTER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    contract_id: str
    zone_id: str
    mode: str
    ip: str
    pppoe_username: str
    state: str
    nap_box_id: str
    nap_port: int
    last_provisioned_at: str
    drift: _containers.RepeatedScalarFieldContainer[str]
    order_id: str
    pppoe_password: str
    wifi_ssid: str
    wifi_password: str
    cpe_mac: str
    onu_serial: str
    provisioning_state: str
    provisioning_error: str
    provisioning_attempts: int
    download_rate: str
    upload_rate: str
    plan_id: str
    services: _containers.RepeatedCompositeFieldContainer[AdditionalService]
    created_at: str
    activated_at: str
    suspended_services: _containers.RepeatedScalarFieldContainer[str]
    ip_pool_id: str
    router_id: str
    def __init__(self, id: _Optional[str] = ..., contract_id: _Optional[str] = ..., zone_id: _Optional[str] = ..., mode: _Optional[str] = ..., ip: _Optional[str] = ..., pppoe_username: _Optional[str] = ..., state: _Optional[str] = ..., nap_box_id: _Optional[str] = ..., nap_port: _Optional[int] = ..., last_provisioned_at: _Optional[str] = ..., drift: _Optional[_Iterable[str]] = ..., order_id: _Optional[str] = ..., pppoe_password: _Optional[str] = ..., wifi_ssid: _Optional[str] = ..., wifi_password: _Optional[str] = ..., cpe_mac: _Optional[str] = ..., onu_serial: _Optional[str] = ..., provisioning_state: _Optional[str] = ..., provisioning_error: _Optional[str] = ..., provisioning_attempts: _Optional[int] = ..., download_rate: _Optional[str] = ..., upload_rate: _Optional[str] = ..., plan_id: _Optional[str] = ..., services: _Optional[_Iterable[_Union[AdditionalService, _Mapping]]] = ..., created_at: _Optional[str] = ..., activated_at: _Optional[str] = ..., suspended_services: _Optional[_Iterable[str]] = ..., ip_pool_id: _Optional[str] = ..., router_id: _Optional[str] = ...) -> None: ...

class GetConnectionRequest(_message.Message):
    __slots__ = ("id", "contract_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    contract_id: str
    def __init__(self, id: _Optional[str] = ..., contract_id: _Optional[str] = ...) -> None: ...

class ListConnectionsRequest(_message.Message):
    __slots__ = ("page", "state", "zone_id", "drift_only", "contract_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    DRIFT_ONLY_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    state: str
    zone_id: str
    drift_only: bool
    contract_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., state: _Optional[str] = ..., zone_id: _Optional[str] = ..., drift_only: _Optional[bool] = ..., contract_id: _Optional[str] = ...) -> None: ...

class ListConnectionsResponse(_message.Message):
    __slots__ = ("items", "next_cursor")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Connection]
    next_cursor: str
    def __init__(self, items: _Optional[_Iterable[_Union[Connection, _Mapping]]] = ..., next_cursor: _Optional[str] = ...) -> None: ...

class ChangeConnectionZoneRequest(_message.Message):
    __slots__ = ("id", "zone_id", "ip")
    ID_FIELD_NUMBER: _ClassVar[int]
    ZONE_ID_FIELD_NUMBER: _ClassVar[int]
    IP_FIELD_NUMBER: _ClassVar[int]
    id: str
    zone_id: str
    ip: str
    def __init__(self, id: _Optional[str] = ..., zone_id: _Optional[str] = ..., ip: _Optional[str] = ...) -> None: ...

class AddConnectionServiceRequest(_message.Message):
    __slots__ = ("connection_id", "service")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    service: AdditionalService
    def __init__(self, connection_id: _Optional[str] = ..., service: _Optional[_Union[AdditionalService, _Mapping]] = ...) -> None: ...

class UpdateConnectionServiceRequest(_message.Message):
    __slots__ = ("connection_id", "service_id", "onu_serial", "sip_username", "sip_password", "phone_number", "temporary", "set_temporary", "plan")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    SERVICE_ID_FIELD_NUMBER: _ClassVar[int]
    ONU_SERIAL_FIELD_NUMBER: _ClassVar[int]
    SIP_USERNAME_FIELD_NUMBER: _ClassVar[int]
    SIP_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PHONE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TEMPORARY_FIELD_NUMBER: _ClassVar[int]
    SET_TEMPORARY_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    service_id: str
    onu_serial: str
    sip_username: str
    sip_password: str
    phone_number: str
    temporary: bool
    set_temporary: bool
    plan: str
    def __init__(self, connection_id: _Optional[str] = ..., service_id: _Optional[str] = ..., onu_serial: _Optional[str] = ..., sip_username: _Optional[str] = ..., sip_password: _Optional[str] = ..., phone_number: _Optional[str] = ..., temporary: _Optional[bool] = ..., set_temporary: _Optional[bool] = ..., plan: _Optional[str] = ...) -> None: ...

class TelemetrySample(_message.Message):
    __slots__ = ("device", "collected_at", "uptime_seconds", "in_octets", "out_octets", "optical_power_dbm")
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    COLLECTED_AT_FIELD_NUMBER: _ClassVar[int]
    UPTIME_SECONDS_FIELD_NUMBER: _ClassVar[int]
    IN_OCTETS_FIELD_NUMBER: _ClassVar[int]
    OUT_OCTETS_FIELD_NUMBER: _ClassVar[int]
    OPTICAL_POWER_DBM_FIELD_NUMBER: _ClassVar[int]
    device: str
    collected_at: str
    uptime_seconds: int
    in_octets: int
    out_octets: int
    optical_power_dbm: str
    def __init__(self, device: _Optional[str] = ..., collected_at: _Optional[str] = ..., uptime_seconds: _Optional[int] = ..., in_octets: _Optional[int] = ..., out_octets: _Optional[int] = ..., optical_power_dbm: _Optional[str] = ...) -> None: ...

class GetConnectionTelemetryRequest(_message.Message):
    __slots__ = ("connection_id", "limit")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    limit: int
    def __init__(self, connection_id: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class GetConnectionTelemetryResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[TelemetrySample]
    def __init__(self, items: _Optional[_Iterable[_Union[TelemetrySample, _Mapping]]] = ...) -> None: ...

class Device(_message.Message):
    __slots__ = ("id", "connection_id", "name", "kind", "host", "port", "optical_oid", "optical_scale", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    HOST_FIELD_NUMBER: _ClassVar[int]
    PORT_FIELD_NUMBER: _ClassVar[int]
    OPTICAL_OID_FIELD_NUMBER: _ClassVar[int]
    OPTICAL_SCALE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    connection_id: str
    name: str
    kind: str
    host: str
    port: int
    optical_oid: str
    optical_scale: float
    created_at: str
    def __init__(self, id: _Optional[str] = ..., connection_id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., host: _Optional[str] = ..., port: _Optional[int] = ..., optical_oid: _Optional[str] = ..., optical_scale: _Optional[float] = ..., created_at: _Optional[str] = ...) -> None: ...

class RegisterDeviceRequest(_message.Message):
    __slots__ = ("connection_id", "name", "kind", "host", "port", "community", "optical_oid", "optical_scale")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    HOST_FIELD_NUMBER: _ClassVar[int]
    PORT_FIELD_NUMBER: _ClassVar[int]
    COMMUNITY_FIELD_NUMBER: _ClassVar[int]
    OPTICAL_OID_FIELD_NUMBER: _ClassVar[int]
    OPTICAL_SCALE_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    name: str
    kind: str
    host: str
    port: int
    community: str
    optical_oid: str
    optical_scale: float
    def __init__(self, connection_id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., host: _Optional[str] = ..., port: _Optional[int] = ..., community: _Optional[str] = ..., optical_oid: _Optional[str] = ..., optical_scale: _Optional[float] = ...) -> None: ...

class ListDevicesRequest(_message.Message):
    __slots__ = ("connection_id",)
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    def __init__(self, connection_id: _Optional[str] = ...) -> None: ...

class ListDevicesResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Device]
    def __init__(self, items: _Optional[_Iterable[_Union[Device, _Mapping]]] = ...) -> None: ...

class PollDevicesRequest(_message.Message):
    __slots__ = ("connection_id",)
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    def __init__(self, connection_id: _Optional[str] = ...) -> None: ...

class PollDevicesResponse(_message.Message):
    __slots__ = ("polled",)
    POLLED_FIELD_NUMBER: _ClassVar[int]
    polled: int
    def __init__(self, polled: _Optional[int] = ...) -> None: ...

class DriftItem(_message.Message):
    __slots__ = ("connection_id", "kind", "detail", "repaired", "found_at")
    CONNECTION_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    REPAIRED_FIELD_NUMBER: _ClassVar[int]
    FOUND_AT_FIELD_NUMBER: _ClassVar[int]
    connection_id: str
    kind: str
    detail: str
    repaired: bool
    found_at: str
    def __init__(self, connection_id: _Optional[str] = ..., kind: _Optional[str] = ..., detail: _Optional[str] = ..., repaired: _Optional[bool] = ..., found_at: _Optional[str] = ...) -> None: ...

class DriftReport(_message.Message):
    __slots__ = ("router_id", "checked_at", "items", "error")
    ROUTER_ID_FIELD_NUMBER: _ClassVar[int]
    CHECKED_AT_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    router_id: str
    checked_at: str
    items: _containers.RepeatedCompositeFieldContainer[DriftItem]
    error: str
    def __init__(self, router_id: _Optional[str] = ..., checked_at: _Optional[str] = ..., items: _Optional[_Iterable[_Union[DriftItem, _Mapping]]] = ..., error: _Optional[str] = ...) -> None: ...

class ReconcileRouterRequest(_message.Message):
    __slots__ = ("router_id", "repair")
    ROUTER_ID_FIELD_NUMBER: _ClassVar[int]
    REPAIR_FIELD_NUMBER: _ClassVar[int]
    router_id: str
    repair: bool
    def __init__(self, router_id: _Optional[str] = ..., repair: _Optional[bool] = ...) -> None: ...

class ReconcileBillingRequest(_message.Message):
    __slots__ = ("repair",)
    REPAIR_FIELD_NUMBER: _ClassVar[int]
    repair: bool
    def __init__(self, repair: _Optional[bool] = ...) -> None: ...

class GetRouterDriftRequest(_message.Message):
    __slots__ = ("router_id",)
    ROUTER_ID_FIELD_NUMBER: _ClassVar[int]
    router_id: str
    def __init__(self, router_id: _Optional[str] = ...) -> None: ...
