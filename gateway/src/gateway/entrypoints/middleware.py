"""ASGI middleware of the gateway (outermost first): request id + security
headers + last-resort problem, body size limit, Idempotency-Key."""
from __future__ import annotations

import datetime as dt
import re

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from antena_common.ids import new_id
from antena_common.logs import correlation_id, get_logger

from ..app import auth
from ..app import idempotency as idem
from ..domain.idempotency import VOLATILE_HEADERS, Outcome, fingerprint, storable, valid_key
from .problems import problem

log = get_logger("antena.gateway")

REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._:@/+=-]{1,128}$")
API_CSP = "default-src 'none'; frame-ancestors 'none'"
SECURITY_HEADERS = (
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
)


class RequestContextMiddleware:
    """Accept X-Request-ID (or make one), bind it as the correlation id that gRPC
    calls and logs carry, return it; add security headers; turn anything that
    escaped the exception handlers into a 500 problem without a stack trace."""

    def __init__(self, app: ASGIApp, *, page_csp: dict[str, str] | None = None):
        self.app = app
        self.page_csp = page_csp or {}  # path -> CSP for HTML pages (the API docs)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        given = Headers(scope=scope).get("x-request-id", "")
        rid = given if REQUEST_ID_RE.match(given) else new_id()
        csp = self.page_csp.get(scope["path"], API_CSP)
        api = scope["path"].startswith("/v1/")
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                headers["x-request-id"] = rid
                for name, value in SECURITY_HEADERS:
                    if name not in headers:
                        headers[name] = value
                if "content-security-policy" not in headers:
                    headers["content-security-policy"] = csp
                if api and "cache-control" not in headers:
                    headers["cache-control"] = "no-store"
            await send(message)

        token = correlation_id.set(rid)
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unhandled error", path=scope.get("path"))
            if started:
                raise
            await problem(500, "internal error; it was logged (request id in X-Request-ID)")(
                scope, receive, send_with_headers)
        finally:
            correlation_id.reset(token)


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"request body larger than {limit} bytes")


class BodyLimitMiddleware:
    """413 problem for request bodies above `max_bytes` (declared or streamed)."""

    def __init__(self, app: ASGIApp, *, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await problem(413, str(BodyTooLarge(self.max_bytes).detail))(scope, receive, send)
        total = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal total
            message = await receive()
            if message["type"] == "http.request":
                total += len(message.get("body", b""))
                if total > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge as exc:
            if started:
                raise
            await problem(413, str(exc.detail))(scope, receive, send)


class IdempotencyMiddleware:
    """Idempotency-Key on POST: the first answer (2xx, or a 4xx that a retry would
    repeat) is stored per user and key and replayed byte for byte with
    `Idempotent-Replayed: true`; the same key for another request -> 422; while the
    first is still running -> 409. Streams (large answers) pass through unstored."""

    def __init__(self, app: ASGIApp, *, state):
        self.app = app
        self.state = state  # the FastAPI app.state: uow, jwt_secret, settings

    def _user_id(self, headers: Headers) -> str | None:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            return auth.verify_token(token.strip(), self.state.jwt_secret)["sub"]
        except auth.InvalidToken:
            return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        key = headers.get("idempotency-key")
        if key is None:
            return await self.app(scope, receive, send)
        if not valid_key(key):
            msg = "1-200 visible ASCII characters"
            return await problem(422, f"Idempotency-Key: {msg}", errors={"Idempotency-Key": msg})(scope, receive, send)
        user_id = self._user_id(headers)
        if user_id is None:  # the route answers 401 (or it is the login): nothing to store
            return await self.app(scope, receive, send)

        chunks = []
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        path = scope["path"]
        query = scope.get("query_string", b"").decode("latin-1")
        request_hash = fingerprint("POST", path, query, headers.get("content-type", ""), body)
        settings = self.state.settings
        policy = idem.Policy(ttl=dt.timedelta(seconds=settings.idempotency_ttl_seconds),
                             lock=dt.timedelta(seconds=settings.idempotency_lock_seconds))
        outcome, stored = await run_in_threadpool(
            idem.begin, self.state.uow(), user_id=user_id, key=key, method="POST", path=path,
            request_hash=request_hash, policy=policy)

        if outcome is Outcome.MISMATCH:
            msg = "already used for a different request (method, path or body); use a new key"
            return await problem(422, f"Idempotency-Key: {msg}", errors={"Idempotency-Key": msg})(scope, receive, send)
        if outcome is Outcome.IN_FLIGHT:
            return await problem(409, "a request with this Idempotency-Key is still being processed; retry shortly",
                                 headers={"Retry-After": "1"})(scope, receive, send)
        if outcome is Outcome.REPLAY:
            raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in stored.headers or []]
            await send({"type": "http.response.start", "status": stored.status_code,
                        "headers": [*raw, (b"idempotent-replayed", b"true")]})
            await send({"type": "http.response.body", "body": stored.body or b"", "more_body": False})
            return
        await self._execute(scope, receive, send, body, stored)

    async def _execute(self, scope: Scope, receive: Receive, send: Send, body: bytes, claim) -> None:
        limit = self.state.settings.idempotency_max_body_bytes
        body_sent = False

        async def replay_receive() -> Message:
            nonlocal body_sent
            if not body_sent:
                body_sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        start: Message | None = None
        parts: list[bytes] = []
        size = 0
        streaming = False  # too big to store: pass the rest through
        done = False

        async def capture(message: Message) -> None:
            nonlocal start, size, streaming, done
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            if streaming:
                await send(message)
                return
            chunk = message.get("body", b"")
            parts.append(chunk)
            size += len(chunk)
            if size > limit:
                streaming = True
                await run_in_threadpool(idem.release, self.state.uow(), claim)
                await send(start)
                for p in parts:
                    await send({"type": "http.response.body", "body": p, "more_body": True})
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            if message.get("more_body", False):
                return
            status = start["status"]
            whole = b"".join(parts)
            if storable(status):
                kept = [(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in start.get("headers", [])]
                kept = [(k, v) for k, v in kept if k not in VOLATILE_HEADERS]
                await run_in_threadpool(idem.finish, self.state.uow(), claim, status, kept, whole)
            else:
                await run_in_threadpool(idem.release, self.state.uow(), claim)
            done = True
            await send(start)
            await send({"type": "http.response.body", "body": whole, "more_body": False})

        try:
            await self.app(scope, replay_receive, capture)
        except BaseException:
            if not done and not streaming:
                await run_in_threadpool(idem.release, self.state.uow(), claim)
            raise
        if not done and not streaming:  # the app ended without a complete answer
            await run_in_threadpool(idem.release, self.state.uow(), claim)


class ChangesThroughHere:
    """After any request that may write (not GET, HEAD or OPTIONS) under /v1/, tell
    the page caches: a client that changed something through this gateway reads
    its change back at once, before the service's event arrives."""

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, app: ASGIApp, *, caches: list):
        self.app = app
        self.caches = caches

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] in self.SAFE or not scope["path"].startswith("/v1/")
                or scope["path"].startswith("/v1/auth/")):  # logging in changes no list
            return await self.app(scope, receive, send)

        answered = False

        async def send_after_change(message: Message) -> None:
            nonlocal answered
            if message["type"] == "http.response.start":  # the write is done; the client has no answer yet
                answered = True
                self._changed()
            await send(message)

        try:
            await self.app(scope, receive, send_after_change)
        finally:
            if not answered:  # failed before answering: it may still have written something
                self._changed()

    def _changed(self) -> None:
        for cache in self.caches:
            cache.changed()
