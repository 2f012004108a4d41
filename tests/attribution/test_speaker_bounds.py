"""Where a speaker phrase starts and ends, and which subject a coordinated cue takes.

The word rules walk from the cue to the first word that stops a noun phrase; the role
model sees the whole phrase, so a claim's speaker grows to the model's source run around
the rules' mention (never into a cue or the claim, never by a sentence adverb, a day or a
name that is not a description). The role encoder scores every sentence, so its speakers
always grow; the CNN tagger scores only sentences it reads for another cue, and a speaker
grows only there (a network pass per speaker would cost more than the stage may add).
A sentence's opening adverbial ("In an interview with Reuters,") is no subject. An adverb
between subject and verb ("then loudly said") belongs to the cue: one claim, not one per
cue reading. Found in PolNeAR train hold-out articles;
written here as wire-style text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from sitrep.attribution.roles import RoleScores, RoleTagger

Run = Callable[..., Doc]


def _only(run: Run, text: str) -> tuple[str | None, str, str | None, str, str]:
    (c,) = run(text)._.sitrep_claims
    return c.speaker.text, c.speaker.name, c.cue, c.kind, c.content


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        # a prepositional phrase and a relative clause after the head
        (
            "Democrats in Kharkiv who watched the parade said they were unimpressed by the display.",
            "Democrats in Kharkiv who watched the parade",
            "Democrats in Kharkiv who watched the parade",
        ),
        # a coordinated phrase with a relative clause after "according to": both speak, so
        # the name is the whole phrase, as for the relative clause above (session 21; it
        # was "local officials" while "according to" stopped at "and")
        (
            "The city's water supply was restored on Friday, according to local officials and "
            "engineers who worked on the repairs.",
            "local officials and engineers who worked on the repairs",
            "local officials and engineers who worked on the repairs",
        ),
        # a description that opens with a capitalised word but names a role
        (
            '"We cannot rule out a new offensive in the spring," said Adriaan Smit, Europe '
            "coordinator at the Clingendael Institute.",
            "Adriaan Smit, Europe coordinator at the Clingendael Institute",
            "Adriaan Smit",
        ),
    ],
)
def test_the_speaker_is_the_whole_phrase(encoder_run: Run, text: str, speaker: str, name: str) -> None:
    found = _only(encoder_run, text)
    assert found[:2] == (speaker, name)


def test_the_tagger_scores_no_sentence_only_to_grow_a_speaker(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the rules frame this cue, so the CNN tagger reads nothing, not even to grow the speaker
    calls: list[int] = []
    original = RoleTagger.scores

    def counted(self: RoleTagger, doc: Doc) -> RoleScores:
        calls.append(len(doc))
        return original(self, doc)

    monkeypatch.setattr(RoleTagger, "scores", counted)
    text = "Democrats in Kharkiv who watched the parade said they were unimpressed by the display."
    speaker, _, cue, _, content = _only(run, text)
    assert (cue, content) == ("said", "they were unimpressed by the display")
    assert speaker is not None and speaker.endswith("Kharkiv who watched the parade")
    assert calls == []


def test_a_name_after_a_comma_is_no_description(run: Run) -> None:
    # control: the tagger's run may take in "Reuters"; a capitalised name with no role
    # after the speaker's comma is not the speaker's description
    claims = run('"It is a good day," said Peter Hart, Reuters reported.')._.sitrep_claims
    assert claims[0].speaker.text == "Peter Hart"


def test_an_opening_adverbial_is_no_subject(run: Run) -> None:
    text = (
        "In an interview with Reuters, the governor rejected the claim and said the town was "
        "still under Ukrainian control."
    )
    rejected, said = run(text)._.sitrep_claims
    # rejecting a claim is itself a claim, a denial (both have the governor as speaker)
    assert (rejected.speaker.text, rejected.cue, rejected.content, rejected.polarity) == (
        "the governor",
        "rejected",
        "the claim",
        "deny",
    )
    # "and said" shares the subject; like the example's "but added" it has no mention of its own
    assert (said.speaker.text, said.speaker.name, said.cue, said.kind) == (
        None,
        "governor",
        "said",
        "indirect",
    )


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "As a siren sounded, the announcer said, “Go to the shelters now.”",
            "the announcer",
            "Go to the shelters now.",
        ),
        (
            "If we lived in normal times -- with some grounding in history -- a reader would now "
            "ask: “Why is this man on state television?”",
            "a reader",
            "Why is this man on state television?",
        ),
    ],
)
def test_a_common_noun_after_an_opening_clause_is_the_speaker(
    run: Run, text: str, speaker: str, content: str
) -> None:
    found = _only(run, text)
    assert (found[0], found[3], found[4]) == (speaker, "direct", content)


@pytest.mark.parametrize("adverbs", ["loudly", "then loudly"])
def test_adverbs_before_the_verb_make_one_cue(run: Run, adverbs: str) -> None:
    speaker, _, cue, kind, content = _only(
        run, f"The general {adverbs} said, “We will never give up this town.”"
    )
    assert (speaker, kind, content) == ("The general", "direct", "We will never give up this town.")
    assert cue is not None and cue.endswith("said")


def test_a_coordinated_verb_after_who_takes_the_relative_subject(run: Run) -> None:
    text = (
        "The ministry also blamed the villagers, who fled the area last week and said the bridge "
        "had been destroyed by shelling."
    )
    claims = {c.content: c for c in run(text)._.sitrep_claims}
    bridge = claims["the bridge had been destroyed by shelling"]
    assert (bridge.speaker.text, bridge.speaker.name) == ("who", "villagers")
