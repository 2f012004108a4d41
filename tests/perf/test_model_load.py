"""Loading the shipped model: same pipeline as ``spacy.load``, without a model pass over the gazetteer."""

from __future__ import annotations

import json
from typing import Any

import pytest
import spacy
from spacy.pipeline import Tok2Vec

from sitrep.nlp.pipeline import _load_path, shipped_model_path
from sitrep.samples import samples_path

pytestmark = [pytest.mark.model]


@pytest.fixture(scope="module")
def model_dir() -> Any:
    path = shipped_model_path()
    if not (path / "meta.json").is_file():
        pytest.skip("the shipped model is not in this checkout")
    return path


def test_loading_runs_no_model_component(model_dir: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = Tok2Vec.predict

    def counting(self: Tok2Vec, docs: Any) -> Any:
        calls.append(len(docs))
        return original(self, docs)

    monkeypatch.setattr(Tok2Vec, "predict", counting)
    nlp = _load_path(model_dir)
    assert calls == [], "loading ran tok2vec over the ruler's patterns"
    nlp("Russian forces shelled Kherson on Monday.")
    assert calls, "the spy sees tok2vec when it does run"


@pytest.mark.slow
def test_same_pipeline_and_annotations_as_spacy_load(model_dir: Any) -> None:
    reference = spacy.load(model_dir)
    fast = _load_path(model_dir)
    assert fast.pipe_names == reference.pipe_names
    ruler, ref_ruler = fast.get_pipe("theatre_places"), reference.get_pipe("theatre_places")
    assert sorted(map(json.dumps, ruler.patterns)) == sorted(map(json.dumps, ref_ruler.patterns))
    texts = [
        json.loads(x)["text"] for x in samples_path().read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    texts.append("Shelling hit Kupiansk, Vuhledar and Avdiivka; Bakhmut and Soledar were quiet, Kyiv said.")
    for a, b in zip(fast.pipe(texts), reference.pipe(texts), strict=True):
        assert [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_, e.ent_id_) for e in b.ents
        ]
        assert [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in a] == [
            (t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in b
        ]
