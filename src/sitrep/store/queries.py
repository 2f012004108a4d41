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
    bbox: tuple[float, float, float, float] | None = None  # a place inside the claim lies in this box
    event_type: str | None = None  # behind an event of this type or sub-type
    limit: int = 50
    after: int | None = None  # cursor: claims with a larger id
    narrow: bool = True  # pick the faster of equivalent query shapes (same rows; False only in tests)


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
    located: bool = False  # only events with coordinates (what a map can draw)
    status: str | None = None  # a claim behind it is in a storyline of this status
    speaker: str | None = None  # a claim behind it is by this speaker (substring)
    text: str | None = None  # full text of a claim behind it, or its notes or trigger
    limit: int = 50
    after: int | None = None
    narrow: bool = True  # pick the faster of equivalent query shapes (same rows; False only in tests)


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
    since: str | None = None  # publication day of the mentioning article
    until: str | None = None
    side: str | None = None  # mentioned inside a claim by this side
    limit: int = 50
    offset: int = 0  # the order is by count, so pages are positions


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

SPARSE_ARTICLES = 500
"""Up to this many candidate articles, a place filter drives the query from those articles;
beyond it, matches are dense enough that probing rows in id order finds a page sooner."""


def contains(conn: Connection, column: sa.ColumnElement[Any], value: str) -> sa.ColumnElement[bool]:
    """``column`` contains ``value``, ignoring case, with LIKE's wildcards in ``value`` escaped.

    SQLite's LIKE already ignores case with exactly the folding its ``lower()`` applies (ASCII,
    or full Unicode in both with ICU), so ``lower(column)`` there would change no result and only
    build a new string per row: five times the cost of a scan. PostgreSQL's LIKE is case-sensitive.
    """
    pattern = _like(value.lower())
    if conn.dialect.name == "sqlite":
        return column.like(pattern, escape="\\")
    return sa.func.lower(column).like(pattern, escape="\\")


def in_box(lat: sa.ColumnElement[Any], lon: sa.ColumnElement[Any], box: BBox) -> sa.ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = box
    return sa.and_(lon.between(min_lon, max_lon), lat.between(min_lat, max_lat))


def in_json_list(
    conn: Connection, json_list: sa.ColumnElement[Any], value: sa.ColumnElement[Any]
) -> sa.ColumnElement[bool]:
    """``value`` is an element of the JSON integer list ``json_list`` (events.claims and friends)."""
    if conn.dialect.name == "postgresql":
        elems = sa.func.json_array_elements_text(json_list).table_valued("value")
        return sa.exists(
            sa.select(sa.literal(1)).select_from(elems).where(sa.cast(elems.c.value, sa.Integer) == value)
        )
    elems = sa.func.json_each(json_list).table_valued("value")
    return sa.exists(sa.select(sa.literal(1)).select_from(elems).where(elems.c.value == value))


def place_match(conn: Connection, name: str | None, box: BBox | None) -> list[sa.ColumnElement[bool]]:
    """Conditions on one ``places`` row: its name or mention contains ``name``, it lies in ``box``."""
    cond = []
    if name:
        cond.append(sa.or_(contains(conn, places.c.name, name), contains(conn, places.c.mention, name)))
    if box:
        cond.append(in_box(places.c.lat, places.c.lon, box))
    return cond


def claim_has_place(
    conn: Connection, name: str | None = None, box: BBox | None = None
) -> sa.ColumnElement[bool]:
    """A place mention lies inside the claim's span: the claim is *about* that place."""
    return sa.exists(
        sa.select(places.c.id).where(
            places.c.article_id == claims.c.article_id,
            places.c.start_char >= claims.c.start_char,
            places.c.end_char <= claims.c.end_char,
            *place_match(conn, name, box),
        )
    )


def articles_with_place(
    conn: Connection, name: str | None = None, box: BBox | None = None, cap: int | None = None
) -> list[str] | None:
    """Ids of the articles mentioning a matching place, or None when there are more than ``cap``.

    A substring or box filter cannot use an index, so a query that checks it row by row in id
    order reads the whole table when matches are rare. When they are rare, this one scan of the
    (small) places table names the few articles to look in; the exact filter still applies.
    """
    cap = SPARSE_ARTICLES if cap is None else cap
    # No DISTINCT: SQLite would walk the (article_id, idx) index and read every row through it.
    most = 3 * cap
    rows = (
        conn.execute(sa.select(places.c.article_id).where(*place_match(conn, name, box)).limit(most + 1))
        .scalars()
        .all()
    )
    found = list(dict.fromkeys(rows))
    return None if len(rows) > most or len(found) > cap else found


DENSE_STORYLINES = 500
"""With more storylines than this in a status, their claims are common enough that probing
claims in id order fills a page sooner than collecting every member and sorting."""


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


