from antena_common.settings import ServiceSettings, service_config


class Settings(ServiceSettings):
    SERVICE = "gateway"
    model_config = service_config("gateway")

    port: int = 8000
    host: str = "127.0.0.1"
    jwt_secret: str = ""  # required outside development; generated and kept in the data dir otherwise
    token_ttl_seconds: int = 8 * 3600
    admin_password: str = ""  # ANTENA_GATEWAY_ADMIN_PASSWORD; also read from ANTENA_ADMIN_PASSWORD
    upload_max_bytes: int = 10 * 1024 * 1024  # request bodies above this get 413
    cors_origins: str = ""  # comma separated, e.g. "https://staff.example.com,http://localhost:5173"
    idempotency_ttl_seconds: int = 24 * 3600
    idempotency_lock_seconds: int = 300  # an unfinished request holds its key this long (then it may run again)
    idempotency_max_body_bytes: int = 1024 * 1024  # larger answers are not stored (the key is released)
    login_max_failures: int = 10  # per username + client IP ...
    login_window_seconds: int = 300  # ... within this window, then 429
    user_cache_seconds: float = 5.0  # how long a user's active flag / roles are trusted without reading the DB
    grpc_timeout_seconds: float = 15.0  # default deadline of a call to a service
    ready_timeout_seconds: float = 2.0
    # GET /v1/tickets pages kept in memory until sales.ticket_changed says a ticket changed,
    # at most this long (a bound for a late event); 0 turns the cache off
    ticket_list_cache_seconds: float = 5.0

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]
