"""Every error leaves the gateway as application/problem+json (RFC 9457)."""
from __future__ import annotations

import grpc
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from antena_common import rpc
from antena_common.errors import DomainError
from antena_common.logs import get_logger

log = get_logger("antena.gateway")

PROBLEM = "application/problem+json"
TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
          409: "Conflict", 413: "Payload too large", 415: "Unsupported media type", 422: "Validation failed",
          429: "Too many requests", 500: "Internal error", 501: "Not implemented", 502: "Bad gateway",
          503: "Service unavailable", 504: "Gateway timeout"}
RETRY_AFTER_SECONDS = "5"  # told to clients when a service is unavailable


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field("about:blank", examples=["about:blank"])
    title: str = Field(examples=["Validation failed"])
    status: int = Field(examples=[422])
    detail: str = Field(examples=["name: String should have at least 1 character"])
    errors: dict[str, str] | None = Field(None, description="field -> what is wrong with it (validation errors)",
                                          examples=[{"name": "String should have at least 1 character"}])


def problem(status: int, detail: str, *, title: str | None = None, errors: dict | None = None,
            headers: dict | None = None) -> JSONResponse:
    body = {"type": "about:blank", "title": title or TITLES.get(status, "Error"), "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _field_name(err: dict) -> str:
    loc = err.get("loc", ())
    if err.get("type") == "json_invalid":
        return "body"
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form", "cookie")]
    if loc and loc[0] == "header" and parts:
        return parts[0]
    return ".".join(parts) or "body"


def _message(err: dict) -> str:
    if err.get("type") == "json_invalid":
        ctx = err.get("ctx") or {}
        return f"invalid JSON ({ctx.get('error', 'cannot parse')})"
    return str(err.get("msg", "invalid"))[:300]


def validation_problem(exc: RequestValidationError) -> JSONResponse:
    errors: dict[str, str] = {}
    for err in exc.errors():
        errors.setdefault(_field_name(err), _message(err))
    detail = "; ".join(f"{k}: {v}" for k, v in errors.items())
    return problem(422, detail[:2000] or "invalid request", errors=errors)


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        return validation_problem(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "Error")
        if exc.status_code == 404 and detail == "Not Found":  # no route matched
            detail = f"no such path: {request.url.path[:200]}"
        elif exc.status_code == 405 and detail == "Method Not Allowed":
            detail = f"{request.method} is not allowed on {request.url.path[:200]}"
        return problem(exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError):
        status = rpc.HTTP_FOR[rpc._status_for(exc)]
        return problem(status, exc.detail, errors=exc.field_errors or None)

    @app.exception_handler(grpc.RpcError)
    async def _rpc(request: Request, exc: grpc.RpcError):
        p = rpc.problem_from_rpc_error(exc)
        headers = None
        if p.status >= 500:
            log.warning("upstream error", path=request.url.path, code=exc.code().name, details=exc.details())
        if p.status in (503, 504):
            headers = {"Retry-After": RETRY_AFTER_SECONDS}
        return problem(p.status, p.detail, title=TITLES.get(p.status), errors=p.errors or None, headers=headers)
    # Anything else is turned into a 500 problem by middleware.RequestContextMiddleware.