def status_is_common(conn: Connection, status: str) -> bool:
    n = conn.execute(
        sa.select(sa.func.count()).select_from(storylines).where(storylines.c.status == status)
    ).scalar_one()
    return int(n) > DENSE_STORYLINES


def claim_in_status(conn: Connection, status: str, dense: bool | None = None) -> sa.ColumnElement[bool]:
    """The claim is in a storyline of ``status``.

    Two shapes with the same rows: a common status is probed claim by claim through the
    ``(article_id, claim_idx)`` member index; a rare one names its few claims up front.
    ``dense`` None picks by counting the status's storylines (an index-only count).
    """
    if dense is None:
        dense = status_is_common(conn, status)
    if not dense:
        return claims.c.id.in_(claims_with_status(status))
    return _member_in_status(status, claims.c.article_id, storyline_members.c.claim_idx == claims.c.idx)


def _member_in_status(
    status: str, article_id: sa.ColumnElement[Any], *conds: sa.ColumnElement[bool]
) -> sa.ColumnElement[bool]:
    """A storyline member of ``article_id`` satisfying ``conds`` is in a storyline of ``status``:
    one probe of the ``(article_id, claim_idx)`` member index per outer row."""
    sm = storyline_members
    return sa.exists(
        sa.select(sm.c.claim_idx)
        .join(storylines, storylines.c.id == sm.c.storyline_id)
        .where(sm.c.article_id == article_id, storylines.c.status == status, *conds)
    )


def claim_in_event_of_type(conn: Connection, event_type: str) -> sa.ColumnElement[bool]:
    e = events.alias("ev")
    return sa.exists(
        sa.select(e.c.id).where(
            e.c.article_id == claims.c.article_id,
            sa.or_(e.c.type == event_type, e.c.sub_type == event_type),
            in_json_list(conn, e.c.claims, claims.c.idx),
        )
    )


