"""Which way a yearless or weekday date leans: past, future, or neither said.

Only words near the expression count, and the nearest cue wins: in "Zelenskiy
said on Tuesday Russia was in a hurry ... what many expect to be" the verb
"said" next to the date outweighs "expect" further on, while "ahead of the
Feb. 24 first anniversary" leans forward. A reporting verb ("said") dates the
saying, not what was said, so it leans neither way but still blocks cues
further off; on equal distance reporting, then past, then future wins.
"""

from __future__ import annotations

import re

from sitrep.times.calendar import Lean
from sitrep.times.lexicon import TimeLexicon

_WORD = re.compile(r"'ll|[A-Za-z]+(?:'[a-z]+)?")
# A sentence or clause boundary that cue words must not be read across.
# A period ends a sentence only after three lower-case letters or digits, so
# "Mr.", "P." and "Feb." do not.
_BOUNDARY = re.compile(r"[!?;\n]|(?<=[a-z0-9]{3})\.[\"”’]?\s+(?=[A-Z\"“])")
WORDS_BEFORE = 6
WORDS_AFTER = 4
_REACH = 90  # characters looked at on each side


def _words(snippet: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(snippet)]


def _nearest(words: list[str], cues: frozenset[str]) -> int | None:
    """Distance (1-based, in words) of the nearest cue; ``words`` run away from the date.

    Two-word cues ("to be") are tried in both orders because the words before
    the date arrive reversed.
    """
    for i, word in enumerate(words):
        pair = words[i : i + 2]
        if word in cues or " ".join(pair) in cues or " ".join(reversed(pair)) in cues:
            return i + 1
    return None


def lean_at(text: str, start: int, end: int, lex: TimeLexicon) -> Lean:
    before = text[max(0, start - _REACH) : start]
    cuts = list(_BOUNDARY.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = text[end : end + _REACH]
    stop = _BOUNDARY.search(after)
    if stop is not None:
        after = after[: stop.start()]
    back = list(reversed(_words(before)))[:WORDS_BEFORE]
    ahead = _words(after)[:WORDS_AFTER]
    nearest: list[tuple[int, int, Lean]] = []
    classes: tuple[tuple[frozenset[str], Lean], ...] = (
        (lex.reporting_cues, "neutral"),
        (lex.past_cues, "past"),
        (lex.future_cues, "future"),
    )
    for rank, (cues, lean) in enumerate(classes):
        for words in (back, ahead):
            distance = _nearest(words, cues)
            if distance is not None:
                nearest.append((distance, rank, lean))
    return min(nearest)[2] if nearest else "neutral"
