"""The store's Python API: write analyses atomically, read records back.

Writes are idempotent and atomic: an article and all its records go in one
transaction, keyed by the SHA-256 of its text, with ``ON CONFLICT DO NOTHING``
on the article row deciding who wins when two ingests race. Reads return the
frozen records of :mod:`sitrep.records`, never ORM objects or dicts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from sitrep.errors import StoreError
from sitrep.events.points import event_point
from sitrep.records import (
    Article,
    ArticleAnalysis,
    Claim,
    DateMention,
    Disclaimer,
    Event,
    Place,
    Quantity,
    Speaker,
    Storyline,
    StorylineMember,
)
from sitrep.store import fulltext
from sitrep.store.database import create_engine, migrate, redact, resolve_url
from sitrep.store.queries import ClaimHit, ClaimQuery, EventHit, EventQuery, PlaceHit, PlaceQuery
from sitrep.store.schema import (
    CHILD_TABLES,
    articles,
    claims,
    dates,
    disclaimers,
    events,
    places,
    quantities,
    storyline_members,
    storylines,
)


@dataclass(frozen=True, slots=True)
class WriteResult:
    article_id: str
    inserted: bool  # False: the same text was already stored, nothing changed


@dataclass(frozen=True, slots=True)
class Counts:
    articles: int
    claims: int
    places: int
    dates: int
    events: int
    storylines: int


def _span_row(rec: Any) -> dict[str, int]:
    return {"start_char": rec.start, "end_char": rec.end}


def _claim_row(c: Claim) -> dict[str, Any]:
    sp = c.speaker
    return {
        "content": c.content,
        **_span_row(c),
        "kind": c.kind,
        "cue": c.cue,
        "cue_start": c.cue_start,
        "cue_end": c.cue_end,
        "stance": c.stance,
        "speaker_text": sp.text,
        "speaker_name": sp.name,
        "speaker_type": sp.type,
        "speaker_side": sp.side,
        "speaker_start": sp.start,
        "speaker_end": sp.end,
        "channel": c.channel,
        "said_on": c.said_on,
        "polarity": c.polarity,
        "hedges": list(c.hedges),
        "unverified": c.unverified,
    }


def article_row(art: Article) -> dict[str, Any]:
    """The stored columns of an article that come from the input (not ``ingested_at`` or counts)."""
    return {
        "id": art.id,
        "title": art.title,
        "published": art.published,
        "outlet": art.outlet,
        "url": art.url,
        "source": art.source,
        "text": art.text,
    }


def child_rows(a: ArticleAnalysis) -> list[tuple[sa.Table, list[dict[str, Any]]]]:
    """Every child row of one analysis, per table, exactly as stored (also the Parquet layout)."""
    base = {"article_id": a.article.id}
    return [
        (claims, [{**base, "idx": i, **_claim_row(c)} for i, c in enumerate(a.claims)]),
        (
            places,
            [
                {
                    **base,
                    "idx": i,
                    "mention": p.mention,
                    **_span_row(p),
                    "name": p.name,
                    "kind": p.kind,
                    "country": p.country,
                    "admin1": p.admin1,
                    "lat": p.lat,
                    "lon": p.lon,
                    "geonames_id": p.geonames_id,
                    "precision": p.precision,
                    "anchor": p.anchor,
                    "offset_km": p.offset_km,
                    "bearing": p.bearing,
                }
                for i, p in enumerate(a.places)
            ],
        ),
        (
            dates,
            [
                {
                    **base,
                    "idx": i,
                    "expression": d.expression,
                    **_span_row(d),
                    "value": d.value,
                    "precision": d.precision,
                    "range_start": d.range_start,
                    "range_end": d.range_end,
                }
                for i, d in enumerate(a.dates)
            ],
        ),
        (
            quantities,
            [
                {
                    **base,
                    "idx": i,
                    "text": q.text,
                    **_span_row(q),
                    "value": q.value,
                    "unit": q.unit,
                    "low": q.low,
                    "high": q.high,
                    "qualifier": q.qualifier,
                    "noun": q.noun,
                }
                for i, q in enumerate(a.quantities)
            ],
        ),
        (
            disclaimers,
            [
                {**base, "idx": i, "text": d.text, **_span_row(d), "kind": d.kind}
                for i, d in enumerate(a.disclaimers)
            ],
        ),
        (events, [{**base, "idx": i, **_event_row(e, a.places)} for i, e in enumerate(a.events)]),
    ]


def _event_row(e: Event, place_list: Sequence[Place]) -> dict[str, Any]:
    place = place_list[e.place] if e.place is not None else None
    point = event_point(e, place)  # a region-level event's is its region's capital, as in ACLED
    return {
        "type": e.type,
        "sub_type": e.sub_type,
        "actors": list(e.actors),
        "place_idx": e.place,
        "date": e.date,
        "claims": list(e.claims),
        "quantities": list(e.quantities),
        "trigger": e.trigger,
        "start_char": e.start,
        "end_char": e.end,
        "actor_names": list(e.actor_names),
        "asserted_by": list(e.asserted_by),
        "denied_by": list(e.denied_by),
        "geo_precision": e.geo_precision,
        "time_precision": e.time_precision,
        "fatalities": e.fatalities,
        "notes": e.notes,
        "lat": point[0] if point else None,
        "lon": point[1] if point else None,
    }


def row_to_claim(r: Any) -> Claim:
    return Claim(
        content=r.content,
        start=r.start_char,
        end=r.end_char,
        kind=r.kind,
        speaker=Speaker(
            text=r.speaker_text,
            name=r.speaker_name,
            type=r.speaker_type,
            side=r.speaker_side,
            start=r.speaker_start,
            end=r.speaker_end,
        ),
        cue=r.cue,
        cue_start=r.cue_start,
        cue_end=r.cue_end,
        stance=r.stance,
        channel=r.channel,
        said_on=r.said_on,
        polarity=r.polarity,
        hedges=tuple(r.hedges or ()),
        unverified=bool(r.unverified),
    )


def row_to_place(r: Any) -> Place:
    return Place(
        mention=r.mention,
        start=r.start_char,
        end=r.end_char,
        name=r.name,
        kind=r.kind,
        country=r.country,
        admin1=r.admin1,
        lat=r.lat,
        lon=r.lon,
        geonames_id=r.geonames_id,
        precision=r.precision,
        anchor=r.anchor,
        offset_km=r.offset_km,
        bearing=r.bearing,
    )


def row_to_event(r: Any) -> Event:
    """The stored event; one written without a coded point reads back with its place's point."""
    return Event(
        type=r.type,
        sub_type=r.sub_type,
        actors=tuple(r.actors),
        place=r.place_idx,
        date=r.date,
        claims=tuple(r.claims),
        quantities=tuple(r.quantities),
        trigger=r.trigger,
        start=r.start_char,
        end=r.end_char,
        actor_names=tuple(r.actor_names),
        asserted_by=tuple(r.asserted_by),
        denied_by=tuple(r.denied_by),
        geo_precision=r.geo_precision,
        time_precision=r.time_precision,
        fatalities=r.fatalities,
        notes=r.notes,
        lat=r.lat,
        lon=r.lon,
    )


