"""Run the CNN networks' matrix products through numpy's BLAS instead of BLIS.

thinc's CPU backend (``NumpyOps``) multiplies matrices with the BLIS library it bundles by
default. The BLIS build that pip installs is a portable one; the OpenBLAS that numpy's
wheels bundle picks kernels for the CPU it runs on. On the project's 2-core VM (AMD EPYC
with AVX-512) a 288 x 288 float32 product runs at about 33 GFLOP/s through BLIS and
95-105 GFLOP/s through numpy on one thread, and the shipped pipeline annotates about 1.6x
as many words per second (``benchmarks/bench_model.py``). thinc keeps the numpy route as
``NumpyOps(use_blis=False)``; the networks, their weights and the operations other than
the matrix product stay the same, so only rounding can differ (the evaluation figures are
unchanged: see docs/model.md).

Only the models of the pipeline given are changed (no thinc default is set), and only
where they run on plain ``NumpyOps``: a pipeline on a GPU or on another backend keeps its
own. Some products are not routed through ``Ops.gemm`` (the parser's per-state hidden
layer and thinc's LSTM kernels call BLIS from compiled code) and keep BLIS.

BLIS ran on one thread; OpenBLAS takes every core unless told otherwise, and two
``--workers`` processes with two BLAS threads each annotate at half the speed of one
process (7,400 against 14,400 words/s on the 2-core VM: the threads wait on each other).
sitrep scales by processes (``--workers``, Dask, Spark), as the ONNX sessions of
:mod:`sitrep.inference` do, so the numpy BLAS is held to one thread in a process that
loads a pipeline this way. That limit is process-wide: BLAS has one thread pool per
process, not per caller.
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]


def _models(nlp: Language) -> list[Model]:  # type: ignore[type-arg]
    found = []
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            found.append(model)
    return found


def numpy_matmul(*models: Model) -> int:  # type: ignore[type-arg]
    """Give every BLIS-backed node of ``models`` one shared ``NumpyOps(use_blis=False)`` and,
    where any was changed, hold the numpy BLAS to one thread; return how many nodes were
    changed."""
    ops = NumpyOps(use_blis=False)
    changed = 0
    for model in models:
        for node in model.walk():
            if type(node.ops) is NumpyOps and node.ops.use_blis:  # type: ignore[attr-defined]
                node.ops = ops
                changed += 1
    if changed:
        threadpool_limits(limits=1, user_api="blas")
    return changed


def use_numpy_matmul(nlp: Language) -> int:
    """:func:`numpy_matmul` for the networks of all of ``nlp``'s components."""
    return numpy_matmul(*_models(nlp))
