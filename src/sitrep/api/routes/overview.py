"""``/api/overview`` and ``/api/timeline``: the aggregates the UI draws its filters and chart from."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from sitrep.api import params, queries
from sitrep.api.models import DayCount, Overview
from sitrep.api.state import Conn, Ctx

router = APIRouter(tags=["overview"])


@router.get("/overview", response_model=Overview, summary="Counts and filter values")
def overview(ctx: Ctx, conn: Conn) -> dict[str, Any]:
    """Counts, the sides, event types, outlets and statuses present (with counts), the publication span."""
    out = queries.overview(conn)
    out["writes_enabled"] = ctx.token is not None
    return out


@router.get(
    "/timeline", response_model=list[DayCount], responses=params.ERRORS, summary="Events and claims per day"
)
def timeline(
    conn: Conn,
    side: params.Side = None,
    event_type: params.EventType = None,
    since: params.Since = None,
    until: params.Until = None,
    status: params.StatusQ = None,
) -> list[dict[str, Any]]:
    """One row per day that has day-precise events or claims. Claims count on the day said, else the
    publication day; `side` matches claim speakers and event actors; `type` matches events and the
    claims behind them."""
    f = queries.TimelineFilters(
        side=params.blank(side),
        event_type=params.blank(event_type),
        since=params.day(since, "since"),
        until=params.day(until, "until"),
        status=status,
    )
    return queries.timeline(conn, f)
