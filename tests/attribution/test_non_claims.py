"""Sentences that look like claims and make none: to dismiss a person removes them from
office (to dismiss a report denies it), and a negated subject ("No group has claimed")
names no speaker, nor does the free relative "what" ("what the ministry said about the
strike" reports no statement).

"Zelenskiy dismissed Defence Minister Oleksii Reznikov" is common in war reporting and was
read as a denial by Zelenskiy whose content was the minister's name.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    "text",
    [
        # dismissing a person
        "Zelenskiy dismissed Defence Minister Oleksii Reznikov on Sunday.",
        "Zelenskiy dismissed the commander of the joint forces, Eduard Moskalyov, on Sunday.",
        "Putin dismissed his defence minister in May.",
        "The president dismissed four governors in February.",
        # a negated subject
        "No group has claimed responsibility for the blast.",
        "No one has claimed responsibility for the blast.",
        "Nobody said the bridge was hit.",
        "None of the officials said the bridge was hit.",
        # "what" as the verb's object: the words after it say what the report was about
        "The report contradicts what the ministry said about the strike.",
        "That was what the governor said when he resigned in 2014.",
        "What worries the army is that the bridge will fall.",
    ],
)
def test_sentences_that_make_no_claim(run: Run, text: str) -> None:
    assert run(text)._.sitrep_claims == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The Kremlin dismissed the report as fake.", "the report as fake"),
        ("The ministry dismissed the allegations.", "the allegations"),
        (
            "Moscow dismissed claims that its troops had shelled the plant.",
            "claims that its troops had shelled the plant",
        ),
    ],
)
def test_dismissing_a_report_is_a_denial(run: Run, text: str, content: str) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.cue, c.content, c.polarity) for c in claims] == [("dismissed", content, "deny")]


def test_the_noun_after_a_verb_of_denial_is_its_object_not_a_second_cue(run: Run) -> None:
    claims = run("Kyiv denied reports that its forces had withdrawn from the town.")._.sitrep_claims
    assert [(c.speaker.text, c.cue, c.polarity) for c in claims] == [("Kyiv", "denied", "deny")]


def test_a_capitalised_modifier_is_no_name(run: Run) -> None:
    assert [c.polarity for c in run("Kyiv dismissed the Russian figure.")._.sitrep_claims] == ["deny"]
    assert run("Zelenskiy dismissed Ukraine's top commander on Thursday.")._.sitrep_claims == []


def test_a_name_that_starts_like_no_is_a_speaker(run: Run) -> None:
    assert [c.speaker.text for c in run("Norway said the bridge was hit.")._.sitrep_claims] == ["Norway"]
