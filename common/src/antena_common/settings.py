"""Typed settings from the environment (pydantic-settings).

Platform-wide values use the prefix ANTENA_ (ANTENA_BROKER_URL, ANTENA_DATA_DIR,
ANTENA_SALES_GRPC...); a service's own values use ANTENA_<SERVICE>_ (for
example ANTENA_BILLING_DATABASE_URL).
"""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICES = ("sales", "orders", "network", "billing", "notifications", "portal", "gateway")
DEFAULT_GRPC_PORTS = {
    "sales": 50051,
    "orders": 50052,
    "network": 50053,
    "billing": 50054,
    "notifications": 50055,
    "portal": 50056,
    "gateway": 50057,
}


class PlatformSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ANTENA_", extra="ignore")

    env: str = "development"
    data_dir: Path = Path("var")
    broker_url: str = "memory://"
    log_level: str = "INFO"
    log_format: str = "console"  # console | json
    grpc_host: str = "127.0.0.1"  # where the other services are reached by default
    sales_grpc: str = ""
    orders_grpc: str = ""
    network_grpc: str = ""
    billing_grpc: str = ""
    notifications_grpc: str = ""
    otel_endpoint: str = ""

    def grpc_target(self, service: str) -> str:
        explicit = getattr(self, f"{service}_grpc", "")
        return explicit or f"{self.grpc_host}:{DEFAULT_GRPC_PORTS[service]}"

    @property
    def embedded(self) -> bool:
        return self.broker_url.startswith("memory://")


class ServiceSettings(BaseSettings):
    """Base for a service's own settings; subclasses set SERVICE and env_prefix."""

    SERVICE: ClassVar[str] = ""
    database_url: str = ""
    grpc_bind: str = ""
    consumer_threads: int = 1
    outbox_poll_seconds: float = 0.05
    metrics_port: int = 0  # > 0: serve Prometheus /metrics on this port
    metrics_host: str = "0.0.0.0"

    @model_validator(mode="after")
    def _defaults(self):
        platform = PlatformSettings()
        if not self.database_url:
            platform.data_dir.mkdir(parents=True, exist_ok=True)
            self.database_url = f"sqlite:///{(platform.data_dir / (self.SERVICE + '.db')).resolve()}"
        if not self.grpc_bind:
            self.grpc_bind = f"127.0.0.1:{DEFAULT_GRPC_PORTS[self.SERVICE]}" if platform.embedded else f"0.0.0.0:{DEFAULT_GRPC_PORTS[self.SERVICE]}"
        return self


def service_config(service: str) -> SettingsConfigDict:
    return SettingsConfigDict(env_prefix=f"ANTENA_{service.upper()}_", extra="ignore")
