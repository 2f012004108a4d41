"""Filters shared by the CLI and the REST API, compiled to parameterised SQL.

Every user value reaches the database as a bound parameter; the only text that
is ever built by hand is the FTS5 phrase list in :mod:`sitrep.store.fulltext`,
which quotes each word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitrep.records import Claim, Event
from sitrep.store import fulltext
from sitrep.store.schema import articles, claims, events, places, storyline_members, storylines

MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    speaker: str | None = None  # substring of canonical name or mention, case-insensitive
    side: str | None = None
    place: str | None = None  # a place named inside the claim
    since: str | None = None  # ISO date, on said_on or else the publication date
    until: str | None = None
    contested: bool = False
    status: str | None = None  # storyline status
    search: str | None = None  # full text
    article_id: str | None = None
    polarity: str | None = None
    limit: int = 50
    after: int | None = None  # cursor: claims with a larger id


@dataclass(frozen=True, slots=True)
class ClaimHit:
    id: int
    article_id: str
    idx: int
    claim: Claim
    title: str | None
    outlet: str | None
    published: str | None
    storyline_id: str | None
    storyline_status: str | None


@dataclass(frozen=True, slots=True)
class EventQuery:
    type: str | None = None
    side: str | None = None  # an actor side
    place: str | None = None
    since: str | None = None
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    article_id: str | None = None
    limit: int = 50
    after: int | None = None


@dataclass(frozen=True, slots=True)
class EventHit:
    id: int
    article_id: str
    idx: int
    event: Event
    lat: float | None
    lon: float | None
    place_name: str | None
    title: str | None
    outlet: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    limit: int = 50


@dataclass(frozen=True, slots=True)
class PlaceHit:
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    mentions: int
    articles: int


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _limit(n: int) -> int:
    return max(1, min(int(n), MAX_LIMIT))


BBox = tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat


def claim_has_place(name: str | None = None, box: BBox | None = None) -> sa.ColumnElement[bool]:
    """A place mention lies inside the claim's span: the claim is *about* that place."""
    cond = [
        places.c.article_id == claims.c.article_id,
        places.c.start_char >= claims.c.start_char,
        places.c.end_char <= claims.c.end_char,
    ]
    if name:
        pat = _like(name.lower())
        cond.append(
            sa.or_(
                sa.func.lower(places.c.name).like(pat, escape="\\"),
                sa.func.lower(places.c.mention).like(pat, escape="\\"),
            )
        )
    if box:
        min_lon, min_lat, max_lon, max_lat = box
        cond.append(sa.and_(places.c.lon.between(min_lon, max_lon), places.c.lat.between(min_lat, max_lat)))
    return sa.exists(sa.select(places.c.id).where(*cond))


def claims_with_status(status: str) -> sa.Select[tuple[int]]:
    """Ids of claims in a storyline of ``status``, driven from the indexed storyline side."""
    c = claims.alias("sc")
    sm = storyline_members
    return (
        sa.select(c.c.id)
        .select_from(storylines)
        .join(sm, sm.c.storyline_id == storylines.c.id)
        .join(c, sa.and_(c.c.article_id == sm.c.article_id, c.c.idx == sm.c.claim_idx))
        .where(storylines.c.status == status)
    )


def filter_claims(conn: Connection, stmt: sa.Select[Any], q: ClaimQuery) -> sa.Select[Any]:
    """Apply a ClaimQuery's filters to a select over ``claims`` joined with ``articles``.

    Shared by the CLI's :func:`claim_statement` and the REST API, so both filter alike.
    """
    if q.speaker:
        pat = _like(q.speaker.lower())
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(claims.c.speaker_name).like(pat, escape="\\"),
                sa.func.lower(sa.func.coalesce(claims.c.speaker_text, "")).like(pat, escape="\\"),
            )
        )
    if q.side:
        stmt = stmt.where(sa.func.lower(claims.c.speaker_side) == q.side.lower())
    if q.polarity:
        stmt = stmt.where(claims.c.polarity == q.polarity)
    if q.article_id:
        stmt = stmt.where(claims.c.article_id == q.article_id)
    when = sa.func.coalesce(claims.c.said_on, articles.c.published)
    if q.since:
        stmt = stmt.where(when >= q.since)
    if q.until:
        stmt = stmt.where(when <= q.until)
    if q.contested:
        stmt = stmt.where(claims.c.id.in_(claims_with_status("contested")))
    if q.status:
        stmt = stmt.where(claims.c.id.in_(claims_with_status(q.status)))
    if q.place:
        stmt = stmt.where(claim_has_place(name=q.place))
    if q.search:
        stmt = stmt.where(fulltext.claim_match(conn, q.search))
    if q.after is not None:
        stmt = stmt.where(claims.c.id > q.after)
    return stmt


