"""The accurate pipeline variant shipped in ``sitrep/data/model_accurate`` (no retraining in CI)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language
from tests.model.test_shipped_model import EXAMPLE_EXCERPT, example_text

from sitrep.errors import DataFileError, ModelError
from sitrep.nlp.accurate import FACTORY, MODEL_FILE, AccurateAnnotator, AccurateModel, accurate_dir
from sitrep.nlp.paragraphs import FACTORY as PARAGRAPHS
from sitrep.nlp.pipeline import ACCURATE, build_pipeline, choose_model, load_base

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_base(choose_model(ACCURATE))


def test_the_accurate_pipeline_replaces_the_networks_and_keeps_the_rest(nlp: Language) -> None:
    assert nlp.pipe_names[:2] == [PARAGRAPHS, FACTORY]  # blank lines first: it keeps their starts
    assert {"lemmatizer", "aux_lemmas", "theatre_places"} <= set(nlp.pipe_names)
    assert not {"tok2vec", "tagger", "morphologizer", "parser", "ner", "sentencizer"} & set(nlp.pipe_names)


def test_the_network_opens_on_the_first_doc_not_at_load() -> None:
    nlp = load_base(choose_model(ACCURATE))
    annotator = nlp.get_pipe(FACTORY)
    assert isinstance(annotator, AccurateAnnotator)
    assert annotator._model is None
    nlp("Kyiv said it shot down six balloons.")
    assert annotator._model is not None and annotator.network._session is not None


def test_fixed_sample(nlp: Language) -> None:
    doc = nlp(EXAMPLE_EXCERPT)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Serhiy Haidai", "PERSON") in ents
    assert any(e.text == "Luhansk" and e.label_ in {"GPE", "LOC"} for e in doc.ents)
    said = next(t for t in doc if t.text == "said")
    subjects = [c.text for c in said.children if c.dep_.startswith("nsubj")]
    assert subjects == ["Ministry"]
    retreated = next(t for t in doc if t.text == "retreated")
    assert retreated.lemma_ == "retreat" and retreated.pos_ == "VERB"
    assert len(list(doc.sents)) == 2


def test_a_whole_article_is_parsed_into_trees_one_per_sentence(nlp: Language) -> None:
    text = example_text()
    doc = nlp(text)
    assert len(doc) > 300  # more than one window of word pieces
    assert all(t.pos_ and t.tag_ for t in doc if not t.is_space)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    sents = list(doc.sents)
    assert len(roots) == len(sents) > 5
    for sent in sents:
        assert sum(1 for t in sent if t.head == t) == 1
        assert all(sent.start <= t.head.i < sent.end for t in sent)
    # the names of the example article's speakers, places and sides
    names = {e.text for e in doc.ents}
    assert {"Serhiy Haidai", "Kyiv", "Luhansk"} <= names


def test_sitrep_stages_run_on_the_accurate_pipeline() -> None:
    nlp = build_pipeline(ACCURATE)
    doc = nlp(EXAMPLE_EXCERPT)
    claims = doc._.sitrep_claims
    assert any("Ministry" in c.speaker.name for c in claims)


def test_a_doc_of_one_word_and_an_empty_doc(nlp: Language) -> None:
    assert [t.dep_ for t in nlp("Kyiv")] == ["ROOT"]
    assert len(nlp("")) == 0


def test_broken_files_raise_a_data_error_naming_the_folder(tmp_path: Path) -> None:
    for name in ("labels.json", "heads.npz", MODEL_FILE):
        shutil.copy(accurate_dir() / name, tmp_path / name)
    (tmp_path / "labels.json").write_text("{", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        AccurateModel(tmp_path)
    assert str(tmp_path) in str(err.value.source)
    (tmp_path / "labels.json").write_text(json.dumps({"upos": []}), encoding="utf-8")
    (tmp_path / MODEL_FILE).unlink()
    with pytest.raises(DataFileError):
        AccurateModel(tmp_path)


def test_a_missing_accurate_model_is_a_model_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sitrep.nlp.accurate.accurate_dir", lambda: tmp_path)
    with pytest.raises(ModelError):
        choose_model(ACCURATE)


def test_the_heads_file_matches_the_labels() -> None:
    model = AccurateModel()
    a = model.arrays
    assert a["lab_w"].shape == (3 * a["root_lab"].shape[0], len(model.labels["dep"]))
    assert "ROOT" in model.labels["dep"]
    assert np.isfinite(a["root_arc"]).all()


def test_whitespace_tokens_hang_from_the_word_before_and_start_no_sentence(nlp: Language) -> None:
    doc = nlp("\n Kyiv said it shot down six balloons.\n\nThe ministry denied it.\n")
    spaces = [t for t in doc if t.is_space]
    assert len(spaces) == 3
    assert all(t.pos_ == "SPACE" and t.dep_ == "dep" for t in spaces)
    assert doc[0].head.text == "Kyiv"  # leading whitespace: the first word
    assert [s.text.strip() for s in doc.sents] == [
        "Kyiv said it shot down six balloons.",
        "The ministry denied it.",
    ]
    assert len(nlp("\n\n")) == 1 and nlp("\n\n")[0].dep_ == "ROOT"


def test_eval_nlp_reads_the_dev_halves_for_the_gate(shared_data: Path, nlp: Language) -> None:
    from sitrep.evaluation.nlp import evaluate_nlp

    result = evaluate_nlp(nlp, shared_data, corpora=("ewt", "uner"), split="dev", limit=5)
    assert [p.corpus for p in result.parse] == ["UD_English-EWT dev"]
    assert [n.corpus for n in result.ner] == ["UNER English-EWT dev"]
    assert result.parse[0].las > 0.7 and result.parse[0].upos > 0.9
    with pytest.raises(ValueError, match="split"):
        evaluate_nlp(nlp, shared_data, split="train")
    hidden = evaluate_nlp(nlp, shared_data, corpora=("ewt",), split="dev", limit=5, paragraphs=False)
    assert any("paragraph breaks not given" in note for note in hidden.notes)
    assert not any("paragraph" in note for note in result.notes)


def test_sentence_starts_set_before_it_win_over_the_network(nlp: Language) -> None:
    from spacy.tokens import Doc

    annotator = nlp.get_pipe(FACTORY)
    words = ["Kyiv", "said", "balloons", "were", "shot", "down", ".", "The", "ministry", "denied", "it", "."]
    free = annotator(Doc(nlp.vocab, words=words))
    assert [t.i for t in free if t.is_sent_start] == [0, 7]
    forced = Doc(nlp.vocab, words=words)
    forced[2].is_sent_start = True  # a start the network would not make
    forced[7].is_sent_start = False  # and one it would
    forced = annotator(forced)
    assert [t.i for t in forced if t.is_sent_start] == [0, 2]
    assert sum(1 for t in forced if t.dep_ == "ROOT") == 2
