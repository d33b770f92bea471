"""pytest fixtures for real peers, shared by every service's tests.

PostgreSQL: ANTENA_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/postgres);
each test gets a database of its own, dropped afterwards.
RabbitMQ: ANTENA_TEST_AMQP (default amqp://guest:guest@127.0.0.1:5672/); each
test gets a virtual host of its own (made with rabbitmqctl), deleted afterwards.
A missing peer skips the test with the reason, except in CI (CI=true), where
it fails: CI must run every test.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import uuid
from typing import Callable
from urllib.parse import urlsplit

import pytest

PG_ADMIN_URL = os.environ.get("ANTENA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
AMQP_URL = os.environ.get("ANTENA_TEST_AMQP", "amqp://guest:guest@127.0.0.1:5672/")


def peer_missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not reachable, and CI must run every test")
    pytest.skip(f"{what} is not reachable (start it, see README 'Tests')")


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A port nothing listens on now and that this process has not handed out before: the
    kernel may give the same free port twice in a row, and a system asks for a dozen at once
    before binding any (two services on one port failed to start)."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


def wait_until(predicate: Callable[[], object], timeout: float = 10.0, interval: float = 0.02, message: str = ""):
    """Poll until predicate() is truthy; return its value or fail the test."""
    deadline = time.monotonic() + timeout
    last_exc = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except AssertionError as exc:
            last_exc = exc
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting: {message or predicate}" + (f" ({last_exc})" if last_exc else ""))


def create_pg_database(prefix: str = "antena_t") -> str:
    from sqlalchemy import create_engine, text

    parts = urlsplit(PG_ADMIN_URL.replace("postgresql+psycopg", "postgresql"))
    if not _port_open(parts.hostname or "127.0.0.1", parts.port or 5432):
        peer_missing(f"PostgreSQL at {parts.hostname}:{parts.port}")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(url: str) -> None:
    from sqlalchemy import create_engine, text

    name = url.rsplit("/", 1)[1]
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def sql_rows(url: str, sql: str, **params) -> list:
    """The rows of one query on a service's database (its own short-lived connection)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).all()
    finally:
        engine.dispose()


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for this test."""
    url = create_pg_database()
    yield url
    drop_pg_database(url)


def create_vhost() -> str:
    parts = urlsplit(AMQP_URL)
    if not _port_open(parts.hostname or "127.0.0.1", parts.port or 5672):
        peer_missing(f"RabbitMQ at {parts.hostname}:{parts.port}")
    if not shutil.which("rabbitmqctl"):
        peer_missing("rabbitmqctl (to make a test virtual host)")
    vhost = f"antena_t_{uuid.uuid4().hex[:10]}"
    subprocess.run(["rabbitmqctl", "-q", "add_vhost", vhost], check=True, capture_output=True)
    subprocess.run(["rabbitmqctl", "-q", "set_permissions", "-p", vhost, parts.username or "guest", ".*", ".*", ".*"],
                   check=True, capture_output=True)
    return vhost


def delete_vhost(vhost: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", "delete_vhost", vhost], capture_output=True)


@pytest.fixture
def amqp_url():
    """A RabbitMQ URL on a virtual host of this test's own."""
    vhost = create_vhost()
    yield AMQP_URL.rstrip("/") + "/" + vhost
    delete_vhost(vhost)


@pytest.fixture
def memory_bus_url():
    """A kombu in-memory bus, emptied before the test."""
    from kombu.transport import memory

    memory.Channel.queues.clear()
    memory.Channel.events.clear()
    memory.Transport.global_state.clear()
    return "memory://"


SERVICE_NAMES = ("sales", "orders", "network", "billing", "notifications", "portal", "gateway")


class System:
    """A running Antena: URLs to talk to it and a way to stop it."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.gateway_url = f"http://127.0.0.1:{env['ANTENA_GATEWAY_PORT']}"
        self.portal_url = f"http://127.0.0.1:{env['ANTENA_PORTAL_PORT']}"
        self.admin_password = env["ANTENA_ADMIN_PASSWORD"]

    def grpc_target(self, service: str) -> str:
        return self.env[f"ANTENA_{service.upper()}_GRPC"]

    def token(self, username: str = "admin", password: str | None = None) -> str:
        import httpx

        r = httpx.post(f"{self.gateway_url}/v1/auth/token",
                       json={"username": username, "password": password or self.admin_password}, timeout=10)
        r.raise_for_status()
        return r.json()["access_token"]

    def client(self, token: str | None = None):
        """An httpx client on the gateway, logged in as admin unless a token is given."""
        import httpx

        return httpx.Client(base_url=self.gateway_url, timeout=15,
                            headers={"Authorization": f"Bearer {token or self.token()}"})


def system_env(data_dir, *, broker_url: str = "memory://", database_urls: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for a whole system on free ports (embedded or distributed)."""
    env = {
        "ANTENA_DATA_DIR": str(data_dir),
        "ANTENA_BROKER_URL": broker_url,
        "ANTENA_ADMIN_PASSWORD": "admin-test-password",
        "ANTENA_GATEWAY_JWT_SECRET": "test-secret-" + uuid.uuid4().hex,
        "ANTENA_GATEWAY_PORT": str(free_port()),
        "ANTENA_PORTAL_PORT": str(free_port()),
        "ANTENA_LOG_LEVEL": os.environ.get("ANTENA_LOG_LEVEL", "WARNING"),
    }
    for name in SERVICE_NAMES:
        port = free_port()
        env[f"ANTENA_{name.upper()}_GRPC_BIND"] = f"127.0.0.1:{port}"
        env[f"ANTENA_{name.upper()}_GRPC"] = f"127.0.0.1:{port}"
    for name, url in (database_urls or {}).items():
        env[f"ANTENA_{name.upper()}_DATABASE_URL"] = url
    return env


