"""Auth and staff through the gateway's HTTP app, on its real database (SQLite and PostgreSQL)."""
import pytest

from gateway.app import auth
from gateway.testing import ADMIN_PASSWORD, build_gateway

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgresql"])
def gw(request):
    return request.getfixturevalue("api" if request.param == "sqlite" else "pg_api")


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_login_me_and_wrong_credentials(gw):
    c = gw.client
    r = c.post("/v1/auth/token", json={"username": "admin", "password": ADMIN_PASSWORD})
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "bearer" and body["expires_in"] > 0
    me = c.get("/v1/me", headers=bearer(body["access_token"]))
    assert me.json()["username"] == "admin" and me.json()["roles"] == ["admin"]
    for creds in ({"username": "admin", "password": "nope-nope"}, {"username": "ghost", "password": "whatever1"}):
        r = c.post("/v1/auth/token", json=creds)
        assert r.status_code == 401
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["detail"] == "wrong username or password"  # the same for unknown users


def test_missing_invalid_and_expired_tokens(gw):
    c = gw.client
    assert c.get("/v1/me").status_code == 401
    assert c.get("/v1/me", headers={"Authorization": "Basic abc"}).status_code == 401
    assert c.get("/v1/me", headers=bearer("not.a.jwt")).status_code == 401
    with gw.runtime.http_app.state.uow() as uow:
        admin = uow.users.by_username("admin")
    expired = auth.issue_token(admin, gw.app.state.jwt_secret, -60)
    r = c.get("/v1/me", headers=bearer(expired))
    assert r.status_code == 401 and "expired" in r.json()["detail"]
    assert r.headers["www-authenticate"] == "Bearer"


def test_roles_are_checked(gw):
    c = gw.client
    gw.make_user("vendedora", ["sales"])
    sales = {"Authorization": f"Bearer {gw.token('vendedora', 'a-good-password')}"}
    assert c.get("/v1/me", headers=sales).status_code == 200
    r = c.get("/v1/users", headers=sales)
    assert r.status_code == 403 and "admin" in r.json()["detail"]
    assert c.post("/v1/users", headers=sales, json={"username": "x", "password": "y", "roles": []}).status_code == 403
    assert c.get("/v1/users", headers=gw.auth()).status_code == 200


def test_admin_creates_lists_and_changes_users(gw):
    c = gw.client
    admin = gw.auth()
    r = c.post("/v1/users", headers=admin, json={"username": "tecnico1", "password": "12345678",
                                                  "full_name": "Técnico Uno", "roles": ["technician"]})
    assert r.status_code == 201
    uid = r.json()["id"]
    dup = c.post("/v1/users", headers=admin, json={"username": "tecnico1", "password": "12345678",
                                                    "roles": ["technician"]})
    assert dup.status_code == 409 and "username" in dup.json()["errors"]
    bad = c.post("/v1/users", headers=admin, json={"username": "t2", "password": "1", "roles": ["boss"]})
    assert bad.status_code == 422 and {"username", "password"} <= set(bad.json()["errors"])
    bad_role = c.post("/v1/users", headers=admin, json={"username": "t22", "password": "12345678", "roles": ["boss"]})
    assert bad_role.status_code == 422 and "roles" in bad_role.json()["errors"]

    page1 = c.get("/v1/users", headers=admin, params={"limit": 1}).json()
    assert len(page1["items"]) == 1 and page1["next_cursor"]
    page2 = c.get("/v1/users", headers=admin, params={"limit": 1, "cursor": page1["next_cursor"]}).json()
    assert page2["items"][0]["id"] != page1["items"][0]["id"]
    assert c.get("/v1/users", headers=admin, params={"cursor": "%%%"}).status_code == 422

    tech = bearer(gw.token("tecnico1", "12345678"))
    r = c.patch(f"/v1/users/{uid}", headers=admin, json={"roles": ["technician", "operations"],
                                                         "full_name": "Técnico 1"})
    assert r.status_code == 200 and r.json()["roles"] == ["operations", "technician"]
    assert c.get("/v1/me", headers=tech).json()["roles"] == ["operations", "technician"]  # applies at once
    assert c.get(f"/v1/users/{uid}", headers=admin).json()["full_name"] == "Técnico 1"
    assert c.patch("/v1/users/nope", headers=admin, json={"full_name": "x"}).status_code == 404
    assert c.patch(f"/v1/users/{uid}", headers=admin, json={"roles": ["boss"]}).status_code == 422
    assert c.patch(f"/v1/users/{uid}", headers=admin, json={"username": "renamed"}).status_code == 422
    assert c.patch(f"/v1/users/{uid}", headers=admin, json={"active": None}).status_code == 422
    assert c.patch(f"/v1/users/{uid}", headers=tech, json={"full_name": "me"}).status_code == 403

    # a new password ends the old sessions
    assert c.patch(f"/v1/users/{uid}", headers=admin, json={"password": "another-pass"}).status_code == 200
    assert c.get("/v1/me", headers=tech).status_code == 401
    tech = bearer(gw.token("tecnico1", "another-pass"))
    # disabling ends them too, and login is refused
    assert c.patch(f"/v1/users/{uid}", headers=admin, json={"active": False}).json()["active"] is False
    assert c.get("/v1/me", headers=tech).status_code == 401
    assert c.post("/v1/auth/token", json={"username": "tecnico1", "password": "another-pass"}).status_code == 401
    assert c.patch(f"/v1/users/{uid}", headers=admin, json={"active": True}).status_code == 200
    assert c.post("/v1/auth/token", json={"username": "tecnico1", "password": "another-pass"}).status_code == 200


