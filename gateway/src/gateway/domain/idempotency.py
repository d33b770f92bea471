"""Idempotency-Key rules: what identifies a request, when a stored answer is
replayed, refused or run again. Plain Python, no storage."""
from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import re
from dataclasses import dataclass

KEY_RE = re.compile(r"^[\x21-\x7e]{1,200}$")  # visible ASCII, no spaces
# Answers worth replaying: success, and client errors that will not change by retrying.
# 401 and 429 depend on the moment (token, rate), so a retry must run again.
NOT_STORED_4XX = frozenset({401, 408, 425, 429})
# Response headers not replayed (they belong to the moment of the answer).
VOLATILE_HEADERS = frozenset({"date", "server", "x-request-id", "set-cookie"})


def valid_key(key: str) -> bool:
    return bool(KEY_RE.match(key))


def fingerprint(method: str, path: str, query: str, content_type: str, body: bytes) -> str:
    """Hash of what makes two requests "the same": method, path, query and the body.
    JSON bodies are compared by value (key order and spacing do not matter);
    multipart bodies without their random boundary."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    normalized = body
    if ctype == "application/json" or ctype.endswith("+json"):
        try:
            normalized = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"),
                                    ensure_ascii=False).encode()
        except (ValueError, UnicodeDecodeError):
            pass
    elif ctype == "multipart/form-data":
        boundary = _param(content_type, "boundary")
        if boundary:
            normalized = body.replace(boundary.encode("latin-1", "replace"), b"<boundary>")
    h = hashlib.sha256()
    for part in (method.upper(), path, query, ctype):
        h.update(part.encode("utf-8", "replace"))
        h.update(b"\0")
    h.update(normalized)
    return h.hexdigest()


def _param(content_type: str, name: str) -> str:
    for piece in content_type.split(";")[1:]:
        k, _, v = piece.strip().partition("=")
        if k.strip().lower() == name:
            return v.strip().strip('"')
    return ""


def storable(status: int) -> bool:
    return 200 <= status < 300 or (400 <= status < 500 and status not in NOT_STORED_4XX)


@dataclass
class StoredRequest:
    user_id: str
    key: str
    method: str
    path: str
    request_hash: str
    created_at: dt.datetime
    attempt: str = ""
    status_code: int | None = None  # None while the first request is in flight
    headers: list[tuple[str, str]] | None = None
    body: bytes | None = None

    @property
    def finished(self) -> bool:
        return self.status_code is not None


class Outcome(enum.Enum):
    EXECUTE = "execute"  # nothing usable stored: run the request (and claim the key)
    REPLAY = "replay"  # the same request finished before: send its answer again
    MISMATCH = "mismatch"  # the key was used for another request: 422
    IN_FLIGHT = "in_flight"  # the same key is being processed right now: 409


def decide(stored: StoredRequest | None, *, method: str, path: str, request_hash: str, now: dt.datetime,
           ttl: dt.timedelta, lock: dt.timedelta) -> Outcome:
    if stored is None or now - stored.created_at >= ttl:
        return Outcome.EXECUTE
    if stored.method != method or stored.path != path or stored.request_hash != request_hash:
        return Outcome.MISMATCH
    if stored.finished:
        return Outcome.REPLAY
    if now - stored.created_at >= lock:
        return Outcome.EXECUTE  # the first attempt died without an answer; let this one run
    return Outcome.IN_FLIGHT
