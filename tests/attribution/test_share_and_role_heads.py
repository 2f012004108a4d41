"""Where a speaker phrase starts and ends (session 21, read on PolNeAR train).

"About 4 in 10 say", "more than half of white women", "At least half of voters": the
approximator belongs to the share. "The Florida senator ..., saying": a role noun after a
capitalised modifier is the head of the sentence's subject, not a word after it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from sitrep.attribution.lexicon import load_lexicons
from sitrep.attribution.speakers import initial_subject

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "About four in 10 South Carolina Republican primary voters say that experience matters.",
            "About four in 10 South Carolina Republican primary voters",
        ),
        ("More than 4 in 10 said Trump would be best.", "More than 4 in 10"),
        (
            "At least half of voters in each state say the economy matters.",
            "At least half of voters in each state",
        ),
        (
            "Only about 4 in 10 Republican voters in each state want all immigrants deported.",
            "Only about 4 in 10 Republican voters in each state",
        ),
        ("About 60 percent of Ukrainians said they opposed concessions.", "About 60 percent of Ukrainians"),
    ],
)
def test_an_approximator_belongs_to_the_share_it_qualifies(run: Run, text: str, speaker: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert claim.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "The Florida senator sought to calm his supporters, and took a heckler in stride, "
            "saying the person would not get beat up.",
            "The Florida senator",
        ),
        (
            "The Kremlin spokesman Dmitry Peskov dismissed the report and said it was false.",
            "The Kremlin spokesman Dmitry Peskov",
        ),
    ],
)
def test_a_role_after_a_capitalised_modifier_heads_the_opening_subject(text: str, subject: str) -> None:
    end = text.index("saying") if "saying" in text else text.index(" said")
    mention = initial_subject(text, 0, end, load_lexicons())
    assert mention is not None and mention.text == subject


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Three people were killed, according to police and witnesses.", "police and witnesses"),
        (
            "According to early results of exit polls conducted for The Associated Press and television "
            "networks by Edison Research, majorities of voters were angry.",
            "early results of exit polls conducted for The Associated Press and television networks",
        ),
    ],
)
def test_according_to_takes_coordinated_sources(run: Run, text: str, source: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert claim.speaker.text == source


def test_said_after_the_claim_takes_no_coordinated_words() -> None:
    from sitrep.attribution.speakers import phrase_after

    text = "the talks had stalled, said Peskov and added that Kyiv was to blame"
    start = text.index("said") + 4
    mention = phrase_after(text, start, len(text), load_lexicons())
    assert mention is not None and mention.text == "Peskov"


def test_a_clause_opening_on_once_is_no_subject() -> None:
    text = "Once he was president, Mr. Obama made peace a priority, announcing that Mitchell would be envoy."
    mention = initial_subject(text, 0, text.index("announcing"), load_lexicons())
    assert mention is not None and mention.text == "Mr. Obama"


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        (
            "Michael Kofman, director of Russia studies at CNA, a research group in Virginia, "
            "said the offensive had stalled.",
            "Michael Kofman, director of Russia studies at CNA, a research group in Virginia",
            "Michael Kofman",
        ),
        (
            "The mayor of Kramatorsk, Oleksandr Honcharenko, a former lawmaker, "
            "said the strike hit a school.",
            "The mayor of Kramatorsk, Oleksandr Honcharenko, a former lawmaker",
            "Oleksandr Honcharenko",
        ),
    ],
)
def test_a_second_description_keeps_the_name_before_it(run: Run, text: str, speaker: str, name: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert (claim.speaker.text, claim.speaker.name, claim.speaker.type) == (speaker, name, "PERSON")
