"""The learned cue tagger: shipped, small, loaded with the pipeline, and it generalises.

The sentences here are written for these tests (not from PolNeAR) and their cue verbs
are ones the cue lexicon does not list, so only the model can find them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

import sitrep.attribution.cue_model as cue_model_module
from sitrep.attribution.cue_model import CARD_FILE, N_BUCKETS, WEIGHTS_FILE, CueModel, model_dir
from sitrep.attribution.cues import CueFinder
from sitrep.attribution.lexicon import load_lexicons
from sitrep.errors import DataFileError
from sitrep.nlp import extensions
from sitrep.records import Claim

Run = Callable[..., Doc]
UNLISTED_CUES = ("hinted", "posited", "opined", "scoffed")


@pytest.fixture(scope="module")
def forms() -> frozenset[str]:
    return CueFinder(load_lexicons()).forms


@pytest.fixture(scope="module")
def model(forms: frozenset[str]) -> CueModel:
    return CueModel.load(forms)


def test_artefact_is_shipped_small_and_carded() -> None:
    folder = model_dir()
    weights = folder / WEIGHTS_FILE
    assert weights.stat().st_size < 3_000_000
    card = json.loads((folder / CARD_FILE).read_text(encoding="utf-8"))
    assert 0.0 < card["threshold"] < 1.0 and 0.0 < card["open_frame_threshold"] <= 1.0
    assert "train" in card["trained_on"] and "dev" not in card["trained_on"]
    with np.load(weights, allow_pickle=False) as data:
        assert data["weights"].shape == (N_BUCKETS,)
        assert np.count_nonzero(data["weights"]) > 10_000  # trained, not a blank vector
    assert (folder / "README.md").read_text(encoding="utf-8").count("PolNeAR") >= 2


def test_cues_outside_the_lexicon_are_tagged(model: CueModel, forms: frozenset[str]) -> None:
    for verb in UNLISTED_CUES:
        # otherwise this test proves nothing about the model
        assert verb not in forms and not any(verb in e.form.split() for e in load_lexicons().cues)
        text = f"The regional governor {verb} that the bridge over the river had been destroyed."
        spans = [text[s.start : s.end] for s in model.find(text)]
        assert verb in spans


def test_plain_words_are_not_cues(model: CueModel) -> None:
    text = "The bridge over the river was destroyed in heavy fighting near the town."
    assert model.find(text) == []


def test_scores_are_probabilities_and_punctuation_scores_zero(model: CueModel) -> None:
    from sitrep.attribution.segments import words_in

    text = 'He insisted, "We will hold the line."'
    words = words_in(text)
    probs = model.scores(text, words)
    assert probs.shape == (len(words),)
    assert all(0.0 <= p <= 1.0 for p in probs)
    assert all(p == 0.0 for w, p in zip(words, probs, strict=True) if not w.text[:1].isalpha())


def test_learned_cue_yields_a_claim_on_the_blank_pipeline(run: Run) -> None:
    doc = run("The regional governor opined that the bridge over the river had been destroyed.")
    claims: list[Claim] = doc._.sitrep_claims
    (c,) = claims
    assert c.cue == "opined"
    assert c.content == "the bridge over the river had been destroyed"
    assert c.speaker.text == "The regional governor"


def test_without_the_model_the_rules_alone_find_nothing() -> None:
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sitrep_attribution", config={"learned_cues": False})
    component = nlp.get_pipe("sitrep_attribution")
    assert component.cue_model is None  # type: ignore[attr-defined]
    doc = nlp("The regional governor opined that the bridge over the river had been destroyed.")
    assert doc._.sitrep_claims == []


def test_model_loads_once_with_the_pipeline_not_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.stages.attribution as stage

    for module in (stage, cue_model_module):
        assert not any(isinstance(v, CueModel) for v in vars(module).values())
    calls: list[Path | None] = []
    original = CueModel.load

    def counting(cue_forms: frozenset[str], directory: Path | None = None) -> CueModel:
        calls.append(directory)
        return original(cue_forms, directory)

    monkeypatch.setattr(CueModel, "load", counting)
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sitrep_attribution", config={"role_model": "tagger"})
    assert calls == [None]
    nlp("The mayor opined that the power station had been hit.")
    nlp("The mayor opined that the water station had been hit.")
    assert calls == [None]


def test_broken_model_files_raise_a_data_error(tmp_path: Path, forms: frozenset[str]) -> None:
    with pytest.raises(DataFileError) as missing:
        CueModel.load(forms, tmp_path)
    assert str(tmp_path) in str(missing.value)
    (tmp_path / CARD_FILE).write_text('{"threshold": 0.5, "open_frame_threshold": 0.6}', encoding="utf-8")
    np.savez(tmp_path / WEIGHTS_FILE, weights=np.zeros(10, dtype=np.float32))
    with pytest.raises(DataFileError):
        CueModel.load(forms, tmp_path)


def test_disclaimers_and_lone_auxiliaries_never_become_claims(run: Run) -> None:
    doc = run("The ministry said the town had fallen. Moscow did not immediately comment on the report.")
    claims: list[Claim] = doc._.sitrep_claims
    assert [c.cue for c in claims] == ["said"]
    doc = run("Ukraine is using shells faster than the West can make them and says it needs jets.")
    assert [c.cue for c in doc._.sitrep_claims] == ["says"]


def test_cue_grows_to_the_tagged_span_as_polnear_marks_it(run: Run) -> None:
    # PolNeAR's cue is "has said" / "also said": the tagger's span, not the lexicon's word
    for text, cue in (
        ("The governor has said that the bridge over the river was destroyed.", "has said"),
        ("The mayor also said that the water station had been hit.", "also said"),
    ):
        (c,) = run(text)._.sitrep_claims
        assert c.cue == cue == text[c.cue_start : c.cue_end]
        assert c.cue_end <= c.start


def test_spans_start_at_the_threshold_and_grow_through_likely_neighbours(
    forms: frozenset[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A half-believed word joins a sure neighbour's span but never starts one alone."""
    weights = np.zeros(N_BUCKETS, dtype=np.float32)
    cue = CueModel(weights, 0.5, forms, extend_threshold=0.3)
    text = "aa bb cc dd ee ff gg"
    probs = np.array([0.1, 0.4, 0.6, 0.35, 0.1, 0.4, 0.2])
    monkeypatch.setattr(CueModel, "scores", lambda self, t, w: probs)
    spans = [(s.start, s.end) for s in cue.find(text)]
    assert spans == [(text.index("bb"), text.index("dd") + 2)]
    strict = CueModel(weights, 0.5, forms)
    assert [(s.start, s.end) for s in strict.find(text)] == [(text.index("cc"), text.index("cc") + 2)]


def test_shipped_card_extends_below_its_threshold() -> None:
    card = json.loads((model_dir() / CARD_FILE).read_text(encoding="utf-8"))
    assert 0 < card["extend_threshold"] <= card["threshold"]
