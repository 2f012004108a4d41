"""A role with "of" in it before a name: "chief of staff Andriy Yermak", "Minister of Defence
Rustem Umerov", "the commander of the ground forces Oleksandr Pavliuk".

The phrase was read as "chief" of something, so the name was never looked for: the speaker
became the whole phrase, with no side. A place right before a name ("the mayor of
Kramatorsk Oleksandr Honcharenko") also joined the name. Found by reading sitrep's output on
wire sentences about the war; written here as wire-style text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from sitrep.attribution.actors import ActorDictionary
from sitrep.attribution.lexicon import load_lexicons
from sitrep.attribution.speakers import Mention, SpeakerResolver

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        ("Chief of staff Andriy Yermak wrote on X that Russia would pay.", "Andriy Yermak", "Ukraine"),
        ("Zelenskiy's chief of staff Andriy Yermak said Russia would pay.", "Andriy Yermak", "Ukraine"),
        ("Minister of Defence Rustem Umerov said the army was ready.", "Rustem Umerov", "Ukraine"),
        # a person the dictionary does not know: the name after the role's last lower-case word
        (
            "The commander of the ground forces Oleksandr Pavliuk said the line held.",
            "Oleksandr Pavliuk",
            None,
        ),
        (
            "The head of the regional council Oleksandr Ivanenko said the town was calm.",
            "Oleksandr Ivanenko",
            None,
        ),
    ],
)
def test_the_name_after_a_role_with_of_is_the_speaker(
    run: Run, text: str, name: str, side: str | None
) -> None:
    (c,) = run(text)._.sitrep_claims
    assert (c.speaker.name, c.speaker.type, c.speaker.side) == (name, "PERSON", side)


def test_an_organisation_named_after_of_is_no_person(run: Run) -> None:
    (c,) = run("The head of the group Wagner said the town was taken.")._.sitrep_claims
    assert c.speaker.name == "head of the group Wagner"


def test_a_place_before_a_name_is_no_part_of_it() -> None:
    text = "The mayor of Kramatorsk Oleksandr Honcharenko said the town was calm."
    resolver = SpeakerResolver(
        text, load_lexicons(), ActorDictionary.load(), places=[(text.index("Kramatorsk"), "Kramatorsk")]
    )
    speaker = resolver.resolve(Mention("The mayor of Kramatorsk Oleksandr Honcharenko", 0, 45))
    assert speaker is not None
    assert (speaker.name, speaker.side) == ("Oleksandr Honcharenko", "Ukraine")


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        # an owner, a lower-case role and a place, then the name after the comma
        (
            "Russia's ambassador to the United States, Anatoly Antonov, said on Telegram that the decision "
            "was dangerous.",
            "Anatoly Antonov",
            "Russia",
        ),
        # without a name the role stays the speaker: the place it is posted to is no person
        (
            "Russia's ambassador to the United States said the decision was dangerous.",
            "Russia's ambassador to the United States",
            "Russia",
        ),
        # the end of a place's name before the person's is no part of it
        (
            "The head of the Donetsk People's Republic Denis Pushilin said the town was calm.",
            "Denis Pushilin",
            "Russia",
        ),
    ],
)
def test_a_role_posted_to_a_place(run: Run, text: str, name: str, side: str) -> None:
    (c,) = run(text)._.sitrep_claims
    assert (c.speaker.name, c.speaker.side) == (name, side)


def test_a_relative_clause_reporting_its_own_claim_ends_the_source_after_according_to(run: Run) -> None:
    text = (
        "The strike killed at least 12 people, according to local officials, who said rescue work "
        "was continuing."
    )
    first, second = run(text)._.sitrep_claims
    assert (first.cue, first.speaker.text, first.content) == (
        "according to",
        "local officials",
        "The strike killed at least 12 people",
    )
    assert (second.speaker.text, second.speaker.name, second.content) == (
        "who",
        "local officials",
        "rescue work was continuing",
    )
