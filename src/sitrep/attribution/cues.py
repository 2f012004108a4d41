"""Find reporting cues ("said", "told", "according to", ...) from the cue lexicon.

Matching is on lower-case word forms so it needs no tagger; a capitalised form is only
taken for "According to", the one cue that opens sentences. Multi-word forms ("called
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
        found: list[CueMatch] = []
        i = 0
        while i < len(words):
            w = words[i]
            entries = self._index.get(w.lower)
            matched = False
            if entries and (not w.text[:1].isupper() or w.lower == "according"):
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