def filter_claims(conn: Connection, stmt: sa.Select[Any], q: ClaimQuery) -> sa.Select[Any]:
    """Apply a ClaimQuery's filters to a select over ``claims`` joined with ``articles``.

    The one claim filter of the CLI (:func:`claim_statement`) and the REST API.
    """
    if q.speaker:
        stmt = stmt.where(
            sa.or_(
                contains(conn, claims.c.speaker_name, q.speaker),
                contains(conn, sa.func.coalesce(claims.c.speaker_text, ""), q.speaker),
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
    for status in sorted({*(["contested"] if q.contested else []), *([q.status] if q.status else [])}):
        stmt = stmt.where(claim_in_status(conn, status, None if q.narrow else False))
    for name, box in ((q.place, None), (None, q.bbox)):
        if name or box:
            stmt = stmt.where(claim_has_place(conn, name=name, box=box))
            if q.narrow:
                few = articles_with_place(conn, name=name, box=box)
                if few is not None:
                    stmt = stmt.where(claims.c.article_id.in_(few))
    if q.event_type:
        stmt = stmt.where(claim_in_event_of_type(conn, q.event_type))
    if q.search:
        stmt = stmt.where(fulltext.claim_match(conn, q.search))
    if q.after is not None:
        stmt = stmt.where(claims.c.id > q.after)
    return stmt


def claim_storyline() -> tuple[sa.ScalarSelect[Any], sa.ScalarSelect[Any]]:
    """The id and status of a claim's storyline (the lowest id when it is in several).

    Select-list subqueries run only for the rows a page returns, each a probe of the
    ``(article_id, claim_idx)`` index, never a join over every member.
    """
    sm = storyline_members
    storyline_id = (
        sa.select(sa.func.min(sm.c.storyline_id))
        .where(sm.c.article_id == claims.c.article_id, sm.c.claim_idx == claims.c.idx)
        .correlate(claims)  # also when nested in the status look-up below, not a join of its own
        .scalar_subquery()
    )
    status = sa.select(storylines.c.status).where(storylines.c.id == storyline_id).scalar_subquery()
    return storyline_id, status


def claim_columns() -> tuple[Any, ...]:
    """A claim row as the CLI and the API read it: the claim, its article's facts, its storyline."""
    storyline_id, status = claim_storyline()
    return (
        claims,
        articles.c.title,
        articles.c.outlet,
        articles.c.published,
        articles.c.url,
        storyline_id.label("storyline_id"),
        status.label("storyline_status"),
    )


def claim_statement(conn: Connection, q: ClaimQuery) -> sa.Select[tuple[object, ...]]:
    """Claims matching ``q`` in id order, one page of ``q.limit``."""
    stmt = sa.select(*claim_columns()).join(articles, articles.c.id == claims.c.article_id)
    return filter_claims(conn, stmt, q).order_by(claims.c.id).limit(_limit(q.limit))


def events_with_status(conn: Connection, status: str) -> sa.Select[tuple[Any]]:
    """Ids of events with a claim in a storyline of ``status``, driven from the indexed storyline side."""
    e = events.alias("se")
    sm = storyline_members
    return (
        sa.select(e.c.id)
        .select_from(storylines)
        .join(sm, sm.c.storyline_id == storylines.c.id)
        .join(e, e.c.article_id == sm.c.article_id)
        .where(storylines.c.status == status, in_json_list(conn, e.c.claims, sm.c.claim_idx))
    )


def event_in_status(conn: Connection, status: str, dense: bool | None = None) -> sa.ColumnElement[bool]:
    """A claim behind the event is in a storyline of ``status`` (shapes as :func:`claim_in_status`)."""
    if dense is None:
        dense = status_is_common(conn, status)
    if not dense:
        return events.c.id.in_(events_with_status(conn, status))
    return _member_in_status(
        status, events.c.article_id, in_json_list(conn, events.c.claims, storyline_members.c.claim_idx)
    )


def event_claim(conn: Connection, *conds: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    """Some claim behind the event satisfies ``conds``."""
    c = claims
    return sa.exists(
        sa.select(c.c.id).where(
            c.c.article_id == events.c.article_id, in_json_list(conn, events.c.claims, c.c.idx), *conds
        )
    )


def event_has_actor(side: str) -> sa.ColumnElement[bool]:
    # actors is a JSON list of side names; match the quoted name inside its text form.
    return sa.cast(events.c.actors, sa.Text).like(_like(f'"{side}"'), escape="\\")


def event_statement(conn: Connection, q: EventQuery) -> sa.Select[tuple[object, ...]]:
    """Events matching ``q`` in id order with their place name and article facts."""
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
        stmt = stmt.where(event_has_actor(q.side))
    if q.place:
        stmt = stmt.where(contains(conn, places.c.name, q.place))
    if q.since:
        stmt = stmt.where(events.c.date >= q.since)
    if q.until:
        stmt = stmt.where(events.c.date <= q.until)
    if q.bbox:
        stmt = stmt.where(in_box(events.c.lat, events.c.lon, q.bbox))
    if q.article_id:
        stmt = stmt.where(events.c.article_id == q.article_id)
    if q.located:
        stmt = stmt.where(events.c.lat.is_not(None), events.c.lon.is_not(None))
    if q.status:
        stmt = stmt.where(event_in_status(conn, q.status, None if q.narrow else False))
    if q.speaker:
        stmt = stmt.where(
            event_claim(
                conn,
                sa.or_(
                    contains(conn, claims.c.speaker_name, q.speaker),
                    contains(conn, sa.func.coalesce(claims.c.speaker_text, ""), q.speaker),
                ),
            )
        )
    if q.text:
        stmt = stmt.where(
            sa.or_(
                event_claim(conn, fulltext.claim_match(conn, q.text)),
                contains(conn, sa.func.coalesce(events.c.notes, ""), q.text),
                contains(conn, sa.func.coalesce(events.c.trigger, ""), q.text),
            )
        )
    if q.after is not None:
        stmt = stmt.where(events.c.id > q.after)
    return stmt.order_by(events.c.id).limit(_limit(q.limit))


def place_statement(conn: Connection, q: PlaceQuery) -> sa.Select[tuple[object, ...]]:
    """Places grouped by resolved place, most mentioned first.

    Reads ``ix_places_grouped`` in group order (migration 0004): no sort for the GROUP BY and no
    table reads, which is what keeps the unfiltered ranking fast on a large store.
    """
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
        stmt = stmt.where(contains(conn, places.c.name, q.name))
    if q.kind:
        stmt = stmt.where(places.c.kind == q.kind)
    if q.country:
        stmt = stmt.where(places.c.country == q.country.upper())
    if q.bbox:
        stmt = stmt.where(in_box(places.c.lat, places.c.lon, q.bbox))
    if q.since or q.until:
        pub = sa.select(articles.c.id)
        if q.since:
            pub = pub.where(articles.c.published >= q.since)
        if q.until:
            pub = pub.where(articles.c.published <= q.until)
        stmt = stmt.where(places.c.article_id.in_(pub))
    if q.side:
        stmt = stmt.where(
            sa.exists(
                sa.select(claims.c.id).where(
                    claims.c.article_id == places.c.article_id,
                    claims.c.start_char <= places.c.start_char,
                    claims.c.end_char >= places.c.end_char,
                    sa.func.lower(claims.c.speaker_side) == q.side.lower(),
                )
            )
        )
    stmt = stmt.order_by(sa.desc("mentions"), places.c.name).limit(_limit(q.limit))
    return stmt.offset(q.offset) if q.offset else stmt