def row_to_article(r: Any) -> Article:
    return Article(
        id=r.id,
        text=r.text,
        title=r.title,
        published=r.published,
        outlet=r.outlet,
        url=r.url,
        source=r.source,
    )


def analysis_from_rows(article: Any, children: Mapping[str, Sequence[Any]]) -> ArticleAnalysis:
    """Rebuild an analysis from its stored rows (attribute access), each table's rows in ``idx`` order."""
    return ArticleAnalysis(
        article=row_to_article(article),
        claims=tuple(row_to_claim(r) for r in children.get("claims", ())),
        places=tuple(row_to_place(r) for r in children.get("places", ())),
        dates=tuple(
            DateMention(
                r.expression, r.start_char, r.end_char, r.value, r.precision, r.range_start, r.range_end
            )
            for r in children.get("dates", ())
        ),
        events=tuple(row_to_event(r) for r in children.get("events", ())),
        disclaimers=tuple(
            Disclaimer(r.text, r.start_char, r.end_char, r.kind) for r in children.get("disclaimers", ())
        ),
        quantities=tuple(
            Quantity(r.text, r.start_char, r.end_char, r.value, r.unit, r.low, r.high, r.qualifier, r.noun)
            for r in children.get("quantities", ())
        ),
    )


class Store:
    """One database. Cheap to keep open for a process's lifetime; close() when done."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, db: str | None = None, *, migrate_schema: bool = True) -> Store:
        url = resolve_url(db)
        engine = create_engine(url)
        if migrate_schema:
            migrate(engine)
        return cls(engine)

    @property
    def url(self) -> str:
        return redact(str(self.engine.url))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writing ---------------------------------------------------------------

    def _insert_ignore(self) -> Any:
        if self.dialect == "postgresql":
            return (
                postgresql.insert(articles)
                .on_conflict_do_nothing(index_elements=["id"])
                .returning(articles.c.id)
            )
        if self.dialect == "sqlite":
            return (
                sqlite.insert(articles).on_conflict_do_nothing(index_elements=["id"]).returning(articles.c.id)
            )
        raise StoreError(f"unsupported database dialect {self.dialect}")

    def _write_batch(self, conn: Connection, batch: Sequence[ArticleAnalysis], now: dt.datetime) -> set[str]:
        """Insert a batch with one statement per table; return the ids that were new.

        The article rows go first with ``ON CONFLICT DO NOTHING ... RETURNING id``, so the
        returned ids are exactly the articles this transaction owns; only their child rows are
        written, each table as one executemany (batched multi-row VALUES on both dialects).
        """
        first: dict[str, ArticleAnalysis] = {}
        for a in batch:
            first.setdefault(a.article.id, a)
        if not first:
            return set()
        rows = [
            {
                **article_row(a.article),
                "ingested_at": now,
                "n_claims": len(a.claims),
                "n_events": len(a.events),
            }
            for a in first.values()
        ]
        inserted = set(conn.scalars(self._insert_ignore(), rows))
        fresh = [a for a in first.values() if a.article.id in inserted]
        if not fresh:
            return inserted
        by_table: dict[str, list[dict[str, Any]]] = {t.name: [] for t in CHILD_TABLES}
        for a in fresh:
            for table, table_rows in child_rows(a):
                by_table[table.name].extend(table_rows)
        for table in CHILD_TABLES:
            if by_table[table.name]:
                conn.execute(table.insert(), by_table[table.name])
        fulltext.index_articles(conn, [(a.article.id, a.article.title, a.article.text) for a in fresh])
        return inserted

    def add(self, analysis: ArticleAnalysis) -> WriteResult:
        return self.add_many([analysis])[0]

    def add_many(self, analyses: Iterable[ArticleAnalysis]) -> list[WriteResult]:
        """Write a batch in one transaction: all of it lands, or none of it.

        A repeated id within the batch counts as already stored after its first occurrence.
        """
        now = dt.datetime.now(dt.UTC)
        batch = list(analyses)
        try:
            with self.engine.begin() as conn:
                inserted = self._write_batch(conn, batch, now)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"write failed: {exc}", source=self.url) from exc
        out: list[WriteResult] = []
        for a in batch:
            out.append(WriteResult(a.article.id, a.article.id in inserted))
            inserted.discard(a.article.id)
        return out

    def replace_storylines(self, lines: Sequence[Storyline], *, conn: Connection | None = None) -> None:
        """Replace every stored storyline; with ``conn``, inside the caller's transaction."""
        if conn is None:
            with self.engine.begin() as own:
                self.replace_storylines(lines, conn=own)
            return
        conn.execute(storyline_members.delete())
        conn.execute(storylines.delete())
        self.insert_storylines(conn, lines, dt.datetime.now(dt.UTC))

    def upsert_storylines(
        self, lines: Sequence[Storyline], *, delete: Sequence[str] = (), conn: Connection | None = None
    ) -> None:
        """Replace the given storylines (by id) and drop those in ``delete``, leaving the others alone.

        With ``conn`` the change joins the caller's transaction, so derived
        tables written alongside it commit (or vanish) together with it.
        """
        ids = sorted({s.id for s in lines} | set(delete))
        if not ids:
            return
        if conn is None:
            with self.engine.begin() as own:
                self.upsert_storylines(lines, delete=delete, conn=own)
            return
        conn.execute(storyline_members.delete().where(storyline_members.c.storyline_id.in_(ids)))
        conn.execute(storylines.delete().where(storylines.c.id.in_(ids)))
        self.insert_storylines(conn, lines, dt.datetime.now(dt.UTC))

    def delete_storylines(self, ids: Sequence[str]) -> None:
        if not ids:
            return
        with self.engine.begin() as conn:
            conn.execute(storyline_members.delete().where(storyline_members.c.storyline_id.in_(list(ids))))
            conn.execute(storylines.delete().where(storylines.c.id.in_(list(ids))))

    @staticmethod
    def insert_storylines(conn: Connection, lines: Sequence[Storyline], now: dt.datetime) -> None:
        if not lines:
            return
        conn.execute(
            storylines.insert(),
            [
                {
                    "id": s.id,
                    "about": s.about,
                    "status": s.status,
                    "sides": dict(s.sides),
                    "origins": s.origins,
                    "unverified": s.unverified,
                    "updated_at": now,
                }
                for s in lines
            ],
        )
        members = [
            {"storyline_id": s.id, "article_id": m.article, "claim_idx": m.claim}
            for s in lines
            for m in s.members
        ]
        if members:
            conn.execute(storyline_members.insert(), members)

    # ---- reading ---------------------------------------------------------------

    def has_articles(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk_start in range(0, len(ids), 500):
                chunk = list(ids[chunk_start : chunk_start + 500])
                found.update(conn.scalars(sa.select(articles.c.id).where(articles.c.id.in_(chunk))))
        return found

    def counts(self) -> Counts:
        with self.engine.connect() as conn:

            def n(t: sa.Table) -> int:
                return int(conn.scalar(sa.select(sa.func.count()).select_from(t)) or 0)

            return Counts(n(articles), n(claims), n(places), n(dates), n(events), n(storylines))

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(sa.select(articles.c.id).order_by(articles.c.id)))

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
        return row_to_article(row) if row else None

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
            if row is None:
                return None
            children = {
                t.name: conn.execute(sa.select(t).where(t.c.article_id == article_id).order_by(t.c.idx)).all()
                for t in CHILD_TABLES
            }
        return analysis_from_rows(row, children)

    def iter_analyses(self) -> Iterator[ArticleAnalysis]:
        for article_id in self.article_ids():
            analysis = self.get_analysis(article_id)
            if analysis is not None:
                yield analysis

    def storylines(self, *, status: str | None = None, limit: int | None = None) -> list[Storyline]:
        with self.engine.connect() as conn:
            q = sa.select(storylines).order_by(storylines.c.id)
            if status:
                q = q.where(storylines.c.status == status)
            if limit:
                q = q.limit(limit)
            heads = conn.execute(q).all()
            if not heads:
                return []
            mem = conn.execute(
                sa.select(storyline_members)
                .where(storyline_members.c.storyline_id.in_([h.id for h in heads]))
                .order_by(storyline_members.c.article_id, storyline_members.c.claim_idx)
            ).all()
        by_id: dict[str, list[StorylineMember]] = {}
        for m in mem:
            by_id.setdefault(m.storyline_id, []).append(StorylineMember(m.article_id, m.claim_idx))
        return [
            Storyline(
                id=h.id,
                about=h.about,
                status=h.status,
                members=tuple(by_id.get(h.id, ())),
                sides=dict(h.sides),
                origins=h.origins,
                unverified=bool(h.unverified),
            )
            for h in heads
        ]

    def find_claims(self, query: ClaimQuery) -> list[ClaimHit]:
        from sitrep.store.queries import claim_statement

        with self.engine.connect() as conn:
            rows = conn.execute(claim_statement(conn, query)).all()
        return [
            ClaimHit(
                id=r.id,
                article_id=r.article_id,
                idx=r.idx,
                claim=row_to_claim(r),
                title=r.title,
                outlet=r.outlet,
                published=r.published,
                storyline_id=r.storyline_id,
                storyline_status=r.storyline_status,
            )
            for r in rows
        ]

    def find_events(self, query: EventQuery) -> list[EventHit]:
        from sitrep.store.queries import event_statement

        with self.engine.connect() as conn:
            rows = conn.execute(event_statement(conn, query)).all()
        return [
            EventHit(
                id=r.id,
                article_id=r.article_id,
                idx=r.idx,
                event=row_to_event(r),
                lat=r.lat,
                lon=r.lon,
                place_name=r.place_name,
                title=r.title,
                outlet=r.outlet,
                published=r.published,
            )
            for r in rows
        ]

    def find_places(self, query: PlaceQuery) -> list[PlaceHit]:
        from sitrep.store.queries import place_statement

        with self.engine.connect() as conn:
            rows = conn.execute(place_statement(conn, query)).all()
        return [
            PlaceHit(
                name=r.name,
                kind=r.kind,
                country=r.country,
                admin1=r.admin1,
                lat=r.lat,
                lon=r.lon,
                geonames_id=r.geonames_id,
                mentions=int(r.mentions),
                articles=int(r.articles),
            )
            for r in rows
        ]
