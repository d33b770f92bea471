from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "network"
    model_config = service_config("network")

    # coverage
    coverage_radius_m: float = 300.0
    coverage_max_candidates: int = 5
    # credentials (seed 004); fields: phone, first_name, last_name, first_name_lower, last_name_lower, document,
    # contract_short
    pppoe_username_rule: str = "{phone}"
    pppoe_password_rule: str = "{phone}M"
    wifi_ssid_rule: str = "{last_name}"
    wifi_password_rule: str = "{last_name_lower}2024MB"
    # provisioning
    default_drivers: str = "mikrotik"          # drivers of a zone created without any: mikrotik,radius
    radius_database_url: str = ""              # FreeRADIUS SQL database (radcheck, radreply...)
    suspended_address_list: str = "antena-suspended"
    router_timeout_seconds: float = 5.0
    retry_base_seconds: float = 5.0
    retry_max_seconds: float = 300.0
    provisioning_poll_seconds: float = 0.5
    default_download_rate: str = ""            # when billing cannot tell the plan's rates
    default_upload_rate: str = ""
    # reconciliation and monitoring
    reconcile_every_seconds: float = 300.0
    snmp_poll_every_seconds: float = 300.0
    snmp_timeout_seconds: float = 1.0
    optical_power_min_dbm: float = -27.0
    optical_power_max_dbm: float = -8.0
    telemetry_keep: int = 288
    default_sip_server: str = ""
