from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "network"
    model_config = service_config("network")
