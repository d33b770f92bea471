"""Every /v1 route needs a logged-in user (except logging in), and the OpenAPI document is tidy."""
from gateway.entrypoints.deps import is_public
from gateway.entrypoints.http import build_openapi, create_app
from gateway.settings import Settings
from gateway.testing import api_routes


def make_app():
    return create_app({"settings": Settings(database_url="sqlite://", jwt_secret="x" * 40)})


def _calls(dependant):
    yield dependant.call
    for dep in dependant.dependencies:
        yield from _calls(dep)


def test_every_v1_route_authenticates():
    app = make_app()
    checked = 0
    for route in api_routes(app):
        if not route.path.startswith("/v1"):
            continue
        for method in route.methods:
            if is_public(route):  # only the login, or a route marked PUBLIC_ROUTE("why")
                continue
            authenticating = [c for c in _calls(route.dependant) if getattr(c, "authenticates", False)]
            assert authenticating, f"{method} {route.path} has no auth"
            checked += 1
    assert checked >= 6


def test_openapi_declares_problems_bearer_tags_and_idempotency():
    app = make_app()
    doc = build_openapi(app)
    assert doc["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert "Problem" in doc["components"]["schemas"]
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    tag_names = {t["name"] for t in doc["tags"]}
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert op.get("tags"), f"{method} {path} has no tag"
            assert set(op["tags"]) <= tag_names
            for status, resp in op["responses"].items():
                if status.startswith(("4", "5")):
                    assert "application/problem+json" in resp["content"], f"{method} {path} {status}"
            if path.startswith("/v1/") and path != "/v1/auth/token" and not op.get("x-antena-public"):
                assert op.get("security"), f"{method} {path}"
                assert "401" in op["responses"] and "403" in op["responses"]
            if method == "post":
                assert any(p["name"] == "Idempotency-Key" for p in op["parameters"]), path
    login = doc["paths"]["/v1/auth/token"]["post"]
    assert {"401", "422", "429"} <= set(login["responses"]) and not login.get("security")
    me = doc["paths"]["/v1/me"]["get"]
    assert me["responses"]["200"]["content"]["application/json"]["schema"]
