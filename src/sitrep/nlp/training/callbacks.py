"""spaCy registry entries the training configs refer to (passed to ``spacy train --code``).

Importing this module also registers the news tokenizer callback of
:mod:`sitrep.nlp.tokenizer`, so one ``--code`` file serves both configs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import registry
from thinc.api import Model

import sitrep.nlp.tokenizer  # noqa: F401  (registers sitrep.news_tokenizer.v1)

log = logging.getLogger(__name__)


def copy_tok2vec_weights(nlp: Language, source: Path, *, component: str = "ner") -> None:
    """Overwrite the embedding+CNN of ``component``'s own tok2vec with the parser run's tok2vec.

    Why: the NER data (about 8k UNER names plus GUM/re3d) is small and the dev
    score stalled after 2-3 epochs; starting from the representation that the
    tagger/morphologizer/parser learned on 300k treebank words (same
    architecture: MultiHashEmbed + MaxoutWindowEncoder) converges faster and
    ends higher. The weights are then fine-tuned for NER, so the NER stays
    self-contained when sourced into the shipped pipeline.
    """
    if not (source / "tok2vec").is_dir():
        raise FileNotFoundError(f"no trained tok2vec to start the NER from: {source / 'tok2vec'}")
    donor: Model[object, object] = spacy.load(source).get_pipe("tok2vec").model  # type: ignore[attr-defined]
    # TransitionBasedParser wraps the tok2vec as chain(tok2vec, list2array, Linear): layer 0 is it.
    target: Model[object, object] = nlp.get_pipe(component).model.get_ref("tok2vec").layers[0]  # type: ignore[attr-defined]
    try:
        target.from_bytes(donor.to_bytes())
    except ValueError as exc:
        raise ValueError(
            f"the tok2vec of {source} does not match the {component} tok2vec of this config "
            f"(width, rows and attrs must be equal): {exc}"
        ) from exc
    log.info("%s tok2vec initialised from %s", component, source)


@registry.callbacks("sitrep.ner_tok2vec_from.v1")  # type: ignore[untyped-decorator,unused-ignore]
def create_ner_tok2vec_from(path: str | None) -> Callable[[Language], Language]:
    """``[initialize.after_init]`` callback of ``ner.cfg``; ``path`` null keeps random weights."""

    def initialize(nlp: Language) -> Language:
        if path:
            copy_tok2vec_weights(nlp, Path(path))
        return nlp

    return initialize
