"""Find reporting cues ("said", "told", "according to", ...) from the cue lexicon.

Matching is on lower-case word forms so it needs no tagger; a capitalised form is only
taken for "According to", the one cue that opens sentences, and inside title-case
headlines ("Lindsey Graham Says"). Multi-word forms ("called
on", "has said") win over their first word.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.attribution.lexicon import CueEntry, Lexicons
from sitrep.attribution.segments import words_in


@dataclass(frozen=True, slots=True)
class CueMatch:
    start: int
    end: int
    entry: CueEntry


class CueFinder:
    def __init__(self, lex: Lexicons) -> None:
        self._index = lex.cue_index()
        self.forms = frozenset(e.form for e in lex.cues if " " not in e.form and e.form.isalpha())

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
        words = words_in(text, start, end)
        headlines: dict[int, bool] = {}
        found: list[CueMatch] = []
        i = 0
        while i < len(words):
            w = words[i]
            entries = self._index.get(w.lower)
            matched = False
            if entries and (
                not w.text[:1].isupper() or w.lower == "according" or _in_headline(text, w.start, headlines)
            ):
                for entry in entries:
                    parts = entry.form.split()
                    span = words[i : i + len(parts)]
                    if len(span) == len(parts) and all(
                        s.lower == p for s, p in zip(span, parts, strict=True)
                    ):
                        found.append(CueMatch(span[0].start, span[-1].end, entry))
                        i += len(parts)
                        matched = True
                        break
            if not matched:
                i += 1
        return found


def _in_headline(text: str, offset: int, memo: dict[int, bool]) -> bool:
    """Whether the line holding ``offset`` is a title-case headline ("Lindsey Graham Says")."""
    line_start = text.rfind("\n", 0, offset) + 1
    if line_start not in memo:
        line_end = text.find("\n", offset)
        words = [
            w for w in words_in(text, line_start, None if line_end < 0 else line_end) if w.text[:1].isalpha()
        ]
        capitalised = sum(1 for w in words if w.is_capitalised)
        memo[line_start] = len(words) >= 3 and capitalised >= 0.7 * len(words)
    return memo[line_start]