class EmbeddedSystem(System):
    """Every service in this process (the embedded mode), as `antena up` runs it."""

    def __init__(self, env: dict[str, str], only: list[str] | None = None):
        super().__init__(env)
        self._saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        from .cli import start_all

        try:
            self.runtimes = start_all(only)
        except Exception:
            self._restore()
            raise
        self.by_name = {r.name: r for r in self.runtimes}

    def _restore(self) -> None:
        for k, v in self._saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v

    def stop(self) -> None:
        for runtime in reversed(self.runtimes):
            runtime.stop()
        self._restore()


class ProcessSystem(System):
    """Every service as its own `antena run <service>` process (the distributed mode).

    `replicas={"orders": 2}` runs two processes of orders, as a Deployment with
    two pods would: each on its own gRPC port (and HTTP/metrics port where the
    service has one), consuming the same queues (competing consumers), on the
    same database, migrated once beforehand (the migrations Job). The other
    services reach them through one target listing every replica
    (`ipv4:127.0.0.1:p1,127.0.0.1:p2`), balanced round robin by the client
    channel (see rpc.channel). Process names: `orders` is the first replica,
    `orders.1` the second, and so on; `kill`/`start` take either.
    """

    def __init__(self, env: dict[str, str], log_dir, only: list[str] | None = None,
                 replicas: dict[str, int] | None = None):
        from pathlib import Path

        env = dict(env)
        self.replicas = {name: n for name, n in (replicas or {}).items() if n > 1}
        self.replica_env: dict[str, dict[str, str]] = {}
        for name, n in self.replicas.items():
            self._plan_replicas(env, name, n)
        super().__init__(env)
        self.log_dir = Path(log_dir)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.procs: dict[str, subprocess.Popen] = {}
        import sys

        full_env = {**os.environ, **self.env}
        # As `antena migrate` does in a deployment: every consumer queue exists before any service publishes.
        subprocess.run([sys.executable, "-m", "antena_common.cli", "topology"], env=full_env,
                       check=True, capture_output=True, timeout=60)
        names = only or SERVICE_NAMES
        for name in self.replicas:
            if name in names:  # replicas must not race each other's migrations: migrate once, first
                subprocess.run([sys.executable, "-m", "antena_common.cli", "migrate", name], env=full_env,
                               check=True, capture_output=True, timeout=120)
        try:
            for name in names:
                for process in self.processes_of(name):
                    self.start(process)
            wait_until(self._gateway_up, timeout=60, message="gateway /health")
        except BaseException:
            self.stop()
            raise

    def _plan_replicas(self, env: dict[str, str], name: str, n: int) -> None:
        """Ports of each replica; the service's target in `env` lists them all."""
        prefix = f"ANTENA_{name.upper()}_"
        binds = []
        for i in range(n):
            own: dict[str, str] = {}
            if i > 0:
                own[prefix + "GRPC_BIND"] = f"127.0.0.1:{free_port()}"
                for key in ("PORT", "METRICS_PORT"):  # HTTP fronts and /metrics: one port each
                    if env.get(prefix + key) not in (None, "", "0"):
                        own[prefix + key] = str(free_port())
            binds.append(own.get(prefix + "GRPC_BIND", env.get(prefix + "GRPC_BIND", "")))
            self.replica_env[self.replica_name(name, i)] = own
        if all(binds):
            env[prefix + "GRPC"] = "ipv4:" + ",".join(binds)

    @staticmethod
    def replica_name(name: str, i: int) -> str:
        return name if i == 0 else f"{name}.{i}"

    def processes_of(self, name: str) -> list[str]:
        return [self.replica_name(name, i) for i in range(self.replicas.get(name, 1))]

    def urls_of(self, name: str) -> list[str]:
        """The HTTP base URL of every replica of gateway or portal."""
        key = f"ANTENA_{name.upper()}_PORT"
        return [f"http://127.0.0.1:{self.replica_env.get(p, {}).get(key, self.env[key])}" for p in self.processes_of(name)]

    def pids(self) -> dict[str, int]:
        return {name: proc.pid for name, proc in self.procs.items()}

    def _gateway_up(self) -> bool:
        import httpx

        try:
            return all(httpx.get(f"{url}/health", timeout=1).status_code == 200 for url in self.urls_of("gateway"))
        except httpx.HTTPError:
            return False

    def start(self, name: str) -> None:
        """Start a process: a service name (its first replica) or a replica name like `orders.1`."""
        import sys

        service = name.split(".", 1)[0]
        log = open(self.log_dir / f"{name}.log", "ab")
        env = {**os.environ, **self.env, **self.replica_env.get(name, {})}
        cmd = [sys.executable, "-m", "antena_common.cli", "run", service]
        if service in self.replicas:
            cmd.append("--no-migrate")  # migrated once in __init__
        self.procs[name] = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)

    def kill(self, name: str) -> None:
        """kill -9: no chance to clean up."""
        proc = self.procs.pop(name)
        proc.kill()
        proc.wait(10)

    def stop(self) -> None:
        for proc in self.procs.values():
            proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs.clear()


