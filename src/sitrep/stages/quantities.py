"""The ``sitrep_quantities`` pipeline component.

Runs after dates so that the digits of "Feb. 24" or "2022" are not counted as
quantities; the parsing itself is :mod:`sitrep.quantities`, on plain text, so a
blank pipeline gets the same result as a trained one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp import extensions as ext
from sitrep.quantities.parser import QuantityParser


class QuantitiesComponent:
    def __init__(self, parser: QuantityParser) -> None:
        self.parser = parser

    def __call__(self, doc: Doc) -> Doc:
        dates = [(d.start, d.end) for d in ext.get_list(doc, ext.DATES)]
        setattr(doc._, ext.QUANTITIES, self.parser.find(doc.text, dates))
        return doc


@Language.factory("sitrep_quantities", assigns=["doc._.sitrep_quantities"], requires=["doc._.sitrep_dates"])
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    ext.register()
    return QuantitiesComponent(QuantityParser())
