"""The ``sitrep_dates`` pipeline component.

A thin wrapper: the rules live in :mod:`sitrep.times` and work on the Doc's
text, so the stage behaves the same on a blank pipeline and on a trained one.
The anchor is ``doc._.sitrep_published``; without it relative dates stay
unresolved rather than being read off the clock.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp import extensions as ext
from sitrep.times.finder import DateFinder


class DatesComponent:
    def __init__(self, finder: DateFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        published = getattr(doc._, ext.PUBLISHED)
        setattr(doc._, ext.DATES, self.finder.find(doc.text, published))
        return doc


@Language.factory("sitrep_dates", assigns=["doc._.sitrep_dates"], requires=[])
def make_dates(nlp: Language, name: str) -> DatesComponent:
    ext.register()
    return DatesComponent(DateFinder())
