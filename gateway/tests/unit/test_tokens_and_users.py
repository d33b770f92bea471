import time

import jwt
import pytest

from antena_common.errors import InvalidArgument
from gateway.app import auth
from gateway.domain.users import StaffUser, validate_changes, validate_new_user

SECRET = "s" * 40


def user(**kw):
    return StaffUser(username="ana", password_hash="x", roles=["sales"], **kw)


def test_token_roundtrip_carries_subject_roles_and_version():
    u = user()
    claims = auth.verify_token(auth.issue_token(u, SECRET, 60), SECRET)
    assert claims["sub"] == u.id and claims["roles"] == ["sales"] and claims["ver"] == 0
    assert claims["exp"] - claims["iat"] == 60


def test_expired_wrong_secret_and_foreign_tokens_are_refused():
    u = user()
    with pytest.raises(auth.InvalidToken, match="expired"):
        auth.verify_token(auth.issue_token(u, SECRET, -30), SECRET)
    with pytest.raises(auth.InvalidToken):
        auth.verify_token(auth.issue_token(u, SECRET, 60), "another-secret-" + "x" * 30)
    foreign = jwt.encode({"sub": u.id, "exp": int(time.time()) + 60}, SECRET, algorithm="HS256")
    with pytest.raises(auth.InvalidToken, match="staff"):
        auth.verify_token(foreign, SECRET)
    none_alg = jwt.encode({"sub": u.id, "exp": int(time.time()) + 60, "typ": "staff"}, None, algorithm="none")
    with pytest.raises(auth.InvalidToken):
        auth.verify_token(none_alg, SECRET)
    with pytest.raises(auth.InvalidToken):
        auth.verify_token("garbage", SECRET)


def test_disabling_or_a_new_password_revokes_older_tokens():
    u = user()
    claims = auth.verify_token(auth.issue_token(u, SECRET, 60), SECRET)
    auth.check_token_still_valid(claims, u)
    u.set_password_hash("new")
    with pytest.raises(auth.InvalidToken, match="revoked"):
        auth.check_token_still_valid(claims, u)
    fresh = auth.verify_token(auth.issue_token(u, SECRET, 60), SECRET)
    auth.check_token_still_valid(fresh, u)
    u.set_active(False)
    with pytest.raises(auth.InvalidToken, match="disabled"):
        auth.check_token_still_valid(fresh, u)
    with pytest.raises(auth.InvalidToken):
        auth.check_token_still_valid(fresh, None)


def test_roles():
    assert user().has_any(["sales"]) and not user().has_any(["finance"])
    assert StaffUser(username="root", password_hash="x", roles=["admin"]).has_any(["finance"])
    auth.require_roles(["finance"], ("finance",))
    with pytest.raises(Exception):
        auth.require_roles(["sales"], ("finance",))


def test_user_validation_names_fields():
    with pytest.raises(InvalidArgument) as e:
        validate_new_user("a", "short", ["boss"])
    assert set(e.value.field_errors) == {"username", "password", "roles"}
    with pytest.raises(InvalidArgument) as e:
        validate_changes(roles=[], password="x")
    assert set(e.value.field_errors) == {"roles", "password"}
    validate_changes(full_name="Ana", roles=["finance", "sales"])
