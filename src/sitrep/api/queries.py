"""Read queries the store package does not offer, in SQLAlchemy Core.

The API reuses :mod:`sitrep.store.queries` for the core filters and adds what
the UI needs on top: bounding boxes and event types on claims, storyline status
and speakers on events, keyset paging on articles and storylines, per-day counts
for the timeline. Every user value is a bound parameter; the only SQL text here
is fixed (``json_each``/``json_array_elements_text``, which are dialect
functions, not user input).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from sitrep.store import fulltext
from sitrep.store.queries import (
    BBox,
    ClaimQuery,
    EventQuery,
    PlaceQuery,
    claim_has_place,
    claims_with_status,
    event_statement,
    filter_claims,
    place_statement,
)
from sitrep.store.schema import articles, claims, events, places, storyline_members, storylines

STATUS_RANK = {"contested": 3, "corroborated": 2, "single-source": 1}


def like(value: str) -> str:
    """A case-folded LIKE pattern matching ``value`` anywhere, with LIKE's wildcards escaped."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _ilike(column: sa.ColumnElement[Any], value: str) -> sa.ColumnElement[bool]:
    return sa.func.lower(sa.func.coalesce(column, "")).like(like(value), escape="\\")


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


def _bbox(lat: sa.ColumnElement[Any], lon: sa.ColumnElement[Any], box: BBox) -> sa.ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = box
    return sa.and_(lon.between(min_lon, max_lon), lat.between(min_lat, max_lat))


def _claim_in_event_of_type(conn: Connection, event_type: str) -> sa.ColumnElement[bool]:
    e = events.alias("ev")
    return sa.exists(
        sa.select(e.c.id).where(
            e.c.article_id == claims.c.article_id,
            sa.or_(e.c.type == event_type, e.c.sub_type == event_type),
            in_json_list(conn, e.c.claims, claims.c.idx),
        )
    )


# ---- claims --------------------------------------------------------------------------------
#
# The API pages by claim id, then looks up the storylines of just the page's claims
# (``storylines_of``); the filters are the store's own (:func:`sitrep.store.queries.filter_claims`).


@dataclass(frozen=True, slots=True)
class ClaimExtras:
    bbox: BBox | None = None
    event_type: str | None = None


CLAIM_COLUMNS = (claims, articles.c.title, articles.c.outlet, articles.c.published, articles.c.url)


def claim_statement(conn: Connection, q: ClaimQuery, extras: ClaimExtras) -> sa.Select[tuple[Any, ...]]:
    """Claims with their article's facts: the store's filters plus the UI's bbox and event type."""
    stmt = filter_claims(
        conn, sa.select(*CLAIM_COLUMNS).join(articles, articles.c.id == claims.c.article_id), q
    )
    if extras.bbox:
        stmt = stmt.where(claim_has_place(box=extras.bbox))
    if extras.event_type:
        stmt = stmt.where(_claim_in_event_of_type(conn, extras.event_type))
    return stmt.order_by(claims.c.id)


@dataclass(frozen=True, slots=True)
class StorylineRef:
    id: str
    status: str
    origins: int
    about: str


