"""The store path: articles added one by one give the batch result, touching only what changed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from sitrep.records import ArticleAnalysis, Storyline
from sitrep.store.repository import Store
from sitrep.storylines import link, rebuild_store, update_store
from sitrep.storylines.linker import Linker

from .handmade import BALLOONS, BALLOONS_2, KHERSON_RU, KHERSON_UA, SOLEDAR_RU, SOLEDAR_UA, Said, article


def corpus() -> list[ArticleAnalysis]:
    bakhmut = Said("Ukraine", "Serhiy Cherevatyi", "fierce battles were being fought in Bakhmut")
    return [
        article([SOLEDAR_RU], published="2023-01-11", outlet="Wire B"),
        article([BALLOONS], published="2023-02-15", outlet="Wire B"),
        article([KHERSON_RU], published="2022-11-11", outlet="Wire B"),
        article([SOLEDAR_UA, bakhmut], published="2023-01-12", outlet="Wire A"),
        article([BALLOONS_2], published="2023-02-16", outlet="Wire D", lead="(Reprinted from Wire B)"),
        article([KHERSON_UA], published="2022-11-12", outlet="Wire C"),
        article(
            [BALLOONS_2, BALLOONS],
            published="2023-02-16",
            outlet="Wire C",
            lead="Air raid sirens sounded across the capital for two hours on Wednesday morning.",
            tail="Schools in the city switched to remote lessons while the alert lasted.",
        ),
    ]


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(str(tmp_path / "sitrep.db"))
    yield s
    s.close()


def test_one_by_one_equals_batch(store: Store, linker: Linker) -> None:
    analyses = corpus()
    for a in analyses:
        store.add_many([a])
        update_store(store, [a.article.id], linker)
    batch = link(analyses, linker)
    stored = store.storylines()
    assert len(batch) == 3
    assert [(s.id, s.status, s.sides, s.origins, s.members) for s in stored] == [
        (s.id, s.status, s.sides, s.origins, tuple(sorted(s.members, key=lambda m: (m.article, m.claim))))
        for s in batch
    ]
    statuses = sorted(s.status for s in stored)
    assert statuses == ["contested", "corroborated", "corroborated"]


def test_reverse_order_gives_the_same_storylines(store: Store, linker: Linker) -> None:
    analyses = corpus()
    for a in reversed(analyses):
        store.add_many([a])
        update_store(store, [a.article.id], linker)
    assert [s.id for s in store.storylines()] == [s.id for s in link(analyses, linker)]


def test_repeat_update_is_a_no_op(store: Store, linker: Linker) -> None:
    analyses = corpus()
    store.add_many(analyses)
    update_store(store, [a.article.id for a in analyses], linker)
    before = store.storylines()
    update_store(store, [analyses[0].article.id], linker)
    assert store.storylines() == before


def test_articles_stored_earlier_are_picked_up(store: Store, linker: Linker) -> None:
    analyses = corpus()
    store.add_many(analyses[:-1])  # stored without linking, e.g. by an older sitrep
    store.add_many(analyses[-1:])
    update_store(store, [analyses[-1].article.id], linker)
    assert [s.id for s in store.storylines()] == [s.id for s in link(analyses, linker)]


def test_only_touched_storylines_are_rewritten(store: Store, linker: Linker) -> None:
    analyses = corpus()
    store.add_many(analyses[:-1])
    update_store(store, [a.article.id for a in analyses[:-1]], linker)
    soledar_before = next(s for s in store.storylines() if s.status == "contested")
    calls: list[list[str]] = []
    real = store.upsert_storylines

    def spy(lines: Sequence[Storyline], **kw: Any) -> None:
        calls.append([s.id for s in lines])
        real(lines, **kw)

    store.upsert_storylines = spy  # type: ignore[method-assign]
    store.add_many(analyses[-1:])
    update_store(store, [analyses[-1].article.id], linker)
    assert len(calls) == 1 and soledar_before.id not in calls[0]
    balloons = next(s for s in store.storylines() if s.id in calls[0])
    assert balloons.origins == 2  # Wire B (+ its reprint in Wire D) and Wire C


def test_rebuild_matches_batch(store: Store, linker: Linker) -> None:
    analyses = corpus()
    store.add_many(analyses)
    rebuild_store(store, linker)
    assert [s.id for s in store.storylines()] == [s.id for s in link(analyses, linker)]


@pytest.fixture(scope="module")
def samples() -> list[ArticleAnalysis]:
    """The sample corpus through the default pipeline: real claims, places, dates and events."""
    from sitrep.analysis import Analyzer
    from sitrep.evaluation.storylines import load_articles, samples_dir

    return list(Analyzer().analyze_many(load_articles(samples_dir() / "articles.jsonl")))


def _sorted(lines: Sequence[Storyline]) -> list[Storyline]:
    return [
        Storyline(
            s.id,
            s.about,
            s.status,
            tuple(sorted(s.members, key=lambda m: (m.article, m.claim))),
            dict(s.sides),
            s.origins,
            s.unverified,
        )
        for s in lines
    ]


@pytest.mark.parametrize("order", ["as published in the file", "shuffled"])
def test_samples_one_by_one_equal_a_batch_rebuild(
    tmp_path: Path, linker: Linker, samples: list[ArticleAnalysis], order: str
) -> None:
    import random

    arrivals = list(samples)
    if order == "shuffled":
        random.Random(4).shuffle(arrivals)
    with Store.open(str(tmp_path / "one_by_one.db")) as one:
        for a in arrivals:
            one.add_many([a])
            update_store(one, [a.article.id], linker)
        incremental = one.storylines()
    with Store.open(str(tmp_path / "batch.db")) as batch_store:
        batch_store.add_many(samples)
        rebuild_store(batch_store, linker)
        rebuilt = batch_store.storylines()
    batch = _sorted(link(samples, linker))
    assert len(batch) >= 6  # the sample corpus has seven cross-outlet events
    assert incremental == rebuilt == batch
