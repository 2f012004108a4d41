from __future__ import annotations

import numpy as np

from sitrep.storylines.encoder import Encoder
from sitrep.storylines.linker import Linker
from sitrep.storylines.stance import LABELS, PairText, StanceModel


def test_shipped_encoder_is_small_and_gives_unit_vectors() -> None:
    enc = Encoder()
    assert enc.available()
    assert (enc.model_dir / "model.onnx").stat().st_size < 30_000_000
    v = enc.encode(["Russia said it captured Soledar.", "Kyiv said fighting for Soledar continues.", ""])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v[:2], axis=1), 1.0, atol=1e-3)
    assert enc.encode([]).shape == (0, 384)


def test_paraphrase_is_closer_than_another_story() -> None:
    v = Encoder().encode(
        [
            "Six Russian balloons were shot down over Kyiv.",
            "Air defences downed six balloons above the capital Kyiv.",
            "The grain deal was extended for another 120 days.",
        ]
    )
    assert v[0] @ v[1] > 0.6 > v[0] @ v[2] + 0.3


def test_stance_model_loads_and_scores() -> None:
    model = StanceModel.load()
    pairs = [
        PairText(
            "Russia captured Soledar", "Ukraine said reports that Soledar was captured were fake and false."
        ),
        PairText(
            "Russia captured Soledar", "The weather in Lisbon was sunny all week with no rain expected."
        ),
    ]
    p = model.probabilities(pairs)
    assert p.shape == (2, len(LABELS))
    assert np.allclose(p.sum(axis=1), 1.0, atol=1e-5)
    assert model.predict(pairs)[1] == "unrelated"
    assert p[0, LABELS.index("disagree")] > p[1, LABELS.index("disagree")]


def test_disagree_is_symmetric(linker: Linker) -> None:
    from .handmade import SOLEDAR_RU, SOLEDAR_UA, article

    a = linker.views(article([SOLEDAR_RU], published="2023-01-11", outlet="A"))[0]
    b = linker.views(article([SOLEDAR_UA], published="2023-01-11", outlet="B"))[0]
    assert linker.disagree([(a, b)]) == linker.disagree([(b, a)])


def test_a_vector_depends_on_its_text_alone(linker: Linker) -> None:
    """The store compares vectors computed in different calls; batch-mates must not shift them."""
    from .handmade import BALLOONS, KHERSON_RU, SOLEDAR_RU, SOLEDAR_UA, article

    alone = article([SOLEDAR_RU], published="2023-01-11", outlet="A")
    crowd = [article([s], published="2023-01-11", outlet="B") for s in (SOLEDAR_UA, BALLOONS, KHERSON_RU)]
    one = linker.encode(linker.views(alone))
    views = [v for a in (*crowd, alone) for v in linker.views(a)]
    many = linker.encode(views)
    assert np.array_equal(one[0][0], many[0][-1]) and np.array_equal(one[1][0], many[1][-1])