def storylines_of(conn: Connection, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], StorylineRef]:
    """The storyline of each ``(article_id, claim_idx)``; the lowest id when a claim is in several."""
    wanted = set(keys)
    out: dict[tuple[str, int], StorylineRef] = {}
    article_ids = sorted({a for a, _ in wanted})
    sm = storyline_members
    for i in range(0, len(article_ids), 500):
        rows = conn.execute(
            sa.select(
                sm.c.article_id,
                sm.c.claim_idx,
                storylines.c.id,
                storylines.c.status,
                storylines.c.origins,
                storylines.c.about,
            )
            .join(storylines, storylines.c.id == sm.c.storyline_id)
            .where(sm.c.article_id.in_(article_ids[i : i + 500]))
        )  # no ORDER BY: sorting by storyline id makes SQLite walk storylines instead of the IN list
        for r in rows:
            key = (r.article_id, int(r.claim_idx))
            if key in wanted and (key not in out or r.id < out[key].id):
                out[key] = StorylineRef(r.id, r.status, int(r.origins or 1), r.about)
    return out


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim row plus its storyline, as :mod:`sitrep.api.payloads` renders it."""

    row: Row[Any]
    storyline: StorylineRef | None


def with_storylines(conn: Connection, rows: Sequence[Row[Any]]) -> list[ClaimRow]:
    lines = storylines_of(conn, ((r.article_id, int(r.idx)) for r in rows))
    return [ClaimRow(r, lines.get((r.article_id, int(r.idx)))) for r in rows]


def claim_rows(conn: Connection, q: ClaimQuery, extras: ClaimExtras, limit: int) -> Sequence[Row[Any]]:
    return conn.execute(claim_statement(conn, q, extras).limit(limit + 1)).all()


def claims_by_key(conn: Connection, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], Row[Any]]:
    """Claims (with article facts) for ``(article_id, idx)`` pairs, via the (article_id, idx) index."""
    wanted = set(keys)
    by_article = sorted({a for a, _ in wanted})
    out: dict[tuple[str, int], Row[Any]] = {}
    for i in range(0, len(by_article), 500):
        stmt = (
            sa.select(*CLAIM_COLUMNS)
            .join(articles, articles.c.id == claims.c.article_id)
            .where(claims.c.article_id.in_(by_article[i : i + 500]))
        )
        for r in conn.execute(stmt):
            key = (r.article_id, int(r.idx))
            if key in wanted:
                out[key] = r
    return out


@dataclass(frozen=True, slots=True)
class ClaimSide:
    side: str | None
    polarity: str


def claim_sides(conn: Connection, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], ClaimSide]:
    """Just side and polarity per claim: what colours a map marker, without fetching claim text."""
    wanted = set(keys)
    by_article = sorted({a for a, _ in wanted})
    out: dict[tuple[str, int], ClaimSide] = {}
    for i in range(0, len(by_article), 500):
        stmt = sa.select(claims.c.article_id, claims.c.idx, claims.c.speaker_side, claims.c.polarity).where(
            claims.c.article_id.in_(by_article[i : i + 500])
        )
        for r in conn.execute(stmt):
            key = (r.article_id, int(r.idx))
            if key in wanted:
                out[key] = ClaimSide(r.speaker_side, r.polarity)
    return out


# ---- events --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventExtras:
    status: str | None = None
    speaker: str | None = None
    text: str | None = None
    located: bool = False  # only events with coordinates (what a map can draw)


def _event_claim(conn: Connection, *conds: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    """Some claim behind the event satisfies ``conds``."""
    c = claims
    return sa.exists(
        sa.select(c.c.id).where(
            c.c.article_id == events.c.article_id, in_json_list(conn, events.c.claims, c.c.idx), *conds
        )
    )


def event_rows(conn: Connection, q: EventQuery, extras: EventExtras, limit: int) -> Sequence[Row[Any]]:
    stmt = event_statement(conn, q)
    if extras.located:
        stmt = stmt.where(events.c.lat.is_not(None), events.c.lon.is_not(None))
    if extras.status:
        stmt = stmt.where(events.c.id.in_(_events_with_status(conn, extras.status)))
    if extras.speaker:
        stmt = stmt.where(
            _event_claim(
                conn,
                sa.or_(
                    _ilike(claims.c.speaker_name, extras.speaker),
                    _ilike(claims.c.speaker_text, extras.speaker),
                ),
            )
        )
    if extras.text:
        stmt = stmt.where(
            sa.or_(
                _event_claim(conn, fulltext.claim_match(conn, extras.text)),
                _ilike(events.c.notes, extras.text),
                _ilike(events.c.trigger, extras.text),
            )
        )
    return conn.execute(stmt.limit(limit + 1)).all()


@dataclass(frozen=True, slots=True)
class EventContext:
    """What the map needs beyond the event row: who asserts it and how its storyline stands."""

    asserting_sides: tuple[str, ...]
    denying_sides: tuple[str, ...]
    status: str | None
    storylines: tuple[str, ...]
    sources: int  # independent origins of its best-sourced storyline, at least 1


def _events_with_status(conn: Connection, status: str) -> sa.Select[tuple[Any]]:
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


def event_context(conn: Connection, rows: Sequence[Row[Any]]) -> dict[int, EventContext]:
    keys: set[tuple[str, int]] = set()
    for r in rows:
        for idx in [*(r.claims or ()), *(r.asserted_by or ()), *(r.denied_by or ())]:
            keys.add((r.article_id, int(idx)))
    facts = claim_sides(conn, keys)
    lines = storylines_of(conn, keys)
    out: dict[int, EventContext] = {}
    for r in rows:
        denied = {int(i) for i in (r.denied_by or ())}
        asserted = [int(i) for i in (r.asserted_by or ())] or [
            int(i) for i in (r.claims or ()) if int(i) not in denied
        ]
        linked = {int(i) for i in (*(r.claims or ()), *asserted, *denied)}
        found = [(i, facts[(r.article_id, i)]) for i in linked if (r.article_id, i) in facts]
        a_sides = sorted({f.side for i, f in found if i in asserted and f.polarity != "deny" and f.side})
        d_sides = sorted({f.side for i, f in found if (i in denied or f.polarity == "deny") and f.side})
        refs = [lines[(r.article_id, i)] for i in linked if (r.article_id, i) in lines]
        status = max((x.status for x in refs), key=lambda s: STATUS_RANK.get(s, 0)) if refs else None
        sources = max([x.origins for x in refs] or [1])
        out[r.id] = EventContext(
            tuple(a_sides), tuple(d_sides), status, tuple(sorted({x.id for x in refs})), max(1, sources)
        )
    return out


def event_by_id(conn: Connection, event_id: int) -> Row[Any] | None:
    stmt = event_statement(conn, EventQuery()).where(events.c.id == event_id).limit(None)
    return conn.execute(stmt).first()


def claim_by_id(conn: Connection, claim_id: int) -> Row[Any] | None:
    stmt = claim_statement(conn, ClaimQuery(), ClaimExtras()).where(claims.c.id == claim_id)
    return conn.execute(stmt).first()


# ---- places --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlaceExtras:
    since: str | None = None
    until: str | None = None
    side: str | None = None  # mentioned inside a claim by this side


def place_rows(
    conn: Connection, q: PlaceQuery, extras: PlaceExtras, offset: int, limit: int
) -> Sequence[Row[Any]]:
    stmt = place_statement(conn, q)
    if extras.since or extras.until:
        pub = sa.select(articles.c.id)
        if extras.since:
            pub = pub.where(articles.c.published >= extras.since)
        if extras.until:
            pub = pub.where(articles.c.published <= extras.until)
        stmt = stmt.where(places.c.article_id.in_(pub))
    if extras.side:
        stmt = stmt.where(
            sa.exists(
                sa.select(claims.c.id).where(
                    claims.c.article_id == places.c.article_id,
                    claims.c.start_char <= places.c.start_char,
                    claims.c.end_char >= places.c.end_char,
                    sa.func.lower(claims.c.speaker_side) == extras.side.lower(),
                )
            )
        )
    return conn.execute(stmt.limit(limit + 1).offset(offset)).all()


# ---- storylines ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StorylineFilters:
    status: str | None = None
    side: str | None = None
    speaker: str | None = None
    place: str | None = None
    text: str | None = None
    since: str | None = None
    until: str | None = None


def _member_claim(conn: Connection, *conds: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    sm = storyline_members
    return sa.exists(
        sa.select(sm.c.claim_idx)
        .select_from(
            sm.join(claims, sa.and_(claims.c.article_id == sm.c.article_id, claims.c.idx == sm.c.claim_idx))
        )
        .join(articles, articles.c.id == claims.c.article_id)
        .where(sm.c.storyline_id == storylines.c.id, *conds)
    )


def storyline_rows(
    conn: Connection, f: StorylineFilters, after: str | None, limit: int, ids: Sequence[str] | None = None
) -> Sequence[Row[Any]]:
    stmt = sa.select(storylines)
    if ids is not None:
        stmt = stmt.where(storylines.c.id.in_(list(ids)))
    if f.status:
        stmt = stmt.where(storylines.c.status == f.status)
    if f.side:
        stmt = stmt.where(_member_claim(conn, sa.func.lower(claims.c.speaker_side) == f.side.lower()))
    if f.speaker:
        stmt = stmt.where(
            _member_claim(
                conn,
                sa.or_(_ilike(claims.c.speaker_name, f.speaker), _ilike(claims.c.speaker_text, f.speaker)),
            )
        )
    if f.place:
        stmt = stmt.where(_member_claim(conn, claim_has_place(name=f.place)))
    if f.text:
        stmt = stmt.where(
            sa.or_(
                _ilike(storylines.c.about, f.text), _member_claim(conn, fulltext.claim_match(conn, f.text))
            )
        )
    when = sa.func.coalesce(claims.c.said_on, articles.c.published)
    if f.since:
        stmt = stmt.where(_member_claim(conn, when >= f.since))
    if f.until:
        stmt = stmt.where(_member_claim(conn, when <= f.until))
    if after is not None:
        stmt = stmt.where(storylines.c.id > after)
    return conn.execute(stmt.order_by(storylines.c.id).limit(limit + 1)).all()


def storyline_members_detail(conn: Connection, ids: Sequence[str]) -> dict[str, list[Row[Any]]]:
    """Members of each storyline with their claim and article facts (never the article text)."""
    if not ids:
        return {}
    sm = storyline_members
    stmt = (
        sa.select(
            sm.c.storyline_id,
            sm.c.article_id,
            sm.c.claim_idx,
            claims.c.id.label("claim_id"),
            claims,
            articles.c.title,
            articles.c.outlet,
            articles.c.published,
            articles.c.url,
        )
        .select_from(sm)
        .outerjoin(claims, sa.and_(claims.c.article_id == sm.c.article_id, claims.c.idx == sm.c.claim_idx))
        .join(articles, articles.c.id == sm.c.article_id)
        .where(sm.c.storyline_id.in_(list(ids)))
        .order_by(sm.c.storyline_id, articles.c.published, sm.c.article_id, sm.c.claim_idx)
    )
    out: dict[str, list[Row[Any]]] = {}
    for r in conn.execute(stmt):
        out.setdefault(r.storyline_id, []).append(r)
    return out


# ---- articles ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    side: str | None = None
    speaker: str | None = None
    place: str | None = None
    bbox: BBox | None = None
    event_type: str | None = None
    status: str | None = None


ARTICLE_SUMMARY = (
    articles.c.id,
    articles.c.title,
    articles.c.published,
    articles.c.outlet,
    articles.c.url,
    articles.c.n_claims,
    articles.c.n_events,
)


def article_rows(
    conn: Connection, f: ArticleFilters, after: tuple[str, str] | None, limit: int
) -> Sequence[Any]:
    pub = sa.func.coalesce(articles.c.published, "")
    stmt = sa.select(*ARTICLE_SUMMARY, pub.label("sort_published"))
    if f.outlet:
        stmt = stmt.where(_ilike(articles.c.outlet, f.outlet))
    if f.since:
        stmt = stmt.where(articles.c.published >= f.since)
    if f.until:
        stmt = stmt.where(articles.c.published <= f.until)
    if f.text:
        stmt = stmt.where(fulltext.article_match(conn, f.text))
    claim_conds: list[sa.ColumnElement[bool]] = []
    if f.side:
        claim_conds.append(sa.func.lower(claims.c.speaker_side) == f.side.lower())
    if f.speaker:
        claim_conds.append(
            sa.or_(_ilike(claims.c.speaker_name, f.speaker), _ilike(claims.c.speaker_text, f.speaker))
        )
    if f.status:
        claim_conds.append(_claim_status(f.status))
    if claim_conds:
        stmt = stmt.where(
            sa.exists(sa.select(claims.c.id).where(claims.c.article_id == articles.c.id, *claim_conds))
        )
    place_conds: list[sa.ColumnElement[bool]] = []
    if f.place:
        place_conds.append(sa.or_(_ilike(places.c.name, f.place), _ilike(places.c.mention, f.place)))
    if f.bbox:
        place_conds.append(_bbox(places.c.lat, places.c.lon, f.bbox))
    if place_conds:
        stmt = stmt.where(
            sa.exists(sa.select(places.c.id).where(places.c.article_id == articles.c.id, *place_conds))
        )
    if f.event_type:
        stmt = stmt.where(
            sa.exists(
                sa.select(events.c.id).where(
                    events.c.article_id == articles.c.id,
                    sa.or_(events.c.type == f.event_type, events.c.sub_type == f.event_type),
                )
            )
        )
    if after is not None:
        a_pub, a_id = after
        stmt = stmt.where(sa.or_(pub < a_pub, sa.and_(pub == a_pub, articles.c.id < a_id)))
    return conn.execute(stmt.order_by(pub.desc(), articles.c.id.desc()).limit(limit + 1)).all()


def article_storylines(conn: Connection, article_id: str) -> dict[int, Any]:
    """The storyline (id, status, origins) of each claim of one article, by claim index."""
    sm = storyline_members
    rows = conn.execute(
        sa.select(
            sm.c.claim_idx, storylines.c.id, storylines.c.status, storylines.c.origins, storylines.c.about
        )
        .join(storylines, storylines.c.id == sm.c.storyline_id)
        .where(sm.c.article_id == article_id)
        .order_by(sm.c.claim_idx, storylines.c.id)
    ).all()
    out: dict[int, Any] = {}
    for r in rows:
        out.setdefault(int(r.claim_idx), r)
    return out


def event_ids_of_article(conn: Connection, article_id: str) -> dict[int, int]:
    rows = conn.execute(sa.select(events.c.idx, events.c.id).where(events.c.article_id == article_id))
    return {int(r.idx): int(r.id) for r in rows}


def claim_ids_of_article(conn: Connection, article_id: str) -> dict[int, int]:
    rows = conn.execute(sa.select(claims.c.idx, claims.c.id).where(claims.c.article_id == article_id))
    return {int(r.idx): int(r.id) for r in rows}


# ---- timeline and overview -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineFilters:
    side: str | None = None
    event_type: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None


def timeline(conn: Connection, f: TimelineFilters) -> list[dict[str, Any]]:
    """Events and claims per day. Only day-precise dates count: a month is not a day on a bar chart."""
    days: dict[str, dict[str, Any]] = {}

    def slot(day: str) -> dict[str, Any]:
        return days.setdefault(day, {"day": day, "events": 0, "claims": 0})

    ev = sa.select(events.c.date.label("day"), sa.func.count().label("n")).where(
        sa.func.length(events.c.date) == 10
    )
    if f.side:
        ev = ev.where(
            sa.cast(events.c.actors, sa.Text).like(like(f'"{f.side}"'), escape="\\")
            | _event_claim(conn, sa.func.lower(claims.c.speaker_side) == f.side.lower())
        )
    if f.event_type:
        ev = ev.where(sa.or_(events.c.type == f.event_type, events.c.sub_type == f.event_type))
    if f.since:
        ev = ev.where(events.c.date >= f.since)
    if f.until:
        ev = ev.where(events.c.date <= f.until)
    if f.status:
        ev = ev.where(events.c.id.in_(_events_with_status(conn, f.status)))
    for r in conn.execute(ev.group_by(events.c.date)):
        slot(r.day)["events"] = int(r.n)

    # Two passes instead of grouping on coalesce(said_on, published): claims with a said_on day are
    # counted from the said_on index alone, without joining every claim to its article.
    for day, needs_article in ((claims.c.said_on, False), (articles.c.published, True)):
        cl = sa.select(day.label("day"), sa.func.count().label("n")).select_from(claims)
        if needs_article:
            cl = cl.join(articles, articles.c.id == claims.c.article_id).where(claims.c.said_on.is_(None))
        cl = cl.where(sa.func.length(day) == 10)
        if f.side:
            cl = cl.where(sa.func.lower(claims.c.speaker_side) == f.side.lower())
        if f.event_type:
            cl = cl.where(_claim_in_event_of_type(conn, f.event_type))
        if f.since:
            cl = cl.where(day >= f.since)
        if f.until:
            cl = cl.where(day <= f.until)
        if f.status:
            cl = cl.where(_claim_status(f.status))
        for r in conn.execute(cl.group_by(day)):
            slot(r.day)["claims"] += int(r.n)
    return [days[d] for d in sorted(days)]


def _claim_status(status: str) -> sa.ColumnElement[bool]:
    return claims.c.id.in_(claims_with_status(status))


def overview(conn: Connection) -> dict[str, Any]:
    """Facet values for the UI's filters: sides, event types, outlets, statuses, date span."""

    def facet(col: sa.ColumnElement[Any], table: sa.Table) -> list[dict[str, Any]]:
        rows = conn.execute(
            sa.select(col.label("v"), sa.func.count().label("n"))
            .select_from(table)
            .where(col.is_not(None))
            .group_by(col)
            .order_by(sa.desc("n"), col)
            .limit(200)
        )
        return [{"value": r.v, "count": int(r.n)} for r in rows]

    def n(t: sa.Table) -> int:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(t)) or 0)

    span = conn.execute(sa.select(sa.func.min(articles.c.published), sa.func.max(articles.c.published))).one()
    return {
        "counts": {
            "articles": n(articles),
            "claims": n(claims),
            "places": n(places),
            "events": n(events),
            "storylines": n(storylines),
        },
        "sides": facet(claims.c.speaker_side, claims),
        "event_types": facet(events.c.type, events),
        "outlets": facet(articles.c.outlet, articles),
        "statuses": facet(storylines.c.status, storylines),
        "published": {"min": span[0], "max": span[1]},
    }
