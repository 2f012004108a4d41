"""The CNN networks' matrix products go through numpy's BLAS, on one thread
(sitrep.nlp.matmul); the shipped pipeline's annotations are compared with BLIS's in
tests/model/test_shipped_model.py."""

from __future__ import annotations

import numpy as np
import pytest
from thinc.api import Maxout, Model, NumpyOps, Softmax, chain
from threadpoolctl import threadpool_info, threadpool_limits

from sitrep.nlp.matmul import numpy_matmul


def _network() -> Model:  # type: ignore[type-arg]
    model = chain(Maxout(16, 8, nP=3), Softmax(4, 16))
    model.initialize(X=np.zeros((2, 8), dtype="f"))
    return model


def test_every_node_leaves_blis_and_the_output_stays() -> None:
    model = _network()
    x = np.random.default_rng(0).normal(size=(64, 8)).astype("f")
    before = model.predict(x)
    assert all(type(n.ops) is NumpyOps and n.ops.use_blis for n in model.walk())
    with threadpool_limits():  # put the process's BLAS threads back afterwards
        assert numpy_matmul(model) == len(list(model.walk()))
        after = model.predict(x)
        assert all(not n.ops.use_blis for n in model.walk())
        assert len({id(n.ops) for n in model.walk()}) == 1  # one ops object per model
        np.testing.assert_allclose(after, before, rtol=1e-5, atol=1e-6)
        assert numpy_matmul(model) == 0  # a second call finds nothing to change


def test_blas_held_to_one_thread() -> None:
    blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
    if not blas:
        pytest.skip("numpy reports no BLAS library")
    with threadpool_limits(limits=2, user_api="blas"):
        numpy_matmul(_network())
        assert {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"} == {1}


def test_other_backends_are_left_alone() -> None:
    class OtherOps(NumpyOps):
        """Stands for a GPU or custom backend, which must keep its own ops."""

    model = _network()
    other = OtherOps()
    for node in model.walk():
        node.ops = other
    with threadpool_limits():
        assert numpy_matmul(model) == 0
    assert all(n.ops is other for n in model.walk())
