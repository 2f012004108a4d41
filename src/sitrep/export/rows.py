"""Flat rows for tables and CSV: one place that decides the column order of each record kind."""

from __future__ import annotations

from typing import Any

from sitrep.store.queries import ClaimHit, EventHit, PlaceHit

CLAIM_COLUMNS = (
    "claim_id",
    "article_id",
    "claim_index",
    "published",
    "outlet",
    "speaker",
    "speaker_mention",
    "side",
    "kind",
    "cue",
    "channel",
    "said_on",
    "polarity",
    "hedges",
    "unverified",
    "storyline",
    "storyline_status",
    "content",
)


def claim_row(h: ClaimHit) -> dict[str, Any]:
    c = h.claim
    return {
        "claim_id": h.id,
        "article_id": h.article_id,
        "claim_index": h.idx,
        "published": h.published,
        "outlet": h.outlet,
        "speaker": c.speaker.name,
        "speaker_mention": c.speaker.text,
        "side": c.speaker.side,
        "kind": c.kind,
        "cue": c.cue,
        "channel": c.channel,
        "said_on": c.said_on,
        "polarity": c.polarity,
        "hedges": "; ".join(c.hedges),
        "unverified": c.unverified,
        "storyline": h.storyline_id,
        "storyline_status": h.storyline_status,
        "content": c.content,
    }


EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "event_index",
    "date",
    "type",
    "sub_type",
    "actors",
    "place",
    "lat",
    "lon",
    "claims",
    "quantities",
    "outlet",
)


def event_row(h: EventHit) -> dict[str, Any]:
    e = h.event
    return {
        "event_id": h.id,
        "article_id": h.article_id,
        "event_index": h.idx,
        "date": e.date,
        "type": e.type,
        "sub_type": e.sub_type,
        "actors": "; ".join(e.actors),
        "place": h.place_name,
        "lat": h.lat,
        "lon": h.lon,
        "claims": " ".join(str(i) for i in e.claims),
        "quantities": "; ".join(e.quantities),
        "outlet": h.outlet,
    }


PLACE_COLUMNS = ("name", "kind", "country", "admin1", "lat", "lon", "geonames_id", "mentions", "articles")


def place_row(h: PlaceHit) -> dict[str, Any]:
    return {c: getattr(h, c) for c in PLACE_COLUMNS}
