"""The sitrep_quantities component after sitrep_dates on a blank pipeline."""

from __future__ import annotations

import spacy

import sitrep.stages.quantities
import sitrep.stages.times  # noqa: F401
from sitrep.nlp import extensions


def test_component_skips_date_digits() -> None:
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sitrep_dates")
    nlp.add_pipe("sitrep_quantities")
    doc = nlp.make_doc("On Jan. 20, 2023 Russia fired over 20 missiles.")
    doc._.sitrep_published = "2023-02-16"
    doc = nlp(doc)
    assert [(q.text, q.low, q.noun) for q in doc._.sitrep_quantities] == [
        ("over 20 missiles", 20, "missiles")
    ]
