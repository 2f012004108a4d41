"""``/api/storylines``: claims about the same thing across outlets, with each side's members."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from sitrep.api import pagination, params, payloads, queries
from sitrep.api.errors import ApiError
from sitrep.api.models import ErrorOut, Page, StorylineOut
from sitrep.api.state import Conn

router = APIRouter(tags=["storylines"])


@router.get(
    "/storylines",
    response_model=Page[StorylineOut],
    responses=params.ERRORS,
    summary="List storylines with their member claims",
)
def list_storylines(
    conn: Conn,
    status: params.StatusQ = None,
    side: params.Side = None,
    speaker: params.Speaker = None,
    place: params.PlaceName = None,
    since: params.Since = None,
    until: params.Until = None,
    q: params.Text = None,
    limit: params.Limit = 20,
    cursor: params.Cursor = None,
) -> dict[str, Any]:
    """Storylines in id order, members expanded (what the contested board shows). `side`, `speaker`,
    `place`, dates and `q` match any member claim; `q` also matches the storyline's description."""
    f = queries.StorylineFilters(
        status=status,
        side=params.blank(side),
        speaker=params.blank(speaker),
        place=params.blank(place),
        text=params.blank(q),
        since=params.day(since, "since"),
        until=params.day(until, "until"),
    )
    rows = queries.storyline_rows(conn, f, pagination.str_key("storylines", cursor), limit)
    shown = rows[:limit]
    members = queries.storyline_members_detail(conn, [r.id for r in shown])
    items = [payloads.storyline(r, members.get(r.id, [])) for r in shown]
    nxt = pagination.encode("storylines", rows[limit - 1].id) if len(rows) > limit else None
    return pagination.page(items, limit, nxt)


@router.get(
    "/storylines/{storyline_id}",
    response_model=StorylineOut,
    responses={404: {"model": ErrorOut}},
    summary="One storyline",
)
def get_storyline(conn: Conn, storyline_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    rows = queries.storyline_rows(conn, queries.StorylineFilters(), None, 1, ids=[storyline_id])
    if not rows:
        raise ApiError(404, "no such storyline")
    members = queries.storyline_members_detail(conn, [rows[0].id])
    return payloads.storyline(rows[0], members.get(rows[0].id, []))
