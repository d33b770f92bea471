from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "orders"
    model_config = service_config("orders")

    photo_max_bytes: int = 3 * 1024 * 1024  # below the 4 MB gRPC message limit
    signature_max_bytes: int = 1024 * 1024
    billing_timeout_seconds: float = 2.0  # plan names on the sheet, billing profile checks
