"""How sure the speaker is and whether the reporter vouches: hedges, denials, disclaimers.

Hedges are counted only where they are the speaker's own: a hedge inside an embedded
report ("the information that allegedly our forces have pulled back") qualifies
someone else's claim, which the speaker may be rejecting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.attribution.lexicon import Lexicons, any_of

_EMBEDDED_REPORT = re.compile(
    r"\b(?:information|reports?|claims?|allegations?|rumou?rs?|suggestions?|statements?|assertions?)"
    r"\s+(?:that|of)\b[^,;—–]*?(?=\s+[-—–]\s+|[,;]|$)",
    re.IGNORECASE,
)
_BOUNDARY = r"(?<![\w-])"
# quotation marks a reporter puts inside a denial (`did "not correspond to reality"`)
_MARKS = re.compile(r"[\"“”]|(?<!\w)['‘’]|['‘’](?!\w)")
_DAY_AFTER = re.compile(r"\s+\d")
_END = r"(?![\w-])"


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(_BOUNDARY + re.escape(phrase).replace(r"\ ", r"\s+") + _END, re.IGNORECASE)


def _word_filter(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found wherever one of ``phrases`` could be: the longest word of each,
    bare. Wherever a phrase's pattern matches, its words stand in the text with the same
    case rule, so a text this finds nothing in has none of the phrases; a scan for plain
    words runs many times faster than one for words with boundaries on both sides."""
    words = sorted({max(p.split(), key=len) for p in phrases if p.split()}, key=lambda w: (-len(w), w))
    if not words:
        return re.compile(r"(?!)")  # no phrase: never
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DisclaimerMatch:
    start: int
    end: int
    kind: str


class CertaintyRules:
    """Compiled once per pipeline from the lexicons."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self._hedges = [(h, _phrase_pattern(h)) for h in lex.hedges]
        self._denials = [_phrase_pattern(d) for d in lex.denials]
        # one scan that rules a text out before the scan per phrase (most have none)
        self._any_hedge = _word_filter(lex.hedges)
        self._any_denial = _word_filter(lex.denials)
        self._any_disclaimer = any_of(d.pattern for d in lex.disclaimers)

    def hedges(self, content: str) -> tuple[str, ...]:
        if self._any_hedge.search(content) is None:
            return ()
        embedded = [(m.start(), m.end()) for m in _EMBEDDED_REPORT.finditer(content)]
        taken: list[tuple[int, int]] = []
        for _, pattern in self._hedges:
            for m in pattern.finditer(content):
                span = (m.start(), m.end())
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                if any(s <= span[0] and span[1] <= e for s, e in embedded):
                    continue
                if self._month(content, m):
                    continue
                taken.append(span)
        taken.sort()
        return tuple(content[s:e] for s, e in taken)

    @staticmethod
    def _month(content: str, m: re.Match[str]) -> bool:
        """A capitalised "May" inside a claim is the month ("on May 25") or a name (Theresa
        May), never the modal; at the claim's start it is the month only before a day."""
        if not m.group(0).startswith("May"):
            return False
        return m.start() > 0 or _DAY_AFTER.match(content, m.end()) is not None

    def denies(self, content: str, stance: str | None) -> bool:
        if stance == "deny":
            return True
        # a reporter quoting part of the denial puts marks inside the phrase; a word of
        # the phrase still stands whole in the content, marks replace no letter of it
        if self._any_denial.search(content) is None:
            return False
        bare = " ".join(_MARKS.sub(" ", content).split())
        return any(p.search(bare) for p in self._denials)

    def disclaimers(self, text: str, start: int, end: int) -> list[DisclaimerMatch]:
        """Disclaimer verb phrases inside one sentence ``text[start:end]``."""
        found: list[DisclaimerMatch] = []
        if self._any_disclaimer is not None and self._any_disclaimer.search(text, start, end) is None:
            return found
        for entry in self.lex.disclaimers:
            for m in entry.pattern.finditer(text, start, end):
                if any(d.start <= m.start() < d.end for d in found):
                    continue
                found.append(DisclaimerMatch(m.start(), m.end(), entry.kind))
        return sorted(found, key=lambda d: d.start)
