"""Database rows -> the JSON bodies described in :mod:`sitrep.api.models`.

Claims and events go through :mod:`sitrep.contract` so the API and
``sitrep analyze --json`` can never drift apart; only the "where does it live"
fields (ids, article facts, storyline) are added here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy.engine import Connection, Row

from sitrep.api.queries import EventContext, StorylineRef, with_storylines
from sitrep.records import Claim, Event, Speaker
from sitrep.store.repository import row_to_claim, row_to_event

_CLAIM_FIELDS = tuple(f.name for f in fields(Claim) if f.name != "speaker")
_SPEAKER_FIELDS = tuple(f.name for f in fields(Speaker))
_EVENT_FIELDS = tuple(f.name for f in fields(Event))


def _flat(record: object, names: tuple[str, ...]) -> dict[str, Any]:
    """The contract JSON of a flat record (what ``sitrep.contract`` gives), built without
    ``dataclasses.asdict``, whose deep copies cost more than the query on a 1,000-row page."""
    out = {}
    for name in names:
        value = getattr(record, name)
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


def claim_to_json(c: Claim) -> dict[str, Any]:
    out = _flat(c, _CLAIM_FIELDS)
    out["speaker"] = _flat(c.speaker, _SPEAKER_FIELDS)
    return out


def event_to_json(e: Event) -> dict[str, Any]:
    return _flat(e, _EVENT_FIELDS)


def article_ref(r: Row[Any]) -> dict[str, Any]:
    return {"title": r.title, "outlet": r.outlet, "published": r.published, "url": getattr(r, "url", None)}


def claim(r: Row[Any], line: StorylineRef | None) -> dict[str, Any]:
    """A row of :func:`sitrep.api.queries.claim_statement` and the claim's storyline, if any."""
    out = claim_to_json(row_to_claim(r))
    out.update(
        id=r.id,
        article_id=r.article_id,
        idx=r.idx,
        article=article_ref(r),
        storyline={"id": line.id, "status": line.status} if line else None,
    )
    return out


def claims(conn: Connection, rows: Sequence[Row[Any]]) -> list[dict[str, Any]]:
    """Render a page of claim rows, looking their storylines up in one query."""
    return [claim(c.row, c.storyline) for c in with_storylines(conn, rows)]


def event(r: Row[Any], ctx: EventContext | None) -> dict[str, Any]:
    out = event_to_json(row_to_event(r))
    out.update(
        id=r.id,
        article_id=r.article_id,
        idx=r.idx,
        lat=r.lat,
        lon=r.lon,
        place_name=r.place_name,
        article=article_ref(r),
        asserting_sides=list(ctx.asserting_sides) if ctx else [],
        denying_sides=list(ctx.denying_sides) if ctx else [],
        status=ctx.status if ctx else None,
        storylines=list(ctx.storylines) if ctx else [],
        sources=ctx.sources if ctx else 1,
    )
    return out


def place(r: Row[Any]) -> dict[str, Any]:
    return {
        "name": r.name,
        "kind": r.kind,
        "country": r.country,
        "admin1": r.admin1,
        "lat": r.lat,
        "lon": r.lon,
        "geonames_id": r.geonames_id,
        "mentions": int(r.mentions),
        "articles": int(r.articles),
    }


def member_claim(r: Row[Any], status: str) -> dict[str, Any] | None:
    """A row of ``storyline_members_detail``; None when the claim row is gone."""
    if r.claim_id is None:
        return None
    out = claim_to_json(row_to_claim(r))
    out.update(
        id=r.claim_id,
        article_id=r.article_id,
        idx=r.claim_idx,
        article=article_ref(r),
        storyline={"id": r.storyline_id, "status": status},
    )
    return out


def storyline(r: Row[Any], members: list[Row[Any]]) -> dict[str, Any]:
    items = []
    for m in members:
        c = member_claim(m, r.status)
        items.append({"article_id": m.article_id, "claim_idx": int(m.claim_idx), "claim": c})
    return {
        "id": r.id,
        "about": r.about,
        "status": r.status,
        "sides": dict(r.sides or {}),
        "origins": int(r.origins or 1),
        "unverified": bool(r.unverified),
        "members": items,
    }


def article_summary(r: Row[Any]) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "published": r.published,
        "outlet": r.outlet,
        "url": r.url,
        "n_claims": int(r.n_claims or 0),
        "n_events": int(r.n_events or 0),
    }
