from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "sales"
    model_config = service_config("sales")

    attachments_dir: str = ""  # default: <data_dir>/sales-attachments
    attachment_max_bytes: int = 10 * 1024 * 1024
