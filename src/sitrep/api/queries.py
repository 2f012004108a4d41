"""Read queries the store package does not offer, in SQLAlchemy Core.

Claims, events and places are the store's own queries (:mod:`sitrep.store.queries`,
one per resource, shared with the CLI); this module adds what only the UI needs:
per-page look-ups (storylines, the sides behind an event), keyset paging on
articles and storylines, per-day counts for the timeline. Every user value is
a bound parameter; the only SQL text here is fixed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
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
    articles_with_place,
    claim_columns,
    claim_has_place,
    claim_in_event_of_type,
    claim_in_status,
    claim_statement,
    contains,
    event_claim,
    event_has_actor,
    event_in_status,
    event_statement,
    place_match,
    place_statement,
)
from sitrep.store.schema import NEWEST_KEY, articles, claims, events, places, storyline_members, storylines

STATUS_RANK = {"contested": 3, "corroborated": 2, "single-source": 1}


def _has(conn: Connection, column: sa.ColumnElement[Any], value: str) -> sa.ColumnElement[bool]:
    """``column`` (NULL read as empty) contains ``value``, ignoring case."""
    return contains(conn, sa.func.coalesce(column, ""), value)


# ---- claims --------------------------------------------------------------------------------
#
# One query for the CLI and the API: :func:`sitrep.store.queries.claim_statement` (filters,
# article facts, storyline per row). The API only adds look-ups by key for event details.


def claim_rows(conn: Connection, q: ClaimQuery, limit: int) -> Sequence[Row[Any]]:
    """One page of claims plus one row that tells whether another page follows."""
    return conn.execute(claim_statement(conn, q).limit(limit + 1)).all()


def claim_by_id(conn: Connection, claim_id: int) -> Row[Any] | None:
    return conn.execute(claim_statement(conn, ClaimQuery()).where(claims.c.id == claim_id)).first()


def claims_by_key(conn: Connection, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], Row[Any]]:
    """Claims (as :func:`claim_statement` reads them) for ``(article_id, idx)`` pairs."""
    wanted = set(keys)
    by_article = sorted({a for a, _ in wanted})
    out: dict[tuple[str, int], Row[Any]] = {}
    for i in range(0, len(by_article), 500):
        stmt = (
            sa.select(*claim_columns())
            .join(articles, articles.c.id == claims.c.article_id)
            .where(claims.c.article_id.in_(by_article[i : i + 500]))
        )
        for r in conn.execute(stmt):
            key = (r.article_id, int(r.idx))
            if key in wanted:
                out[key] = r
    return out


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
        for article_id, claim_idx, sid, status, origins, about in rows:
            key = (article_id, int(claim_idx))
            if key in wanted and (key not in out or sid < out[key].id):
                out[key] = StorylineRef(sid, status, int(origins or 1), about)
    return out


# ---- events --------------------------------------------------------------------------------


_EVENT_LISTS = ("actors", "claims", "quantities", "actor_names", "asserted_by", "denied_by")


def _lists_as_one(conn: Connection) -> sa.ColumnElement[str]:
    """An event's JSON list columns as one JSON array text: one decode per row instead of six."""
    cols = [events.c[n] for n in _EVENT_LISTS]
    if conn.dialect.name == "postgresql":
        return sa.cast(sa.func.json_build_array(*cols), sa.Text)
    return sa.cast(sa.func.json_array(*(sa.func.json(c) for c in cols)), sa.Text)


def event_maps(conn: Connection, q: EventQuery, limit: int) -> list[dict[str, Any]]:
    """One page of events plus one look-ahead row, as dicts with the keys of the CLI's
    :func:`event_statement` rows (the same statement: same filters, same order).

    Decoding six small JSON columns per row costs more than the query on a 1,000-event map page,
    so the lists arrive as one JSON text per row.
    """
    plain = [c for c in events.c if c.name not in _EVENT_LISTS]
    stmt = (
        event_statement(conn, q)
        .with_only_columns(
            *plain,
            places.c.name.label("place_name"),
            articles.c.title,
            articles.c.outlet,
            articles.c.published,
            _lists_as_one(conn).label("lists"),
            maintain_column_froms=True,
        )
        .limit(limit + 1)
    )
    out = []
    for r in conn.execute(stmt):
        m = r._asdict()
        m.update(zip(_EVENT_LISTS, json.loads(m.pop("lists")), strict=True))
        out.append(m)
    return out


@dataclass(frozen=True, slots=True)
class EventContext:
    """What the map needs beyond the event row: who asserts it and how its storyline stands."""

    asserting_sides: tuple[str, ...]
    denying_sides: tuple[str, ...]
    status: str | None
    storylines: tuple[str, ...]
    sources: int  # independent origins of its best-sourced storyline, at least 1


def _claim_sides(
    conn: Connection, article_ids: Sequence[str]
) -> dict[tuple[str, int], tuple[str | None, str]]:
    """Side and polarity of every claim of the articles: what colours a marker, without claim text.

    Fetching whole articles' claims by the ``(article_id, idx)`` index beats asking for exact
    pairs: SQLite cannot drive a row-value IN list from that index and scans the table instead.
    """
    out: dict[tuple[str, int], tuple[str | None, str]] = {}
    for i in range(0, len(article_ids), 500):
        rows = conn.execute(
            sa.select(claims.c.article_id, claims.c.idx, claims.c.speaker_side, claims.c.polarity).where(
                claims.c.article_id.in_(article_ids[i : i + 500])
            )
        ).all()
        out.update({(a, idx): (side, polarity) for a, idx, side, polarity in rows})
    return out


