"""Words, sentences and paragraphs of an article as character spans.

The attribution rules work on the text itself so that they behave the same on a blank
pipeline and a trained one; this module gives them a tokenisation that keeps names
with apostrophes and abbreviations whole ("Zelenskiy's", "U.S.", "Jan.").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.K.
    r"|[A-Z]\.(?=\s)"  # a middle initial: "John F. Kerry"
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Pvt|Spc|Pfc|Brig|Adm|Cdr|Cmdr|Amb|Sen|Rep|Gov|Del|Rev|Prof|St|No"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?=\s)"
    r"|\w+(?:['’.\-]\w+)*(?:['’]s\b)?"
    r"|\S"
)
_SENTENCE_END = re.compile(r"[.!?…]+(?:[\"”’)]|'')*(?=\s+(?:[\"“(\[]|'')?[A-Z0-9])|\n\s*\n")
_PARAGRAPH = re.compile(r"[^\n]+")
# a quotation mark opening after a sentence's full stop: `said. "The ...`, `said. ''The`
_TRAILING_OPENER = re.compile(r"(?<=[.!?])\s+(?:[\"“‘«]|'')+$")
# a sentence that seems to end on a middle initial ("John F.") or a title ("Del.", "the Rev.")
_LAST_WORD = re.compile(r"(?:^|[\s(])([A-Za-z]+\.)$")
_LINE = _PARAGRAPH


# a sentence ends between two offsets (a dotted initial, "U.S. President", ends none)
_SENTENCE_BREAK = re.compile(r"(?<![A-Z])[.!?](?=[\"”’']*\s+[A-Z])|\n")


def sentence_break(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends (or a line breaks) between two offsets: a quick test on the
    text alone, for spans that must stay inside one sentence."""
    return _SENTENCE_BREAK.search(text, start, end) is not None


_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)\s+$")


def word_before(text: str, offset: int, as_written: bool = False) -> str:
    """The word (with its apostrophes, dots and hyphens) right before ``offset``, lower case
    unless ``as_written``; empty when a mark or nothing stands there."""
    m = _WORD_BEFORE.search(text, max(0, offset - 40), offset)
    if m is None:
        return ""
    return m.group(1) if as_written else m.group(1).lower()


_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w'’.-]*)")


def word_after(text: str, offset: int) -> str:
    """The word right after ``offset`` (past spaces), lower case; empty when a mark or
    nothing stands there."""
    m = _WORD_AFTER.match(text, offset, min(len(text), offset + 40))
    return m.group(1).lower() if m is not None else ""


class Word(NamedTuple):
    """A word and its offsets. A named tuple, not a frozen dataclass: the rules make one
    per word of every sentence they look at, and a tuple is several times cheaper to build."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_punct(self) -> bool:
        return len(self.text) == 1 and not self.text.isalnum()


# below this length a text is scanned directly: an index pays off only for a text whose
# stretches are asked for again and again (an article, not a phrase)
_INDEX_FROM = 400


def words_in(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]``, as the tokeniser reads that stretch alone.

    The rules ask for the words of some stretch of the same article tens of thousands of
    times per hundred articles. A long text is therefore tokenised once (:func:`_word_index`)
    and each stretch is a slice of that list; only where a stretch's edge cuts a word, or
    its last word could read differently with the text cut there ("Mr." before the cut
    reads as "Mr" "."), is that edge scanned again, so the answer is always that of the
    scan of the stretch alone.
    """
    stop = len(text) if end is None else end
    if len(text) < _INDEX_FROM or start < 0 or not start <= stop <= len(text):
        return _scan(text, start, stop)
    starts, ends, words = _word_index(text)
    first = bisect_left(starts, start)
    if first and ends[first - 1] > start:
        return _scan(text, start, stop)  # the stretch opens inside a word
    # words ending before ``stop`` read the same. So does one ending right at ``stop``,
    # unless it ends on a dot: only the dotted abbreviations look at the character after
    # them ("Mr." needs a space).
    last = bisect_left(ends, stop, lo=first)
    if last < len(words) and ends[last] == stop and words[last].text[-1] != ".":
        last += 1
    found = words[first:last]
    # between two words of the whole text there is only space, so the rest needs a scan
    # only where a word starts before ``stop`` (one cut by it, or a dotted one at it)
    if last < len(words) and starts[last] < stop:
        found.extend(_scan(text, ends[last - 1] if last > first else start, stop))
    return found


def _scan(text: str, start: int, stop: int) -> list[Word]:
    make = Word._make
    return [make((m.group(), m.start(), m.end())) for m in _TOKEN.finditer(text, start, stop)]


