"""The one boundary from an annotated spaCy Doc to plain records.

Stages leave their findings on ``Doc._`` (see :mod:`sitrep.nlp.extensions`);
this function gathers them into one frozen :class:`ArticleAnalysis` and checks
the invariant every consumer relies on: each offset pair slices the article
text back to the string recorded with it. A stage that breaks it is a bug, and
failing loudly here keeps a wrong highlight out of the store and the UI.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.errors import AnalysisError
from sitrep.nlp import extensions as ext
from sitrep.records import (
    Article,
    ArticleAnalysis,
    Claim,
    DateMention,
    Disclaimer,
    Event,
    Place,
    Quantity,
)


class OffsetMismatch(AnalysisError, AssertionError):
    """A stage produced an offset pair that does not slice back to its string.

    A documented sitrep error (S600) so callers can name the article; still an
    AssertionError because it is a broken invariant, not bad input.
    """


def _check(text: str, start: int, end: int, value: str, what: str) -> None:
    if not (0 <= start <= end <= len(text)) or text[start:end] != value:
        raise OffsetMismatch(f"{what} [{start}:{end}] does not slice to {value!r}")


def doc_to_analysis(doc: Doc, article: Article) -> ArticleAnalysis:
    try:
        return _gather(doc, article)
    except OffsetMismatch as exc:
        exc.source = article.label  # the error names the input
        raise


def _gather(doc: Doc, article: Article) -> ArticleAnalysis:
    if doc.text != article.text:
        raise OffsetMismatch("the Doc's text differs from the article's text")
    text = article.text
    claims: list[Claim] = sorted(ext.get_list(doc, ext.CLAIMS), key=lambda c: (c.start, c.end))
    places: list[Place] = sorted(ext.get_list(doc, ext.PLACES), key=lambda p: (p.start, p.end))
    dates: list[DateMention] = sorted(ext.get_list(doc, ext.DATES), key=lambda d: (d.start, d.end))
    quantities: list[Quantity] = sorted(ext.get_list(doc, ext.QUANTITIES), key=lambda q: (q.start, q.end))
    disclaimers: list[Disclaimer] = sorted(ext.get_list(doc, ext.DISCLAIMERS), key=lambda d: d.start)
    events: list[Event] = ext.get_list(doc, ext.EVENTS)
    for c in claims:
        _check(text, c.start, c.end, c.content, "claim content")
        if c.cue is not None and c.cue_start is not None and c.cue_end is not None:
            _check(text, c.cue_start, c.cue_end, c.cue, "claim cue")
        sp = c.speaker
        if sp.text is not None and sp.start is not None and sp.end is not None:
            _check(text, sp.start, sp.end, sp.text, "speaker mention")
    for p in places:
        _check(text, p.start, p.end, p.mention, "place mention")
    for d in dates:
        _check(text, d.start, d.end, d.expression, "date expression")
    for q in quantities:
        _check(text, q.start, q.end, q.text, "quantity")
    for dis in disclaimers:
        _check(text, dis.start, dis.end, dis.text, "disclaimer")
    for ev in events:
        if ev.place is not None and not 0 <= ev.place < len(places):
            raise OffsetMismatch(f"event place index {ev.place} out of range")
        if any(not 0 <= i < len(claims) for i in ev.claims):
            raise OffsetMismatch(f"event claim indices {ev.claims} out of range")
    return ArticleAnalysis(
        article=article,
        claims=tuple(claims),
        places=tuple(places),
        dates=tuple(dates),
        events=tuple(events),
        disclaimers=tuple(disclaimers),
        quantities=tuple(quantities),
    )