@pytest.fixture
def embedded_system(tmp_path, memory_bus_url):
    """The whole system in this process on free ports, SQLite in tmp_path."""
    system = EmbeddedSystem(system_env(tmp_path / "data"))
    yield system
    system.stop()


@contextlib.contextmanager
def distributed(base_dir, broker_url: str, *, replicas: dict[str, int] | None = None,
                extra_env: dict[str, str] | None = None, only: list[str] | None = None):
    """A ProcessSystem on `broker_url` (every service, or those in `only`) with a fresh PostgreSQL
    database per service, stopped and its databases dropped on exit. Data under base_dir/data,
    logs under base_dir/logs."""
    from pathlib import Path

    base = Path(base_dir)
    urls = {name: create_pg_database(f"antena_{name}") for name in (only or SERVICE_NAMES)}
    system = None
    try:
        env = system_env(base / "data", broker_url=broker_url, database_urls=urls)
        env.update(extra_env or {})
        system = ProcessSystem(env, base / "logs", only=only, replicas=replicas)
        yield system
    finally:
        if system is not None:
            system.stop()
        for url in urls.values():
            drop_pg_database(url)


@pytest.fixture
def distributed_system(tmp_path, amqp_url):
    """Every service in its own process on RabbitMQ and one PostgreSQL database each."""
    with distributed(tmp_path, amqp_url) as system:
        yield system


@pytest.fixture(name="wait_until")
def _wait_until_fixture():
    """The wait_until function as a fixture: wait_until(predicate, timeout=..., message=...)."""
    return wait_until


@pytest.fixture(name="free_port")
def _free_port_fixture():
    """The free_port function as a fixture: free_port() -> an unused TCP port."""
    return free_port


def metric_samples(page: str, name: str, **labels: str) -> list[tuple[dict, float]]:
    """The samples called `name` in a Prometheus /metrics page whose labels include `labels`."""
    from prometheus_client.parser import text_string_to_metric_families

    return [(sample.labels, sample.value) for family in text_string_to_metric_families(page)
            for sample in family.samples
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items())]


def drawn_png(size: tuple[int, int]) -> bytes:
    """A PNG of `size` with a stroke drawn on it: a photo or a signature the services accept."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, "white")
    ImageDraw.Draw(img).line([(5, size[1] - 5), (size[0] // 2, 5), (size[0] - 5, size[1] - 10)], fill="navy", width=4)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def read_dead_letters(url: str, expected: int, timeout: float = 10) -> list:
    """Take (and ack) messages from antena.dead until `expected` arrived or `timeout` runs out."""
    from kombu import Consumer

    from . import bus

    got: list = []
    conn = bus.connect(url)
    try:
        bus.declare_topology(conn)
        with Consumer(conn, queues=[bus.dead_queue()], accept=["json", "application/json"],
                      on_message=lambda m: (got.append(m), m.ack())):
            deadline = time.monotonic() + timeout
            while len(got) < expected and time.monotonic() < deadline:
                try:
                    conn.drain_events(timeout=0.2)
                except (TimeoutError, socket.timeout):
                    pass
    finally:
        conn.release()
    return got


class MailSink:
    """A real SMTP server (aiosmtpd) on a free port that keeps every message in a Maildir."""

    def __init__(self, directory):
        from pathlib import Path

        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox

        self.dir = Path(directory)
        self.port = free_port()
        self._controller = Controller(Mailbox(str(self.dir)), hostname="127.0.0.1", port=self.port)

    def start(self) -> "MailSink":
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller._thread is not None:  # stopping twice is fine (tests stop it to simulate an outage)
            self._controller.stop()

    def messages(self, to: str = "") -> list:
        """Parsed messages (email.message.Message), those addressed to `to` when given."""
        import email
        import mailbox

        if not self.dir.exists():
            return []
        found = [email.message_from_bytes(m.as_bytes()) for m in mailbox.Maildir(str(self.dir), create=False)]
        return [m for m in found if not to or to in (m["To"] or "")]


@pytest.fixture
def smtp_sink(tmp_path):
    """A MailSink for the test: point ANTENA_NOTIFICATIONS_SMTP_PORT at `smtp_sink.port`."""
    sink = MailSink(tmp_path / "mail").start()
    yield sink
    sink.stop()
