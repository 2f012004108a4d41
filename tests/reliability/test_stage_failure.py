"""A stage that fails on one article costs that article only: named, counted, the run goes on."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import sitrep.extract
from sitrep.errors import AnalysisError
from sitrep.records import Article, ArticleAnalysis
from sitrep.runner import run_ingest
from sitrep.store import Store

TEXTS = [
    "Kyiv's military administration said six balloons were shot down on Wednesday.",
    "BOOM. The governor said the claim does not correspond to reality.",
    "The ministry said on Telegram that its forces advanced near Kreminna.",
]


def _articles() -> list[Article]:
    return [Article.from_text(t, source=f"doc{i}.txt") for i, t in enumerate(TEXTS)]


@pytest.fixture
def broken_on_boom(monkeypatch: pytest.MonkeyPatch) -> None:
    real = sitrep.extract.doc_to_analysis

    def convert(doc: object, article: Article) -> ArticleAnalysis:
        if article.text.startswith("BOOM"):
            raise ValueError("a stage bug")
        return real(doc, article)  # type: ignore[arg-type]

    monkeypatch.setattr(sitrep.extract, "doc_to_analysis", convert)


@pytest.mark.parametrize("workers", [1, 2])
def test_one_failing_article_is_an_error_naming_it(
    tmp_path: Path, broken_on_boom: None, workers: int
) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'db.sqlite'}")
    seen: list[str] = []
    stats = run_ingest(_articles(), store, workers=workers, on_error=lambda e: seen.append(str(e)))
    assert (stats.stored, stats.failed) == (2, 1)
    assert len(seen) == 1 and "doc1.txt" in seen[0] and "S600" in seen[0] and "ValueError" in seen[0]
    assert isinstance(stats.errors[0], AnalysisError)
    assert store.has_articles([a.id for a in _articles()]) == {_articles()[0].id, _articles()[2].id}
    store.close()


def test_analysis_errors_survive_the_trip_from_a_worker() -> None:
    err = pickle.loads(pickle.dumps(AnalysisError("offsets broke", source="doc1.txt")))
    assert err.source == "doc1.txt" and "doc1.txt" in str(err)
