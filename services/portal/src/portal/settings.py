from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "portal"
    model_config = service_config("portal")
