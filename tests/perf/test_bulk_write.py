"""The bulk write path: a constant number of statements per batch, same records on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from sitrep.analysis import Analyzer
from sitrep.ingest import IngestOptions, iter_inputs
from sitrep.records import Article, ArticleAnalysis
from sitrep.runner import run_ingest
from sitrep.samples import samples_path
from sitrep.store import Store
from sitrep.store.schema import CHILD_TABLES
from sitrep.storylines import update_store
from tests.foundation.records_factory import make_analysis


@pytest.fixture(scope="module")
def sample_analyses() -> list[ArticleAnalysis]:
    items = [i for i in iter_inputs((str(samples_path()),), IngestOptions()) if isinstance(i, Article)]
    return list(Analyzer().analyze_many(items))


def test_a_batch_costs_a_constant_number_of_statements(
    sqlite_url: str, sample_analyses: list[ArticleAnalysis]
) -> None:
    store = Store.open(sqlite_url)
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    sa.event.listen(store.engine, "before_cursor_execute", count)
    store.add_many(sample_analyses)
    batched = len(statements)
    # one INSERT for the articles, at most one per child table, and four for SQLite's full text
    # (last FTS rowid, article texts, their rowid->id map, the claims), whatever the batch size
    assert batched <= 1 + len(CHILD_TABLES) + 4, statements
    statements.clear()
    assert not any(r.inserted for r in store.add_many(sample_analyses))
    assert len(statements) == 1  # a batch of known articles is one INSERT ... ON CONFLICT DO NOTHING
    store.close()


def test_repeated_article_in_one_batch_is_stored_once(sqlite_url: str) -> None:
    a = make_analysis()
    with Store.open(sqlite_url) as store:
        results = store.add_many([a, a])
        assert [r.inserted for r in results] == [True, False]
        assert store.counts().claims == len(a.claims)
        assert store.get_analysis(a.article.id) == a


def _ingest(url: str, batch_size: int) -> dict[str, Any]:
    with Store.open(url) as store:
        stats = run_ingest(iter_inputs((str(samples_path()),), IngestOptions()), store, batch_size=batch_size)
        update_store(store, stats.new_ids)
        return {
            "analyses": list(store.iter_analyses()),
            "storylines": store.storylines(),
            "counts": store.counts(),
        }


@pytest.mark.postgres
def test_sqlite_and_postgres_store_the_same_records(sqlite_url: str, pg_url: str) -> None:
    lite = _ingest(sqlite_url, batch_size=5)
    pg = _ingest(pg_url, batch_size=64)
    assert lite["counts"].articles == 14 and lite["counts"].claims > 10
    assert pg == lite
    with Store.open(pg_url) as store:
        from sitrep.store.queries import ClaimQuery

        assert store.find_claims(ClaimQuery(search="Soledar")), "PostgreSQL full-text search sees bulk rows"
