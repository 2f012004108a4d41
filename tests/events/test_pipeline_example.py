"""End to end on the shared example article: its four expected events, with the full pipeline."""

from __future__ import annotations

import importlib.util
import json

import pytest

from sitrep.analysis import Analyzer
from sitrep.records import Article
from tests.conftest import EXAMPLE_GOLD, EXAMPLE_TXT

STAGES = ("sitrep.stages.places", "sitrep.stages.attribution", "sitrep.stages.quantities")
pytestmark = pytest.mark.skipif(
    not EXAMPLE_TXT.is_file() or any(importlib.util.find_spec(m) is None for m in STAGES),
    reason="needs the shared example and every earlier stage",
)


def test_example_article_codes_its_four_events() -> None:
    gold = json.loads(EXAMPLE_GOLD.read_text(encoding="utf-8"))
    text = EXAMPLE_TXT.read_text(encoding="utf-8")
    analysis = Analyzer().analyze(Article.from_text(text, published=gold["article"]["published"]))
    ours = [
        (
            e.type,
            e.sub_type,
            analysis.places[e.place].name if e.place is not None else None,
            e.date,
            set(e.actors),
        )
        for e in analysis.events
    ]
    expected = [(g["type"], g["sub_type"], g["place"], g["date"], set(g["actors"])) for g in gold["events"]]
    assert ours == expected
    kyiv = analysis.events[1]
    assert analysis.claims[kyiv.asserted_by[0]].content.startswith("six Russian balloons")
    luhansk = analysis.events[0]
    assert luhansk.denied_by and all(analysis.claims[i].polarity == "deny" for i in luhansk.denied_by)
