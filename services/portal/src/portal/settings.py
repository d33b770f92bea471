from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "portal"
    model_config = service_config("portal")

    port: int = 8080                       # ANTENA_PORTAL_PORT
    host: str = "127.0.0.1"
    public_url: str = ""                   # base of the links in e-mails; default http://127.0.0.1:<port>
    cookie_secure: bool | None = None      # default: on outside development

    isp_slug: str = "mi-isp"               # /i/<slug>/solicitar-instalacion
    isp_id: str = ""                       # the ISP's UUID (default: derived from the slug)
    isp_name: str = "Antena"
    required_documents: str = "id_front,id_back,proof_of_address"  # any of these; "" = none required
    upload_max_bytes: int = 5 * 1024 * 1024
    requests_per_ip_per_hour: int = 5

    session_hours: int = 12
    invitation_days: int = 7
    reset_minutes: int = 60
    signing_days: int = 7
    login_failures_per_15_min: int = 10
    resets_per_ip_per_hour: int = 10
    link_misses_per_15_min: int = 20      # unknown/expired link tokens per IP before 429 (no guessing)
