"""Headers, CORS, readiness and problem details of the gateway app on its real database."""
import pytest

from gateway.testing import Api, build_gateway

pytestmark = pytest.mark.integration


def test_security_headers_and_request_id(api):
    r = api.client.get("/health")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert len(r.headers["x-request-id"]) >= 16
    r2 = api.client.get("/v1/me", headers={**api.auth(), "X-Request-ID": "abc-123"})
    assert r2.headers["x-request-id"] == "abc-123" and r2.headers["cache-control"] == "no-store"
    docs = api.client.get("/docs")
    csp = docs.headers["content-security-policy"]
    assert "'sha256-" in csp and "'unsafe-eval'" not in csp and "script-src" in csp
    assert "frame-ancestors 'none'" in csp


def test_cors_is_off_unless_configured(api):
    r = api.client.options("/v1/me", headers={"Origin": "https://evil.example",
                                              "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_for_configured_origins(tmp_path):
    runtime = build_gateway(f"sqlite:///{tmp_path / 'g.db'}", tmp_path,
                            cors_origins="https://staff.example.com, http://localhost:5173")
    api = Api(runtime)
    pre = api.client.options("/v1/leads", headers={"Origin": "https://staff.example.com",
                                                   "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "authorization,idempotency-key"})
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == "https://staff.example.com"
    assert "idempotency-key" in pre.headers["access-control-allow-headers"].lower()
    r = api.client.get("/v1/me", headers={**api.auth(), "Origin": "http://localhost:5173"})
    assert r.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert "x-request-id" in r.headers["access-control-expose-headers"].lower()
    other = api.client.get("/v1/me", headers={**api.auth(), "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    runtime.database.engine.dispose()


def test_ready_reports_what_is_down(api):
    r = api.client.get("/ready")
    assert r.status_code == 503
    assert r.headers["content-type"] == "application/problem+json" and r.headers["retry-after"]
    checks = r.json()["checks"]
    assert checks["database"] == "ok"
    assert set(checks) == {"database", "sales", "orders", "network", "billing", "notifications"}
    assert all(v != "SERVING" for k, v in checks.items() if k != "database")
    assert api.client.get("/health").json() == {"status": "ok"}


def test_ready_with_serving_services(tmp_path):
    from concurrent import futures

    import grpc
    from grpc_health.v1 import health, health_pb2, health_pb2_grpc

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    servicer = health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        # a live upstream: a generous deadline, so a busy CI machine reads its status, not a timeout
        runtime = build_gateway(f"sqlite:///{tmp_path / 'g.db'}", tmp_path, upstream=f"127.0.0.1:{port}",
                                ready_timeout_seconds=10)
        api = Api(runtime)
        servicer.set("", health_pb2.HealthCheckResponse.SERVING)
        r = api.client.get("/ready")
        assert r.status_code == 200 and r.json()["status"] == "ready", r.text
        servicer.set("", health_pb2.HealthCheckResponse.NOT_SERVING)
        r = api.client.get("/ready")
        assert r.status_code == 503 and r.json()["checks"]["sales"] == "NOT_SERVING"
        runtime.database.engine.dispose()
    finally:
        server.stop(0)


def test_upstream_errors_are_mapped(unimplemented_upstream, tmp_path):
    runtime = build_gateway(f"sqlite:///{tmp_path / 'g.db'}", tmp_path, upstream=unimplemented_upstream)
    api = Api(runtime)
    r = api.client.get("/v1/leads", headers=api.auth())
    assert r.status_code == 501 and r.headers["content-type"] == "application/problem+json"
    runtime.database.engine.dispose()


def test_a_hung_service_gives_504_not_a_hang(tmp_path):
    import threading
    from concurrent import futures

    import grpc

    release = threading.Event()

    class Slow(grpc.GenericRpcHandler):
        def service(self, details):
            return grpc.unary_unary_rpc_method_handler(lambda req, ctx: release.wait(5) and b"")

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), handlers=[Slow()])
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        runtime = build_gateway(f"sqlite:///{tmp_path / 'g.db'}", tmp_path, upstream=f"127.0.0.1:{port}",
                                grpc_timeout_seconds=0.3)
        api = Api(runtime)
        r = api.client.get("/v1/leads", headers=api.auth())
        assert r.status_code == 504 and r.headers["retry-after"]
        assert r.headers["content-type"] == "application/problem+json"
        runtime.database.engine.dispose()
    finally:
        release.set()
        server.stop(0)


def test_the_ticket_list_query_is_checked_before_any_service_is_asked(api):
    """GET /v1/tickets reads its query with one model (deps.QueryModel): the same 422 problem."""
    headers = api.auth()
    r = api.client.get("/v1/tickets", params={"limit": 0, "state": "closed", "tag": "x" * 61}, headers=headers)
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    assert set(r.json()["errors"]) == {"limit", "state", "tag"}
    assert api.client.get("/v1/tickets", params={"limit": "many"}).status_code == 401  # auth comes first
    # a valid query reaches sales, which is not running here: 503, not a validation error
    assert api.client.get("/v1/tickets", params={"limit": 10, "unknown": "ignored"}, headers=headers).status_code == 503
