"""Find reporting cues ("said", "told", "according to", ...) from the cue lexicon.

Matching is on lower-case word forms so it needs no tagger; a capitalised form is only
taken for "According to", the one cue that opens sentences, and inside title-case
headlines ("Lindsey Graham Says"). Multi-word forms ("called
on", "has said") win over their first word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.attribution.lexicon import CueEntry, Lexicons
from sitrep.attribution.segments import words_in


@dataclass(frozen=True, slots=True)
class CueMatch:
    start: int
    end: int
    entry: CueEntry


_WORD = re.compile(r"[A-Za-z]+")
_JOINED = "\\w'’.-"  # characters that glue a word to its neighbour ("well-said", "U.S.")


class CueFinder:
    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.forms = frozenset(e.form for e in lex.cues if " " not in e.form and e.form.isalpha())
        # first word -> (entry, pattern for the whole form), most words first, so "said in a
        # statement" wins over "said"; the cheap word scan only tries forms whose first word
        # it just read
        self._index: dict[str, list[tuple[CueEntry, re.Pattern[str]]]] = {}
        for first, entries in lex.cue_index().items():
            if not first[:1].isalpha():
                continue
            self._index[first.lower()] = [
                (e, re.compile(r"\s+".join(map(re.escape, e.form.split())), re.IGNORECASE))
                for e in sorted(entries, key=lambda e: (-len(e.form.split()), -len(e.form)))
            ]
        # "Some reportedly said that ...": a hedge adverb the lexicon also lists as a cue yields
        # to the verb of saying right after it, and stays a hedge of the claim
        self._hedge_words = frozenset(h.lower() for h in lex.hedges if " " not in h)
        marks = sorted(e.form for e in lex.cues if not e.form[:1].isalnum())
        self._marks = {e.form: e for e in lex.cues if not e.form[:1].isalnum()}
        self._by_form = {e.form: e for e in lex.cues}
        self._mark_pattern = re.compile("|".join(map(re.escape, marks))) if marks else None

    def hand_entry(self, form: str) -> CueEntry | None:
        """The hand lexicon's entry for ``form`` (lower case, single spaces), if it has one."""
        entry = self._by_form.get(form)
        return entry if entry is not None and entry.precision is None else None

    def entry(self, form: str, score: float) -> CueEntry:
        """The lexicon's entry for a cue a model found, else a learned one with the model's
        ``score`` as its precision. Its frame is ``speech``, so a content must read as a
        clause where the rules ask for one: "Russia calls the invasion a special
        operation" names, it does not report."""
        return self._by_form.get(form) or CueEntry(form, form, "assert", "speech", score)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
        stop = len(text) if end is None else end
        headlines: dict[int, bool] = {}
        found: list[CueMatch] = []
        pos = start
        for m in _WORD.finditer(text, start, stop):
            if m.start() < pos:
                continue
            candidates = self._index.get(m.group().lower())
            if candidates is None:
                continue
            i = m.start()
            if i > 0 and (text[i - 1].isalnum() or text[i - 1] in _JOINED):
                continue
            for entry, pattern in candidates:
                hit = pattern.match(text, i, stop)
                if hit is None:
                    continue
                j = hit.end()
                after = text[j : j + 2]
                if after[:1].isalnum() or after[:1] in "_'’-" or (after[:1] == "." and after[1:2].isalnum()):
                    continue
                capitalised = text[i].isupper() and entry.form.split()[0] != "according"
                if capitalised and not _in_headline(text, i, headlines):
                    break
                found.append(CueMatch(i, j, entry))
                pos = j
                break
        if self._mark_pattern is not None:
            for mark in self._mark_pattern.finditer(text, start, stop):
                found.append(CueMatch(mark.start(), mark.end(), self._marks[mark.group()]))
            found.sort(key=lambda c: c.start)
        return [
            c
            for c, nxt in zip(found, [*found[1:], None], strict=False)
            if nxt is None
            or text[c.start : c.end].lower() not in self._hedge_words
            or text[c.end : nxt.start].strip()
        ]


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
