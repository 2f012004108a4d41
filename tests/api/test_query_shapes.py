"""The fast query shapes return exactly the rows of the straightforward ones.

Several filters have two equivalent SQL shapes (drive from a small candidate set, or probe row
by row in page order) and pick one by counting; each test forces both shapes on the hand-made
store and compares them with each other and with a reference computed in Python.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.api import payloads, queries
from sitrep.records import ArticleAnalysis
from sitrep.store import Store, fulltext
from sitrep.store.queries import (
    ClaimQuery,
    EventQuery,
    articles_with_place,
    claim_in_status,
    claim_statement,
    contains,
    event_in_status,
    event_statement,
)
from sitrep.store.repository import row_to_claim, row_to_event
from sitrep.store.schema import articles, claims, events, storyline_members, storylines

STATUSES = ["contested", "corroborated", "single-source"]


def _ids(store: Store, stmt: sa.Select[Any]) -> list[Any]:
    with store.engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


def test_claim_status_shapes_agree(store: Store) -> None:
    for status in STATUSES:
        with store.engine.connect() as conn:
            shapes = [
                list(
                    conn.execute(
                        sa.select(claims.c.id)
                        .where(claim_in_status(conn, status, dense))
                        .order_by(claims.c.id)
                    ).scalars()
                )
                for dense in (False, True)
            ]
            reference = sorted(
                conn.execute(
                    sa.select(claims.c.id)
                    .join(
                        storyline_members,
                        sa.and_(
                            storyline_members.c.article_id == claims.c.article_id,
                            storyline_members.c.claim_idx == claims.c.idx,
                        ),
                    )
                    .join(storylines, storylines.c.id == storyline_members.c.storyline_id)
                    .where(storylines.c.status == status)
                    .distinct()
                ).scalars()
            )
        assert shapes[0] == shapes[1] == reference
        assert reference, f"the hand-made store has {status} claims"


def test_event_status_shapes_agree(store: Store) -> None:
    seen = 0
    for status in STATUSES:
        with store.engine.connect() as conn:
            shapes = [
                list(
                    conn.execute(
                        sa.select(events.c.id)
                        .where(event_in_status(conn, status, dense))
                        .order_by(events.c.id)
                    ).scalars()
                )
                for dense in (False, True)
            ]
            member_keys = {
                (a, i)
                for a, i in conn.execute(
                    sa.select(storyline_members.c.article_id, storyline_members.c.claim_idx)
                    .join(storylines, storylines.c.id == storyline_members.c.storyline_id)
                    .where(storylines.c.status == status)
                )
            }
            reference = [
                eid
                for eid, aid, idxs in conn.execute(
                    sa.select(events.c.id, events.c.article_id, events.c.claims).order_by(events.c.id)
                )
                if any((aid, int(i)) in member_keys for i in idxs)
            ]
        assert shapes[0] == shapes[1] == reference
        seen += len(reference)
    assert seen, "the hand-made store has events in storylines"


@pytest.mark.parametrize(
    "words", ["Kramatorsk", "missile strike", "said", "the", "zzzunknownword", "Soledar"]
)
def test_article_text_shapes_agree(store: Store, items: list[ArticleAnalysis], words: str) -> None:
    with store.engine.connect() as conn:
        shapes = [
            sorted(
                conn.execute(
                    sa.select(articles.c.id).where(fulltext.article_match(conn, words, dense))
                ).scalars()
            )
            for dense in (False, True, None)
        ]
        q = fulltext.fts5_query(words)
        reference = sorted(
            conn.execute(
                sa.text("SELECT article_id FROM articles_fts WHERE articles_fts MATCH :q"), {"q": q}
            ).scalars()
        )
    assert shapes[0] == shapes[1] == shapes[2] == reference


def test_every_article_is_mapped_to_its_fts_row(store: Store, items: list[ArticleAnalysis]) -> None:
    with store.engine.connect() as conn:
        mapped = dict(conn.execute(sa.text("SELECT fts_rowid, article_id FROM articles_fts_ids")).all())
        direct = dict(conn.execute(sa.text("SELECT rowid, article_id FROM articles_fts")).all())
    assert mapped == direct
    assert sorted(mapped.values()) == sorted(a.article.id for a in items)


@pytest.mark.parametrize(
    ("place", "bbox"),
    [
        ("Kramatorsk", None),
        ("sole", None),
        ("kram", (37.0, 48.0, 39.0, 49.5)),
        (None, (37.0, 48.0, 39.0, 49.5)),
        ("nowhere at all", None),
        ("%", None),
    ],
)
def test_place_narrowing_keeps_the_rows(store: Store, place: str | None, bbox: Any) -> None:
    def claim_ids(narrow: bool) -> list[int]:
        with store.engine.connect() as conn:
            q = ClaimQuery(place=place, bbox=bbox, limit=1000, narrow=narrow)
            return [r.id for r in conn.execute(claim_statement(conn, q))]

    def article_ids(narrow: bool) -> list[str]:
        with store.engine.connect() as conn:
            f = queries.ArticleFilters(place=place, bbox=bbox)
            return [r.id for r in queries.article_rows(conn, f, None, 1000, narrow=narrow)]

    assert claim_ids(True) == claim_ids(False)
    assert article_ids(True) == article_ids(False)


def test_place_candidates_give_up_when_common(store: Store) -> None:
    with store.engine.connect() as conn:
        few = articles_with_place(conn, name="a", cap=1000)
        assert few is not None and len(few) >= 2  # "a" is in several place names
        assert articles_with_place(conn, name="a", cap=1) is None
        assert articles_with_place(conn, name="zzz nowhere") == []


def test_event_status_filter_pages_alike_in_both_shapes(store: Store) -> None:
    for status in STATUSES:
        with store.engine.connect() as conn:
            fast = [r.id for r in conn.execute(event_statement(conn, EventQuery(status=status, limit=1000)))]
            plain = [
                r.id
                for r in conn.execute(
                    event_statement(conn, EventQuery(status=status, limit=1000, narrow=False))
                )
            ]
        assert fast == plain


def test_claim_rows_render_exactly_as_the_contract(store: Store) -> None:
    with store.engine.connect() as conn:
        rows = conn.execute(claim_statement(conn, ClaimQuery(limit=1000))).all()
        ev_rows = conn.execute(event_statement(conn, EventQuery(limit=1000))).all()
    assert rows and ev_rows
    for r in rows:
        assert payloads.claim_row_json(r) == payloads.claim_to_json(row_to_claim(r))
    for e in ev_rows:
        assert payloads.event_row_json(e._asdict()) == payloads.event_to_json(row_to_event(e))


def test_claim_statement_reports_each_claims_own_storyline_status(store: Store) -> None:
    with store.engine.connect() as conn:
        rows = conn.execute(claim_statement(conn, ClaimQuery(limit=1000))).all()
        status_of = dict(conn.execute(sa.select(storylines.c.id, storylines.c.status)).all())
    with_line = [r for r in rows if r.storyline_id]
    assert {r.storyline_status for r in with_line} >= {"contested", "corroborated"}
    for r in with_line:
        assert r.storyline_status == status_of[r.storyline_id]


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)


@settings(max_examples=300, deadline=None)
@given(haystack=_TEXT, needle=_TEXT.filter(lambda s: s != ""))
def test_sqlite_like_folds_case_exactly_as_lower_does(haystack: str, needle: str) -> None:
    """Why :func:`contains` may drop ``lower()`` on SQLite: both fold the same characters."""
    engine = sa.create_engine("sqlite://")
    t = sa.table("t", sa.column("x", sa.Text))
    with engine.connect() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x TEXT)")
        conn.execute(sa.insert(t).values(x=haystack))
        fast = conn.execute(
            sa.select(sa.func.count()).select_from(t).where(contains(conn, t.c.x, needle))
        ).scalar()
        pattern = "%" + needle.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        slow = conn.execute(
            sa.select(sa.func.count()).select_from(t).where(sa.func.lower(t.c.x).like(pattern, escape="\\"))
        ).scalar()
    assert fast == slow
    assert sqlite3.sqlite_version_info >= (3, 8, 0)
