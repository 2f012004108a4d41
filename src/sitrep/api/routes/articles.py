"""``/api/articles``: list and read stored articles; POST analyses and stores a new one.

POST accepts the article as JSON text only. There is deliberately no way to name
a file or have the server fetch a URL: ``url`` is stored as metadata.
"""

from __future__ import annotations

import importlib
import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response

from sitrep.api import pagination, params, payloads, queries
from sitrep.api.auth import require_token
from sitrep.api.errors import ApiError
from sitrep.api.models import ArticleCreated, ArticleDetail, ArticleIn, ArticleSummary, ErrorOut, Page
from sitrep.api.state import Conn, Ctx
from sitrep.contract import analysis_to_json
from sitrep.errors import InputError
from sitrep.ingest.dates import iso_date
from sitrep.records import Article
from sitrep.store import Store

router = APIRouter(tags=["articles"])
log = logging.getLogger("sitrep.api")

ArticlePath = Annotated[str, Path(max_length=64, description="Article id: SHA-256 of its text.")]


@router.get(
    "/articles", response_model=Page[ArticleSummary], responses=params.ERRORS, summary="List articles"
)
def list_articles(
    conn: Conn,
    outlet: Annotated[str | None, Query(max_length=200, description="Part of the outlet name.")] = None,
    since: params.Since = None,
    until: params.Until = None,
    q: params.Text = None,
    side: params.Side = None,
    speaker: params.Speaker = None,
    place: params.PlaceName = None,
    bbox: params.BBoxQ = None,
    event_type: params.EventType = None,
    status: params.StatusQ = None,
    limit: params.Limit = pagination.DEFAULT_LIMIT,
    cursor: params.Cursor = None,
) -> dict[str, Any]:
    """Newest first (by publication day, then id). Text is left out; read one article for it."""
    return articles_page(
        conn,
        outlet=outlet,
        since=since,
        until=until,
        q=q,
        side=side,
        speaker=speaker,
        place=place,
        bbox=bbox,
        event_type=event_type,
        status=status,
        limit=limit,
        cursor=cursor,
    )


def articles_page(
    conn: Any,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    side: str | None = None,
    speaker: str | None = None,
    place: str | None = None,
    bbox: str | None = None,
    event_type: str | None = None,
    status: str | None = None,
    limit: int = pagination.DEFAULT_LIMIT,
    cursor: str | None = None,
) -> dict[str, Any]:
    """Shared by ``/api/articles`` and ``/api/search``."""
    key = pagination.decode("articles", cursor)
    after: tuple[str, str] | None = None
    if key is not None:
        if not (isinstance(key, list) and len(key) == 2 and all(isinstance(k, str) for k in key)):
            raise ApiError(400, "malformed cursor", code="bad_cursor")
        after = (key[0], key[1])
    f = queries.ArticleFilters(
        outlet=params.blank(outlet),
        since=params.day(since, "since"),
        until=params.day(until, "until"),
        text=params.blank(q),
        side=params.blank(side),
        speaker=params.blank(speaker),
        place=params.blank(place),
        bbox=params.bbox(bbox),
        event_type=params.blank(event_type),
        status=status,
    )
    rows = queries.article_rows(conn, f, after, limit)
    items = [payloads.article_summary(r) for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    nxt = pagination.encode("articles", [last.sort_published, last.id]) if last is not None else None
    return pagination.page(items, limit, nxt)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetail,
    responses={404: {"model": ErrorOut}},
    summary="One article with everything found in it",
)
def get_article(ctx: Ctx, conn: Conn, article_id: ArticlePath) -> dict[str, Any]:
    """The contract's analysis of the article (offsets index `article.text`), plus claim and event ids,
    each claim's storyline and each event's coordinates."""
    analysis = ctx.store.get_analysis(article_id)
    if analysis is None:
        raise ApiError(404, "no such article")
    out = analysis_to_json(analysis)
    lines = queries.article_storylines(conn, article_id)
    claim_ids = queries.claim_ids_of_article(conn, article_id)
    for i, c in enumerate(out["claims"]):
        s = lines.get(i)
        c["id"] = claim_ids.get(i)
        c["storyline"] = (
            {"id": s.id, "status": s.status, "origins": int(s.origins or 1), "about": s.about}
            if s is not None
            else None
        )
    event_ids = queries.event_ids_of_article(conn, article_id)
    for i, e in enumerate(out["events"]):
        e["id"] = event_ids.get(i)
        p = (
            analysis.places[e["place"]]
            if e["place"] is not None and e["place"] < len(analysis.places)
            else None
        )
        e["lat"], e["lon"] = (p.lat, p.lon) if p is not None else (None, None)
    return out


@router.post(
    "/articles",
    response_model=ArticleCreated,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={
        200: {"model": ArticleCreated, "description": "Already stored; nothing changed"},
        401: {"model": ErrorOut},
        403: {"model": ErrorOut},
        413: {"model": ErrorOut},
        422: {"model": ErrorOut},
    },
    summary="Analyse and store a new article (needs the bearer token)",
)
def post_article(ctx: Ctx, body: ArticleIn, response: Response) -> dict[str, Any]:
    """Send `{text, title?, published?, url?, outlet?}`. The same text is the same article: posting it
    again answers 200 with `inserted: false`."""
    published = iso_date(body.published) if body.published else None
    if body.published and published is None:
        raise ApiError(422, "published must be an ISO date (YYYY-MM-DD)", code="invalid_parameters")
    if not body.text.strip():
        raise ApiError(422, "text is empty", code="invalid_parameters")
    article = Article.from_text(
        body.text,
        title=body.title or None,
        published=published,
        outlet=body.outlet or None,
        url=body.url or None,
        source="api",
    )
    try:
        analysis = ctx.analyzer.analyze(article)
    except InputError as exc:
        raise ApiError(422, exc.message, code="unanalysable_input") from exc
    result = ctx.store.add(analysis)
    if result.inserted:
        _refresh_storylines(ctx.store, [result.article_id])
    else:
        response.status_code = 200
    response.headers["Location"] = f"/api/articles/{result.article_id}"
    return {
        "id": result.article_id,
        "inserted": result.inserted,
        "claims": len(analysis.claims),
        "events": len(analysis.events),
        "places": len(analysis.places),
    }


def _refresh_storylines(store: Store, ids: list[str]) -> None:
    """Link the new article's claims into storylines, when this build has the storyline stage."""
    module = importlib.import_module("sitrep.storylines")
    update = getattr(module, "update_store", None)
    if update is not None:
        update(store, ids)
    else:
        log.info("storyline stage not available; storylines not updated")
