"""Wording of military and government releases that gave wrong speakers or cues.

Found by reading sitrep's claims on the re3d releases (CENTCOM, UK Government, State
Department); the sentences here are written for the tests in the same shapes.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

Run = Callable[..., Doc]


def _claims(run: Run, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(c.speaker.text, c.cue, c.content) for c in run(text)._.sitrep_claims]


@pytest.mark.parametrize("verb", ["released", "issued"])
def test_the_following_statement_is_the_cue_of_the_quote_after_its_colon(run: Run, verb: str) -> None:
    text = (
        f"Gen. Jane Roe, commander of the task force, {verb} the following statement today:\n\n"
        '"We mourn the loss of a soldier who was killed in an accident near the base."'
    )
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.cue, c.kind) for c in claims] == [
        ("Gen. Jane Roe, commander of the task force", f"{verb} the following statement", "direct")
    ]


@pytest.mark.parametrize("rank", ["Spc.", "Pfc.", "Cpl.", "Pvt."])
def test_an_army_rank_keeps_the_name_after_its_period(run: Run, rank: str) -> None:
    text = (
        f"“We trained with them for two weeks before the exercise,” said {rank} Maria Lopez, "
        "a gunner from Ohio."
    )
    assert [s for s, _, _ in _claims(run, text)] == [f"{rank} Maria Lopez, a gunner from Ohio"]


def test_a_noun_before_said_after_an_article_is_the_speaker(run: Run) -> None:
    text = "The release said the two commanders discussed the next phase of the offensive."
    assert _claims(run, text) == [
        ("The release", "said", "the two commanders discussed the next phase of the offensive")
    ]


def test_reports_of_something_are_a_noun_not_a_verb_of_saying(run: Run) -> None:
    text = (
        "UN monitors have received reports of abuses being committed by militia fighters "
        "as government forces close in on the city."
    )
    assert all(cue != "reports" for _, cue, _ in _claims(run, text))


def test_an_auxiliary_with_not_is_never_a_cue_alone(run: Run) -> None:
    text = (
        "The task force does not report the number or type of aircraft employed in a strike, the "
        "number of munitions dropped in each strike, or the number of munition impacts on a target."
    )
    assert all(cue not in ("does not", "does") for _, cue, _ in _claims(run, text))


def test_an_infinitive_takes_no_speaker_from_the_words_before_it(run: Run) -> None:
    text = (
        "In March we will bring together foreign ministers in Paris to identify long-term "
        "solutions to help address the needs of those displaced by the war."
    )
    assert _claims(run, text) == []


def test_words_after_an_auxiliary_are_a_verb_object_unless_a_determiner_opens_a_subject(run: Run) -> None:
    text = "The minister is seizing upon a New York Times report that the convoy was hit by drones."
    assert [(s, cue) for s, cue, _ in _claims(run, text)] == [("a New York Times", "report")]


def test_a_second_speaker_after_comma_and_opens_a_claim_of_their_own(run: Run) -> None:
    text = (
        "Governor Olena Marchuk has vowed to rebuild the bridge and reopen the road to the port, "
        "and Mayor Ivan Petrenko is promising to restore power to the district within a week."
    )
    assert [(s, cue, content) for s, cue, content in _claims(run, text)] == [
        ("Governor Olena Marchuk", "has vowed", "to rebuild the bridge and reopen the road to the port"),
        ("Mayor Ivan Petrenko", "is promising", "to restore power to the district within a week"),
    ]


def test_a_progressive_of_tell_keeps_its_hearer_out_of_the_content(run: Run) -> None:
    text = "The general is telling a veterans group that the army is “depleted” after a year of fighting."
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.cue) for c in claims] == [("The general", "is telling")]
    assert claims[0].content.startswith("the army is")


def test_an_appositive_missing_its_closing_comma_keeps_the_name(run: Run) -> None:
    text = 'Gen. Jane Roe, commander of the northern task force said, "We have been clear from the outset."'
    assert [(s, cue) for s, cue, _ in _claims(run, text)] == [
        ("Gen. Jane Roe, commander of the northern task force", "said")
    ]


def test_a_place_before_plural_officials_is_not_their_name(run: Run) -> None:
    assert [s for s, _, _ in _claims(run, "In Kharkiv, officials said the city was calm.")] == ["officials"]


@pytest.mark.parametrize(
    "text",
    [
        "The government has previously neither confirmed nor denied that it carries out strikes in Syria.",
        "The Kremlin neither confirmed nor denied the report.",
    ],
)
def test_neither_confirmed_nor_denied_is_a_refusal_not_a_denial(run: Run, text: str) -> None:
    doc = run(text)
    assert doc._.sitrep_claims == []
    assert [d.kind for d in doc._.sitrep_disclaimers] == ["no-comment"]


def test_reportedly_gives_no_speaker_the_clause_it_hedges(run: Run) -> None:
    text = "Iraqi security forces reportedly discovered the bodies of 70 civilians in the village."
    assert _claims(run, text) == []
    text = "The governor said on Monday that Russian troops had reportedly crossed the river."
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.cue, c.hedges) for c in claims] == [("The governor", "said", ("reportedly",))]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "RUSSELLVILLE, Ark. (AP) - Authorities say one person was killed on the off-ramp.",
            "Authorities",
            "one person was killed on the off-ramp",
        ),
        (
            "LONDON (Reuters) - An explosion in a market in Shiraz injured 37 people, state media reported.",
            "state media",
            "An explosion in a market in Shiraz injured 37 people",
        ),
        (
            "KYIV, Feb 16 (Reuters) - Russia said on Wednesday it had broken through two lines.",
            "Russia",
            "it had broken through two lines",
        ),
    ],
)
def test_a_wire_dateline_is_neither_speaker_nor_claim(
    run: Run, text: str, speaker: str, content: str
) -> None:
    assert [(s, c) for s, _, c in _claims(run, text)] == [(speaker, content)]


def test_brackets_and_dashes_without_an_agency_are_no_dateline() -> None:
    from sitrep.attribution.lexicon import load_lexicons
    from sitrep.attribution.segments import dateline_pattern, mask_datelines

    pattern = dateline_pattern(load_lexicons().word_class("wire_agency"))
    text = "Officials (in Kyiv) - who spoke to reporters - said the line held."
    assert mask_datelines(text, pattern) == text
    blank = " " * len("LONDON (Reuters) - ")
    assert mask_datelines("Intro.\nLONDON (Reuters) - Text.", pattern) == "Intro.\n" + blank + "Text."


@given(st.text(alphabet=st.sampled_from("AKLNOPRSTUVY ,.()-–—\n\tabcdeiorstu0123456789"), max_size=80))
def test_masking_datelines_only_blanks_characters(text: str) -> None:
    from sitrep.attribution.lexicon import load_lexicons
    from sitrep.attribution.segments import dateline_pattern, mask_datelines

    masked = mask_datelines(text, dateline_pattern(load_lexicons().word_class("wire_agency")))
    assert len(masked) == len(text)
    assert all(m == t or m == " " for m, t in zip(masked, text, strict=True))


def test_a_province_named_with_a_demonym_is_not_that_demonym_s_state(run: Run) -> None:
    text = "British Columbia Finance Minister Michael de Jong said the offer was too small."
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.speaker.side) for c in claims] == [
        ("British Columbia Finance Minister Michael de Jong", "Canada")
    ]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Wael Haddara, a London doctor, said the rally was peaceful.", None),
        ("A Donetsk resident said the shelling lasted all night.", None),
        ("Officials in Kharkiv said the shelling lasted all night.", "Ukraine"),
        ("Luhansk regional governor Serhiy Haidai said the shelling lasted all night.", "Ukraine"),
        ("Moscow said the drills were defensive.", "Russia"),
    ],
)
def test_a_city_gives_its_state_s_side_only_to_office_holders(run: Run, text: str, side: str | None) -> None:
    assert [c.speaker.side for c in run(text)._.sitrep_claims] == [side]


@pytest.mark.parametrize(
    ("text", "said_on"),
    [
        ("The ministry said Wednesday the bridge was hit.", "2023-02-15"),
        ("The ministry said Wednesday night the bridge was hit.", "2023-02-15"),
        ("The ministry said today the bridge was hit.", "2023-02-16"),
        ("The ministry said yesterday the bridge was hit.", "2023-02-15"),
    ],
)
def test_a_day_without_on_after_the_cue_dates_the_statement(run: Run, text: str, said_on: str) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.content, c.said_on) for c in claims] == [("the bridge was hit", said_on)]


def test_a_possessive_day_stays_in_the_claim(run: Run) -> None:
    claims = run("The ministry said Wednesday's strike hit a school.")._.sitrep_claims
    assert [c.content for c in claims] == ["Wednesday's strike hit a school"]


@pytest.mark.parametrize(
    "text",
    [
        "Again I want to congratulate the soldiers who fought to free the town.",
        "The vote is welcome, however I have no doubt the resolution will bring benefits.",
    ],
)
def test_a_sentence_adverb_is_no_part_of_the_speaker(run: Run, text: str) -> None:
    assert [c.speaker.text for c in run(text)._.sitrep_claims] == ["I"]
