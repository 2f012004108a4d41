"""One JSON error shape for every failure the API reports.

Clients branch on ``error.code`` (stable, snake_case) and show ``error.message``;
``status`` repeats the HTTP status so a logged body is self-describing. Framework
errors (unknown route, wrong method, validation) are rewritten into the same
shape, and unexpected exceptions become a bare 500 that names no internals.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.errors import SitrepError

log = logging.getLogger("sitrep.api")

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "invalid_parameters",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """Raised by routes for an error the client can act on."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        detail: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.detail = detail
        self.headers = headers


def error_body(
    status: int, message: str, *, code: str | None = None, detail: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    err: dict[str, Any] = {"status": status, "code": code or _CODES.get(status, "error"), "message": message}
    if detail:
        err["detail"] = detail
    return {"error": err}


def error_response(
    status: int,
    message: str,
    *,
    code: str | None = None,
    detail: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(
        error_body(status, message, code=code, detail=detail), status_code=status, headers=headers
    )


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only location and message: echoing the rejected input back could reflect a payload.
    out = []
    for e in exc.errors():
        loc = [str(p) for p in e.get("loc", ())]
        out.append({"loc": loc, "msg": str(e.get("msg", "invalid"))})
    return out


def install(app: FastAPI) -> None:
    """Route every error path of ``app`` through :func:`error_response`."""

    async def on_api_error(_req: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.message, code=exc.code, detail=exc.detail, headers=exc.headers)

    async def on_http(_req: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = "no such resource"
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    async def on_validation(_req: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(422, "invalid request parameters", detail=_validation_detail(exc))

    async def on_sitrep(_req: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, SitrepError)
        log.warning("request failed: %s", exc.code)
        return error_response(500, "the store could not answer", code="store_error")

    async def on_unexpected(_req: Request, exc: Exception) -> JSONResponse:
        # The traceback goes to the server log only; the client learns nothing about internals.
        log.error("unhandled %s", type(exc).__name__, exc_info=exc)
        return error_response(500, "internal error")

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(SitrepError, on_sitrep)
    app.add_exception_handler(Exception, on_unexpected)
