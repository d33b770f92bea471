from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "billing"
    model_config = service_config("billing")

    dunning_every_seconds: float = 3600.0
    attachment_max_bytes: int = 10 * 1024 * 1024  # contract attachments