def event_context(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> dict[int, EventContext]:
    """Sides and storyline status of each event (rows as ``Row._asdict()``), from two batched
    look-ups for the whole page."""
    linked_of: list[tuple[Mapping[str, Any], Sequence[int], Sequence[int], list[int]]] = []
    keys: set[tuple[str, int]] = set()
    for r in rows:  # the lists are JSON integer lists, a handful of items each
        denied = r["denied_by"]
        asserted = r["asserted_by"] or [i for i in r["claims"] if i not in denied]
        # Repeats are harmless below (sides are sets, statuses a maximum), so no set is built.
        linked = [*r["claims"], *r["asserted_by"], *denied]
        linked_of.append((r, asserted, denied, linked))
        aid = r["article_id"]
        keys.update([(aid, i) for i in linked])
    facts = _claim_sides(conn, sorted({r["article_id"] for r in rows}))
    lines = storylines_of(conn, keys)
    out: dict[int, EventContext] = {}
    for r, asserted, denied, linked in linked_of:
        aid = r["article_id"]
        a_sides: set[str] = set()
        d_sides: set[str] = set()
        refs: list[StorylineRef] = []
        for i in linked:
            key = (aid, i)
            fact = facts.get(key)
            if fact is not None:
                side, polarity = fact
                if side:
                    if polarity == "deny" or i in denied:
                        d_sides.add(side)
                    if polarity != "deny" and i in asserted:
                        a_sides.add(side)
            ref = lines.get(key)
            if ref is not None:
                refs.append(ref)
        if refs:
            status: str | None = max((x.status for x in refs), key=_rank)
            sources = max(1, *(x.origins for x in refs))
            ids = tuple(sorted({x.id for x in refs}))
        else:
            status, sources, ids = None, 1, ()
        out[r["id"]] = EventContext(tuple(sorted(a_sides)), tuple(sorted(d_sides)), status, ids, sources)
    return out


def _rank(status: str) -> int:
    return STATUS_RANK.get(status, 0)


def event_by_id(conn: Connection, event_id: int) -> Row[Any] | None:
    stmt = event_statement(conn, EventQuery()).where(events.c.id == event_id).limit(None)
    return conn.execute(stmt).first()


# ---- places --------------------------------------------------------------------------------


def place_rows(conn: Connection, q: PlaceQuery, limit: int) -> Sequence[Row[Any]]:
    """One page of the places ranking (the CLI's :func:`place_statement`) plus one look-ahead row."""
    return conn.execute(place_statement(conn, q).limit(limit + 1)).all()


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
                sa.or_(
                    contains(conn, claims.c.speaker_name, f.speaker),
                    _has(conn, claims.c.speaker_text, f.speaker),
                ),
            )
        )
    if f.place:
        stmt = stmt.where(_member_claim(conn, claim_has_place(conn, name=f.place)))
    if f.text:
        stmt = stmt.where(
            sa.or_(
                contains(conn, storylines.c.about, f.text),
                _member_claim(conn, fulltext.claim_match(conn, f.text)),
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
    conn: Connection, f: ArticleFilters, after: tuple[str, str] | None, limit: int, narrow: bool = True
) -> Sequence[Any]:
    """Newest first, read off ``ix_articles_newest``; a rare place filter drives the query from the
    few articles that mention it (``narrow``; the rows are the same either way)."""
    pub = NEWEST_KEY
    stmt = sa.select(*ARTICLE_SUMMARY, pub.label("sort_published"))
    if f.outlet:
        stmt = stmt.where(_has(conn, articles.c.outlet, f.outlet))
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
            sa.or_(
                contains(conn, claims.c.speaker_name, f.speaker), _has(conn, claims.c.speaker_text, f.speaker)
            )
        )
    if f.status:
        claim_conds.append(_claim_status(conn, f.status))
    if claim_conds:
        stmt = stmt.where(
            sa.exists(sa.select(claims.c.id).where(claims.c.article_id == articles.c.id, *claim_conds))
        )
    if f.place or f.bbox:
        stmt = stmt.where(
            sa.exists(
                sa.select(places.c.id).where(
                    places.c.article_id == articles.c.id, *place_match(conn, f.place, f.bbox)
                )
            )
        )
        few = articles_with_place(conn, name=f.place, box=f.bbox) if narrow else None
        if few is not None:
            stmt = stmt.where(articles.c.id.in_(few))
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
        # A row-value comparison, so the index range starts at the cursor instead of at the top.
        stmt = stmt.where(sa.tuple_(pub, articles.c.id) < sa.tuple_(sa.literal(a_pub), sa.literal(a_id)))
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
            event_has_actor(f.side)
            | event_claim(conn, sa.func.lower(claims.c.speaker_side) == f.side.lower())
        )
    if f.event_type:
        ev = ev.where(sa.or_(events.c.type == f.event_type, events.c.sub_type == f.event_type))
    if f.since:
        ev = ev.where(events.c.date >= f.since)
    if f.until:
        ev = ev.where(events.c.date <= f.until)
    if f.status:
        ev = ev.where(event_in_status(conn, f.status))
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
            cl = cl.where(claim_in_event_of_type(conn, f.event_type))
        if f.since:
            cl = cl.where(day >= f.since)
        if f.until:
            cl = cl.where(day <= f.until)
        if f.status:
            cl = cl.where(_claim_status(conn, f.status))
        for r in conn.execute(cl.group_by(day)):
            slot(r.day)["claims"] += int(r.n)
    return [days[d] for d in sorted(days)]


def _claim_status(conn: Connection, status: str) -> sa.ColumnElement[bool]:
    return claim_in_status(conn, status)


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
