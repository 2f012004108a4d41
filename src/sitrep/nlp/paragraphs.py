"""A paragraph break starts a sentence: the ``sitrep_paragraphs`` component.

News text comes in paragraphs, and no sentence runs across a blank line. A statistical
parser does not know that: it sees the blank line only as one whitespace token among its
words and sometimes hangs a headline, a dateline or a one-line paragraph without a final
full stop onto the next paragraph's sentence, which then gets a single tree and the wrong
subject. This component runs before the parser (or the accurate annotator) and marks the
first word after a blank line as a sentence start; spaCy's parser and
:mod:`sitrep.nlp.accurate` keep such marks. It decides nothing else: every other boundary
stays the model's.

It is added by sitrep's loader (:func:`sitrep.nlp.pipeline.load_base`), not saved in the
shipped model, so ``spacy.load`` of the model alone still needs nothing of sitrep. On the
UD test sets, given the treebanks' own paragraph breaks the same way
(``sitrep eval nlp``), it is worth about 7 points of sentence F1 and 0.4-0.8 of LAS
(docs/model.md).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "sitrep_paragraphs"


def paragraph_starts(doc: Doc) -> list[tuple[int, int]]:
    """(first whitespace token, first word) of each paragraph after the first: the words
    that follow whitespace tokens holding a blank line (two line breaks, with or without
    spaces or carriage returns between them)."""
    starts: list[tuple[int, int]] = []
    breaks = 0  # line breaks in the whitespace tokens since the last word
    gap = 0
    for token in doc:
        if token.is_space:
            if not breaks:
                gap = token.i
            breaks += token.text.count("\n")
            continue
        if breaks >= 2 and gap:
            starts.append((gap, token.i))
        breaks = 0
    return starts


def mark_paragraphs(doc: Doc) -> Doc:
    """The blank line ends the sentence before it (its whitespace starts nothing) and the
    next word starts one; a parser left free to start a sentence at the whitespace would
    make it a sentence of its own."""
    for gap, word in paragraph_starts(doc):
        for i in range(gap, word):
            doc[i].is_sent_start = False
        doc[word].is_sent_start = True
    return doc


@Language.factory(FACTORY)
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    del nlp, name
    return mark_paragraphs
