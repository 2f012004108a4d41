"""Quotes whose source comes after "according to", and names given in quotes by a verb
coordinated with another ("visited ... and called the town “fortress Bakhmut”").

Found reading PolNeAR train claims the rules missed (session 20).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            '"We are holding the line," according to the General Staff.',
            "the General Staff",
            "We are holding the line,",
        ),
        (
            "“The bridge is closed to traffic,” according to Crimea's Russian-installed governor.",
            "Crimea's Russian-installed governor",
            "The bridge is closed to traffic,",
        ),
        (
            "''There has been a reinvigorated engagement,'' according to a senior administration official.",
            "a senior administration official",
            "There has been a reinvigorated engagement,",
        ),
    ],
)
def test_a_quote_opening_its_sentence_then_according_to_is_that_sources_direct_claim(
    run: Run, text: str, speaker: str, content: str
) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.kind, c.content, c.cue) for c in claims] == [
        (speaker, "direct", content, "according to")
    ]


def test_the_source_after_a_quote_keeps_its_side(run: Run) -> None:
    (claim,) = run(
        '"Russian forces shelled the town overnight," '
        "according to the General Staff of Ukraine's armed forces."
    )._.sitrep_claims
    assert claim.speaker.side == "Ukraine"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The visit became ''the high-water mark in their relationship,'' according to Mr. Rhodes.",
            "The visit became ''the high-water mark in their relationship,''",
        ),
        (
            "The offensive had stalled “along the whole front,” according to the ministry.",
            "The offensive had stalled “along the whole front,”",
        ),
    ],
)
def test_a_quoted_fragment_closing_on_a_comma_before_according_to_stays_in_a_mixed_claim(
    run: Run, text: str, content: str
) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.kind, c.content) for c in claims] == [("mixed", content)]


def test_a_quote_with_its_own_verb_keeps_it_and_according_to_adds_the_document(run: Run) -> None:
    # "according to the transcript" reports the sentence; the quote stays the speaker's
    claims = run('"We will win," he said, according to the transcript.')._.sitrep_claims
    assert sorted((c.speaker.text, c.content) for c in claims) == [
        ("he", "We will win,"),
        ("the transcript", '"We will win," he said'),
    ]


def test_according_to_after_a_quote_that_closes_on_a_full_stop_is_no_source(run: Run) -> None:
    # the quote ended its sentence; "according to" then opens a new one of its own
    claims = run('"We will win." According to the ministry, the town was taken.')._.sitrep_claims
    assert [(c.speaker.text, c.content) for c in claims] == [("the ministry", "the town was taken")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Zelenskiy visited Bakhmut on Tuesday and called the town “fortress Bakhmut”.",
            "Volodymyr Zelenskiy",
            "the town “fortress Bakhmut”",
        ),
        (
            "Carson took the stage in Baltimore and called the political system “rotten to the core.”",
            "Carson",
            "the political system “rotten to the core.”",
        ),
    ],
)
def test_a_naming_verb_after_and_shares_the_sentences_subject(
    run: Run, text: str, speaker: str, content: str
) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.name, c.cue, c.content) for c in claims] == [(speaker, "called", content)]


def test_a_name_in_doubled_apostrophes_is_given_whole(run: Run) -> None:
    claims = run(
        "Not paying taxes is smart, Donald J. Trump said. His surrogates called him ''a genius''."
    )._.sitrep_claims
    named = [c for c in claims if c.cue == "called"]
    assert [(c.speaker.text, c.content) for c in named] == [("His surrogates", "him ''a genius''")]
    claims = run("Valeant is a punching bag. Hillary Clinton called it ''predatory.''")._.sitrep_claims
    assert [(c.speaker.text, c.content) for c in claims] == [("Hillary Clinton", "it ''predatory.''")]


def test_a_citation_between_subject_and_verb_is_never_inverted_nor_a_claim(run: Run) -> None:
    # "citing X": X is what the speaker cites, not who speaks; the claim is the main verb's
    claims = run(
        "The ministry, citing intelligence reports, said Russia was preparing a new offensive."
    )._.sitrep_claims
    assert [(c.speaker.text, c.cue, c.content) for c in claims] == [
        ("The ministry", "said", "Russia was preparing a new offensive")
    ]
    claims = run(
        "Mr. Manafort, citing ''the unique magic of Trump,'' said the candidate could win."
    )._.sitrep_claims
    assert [(c.cue, c.content) for c in claims] == [("said", "the candidate could win")]
    (claim,) = run("Haidai, citing local officials, said 12 people were killed.")._.sitrep_claims
    assert (claim.speaker.text, claim.speaker.name) == ("Haidai", "Serhiy Haidai")


def test_a_citation_closing_the_sentence_is_a_claim_of_its_own(run: Run) -> None:
    claims = run(
        "Analysts said the talks had stalled, citing the importance of the port. Both parties agreed."
    )._.sitrep_claims
    assert [(c.speaker.text, c.cue) for c in claims] == [("Analysts", "said"), ("Analysts", "citing")]


def test_a_participle_between_subject_and_verb_ends_at_the_comma_before_the_verb(run: Run) -> None:
    claims = run("Peskov, speaking to reporters, said the talks had stalled.")._.sitrep_claims
    assert [(c.speaker.text, c.content) for c in claims] == [("Peskov", "the talks had stalled")]


def test_a_participle_after_an_inverted_attribution_keeps_the_speaker(run: Run) -> None:
    claims = run(
        "“This is in their consciousness,” said Caddell, speaking of Clinton’s health issue."
    )._.sitrep_claims
    assert {c.speaker.text for c in claims} == {"Caddell"}


def test_a_quoted_name_closing_on_a_comma_ends_there(run: Run) -> None:
    claims = run("Peskov, who called the report “absurd,” said the talks had stalled.")._.sitrep_claims
    named = [c for c in claims if c.cue == "called"]
    assert [(c.speaker.name, c.content) for c in named] == [("Dmitry Peskov", "the report “absurd,”")]
