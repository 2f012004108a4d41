"""Speakers described by a relative clause, an age or a description, and "as" attributions.

Wire copy about the war quotes people it cannot name ("said a soldier who asked not to
be named", "a pensioner, 71,") and people it describes ("Trump, the longtime owner of
..."). Such claims were lost, or their speaker was the place in the description
("Bakhmut" for "a resident who lives in Bakhmut"). Found by reading PolNeAR train
errors and sitrep's output on war-report sentences; written here as wire-style text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


def _only(run: Run, text: str) -> tuple[str | None, str, str | None, str | None, str]:
    (c,) = run(text)._.sitrep_claims
    return c.speaker.text, c.speaker.name, c.speaker.side, c.cue, c.content


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        # a restrictive relative clause describes the speaker; an anonymity clause is no name
        (
            '"We are holding," said a soldier who asked not to be named.',
            "a soldier who asked not to be named",
            "soldier",
        ),
        (
            '"We are holding," said a soldier who declined to give his name.',
            "a soldier who declined to give his name",
            "soldier",
        ),
        (
            '"The shelling never stops," said a resident who lives in Bakhmut.',
            "a resident who lives in Bakhmut",
            "resident who lives in Bakhmut",
        ),
        (
            '"We lost everything," said one owner of a shop who declined to be named.',
            "one owner of a shop who declined to be named",
            "one owner of a shop",
        ),
        # a modal that is a given name
        ('"It is expensive," said Will Doyle.', "Will Doyle", "Will Doyle"),
        (
            '"It is expensive," said Sen. Will Hurd, a Republican.',
            "Sen. Will Hurd, a Republican",
            "Will Hurd",
        ),
        # a description or an age after the comma is not the name
        (
            "Trump, the longtime owner of the pageant, said that conventions were dull.",
            "Trump, the longtime owner of the pageant",
            "Trump",
        ),
        ("The mayor, a former boxer, said the war was over.", "The mayor, a former boxer", "mayor"),
        ("A pensioner, 71, said the shelling never stopped.", "A pensioner, 71", "pensioner"),
        ('"It never stops," said a pensioner, 71.', "a pensioner, 71", "pensioner"),
        ("One resident, 64, said the shelling never stopped.", "One resident, 64", "One resident"),
    ],
)
def test_described_speaker(run: Run, text: str, speaker: str, name: str) -> None:
    got_text, got_name, _, cue, _ = _only(run, text)
    assert (got_text, got_name, cue) == (speaker, name, "said")


def test_a_place_in_the_description_is_not_the_speaker(run: Run) -> None:
    text, name, side, _, _ = _only(run, "Democrats in Kharkiv said they were unimpressed by the display.")
    assert (text, name, side) == ("Democrats in Kharkiv", "Democrats in Kharkiv", None)
    text, name, side, _, _ = _only(
        run, "Democrats in Kharkiv who watched the parade said they were unimpressed by the display."
    )
    assert name == "Democrats in Kharkiv who watched the parade"
    assert side is None


def test_an_anonymity_clause_makes_no_claim_of_its_own(run: Run) -> None:
    _, name, _, cue, content = _only(run, '"We won," said Ivan, who asked that his surname not be used.')
    assert (name, cue, content) == ("Ivan", "said", "We won,")


def test_a_relative_clause_before_the_cue_keeps_the_claim(run: Run) -> None:
    # the verb in the relative clause took the main clause's pronoun as its content
    _, name, _, cue, content = _only(run, "The governor, who has warned of an offensive, said it was over.")
    assert (name, cue, content) == ("governor", "said", "it was over")


def test_as_opener_is_not_part_of_the_name(run: Run) -> None:
    _, name, side, cue, content = _only(run, "As Zelenskiy put it, Ukraine will not give up an inch.")
    assert (name, side, cue, content) == (
        "Volodymyr Zelenskiy",
        "Ukraine",
        "put it",
        "Ukraine will not give up an inch",
    )


@pytest.mark.parametrize(
    ("text", "cue", "channel"),
    [
        ("As the ministry told reporters, the front line has held.", "told", "reporters"),
        ("As the ministry said on Monday, the front line has held.", "said", None),
        ("The front line has held, as the ministry noted.", "noted", None),
    ],
)
def test_as_clause_attribution(run: Run, text: str, cue: str, channel: str | None) -> None:
    (c,) = run(text)._.sitrep_claims
    assert (c.speaker.name, c.cue, c.content.lower(), c.channel) == (
        "ministry",
        cue,
        "the front line has held",
        channel,
    )


@pytest.mark.parametrize(
    ("text", "name", "channel", "content"),
    [
        # an outlet relaying a source: the source claims, the outlet is the channel
        (
            "RIA reported, citing the defence ministry, that Russian forces had taken the village.",
            "defence ministry",
            "RIA",
            "Russian forces had taken the village",
        ),
        (
            "TASS, citing the defence ministry, reported that Russian forces had taken the village.",
            "defence ministry",
            "TASS",
            "Russian forces had taken the village",
        ),
        (
            "The village had fallen, RIA reported, citing the defence ministry.",
            "defence ministry",
            "RIA",
            "The village had fallen",
        ),
        (
            "Reuters reported, citing three sources, the talks had stalled.",
            "three sources",
            "Reuters",
            "the talks had stalled",
        ),
        # a speaker that is no outlet keeps the claim it bases on what it cites
        (
            "The ministry said, citing intelligence reports, that Russia was preparing an offensive.",
            "ministry",
            None,
            "Russia was preparing an offensive",
        ),
    ],
)
def test_relayed_reports(run: Run, text: str, name: str, channel: str | None, content: str) -> None:
    (c,) = run(text)._.sitrep_claims
    assert (c.speaker.name, c.channel, c.content) == (name, channel, content)


def test_citing_reasons_is_no_relay(run: Run) -> None:
    """ "McCain said, citing low growth, unemployment and inequality": the aside gives
    reasons, a list, not a source; the speaker stays McCain."""
    claims = run(
        '"It is a reflection of anger," McCain said, citing low growth, unemployment and inequality.'
    )._.sitrep_claims
    assert {c.speaker.name for c in claims} == {"McCain"}


def test_a_plural_aside_denies_the_claim(run: Run) -> None:
    claims = run(
        "Ukrainian officials say Russia has lost more than 300,000 troops, figures Moscow disputes."
    )._.sitrep_claims
    assert [(c.speaker.side, c.polarity, c.content) for c in claims] == [
        ("Ukraine", "assert", "Russia has lost more than 300,000 troops"),
        ("Russia", "deny", "Russia has lost more than 300,000 troops"),
    ]


def test_a_second_speaker_after_and_the(run: Run) -> None:
    claims = run(
        "Kyiv says the referendums are a sham, and the West has said it will not recognise the results."
    )._.sitrep_claims
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Ukraine", "the referendums are a sham"),
        ("West", "it will not recognise the results"),
    ]


def test_a_service_is_an_actor_its_pronoun_finds(run: Run) -> None:
    claims = run(
        "Ukraine's air force said Russia had launched 90 drones overnight. "
        "Air defences destroyed 62 drones, it said."
    )._.sitrep_claims
    assert [(c.speaker.name, c.speaker.side) for c in claims] == [("Ukrainian Air Force", "Ukraine")] * 2


def test_coordinated_people_outside_the_dictionary(run: Run) -> None:
    (c,) = run(
        "Zelenskiy and Polish President Andrzej Duda, who met in Kyiv, said they had agreed on grain exports."
    )._.sitrep_claims
    # two people of two sides speak together: the speaker names both, its side is neither's
    assert (c.speaker.name, c.speaker.side) == ("Volodymyr Zelenskiy and Andrzej Duda", None)
    (c,) = run("Peskov and Russian Foreign Minister Sergei Lavrov said the talks were over.")._.sitrep_claims
    assert (c.speaker.name, c.speaker.side) == ("Dmitry Peskov and Sergei Lavrov", "Russia")


def test_a_possessive_pronoun_names_the_owner(run: Run) -> None:
    claims = run(
        "Ukraine's defence ministry said a drone had struck a refinery in Russia. "
        "Its intelligence directorate said the refinery supplied the Russian army."
    )._.sitrep_claims
    assert [(c.speaker.name, c.speaker.side) for c in claims] == [
        ("Ukrainian Defence Ministry", "Ukraine"),
        ("Ukrainian Defence Ministry's intelligence directorate", "Ukraine"),
    ]
