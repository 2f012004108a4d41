"""``/api/search``: full-text search over claims or articles, with the same filters and paging."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from sitrep.api import pagination, params
from sitrep.api.models import ArticleSummary, ClaimOut, Page
from sitrep.api.routes.articles import articles_page
from sitrep.api.routes.claims import claims_page
from sitrep.api.state import Conn

router = APIRouter(tags=["search"])

Words = Annotated[str, Query(min_length=1, max_length=500, description="Words to find; all must match.")]
Scope = Annotated[Literal["claims", "articles"], Query(alias="in", description="What to search.")]


@router.get(
    "/search",
    response_model=Page[ClaimOut] | Page[ArticleSummary],
    responses=params.ERRORS,
    summary="Full-text search",
)
def search(
    conn: Conn,
    q: Words,
    scope: Scope = "claims",
    side: params.Side = None,
    speaker: params.Speaker = None,
    place: params.PlaceName = None,
    bbox: params.BBoxQ = None,
    since: params.Since = None,
    until: params.Until = None,
    status: params.StatusQ = None,
    event_type: params.EventType = None,
    limit: params.Limit = pagination.DEFAULT_LIMIT,
    cursor: params.Cursor = None,
) -> dict[str, Any]:
    """`in=claims` (default) searches claim text and speaker names and returns claims; `in=articles`
    searches titles and text and returns article summaries. Punctuation in `q` is only text."""
    page = articles_page if scope == "articles" else claims_page
    return page(
        conn,
        q=q,
        side=side,
        speaker=speaker,
        place=place,
        bbox=bbox,
        since=since,
        until=until,
        status=status,
        event_type=event_type,
        limit=limit,
        cursor=cursor,
    )
