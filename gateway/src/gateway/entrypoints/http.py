"""The gateway's FastAPI application."""
from __future__ import annotations

import asyncio
import base64
import hashlib
import re
import time

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import text

from antena_common import metrics

from ..adapters.clients import SERVICES
from . import problems
from .middleware import BodyLimitMiddleware, ChangesThroughHere, IdempotencyMiddleware, RequestContextMiddleware
from .routers import auth, billing, catalog, network, notifications, orders, sales

# Starlette tries routes in order: the desk's lists, the busiest reads, are matched first.
ROUTERS = [sales, auth, catalog, orders, network, billing, notifications]

TAGS = [
    {"name": "auth and staff", "description": "Tokens, staff users and roles (admin, sales, operations, "
                                              "technician, finance)."},
    {"name": "catalog", "description": "Plans, recurring items, discounts, billing profiles, taxes, quotes "
                                       "(billing service)."},
    {"name": "sales desk", "description": "Leads, prospects, tickets, comments, attachments, reports "
                                          "(sales service)."},
    {"name": "orders, planning and field work", "description": "Work orders (orders service)."},
    {"name": "planning", "description": "Technicians, scheduling, the calendar, free-slot suggestions."},
    {"name": "field app", "description": "What a technician does on site: start, report, photos, signature, "
                                         "complete (own orders only)."},
    {"name": "help desk", "description": "Support tickets."},
    {"name": "stock", "description": "Equipment stock and assignment."},
    {"name": "network", "description": "Sites, routers, zones, OLTs, NAP boxes, IP pools, coverage, connections "
                                       "(network service)."},
    {"name": "billing", "description": "Company, customers, contracts, invoices, payments, bill runs "
                                       "(billing service)."},
    {"name": "notifications", "description": "Templates, channels, deliveries, preferences (notifications "
                                             "service)."},
    {"name": "health", "description": "Liveness and readiness probes."},
]

DESCRIPTION = """The HTTP contract frontend teams build on.

* **Auth**: `POST /v1/auth/token` with `{username, password}`, then send `Authorization: Bearer <token>`.
  Roles decide what a user may do; `admin` may do everything.
* **Errors** are `application/problem+json` (`type`, `title`, `status`, `detail`, and `errors`
  naming fields for validation problems).
* **Idempotency**: every `POST` accepts an `Idempotency-Key` header (1-200 visible ASCII characters).
  A repeated key replays the first answer byte for byte with `Idempotent-Replayed: true`; the same key
  with another body or path is refused (422); while the first request is still running, 409.
  Keys are kept 24 hours, per user.
* **Lists** are paginated: `?limit=&cursor=` -> `{"items": [...], "next_cursor": ...}`.
* **Request id**: send `X-Request-ID` (or get one generated); it is returned and follows the request
  through every service's logs.
"""

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_STATUS_TEXT = {
    401: "Missing, invalid or expired token (on login: wrong username or password)",
    403: "The user's roles do not allow this",
    404: "Not found",
    409: "Conflict with the current state (or the Idempotency-Key is in use)",
    413: "Request body too large",
    422: "Validation failed: `errors` names the fields",
    429: "Too many requests",
    503: "A service behind the gateway is unavailable (see Retry-After)",
}
_IDEMPOTENCY_PARAM = {
    "name": "Idempotency-Key", "in": "header", "required": False,
    "description": "Replays the first answer for a repeated key (24 h, per user).",
    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
}


def _problem_response(status: int) -> dict:
    return {"description": _STATUS_TEXT[status], "content": {problems.PROBLEM: {"schema": _PROBLEM_REF}}}


def build_openapi(app: FastAPI) -> dict:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes,
                         tags=app.openapi_tags)
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas["Problem"] = problems.Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    known_tags = {t["name"] for t in schema.get("tags", [])}
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            for tag in op.get("tags", []):
                if tag not in known_tags:
                    schema.setdefault("tags", []).append({"name": tag})
                    known_tags.add(tag)
            responses = op.setdefault("responses", {})
            secured = bool(op.get("security"))
            statuses = []
            if secured:
                statuses += [401, 403]
            if "{" in path:
                statuses.append(404)
            if method in ("post", "put", "patch", "delete"):
                statuses += [409, 413]
            if op.get("parameters") or op.get("requestBody") or "422" in responses:
                statuses.append(422)
            if path == "/v1/auth/token":
                statuses += [401, 429]
            if path.startswith("/v1/") and "auth and staff" not in op.get("tags", []):
                statuses.append(503)
            for status in statuses:
                responses[str(status)] = _problem_response(status)
            if method == "post":
                params = op.setdefault("parameters", [])
                if not any(p.get("name") == "Idempotency-Key" for p in params):
                    params.append(_IDEMPOTENCY_PARAM)
    used = {t for ops in schema.get("paths", {}).values() for op in ops.values() for t in op.get("tags", [])}
    schema["tags"] = [t for t in schema.get("tags", []) if t["name"] in used]
    app.openapi_schema = schema
    return schema


