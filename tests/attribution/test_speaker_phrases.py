"""Speaker phrases and cue spans in wire copy about the war (session 20).

A role phrase may open on a capitalised demonym ("The Russian-installed governor of
Zaporizhzhia region, Yevgeny Balitsky,"); an aside between speaker and verb may name a
document or a medium ("in a statement on Telegram"); a tagged cue span may not end on a
preposition it leaves without its object ("said on" of "said on Sunday").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from sitrep.attribution.cues import CueMatch
from sitrep.attribution.extractor import _extent
from sitrep.attribution.lexicon import CueEntry, load_lexicons

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        (
            "The Russian-installed governor of Zaporizhzhia region, Yevgeny Balitsky, "
            "said on Sunday that evacuations had begun.",
            "Yevgeny Balitsky",
            "Russia",
        ),
        (
            "The Russian-installed governor, Yevgeny Balitsky, said evacuations had begun.",
            "Yevgeny Balitsky",
            "Russia",
        ),
        (
            "Ukraine's defence minister, Oleksii Reznikov, said the tanks would arrive in March.",
            "Oleksii Reznikov",
            "Ukraine",
        ),
    ],
)
def test_a_role_phrase_before_the_name_gives_the_name(run: Run, text: str, name: str, side: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert (claim.speaker.name, claim.speaker.side, claim.speaker.type) == (name, side, "PERSON")
    assert claim.speaker.text is not None and claim.speaker.text.endswith(name.split()[-1])


def test_a_name_after_a_title_stays_a_name(run: Run) -> None:
    (claim,) = run("President Zelenskiy, Ukraine's leader, said the army would hold.")._.sitrep_claims
    assert claim.speaker.name == "Volodymyr Zelenskiy"


@pytest.mark.parametrize(
    ("text", "speaker", "channel"),
    [
        (
            "Russia's defence ministry, in a statement on Telegram, said its forces had repelled attacks.",
            "Russia's defence ministry",
            "Telegram",
        ),
        (
            "Ukrainian President Volodymyr Zelenskiy, in his nightly video address, vowed to fight on.",
            "Ukrainian President Volodymyr Zelenskiy",
            "video",
        ),
    ],
)
def test_an_aside_naming_a_document_or_medium_is_no_part_of_the_speaker(
    run: Run, text: str, speaker: str, channel: str
) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert (claim.speaker.text, claim.channel) == (speaker, channel)


def test_an_aside_naming_a_person_or_body_stays_in_the_speaker(run: Run) -> None:
    (claim,) = run(
        "Serhiy Cherevatyi, spokesperson for Ukraine's eastern military command, told Ukrainian TV "
        "that the Russians had not broken through."
    )._.sitrep_claims
    assert claim.speaker.text == "Serhiy Cherevatyi, spokesperson for Ukraine's eastern military command"


def _said(text: str) -> CueMatch:
    start = text.index("said")
    return CueMatch(start, start + 4, CueEntry("said", "say", "assert", "speech"))


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        ("The governor said on Sunday that the town was hit.", "said on", "said"),
        ("The governor said in a statement that the town was hit.", "said in", "said"),
        ("The governor said in his address that the town was hit.", "said in his", "said"),
        ("The governor has said that the town was hit.", "has said", "has said"),
        ("The governor said of the attack that it was planned.", "said of", "said of"),
    ],
)
def test_a_tagged_cue_span_never_ends_on_a_preposition_it_leaves_without_its_object(
    text: str, tagged: str, expected: str
) -> None:
    start = text.index(tagged)
    content = text.index("that ") + 5
    cut = load_lexicons().word_class("cue_cut")
    lo, hi = _extent(text, _said(text), [(start, start + len(tagged))], content, len(text) - 1, None, cut)
    assert text[lo:hi] == expected


def test_what_a_speaker_describes_as_something_is_their_claim(run: Run) -> None:
    claims = run("The strike hit what Kyiv described as a field hospital.")._.sitrep_claims
    assert [(c.speaker.text, c.content) for c in claims] == [("Kyiv", "as a field hospital")]


def test_a_relative_clause_closing_on_a_quote_stays_with_its_speaker(run: Run) -> None:
    claims = run("Peskov, who called the report “absurd,” said the talks had stalled.")._.sitrep_claims
    said = [c for c in claims if c.cue == "said"]
    assert [(c.speaker.text, c.speaker.name, c.content) for c in said] == [
        ("Peskov, who called the report “absurd,”", "Dmitry Peskov", "the talks had stalled")
    ]
