from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "sales"
    model_config = service_config("sales")

    attachment_max_bytes: int = 10 * 1024 * 1024
    check_coverage: bool = True   # ask network's CheckCoverage when a ticket is created
    check_catalog: bool = True    # ask billing to validate plan/item/discount ids of prospects
