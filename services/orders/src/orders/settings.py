from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "orders"
    model_config = service_config("orders")
