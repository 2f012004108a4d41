"""A reporter's aside after a claim is a second claim on the same content.

"The Wagner group said it had taken the village, a claim Kyiv denied" holds two sides: the
group asserts, Kyiv denies. Both are claims with the same content, so the storyline stage
can mark the pair contested.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "speaker", "polarity"),
    [
        ("The Wagner group said it had taken the village, a claim Kyiv denied.", "Kyiv", "deny"),
        ("The Wagner group said it had taken the village, a claim denied by Kyiv.", "Kyiv", "deny"),
        ("The Wagner group said it had taken the village, which Kyiv denied.", "Kyiv", "deny"),
        (
            "The Wagner group said it had taken the village, a claim rejected by Ukraine's military.",
            "Ukraine's military",
            "deny",
        ),
        (
            "The ministry said 20 drones were shot down, a figure confirmed by the city's mayor.",
            "the city's mayor",
            "assert",
        ),
    ],
)
def test_an_aside_after_a_claim_is_a_claim_on_the_same_content(
    run: Run, text: str, speaker: str, polarity: str
) -> None:
    first, second = run(text)._.sitrep_claims
    assert first.polarity == "assert"
    assert (second.speaker.text, second.polarity) == (speaker, polarity)
    assert second.content == first.content
    assert "," not in first.content  # the aside is not part of what was claimed


def test_the_aside_gives_the_denier_its_side(run: Run) -> None:
    sides = [
        c.speaker.side
        for c in run("Russia said it had taken the village, a claim Kyiv denied.")._.sitrep_claims
    ]
    assert sides == ["Russia", "Ukraine"]


def test_a_relative_clause_that_denies_nothing_stays_in_the_claim(run: Run) -> None:
    claims = run("The ministry said the strike hit a depot, which is near the border.")._.sitrep_claims
    assert [c.content for c in claims] == ["the strike hit a depot, which is near the border"]
