"""The NER's static vectors: vocabulary order, reduction, pruning and lookup by lower case."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.ml.staticvectors import StaticVectors
from spacy.strings import get_string_id
from spacy.tokens import Doc, DocBin

from sitrep.nlp.training.vectors import (
    KEY_ATTR,
    corpus_words,
    geonames_words,
    nearest_rows,
    pca,
    vectors_table,
    vocabulary,
    wordpiece_words,
)
from sitrep.storylines.encoder import Encoder


def _corpus(tmp_path: Path) -> Path:
    nlp = spacy.blank("en")
    corpus = tmp_path / "corpus"
    for part, text in (
        ("parser_train", "The army said the army left ."),
        ("ner_train", "Kyiv said http://x.org"),
    ):
        (corpus / part).mkdir(parents=True)
        DocBin(docs=[nlp.make_doc(text)]).to_disk(corpus / part / "a.spacy")
    (corpus / "ner_dev").mkdir()
    DocBin(docs=[nlp.make_doc("Devword only here")]).to_disk(corpus / "ner_dev" / "a.spacy")
    return corpus


def _geonames(tmp_path: Path) -> Path:
    geo = tmp_path / "geonames"
    geo.mkdir()
    (geo / "countryInfo.tsv").write_text(
        "#ISO\tISO3\tnum\tfips\tCountry\nAG\tATG\t028\tAC\tAntigua and Barbuda\n"
    )
    (geo / "admin1CodesASCII.regionInfo.tsv").write_text(
        "#code\tname\tname_ascii\tid\nUA.07\tKharkivs'ka\tKharkiv Oblast\t1\n"
    )
    with gzip.open(geo / "cities15000_world.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("1\tBakhmut\tBakhmut\tArtemivsk\n")
    return geo


def _tokenizer_json(tmp_path: Path) -> Path:
    path = tmp_path / "tokenizer.json"
    vocab = {
        "[PAD]": 0,
        "[unused0]": 1,
        "!": 2,
        "a": 3,
        "the": 4,
        "##ing": 5,
        "army": 6,
        "zebra": 7,
        "1990": 8,
    }
    path.write_text(json.dumps({"model": {"vocab": vocab}}))
    return path


def test_corpus_words_count_train_halves_only(tmp_path: Path) -> None:
    counts = dict(corpus_words(_corpus(tmp_path)))
    assert counts["the"] == 2 and counts["army"] == 2 and counts["said"] == 2 and counts["kyiv"] == 1
    assert "devword" not in counts  # dev text never enters the vocabulary
    assert "." not in counts  # no letter, no vector


def test_corpus_words_without_docbins_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no training DocBins"):
        corpus_words(tmp_path)


def test_wordpiece_words_keep_whole_words_only(tmp_path: Path) -> None:
    assert wordpiece_words(_tokenizer_json(tmp_path)) == ["the", "army", "zebra"]


def test_geonames_words_split_names(tmp_path: Path) -> None:
    words = geonames_words(_geonames(tmp_path))
    assert words == ["antigua", "and", "barbuda", "kharkiv", "oblast", "bakhmut"]


def test_vocabulary_priority(tmp_path: Path) -> None:
    vocab = vocabulary(_corpus(tmp_path), _geonames(tmp_path), _tokenizer_json(tmp_path))
    # repeated training words, then the encoder's words, then training hapaxes, then places
    assert vocab.words[:3] == ["army", "said", "the"]
    assert vocab.words.index("zebra") < vocab.words.index("kyiv") < vocab.words.index("barbuda")
    assert len(vocab.words) == len(set(vocab.words))
    assert vocab.from_corpus + vocab.from_wordpiece + vocab.from_geonames == len(vocab.words)


def test_pca_is_deterministic_and_orders_axes() -> None:
    rng = numpy.random.default_rng(0)
    data = (rng.normal(size=(200, 8)) * numpy.array([5, 3, 1, 1, 1, 1, 1, 1])).astype(numpy.float32)
    table, explained = pca(data, 2)
    again, _ = pca(data.copy(), 2)
    assert table.shape == (200, 2) and numpy.array_equal(table, again)
    assert 0.5 < explained < 1.0
    assert table[:, 0].var() > table[:, 1].var()


def test_nearest_rows_point_to_the_most_similar_kept_row() -> None:
    table = numpy.array([[1, 0], [0, 1], [0.9, 0.1], [-0.1, 2.0]], dtype=numpy.float32)
    assert nearest_rows(table, 2, batch=1).tolist() == [0, 1]


def test_vectors_table_with_the_shipped_encoder() -> None:
    encoder = Encoder(threads=1, batch_size=1)
    if not encoder.available():
        pytest.skip("the MiniLM encoder is not shipped in this checkout")
    words = ["kyiv", "kharkiv", "london", "paris", "john", "mary", "army", "ministry", "said", "the", "lviv"]
    vectors, explained = vectors_table(words, encoder, dim=4, rows=10)
    again, _ = vectors_table(words, encoder, dim=4, rows=10)
    assert vectors.shape == (10, 4) and 0.0 < explained <= 1.0
    assert vectors.to_bytes() == again.to_bytes()  # reproducible
    assert len(vectors.key2row) == len(words)  # the last word points to a kept row
    assert vectors.key2row[get_string_id("lviv")] < 10
    # keyed by lower case: "KYIV" and "Kyiv" read the row of "kyiv", as the NER's StaticVectors does
    nlp = spacy.blank("en")
    nlp.vocab.vectors = vectors
    assert vectors.attr == nlp.vocab.strings[KEY_ATTR] or vectors.attr == spacy.attrs.IDS[KEY_ATTR]
    layer = StaticVectors(nO=3, nM=4)
    layer.attrs["key_attr"] = KEY_ATTR
    docs = [Doc(nlp.vocab, words=["KYIV", "Kyiv", "kyiv", "unseenword"])]
    layer.initialize(X=docs)
    out = layer.predict(docs)
    assert numpy.allclose(out.dataXd[0], out.dataXd[1]) and numpy.allclose(out.dataXd[1], out.dataXd[2])
    assert not numpy.allclose(out.dataXd[0], 0.0)
    assert numpy.allclose(out.dataXd[3], 0.0)  # no vector: zeros, the hash embeddings carry the word
