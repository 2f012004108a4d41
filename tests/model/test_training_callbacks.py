"""The NER run starts from the parser run's tok2vec: the copy must really happen, or fail loudly.

With ``--ner-vectors`` the NER's embedding also reads static vectors, which the parser run's does
not: its mixing layer is wider, and only the columns of the hash embeddings can come from the
parser run (the vector columns start at zero).
"""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.util import load_model_from_config
from spacy.vectors import Vectors
from thinc.api import Config

from sitrep.nlp.training.callbacks import copy_tok2vec_weights, create_ner_tok2vec_from
from sitrep.nlp.training.train import NER_CONFIG, PARSER_CONFIG
from sitrep.nlp.training.vectors import KEY_ATTR


def _ner_pipeline(*, vectors: bool = False) -> Language:
    """The NER config as ``sitrep train nlp`` runs it (``vectors``: as with ``--ner-vectors``)."""
    overrides: dict[str, object] = {"paths.parser_model": None}
    if vectors:
        overrides["components.ner.model.tok2vec.embed.include_static_vectors"] = True
    config = Config().from_disk(NER_CONFIG, overrides=overrides)
    nlp = load_model_from_config(config, auto_fill=True)
    if vectors:
        words = ["serhiy", "haidai", "said", "so"]
        data = numpy.random.default_rng(0).normal(size=(len(words), 8)).astype("float32")
        nlp.vocab.vectors = Vectors(data=data, keys=[get_string_id(w) for w in words], attr=KEY_ATTR)
    nlp.get_pipe("ner").add_label("PERSON")  # type: ignore[attr-defined]
    nlp.initialize()
    return nlp


def _maxout_weights(model: object) -> list[numpy.ndarray]:
    """Copies of the weights of every maxout layer, in creation order."""
    nodes = sorted((n for n in model.walk() if n.name == "maxout"), key=lambda n: n.id)  # type: ignore[attr-defined]
    return [numpy.asarray(n.get_param("W")).copy() for n in nodes]


def _donor(tmp_path: Path, **encode: int) -> Path:
    """A pipeline with only the parser config's tok2vec component, saved to disk."""
    block = Config().from_disk(PARSER_CONFIG, interpolate=False)["components"]["tok2vec"]
    model = dict(block["model"])
    model["encode"] = {**model["encode"], **encode}
    model["embed"] = {**model["embed"], "width": model["encode"]["width"]}
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec", config={"model": model})
    nlp.initialize()
    path = tmp_path / "parser-best"
    nlp.to_disk(path)
    return path


def _embed_tables(model: object) -> list[numpy.ndarray]:
    return [numpy.asarray(node.get_param("E")) for node in model.walk() if node.has_param("E")]  # type: ignore[attr-defined]


@pytest.mark.parametrize("vectors", [False, True], ids=["plain", "with-vectors"])
def test_ner_tok2vec_takes_the_parser_weights(tmp_path: Path, vectors: bool) -> None:
    donor_path = _donor(tmp_path)
    nlp = _ner_pipeline(vectors=vectors)
    target = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]  # type: ignore[attr-defined]
    donor = spacy.load(donor_path).get_pipe("tok2vec").model  # type: ignore[attr-defined]
    before = _embed_tables(target)
    wanted = _embed_tables(donor)
    assert not all(numpy.array_equal(a, b) for a, b in zip(before, wanted, strict=True))
    create_ner_tok2vec_from(str(donor_path))(nlp)
    after = _embed_tables(target)
    assert all(numpy.array_equal(a, b) for a, b in zip(after, wanted, strict=True))
    # maxout layers: the first mixes the embeddings (with vectors its input is wider), the others
    # are the CNN; all take the parser run's weights where the shapes allow
    mix, *cnn = _maxout_weights(target)
    donor_mix, *donor_cnn = _maxout_weights(donor)
    assert len(cnn) == len(donor_cnn) == 4
    width = donor_mix.shape[-1]
    assert mix.shape[-1] == (width + 96 if vectors else width)
    assert numpy.array_equal(mix[..., :width], donor_mix)
    # the vector columns start at zero: the NER starts from exactly the parser run's features
    assert numpy.array_equal(mix[..., width:], numpy.zeros_like(mix[..., width:]))
    assert all(numpy.array_equal(a, b) for a, b in zip(cnn, donor_cnn, strict=True))
    # the NER still runs with the copied weights
    assert nlp("Serhiy Haidai said so.") is not None


def test_mismatching_tok2vec_is_a_clear_error(tmp_path: Path) -> None:
    donor_path = _donor(tmp_path, width=64)
    with pytest.raises(ValueError, match="does not match"):
        copy_tok2vec_weights(_ner_pipeline(), donor_path)


def test_missing_parser_run_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no trained tok2vec"):
        copy_tok2vec_weights(_ner_pipeline(), tmp_path / "absent")


def test_null_path_keeps_the_weights() -> None:
    nlp = _ner_pipeline()
    target = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]  # type: ignore[attr-defined]
    before = _embed_tables(target)
    create_ner_tok2vec_from(None)(nlp)
    assert all(numpy.array_equal(a, b) for a, b in zip(before, _embed_tables(target), strict=True))


@pytest.mark.parametrize("config", [PARSER_CONFIG, NER_CONFIG], ids=["parser", "ner"])
def test_training_multiplies_through_numpy_from_the_first_step(config: Path) -> None:
    """Both configs name the callback; it moves every network of the run off BLIS at step 0."""
    from spacy.util import registry
    from threadpoolctl import threadpool_limits

    block = Config().from_disk(config, interpolate=False)["training"]["before_update"]
    assert block == {"@callbacks": "sitrep.numpy_matmul.v1"}
    before_update = registry.resolve({"cb": block})["cb"]
    nlp = _ner_pipeline()
    with threadpool_limits():  # the callback holds BLAS to one thread; put it back afterwards
        before_update(nlp, {"step": 1, "epoch": 0})
        assert all(n.ops.use_blis for n in nlp.get_pipe("ner").model.walk())  # type: ignore[attr-defined]
        before_update(nlp, {"step": 0, "epoch": 0})
    assert not any(n.ops.use_blis for n in nlp.get_pipe("ner").model.walk())  # type: ignore[attr-defined]
