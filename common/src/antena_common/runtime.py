"""A service's running parts, wired by its composition root (main.py):
database + migrations, gRPC server, outbox relay, event consumer, optional
HTTP app and periodic jobs. `antena run <service>` starts one runtime;
`antena up` starts all of them in one process (the embedded mode)."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy import MetaData
from sqlalchemy.orm import sessionmaker

from .bus import EventConsumer, Listener, Subscription
from .db import UnitOfWork, make_engine, messaging_tables, run_migrations
from . import metrics, tracing
from .logs import get_logger
from .outbox import OutboxRelay
from .rpc import GrpcServer
from .settings import PlatformSettings, ServiceSettings

log = get_logger("antena.runtime")


@dataclass
class PeriodicJob:
    name: str
    every_seconds: float
    run: Callable[[], object]


class Database:
    """Engine, session factory and messaging tables of one service."""

    def __init__(self, url: str, metadata: MetaData, migrations: Path, service: str):
        self.url = url
        self.metadata = metadata
        self.migrations = migrations
        self.service = service
        self.outbox = metadata.tables["outbox"]
        self.inbox = metadata.tables["inbox"]
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.on_commit: Callable[[], None] | None = None

    def migrate(self) -> None:
        run_migrations(self.migrations, self.url)

    def uow(self, cls: type[UnitOfWork] = UnitOfWork) -> UnitOfWork:
        return cls(self.sessions, self.service, self.outbox, self.inbox, on_commit=self._committed)

    def _committed(self) -> None:
        if self.on_commit:
            self.on_commit()


@dataclass
class ServiceRuntime:
    name: str
    settings: ServiceSettings
    platform: PlatformSettings
    database: Database | None = None
    servicers: list = field(default_factory=list)
    subscriptions: list[Subscription] = field(default_factory=list)
    jobs: list[PeriodicJob] = field(default_factory=list)
    http_app: object | None = None
    http_port: int | None = None
    http_host: str = "127.0.0.1"
    on_start: list[Callable[[], None]] = field(default_factory=list)
    listeners: list[Listener] = field(default_factory=list)  # this process's own event copies (caches)

    def start(self, *, migrate: bool = True) -> None:
        port = getattr(self.settings, "metrics_port", 0)
        if port:
            metrics.serve(port, getattr(self.settings, "metrics_host", "0.0.0.0"))
        tracing.configure(self.name, self.platform.otel_endpoint)
        if self.database is not None:
            if migrate:
                self.database.migrate()
            self.relay = OutboxRelay(self.database.engine, self.database.outbox, self.platform.broker_url, self.name)
            self.database.on_commit = self.relay.wake
            self.relay.start()
        for hook in self.on_start:
            hook()
        self.consumer = EventConsumer(self.platform.broker_url, self.name, self.subscriptions,
                                      threads=self.settings.consumer_threads)
        self.consumer.start()
        for listener in self.listeners:
            listener.start()
        self.grpc = None
        if self.servicers:
            self.grpc = GrpcServer(self.name, self.settings.grpc_bind, self.servicers)
            self.grpc.start()
        self._stop_jobs = threading.Event()
        self._job_threads = [threading.Thread(target=self._loop, args=(job,), name=f"job-{job.name}", daemon=True)
                             for job in self.jobs]
        for t in self._job_threads:
            t.start()
        self.http = None
        if self.http_app is not None:
            tracing.instrument_http(self.http_app, self.name)
            self.http = _HttpServer(self.http_app, self.http_host, self.http_port)
            self.http.start()
        log.info("service started", service=self.name, grpc=self.settings.grpc_bind if self.grpc else None,
                 http=f"{self.http_host}:{self.http_port}" if self.http else None)

    def wait_ready(self, timeout: float = 10) -> bool:
        return self.consumer.ready.wait(timeout)

    def _loop(self, job: PeriodicJob) -> None:
        while not self._stop_jobs.wait(job.every_seconds):
            try:
                job.run()
            except Exception:
                log.exception("periodic job failed", service=self.name, job=job.name)

    def stop(self) -> None:
        if self.http:
            self.http.stop()
        self._stop_jobs.set()
        if self.grpc:
            self.grpc.stop()
        self.consumer.stop()
        for listener in self.listeners:
            listener.stop()
        if self.database is not None:
            self.relay.stop()
            self.database.engine.dispose()
        if getattr(self.settings, "metrics_port", 0):
            metrics.stop_serving(self.settings.metrics_port)
        tracing.shutdown(self.name)
        log.info("service stopped", service=self.name)


class _HttpServer:
    def __init__(self, app, host: str, port: int):
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                                                    lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, name=f"http-{port}", daemon=True)

    def start(self) -> None:
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return
            if not self.thread.is_alive():
                raise RuntimeError("HTTP server failed to start")
            threading.Event().wait(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(5)