def _swagger_page() -> tuple[HTMLResponse, str]:
    """The docs page and a CSP that allows exactly its inline script and the Swagger UI assets."""
    page = get_swagger_ui_html(openapi_url="/openapi.json", title="Antena staff API")
    html = page.body.decode()
    hashes = []
    for script in re.findall(r"<script>(.*?)</script>", html, flags=re.S):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    cdn = "https://cdn.jsdelivr.net"
    csp = (f"default-src 'none'; script-src {cdn} {' '.join(hashes)}; style-src {cdn} 'unsafe-inline'; "
           "img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; font-src 'self' data:; "
           "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
    return page, csp


class HttpMetricsMiddleware:
    """Request count and latency per route template (not per raw path: bounded labels)."""

    def __init__(self, app):
        self.app = app
        self._series: dict[tuple, tuple] = {}  # bounded: methods x route templates x statuses

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def send_status(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            key = (scope.get("method", "?"), route, status[0])
            series = self._series.get(key)
            if series is None:  # labels() costs more than the increment: keep the children
                series = self._series[key] = (metrics.HTTP_REQUESTS.labels("gateway", key[0], route, str(key[2])),
                                              metrics.HTTP_SECONDS.labels("gateway", key[0], route))
            series[0].inc()
            series[1].observe(time.perf_counter() - started)


def create_app(state: dict) -> FastAPI:
    app = FastAPI(title="Antena staff API", version="1", description=DESCRIPTION, openapi_tags=TAGS,
                  docs_url=None, redoc_url=None)
    for key, value in state.items():
        setattr(app.state, key, value)
    problems.install(app)
    settings = app.state.settings

    docs_page, docs_csp = _swagger_page()

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(docs_page.body)

    @app.get("/metrics", include_in_schema=False)
    async def prometheus_metrics() -> Response:
        body, content_type = metrics.render()  # the process registry: every service in the embedded mode
        return Response(body, media_type=content_type)

    @app.get("/health", tags=["health"], summary="Liveness: the gateway process answers")
    async def health() -> dict:
        return {"status": "ok"}

    @app.get("/ready", tags=["health"], summary="Readiness: its database and every service's gRPC health",
             responses={503: {"description": "Something is not ready",
                              "content": {problems.PROBLEM: {"schema": _PROBLEM_REF}}}})
    async def ready(request: Request) -> JSONResponse:
        timeout = settings.ready_timeout_seconds
        clients = request.app.state.clients

        def db_check() -> str:
            try:
                with request.app.state.uow() as uow:
                    uow.session.execute(text("SELECT 1"))
                return "ok"
            except Exception as exc:  # any failure means "not ready"
                return f"error: {type(exc).__name__}"

        results = await asyncio.gather(run_in_threadpool(db_check),
                                       *(run_in_threadpool(clients.health, s, timeout) for s in SERVICES))
        checks = {"database": results[0], **{s: r for s, r in zip(SERVICES, results[1:])}}
        failing = {k: v for k, v in checks.items() if v not in ("ok", "SERVING")}
        if failing:
            detail = "not ready: " + ", ".join(f"{k} {v}" for k, v in failing.items())
            body = {"type": "about:blank", "title": problems.TITLES[503], "status": 503, "detail": detail,
                    "checks": checks}
            return JSONResponse(body, status_code=503, media_type=problems.PROBLEM, headers={"Retry-After": "5"})
        return JSONResponse({"status": "ready", "checks": checks})

    for module in ROUTERS:
        app.include_router(module.router)

    app.openapi = lambda: build_openapi(app)

    # Middleware: the last added runs first.
    if "ticket_pages" in state:
        app.add_middleware(ChangesThroughHere, caches=[state["ticket_pages"]])
    app.add_middleware(IdempotencyMiddleware, state=app.state)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.upload_max_bytes)
    if settings.cors_origin_list:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origin_list, allow_credentials=False,
                           allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
                           allow_headers=["Authorization", "Content-Type", "Idempotency-Key", "X-Request-ID"],
                           expose_headers=["X-Request-ID", "Idempotent-Replayed", "Retry-After", "Location"],
                           max_age=600)
    app.add_middleware(RequestContextMiddleware, page_csp={"/docs": docs_csp})
    app.add_middleware(HttpMetricsMiddleware)
    return app
