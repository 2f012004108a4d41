"""The sitrep_dates component on a blank pipeline."""

from __future__ import annotations

import spacy

import sitrep.stages.times  # noqa: F401  registers the factory
from sitrep.nlp import extensions


def _nlp() -> spacy.language.Language:
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sitrep_dates")
    return nlp


def test_component_sets_dates_from_published() -> None:
    nlp = _nlp()
    doc = nlp.make_doc("Russia said on Wednesday it advanced. Last year it lost ground.")
    doc._.sitrep_published = "2023-02-16"
    doc = nlp(doc)
    assert [(d.expression, d.value) for d in doc._.sitrep_dates] == [
        ("on Wednesday", "2023-02-15"),
        ("Last year", "2022"),
    ]


def test_component_without_published_never_uses_the_clock() -> None:
    doc = _nlp()("Russia said on Wednesday it advanced.")
    assert [(d.expression, d.value) for d in doc._.sitrep_dates] == [("on Wednesday", None)]
