"""Auth and staff: POST /v1/auth/token, /v1/me, /v1/users."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from ...app import auth
from ...domain.users import ROLES
from ..deps import CurrentUser, PageDep, page_body, require

router = APIRouter(prefix="/v1", tags=["auth and staff"])


class TokenRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=200)


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class UserIn(BaseModel):
    username: str = Field(min_length=3, max_length=64)
    password: str = Field(min_length=8, max_length=200)
    full_name: str = Field("", max_length=200)
    roles: list[str] = Field(min_length=1, description=f"any of {', '.join(ROLES)}")


class UserOut(BaseModel):
    id: str
    username: str
    full_name: str
    roles: list[str]
    active: bool
    created_at: str


def user_out(u) -> UserOut:
    return UserOut(id=u.id, username=u.username, full_name=u.full_name, roles=list(u.roles), active=u.active,
                   created_at=u.created_at.isoformat())


@router.post("/auth/token", response_model=TokenResponse)
def token(body: TokenRequest, request: Request) -> TokenResponse:
    state = request.app.state
    try:
        user = auth.authenticate(state.uow(), body.username, body.password)
    except auth.InvalidCredentials:
        raise HTTPException(401, "wrong username or password") from None
    return TokenResponse(access_token=auth.issue_token(user, state.jwt_secret, state.settings.token_ttl_seconds),
                         expires_in=state.settings.token_ttl_seconds)


@router.get("/me", response_model=UserOut)
def me(user: CurrentUser, request: Request) -> UserOut:
    return user_out(auth.get_user(request.app.state.uow(), user.id))


@router.get("/users", dependencies=[require("admin")])
def list_users(request: Request, pg: PageDep) -> dict:
    items, next_cursor = auth.list_users(request.app.state.uow(), limit=pg.limit, cursor=pg.cursor)
    return page_body([user_out(u).model_dump() for u in items], next_cursor)


@router.post("/users", status_code=201, response_model=UserOut, dependencies=[require("admin")])
def create_user(body: UserIn, request: Request) -> UserOut:
    return user_out(auth.create_user(request.app.state.uow(), username=body.username, password=body.password,
                                     full_name=body.full_name, roles=body.roles))