def claim_statement(conn: Connection, q: ClaimQuery) -> sa.Select[tuple[object, ...]]:
    # One storyline per claim is shown (the lowest id); each lookup is a probe of the
    # (article_id, claim_idx) index, not a join over every member.
    sm = storyline_members
    storyline_id = (
        sa.select(sa.func.min(sm.c.storyline_id))
        .where(sm.c.article_id == claims.c.article_id, sm.c.claim_idx == claims.c.idx)
        .scalar_subquery()
    )
    status = sa.select(storylines.c.status).where(storylines.c.id == storyline_id).scalar_subquery()
    stmt = sa.select(
        claims,
        articles.c.title,
        articles.c.outlet,
        articles.c.published,
        storyline_id.label("storyline_id"),
        status.label("storyline_status"),
    ).join(articles, articles.c.id == claims.c.article_id)
    return filter_claims(conn, stmt, q).order_by(claims.c.id).limit(_limit(q.limit))


def event_statement(conn: Connection, q: EventQuery) -> sa.Select[tuple[object, ...]]:
    stmt = (
        sa.select(
            events,
            places.c.name.label("place_name"),
            articles.c.title,
            articles.c.outlet,
            articles.c.published,
        )
        .join(articles, articles.c.id == events.c.article_id)
        .outerjoin(
            places, sa.and_(places.c.article_id == events.c.article_id, places.c.idx == events.c.place_idx)
        )
    )
    if q.type:
        stmt = stmt.where(sa.or_(events.c.type == q.type, events.c.sub_type == q.type))
    if q.side:
        # actors is a JSON list of side names; match the quoted name inside its text form.
        stmt = stmt.where(sa.cast(events.c.actors, sa.Text).like(_like(f'"{q.side}"'), escape="\\"))
    if q.place:
        stmt = stmt.where(sa.func.lower(places.c.name).like(_like(q.place.lower()), escape="\\"))
    if q.since:
        stmt = stmt.where(events.c.date >= q.since)
    if q.until:
        stmt = stmt.where(events.c.date <= q.until)
    if q.bbox:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        stmt = stmt.where(events.c.lon.between(min_lon, max_lon), events.c.lat.between(min_lat, max_lat))
    if q.article_id:
        stmt = stmt.where(events.c.article_id == q.article_id)
    if q.after is not None:
        stmt = stmt.where(events.c.id > q.after)
    return stmt.order_by(events.c.id).limit(_limit(q.limit))


def place_statement(conn: Connection, q: PlaceQuery) -> sa.Select[tuple[object, ...]]:
    stmt = sa.select(
        places.c.name,
        places.c.kind,
        places.c.country,
        sa.func.max(places.c.admin1).label("admin1"),
        sa.func.max(places.c.lat).label("lat"),
        sa.func.max(places.c.lon).label("lon"),
        places.c.geonames_id,
        sa.func.count().label("mentions"),
        sa.func.count(sa.distinct(places.c.article_id)).label("articles"),
    ).group_by(places.c.name, places.c.kind, places.c.country, places.c.geonames_id)
    if q.name:
        stmt = stmt.where(sa.func.lower(places.c.name).like(_like(q.name.lower()), escape="\\"))
    if q.kind:
        stmt = stmt.where(places.c.kind == q.kind)
    if q.country:
        stmt = stmt.where(places.c.country == q.country.upper())
    if q.bbox:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        stmt = stmt.where(places.c.lon.between(min_lon, max_lon), places.c.lat.between(min_lat, max_lat))
    return stmt.order_by(sa.desc("mentions"), places.c.name).limit(_limit(q.limit))
