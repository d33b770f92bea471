"""FastAPI dependencies shared by every router: the current staff user,
role checks, pagination, the services' gRPC stubs and protobuf -> JSON."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from google.protobuf import json_format
from pydantic import BaseModel, Field, ValidationError

from ..app import auth

bearer = HTTPBearer(auto_error=False, description="POST /v1/auth/token, then `Authorization: Bearer <token>`")


@dataclass(frozen=True)
class Principal:
    id: str
    username: str
    roles: tuple[str, ...]

    def has_role(self, *roles: str) -> bool:
        return "admin" in self.roles or any(r in self.roles for r in roles)


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


async def authenticate(request: Request, creds: HTTPAuthorizationCredentials | None) -> Principal:
    """The staff user of the bearer token; 401 if the token is missing, invalid,
    expired or revoked (user disabled, password changed). Once per request."""
    known = getattr(request.state, "principal", None)
    if known is not None:
        return known
    if creds is None or creds.scheme.lower() != "bearer":
        raise _unauthorized("missing bearer token")
    try:
        claims = auth.verify_token(creds.credentials, request.app.state.jwt_secret)
    except auth.InvalidToken as exc:
        raise _unauthorized(f"invalid token: {exc}") from None
    users: auth.UserDirectory = request.app.state.users
    found, user = users.cached(claims["sub"])
    if not found:
        user = await run_in_threadpool(users.load, claims["sub"])
    try:
        auth.check_token_still_valid(claims, user)
    except auth.InvalidToken as exc:
        raise _unauthorized(f"invalid token: {exc}") from None
    principal = Principal(id=user.id, username=user.username, roles=tuple(user.roles))
    request.state.principal = principal
    return principal


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


async def current_user(request: Request, creds: Credentials) -> Principal:
    return await authenticate(request, creds)


current_user.authenticates = True  # what the route tests look for


CurrentUser = Annotated[Principal, Depends(current_user)]

# A /v1 route that must work without a bearer token (a signed webhook, say) says so
# with `openapi_extra=PUBLIC_ROUTE("why")`; the tests that check auth on every route
# accept only those.
PUBLIC_ROUTE_KEY = "x-antena-public"


def PUBLIC_ROUTE(reason: str) -> dict:  # noqa: N802 (reads like a constant at the route)
    return {PUBLIC_ROUTE_KEY: reason}


def is_public(route) -> bool:
    """True for POST /v1/auth/token and routes marked with PUBLIC_ROUTE."""
    original = getattr(route, "original_route", route)
    extra = getattr(original, "openapi_extra", None) or {}
    return route.path == "/v1/auth/token" or bool(extra.get(PUBLIC_ROUTE_KEY))


def require(*roles: str):
    """Dependency: the current user must hold one of `roles` (admin always may)."""

    # one dependency (not user -> role): every dependency costs on every request
    async def check(request: Request, creds: Credentials) -> Principal:
        user = await authenticate(request, creds)
        if not user.has_role(*roles):
            raise HTTPException(403, f"this action needs one of the roles: {', '.join(roles)}")
        return user

    check.authenticates = True
    return Depends(check)


@dataclass(frozen=True)
class Page:
    limit: int
    cursor: str


PAGE_LIMIT, MAX_PAGE_LIMIT, MAX_CURSOR = 50, 200, 2000
_LIMIT_HELP, _CURSOR_HELP = "items per page", "next_cursor of the previous page"


async def page(limit: Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description=_LIMIT_HELP)] = PAGE_LIMIT,
         cursor: Annotated[str | None, Query(max_length=MAX_CURSOR, description=_CURSOR_HELP)] = None
         ) -> Page:
    return Page(limit=limit, cursor=cursor or "")


class PageQuery(BaseModel):
    """`page`'s two parameters for a route that reads its query with a `QueryModel`."""
    limit: int = Field(PAGE_LIMIT, ge=1, le=MAX_PAGE_LIMIT, description=_LIMIT_HELP)
    cursor: str | None = Field(None, max_length=MAX_CURSOR, description=_CURSOR_HELP)


PageDep = Annotated[Page, Depends(page)]


def stub(request: Request, service: str, stub_class):
    return request.app.state.clients.stub(service, stub_class)


def to_dict(message) -> dict:
    return json_format.MessageToDict(message, preserving_proto_field_name=True,
                                     always_print_fields_with_no_presence=True)


def page_body(items: list, next_cursor: str | None) -> dict:
    return {"items": items, "next_cursor": next_cursor or None}


class QueryModel:
    """The query string of a hot route read by one pydantic model: FastAPI's handling
    costs ~10 µs per declared parameter on every request (bench/README.md). Declare the
    route with `openapi_extra=QueryModel(M).openapi` and call `.parse(request)` in it:
    the same OpenAPI parameters and the same 422 problem as declared parameters."""

    def __init__(self, model: type[BaseModel]):
        self.model = model
        schema = model.model_json_schema()
        self.openapi = {"parameters": [
            {"name": name, "in": "query", "required": name in schema.get("required", ()),
             "description": prop.get("description", ""),
             "schema": {k: v for k, v in prop.items() if k != "description"}}
            for name, prop in schema["properties"].items()]}

    def parse(self, request: Request) -> BaseModel:
        try:
            return self.model.model_validate(dict(request.query_params))
        except ValidationError as exc:
            raise RequestValidationError(
                [{**err, "loc": ("query", *err["loc"])} for err in exc.errors(include_url=False)]) from None
