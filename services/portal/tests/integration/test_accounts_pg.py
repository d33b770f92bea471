"""Portal accounts on PostgreSQL: invitation, password, sessions, login throttling, reset links."""
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from antena_common.errors import Conflict, NotFound, PermissionDenied
from antena_common.runtime import Database
from portal.adapters import orm
from portal.adapters.passwords import Passwords
from portal.adapters.uow import PortalUnitOfWork
from portal.app import accounts
from portal.domain import model

pytestmark = pytest.mark.integration
LINKS = accounts.Links("http://portal.test")


@pytest.fixture
def uow_factory(pg_url):
    orm.start_mappers()
    import portal

    db = Database(pg_url, orm.metadata, Path(portal.__file__).parent / "migrations", "portal")
    db.migrate()
    yield lambda: db.uow(PortalUnitOfWork)
    db.engine.dispose()


def _events(uow_factory, routing_key):
    import json

    with uow_factory() as uow:
        rows = uow.session.execute(select(orm.metadata.tables["outbox"].c.body)
                                   .where(orm.metadata.tables["outbox"].c.routing_key == routing_key)).all()
    return [json.loads(r.body)["payload"] for r in rows]


def test_invitation_password_login_and_reset(uow_factory):
    hasher = Passwords()
    with uow_factory() as uow:
        secret = accounts.invite_customer(uow, customer_id="c1", contract_id="k1", email="Ana@Example.com", name="Ana",
                                          links=LINKS, ttl=dt.timedelta(days=7))
        uow.commit()
    invited = _events(uow_factory, "portal.customer_invited")
    assert invited[0]["invitation_url"] == f"http://portal.test/invitacion/{secret}"
    assert invited[0]["email"] == "ana@example.com"
    # a second contract for the same customer: a fresh link, the old one retired
    with uow_factory() as uow:
        second = accounts.invite_customer(uow, customer_id="c1", contract_id="k2", email="ana@example.com", name="Ana",
                                          links=LINKS, ttl=dt.timedelta(days=7))
        uow.commit()
    with pytest.raises(Conflict):
        accounts.check_link(uow_factory(), model.INVITATION, secret)
    with pytest.raises(NotFound):
        accounts.check_link(uow_factory(), model.INVITATION, "made-up")
    account = accounts.set_password_with_link(uow_factory(), hasher, model.INVITATION, second, "clave-de-ana-1",
                                              "clave-de-ana-1")
    assert account.active
    with pytest.raises(Conflict):  # spent
        accounts.set_password_with_link(uow_factory(), hasher, model.INVITATION, second, "otra-clave-12", "otra-clave-12")
    # once active, a new activation sends no link (login link only)
    with uow_factory() as uow:
        assert accounts.invite_customer(uow, customer_id="c1", contract_id="k3", email="ana@example.com", name="Ana",
                                        links=LINKS, ttl=dt.timedelta(days=7)) == ""
        uow.commit()
    assert _events(uow_factory, "portal.customer_invited")[-1]["invitation_url"] == ""

    logged = accounts.login(uow_factory(), hasher, email="ANA@example.com ", password="clave-de-ana-1", ip="1.1.1.1",
                            max_failures=3)
    cookie, csrf = accounts.open_session(uow_factory(), logged.id, 1)
    assert accounts.session_account(uow_factory(), cookie)[0].customer_id == "c1"
    assert accounts.session_account(uow_factory(), cookie + "x") is None

    # reset by e-mail link ends the other sessions
    accounts.request_reset(uow_factory(), email="ana@example.com", links=LINKS, ttl=dt.timedelta(minutes=30))
    accounts.request_reset(uow_factory(), email="nobody@example.com", links=LINKS, ttl=dt.timedelta(minutes=30))
    resets = _events(uow_factory, "portal.password_reset_requested")
    assert len(resets) == 1
    reset_secret = resets[0]["reset_url"].rsplit("/", 1)[1]
    accounts.set_password_with_link(uow_factory(), hasher, model.RESET, reset_secret, "clave-nueva-123",
                                    "clave-nueva-123")
    assert accounts.session_account(uow_factory(), cookie) is None
    with pytest.raises(PermissionDenied):
        accounts.login(uow_factory(), hasher, email="ana@example.com", password="clave-de-ana-1", ip="1.1.1.1",
                       max_failures=3)


def test_failed_logins_are_throttled_per_ip(uow_factory):
    hasher = Passwords()
    for _ in range(3):
        with pytest.raises(PermissionDenied):
            accounts.login(uow_factory(), hasher, email="x@example.com", password="nope", ip="2.2.2.2", max_failures=3)
    with pytest.raises(accounts.TooManyAttempts):
        accounts.login(uow_factory(), hasher, email="x@example.com", password="nope", ip="2.2.2.2", max_failures=3)
    with pytest.raises(PermissionDenied):  # another address is not blocked
        accounts.login(uow_factory(), hasher, email="x@example.com", password="nope", ip="3.3.3.3", max_failures=3)


def test_no_invitation_without_email_or_for_a_taken_email(uow_factory):
    with uow_factory() as uow:
        assert accounts.invite_customer(uow, customer_id="c9", contract_id="k", email="", name="X", links=LINKS,
                                        ttl=dt.timedelta(days=1)) == ""
        accounts.invite_customer(uow, customer_id="c10", contract_id="k", email="same@example.com", name="A",
                                 links=LINKS, ttl=dt.timedelta(days=1))
        assert accounts.invite_customer(uow, customer_id="c11", contract_id="k", email="same@example.com", name="B",
                                        links=LINKS, ttl=dt.timedelta(days=1)) == ""
        uow.commit()


def test_reset_requests_are_limited_per_ip(uow_factory):
    for _ in range(2):
        accounts.request_reset(uow_factory(), email="x@example.com", links=LINKS, ttl=dt.timedelta(minutes=5),
                               ip="4.4.4.4", per_hour=2)
    with pytest.raises(accounts.TooManyAttempts):
        accounts.request_reset(uow_factory(), email="x@example.com", links=LINKS, ttl=dt.timedelta(minutes=5),
                               ip="4.4.4.4", per_hour=2)


def test_purge_drops_expired_sessions_only(uow_factory):
    hasher = Passwords()
    with uow_factory() as uow:
        secret = accounts.invite_customer(uow, customer_id="c20", contract_id="k", email="p@example.com", name="P",
                                          links=LINKS, ttl=dt.timedelta(days=1))
        uow.commit()
    account = accounts.set_password_with_link(uow_factory(), hasher, model.INVITATION, secret, "clave-larga-99",
                                              "clave-larga-99")
    live, _ = accounts.open_session(uow_factory(), account.id, 1)
    old, _ = accounts.open_session(uow_factory(), account.id, -1)
    accounts.purge(uow_factory())
    with uow_factory() as uow:
        assert uow.sessions.get(model.digest(live)) and uow.sessions.get(model.digest(old)) is None
