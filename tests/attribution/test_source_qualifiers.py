"""Unnamed sources qualified by what they know, and a second speaker after ", and".

Wire copy cites people it cannot name by what they know or are near: "said a source
familiar with the matter", "a person with knowledge of the talks told Reuters". The
preposition of such a qualifier used to end the speaker phrase, so the claim went to
"a source", to "a Western official familiar", or was lost altogether (after a quote with
", who spoke on condition of anonymity", and in "S, a source familiar with the matter
said."). The qualifiers are lexicon data (``function_words.tsv``, class ``qualifier``).
Written as wire-style sentences; found by reading sitrep's output on such sentences.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"It is over," said a source with knowledge of the matter.',
            "a source with knowledge of the matter",
        ),
        (
            '"They will attack," said a Western official familiar with the intelligence.',
            "a Western official familiar with the intelligence",
        ),
        ('"It is over," said two sources close to the ministry.', "two sources close to the ministry"),
        (
            "The talks have stalled, a source familiar with the matter said.",
            "a source familiar with the matter",
        ),
        ("The talks have stalled, a source close to the matter said.", "a source close to the matter"),
        (
            "The talks have stalled, according to a source familiar with the matter.",
            "a source familiar with the matter",
        ),
        (
            "A source familiar with the matter said the talks had stalled.",
            "A source familiar with the matter",
        ),
        # a bare plural with a qualifier, with no article to mark it a noun phrase
        (
            "The talks have stalled, officials familiar with the negotiations said.",
            "officials familiar with the negotiations",
        ),
        # the cue model's "briefed" opens the qualifier; the report is "said"
        (
            "The talks have stalled, officials briefed on the negotiations said.",
            "officials briefed on the negotiations",
        ),
    ],
)
def test_a_qualified_source_is_the_whole_phrase(run: Run, text: str, speaker: str) -> None:
    (c,) = run(text)._.sitrep_claims
    assert c.speaker.text == speaker
    assert c.content in (
        "It is over,",
        "They will attack,",
        "The talks have stalled",
        "the talks had stalled",
    )


def test_a_qualified_source_told_a_medium(run: Run) -> None:
    (c,) = run(
        "The talks have stalled, two people familiar with the matter told Reuters on Tuesday."
    )._.sitrep_claims
    assert (c.speaker.text, c.cue, c.channel, c.content) == (
        "two people familiar with the matter",
        "told",
        "Reuters",
        "The talks have stalled",
    )


def test_a_quote_from_a_qualified_source_who_spoke_anonymously_is_a_claim(run: Run) -> None:
    text = '"It is over," said a person familiar with the talks, who spoke on condition of anonymity.'
    (c,) = run(text)._.sitrep_claims
    assert c.kind == "direct" and c.content == "It is over,"
    assert c.speaker.text.startswith("a person familiar with the talks")


def test_a_qualifier_needs_a_person_noun_before_it(run: Run) -> None:
    # "close to" after a name or a place is no qualifier of a source
    (c,) = run("Russia is close to the border, officials said.")._.sitrep_claims
    assert (c.speaker.text, c.content) == ("officials", "Russia is close to the border")


def test_a_second_speaker_named_by_role_after_and_opens_a_claim(run: Run) -> None:
    text = "Officials said the city was calm, and now some officials are warning that shelling could resume."
    first, second = run(text)._.sitrep_claims
    assert (first.cue, first.content) == ("said", "the city was calm")
    assert (second.speaker.text, second.content) == ("some officials", "shelling could resume")
