"""A noun described by a participle and its agent is a subject, not a cue (session 21).

"Satellite images published by Maxar showed craters": the speaker is the whole phrase and
the cue "showed"; the cue tagger's "images" or "published" is no cue of its own.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Satellite images published by Maxar showed craters near the airbase.",
            "Satellite images published by Maxar",
            "showed",
            "craters near the airbase",
        ),
        (
            "Images published by Maxar showed craters near the airbase.",
            "Images published by Maxar",
            "showed",
            "craters near the airbase",
        ),
        (
            "A poll conducted by Gallup found that 60 percent backed the plan.",
            "A poll conducted by Gallup",
            "found",
            "60 percent backed the plan",
        ),
    ],
)
def test_a_participle_with_by_describes_the_subject(
    run: Run, text: str, speaker: str, cue: str, content: str
) -> None:
    (claim,) = run(text)._.sitrep_claims
    assert (claim.speaker.text, claim.cue, claim.content) == (speaker, cue, content)


@pytest.mark.parametrize(
    ("phrase", "reduced"),
    [
        ("satellite images published by", True),
        ("a poll conducted by", True),
        ("the report was published by", False),
        ("it had been reported by", False),
        ("the report, published by", False),
    ],
)
def test_only_a_participle_right_after_a_noun_is_a_reduced_passive(phrase: str, reduced: bool) -> None:
    from sitrep.attribution.lexicon import load_lexicons
    from sitrep.attribution.segments import words_in
    from sitrep.attribution.speakers import _reduced_passive_by

    words = words_in(phrase, 0, len(phrase))
    assert _reduced_passive_by(words, len(words) - 1, load_lexicons()) is reduced
