"""Migration 0006's PostgreSQL indexes exist and match the expressions the filters compile to.

An expression index serves a query only when the query's expression is the indexed one, text
for text; a filter rewritten later (a coalesce added, lower() moved) would silently go back to
scanning. With sequential scans disabled, each filter's plan must name its index (so the
planner could use it; whether it does at a given size is its cost model's call).
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from sitrep.api import queries as api_queries
from sitrep.store import Store
from sitrep.store.queries import contains, event_has_actor
from sitrep.store.schema import articles, claims, events, places

pytestmark = pytest.mark.postgres


def _plan(conn: sa.Connection, stmt: sa.Select[tuple[object, ...]]) -> str:
    """The plan with the values bound as the app binds them (a custom plan sees them)."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    return "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params))


def _index_names(conn: sa.Connection) -> set[str]:
    rows = conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ix\\_pg\\_%%'")
    return {r[0] for r in rows}


def _filter(conn: sa.Connection, table: sa.Table, cond: sa.ColumnElement[bool]) -> sa.Select[Any]:
    return sa.select(table.c.id).where(cond)


@pytest.mark.parametrize(
    ("index", "build"),
    [
        (
            "ix_pg_trgm_claims_speaker_name",
            lambda c: _filter(c, claims, contains(c, claims.c.speaker_name, "governor")),
        ),
        (
            "ix_pg_trgm_claims_speaker_text",
            lambda c: _filter(c, claims, api_queries._has(c, claims.c.speaker_text, "governor")),
        ),
        ("ix_pg_trgm_places_name", lambda c: _filter(c, places, contains(c, places.c.name, "kram"))),
        ("ix_pg_trgm_places_mention", lambda c: _filter(c, places, contains(c, places.c.mention, "kram"))),
        ("ix_pg_trgm_events_actors", lambda c: _filter(c, events, event_has_actor("Ukraine"))),
        (
            "ix_pg_claims_side",
            lambda c: _filter(c, claims, sa.func.lower(claims.c.speaker_side) == "ukraine"),
        ),
        (
            "ix_pg_trgm_articles_outlet",
            lambda c: _filter(c, articles, api_queries._has(c, articles.c.outlet, "wire")),
        ),
    ],
)
def test_each_filter_can_use_its_index(pg_url: str, index: str, build: object) -> None:
    with Store.open(pg_url) as store, store.engine.connect() as conn:
        assert index in _index_names(conn)
        conn.exec_driver_sql("SET enable_seqscan = off")
        assert index in _plan(conn, build(conn))  # type: ignore[operator]
