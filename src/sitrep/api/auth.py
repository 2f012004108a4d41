"""Bearer-token check for write endpoints.

The token comes from ``SITREP_API_TOKEN`` at start-up; without one the server
is read-only and every write answers 403, so a forgotten variable can never
leave writes open. Comparison is constant-time, and neither the expected nor
the presented token is ever put in a message or log line.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sitrep.api.errors import ApiError
from sitrep.api.state import Context, context

TOKEN_ENV = "SITREP_API_TOKEN"

_bearer = HTTPBearer(auto_error=False, description=f"The value of {TOKEN_ENV} the server was started with.")


def require_token(
    ctx: Annotated[Context, Depends(context)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    if ctx.token is None:
        raise ApiError(
            403, f"writes are disabled: the server was started without {TOKEN_ENV}", code="writes_disabled"
        )
    presented = credentials.credentials if credentials is not None else ""
    if not presented or not hmac.compare_digest(presented.encode("utf-8"), ctx.token.encode("utf-8")):
        raise ApiError(401, "missing or invalid bearer token", headers={"WWW-Authenticate": "Bearer"})
