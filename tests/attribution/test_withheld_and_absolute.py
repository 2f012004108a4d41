"""What a source withholds, and speech reported in an absolute "with" clause.

"Moscow has not said how many of its soldiers have died" claims nothing; "Peskov declined
to say whether ..." and "a claim Ukraine's military did not immediately confirm" are
refusals, not claims, and the aside is no part of the claim before it. "..., with Peskov
telling reporters that ..." reports what Peskov said. Written as wire-style text.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[..., Doc]


def test_a_withheld_answer_is_no_claim(run: Run) -> None:
    doc = run(
        "Moscow has not said how many of its soldiers have died, but Western estimates put the "
        "figure in the tens of thousands."
    )
    assert [c.cue for c in doc._.sitrep_claims] == []


def test_declining_to_say_is_a_refusal(run: Run) -> None:
    doc = run("Peskov declined to say whether Putin would attend the summit.")
    assert doc._.sitrep_claims == []
    assert [d.kind for d in doc._.sitrep_disclaimers] == ["no-comment"]


def test_an_unconfirmed_aside_ends_the_claim(run: Run) -> None:
    doc = run(
        "Russia's defence ministry claimed its troops had taken the village of Novohrodivka, a claim "
        "Ukraine's military did not immediately confirm."
    )
    (c,) = doc._.sitrep_claims
    assert (c.speaker.side, c.content) == ("Russia", "its troops had taken the village of Novohrodivka")
    assert [d.kind for d in doc._.sitrep_disclaimers] == ["no-comment"]


def test_speech_in_a_with_clause_is_a_claim(run: Run) -> None:
    doc = run(
        "The Kremlin said on Tuesday it saw no prospects for talks, with Peskov telling reporters that "
        "Kyiv had closed the door."
    )
    assert [(c.speaker.name, c.cue, c.content, c.channel) for c in doc._.sitrep_claims] == [
        ("Kremlin", "said", "it saw no prospects for talks", None),
        ("Dmitry Peskov", "telling", "Kyiv had closed the door", "reporters"),
    ]
    # a participle with no clause after it is still the background it was
    assert (
        run("The offensive stalled, with Kyiv describing the situation as difficult.")._.sitrep_claims == []
    )
