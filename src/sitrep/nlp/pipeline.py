"""Build the one spaCy pipeline a process uses: base model + sitrep's stages.

This is the only place a model is loaded. The base model is, in order of
preference: the ``model`` argument (``--model``), ``$SITREP_MODEL``, the
pipeline trained by the project and shipped in ``sitrep/data/model``, and
finally ``spacy.blank("en")`` with a sentencizer, on which every stage still
works by rules (with less recall). Callers build it once and keep it: see
:class:`sitrep.analysis.Analyzer`.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from sitrep.errors import ModelError
from sitrep.nlp import extensions

MODEL_ENV = "SITREP_MODEL"
BLANK = "blank"

# (factory name, module that registers it), in the order stages must run:
# each reads the attributes set by the ones before it (see extensions.py).
STAGES: tuple[tuple[str, str], ...] = (
    ("sitrep_dates", "sitrep.stages.times"),
    ("sitrep_places", "sitrep.stages.places"),
    ("sitrep_quantities", "sitrep.stages.quantities"),
    ("sitrep_attribution", "sitrep.stages.attribution"),
    ("sitrep_events", "sitrep.stages.events"),
)


def shipped_model_path() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "model"


@dataclass(frozen=True, slots=True)
class ModelChoice:
    """Which base model to load and why, so ``sitrep`` can report it."""

    spec: str  # a package name, a path, or "blank"
    origin: str  # "argument", "environment", "shipped", "fallback"


def choose_model(model: str | None = None) -> ModelChoice:
    if model:
        return ModelChoice(model, "argument")
    env = os.environ.get(MODEL_ENV)
    if env:
        return ModelChoice(env, "environment")
    shipped = shipped_model_path()
    if (shipped / "meta.json").is_file():
        return ModelChoice(str(shipped), "shipped")
    return ModelChoice(BLANK, "fallback")


def load_base(choice: ModelChoice) -> Language:
    if choice.spec == BLANK:
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(choice.spec)
        except (OSError, ValueError, KeyError) as exc:  # spaCy raises these for bad names/paths
            raise ModelError(f"cannot load spaCy pipeline: {exc}", source=choice.spec) from exc
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("sentencizer")
    return nlp


def build_pipeline(model: str | None = None, *, stages: bool = True) -> Language:
    """Load the base model and append sitrep's stage components.

    ``stages=False`` gives the bare base pipeline, used by benchmarks to measure
    the ceiling that sitrep's own stages are compared against.
    """
    extensions.register()
    choice = choose_model(model)
    nlp = load_base(choice)
    nlp.meta.setdefault("sitrep", {})["base_model"] = {"spec": choice.spec, "origin": choice.origin}
    if stages:
        for factory, module in STAGES:
            importlib.import_module(module)  # registers the factory
            nlp.add_pipe(factory, name=factory)
    return nlp
