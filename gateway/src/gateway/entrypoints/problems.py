"""Every error leaves the gateway as application/problem+json (RFC 9457)."""
from __future__ import annotations

import grpc
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from antena_common import rpc
from antena_common.errors import DomainError
from antena_common.logs import get_logger

log = get_logger("antena.gateway")

PROBLEM = "application/problem+json"
TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
          409: "Conflict", 413: "Payload too large", 415: "Unsupported media type", 422: "Validation failed",
          429: "Too many requests", 500: "Internal error", 502: "Bad gateway", 503: "Service unavailable",
          504: "Gateway timeout"}


def problem(status: int, detail: str, *, title: str | None = None, errors: dict | None = None,
            headers: dict | None = None) -> JSONResponse:
    body = {"type": "about:blank", "title": title or TITLES.get(status, "Error"), "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _field_name(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        errors: dict[str, str] = {}
        for err in exc.errors():
            errors.setdefault(_field_name(err.get("loc", ())), err.get("msg", "invalid"))
        detail = "; ".join(f"{k}: {v}" for k, v in errors.items())
        return problem(422, detail or "invalid request", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return problem(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError):
        status = rpc.HTTP_FOR[rpc._status_for(exc)]
        return problem(status, exc.detail, errors=exc.field_errors or None)

    @app.exception_handler(grpc.RpcError)
    async def _rpc(request: Request, exc: grpc.RpcError):
        p = rpc.problem_from_rpc_error(exc)
        if p.status >= 500:
            log.warning("upstream error", path=request.url.path, code=exc.code().name, details=exc.details())
        return problem(p.status, p.detail, errors=p.errors or None)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unhandled error", path=request.url.path)
        return problem(500, "internal error; it was logged")
