"""The scorer reads a claim with a medial attribution as two content spans, as PolNeAR does."""

from __future__ import annotations

import re

from sitrep.evaluation.attribution import Attribution, predicted_attributions
from sitrep.records import Claim, Speaker


def _scored(text: str, content: str, speaker: str, cue: str) -> Attribution:
    """The attribution the scorer makes of one claim, with its spans found in ``text``."""
    start = text.index(content)
    who = re.search(rf"\b{speaker}\b", text).start()  # type: ignore[union-attr]
    said = text.index(cue, who)
    claim = Claim(
        content=content,
        start=start,
        end=start + len(content),
        kind="indirect",
        speaker=Speaker(text=speaker, name=speaker, start=who, end=who + len(speaker)),
        cue=cue,
        cue_start=said,
        cue_end=said + len(cue),
    )
    (attribution,) = predicted_attributions([claim], text)
    return attribution


def test_the_aside_inside_a_content_is_not_scored_as_content() -> None:
    text = "The attack, he said, was planned in advance."
    attribution = _scored(text, text[:-1], "he", "said")
    assert [text[s:e] for s, e in attribution.content] == ["The attack", "was planned in advance"]


def test_a_content_without_an_aside_is_one_span() -> None:
    text = "He said the attack was planned."
    attribution = _scored(text, "the attack was planned", "He", "said")
    assert attribution.content == [(8, 30)]