@lru_cache(maxsize=4)
def _word_index(text: str) -> tuple[list[int], list[int], list[Word]]:
    """Every word of ``text`` with its start and end offsets, for bisecting. Memoised for
    the few texts in hand at once (the article a component is reading); the answer
    depends on the text alone, so the cache never changes what a call returns."""
    words = _scan(text, 0, len(text))
    return [w.start for w in words], [w.end for w in words], words


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines: wire copy puts one paragraph per line."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _regex_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for para_start, para_end in paragraphs(text):
        start = para_start
        for m in _SENTENCE_END.finditer(text, para_start, para_end):
            spans.append((start, m.end()))
            start = m.end()
        if start < para_end:
            spans.append((start, para_end))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def join_abbreviations(
    text: str, spans: list[tuple[int, int]], abbreviations: frozenset[str]
) -> list[tuple[int, int]]:
    """Undo sentence breaks after a middle initial or a title before a name.

    Splitters (spaCy's sentencizer, the punctuation rule, even the parser) end a sentence
    at "Ronald R." or "Del." and so cut "Ronald R. Fieldstone ... said" from its
    speaker's first words; "(I-Vt.) said" is cut the same way, and is joined because what
    follows opens in lower case. A break stays when a line break is between the two parts.
    """
    if len(spans) < 2:
        return spans
    joined: list[tuple[int, int]] = [spans[0]]
    for start, end in spans[1:]:
        prev_start, prev_end = joined[-1]
        m = _LAST_WORD.search(text, prev_start, prev_end)
        gap = text[prev_end:start]
        if "\n" not in gap and text[start : start + 1].islower():
            # "Sen. Bernie Sanders (I-Vt.) said": no sentence of news copy opens in lower case
            joined[-1] = (prev_start, end)
            continue
        if abbreviations and m is not None and "\n" not in gap and text[start : start + 1].isupper():
            word = m.group(1)
            if (len(word) == 2 and word[0].isupper()) or word.lower() in abbreviations:
                joined[-1] = (prev_start, end)
                continue
        joined.append((start, end))
    return joined


def sentences(
    doc: Doc, text: str | None = None, abbreviations: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Sentence spans from the pipeline when it set them, else from punctuation.

    Sentences never cross a line break: a paragraph break always ends a sentence.
    ``text`` is ``doc.text`` when the caller has it already (spaCy rebuilds it per call);
    ``abbreviations`` (lower case, with their period) never end a sentence before a
    capitalised word, nor does a single capital initial (see :func:`join_abbreviations`).
    """
    text = doc.text if text is None else text
    return join_abbreviations(text, _opening_marks_forward(text, _sentences(doc, text)), abbreviations)


def _opening_marks_forward(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give an opening quotation mark to the sentence it opens.

    spaCy's sentencizer keeps punctuation after a full stop in the sentence that stops,
    so `Schiff said. "The other factor ...` ends the first sentence on the quote's mark.
    """
    fixed = list(spans)
    for i in range(len(fixed) - 1):
        start, end = fixed[i]
        m = _TRAILING_OPENER.search(text, start, end)
        if m is None or m.start() <= start:
            continue
        next_start, next_end = fixed[i + 1]
        if "\n" in text[m.start() : next_start]:
            continue
        fixed[i] = (start, _strip(text, start, m.start())[1])
        fixed[i + 1] = (m.start() + len(m.group()) - len(m.group().lstrip()), next_end)
    return fixed


def _sentences(doc: Doc, text: str) -> list[tuple[int, int]]:
    # Sentence starts read as one array: iterating ``doc.sents`` (or asking
    # ``has_annotation``) builds a Python object per token, which cost more than the whole
    # attribution rules on a blank pipeline.
    array = doc.to_array([SENT_START, IDX]) if len(doc) else None
    if array is None or not any(flag != 0 for flag in array[1:, 0]):
        return _regex_sentences(text)
    starts = [int(idx) for i, (flag, idx) in enumerate(array) if flag == 1 or i == 0]
    bounds = [*starts, len(text)]
    spans: list[tuple[int, int]] = []
    for sent_start, sent_end in pairwise(bounds):
        for line in _LINE.finditer(text, sent_start, sent_end):
            s, e = _strip(text, line.start(), line.end())
            if s < e:
                spans.append((s, e))
    return spans


class SentenceIndex:
    """Find the sentence around a character offset in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def at(self, offset: int) -> int:
        """Index of the sentence containing (or the last one starting before) ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def span(self, offset: int) -> tuple[int, int]:
        if not self.spans:
            return (offset, offset)
        return self.spans[self.at(offset)]


def dateline_pattern(agencies: frozenset[str]) -> re.Pattern[str] | None:
    """A wire dateline opening a line: "RUSSELLVILLE, Ark. (AP) -", "LONDON (Reuters) -",
    "KYIV, Feb 16 (Reuters) -". Only with a news agency in brackets, which no speaker or
    claim opens with."""
    if not agencies:
        return None
    names = "|".join(sorted((re.escape(a) for a in agencies), key=len, reverse=True))
    return re.compile(
        rf"^[ \t]*[A-Z][^\n()]{{0,60}}?\((?i:{names})(?:\s+\w+)?\)[ \t]*[-–—]+[ \t]*", re.MULTILINE
    )


def mask_datelines(text: str, pattern: re.Pattern[str] | None) -> str:
    """Same-length copy of ``text`` with its datelines blanked: they are the reporter's
    place line, never part of a speaker ("(AP) - Authorities say") or of a claim ("...
    LONDON (Reuters) - An explosion ..., state media reported"); offsets do not move."""
    if pattern is None or "(" not in text:
        return text
    return pattern.sub(lambda m: " " * len(m.group()), text)
