"""Speakers at the edges of what the resolver and the phrase rules know.

A claim whose speaker is a pronoun with nobody named before it was still made; the
appositive after an inverted speaker may start with a party and state or an age; and a
"told" whose hearer is a longer noun phrase still reports the clause after it, even when
that clause ends in a demonstrative "that".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


def test_unresolved_pronoun_keeps_the_claim_without_a_guessed_name(run: Run) -> None:
    claims = run("“I’m a free American,” he said.")._.sitrep_claims
    assert [(c.speaker.text, c.speaker.name, c.cue, c.content) for c in claims] == [
        ("he", "he", "said", "I’m a free American,")
    ]
    speaker = claims[0].speaker
    assert speaker.type == "PERSON"
    assert speaker.side is None  # never guessed
    assert (speaker.start, speaker.end) == (23, 25)


def test_unresolved_pronoun_does_not_hide_a_later_antecedent(run: Run) -> None:
    text = (
        "“We will hold the line,” he said. "
        "Ukraine's defence minister Oleksii Reznikov said on Tuesday the front was stable. "
        "He said reinforcements had arrived."
    )
    claims = run(text)._.sitrep_claims
    by_content = {c.content: c.speaker for c in claims}
    assert by_content["We will hold the line,"].name == "he"
    # the second "He" finds the minister, not the unresolved "he" before him
    assert by_content["reinforcements had arrived"].name == by_content["the front was stable"].name
    assert by_content["reinforcements had arrived"].side == "Ukraine"


def test_relative_pronoun_with_nobody_before_it_makes_no_claim(run: Run) -> None:
    assert run("Who said the bridge was hit is unclear.")._.sitrep_claims == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"It is a good day," said Peter Hart, 25, a bank employee from Kharkiv.',
            "Peter Hart, 25, a bank employee from Kharkiv",
        ),
        (
            '"We need more air defence," said Rep. Jim Clyburn (D-S.C.), a member of the House leadership.',
            "Rep. Jim Clyburn (D-S.C.), a member of the House leadership",
        ),
        ('"It is a good day," said Peter Hart, 25.', "Peter Hart, 25"),
        # a capitalised word after the comma is no description: the name stands alone
        ('"It is a good day," said Peter Hart, Reuters reported.', "Peter Hart"),
    ],
)
def test_appositive_after_an_inverted_speaker(run: Run, text: str, speaker: str) -> None:
    claims = run(text)._.sitrep_claims
    assert claims and claims[0].speaker.text == speaker
    assert claims[0].speaker.name.startswith(("Peter Hart", "Jim Clyburn"))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ryan told a news conference they are planting the seeds to accomplish that.",
            "they are planting the seeds to accomplish that",
        ),
        (
            "Ryan told reporters they are “planting the seeds” to accomplish that.",
            "they are “planting the seeds” to accomplish that",
        ),
        # a complementiser before the pronoun still opens the clause
        (
            "Ryan told a news conference that they are planting the seeds.",
            "they are planting the seeds",
        ),
    ],
)
def test_told_a_longer_hearer_then_a_clause(run: Run, text: str, content: str) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.cue, c.content) for c in claims] == [("Ryan", "told", content)]


def test_second_verb_of_a_coordination_keeps_the_subject(run: Run) -> None:
    # two cue entries ("later tweeted", "tweeted") find the same first claim; the "said"
    # after "and" inherits its speaker from whichever of the twins is kept
    text = "Fields later tweeted a photograph of her bruised forearm and said she had been yanked backward."
    claims = run(text)._.sitrep_claims
    said = [c for c in claims if c.cue == "said"]
    assert [(c.speaker.name, c.content) for c in said] == [("Fields", "she had been yanked backward")]
