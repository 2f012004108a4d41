from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import sitrep.stages.attribution  # noqa: F401  (registers the factory)
from sitrep.nlp import extensions
from sitrep.records import DateMention


def _attribution_pipeline(**config: object) -> Language:
    extensions.register()
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("sitrep_attribution", config=config)
    return pipeline


def _runner(nlp: Language) -> Callable[..., Doc]:
    def _run(text: str, published: str | None = "2023-02-16", dates: list[DateMention] | None = None) -> Doc:
        doc = nlp.make_doc(text)
        doc._.sitrep_published = published
        doc._.sitrep_dates = dates
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc

    return _run


@pytest.fixture(scope="session")
def nlp() -> Language:
    return _attribution_pipeline()


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[..., Doc]:
    return _runner(nlp)


@pytest.fixture(scope="session")
def encoder_run() -> Callable[..., Doc]:
    """``run`` with the role encoder in place of the taggers."""
    return _runner(_attribution_pipeline(role_model="encoder"))
