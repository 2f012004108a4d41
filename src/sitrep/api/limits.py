"""Request-size limits and response hardening, as plain ASGI middleware.

Limits are enforced before a route sees the request: a declared
``Content-Length`` over the limit is refused at once, and a chunked body is
counted as it streams, so a client cannot make the server buffer an unbounded
body by lying about (or omitting) its length. Pure ASGI rather than
``BaseHTTPMiddleware`` keeps streaming intact and adds no per-request task.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.api.errors import error_body

DEFAULT_MAX_BODY = 1_000_000  # bytes; a long article is ~100 kB of UTF-8
DEFAULT_MAX_QUERY = 4096  # bytes of query string
DEFAULT_MAX_URL_PATH = 2048

# The UI loads nothing from elsewhere; the policy makes that a browser-enforced rule, so a
# future escaping bug in the UI still cannot fetch or run foreign code.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", CSP.encode()),
    (b"cross-origin-resource-policy", b"same-origin"),
)


_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps(error_body(status, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SizeLimits:
    """Refuse oversized URLs (414) and bodies (413) with the API's error shape."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body: int = DEFAULT_MAX_BODY,
        max_query: int = DEFAULT_MAX_QUERY,
        max_path: int = DEFAULT_MAX_URL_PATH,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.max_query = max_query
        self.max_path = max_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if (
            len(scope.get("query_string", b"")) > self.max_query
            or len(scope.get("raw_path") or b"") > self.max_path
        ):
            await _send_error(send, 414, "request URL too long")
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await _send_error(send, 413, f"request body over {self.max_body} bytes")
            return
        if scope.get("method") not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        # Buffer the (bounded) body first, so that an over-long chunked body is refused before the app
        # has started reading it, then replay it to the app unchanged.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # client went away
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_body:
                await _send_error(send, 413, f"request body over {self.max_body} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class SecurityHeaders:
    """Add the hardening headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", ()))
                present = {h[0].lower() for h in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
