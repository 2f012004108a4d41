"""A claim named by a noun in the subject of a reporter's disclaimer (session 21).

"The ministry's claims of heavy Ukrainian losses could not be verified": the ministry
claims heavy losses, unverified. The claim ends where the reporter's predicate starts, and
its speaker is the possessor, resolved like any mention ("the ministry" -> the ministry
named before), never named "ministry's"; the mention as written keeps its possessive.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The ministry's claims of heavy Ukrainian losses could not be verified.",
            "of heavy Ukrainian losses",
        ),
        ("The governor's reports of shelling could not be independently confirmed.", "of shelling"),
        (
            "The ministry's claim that 600 soldiers were killed could not be independently verified.",
            "600 soldiers were killed",
        ),
    ],
)
def test_a_disclaimed_noun_claim_ends_where_the_disclaimer_starts(run: Run, text: str, content: str) -> None:
    doc = run(text)
    (claim,) = doc._.sitrep_claims
    assert claim.content == content
    assert claim.unverified
    assert len(doc._.sitrep_disclaimers) == 1


def test_the_possessor_of_a_noun_cue_is_resolved_without_its_possessive(run: Run) -> None:
    doc = run(
        "The Russian Defence Ministry said it had destroyed a depot in Kramatorsk. "
        "The ministry's claims of heavy Ukrainian losses could not be verified."
    )
    first, second = doc._.sitrep_claims
    assert second.cue == "claims"
    assert second.speaker.text == "The ministry's"
    assert (second.speaker.name, second.speaker.side) == (first.speaker.name, "Russia")


def test_a_claim_sourced_by_according_to_ends_before_the_reporters_disclaimer(run: Run) -> None:
    text = (
        "According to Ukraine's General Staff, Russia has lost more than 140,000 troops since the "
        "start of the invasion, a figure that could not be independently verified."
    )
    (claim,) = run(text)._.sitrep_claims
    assert claim.content == "Russia has lost more than 140,000 troops since the start of the invasion"
    assert claim.unverified


@pytest.mark.parametrize(
    "text",
    [
        'Russia\'s claims are "absurd", Podolyak said.',
        "Kyiv said the Russian reports were all lies.",
        "Kyiv said the Russian claims were false.",
        'The governor called the Russian account "a fabrication".',
    ],
)
def test_words_that_reject_a_claim_make_a_denial(run: Run, text: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert claim.polarity == "deny"


def test_a_plural_claim_noun_after_a_capitalised_adjective_is_no_cue(run: Run) -> None:
    (claim,) = run("Kyiv said the Russian reports were all lies.")._.sitrep_claims
    assert (claim.speaker.name, claim.cue) == ("Ukraine", "said")


def test_a_speakers_own_could_not_confirm_is_no_reporters_disclaimer(run: Run) -> None:
    doc = run("The IAEA said it could not confirm who was responsible.")
    (claim,) = doc._.sitrep_claims
    assert claim.content == "it could not confirm who was responsible"
    assert not claim.unverified
    assert doc._.sitrep_disclaimers == []
