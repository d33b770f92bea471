from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "notifications"
    model_config = service_config("notifications")
