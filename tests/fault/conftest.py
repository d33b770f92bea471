"""Private peers for the fault tests that restart a broker or a database.

The shared RabbitMQ (5672) and PostgreSQL (5432) serve every other test, so a
test that restarts one gets its own: a RabbitMQ node or a PostgreSQL cluster
on free ports, its data in a temporary directory, kept across restarts
(durable quorum queues and their messages survive, as in production), and
removed at the end. Missing binaries skip the test, except in CI (CI set),
where they fail it.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from antena_common.testing import (SERVICE_NAMES, ProcessSystem, create_pg_database, drop_pg_database, free_port,
                                   sql_rows, system_env)


def binaries_missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, and CI must run every test")
    pytest.skip(f"{what} is missing (apt-get install rabbitmq-server postgresql)")


def _run_as(user: str | None, cmd: list[str]) -> list[str]:
    """Run as `user` when we are root (initdb refuses root)."""
    if user and os.geteuid() == 0:
        return ["runuser", "-u", user, "--", *cmd]
    return cmd


class PrivateRabbitMQ:
    """A RabbitMQ node of this test's own. The node name stays the same across
    restarts: quorum queues are bound to it."""

    def __init__(self):
        sbin = Path("/usr/lib/rabbitmq/bin")  # the real scripts; /usr/sbin's wrappers switch to the rabbitmq user
        server = sbin / "rabbitmq-server" if (sbin / "rabbitmq-server").exists() else shutil.which("rabbitmq-server")
        ctl = sbin / "rabbitmqctl" if (sbin / "rabbitmqctl").exists() else shutil.which("rabbitmqctl")
        if not server or not ctl:
            binaries_missing("rabbitmq-server")
        self.server, self.ctl = str(server), str(ctl)
        self.base = Path(tempfile.mkdtemp(prefix="antena-fault-rabbit-"))
        self.node = f"antena_fault_{uuid.uuid4().hex[:8]}@localhost"
        self.port = free_port()
        dist_port = free_port()
        (self.base / "home").mkdir()
        (self.base / "enabled_plugins").write_text("[].\n")  # no management plugin: faster, no extra port
        (self.base / "rabbitmq.conf").write_text(f"listeners.tcp.default = 127.0.0.1:{self.port}\n")
        (self.base / "rabbitmq-env.conf").write_text("")  # not the system one (its NODENAME, its port)
        self.env = {
            **os.environ,
            "HOME": str(self.base / "home"),  # the Erlang cookie of this node and its CLI
            "RABBITMQ_NODENAME": self.node,
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(dist_port),
            "RABBITMQ_MNESIA_BASE": str(self.base / "mnesia"),
            "RABBITMQ_LOG_BASE": str(self.base / "log"),
            "RABBITMQ_PID_FILE": str(self.base / "rabbit.pid"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(self.base / "enabled_plugins"),
            "RABBITMQ_CONFIG_FILE": str(self.base / "rabbitmq.conf"),
            "RABBITMQ_CONF_ENV_FILE": str(self.base / "rabbitmq-env.conf"),
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS": "-kernel inet_dist_use_interface {127,0,0,1}",
            "ERL_EPMD_ADDRESS": "127.0.0.1",
        }
        self.url = f"amqp://guest:guest@127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen | None = None

    def ctl_run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        return subprocess.run([self.ctl, "-n", self.node, "-q", *args], env=self.env, capture_output=True, text=True,
                              timeout=timeout)

    def start(self, timeout: float = 120) -> float:
        """Start the node and wait until it serves; returns the seconds it took."""
        started = time.monotonic()
        log = open(self.base / "server.out", "ab")
        self.proc = subprocess.Popen([self.server], env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        log.close()
        deadline = started + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"RabbitMQ node {self.node} exited: {self.tail()}")
            try:
                if self.ctl_run("await_startup", "--timeout", "30", timeout=40).returncode == 0:
                    return time.monotonic() - started
            except subprocess.TimeoutExpired:
                pass
            time.sleep(0.5)  # until the node registers with epmd, await_startup fails at once
        raise RuntimeError(f"RabbitMQ node {self.node} not up after {timeout}s: {self.tail()}")

    def stop(self) -> None:
        """A clean shutdown (rabbitmqctl stop), as an operator's restart does."""
        if self.proc is None:
            return
        self.ctl_run("stop", timeout=60)
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)
            self.proc.wait(10)
        self.proc = None

    def restart(self, down_seconds: float = 2.0) -> float:
        """Stop, stay down a while, start again; returns the seconds the start took."""
        self.stop()
        time.sleep(down_seconds)
        return self.start()

    def queues(self) -> dict[str, int]:
        """Queue name -> messages ready or unacknowledged."""
        out = self.ctl_run("list_queues", "name", "messages", "--formatter", "json")
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        return {q["name"]: int(q["messages"]) for q in json.loads(out.stdout or "[]")}

    def tail(self, lines: int = 20) -> str:
        path = self.base / "server.out"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def close(self) -> None:
        try:
            self.stop()
        finally:
            if self.proc is not None and self.proc.poll() is None:
                os.killpg(self.proc.pid, 9)
            shutil.rmtree(self.base, ignore_errors=True)


