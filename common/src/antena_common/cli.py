"""The `antena` command: run one service, or the whole system in one process."""
from __future__ import annotations

import os
import signal
import sys
import threading
from importlib.metadata import entry_points

import typer
from rich.console import Console

from . import bus
from .logs import configure
from .settings import PlatformSettings

app = typer.Typer(help="Antena: operations platform for wireless and fiber ISPs.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
console = Console(stderr=True)

START_ORDER = ["sales", "orders", "network", "billing", "notifications", "portal", "gateway"]


def _factories() -> dict:
    found = {ep.name: ep for ep in entry_points(group="antena.services")}
    return {name: found[name] for name in sorted(found, key=lambda n: START_ORDER.index(n) if n in START_ORDER else 99)}


def _wait_for_signal() -> None:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()


@app.command()
def run(service: str = typer.Argument(..., help="sales | orders | network | billing | notifications | portal | gateway"),
        migrate: bool = typer.Option(True, help="apply database migrations before serving")) -> None:
    """Start one service as its own process (production: RabbitMQ + PostgreSQL from the environment)."""
    platform = PlatformSettings()
    configure(platform.log_level, platform.log_format)
    factories = _factories()
    if service not in factories:
        console.print(f"[red]unknown service {service!r}[/red]; known: {', '.join(factories)}")
        raise typer.Exit(2)
    runtime = factories[service].load()()
    runtime.start(migrate=migrate)
    _wait_for_signal()
    runtime.stop()


@app.command()
def migrate(service: str = typer.Argument(..., help="the service whose database to migrate")) -> None:
    """Apply a service's database migrations and exit (the Kubernetes migrations Job)."""
    platform = PlatformSettings()
    configure(platform.log_level, platform.log_format)
    factories = _factories()
    if service not in factories:
        console.print(f"[red]unknown service {service!r}[/red]")
        raise typer.Exit(2)
    runtime = factories[service].load()()
    if runtime.database is not None:
        runtime.database.migrate()
    declare_queues([runtime])
    console.print(f"{service}: migrations applied, event queues declared")


def declare_queues(runtimes: list) -> None:
    """Declare the consumers' queues before anything publishes: on RabbitMQ an
    event sent before its consumer's queue exists would be unroutable."""
    subscribed = [(r, s) for r in runtimes for s in r.subscriptions]
    if not subscribed:
        return
    url = runtimes[0].platform.broker_url
    with bus.connect(url) as conn:
        conn.ensure_connection(max_retries=5)
        bus.declare_topology(conn, [bus.consumer_queue(r.name, s.event_type, url) for r, s in subscribed])


@app.command()
def topology() -> None:
    """Declare the exchanges and every installed service's consumer queues on the broker, then exit."""
    platform = PlatformSettings()
    configure(platform.log_level, platform.log_format)
    runtimes = [ep.load()() for ep in _factories().values()]
    declare_queues(runtimes)
    console.print(f"declared the queues of {sum(len(r.subscriptions) for r in runtimes)} subscriptions")


@app.command()
def revision(service: str = typer.Argument(..., help="the service whose models changed"),
             message: str = typer.Option(..., "-m", "--message", help="what the migration does")) -> None:
    """Write a new Alembic migration for a service by comparing its tables with its migrations (developers)."""
    import tempfile
    from pathlib import Path

    from alembic import command
    from alembic.config import Config

    from .db import run_migrations

    factories = _factories()
    runtime = factories[service].load()()
    if runtime.database is None:
        console.print(f"{service} has no database")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'head.db'}"
        run_migrations(runtime.database.migrations, url)
        cfg = Config()
        cfg.set_main_option("script_location", str(runtime.database.migrations))
        cfg.set_main_option("sqlalchemy.url", url)
        command.revision(cfg, message=message, autogenerate=True)


HTTP_SERVICES = {"gateway": 8000, "portal": 8080}


def check_health(service: str, target: str | None = None, timeout: float = 3.0) -> tuple[bool, str]:
    """One health check: grpc.health.v1 for services with a gRPC server,
    GET /health for the HTTP fronts. Returns (healthy, what was checked)."""
    from .settings import DEFAULT_GRPC_PORTS

    prefix = f"ANTENA_{service.upper()}_"
    if service in HTTP_SERVICES:
        import urllib.error
        import urllib.request

        url = target or f"http://127.0.0.1:{os.environ.get(prefix + 'PORT', HTTP_SERVICES[service])}/health"
        try:
            with urllib.request.urlopen(url, timeout=timeout) as resp:
                return resp.status == 200, f"{url} -> {resp.status}"
        except (urllib.error.URLError, OSError) as exc:
            return False, f"{url} -> {exc}"
    if service not in DEFAULT_GRPC_PORTS:
        return False, f"unknown service {service!r}"
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    if not target:
        bind = os.environ.get(prefix + "GRPC_BIND") or f"0.0.0.0:{DEFAULT_GRPC_PORTS[service]}"
        host, _, port = bind.rpartition(":")
        target = f"{'127.0.0.1' if host in ('0.0.0.0', '[::]', '') else host}:{port}"
    with grpc.insecure_channel(target) as ch:
        try:
            reply = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(service=""), timeout=timeout)
        except grpc.RpcError as exc:
            return False, f"grpc {target} -> {exc.code().name}"
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
    return reply.status == health_pb2.HealthCheckResponse.SERVING, f"grpc {target} -> {status}"


@app.command()
def health(service: str = typer.Argument(..., help="the service to check"),
           target: str = typer.Option(None, help="host:port (gRPC) or URL (gateway, portal); default: this host"),
           timeout: float = typer.Option(3.0, help="seconds")) -> None:
    """Exit 0 if the service answers its health check (container and Kubernetes probes)."""
    ok, what = check_health(service, target, timeout)
    Console().print(("healthy: " if ok else "unhealthy: ") + what)
    if not ok:
        raise typer.Exit(1)


def start_all(only: list[str] | None = None) -> list:
    """Start every service in this process (embedded mode); returns the runtimes."""
    runtimes = [ep.load()() for name, ep in _factories().items() if not only or name in only]
    declare_queues(runtimes)
    for runtime in runtimes:
        runtime.start()
    for runtime in runtimes:
        runtime.wait_ready()
    return runtimes


@app.command()
def up(demo: bool = typer.Option(False, help="load demo data (plans, a zone, a few leads)")) -> None:
    """Start the whole system in one process: SQLite files under ANTENA_DATA_DIR, in-memory bus."""
    os.environ.setdefault("ANTENA_BROKER_URL", "memory://")
    platform = PlatformSettings()
    configure(platform.log_level, platform.log_format)
    platform.data_dir.mkdir(parents=True, exist_ok=True)
    runtimes = start_all()
    if demo:
        for ep in entry_points(group="antena.demo"):
            ep.load()()
    by_name = {r.name: r for r in runtimes}
    out = Console()
    out.print("\n[bold]Antena is running[/bold] (embedded mode, data in "
              f"{platform.data_dir.resolve()})")
    if "gateway" in by_name:
        port = by_name["gateway"].http_port
        out.print(f"  Staff API:      http://127.0.0.1:{port}/v1   (docs: http://127.0.0.1:{port}/docs)")
    if "portal" in by_name:
        out.print(f"  Customer portal: http://127.0.0.1:{by_name['portal'].http_port}/")
    out.print("  Stop with Ctrl+C.\n")
    _wait_for_signal()
    for runtime in reversed(runtimes):
        runtime.stop()


def main() -> None:
    sys.exit(app())


app.add_typer(__import__(f"{__package__}.ops", fromlist=["app"]).app, name="ops")

if __name__ == "__main__":
    main()
