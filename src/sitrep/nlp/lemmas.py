"""Rule lemmas at dictionary-lookup cost: spaCy's rule lemmatizer with a whole-Doc cache.

spaCy's rule lemmatizer caches its answer per (word, POS, morphology), but still walks
the Doc token by token in Python, builds a ``Token`` and a ``MorphAnalysis`` for every
word and sets ``lemma_`` through the string store: about 20 µs a word, 14 % of the
shipped pipeline's time on one core, for answers it almost always has already. This
component reads the keys of a whole Doc as one array, looks them up in a dict of
string hashes and writes the lemmas back as one array. Only a key it has not seen goes
to the wrapped lemmatizer (the same ``lemmatize`` call, so the lemmas are the same).

The wrapped component stays what the model's ``config.cfg`` names, so the shipped
pipeline still loads and runs in plain spaCy; sitrep swaps it in when it loads a model
(:func:`speed_up_lemmatizer`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

FACTORY = "sitrep_cached_lemmatizer"


class CachedLemmatizer:
    """Lemmas of ``inner`` (a rule-mode :class:`spacy.pipeline.Lemmatizer`), cached by key.

    Not serialisable: it is made at load time from the model's own lemmatizer
    (:func:`speed_up_lemmatizer`), never saved in a model folder."""

    def __init__(self, inner: Lemmatizer) -> None:
        self.inner = inner
        _index_as_sets(inner)
        # (orth, pos, morph) -> lemma; per component, so per loaded pipeline. The lemma is
        # kept as a string and added to the string store for every Doc: a string first
        # added inside a spaCy memory zone (sitrep.analysis frees each chunk's strings) is
        # gone after it, so a cached hash would name no string in the next zone.
        self._cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        overwrite = bool(self.inner.overwrite)
        cache = self._cache
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = cache[key] = self.inner.lemmatize(doc[i])[0]
            lemmas[i] = strings.add(found)
        column: Any = lemmas.astype(np.uint64).reshape(-1, 1)
        doc.from_array([LEMMA], column)
        return doc


@Language.factory(
    FACTORY, assigns=["token.lemma"], requires=["token.pos"], default_config={"source": "lemmatizer"}
)
def make_cached_lemmatizer(nlp: Language, name: str, source: str) -> CachedLemmatizer:
    inner = nlp.get_pipe(source)
    if not isinstance(inner, Lemmatizer):
        raise ValueError(f"component {source!r} is not a spaCy lemmatizer")
    return CachedLemmatizer(inner)


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """The rule lemmatizer asks ``form in index`` of every candidate form, and
    spacy-lookups-data stores each part of speech's index as a list (57k nouns): a
    linear scan, about 80 µs per new word. A frozenset answers the same membership
    question in constant time; the tables are only read, never written back."""
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, value in list(table.items()):
        if isinstance(value, list):
            table[key] = frozenset(value)


def speed_up_lemmatizer(nlp: Language) -> None:
    """Put :class:`CachedLemmatizer` in the place of every rule-mode lemmatizer of ``nlp``.

    Lookup-mode lemmatizers and other components are left as they are."""
    for name in list(nlp.pipe_names):
        component = nlp.get_pipe(name)
        if not isinstance(component, Lemmatizer) or component.mode != "rule":
            continue
        temporary = f"{name}__cached"
        nlp.add_pipe(FACTORY, name=temporary, after=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(temporary, name)
