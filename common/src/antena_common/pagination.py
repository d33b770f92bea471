"""Opaque cursors for keyset pagination (`?limit=&cursor=`)."""
from __future__ import annotations

import base64
import json

from .errors import InvalidArgument

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def clamp_limit(limit: int | None) -> int:
    if not limit or limit <= 0:
        return DEFAULT_LIMIT
    return min(limit, MAX_LIMIT)


def encode_cursor(*keys) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(keys), separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> list | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        keys = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(keys, list):
            raise ValueError
        return keys
    except (ValueError, UnicodeDecodeError):
        raise InvalidArgument("cursor: not a cursor this API issued", field_errors={"cursor": "invalid cursor"}) from None
