"""Settings come from the environment with working defaults for the embedded mode."""
import os

import pytest

from antena_common.settings import DEFAULT_GRPC_PORTS, PlatformSettings, ServiceSettings, service_config


class DemoSettings(ServiceSettings):
    SERVICE = "billing"
    model_config = service_config("billing")


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for key in list(os.environ):
        if key.startswith("ANTENA_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    return monkeypatch


def test_platform_defaults(clean_env):
    s = PlatformSettings()
    assert s.env == "development"
    assert s.broker_url == "memory://" and s.embedded
    assert s.log_format == "console"
    assert str(s.data_dir) == "var"
    assert s.grpc_target("sales") == "127.0.0.1:50051"
    assert s.grpc_target("notifications") == "127.0.0.1:50055"


def test_platform_from_environment(clean_env):
    clean_env.setenv("ANTENA_BROKER_URL", "amqp://u:p@rabbit:5672/")
    clean_env.setenv("ANTENA_SALES_GRPC", "sales:6000")
    clean_env.setenv("ANTENA_GRPC_HOST", "10.0.0.9")
    s = PlatformSettings()
    assert not s.embedded
    assert s.grpc_target("sales") == "sales:6000"
    assert s.grpc_target("billing") == "10.0.0.9:50054"


def test_service_defaults_embedded(clean_env, tmp_path):
    clean_env.setenv("ANTENA_DATA_DIR", str(tmp_path / "data"))
    s = DemoSettings()
    assert s.database_url == f"sqlite:///{(tmp_path / 'data' / 'billing.db').resolve()}"
    assert (tmp_path / "data").is_dir()
    assert s.grpc_bind == "127.0.0.1:50054"  # loopback only on a laptop
    assert s.outbox_poll_seconds > 0


def test_service_defaults_distributed(clean_env):
    clean_env.setenv("ANTENA_BROKER_URL", "amqp://rabbit/")
    clean_env.setenv("ANTENA_BILLING_DATABASE_URL", "postgresql+psycopg://db/billing")
    s = DemoSettings()
    assert s.database_url == "postgresql+psycopg://db/billing"
    assert s.grpc_bind == "0.0.0.0:50054"  # reachable by the other containers


def test_service_prefix_is_its_own(clean_env):
    clean_env.setenv("ANTENA_SALES_DATABASE_URL", "postgresql+psycopg://db/sales")
    clean_env.setenv("ANTENA_BILLING_GRPC_BIND", "0.0.0.0:7000")
    s = DemoSettings()
    assert "sales" not in s.database_url
    assert s.grpc_bind == "0.0.0.0:7000"


def test_every_service_has_a_distinct_port():
    assert len(set(DEFAULT_GRPC_PORTS.values())) == len(DEFAULT_GRPC_PORTS)