class PrivatePostgres:
    """A PostgreSQL cluster of this test's own (initdb + pg_ctl, trust on 127.0.0.1)."""

    def __init__(self):
        # Debian keeps the server binaries out of PATH, one directory per major version: the newest
        candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True,
                            key=lambda d: [int(x) for x in re.findall(r"\d+", d.parent.name)])
        pg_config = shutil.which("pg_config")
        if pg_config:
            bindir = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip()
            candidates.append(Path(bindir))
        found = [d for d in candidates if (d / "initdb").exists() and (d / "pg_ctl").exists()]
        if not found:
            binaries_missing("PostgreSQL server binaries (initdb, pg_ctl)")
        self.bin = found[0]
        self.user = "postgres" if os.geteuid() == 0 else None
        self.base = Path(tempfile.mkdtemp(prefix="antena-fault-pg-"))
        if self.user:
            shutil.chown(self.base, self.user)
        self.data = self.base / "data"
        self.port = free_port()
        subprocess.run(_run_as(self.user, [str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U",
                                           "postgres", "-E", "UTF8", "--no-sync"]),
                       check=True, capture_output=True, timeout=120)
        self.admin_url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str, timeout: float = 90) -> None:
        subprocess.run(_run_as(self.user, [str(self.bin / "pg_ctl"), "-D", str(self.data), *args]),
                       check=True, capture_output=True, timeout=timeout)

    def start(self) -> float:
        started = time.monotonic()
        options = (f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c max_connections=300")
        self._ctl("start", "-w", "-t", "60", "-l", str(self.base / "server.log"), "-o", options)
        return time.monotonic() - started

    def stop(self, mode: str = "fast") -> None:
        """fast: the server ends every session (what a restart does to clients)."""
        self._ctl("stop", "-w", "-m", mode)

    def restart(self, down_seconds: float = 2.0) -> float:
        self.stop()
        time.sleep(down_seconds)
        return self.start()

    def create_database(self, name: str) -> str:
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            admin.dispose()
        return self.admin_url.rsplit("/", 1)[0] + "/" + name

    def close(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self.stop("immediate")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)


class SharedVhost:
    """The queues of a test's own virtual host on the shared RabbitMQ (for tests that do not restart it)."""

    def __init__(self, amqp_url: str):
        from urllib.parse import urlsplit

        self.url = amqp_url
        self.vhost = urlsplit(amqp_url).path.lstrip("/")

    def queues(self) -> dict[str, int]:
        out = subprocess.run(["rabbitmqctl", "-q", "list_queues", "-p", self.vhost, "name", "messages", "--formatter",
                              "json"], capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        return {q["name"]: int(q["messages"]) for q in json.loads(out.stdout or "[]")}


@pytest.fixture
def shared_vhost(amqp_url):
    """A virtual host of this test's own on the shared RabbitMQ, with `queues()` for the event audit."""
    return SharedVhost(amqp_url)


@pytest.fixture
def private_rabbitmq():
    """A RabbitMQ node of this test's own, started; `restart()` it at will."""
    node = PrivateRabbitMQ()
    try:
        took = node.start()
        print(f"private RabbitMQ {node.node} on {node.port} up in {took:.1f}s")
        yield node
    finally:
        node.close()


@pytest.fixture
def private_postgres():
    """A PostgreSQL cluster of this test's own, started; `restart()` it at will."""
    cluster = PrivatePostgres()
    try:
        took = cluster.start()
        print(f"private PostgreSQL on {cluster.port} up in {took:.1f}s")
        yield cluster
    finally:
        cluster.close()


class StartFailed(RuntimeError):
    """A service process exited while the system started (e.g. its port was taken meanwhile)."""


class FaultSystem(ProcessSystem):
    """ProcessSystem with the database URL of each service at hand."""

    def __init__(self, env, log_dir, db_urls: dict[str, str]):
        self.db_urls = db_urls
        self.procs = {}
        self.running = False  # then start() is a restart in the test, and waits for the service
        try:
            super().__init__(env, log_dir)
            self.wait_up(list(self.procs))
            self.running = True
        except BaseException:
            self.stop()  # the processes started so far
            raise

    def wait_up(self, names: list[str], timeout: float = 120) -> None:
        """Until each named service listens on its port (gRPC; HTTP for the gateway and
        the portal); raises StartFailed if one exited instead."""
        import socket

        def listening(target: str) -> bool:
            host, port = target.rsplit(":", 1)
            try:
                with socket.create_connection((host, int(port)), timeout=1):
                    return True
            except OSError:
                return False

        deadline = time.monotonic() + timeout
        pending = set(names)
        while pending:
            for name in sorted(pending):
                if self.procs[name].poll() is not None:
                    raise StartFailed(f"{name} exited at start: {self.log_tail(name, 5)}")
                http = {"gateway": self.gateway_url, "portal": self.portal_url}  # HTTP only
                targets = [http[name].split("//", 1)[1]] if name in http else [self.grpc_target(name)]
                if all(listening(t) for t in targets):
                    pending.discard(name)
            if pending and time.monotonic() > deadline:
                raise AssertionError(f"{sorted(pending)} not up after {timeout}s")
            time.sleep(0.2)

    def start(self, name: str) -> None:
        super().start(name)
        if self.running:
            self.wait_up([name])

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.log_dir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


@pytest.fixture
def fault_system(tmp_path):
    """fault_system(broker_url, private_dbs={service: url}, extra_env={...}): every
    service as its own process on that broker; databases on the shared PostgreSQL
    except `private_dbs`. Stopped and its shared databases dropped at the end."""
    made: list[tuple[FaultSystem | None, list[str]]] = []

    def start(broker_url: str, *, private_dbs: dict[str, str] | None = None,
              extra_env: dict[str, str] | None = None) -> FaultSystem:
        private_dbs = private_dbs or {}
        shared = {name: create_pg_database(f"antena_{name}") for name in SERVICE_NAMES if name not in private_dbs}
        entry: tuple = (None, list(shared.values()))
        made.append(entry)
        urls = {**shared, **private_dbs}
        for attempt in (1, 2):
            env = {**system_env(tmp_path / "data", broker_url=broker_url, database_urls=urls), **FAULT_ENV,
                   **(extra_env or {})}
            try:
                system = FaultSystem(env, tmp_path / "logs", urls)
                break
            except StartFailed as exc:
                # free_port() races with other test sessions on this host; new ports once
                if attempt == 2:
                    raise
                print(f"system start failed, trying again with other ports: {exc}")
        made[-1] = (system, entry[1])
        return system

    yield start
    for system, shared in made:
        try:
            if system is not None:
                system.stop()
        finally:
            for url in shared:
                drop_pg_database(url)


# Events that happen at most once per subject in a sign-up: a second one means
# something was handled twice. event type -> payload field naming the subject.
ONCE_PER_SUBJECT = {
    "sales.ticket_created": "ticket_id",
    "sales.order_requested": "ticket_id",
    "sales.ticket_won": "ticket_id",
    "orders.order_created": "ticket_id",
    "orders.order_scheduled": "order_id",
    "orders.order_started": "order_id",
    "orders.order_completed": "order_id",
    "orders.contract_requested": "order_id",
    "billing.customer_created": "customer_id",
    "billing.contract_created": "contract_id",
    "billing.contract_activated": "contract_id",
    "billing.invoice_issued": "invoice_id",
    "network.connection_reserved": "contract_id",
    "network.connection_activated": "contract_id",
}


class EventAudit:
    """Counts every event of a run from the databases and the broker: what each
    service's outbox holds, what each consumer's inbox recorded, what is left in
    the queues. `problems` lists what was lost or handled twice."""

    def __init__(self, db_urls: dict[str, str], queues: dict[str, int]):
        self.outbox: dict[str, list] = {}
        self.inbox: dict[str, set[str]] = {}
        for service, url in db_urls.items():
            tables = {r[0] for r in sql_rows(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
            if "outbox" in tables:
                self.outbox[service] = sql_rows(url, "SELECT event_id, routing_key, body::json -> 'payload', published_at "
                                                  "FROM outbox")
            if "inbox" in tables:
                self.inbox[service] = {r[0] for r in sql_rows(url, "SELECT event_id FROM inbox WHERE consumer = :c",
                                                           c=service)}
        self.queues = queues
        self.problems: list[str] = []
        by_type: dict[str, list] = {}
        for service, rows in self.outbox.items():
            unpublished = [r for r in rows if r[3] is None]
            if unpublished:
                self.problems.append(f"{service}: {len(unpublished)} outbox events never published")
            for row in rows:
                by_type.setdefault(row[1], []).append(row)
        self.by_type = by_type
        self.deliveries = 0  # (event, consumer) pairs that had to arrive
        for queue, waiting in sorted(queues.items()):
            if waiting:
                self.problems.append(f"queue {queue}: {waiting} messages left")
            consumer, _, event_type = queue.partition(".")
            if consumer not in self.inbox:
                continue
            expected = {r[0] for r in by_type.get(event_type, [])}
            self.deliveries += len(expected)
            missing = expected - self.inbox[consumer]
            if missing:
                self.problems.append(f"{consumer} never handled {len(missing)} of {len(expected)} {event_type}")
        for event_type, field in ONCE_PER_SUBJECT.items():
            subjects = [(r[2] or {}).get(field) for r in by_type.get(event_type, [])]
            twice = self._dupes(subjects)
            if twice:
                self.problems.append(f"{event_type} more than once for {len(twice)} {field}s, e.g. {sorted(twice)[:3]}")

    @staticmethod
    def _dupes(items: list) -> set:
        seen, twice = set(), set()
        for item in items:
            (twice if item in seen else seen).add(item)
        return twice

    def count(self, event_type: str) -> int:
        return len(self.by_type.get(event_type, []))

    def summary(self) -> str:
        published = sum(len(rows) for rows in self.outbox.values())
        handled = sum(len(ids) for ids in self.inbox.values())
        return f"{published} events published, {self.deliveries} deliveries due, {handled} inbox rows"


@pytest.fixture
def event_audit():
    """event_audit(system, broker) -> EventAudit of everything the run published and handled."""

    def audit(system: FaultSystem, broker: PrivateRabbitMQ | SharedVhost) -> EventAudit:
        return EventAudit(system.db_urls, broker.queues())

    return audit


ROUTER_USER, ROUTER_PASSWORD = "antena", "rb-secret"
# fast provisioning and retries, so that a run is not spent waiting on timers
FAULT_ENV = {"ANTENA_NETWORK_PROVISIONING_POLL_SECONDS": "0.1", "ANTENA_NETWORK_RETRY_BASE_SECONDS": "0.2"}


@pytest.fixture
def router():
    """A FAKE RouterOS API server (the real wire protocol) that network provisions."""
    from network.testing.fake_routeros import FakeRouterOS

    fake = FakeRouterOS(username=ROUTER_USER, password=ROUTER_PASSWORD).start()
    yield fake
    fake.stop()


class SignUpDriver:
    """`count` sign-ups (antena_common.scenario: lead ... completed installation) driven
    concurrently through the gateway by `workers` threads sharing one client."""

    def __init__(self, system: FaultSystem, router, count: int, *, workers: int = 6, step_timeout: float = 300):
        from concurrent.futures import ThreadPoolExecutor

        from antena_common import scenario

        self.scenario = scenario
        self.count = count
        self.api = system.client()
        self.api.timeout = 60  # calls queue behind the broker or a database coming back
        self.setup = scenario.prepare(self.api, router_host="127.0.0.1", router_port=router.port,
                                      router_user=ROUTER_USER, router_password=ROUTER_PASSWORD, drivers=("mikrotik",),
                                      capacity=count, technicians=4)
        self.started = time.monotonic()
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="signup")
        self.futures = [self.pool.submit(scenario.sign_up, self.api, self.setup, i, step_timeout)
                        for i in range(count)]

    def done(self) -> int:
        failed = [f for f in self.futures if f.done() and f.exception() is not None]
        if failed:
            raise AssertionError(f"{len(failed)} sign-ups failed, e.g. {failed[0].exception()!r}")
        return sum(f.done() for f in self.futures)

    def wait_done(self, at_least: int, timeout: float = 900) -> int:
        """Block until `at_least` sign-ups finished their field work; returns how many did."""
        deadline = time.monotonic() + timeout
        while (n := self.done()) < at_least:
            if time.monotonic() > deadline:
                raise AssertionError(f"only {n} of {self.count} sign-ups through the field work after {timeout}s")
            time.sleep(0.2)
        return n

    def finish(self, timeout: float = 900) -> list:
        """Every sign-up through its field work, then every ticket won and contract active."""
        self.wait_done(self.count, timeout)
        signups = [f.result() for f in self.futures]
        self.scenario.wait_active(self.api, signups, timeout=timeout)
        self.seconds = time.monotonic() - self.started
        return signups

    def close(self) -> None:
        for f in self.futures:
            f.cancel()
        self.pool.shutdown(wait=True)
        self.api.close()


@pytest.fixture
def sign_ups():
    """sign_ups(system, router, count) -> SignUpDriver, already driving; closed at the end."""
    made: list[SignUpDriver] = []

    def start(system: FaultSystem, router, count: int, **kwargs) -> SignUpDriver:
        made.append(SignUpDriver(system, router, count, **kwargs))
        return made[-1]

    yield start
    for driver in made:
        driver.close()


def sign_up_problems(system: FaultSystem, signups: list) -> list[str]:
    """What the databases say about the sign-ups: each one ticket won, one order, one active
    connection and contract, exactly one first invoice; nothing twice."""
    n = len(signups)
    tickets = {s.ticket_id for s in signups}
    contracts = {s.contract_id for s in signups}
    problems = []

    def expect(what: str, got, want) -> None:
        if got != want:
            problems.append(f"{what}: {got}, expected {want}")

    sales, orders = system.db_urls["sales"], system.db_urls["orders"]
    billing, network = system.db_urls["billing"], system.db_urls["network"]
    won = {r[0] for r in sql_rows(sales, "SELECT id FROM tickets WHERE state = 'won'")}
    expect("tickets won", len(won & tickets), n)
    per_ticket = sql_rows(orders, "SELECT ticket_id, count(*) FROM orders GROUP BY ticket_id HAVING count(*) <> 1")
    expect("tickets with other than one order", per_ticket, [])
    expect("orders completed", sql_rows(orders, "SELECT count(*) FROM orders WHERE state = 'completed'")[0][0], n)
    expect("connections", sql_rows(network, "SELECT count(*) FROM connections")[0][0], n)
    active = {r[0] for r in sql_rows(network, "SELECT contract_id FROM connections WHERE state = 'active'")}
    expect("active connections of the sign-ups", len(active & contracts), n)
    expect("contracts", sql_rows(billing, "SELECT count(*) FROM contracts")[0][0], n)
    expect("customers", sql_rows(billing, "SELECT count(*) FROM customers")[0][0], n)
    active = {r[0] for r in sql_rows(billing, "SELECT id FROM contracts WHERE state = 'active'")}
    expect("active contracts of the sign-ups", len(active & contracts), n)
    invoiced = sql_rows(billing, "SELECT contract_id, count(*) FROM invoices GROUP BY contract_id")
    expect("contracts with a first invoice", len({r[0] for r in invoiced} & contracts), n)
    expect("contracts with more than one invoice", [r for r in invoiced if r[1] != 1], [])
    expect("payments", sql_rows(billing, "SELECT count(*) FROM payments")[0][0], 0)
    return problems


def settle(system: FaultSystem, broker: PrivateRabbitMQ | SharedVhost, signups: list,
           timeout: float = 300) -> EventAudit:
    """Wait until nothing is pending (every outbox row published, every queue empty, twice in a
    row), then check the sign-ups and count the events; fails with what was lost or done twice."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 2:
        dead = [name for name, proc in system.procs.items() if proc.poll() is not None]
        assert not dead, f"{dead} exited: {system.log_tail(dead[0], 10)}"
        audit = EventAudit(system.db_urls, broker.queues())
        pending = any(broker_left for broker_left in audit.queues.values()) or any(
            r[3] is None for rows in audit.outbox.values() for r in rows)
        quiet = 0 if pending else quiet + 1
        if time.monotonic() > deadline:
            break
        time.sleep(0.5)
    problems = audit.problems + sign_up_problems(system, signups)
    assert not problems, "; ".join(problems)
    return audit


@pytest.fixture(name="settle")
def _settle_fixture():
    """settle(system, broker, signups) -> EventAudit once nothing is pending; fails on loss or duplicates."""
    return settle
