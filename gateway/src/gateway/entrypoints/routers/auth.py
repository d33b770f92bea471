"""Auth and staff: POST /v1/auth/token, /v1/me, /v1/users."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from antena_common.errors import InvalidArgument

from ...app import auth
from ...domain.users import PASSWORD_MAX, PASSWORD_MIN, ROLES
from ..deps import CurrentUser, PageDep, page_body, require

router = APIRouter(prefix="/v1", tags=["auth and staff"])


class TokenRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=PASSWORD_MAX)


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="seconds until the token expires")


class UserIn(BaseModel):
    username: str = Field(min_length=3, max_length=64)
    password: str = Field(min_length=PASSWORD_MIN, max_length=PASSWORD_MAX)
    full_name: str = Field("", max_length=200)
    roles: list[str] = Field(min_length=1, max_length=len(ROLES), description=f"any of {', '.join(ROLES)}")


class UserPatch(BaseModel):
    """Only the fields sent are changed. A new password or `active: false` ends the user's sessions."""

    model_config = ConfigDict(extra="forbid")
    full_name: str | None = Field(None, max_length=200)
    roles: list[str] | None = Field(None, min_length=1, max_length=len(ROLES),
                                    description=f"any of {', '.join(ROLES)}")
    active: bool | None = None
    password: str | None = Field(None, min_length=PASSWORD_MIN, max_length=PASSWORD_MAX)


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=PASSWORD_MAX)
    new_password: str = Field(min_length=PASSWORD_MIN, max_length=PASSWORD_MAX)


class UserOut(BaseModel):
    id: str
    username: str
    full_name: str
    roles: list[str]
    active: bool
    created_at: str


class UserPage(BaseModel):
    items: list[UserOut]
    next_cursor: str | None


def user_out(u) -> UserOut:
    return UserOut(id=u.id, username=u.username, full_name=u.full_name, roles=list(u.roles), active=u.active,
                   created_at=u.created_at.isoformat())


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post("/auth/token", response_model=TokenResponse, summary="Log in: a bearer token for a staff user",
             description="Too many failed attempts for one username from one address -> 429 with Retry-After.")
def token(body: TokenRequest, request: Request) -> TokenResponse:
    state = request.app.state
    throttle = state.login_throttle
    address = _client_address(request)
    wait = throttle.retry_after(body.username, address)
    if wait:
        raise HTTPException(429, f"too many failed logins; try again in {wait} s",
                            headers={"Retry-After": str(wait)})
    try:
        user = auth.authenticate(state.uow(), body.username, body.password)
    except auth.InvalidCredentials:
        throttle.failed(body.username, address)
        raise HTTPException(401, "wrong username or password", headers={"WWW-Authenticate": "Bearer"}) from None
    throttle.succeeded(body.username, address)
    return TokenResponse(access_token=auth.issue_token(user, state.jwt_secret, state.settings.token_ttl_seconds),
                         expires_in=state.settings.token_ttl_seconds)


@router.get("/me", response_model=UserOut, summary="The logged-in user")
def me(user: CurrentUser, request: Request) -> UserOut:
    return user_out(auth.get_user(request.app.state.uow(), user.id))


@router.post("/me/password", status_code=204, response_class=Response,
             summary="Change my password (my other tokens stop working)")
def change_my_password(body: PasswordChange, user: CurrentUser, request: Request) -> Response:
    auth.change_own_password(request.app.state.uow(), user.id, body.current_password, body.new_password)
    request.app.state.users.invalidate(user.id)
    return Response(status_code=204)


@router.get("/users", response_model=UserPage, dependencies=[require("admin")], summary="Staff users (admin)")
def list_users(request: Request, pg: PageDep) -> dict:
    items, next_cursor = auth.list_users(request.app.state.uow(), limit=pg.limit, cursor=pg.cursor)
    return page_body([user_out(u).model_dump() for u in items], next_cursor)


@router.post("/users", status_code=201, response_model=UserOut, dependencies=[require("admin")],
             summary="Create a staff user (admin)")
def create_user(body: UserIn, request: Request) -> UserOut:
    return user_out(auth.create_user(request.app.state.uow(), username=body.username, password=body.password,
                                     full_name=body.full_name, roles=body.roles))


@router.get("/users/{user_id}", response_model=UserOut, dependencies=[require("admin")],
            summary="One staff user (admin)")
def get_user(user_id: str, request: Request) -> UserOut:
    return user_out(auth.get_user(request.app.state.uow(), user_id))


@router.patch("/users/{user_id}", response_model=UserOut, summary="Change a staff user (admin)",
              description="Roles, full name, active, password. The last active admin keeps the admin role (409).")
async def update_user(user_id: str, body: UserPatch, request: Request,
                      admin=require("admin")) -> UserOut:
    fields = body.model_dump(exclude_unset=True)
    for name in ("full_name", "roles", "active", "password"):
        if name in fields and fields[name] is None:
            raise InvalidArgument(f"{name}: may not be null", field_errors={name: "may not be null"})
    user = await run_in_threadpool(auth.update_user, request.app.state.uow(), user_id, acting_user_id=admin.id,
                                   **fields)
    request.app.state.users.invalidate(user_id)
    return user_out(user)
