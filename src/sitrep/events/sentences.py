"""Sentence spans: the unit in which one event per family is coded.

Uses the Doc's sentence boundaries when a parser, senter or sentencizer set
them, else a punctuation rule; either way a blank line (a paragraph or the
headline's end) always closes a sentence, because wire copy often has a
headline with no final full stop.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

_RULE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)\]]*|\n|$)")
_PARAGRAPH = re.compile(r"\n\s*\n")


def _split_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for m in _PARAGRAPH.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def rule_sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _RULE.finditer(text):
        span = _trim(text, m.start(), m.end())
        if span is not None:
            out.append(span)
    return out


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    text = doc.text
    if doc.has_annotation("SENT_START"):
        raw = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        raw = rule_sentences(text)
    out = []
    for start, end in raw:
        for a, b in _split_paragraphs(text, start, end):
            span = _trim(text, a, b)
            if span is not None:
                out.append(span)
    return out
