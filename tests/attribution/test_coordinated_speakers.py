"""Speakers that are several actors, and verbs coordinated after a speaker (session 21).

"Kyiv and Washington said": both speak; the speaker is not the last one named, and its
side is theirs only when they share one. "Ukraine's foreign ministry called the
referendums "a sham" and said ...": the second verb has the same speaker as the first.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "speaker", "name", "side"),
    [
        (
            "Kyiv and Washington said the talks were useful.",
            "Kyiv and Washington",
            "Ukraine and United States",
            None,
        ),
        (
            "Britain, France and Germany said they would send more tanks.",
            "Britain, France and Germany",
            "United Kingdom, France and Germany",
            None,
        ),
        (
            "Putin and Lukashenko said the exercises would continue.",
            "Putin and Lukashenko",
            "Vladimir Putin and Alexander Lukashenko",
            None,
        ),
        (
            "Moscow and the Donetsk People's Republic said the town had fallen.",
            "Moscow and the Donetsk People's Republic",
            "Russia and Donetsk People's Republic",
            "Russia",
        ),
    ],
)
def test_actors_speaking_together_are_one_speaker_with_their_common_side(
    run: Run, text: str, speaker: str, name: str, side: str | None
) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert (claim.speaker.text, claim.speaker.name, claim.speaker.side) == (speaker, name, side)


def test_an_adjunct_before_the_subject_is_no_list_member(run: Run) -> None:
    (claim,) = run("In Kyiv, Russia and Ukraine said the talks would resume.")._.sitrep_claims
    assert claim.speaker.text == "Russia and Ukraine"


def test_a_verb_coordinated_after_a_naming_verb_keeps_the_speaker(run: Run) -> None:
    text = (
        'Ukraine\'s foreign ministry called the referendums "a sham" and said it would never recognise them.'
    )
    named, said = run(text)._.sitrep_claims
    assert said.cue == "said" and said.content == "it would never recognise them"
    assert said.speaker.name == named.speaker.name == "Ukrainian Foreign Ministry"


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        (
            "The Ukrainian air force said the drones were Iranian-made Shaheds, something Tehran has denied.",
            "Iran",
        ),
        ("Russia said it had taken the village, something Kyiv denied.", "Ukraine"),
    ],
)
def test_something_a_speaker_denied_is_a_denial_of_the_claim(run: Run, text: str, denier: str) -> None:
    claim, denial = run(text)._.sitrep_claims
    assert (denial.speaker.name, denial.polarity) == (denier, "deny")
    assert denial.content == claim.content


def test_an_actor_opening_a_sentence_with_the_is_the_actor_not_a_person(run: Run) -> None:
    (claim,) = run("The United Nations said at least 8,000 civilians had been killed.")._.sitrep_claims
    assert (claim.speaker.name, claim.speaker.type, claim.speaker.side) == (
        "United Nations",
        "ORG",
        "United Nations",
    )


def test_a_known_person_named_in_passing_is_the_antecedent_of_he(run: Run) -> None:
    text = (
        "The announcements followed a video released on Saturday by Wagner's founder, "
        "Yevgeny Prigozhin, in which he said his fighters had taken all of Bakhmut."
    )
    (claim,) = run(text)._.sitrep_claims
    assert (claim.speaker.text, claim.speaker.name) == ("he", "Yevgeny Prigozhin")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Zelenskiy met Scholz in Berlin. The German chancellor said Germany would send more "
            "air defence systems.",
            "Olaf Scholz",
        ),
        (
            "Putin spoke to Erdogan on Friday. The Turkish president said a ceasefire was possible.",
            "Recep Tayyip Erdogan",
        ),
    ],
)
def test_an_office_names_the_holder_named_before_it(run: Run, text: str, name: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert (claim.speaker.name, claim.speaker.type) == (name, "PERSON")


def test_an_office_alone_names_nobody(run: Run) -> None:
    (claim,) = run("The Russian president said the operation was going to plan.")._.sitrep_claims
    assert (claim.speaker.name, claim.speaker.side) == ("Russian president", "Russia")


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        (
            "Peskov and Putin met. The Kremlin spokesman said the talks had stalled.",
            "Dmitry Peskov",
            "Russia",
        ),
        ("The Kremlin spokesman said the talks had stalled.", "Kremlin spokesman", "Russia"),
        ("A Pentagon spokesman said the aid would arrive soon.", "Pentagon spokesman", "United States"),
    ],
)
def test_a_spokesman_of_an_actor_is_a_person_on_its_side(run: Run, text: str, name: str, side: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert (claim.speaker.name, claim.speaker.type, claim.speaker.side) == (name, "PERSON", side)
