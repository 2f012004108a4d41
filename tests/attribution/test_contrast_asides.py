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


@pytest.mark.parametrize(
    "denial",
    ["Kyiv denied the claim.", "Kyiv denied these reports.", "Kyiv denied the report on Tuesday."],
)
def test_a_denial_of_the_claim_before_it_takes_that_claim_s_content(run: Run, denial: str) -> None:
    first, second = run(f"Russia said it had taken the village. {denial}")._.sitrep_claims
    assert (second.speaker.text, second.polarity) == ("Kyiv", "deny")
    assert (second.content, second.start, second.end) == (first.content, first.start, first.end)


@pytest.mark.parametrize(
    "denial",
    [
        'Kyiv called the claim "a lie".',
        "Kyiv called the report “fake”.",
        'Kyiv called these reports "nonsense".',
    ],
)
def test_a_denying_name_given_to_the_claim_before_it_denies_that_claim(run: Run, denial: str) -> None:
    first, second = run(f"Russia said it had taken the village. {denial}")._.sitrep_claims
    assert (second.speaker.name, second.cue, second.stance, second.polarity) == (
        "Ukraine",
        "called",
        "deny",
        "deny",
    )
    assert (second.content, second.start, second.end) == (first.content, first.start, first.end)


@pytest.mark.parametrize(
    "text",
    [
        'Russia said it had taken the village. Kyiv called the claim "important".',
        'Kyiv called the offensive "a failure".',
    ],
)
def test_a_name_that_denies_nothing_or_names_no_claim_keeps_its_words(run: Run, text: str) -> None:
    named = [c for c in run(text)._.sitrep_claims if c.cue == "called"]
    assert [c.polarity for c in named] == ["assert"]
    assert named[0].content.startswith("the ")


def test_the_day_of_a_pointing_denial_dates_it(run: Run) -> None:
    claims = run("Russia said it had taken the village. Kyiv denied the report on Tuesday.")._.sitrep_claims
    assert claims[1].said_on == "2023-02-14"


def test_a_pointing_denial_with_no_claim_close_before_it_keeps_its_words(run: Run) -> None:
    text = "Russia said it had taken the village. The weather was cold. Kyiv denied the claim."
    assert [c.content for c in run(text)._.sitrep_claims] == ["it had taken the village", "the claim"]
    assert [c.content for c in run("Moscow denied the report.")._.sitrep_claims] == ["the report"]
