"""A channel adjunct between a verb of saying and a clause with no "that" (session 21).

"The ministry said on Telegram it had destroyed a depot": the channel is the attribution's,
so the claim starts at "it" and the claim's channel is Telegram; "Peskov told reporters the
talks had stalled" is Peskov's claim, told to reporters.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "content", "channel"),
    [
        (
            "The Russian Defence Ministry said on Telegram it had destroyed a depot in Kramatorsk.",
            "it had destroyed a depot in Kramatorsk",
            "Telegram",
        ),
        (
            "Zelenskiy said in his nightly video address the situation in Bakhmut was very difficult.",
            "the situation in Bakhmut was very difficult",
            "video",
        ),
        (
            "Kuleba said on Twitter Ukraine needed more air defence.",
            "Ukraine needed more air defence",
            "Twitter",
        ),
        (
            "The governor said on television the evacuation would continue.",
            "the evacuation would continue",
            "TV",
        ),
        (
            "The ministry said on Telegram on Wednesday it had destroyed a depot.",
            "it had destroyed a depot",
            "Telegram",
        ),
    ],
)
def test_a_channel_after_the_cue_is_no_part_of_the_claim(
    run: Run, text: str, content: str, channel: str
) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert (claim.content, claim.channel) == (content, channel)


def test_the_day_after_a_channel_still_dates_the_statement(run: Run) -> None:
    (claim,) = run(
        "The ministry said on Telegram on Wednesday it had destroyed a depot.", "2023-02-16"
    )._.sitrep_claims
    assert claim.said_on == "2023-02-15"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Peskov told reporters the talks had stalled.", "the talks had stalled"),
        ("Peskov told reporters on Wednesday the talks had stalled.", "the talks had stalled"),
        ("The spokesman told journalists Russia would respond.", "Russia would respond"),
    ],
)
def test_told_reporters_with_no_that_reports_the_clause_after(run: Run, text: str, content: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert (claim.content, claim.channel, claim.cue) == (content, "reporters", "told")


@pytest.mark.parametrize(
    "text", ["Peskov told reporters in Moscow.", "The ministry said on Telegram.", "Peskov told reporters."]
)
def test_a_channel_alone_is_no_claim(run: Run, text: str) -> None:
    assert run(text)._.sitrep_claims == []


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        (
            '"The enemy is suffering heavy losses," Cherevatyi told '
            "the Ukrainian news outlet Ukrainska Pravda.",
            "Ukrainska Pravda",
        ),
        ("Scholz told the German newspaper Bild that tanks would be sent.", "Bild"),
        ("Peskov told state news agency RIA the talks had stalled.", "RIA"),
        (
            "Stoltenberg told the Financial Times newspaper on Monday that aid would continue.",
            "Financial Times",
        ),
        ("Reznikov told Germany's Phoenix broadcaster that the tanks would arrive.", "Phoenix"),
    ],
)
def test_a_named_medium_is_the_name_after_its_description(run: Run, text: str, channel: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert claim.channel == channel


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Speaking on state television, Shoigu said Russian troops had taken full control of Soledar.", "TV"),
        ("Speaking to reporters, Peskov said the talks had stalled.", "reporters"),
        ("Writing on Telegram, the governor said two people had been killed.", "Telegram"),
        ("Speaking at a news conference, Stoltenberg said aid would continue.", "reporters"),
    ],
)
def test_a_participle_opening_the_sentence_gives_the_channel(run: Run, text: str, channel: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert claim.channel == channel


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'Zelenskiy visited troops near Bakhmut, telling reporters: "We will not give up Bakhmut."',
            "Volodymyr Zelenskiy",
        ),
        ('Peskov dismissed the report, telling reporters, "This is a lie."', "Dmitry Peskov"),
    ],
)
def test_the_hearer_of_a_participle_before_a_quote_is_no_speaker(run: Run, text: str, name: str) -> None:
    (quoted,) = [c for c in run(text)._.sitrep_claims if c.kind == "direct"]
    assert (quoted.speaker.name, quoted.channel) == (name, "reporters")


@pytest.mark.parametrize(
    "text",
    [
        "The governor said overnight that three drones had been shot down.",
        "The governor said overnight three drones had been shot down.",
    ],
)
def test_overnight_after_the_cue_is_no_part_of_the_claim(run: Run, text: str) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert claim.content == "three drones had been shot down"


def test_a_speech_is_a_channel_and_its_hearers_are_no_speaker(run: Run) -> None:
    (c,) = run(
        "Putin, in a speech to military officers, said Russia would respond to any attack."
    )._.sitrep_claims
    assert (c.speaker.text, c.speaker.name, c.channel) == ("Putin", "Vladimir Putin", "speech")
    (c,) = run("Zelenskiy said in his nightly address that Russia had fired 100 missiles.")._.sitrep_claims
    assert (c.channel, c.content) == ("speech", "Russia had fired 100 missiles")
    (c,) = run(
        "Zelenskiy said in his nightly video address that Russia had fired 100 missiles."
    )._.sitrep_claims
    assert c.channel == "video"
