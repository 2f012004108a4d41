"""Query parameters shared by the list endpoints, declared once so every route spells them alike.

Every free-text filter has a length cap (a filter longer than any real name is
an attack or a mistake), dates must be real ISO days, and enumerations are
checked by FastAPI before a route runs. Values are only ever bound as SQL
parameters by :mod:`sitrep.api.queries` and the store.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, Literal

from fastapi import Query

from sitrep.api.errors import ApiError
from sitrep.api.models import ErrorOut
from sitrep.api.pagination import DEFAULT_LIMIT, MAX_LIMIT
from sitrep.store.queries import BBox

Side = Annotated[
    str | None, Query(max_length=100, description="Side spoken for, e.g. Russia (case-insensitive).")
]
Speaker = Annotated[str | None, Query(max_length=200, description="Part of the speaker's name or mention.")]
PlaceName = Annotated[str | None, Query(max_length=200, description="Part of a place name or mention.")]
Text = Annotated[str | None, Query(max_length=500, description="Full-text words; all must match.")]
Since = Annotated[str | None, Query(max_length=10, description="First day, YYYY-MM-DD (inclusive).")]
Until = Annotated[str | None, Query(max_length=10, description="Last day, YYYY-MM-DD (inclusive).")]
StatusQ = Annotated[
    Literal["contested", "corroborated", "single-source"] | None, Query(description="Storyline status.")
]
EventType = Annotated[
    str | None, Query(alias="type", max_length=100, description="ACLED event type or sub-type, e.g. Battles.")
]
BBoxQ = Annotated[
    str | None,
    Query(max_length=200, description="Bounding box min_lon,min_lat,max_lon,max_lat (WGS84 degrees)."),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1..{MAX_LIMIT}.")]
Cursor = Annotated[str | None, Query(max_length=512, description="The `next` value of the previous page.")]
ArticleId = Annotated[str | None, Query(alias="article", max_length=64, description="Article id (SHA-256).")]

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Bad cursor, bounding box or date"},
    413: {"model": ErrorOut, "description": "Request too large"},
    422: {"model": ErrorOut, "description": "Invalid parameters"},
}

__all__ = ["DEFAULT_LIMIT", "ERRORS"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def day(value: str | None, name: str) -> str | None:
    """A real calendar day in ISO form, or a 400 naming the parameter."""
    if value is None or value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ApiError(400, f"{name} must be a date in YYYY-MM-DD form", code="bad_date") from exc


def bbox(value: str | None) -> BBox | None:
    if value is None or value == "":
        return None
    parts = value.split(",")
    try:
        if len(parts) != 4:
            raise ValueError(value)
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError as exc:
        raise ApiError(
            400, "bbox must be four numbers: min_lon,min_lat,max_lon,max_lat", code="bad_bbox"
        ) from exc
    if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
        raise ApiError(400, "bbox values must be finite numbers", code="bad_bbox")
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(
            400,
            "bbox must satisfy -180<=min_lon<=max_lon<=180 and -90<=min_lat<=max_lat<=90",
            code="bad_bbox",
        )
    return (min_lon, min_lat, max_lon, max_lat)


def blank(value: str | None) -> str | None:
    """Empty filters mean "no filter", which is what a cleared form field sends.

    Control characters are refused: SQLite ends a LIKE pattern at a NUL byte, so ``%\x00%``
    would silently match every row instead of none.
    """
    if value is None:
        return None
    if _CONTROL.search(value):
        raise ApiError(400, "filter values must not contain control characters", code="bad_parameter")
    value = value.strip()
    return value or None
