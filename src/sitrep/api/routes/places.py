"""``/api/places``: places as mentioned, grouped by resolved place, most mentioned first."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from sitrep.api import pagination, params, payloads, queries
from sitrep.api.errors import ApiError
from sitrep.api.models import Page, PlaceOut
from sitrep.api.state import Conn
from sitrep.store.queries import PlaceQuery

router = APIRouter(tags=["places"])

Kind = Annotated[str | None, Query(max_length=20, description="city, admin1, country, region or feature.")]
Country = Annotated[str | None, Query(max_length=2, description="ISO 3166-1 alpha-2 code, e.g. UA.")]


@router.get("/places", response_model=Page[PlaceOut], responses=params.ERRORS, summary="List places")
def list_places(
    conn: Conn,
    name: params.PlaceName = None,
    kind: Kind = None,
    country: Country = None,
    bbox: params.BBoxQ = None,
    side: params.Side = None,
    since: params.Since = None,
    until: params.Until = None,
    limit: params.Limit = pagination.DEFAULT_LIMIT,
    cursor: params.Cursor = None,
) -> dict[str, Any]:
    """Grouped places ordered by mentions. `side`: mentioned inside a claim by that side; dates apply
    to publication. The order is by count, so the cursor is a position rather than a key."""
    offset = pagination.int_key("places", cursor) or 0
    if offset > 1_000_000:
        raise ApiError(400, "cursor out of range", code="bad_cursor")
    query = PlaceQuery(
        name=params.blank(name),
        kind=params.blank(kind),
        country=params.blank(country),
        bbox=params.bbox(bbox),
        since=params.day(since, "since"),
        until=params.day(until, "until"),
        side=params.blank(side),
        limit=limit,
        offset=offset,
    )
    rows = queries.place_rows(conn, query, limit)
    nxt = pagination.encode("places", offset + limit) if len(rows) > limit else None
    return pagination.page([payloads.place(r) for r in rows[:limit]], limit, nxt)
