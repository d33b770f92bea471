from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "gateway"
    model_config = service_config("gateway")

    port: int = 8000
    host: str = "127.0.0.1"
    jwt_secret: str = ""  # required outside development; generated and kept in the data dir otherwise
    token_ttl_seconds: int = 8 * 3600
    admin_password: str = ""  # ANTENA_GATEWAY_ADMIN_PASSWORD; also read from ANTENA_ADMIN_PASSWORD
    upload_max_bytes: int = 10 * 1024 * 1024
