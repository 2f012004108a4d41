"""Database rows -> the JSON bodies described in :mod:`sitrep.api.models`.

Claims and events go through :mod:`sitrep.contract` so the API and
``sitrep analyze --json`` can never drift apart; only the "where does it live"
fields (ids, article facts, storyline) are added here.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from sqlalchemy.engine import Row

from sitrep.api.models import EventOut
from sitrep.api.queries import EventContext
from sitrep.records import Claim, Event, Speaker

_CLAIM_FIELDS = tuple(f.name for f in fields(Claim) if f.name != "speaker")
_SPEAKER_FIELDS = tuple(f.name for f in fields(Speaker))
_EVENT_FIELDS = tuple(f.name for f in fields(Event))

# Where each contract field lives in the store's rows, where the names differ.
_CLAIM_COLUMNS = tuple((n, {"start": "start_char", "end": "end_char"}.get(n, n)) for n in _CLAIM_FIELDS)
_SPEAKER_COLUMNS = tuple((n, f"speaker_{n}") for n in _SPEAKER_FIELDS)
_EVENT_COLUMNS = tuple(
    (n, {"start": "start_char", "end": "end_char", "place": "place_idx"}.get(n, n)) for n in _EVENT_FIELDS
)


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


def claim_row_json(r: Row[Any]) -> dict[str, Any]:
    """``claim_to_json(row_to_claim(r))`` read straight off the row, field for field.

    The fields come from the contract's dataclasses, so the two cannot drift apart (a test
    compares them); skipping the records and attribute look-ups on the row (one dict per row
    instead) is most of the cost of rendering a large page.
    """
    m = r._asdict()
    out = {n: m[c] for n, c in _CLAIM_COLUMNS}
    out["hedges"] = list(out["hedges"] or ())
    out["unverified"] = bool(out["unverified"])
    out["speaker"] = {n: m[c] for n, c in _SPEAKER_COLUMNS}
    return out


def event_row_json(m: dict[str, Any]) -> dict[str, Any]:
    """``event_to_json(row_to_event(r))`` from ``r._asdict()`` (see :func:`claim_row_json`).

    The list fields are JSON columns, so each row already holds fresh lists.
    """
    return {n: m[c] for n, c in _EVENT_COLUMNS}


def article_ref(r: Row[Any] | dict[str, Any]) -> dict[str, Any]:
    """Title, outlet, day and URL of a row's article (event rows carry no URL)."""
    m = r if isinstance(r, dict) else r._asdict()
    return {"title": m["title"], "outlet": m["outlet"], "published": m["published"], "url": m.get("url")}


def claim(r: Row[Any]) -> dict[str, Any]:
    """A row of :func:`sitrep.store.queries.claim_statement` (or any select of ``claim_columns``)."""
    out = claim_row_json(r)
    out.update(
        id=r.id,
        article_id=r.article_id,
        idx=r.idx,
        article=article_ref(r),
        storyline={"id": r.storyline_id, "status": r.storyline_status} if r.storyline_id else None,
    )
    return out


def event(m: dict[str, Any], ctx: EventContext | None) -> dict[str, Any]:
    """A row of :func:`sitrep.store.queries.event_statement` (as ``Row._asdict()``) with what the
    map adds."""
    out = event_row_json(m)
    out.update(
        id=m["id"],
        article_id=m["article_id"],
        idx=m["idx"],
        lat=m["lat"],
        lon=m["lon"],
        place_name=m["place_name"],
        article=article_ref(m),
        asserting_sides=list(ctx.asserting_sides) if ctx else [],
        denying_sides=list(ctx.denying_sides) if ctx else [],
        status=ctx.status if ctx else None,
        storylines=list(ctx.storylines) if ctx else [],
        sources=ctx.sources if ctx else 1,
    )
    return out


# The documented order of an event's fields: what validating against the model would emit.
_EVENT_OUT_KEYS = tuple(EventOut.model_fields)


# EventOut's fields that come straight off the event row, and the row keys they come from.
_EVENT_OUT_COLUMNS = tuple(
    (k, dict(_EVENT_COLUMNS).get(k, k))
    for k in _EVENT_OUT_KEYS
    if k not in {"asserting_sides", "denying_sides", "status", "storylines", "sources", "article"}
)


def event_out(m: dict[str, Any], ctx: EventContext | None) -> dict[str, Any]:
    """:func:`event` with exactly the fields of :class:`EventOut`, in its order: the body a route
    can encode without validating each of 1,000 events against the model (a test checks that the
    bytes equal the validated ones). Built in one pass, without :func:`event`'s wider dict."""
    out = {k: m[c] for k, c in _EVENT_OUT_COLUMNS}
    if ctx is None:
        out.update(asserting_sides=[], denying_sides=[], status=None, storylines=[], sources=1)
    else:
        out.update(
            asserting_sides=list(ctx.asserting_sides),
            denying_sides=list(ctx.denying_sides),
            status=ctx.status,
            storylines=list(ctx.storylines),
            sources=ctx.sources,
        )
    out["article"] = {
        "title": m["title"],
        "outlet": m["outlet"],
        "published": m["published"],
        "url": m.get("url"),
    }
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
    out = claim_row_json(r)
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
