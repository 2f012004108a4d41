"""What a source withholds, and speech reported in an absolute "with" clause.

"Moscow has not said how many of its soldiers have died" and "..., without saying where the
others hit" claim nothing; "Peskov declined to say whether ..." and "a claim Ukraine's
military did not immediately confirm" are refusals, not claims, and the aside is no part of
the claim before it. "..., with Peskov telling reporters that ..." reports what Peskov said.
"Neither side's claims could be verified" covers the claims of both sides. Written as
wire-style text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


def test_a_withheld_answer_is_no_claim(run: Run) -> None:
    doc = run(
        "Moscow has not said how many of its soldiers have died, but Western estimates put the "
        "figure in the tens of thousands."
    )
    assert [c.cue for c in doc._.sitrep_claims] == []


def test_declining_to_say_is_a_refusal(run: Run) -> None:
    doc = run("Peskov declined to say whether Putin would attend the summit.")
    assert doc._.sitrep_claims == []
    assert [d.kind for d in doc._.sitrep_disclaimers] == ["no-comment"]


def test_an_unconfirmed_aside_ends_the_claim(run: Run) -> None:
    doc = run(
        "Russia's defence ministry claimed its troops had taken the village of Novohrodivka, a claim "
        "Ukraine's military did not immediately confirm."
    )
    (c,) = doc._.sitrep_claims
    assert (c.speaker.side, c.content) == ("Russia", "its troops had taken the village of Novohrodivka")
    assert [d.kind for d in doc._.sitrep_disclaimers] == ["no-comment"]


def test_speech_in_a_with_clause_is_a_claim(run: Run) -> None:
    doc = run(
        "The Kremlin said on Tuesday it saw no prospects for talks, with Peskov telling reporters that "
        "Kyiv had closed the door."
    )
    assert [(c.speaker.name, c.cue, c.content, c.channel) for c in doc._.sitrep_claims] == [
        ("Kremlin", "said", "it saw no prospects for talks", None),
        ("Dmitry Peskov", "telling", "Kyiv had closed the door", "reporters"),
    ]
    # a participle with no clause after it is still the background it was
    assert (
        run("The offensive stalled, with Kyiv describing the situation as difficult.")._.sitrep_claims == []
    )


def test_what_a_source_left_unsaid_after_without_is_no_claim(run: Run) -> None:
    # session 23: "without saying where" was the military's claim "where the others hit",
    # and "without saying that ..." its claim that the village had fallen
    for text in (
        "Ukraine's military said on Sunday it had shot down 14 of 18 drones launched overnight, "
        "without saying where the others hit.",
        "The ministry said troops had advanced, without saying that the village had fallen.",
    ):
        (c,) = run(text)._.sitrep_claims
        assert c.cue == "said"


def test_the_reporters_without_clause_ends_the_claim(run: Run) -> None:
    for text, content in (
        (
            "The ministry said troops had retreated, without specifying from which positions.",
            "troops had retreated",
        ),
        ("The governor said two people died, without giving details.", "two people died"),
        # a "without" that is no verb of saying or giving stays in what was said
        (
            "The minister said the army would be paid, without raising taxes.",
            "the army would be paid, without raising taxes",
        ),
    ):
        (c,) = run(text)._.sitrep_claims
        assert c.content == content


@pytest.mark.parametrize(
    ("disclaimer", "flags"),
    [
        ("Neither side's battlefield claims could be independently verified.", [True, True]),
        # a disclaimer about one side's report still covers that side alone
        ("Reuters could not verify the Ukrainian report.", [False, True]),
    ],
)
def test_neither_sides_claims_verified_covers_both_sides(
    run: Run, disclaimer: str, flags: list[bool]
) -> None:
    doc = run(
        "Russia's defence ministry said its forces had taken the village. Ukraine's military said "
        f"the attack had been repelled. {disclaimer}"
    )
    assert [c.speaker.side for c in doc._.sitrep_claims] == ["Russia", "Ukraine"]
    assert [c.unverified for c in doc._.sitrep_claims] == flags
    assert [d.kind for d in doc._.sitrep_disclaimers] == ["unverified"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia said Ukraine had shelled the plant, without providing evidence.",
        "Russia said Ukraine had shelled the plant. It did not provide evidence for the claim.",
    ],
)
def test_a_claim_the_reporter_says_came_without_evidence_is_unverified(run: Run, text: str) -> None:
    doc = run(text)
    (c,) = doc._.sitrep_claims
    assert (c.content, c.unverified) == ("Ukraine had shelled the plant", True)
    assert [d.kind for d in doc._.sitrep_disclaimers] == ["no-evidence"]


def test_evidence_inside_what_was_said_is_the_speakers_own(run: Run) -> None:
    text = "The ministry said Kyiv had not provided any evidence of Russian shelling."
    (c,) = run(text)._.sitrep_claims
    assert (c.content, c.unverified) == ("Kyiv had not provided any evidence of Russian shelling", False)
    # "cited no evidence" reports what a report found, and stays a claim (PolNeAR train)
    (c,) = run("The inspector's report cited no evidence that the order came from Kyiv.")._.sitrep_claims
    assert c.cue == "cited" and not c.unverified
