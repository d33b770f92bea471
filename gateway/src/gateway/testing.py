"""pytest plugin (entry point pytest11): fixtures with the gateway alone (its own
database, no services behind it: calls to services fail as UNAVAILABLE), on
SQLite (`api`) or PostgreSQL (`pg_api`).

Being a plugin also imports the real `gateway` package before pytest collects
gateway/tests, which pytest's importlib mode would otherwise shadow with the
gateway/ folder of the repository."""
from __future__ import annotations

import pytest

from antena_common.testing import free_port

ADMIN_PASSWORD = "admin-test-password"


def build_gateway(database_url: str, data_dir, upstream: str | None = None, **overrides):
    from antena_common.settings import PlatformSettings
    from gateway.main import build_runtime
    from gateway.settings import Settings

    dead = {f"{s}_grpc": upstream or f"127.0.0.1:{free_port()}"
            for s in ("sales", "orders", "network", "billing", "notifications")}
    platform = PlatformSettings(data_dir=data_dir, broker_url="memory://", **dead)
    values = dict(database_url=database_url, admin_password=ADMIN_PASSWORD,
                  jwt_secret="unit-test-secret-0123456789abcdef0123", grpc_timeout_seconds=3,
                  ready_timeout_seconds=0.5)
    settings = Settings(**{**values, **overrides})
    runtime = build_runtime(settings, platform)
    runtime.database.migrate()
    for hook in runtime.on_start:
        hook()
    return runtime


def api_routes(app) -> list:
    """Every API route of the app with `path`, `methods` and `dependant`, included
    routers flattened (FastAPI >= 0.16x includes them lazily)."""
    from fastapi import routing

    if hasattr(routing, "iter_route_contexts"):
        return [r for r in routing.iter_route_contexts(app.routes) if getattr(r, "dependant", None) is not None]
    return [r for r in app.routes if isinstance(r, routing.APIRoute)]


class Api:
    """A TestClient on the gateway app with helpers to log in."""

    def __init__(self, runtime):
        from fastapi.testclient import TestClient

        self.runtime = runtime
        self.app = runtime.http_app
        self.client = TestClient(self.app, raise_server_exceptions=False)

    def token(self, username="admin", password=ADMIN_PASSWORD) -> str:
        r = self.client.post("/v1/auth/token", json={"username": username, "password": password})
        assert r.status_code == 200, r.text
        return r.json()["access_token"]

    def auth(self, username="admin", password=ADMIN_PASSWORD) -> dict:
        return {"Authorization": f"Bearer {self.token(username, password)}"}

    def make_user(self, username: str, roles: list[str], password: str = "a-good-password") -> dict:
        r = self.client.post("/v1/users", headers=self.auth(),
                             json={"username": username, "password": password, "roles": roles})
        assert r.status_code == 201, r.text
        return r.json()


@pytest.fixture
def api(tmp_path):
    runtime = build_gateway(f"sqlite:///{tmp_path / 'gateway.db'}", tmp_path)
    yield Api(runtime)
    runtime.http_app.state.clients.close()
    runtime.database.engine.dispose()


@pytest.fixture
def unimplemented_upstream():
    """A real gRPC server that answers every call UNIMPLEMENTED at once (-> 501), so
    tests that hammer routes do not wait for retries against a dead address."""
    from concurrent import futures

    import grpc

    class Handler(grpc.GenericRpcHandler):
        def service(self, handler_call_details):
            def unimplemented(request, context):
                context.abort(grpc.StatusCode.UNIMPLEMENTED, "not here")

            return grpc.unary_unary_rpc_method_handler(unimplemented)

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), handlers=[Handler()])
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(0)


@pytest.fixture
def fuzz_api(tmp_path, unimplemented_upstream):
    runtime = build_gateway(f"sqlite:///{tmp_path / 'gateway.db'}", tmp_path, upstream=unimplemented_upstream)
    yield Api(runtime)
    runtime.http_app.state.clients.close()
    runtime.database.engine.dispose()


@pytest.fixture
def pg_api(tmp_path, pg_url):
    runtime = build_gateway(pg_url, tmp_path)
    yield Api(runtime)
    runtime.http_app.state.clients.close()
    runtime.database.engine.dispose()
