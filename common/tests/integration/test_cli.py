"""The commands containers and Kubernetes run: `antena migrate <service>`,
`antena run <service> --no-migrate` and `antena health <service>`, as
docker-compose.yml and deploy/k8s use them (PostgreSQL + RabbitMQ)."""
import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, inspect

pytestmark = pytest.mark.integration


def _antena(*args, env, timeout=60):
    return subprocess.run([sys.executable, "-m", "antena_common.cli", *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_migrate_run_and_health(pg_url, amqp_url, free_port, tmp_path):
    port = free_port()
    env = {**os.environ, "ANTENA_ENV": "production", "ANTENA_LOG_FORMAT": "json", "ANTENA_DATA_DIR": str(tmp_path),
           "ANTENA_BROKER_URL": amqp_url, "ANTENA_ORDERS_DATABASE_URL": pg_url,
           "ANTENA_ORDERS_GRPC_BIND": f"0.0.0.0:{port}"}

    unhealthy = _antena("health", "orders", env=env)
    assert unhealthy.returncode == 1 and "UNAVAILABLE" in unhealthy.stdout

    migrated = _antena("migrate", "orders", env=env)
    assert migrated.returncode == 0, migrated.stderr
    engine = create_engine(pg_url)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {"alembic_version", "outbox", "inbox", "orders"} <= tables

    proc = subprocess.Popen([sys.executable, "-m", "antena_common.cli", "run", "orders", "--no-migrate"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            healthy = _antena("health", "orders", env=env)
            if healthy.returncode == 0 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert healthy.returncode == 0, healthy.stdout
        assert f"127.0.0.1:{port}" in healthy.stdout and "SERVING" in healthy.stdout
    finally:
        proc.terminate()
        proc.wait(15)
    assert _antena("health", "orders", env=env).returncode == 1

    unknown = _antena("migrate", "nosuchservice", env=env)
    assert unknown.returncode == 2
