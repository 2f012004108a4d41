"""The role tagger's network on plain numpy must score exactly as thinc runs it."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from thinc.api import Linear, Model, Relu, chain

from sitrep.attribution.rolenet import compile_network
from sitrep.attribution.roles import DocArrays, RoleTagger, _Features

TEXT = (
    "Luhansk regional governor Serhiy Haidai said on Telegram that the Russian claims "
    '"do not correspond to reality". The ministry said Ukrainian troops had retreated 3 km. '
    "Kyiv's military administration said six balloons, which may have carried reconnaissance "
    "equipment, were shot down. Reuters could not independently verify the reports."
)


@pytest.fixture(scope="module")
def tagger() -> RoleTagger:
    return RoleTagger.load()


def _thinc(tagger: RoleTagger, table: np.ndarray) -> np.ndarray:
    return np.asarray(tagger.model.predict([_Features(table)])[0])


def test_the_shipped_tagger_compiles(tagger: RoleTagger) -> None:
    assert tagger._net is not None


@pytest.mark.parametrize(("lo", "hi"), [(0, None), (3, 4), (0, 2), (5, 40), (20, None)])
def test_numpy_scores_equal_thincs(tagger: RoleTagger, lo: int, hi: int | None) -> None:
    """Every window, down to one word: the LSTM's edges, the window encoder's padding and
    both directions of the LSTM are where a re-implementation goes wrong."""
    doc = spacy.blank("en")(TEXT)
    table = DocArrays.of(doc, tagger.feature_columns).features[lo:hi]
    net = compile_network(tagger.model)
    assert net is not None
    mine = net(table)
    assert mine.shape == (len(table), len(tagger.model.get_ref("output_layer").get_param("b")))
    np.testing.assert_allclose(mine, _thinc(tagger, table), rtol=1e-4, atol=2e-5)


def test_an_empty_window_gives_no_rows(tagger: RoleTagger) -> None:
    net = compile_network(tagger.model)
    assert net is not None
    doc = spacy.blank("en")(TEXT)
    assert net(DocArrays.of(doc, tagger.feature_columns).features[4:4]).shape[0] == 0


def test_a_network_of_unknown_layers_stays_with_thinc() -> None:
    model: Model = chain(Relu(nO=4, nI=3), Linear(nO=2, nI=4))
    model.initialize()
    assert compile_network(model) is None


def test_a_network_that_compiles_but_scores_differently_stays_with_thinc(
    tagger: RoleTagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The load-time check against thinc catches what the layer-by-layer compiler misses."""
    import sitrep.attribution.rolenet as rolenet

    real = rolenet._layer_norm

    def skewed(layer: Model) -> rolenet.Step:
        norm = real(layer)
        return lambda X: norm(X) + 0.5

    monkeypatch.setattr(rolenet, "_layer_norm", skewed)
    assert compile_network(tagger.model) is None
