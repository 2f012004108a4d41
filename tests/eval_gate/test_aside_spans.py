"""The scorer reads a claim with a medial attribution as two content spans, as PolNeAR does."""

from __future__ import annotations

from sitrep.evaluation.attribution import predicted_attributions
from sitrep.records import Claim, Speaker


def test_the_aside_inside_a_content_is_not_scored_as_content() -> None:
    text = "The attack, he said, was planned in advance."
    claim = Claim(
        content=text[:-1],
        start=0,
        end=len(text) - 1,
        kind="indirect",
        speaker=Speaker(text="he", name="he", start=12, end=14),
        cue="said",
        cue_start=15,
        cue_end=19,
    )
    (attribution,) = predicted_attributions([claim], text)
    assert [text[s:e] for s, e in attribution.content] == ["The attack", "was planned in advance"]


def test_a_content_without_an_aside_is_one_span() -> None:
    text = "He said the attack was planned."
    claim = Claim(
        content="the attack was planned",
        start=8,
        end=30,
        kind="indirect",
        speaker=Speaker(text="He", name="He", start=0, end=2),
        cue="said",
        cue_start=3,
        cue_end=7,
    )
    (attribution,) = predicted_attributions([claim], text)
    assert attribution.content == [(8, 30)]
