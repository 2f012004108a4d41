"""``/api/claims``: who said what, for which side, filtered and paged by claim id."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from sqlalchemy.engine import Connection

from sitrep.api import pagination, params, payloads, queries
from sitrep.api.errors import ApiError
from sitrep.api.models import ClaimOut, ErrorOut, Page
from sitrep.api.state import Conn
from sitrep.store.queries import ClaimQuery

router = APIRouter(tags=["claims"])

Polarity = Annotated[Literal["assert", "deny"] | None, Query(description="assert or deny.")]


def claims_page(
    conn: Connection,
    *,
    side: str | None = None,
    speaker: str | None = None,
    place: str | None = None,
    bbox: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = None,
    event_type: str | None = None,
    q: str | None = None,
    polarity: str | None = None,
    article: str | None = None,
    limit: int = pagination.DEFAULT_LIMIT,
    cursor: str | None = None,
) -> dict[str, Any]:
    """Shared by ``/api/claims`` and ``/api/search``."""
    query = ClaimQuery(
        speaker=params.blank(speaker),
        side=params.blank(side),
        place=params.blank(place),
        since=params.day(since, "since"),
        until=params.day(until, "until"),
        status=status,
        search=params.blank(q),
        article_id=params.blank(article),
        polarity=polarity,
        bbox=params.bbox(bbox),
        event_type=params.blank(event_type),
        limit=limit,
        after=pagination.int_key("claims", cursor),
    )
    rows = queries.claim_rows(conn, query, limit)
    items = [payloads.claim(r) for r in rows[:limit]]
    nxt = pagination.encode("claims", rows[limit - 1].id) if len(rows) > limit else None
    return pagination.page(items, limit, nxt)


@router.get("/claims", response_model=Page[ClaimOut], responses=params.ERRORS, summary="List claims")
def list_claims(
    conn: Conn,
    side: params.Side = None,
    speaker: params.Speaker = None,
    place: params.PlaceName = None,
    bbox: params.BBoxQ = None,
    since: params.Since = None,
    until: params.Until = None,
    status: params.StatusQ = None,
    event_type: params.EventType = None,
    q: params.Text = None,
    polarity: Polarity = None,
    article: params.ArticleId = None,
    limit: params.Limit = pagination.DEFAULT_LIMIT,
    cursor: params.Cursor = None,
) -> dict[str, Any]:
    """Claims in id order. `place`/`bbox` match places named inside the claim; `type` matches
    claims behind an event of that type; dates apply to the day said, else the publication day."""
    return claims_page(
        conn,
        side=side,
        speaker=speaker,
        place=place,
        bbox=bbox,
        since=since,
        until=until,
        status=status,
        event_type=event_type,
        q=q,
        polarity=polarity,
        article=article,
        limit=limit,
        cursor=cursor,
    )


@router.get(
    "/claims/{claim_id}", response_model=ClaimOut, responses={404: {"model": ErrorOut}}, summary="One claim"
)
def get_claim(conn: Conn, claim_id: int) -> dict[str, Any]:
    row = queries.claim_by_id(conn, claim_id)
    if row is None:
        raise ApiError(404, f"no claim with id {claim_id}")
    return payloads.claim(row)
