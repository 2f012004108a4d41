"""Quotation marks: which stretches of an article are someone's own words.

Handles straight and curly double quotes and guillemets, quotes that run over several
sentences, and the wire convention where a quote that continues into the next
paragraph leaves the first paragraph unclosed and reopens the next one. A quote is
*direct* when it stands as a clause of its own; a short quoted phrase inside the
reporter's sentence is a *fragment* (it makes reported speech "mixed").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.attribution.segments import paragraphs

OPENERS = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
# the other double mark that may close a quote opened by a straight or a curly one
# every double quotation mark, opening or closing
QUOTE_MARKS = frozenset({STRAIGHT, *OPENERS, *OPENERS.values()})
_MIXED = {STRAIGHT: "”", "“": STRAIGHT}
_CLAUSE_END = tuple(",.!?…;:-—–")


@dataclass(frozen=True, slots=True)
class Quote:
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when the paragraph ends first
    start: int  # first character inside the marks
    end: int  # one past the last character inside
    direct: bool
    continues_previous: bool  # this paragraph reopens a quote left open in the previous one

    @property
    def outer_end(self) -> int:
        return self.end if self.close is None else self.close + 1


def _pairs(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """(open, close) mark offsets inside one paragraph; close None if left open."""
    pairs: list[tuple[int, int | None]] = []
    i = start
    while i < end:
        ch = text[i]
        closer = STRAIGHT if ch == STRAIGHT else OPENERS.get(ch)
        if closer is None:
            i += 1
            continue
        j = text.find(closer, i + 1, end)
        if ch == "„" and j < 0:
            j = text.find("”", i + 1, end)
        if ch in _MIXED:
            # `"Oz has a huge bully pulpit,” said ...`: copy mixing straight and curly marks
            k = text.find(_MIXED[ch], i + 1, end)
            if k >= 0 and (j < 0 or k < j):
                j = k
        if j < 0:
            pairs.append((i, None))
            break
        pairs.append((i, j))
        i = j + 1
    return pairs


_DOUBLED = re.compile(r"''")


def straighten_doubled(text: str) -> str:
    """Same-length copy of ``text`` where a doubled apostrophe ('') acts as a quote mark.

    Some wires (the New York Times in PolNeAR) write ``''quoted,''``. The mark is put on
    the apostrophe next to the quoted words so a quote's inside stays clean; offsets do
    not move, so spans found on the copy index the original.
    """

    def mark(m: re.Match[str]) -> str:
        i = m.start()
        opening = i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-"
        return "'\"" if opening else "\"'"

    return _DOUBLED.sub(mark, text) if "''" in text else text


def _opens_clause(text: str, para_start: int, mark: int) -> bool:
    before = text[para_start:mark].rstrip("'").rstrip()  # the spare half of a doubled ''
    return not before or before.endswith((".", "!", "?", ":", ",", "…", '"', "”", ")"))


def find_quotes(text: str, cue_forms: frozenset[str] = frozenset()) -> list[Quote]:
    quotes: list[Quote] = []
    left_open = False
    for para_start, para_end in paragraphs(text):
        first_in_para = True
        reopened = False
        for open_mark, close_mark in _pairs(text, para_start, para_end):
            start = open_mark + 1
            end = close_mark if close_mark is not None else para_end
            inner = text[start:end].strip()
            if not inner:
                continue
            continues = (
                first_in_para and left_open and not text[para_start:open_mark].strip() and not reopened
            )
            # `‘... people,’”`: a quote inside the quote may close right before it
            ends_clause = close_mark is None or inner.rstrip("’'").endswith(_CLAUSE_END)
            after = text[close_mark + 1 : para_end].lstrip() if close_mark is not None else ""
            # `"I would," Melanie said.`: a short quote is a claim when an attribution follows
            trailing = _looks_like_trailing_attribution(after, cue_forms)
            long_enough = len(inner.split()) >= 3 or (inner.endswith(",") and trailing)
            # `unserious - "Again, we need ...," she said - and charged`: a quote with its
            # own attribution, set off by a dash inside the reporter's sentence
            dashed = trailing and text[para_start:open_mark].rstrip().endswith((" -", " --", "—", " –"))
            direct = (
                (dashed or _opens_clause(text, para_start, open_mark))
                and long_enough
                and (ends_clause or not after or not after[0].isalpha() or after[0].islower())
            )
            if direct and close_mark is not None and not ends_clause and after and after[0].isalpha():
                # `"a quoted phrase" against ...`: the reporter's sentence goes on.
                direct = trailing
            quotes.append(Quote(open_mark, close_mark, start, end, direct, continues))
            first_in_para = False
            reopened = True
        pairs = _pairs(text, para_start, para_end)
        left_open = bool(pairs) and pairs[-1][1] is None
    return quotes


def _looks_like_trailing_attribution(after: str, cue_forms: frozenset[str]) -> bool:
    """True for `he said` / `the ministry said` right after a quote lacking its comma."""
    words = after.split()[:6]
    return any(w.rstrip(".,").lower() in cue_forms for w in words)
