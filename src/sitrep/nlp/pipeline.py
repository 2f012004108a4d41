"""Build the one spaCy pipeline a process uses: base model + sitrep's stages.

This is the only place a model is loaded. The base model is the ``model``
argument (``--model``), else ``$SITREP_MODEL``, else ``spacy.blank("en")`` with a
sentencizer, on which every stage works by rules. The name ``sitrep`` selects
the pipeline the project trains and ships in ``sitrep/data/model``. It is not
yet the default because the evaluation gate (tests/eval_gate) measures the
stages better on rules alone than with the current model's parse and entities;
it becomes the default when the gate says otherwise. Callers build it once and keep it: see
:class:`sitrep.analysis.Analyzer`.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokenizer import Tokenizer

from sitrep.errors import ModelError
from sitrep.nlp import extensions
from sitrep.nlp.lemmas import speed_up_lemmatizer
from sitrep.nlp.matmul import use_numpy_matmul

MODEL_ENV = "SITREP_MODEL"
# which learned model the attribution stage reads cues and roles with: "tagger" (the
# default, two small surface-feature models) or "encoder" (the fine-tuned MiniLM: more
# accurate, several times the cost per article; see data/attribution_model/README.md)
ROLE_MODEL_ENV = "SITREP_ROLE_MODEL"
ROLE_MODELS = ("encoder", "tagger")
BLANK = "blank"
SHIPPED = "sitrep"
# the shipped pipeline with its CNN tagger, parser and NER replaced by one fine-tuned MiniLM
# (sitrep.nlp.accurate): more accurate, about twice the cost per word
ACCURATE = "sitrep-accurate"
# the shipped pipeline's components that the accurate variant does the work of
_REPLACED = ("tok2vec", "tagger", "morphologizer", "parser", "ner")

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
    origin: str  # "argument", "environment" or "default"


def choose_model(model: str | None = None) -> ModelChoice:
    if model:
        spec, origin = model, "argument"
    elif os.environ.get(MODEL_ENV):
        spec, origin = os.environ[MODEL_ENV], "environment"
    else:
        return ModelChoice(BLANK, "default")
    if spec in (SHIPPED, ACCURATE):
        shipped = shipped_model_path()
        if not (shipped / "meta.json").is_file():
            raise ModelError("sitrep's trained pipeline is not installed in this build", source=str(shipped))
        if spec == ACCURATE:
            from sitrep.nlp.accurate import MODEL_FILE, accurate_dir

            if not (accurate_dir() / MODEL_FILE).is_file():
                raise ModelError(
                    "sitrep's accurate pipeline is not installed in this build", source=str(accurate_dir())
                )
            return ModelChoice(ACCURATE, origin)
        return ModelChoice(str(shipped), origin)
    return ModelChoice(spec, origin)


# Phrase-pattern attributes the tokenizer alone sets: pattern docs for these need no component.
_TOKENIZER_ATTRS = (None, "ORTH", "TEXT", "LOWER")


def _tokenizer_only_rulers(path: Path) -> list[str]:
    """Enabled entity rulers whose phrase patterns only need the tokenizer."""
    config = spacy.util.load_config(path / "config.cfg", interpolate=False)
    disabled = set(config["nlp"].get("disabled") or ())
    return [
        name
        for name in config["nlp"]["pipeline"]
        if name not in disabled
        and config["components"].get(name, {}).get("factory") == "entity_ruler"
        and config["components"][name].get("phrase_matcher_attr") in _TOKENIZER_ATTRS
        and (path / name).is_dir()
    ]


def _load_path(path: Path, exclude: tuple[str, ...] = ()) -> Language:
    """``spacy.load(path)``, but entity rulers get their patterns without running the model.

    spaCy's EntityRuler turns phrase patterns into Docs with every component before it in
    the pipeline; for sitrep's 29k-name gazetteer ruler that is a tok2vec + parser pass over
    every name, 10-30 CPU-seconds per process start (each ingest worker, each Dask worker).
    The names are matched on their text, so the tokenizer alone gives the same patterns: the
    ruler is loaded apart, at its place in the pipeline, with only itself enabled.
    """
    rulers = _tokenizer_only_rulers(path)
    nlp = spacy.load(path, exclude=[*rulers, *exclude])
    if not rulers:
        return nlp
    config = spacy.util.load_config(path / "config.cfg", interpolate=False)
    order = list(config["nlp"]["pipeline"])
    for name in rulers:
        after = [p for p in order[order.index(name) + 1 :] if p in nlp.pipe_names]
        settings = {k: v for k, v in config["components"][name].items() if k != "factory"}
        placement = {"before": after[0]} if after else {}
        ruler = nlp.add_pipe("entity_ruler", name=name, config=settings, **placement)
        if not isinstance(ruler, EntityRuler):
            raise ModelError(f"component {name!r} is not an entity ruler", source=str(path))
        with nlp.select_pipes(enable=[name]):
            ruler.from_disk(path / name)
    return nlp


def _fresh_tokenizer_cache(nlp: Language) -> None:
    """Give the tokenizer an empty chunk cache once the model's rulers are loaded.

    spaCy's tokenizer caches at most 10,000 chunks and stops caching once that many were
    ever stored (flushing does not lower the count). An entity ruler's phrase patterns
    go through the tokenizer when they are loaded: the 29k names of ``theatre_places``
    fill the cache with place names, and every word of the articles after them is split
    afresh, 7x slower (0.30 s instead of 0.04 s on 57k words). Setting the rules again is
    spaCy's own way to start a new cache; the rules and so the tokens stay the same."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        tokenizer.rules = dict(tokenizer.rules or {})


