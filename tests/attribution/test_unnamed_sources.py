"""Unnamed sources and relative clauses between a speaker and the verb of saying.

"officials who asked not to be named said ..." is how wire copy quotes most military and
intelligence sources: the phrase describes the speaker, its verbs report nothing, and the
claim is what follows the main verb. A relative clause set off by commas ends at the
comma before the main verb, never running on into the claim.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from sitrep.attribution.lexicon import load_lexicons

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "In Kyiv, officials who asked not to be named said the attack was repelled.",
            "officials who asked not to be named",
            "said",
            "the attack was repelled",
        ),
        (
            "A source who declined to be identified told Reuters that the talks had stalled.",
            "A source who declined to be identified",
            "told",
            "the talks had stalled",
        ),
        (
            "A military source who was not authorised to speak publicly said the bridge was hit.",
            "A military source who was not authorised to speak publicly",
            "said",
            "the bridge was hit",
        ),
        (
            "Two Ukrainian officials who spoke on condition of anonymity said the offensive had begun.",
            "Two Ukrainian officials who spoke on condition of anonymity",
            "said",
            "the offensive had begun",
        ),
        (
            "A senior U.S. official, who spoke on condition of anonymity, said the drones were Iranian.",
            "A senior U.S. official, who spoke on condition of anonymity",
            "said",
            "the drones were Iranian",
        ),
        (
            "The official said on condition of anonymity that the shipment had arrived.",
            "The official",
            "said",
            "the shipment had arrived",
        ),
    ],
)
def test_unnamed_source_phrase_belongs_to_the_speaker(
    run: Run, text: str, speaker: str, cue: str, content: str
) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.cue, c.content) for c in claims] == [(speaker, cue, content)]


def test_relative_clause_ends_at_the_comma_before_the_main_verb(run: Run) -> None:
    text = "Peskov, who spoke to reporters on Monday, said Russia would continue the operation."
    claims = run(text)._.sitrep_claims
    # "spoke to reporters on Monday" names a channel, not a claim; nothing runs across ", said"
    assert [(c.speaker.text, c.cue, c.content) for c in claims] == [
        ("Peskov, who spoke to reporters on Monday", "said", "Russia would continue the operation")
    ]
    text = "The governor, who has repeatedly warned of an offensive, said Russian forces were massing."
    claims = run(text)._.sitrep_claims
    said = [c for c in claims if c.cue == "said"]
    assert [(c.speaker.text, c.content) for c in said] == [
        ("The governor, who has repeatedly warned of an offensive", "Russian forces were massing")
    ]
    assert all("said Russian" not in c.content for c in claims)


def test_anonymity_phrases_are_data() -> None:
    lex = load_lexicons()
    text = "Officials, speaking on condition of anonymity, said so; a source who requested anonymity agreed."
    found = [text[s:e] for s, e in lex.anonymous_spans(text)]
    assert found == [
        "speaking on condition of anonymity",
        "on condition of anonymity",
        "who requested anonymity",
    ]
