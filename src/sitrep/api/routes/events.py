"""``/api/events``: what happened where, with the sides asserting it and its storyline status."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from sitrep.api import pagination, params, payloads, queries
from sitrep.api.errors import ApiError
from sitrep.api.models import ErrorOut, EventDetail, EventOut, Page
from sitrep.api.state import Conn
from sitrep.store.queries import EventQuery

router = APIRouter(tags=["events"])

Located = Annotated[bool, Query(description="Only events with coordinates (what a map can draw).")]


@router.get("/events", response_model=Page[EventOut], responses=params.ERRORS, summary="List events")
def list_events(
    conn: Conn,
    event_type: params.EventType = None,
    side: Annotated[str | None, Query(max_length=100, description="An actor side, e.g. Ukraine.")] = None,
    speaker: params.Speaker = None,
    place: params.PlaceName = None,
    bbox: params.BBoxQ = None,
    since: params.Since = None,
    until: params.Until = None,
    status: params.StatusQ = None,
    q: params.Text = None,
    article: params.ArticleId = None,
    located: Located = False,
    limit: params.Limit = pagination.DEFAULT_LIMIT,
    cursor: params.Cursor = None,
) -> Response:
    """Events in id order. `side` matches the event's actors; `speaker`, `status` and `q` match the
    claims behind it; `sources` counts the independent origins of its best-sourced storyline."""
    query = EventQuery(
        type=params.blank(event_type),
        side=params.blank(side),
        place=params.blank(place),
        since=params.day(since, "since"),
        until=params.day(until, "until"),
        bbox=params.bbox(bbox),
        article_id=params.blank(article),
        located=located,
        status=status,
        speaker=params.blank(speaker),
        text=params.blank(q),
        limit=limit,
        after=pagination.int_key("events", cursor),
    )
    rows = queries.event_maps(conn, query, limit)
    shown = rows[:limit]
    ctx = queries.event_context(conn, shown)
    items = [payloads.event_out(m, ctx.get(m["id"])) for m in shown]
    nxt = pagination.encode("events", rows[limit - 1]["id"]) if len(rows) > limit else None
    return pagination.json_page(items, limit, nxt)


@router.get(
    "/events/{event_id}",
    response_model=EventDetail,
    responses={404: {"model": ErrorOut}},
    summary="One event with the claims behind it",
)
def get_event(conn: Conn, event_id: int) -> dict[str, Any]:
    row = queries.event_by_id(conn, event_id)
    if row is None:
        raise ApiError(404, f"no event with id {event_id}")
    m = row._asdict()
    out = payloads.event(m, queries.event_context(conn, [m]).get(row.id))
    wanted = sorted({*row.claims, *row.asserted_by, *row.denied_by})
    facts = queries.claims_by_key(conn, [(row.article_id, int(i)) for i in wanted])
    out["claim_records"] = [
        payloads.claim(facts[k]) for k in ((row.article_id, int(i)) for i in wanted) if k in facts
    ]
    return out
