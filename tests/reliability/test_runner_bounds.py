"""The runner's memory bounds never cost correctness: far-apart duplicates are still stored once."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import runner
from sitrep.errors import MalformedInput
from sitrep.records import Article
from sitrep.store import Store


def test_duplicates_beyond_the_remembered_window_are_stored_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "RECENT_IDS", 2)
    monkeypatch.setattr(runner, "KEPT_ERRORS", 1)
    texts = [f"Kyiv said report {i} was verified." for i in range(5)]
    items: list[Article | MalformedInput] = [
        Article.from_text(t, source=f"t{i}") for i, t in enumerate(texts)
    ]
    items += [MalformedInput("bad", source="x"), MalformedInput("bad", source="y")]
    items += [Article.from_text(texts[0], source="again"), Article.from_text(texts[4], source="again")]
    with Store.open(str(tmp_path / "s.sqlite")) as store:
        stats = runner.run_ingest(items, store, batch_size=2)
        assert store.counts().articles == 5
    assert stats.stored == 5 and stats.failed == 2 and len(stats.errors) == 1
    # texts[0] is outside the 2-id window: the store caught it; texts[4] was inside it.
    assert stats.duplicates_in_input == 1 and stats.already_stored == 1