def test_the_last_admin_stays_admin(gw):
    c = gw.client
    admin = gw.auth()
    me = c.get("/v1/me", headers=admin).json()
    r = c.patch(f"/v1/users/{me['id']}", headers=admin, json={"roles": ["sales"]})
    assert r.status_code == 409 and "last active admin" in r.json()["detail"]
    assert c.patch(f"/v1/users/{me['id']}", headers=admin, json={"active": False}).status_code == 409
    other = gw.make_user("jefa", ["admin"])
    assert c.patch(f"/v1/users/{me['id']}", headers=admin, json={"active": False}).status_code == 409  # yourself
    assert c.patch(f"/v1/users/{me['id']}", headers=admin, json={"roles": ["finance"]}).status_code == 200
    assert c.get("/v1/users", headers=admin).status_code == 403  # no longer admin, at once
    assert other["roles"] == ["admin"]


def test_change_my_password(gw):
    c = gw.client
    gw.make_user("cobranza", ["finance"], password="first-pass")
    token = bearer(gw.token("cobranza", "first-pass"))
    wrong = c.post("/v1/me/password", headers=token, json={"current_password": "nope", "new_password": "second-pass"})
    assert wrong.status_code == 422 and "current_password" in wrong.json()["errors"]
    short = c.post("/v1/me/password", headers=token, json={"current_password": "first-pass", "new_password": "x"})
    assert short.status_code == 422 and "new_password" in short.json()["errors"]
    ok = c.post("/v1/me/password", headers=token, json={"current_password": "first-pass",
                                                        "new_password": "second-pass"})
    assert ok.status_code == 204 and ok.content == b""
    assert c.get("/v1/me", headers=token).status_code == 401
    assert c.post("/v1/auth/token", json={"username": "cobranza", "password": "first-pass"}).status_code == 401
    assert c.get("/v1/me", headers=bearer(gw.token("cobranza", "second-pass"))).status_code == 200


def test_login_throttling(api):
    c = api.client
    for _ in range(10):
        assert c.post("/v1/auth/token", json={"username": "admin", "password": "wrong-one"}).status_code == 401
    r = c.post("/v1/auth/token", json={"username": "admin", "password": ADMIN_PASSWORD})
    assert r.status_code == 429
    assert 0 < int(r.headers["retry-after"]) <= 300
    assert r.headers["content-type"] == "application/problem+json"
    # another username from the same address is not blocked
    assert c.post("/v1/auth/token", json={"username": "other", "password": "x"}).status_code == 401


def test_first_start_creates_admin_once(tmp_path, capsys):
    runtime = build_gateway(f"sqlite:///{tmp_path / 'a.db'}", tmp_path, admin_password="")
    out = capsys.readouterr().out
    assert "created staff user 'admin' with password:" in out
    generated = out.split("password:")[1].split()[0]
    assert auth.authenticate(runtime.http_app.state.uow(), "admin", generated).roles == ["admin"]
    for hook in runtime.on_start:  # a second start creates nothing and prints nothing
        hook()
    assert "password" not in capsys.readouterr().out
    with runtime.http_app.state.uow() as uow:
        assert uow.users.count() == 1
    runtime.database.engine.dispose()


def test_first_start_with_configured_password(api, capsys):
    assert "created staff user" not in capsys.readouterr().out
    assert api.token("admin", ADMIN_PASSWORD)