def _load_accurate() -> Language:
    """The shipped pipeline's tokenizer, lemmatizer and place ruler behind the accurate
    annotator, which comes first because the lemmatizer reads its POS and morphology. The
    ruler runs last and is told to overwrite: its names win over the predicted ones, as they
    do over the CNN NER in the shipped pipeline (there it runs before the NER)."""
    from sitrep.nlp.accurate import FACTORY

    nlp = _load_path(shipped_model_path(), exclude=_REPLACED)
    nlp.add_pipe(FACTORY, first=True)
    for name in nlp.pipe_names:
        component = nlp.get_pipe(name)
        if isinstance(component, EntityRuler):
            component.overwrite = True
    nlp.meta["name"] = "news_accurate"
    return nlp


def load_base(choice: ModelChoice) -> Language:
    if choice.spec == BLANK:
        nlp = spacy.blank("en")
    elif choice.spec == ACCURATE:
        nlp = _load_accurate()
        speed_up_lemmatizer(nlp)
        _fresh_tokenizer_cache(nlp)
    else:
        try:
            path = Path(choice.spec)
            nlp = _load_path(path) if (path / "config.cfg").is_file() else spacy.load(choice.spec)
        except (OSError, ValueError, KeyError) as exc:  # spaCy raises these for bad names/paths
            raise ModelError(f"cannot load spaCy pipeline: {exc}", source=choice.spec) from exc
        speed_up_lemmatizer(nlp)
        _fresh_tokenizer_cache(nlp)
        use_numpy_matmul(nlp)
    if choice.spec != BLANK:
        # before the parser: a blank line starts a sentence (the blank pipeline's stages
        # split at line breaks themselves)
        from sitrep.nlp.paragraphs import FACTORY as PARAGRAPHS

        nlp.add_pipe(PARAGRAPHS, first=True)
    # the accurate annotator sets sentences itself (from its parse)
    if choice.spec != ACCURATE and not any(nlp.has_pipe(p) for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer")
    return nlp


def build_pipeline(
    model: str | None = None, *, stages: bool = True, role_model: str | None = None
) -> Language:
    """Load the base model and append sitrep's stage components.

    ``stages=False`` gives the bare base pipeline, used by benchmarks to measure
    the ceiling that sitrep's own stages are compared against. ``role_model``: the
    attribution stage's learned model (else ``$SITREP_ROLE_MODEL``, else its default).
    """
    extensions.register()
    choice = choose_model(model)
    nlp = load_base(choice)
    nlp.meta.setdefault("sitrep", {})["base_model"] = {"spec": choice.spec, "origin": choice.origin}
    if stages:
        role_model = role_model or os.environ.get(ROLE_MODEL_ENV) or None
        if role_model is not None and role_model not in ROLE_MODELS:
            raise ModelError(
                f"the role model (argument or ${ROLE_MODEL_ENV}) must be one of "
                f"{', '.join(ROLE_MODELS)}, not {role_model!r}"
            )
        for factory, module in STAGES:
            importlib.import_module(module)  # registers the factory
            config = {"role_model": role_model} if factory == "sitrep_attribution" and role_model else {}
            nlp.add_pipe(factory, name=factory, config=config)
    return nlp
