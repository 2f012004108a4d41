"""Subjects read back from a cue across another clause (session 21).

"Maliar said heavy fighting continued in Soledar": "continued" is inside Maliar's claim,
never a cue whose subject runs back over "said". "Trump said he finally believes ...":
the nested speaker is the pronoun after "said". "Russian war bloggers, who have close ties
to the military, said": the relative clause describes the speaker. "A senior official,
speaking on condition of anonymity, said": the participle is no part of the name.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


def test_a_verb_of_saying_inside_a_claim_is_no_cue_with_a_subject_over_it(run: Run) -> None:
    text = (
        "Ukraine's deputy defence minister Hanna Maliar said heavy fighting continued in Soledar "
        "and that Ukrainian forces were holding their positions."
    )
    (claim,) = run(text)._.sitrep_claims
    assert (claim.speaker.name, claim.cue) == ("Hanna Maliar", "said")
    assert claim.content.endswith("were holding their positions")


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        ("Peskov said he finally believes the talks could resume.", "believes", "Dmitry Peskov"),
        ("Shoigu said he didn't believe the strike had hit civilians.", "believe", "Sergei Shoigu"),
    ],
)
def test_a_nested_speaker_is_the_pronoun_after_the_outer_verb(
    run: Run, text: str, cue: str, name: str
) -> None:
    (inner,) = [c for c in run(text)._.sitrep_claims if c.cue == cue]
    assert inner.speaker.text == "he"
    assert (inner.speaker.name, inner.speaker.type) == (name, "PERSON")


def test_a_relative_clause_after_a_plain_noun_phrase_describes_the_speaker(run: Run) -> None:
    text = "Russian war bloggers, who have close ties to the military, said the offensive had stalled."
    (claim,) = run(text)._.sitrep_claims
    assert claim.speaker.name == "Russian war bloggers"
    assert claim.speaker.side == "Russia"


def test_an_anonymity_participle_is_no_part_of_the_speakers_name(run: Run) -> None:
    text = (
        "A senior Ukrainian military official, speaking on condition of anonymity, "
        "said the situation was critical."
    )
    (claim,) = run(text)._.sitrep_claims
    assert claim.speaker.name == "senior Ukrainian military official"
    assert claim.speaker.side == "Ukraine"


@pytest.mark.parametrize(
    "text",
    [
        "Its first statement did not mention Wagner, whose founder had said days earlier "
        "that his men held the town.",
        "The ministry did not specify the number of casualties.",
        "Johnson did not identify a location in his remarks.",
    ],
)
def test_what_a_speaker_left_out_is_no_claim(run: Run, text: str) -> None:
    assert [c.cue for c in run(text)._.sitrep_claims if "not" in (c.cue or "")] == []


def test_a_negated_denial_stays_a_claim(run: Run) -> None:
    (denied,) = run("Russia did not deny that its forces had struck the plant.")._.sitrep_claims
    assert denied.content == "its forces had struck the plant"


def test_a_month_after_the_cue_dates_the_statement_not_the_claim(run: Run) -> None:
    (claim,) = run("Moscow claimed in September to have annexed the Kherson region.")._.sitrep_claims
    assert claim.content == "to have annexed the Kherson region"


def test_a_verb_inside_an_aside_of_the_subject_is_not_crossed(run: Run) -> None:
    text = (
        "Prigozhin, in a voice message posted by his press service, "
        "accused the defence ministry of withholding ammunition."
    )
    (claim,) = run(text)._.sitrep_claims
    assert (claim.speaker.name, claim.cue) == ("Yevgeny Prigozhin", "accused")


def test_a_relative_clause_of_saying_ends_at_its_comma_before_any_main_verb(run: Run) -> None:
    said, accused = run("Peskov, who said the talks had stalled, accused Kyiv of sabotage.")._.sitrep_claims
    assert (said.content, accused.content) == ("the talks had stalled", "Kyiv of sabotage")
    assert said.speaker.name == accused.speaker.name == "Dmitry Peskov"
