"""Customer accounts: invitation, password, login sessions, reset by e-mail."""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from antena.portal.v1 import events_pb2
from antena_common.errors import Conflict, NotFound, PermissionDenied
from antena_common.logs import get_logger

from ..domain import model

log = get_logger("antena.portal")


class TooManyAttempts(Exception):
    """Too many failed logins from this address: try later."""


@dataclass(frozen=True)
class Links:
    base_url: str

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path


def invite_customer(uow, *, customer_id: str, contract_id: str, email: str, name: str, links: Links,
                    ttl: dt.timedelta) -> str:
    """On a contract activation: an account in 'invited' state and a link to set the password.
    Returns the link's secret ('' when the customer already has an active account). uow is open."""
    email = (email or "").strip().lower()
    account = uow.accounts.by_customer(customer_id)
    if account is None:
        if not model.EMAIL_RE.match(email):
            log.warning("contract activated without a customer e-mail: no portal invitation", customer_id=customer_id)
            return ""
        if uow.accounts.by_email(email) is not None:
            log.warning("e-mail already used by another customer's portal account", customer_id=customer_id)
            return ""
        account = model.Account(customer_id=customer_id, email=email, name=name or "")
        uow.accounts.add(account)
    secret = ""
    expires = ""
    if not account.active:
        uow.tokens.retire(model.INVITATION, account.id)
        token, secret = model.Token.issue(model.INVITATION, account.id, ttl, customer_id)
        uow.tokens.add(token)
        expires = token.expires_at.isoformat()
    uow.publish("customer_invited", events_pb2.CustomerInvited(
        customer_id=customer_id, contract_id=contract_id, email=account.email, name=account.name or name,
        invitation_url=links.url(f"/invitacion/{secret}") if secret else "", login_url=links.url("/ingresar"),
        expires_at=expires, account_id=account.id))
    return secret


def _valid_token(uow, kind: str, secret: str) -> model.Token:
    token = uow.tokens.find(kind, secret) if secret else None
    if token is None:
        raise NotFound("link not found")
    if not token.usable():
        raise Conflict("link expired or already used")
    return token


def check_link(uow, kind: str, secret: str) -> model.Account:
    with uow:
        token = _valid_token(uow, kind, secret)
        account = uow.accounts.get(token.subject_id)
        if account is None:
            raise NotFound("account not found")
        return account


def set_password_with_link(uow, hasher, kind: str, secret: str, password: str, confirm: str) -> model.Account:
    """Invitation or reset link: choose the password; the link is spent; other sessions end."""
    model.check_password(password, confirm)
    with uow:
        token = _valid_token(uow, kind, secret)
        account = uow.accounts.get(token.subject_id)
        if account is None:
            raise NotFound("account not found")
        account.set_password(hasher.hash(password))
        token.use()
        uow.sessions.remove_for_account(account.id)
        uow.commit()
    return account


def login(uow, hasher, *, email: str, password: str, ip: str, max_failures: int) -> model.Account:
    since = model.now() - dt.timedelta(minutes=15)
    with uow:
        if uow.requests.count("login_failure", ip, since) >= max_failures:
            raise TooManyAttempts()
        account = uow.accounts.by_email(email or "")
        ok = hasher.verify(account.password_hash if account else "", password or "")
        if not ok or account is None or not account.active:
            uow.requests.note("login_failure", ip)
            uow.commit()
            raise PermissionDenied("wrong e-mail or password")
    return account


LINK_MISS = "link_miss"


def link_misses_exceeded(uow, ip: str, limit: int) -> bool:
    """True when this IP opened `limit` unknown or expired links (signing, invitation,
    reset) in the last 15 minutes: token guessing is refused with 429 for a while."""
    if limit <= 0:
        return False
    with uow:
        return uow.requests.count(LINK_MISS, ip, model.now() - dt.timedelta(minutes=15)) >= limit


def note_link_miss(uow, ip: str) -> None:
    with uow:
        uow.requests.note(LINK_MISS, ip)
        uow.commit()


def open_session(uow, account_id: str, hours: int) -> tuple[str, str]:
    """A new session: (cookie secret, CSRF token)."""
    secret, csrf = model.new_secret(), secrets.token_urlsafe(24)
    with uow:
        uow.sessions.add(model.digest(secret), account_id, csrf, model.now() + dt.timedelta(hours=hours))
        uow.commit()
    return secret, csrf


def session_account(uow, secret: str) -> tuple[model.Account, str] | None:
    if not secret:
        return None
    with uow:
        row = uow.sessions.get(model.digest(secret))
        if row is None or row["expires_at"] <= model.now():
            return None
        account = uow.accounts.get(row["account_id"])
        if account is None or not account.active:
            return None
        return account, row["csrf"]


def close_session(uow, secret: str) -> None:
    with uow:
        uow.sessions.remove(model.digest(secret))
        uow.commit()


def request_reset(uow, *, email: str, links: Links, ttl: dt.timedelta, ip: str = "", per_hour: int = 0) -> None:
    """Always answers the same; only an active account gets the e-mail (at most per_hour requests per IP)."""
    with uow:
        if per_hour and uow.requests.count("reset_request", ip, model.now() - dt.timedelta(hours=1)) >= per_hour:
            raise TooManyAttempts()
        if per_hour:
            uow.requests.note("reset_request", ip)
            uow.commit()
        account = uow.accounts.by_email(email or "")
        if account is None or not account.active:
            return
        uow.tokens.retire(model.RESET, account.id)
        token, secret = model.Token.issue(model.RESET, account.id, ttl, account.customer_id)
        uow.tokens.add(token)
        uow.publish("password_reset_requested", events_pb2.PasswordResetRequested(
            account_id=account.id, customer_id=account.customer_id, email=account.email, name=account.name,
            reset_url=links.url(f"/recuperar/{secret}"), expires_at=token.expires_at.isoformat()))
        uow.commit()


def purge(uow) -> None:
    """Housekeeping: expired sessions and old throttle counts go away."""
    now = model.now()
    with uow:
        uow.sessions.purge_expired(now)
        uow.requests.purge_before(now - dt.timedelta(days=1))
        uow.commit()
