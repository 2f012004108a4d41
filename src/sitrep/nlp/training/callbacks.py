"""spaCy registry entries the training configs refer to (passed to ``spacy train --code``).

Importing this module also registers the news tokenizer callback of
:mod:`sitrep.nlp.tokenizer`, so one ``--code`` file serves both configs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import cast

import numpy
import spacy
from spacy.language import Language
from spacy.util import registry
from thinc.api import Model
from thinc.types import FloatsXd

import sitrep.nlp.tokenizer  # noqa: F401  (registers sitrep.news_tokenizer.v1)
from sitrep.nlp.matmul import use_numpy_matmul

log = logging.getLogger(__name__)


def copy_tok2vec_weights(nlp: Language, source: Path, *, component: str = "ner") -> None:
    """Overwrite the embedding+CNN of ``component``'s own tok2vec with the parser run's tok2vec.

    Why: the NER data (about 8k UNER names plus GUM/re3d) is small and the dev
    score stalled after 2-3 epochs; starting from the representation that the
    tagger/morphologizer/parser learned on 300k treebank words (same
    architecture: MultiHashEmbed + MaxoutWindowEncoder) converges faster and
    ends higher. The weights are then fine-tuned for NER, so the NER stays
    self-contained when sourced into the shipped pipeline.

    The NER's embedding may also read static word vectors, which the parser
    run's does not: then its mixing layer takes a wider input (the hash
    embeddings first, the projected vectors last). Its weights for the hash
    embedding columns are taken from the parser run and those for the vector
    columns start at zero, so the NER starts from exactly the parser run's
    features and the vectors come in through training. (With random vector
    columns the first run lost the parser start's advantage: its dev curve
    peaked as early and as low as a run from random weights.) The vector
    projection itself keeps its random start.
    """
    if not (source / "tok2vec").is_dir():
        raise FileNotFoundError(f"no trained tok2vec to start the NER from: {source / 'tok2vec'}")
    donor: Model[object, object] = spacy.load(source).get_pipe("tok2vec").model  # type: ignore[attr-defined]
    # TransitionBasedParser wraps the tok2vec as chain(tok2vec, list2array, Linear): layer 0 is it.
    target: Model[object, object] = nlp.get_pipe(component).model.get_ref("tok2vec").layers[0]  # type: ignore[attr-defined]
    try:
        copied = copy_matching_params(donor, target)
    except ValueError as exc:
        raise ValueError(
            f"the tok2vec of {source} does not match the {component} tok2vec of this config "
            f"(width, rows and attrs must be equal): {exc}"
        ) from exc
    log.info("%s tok2vec initialised from %s (%d parameter arrays)", component, source, copied)


def _layers_by_name(model: Model[object, object]) -> dict[str, list[Model[object, object]]]:
    """Layers that own parameters, grouped by name, each group in creation (id) order."""
    groups: dict[str, list[Model[object, object]]] = {}
    for node in model.walk():
        if node.param_names:
            groups.setdefault(node.name, []).append(node)
    return {name: sorted(nodes, key=lambda n: n.id) for name, nodes in groups.items()}


def _only_input_wider(src: Model[object, object], dst: Model[object, object]) -> bool:
    """The two layers differ in their input width ``nI`` alone, the target's being the larger."""
    if not (src.has_dim("nI") and dst.has_dim("nI")) or src.get_dim("nI") >= dst.get_dim("nI"):
        return False
    return all(src.get_dim(d) == dst.get_dim(d) for d in src.dim_names if d != "nI" and src.has_dim(d))


def copy_matching_params(donor: Model[object, object], target: Model[object, object]) -> int:
    """Copy every parameter of ``donor`` into the same-named layer of ``target``; returns the count.

    Layers are paired by name and creation order. A target weight matrix may be
    wider than the donor's in its input axis (``nI``, the last axis) only; the
    donor's values then fill its leading columns and the others are zeroed.
    Anything else is a ValueError, and the target is only written once every
    pair has been checked.
    """
    donors, targets = _layers_by_name(donor), _layers_by_name(target)
    writes: list[tuple[Model[object, object], str, numpy.ndarray]] = []
    for name, nodes in donors.items():
        if len(targets.get(name, [])) != len(nodes):
            raise ValueError(
                f"{len(nodes)} {name} layers in the donor, {len(targets.get(name, []))} in the target"
            )
        for src, dst in zip(nodes, targets[name], strict=True):
            for param in src.param_names:
                if not src.has_param(param):
                    continue
                value = numpy.asarray(src.get_param(param))
                current = numpy.asarray(dst.get_param(param)).copy()
                if current.shape == value.shape:
                    current[...] = value
                elif param == "W" and _only_input_wider(src, dst) and current.shape[:-1] == value.shape[:-1]:
                    current[..., : value.shape[-1]] = value
                    current[..., value.shape[-1] :] = 0.0
                else:
                    raise ValueError(f"{name}.{param}: shape {value.shape} cannot go into {current.shape}")
                writes.append((dst, param, current))
    for dst, param, value in writes:
        dst.set_param(param, dst.ops.asarray_f(cast(FloatsXd, value)))
    return len(writes)


@registry.callbacks("sitrep.ner_tok2vec_from.v1")  # type: ignore[untyped-decorator,unused-ignore]
def create_ner_tok2vec_from(path: str | None) -> Callable[[Language], Language]:
    """``[initialize.after_init]`` callback of ``ner.cfg``; ``path`` null keeps random weights."""

    def initialize(nlp: Language) -> Language:
        if path:
            copy_tok2vec_weights(nlp, Path(path))
        return nlp

    return initialize


@registry.callbacks("sitrep.numpy_matmul.v1")  # type: ignore[untyped-decorator,unused-ignore]
def create_numpy_matmul() -> Callable[[Language, dict[str, int]], None]:
    """``[training.before_update]`` callback of both configs: from the first step on, the
    networks multiply through numpy's BLAS (:mod:`sitrep.nlp.matmul`), as they do when
    sitrep runs them. spaCy builds its models on thinc's BLIS route before any callback
    can choose; an update of the shipped pipeline's tok2vec, tagger, morphologizer, parser
    and NER on 400 paragraphs took 5.3 s this way against 9.4 s on BLIS (one thread)."""

    def before_update(nlp: Language, info: dict[str, int]) -> None:
        if info.get("step") == 0:
            changed = use_numpy_matmul(nlp)
            log.info("numpy BLAS for %d network nodes", changed)

    return before_update
