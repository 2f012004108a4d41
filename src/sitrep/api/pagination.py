"""Opaque cursors for keyset pagination.

A cursor names the resource it belongs to and the sort key of the last item
served, base64url-encoded so clients treat it as a token rather than build one.
Keyset (not offset) paging keeps deep pages as fast as the first and stable
while new articles arrive. A cursor that does not decode, or belongs to another
resource, is a 400, never a silent restart from page one.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

import pydantic_core
from fastapi.responses import Response

from sitrep.api.errors import ApiError

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000


def encode(kind: str, key: Any) -> str:
    raw = json.dumps([kind, key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(kind: str, cursor: str | None) -> Any:
    """The key stored in ``cursor`` for resource ``kind``; None when no cursor was given."""
    if cursor is None or cursor == "":
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise ApiError(400, "malformed cursor", code="bad_cursor") from exc
    if not (isinstance(value, list) and len(value) == 2 and value[0] == kind):
        raise ApiError(400, "cursor does not belong to this resource", code="bad_cursor")
    return value[1]


def int_key(kind: str, cursor: str | None) -> int | None:
    key = decode(kind, cursor)
    if key is None:
        return None
    if not isinstance(key, int) or isinstance(key, bool) or key < 0:
        raise ApiError(400, "malformed cursor", code="bad_cursor")
    return key


def str_key(kind: str, cursor: str | None) -> str | None:
    key = decode(kind, cursor)
    if key is None:
        return None
    if not isinstance(key, str) or len(key) > 200:
        raise ApiError(400, "malformed cursor", code="bad_cursor")
    return key


def page(items: list[dict[str, Any]], limit: int, next_cursor: str | None) -> dict[str, Any]:
    """The one envelope every list endpoint returns; ``next`` is null on the last page.

    Callers fetch ``limit + 1`` rows and pass a cursor only when the extra row exists, so a
    client never has to request an empty page to learn that it has reached the end.
    """
    return {"items": items, "next": next_cursor, "limit": limit}


def json_page(items: list[dict[str, Any]], limit: int, next_cursor: str | None) -> Response:
    """:func:`page`, encoded here by pydantic's own JSON writer instead of validated first.

    For items already built field for field in the response model's order (see
    :func:`sitrep.api.payloads.event_out`), validation only re-checks what the store guarantees and
    costs as much as building the items; the bytes are those the validated path writes.
    """
    body = pydantic_core.to_json(page(items, limit, next_cursor))
    return Response(content=body, media_type="application/json")
