"""Recipe: train the stance model shipped in ``sitrep/data/stance/``.

    .venv/bin/python -m sitrep.storylines.train_stance [--shared-data ../shared/data]

Needs scikit-learn and scipy (training only; the run-time is numpy). Trains on
the non-held-out FNC-1 and Emergent rows (see :mod:`stance_data`), picks the
regularisation and the disagree-class weight on an inner split by body, refits
on all training rows and writes ``model.npz`` + ``model.json`` with the
held-out figures. One in five training rows has its embedding features blanked
so that the model still works when no encoder is at hand.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.evaluation.stance import StanceFigures, score
from sitrep.storylines.encoder import Encoder
from sitrep.storylines.stance import (
    DENSE_NAMES,
    LABELS,
    N_FEATURES,
    N_HASHED,
    STANCE_BATCH,
    PairText,
    dense_features,
    hashed_rows,
    load_word_list,
    stance_dir,
)
from sitrep.storylines.stance_data import held_out, load_pairs, with_embeddings

ENCODER_DROPOUT = 0.2
SEED = 13


def sparse_matrix(pairs: Sequence[PairText], refute: frozenset[str]) -> Any:
    from scipy import sparse  # type: ignore[import-untyped]

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, p in enumerate(pairs):
        c, v = hashed_rows(p)
        rows.extend([i] * len(c))
        cols.extend(c)
        vals.extend(v)
        d = dense_features(p, refute)
        rows.extend([i] * len(d))
        cols.extend(range(N_HASHED, N_HASHED + len(d)))
        vals.extend(d)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(pairs), N_FEATURES), dtype=np.float64)


def fit(x: Any, y: Sequence[str], c: float, disagree_weight: float) -> np.ndarray[Any, np.dtype[np.float32]]:
    """Weights as (N_FEATURES, 4) with the intercept folded into the 'bias' feature."""
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    weights = {lab: 1.0 for lab in LABELS}
    weights["disagree"] = disagree_weight
    model = LogisticRegression(C=c, max_iter=400, class_weight=weights, fit_intercept=False)
    model.fit(x, list(y))
    order = [list(model.classes_).index(lab) for lab in LABELS]
    return np.asarray(model.coef_[order].T, dtype=np.float32)


def predict(x: Any, w: np.ndarray[Any, np.dtype[np.float32]]) -> list[str]:
    logits = x @ w
    return [LABELS[int(i)] for i in np.asarray(logits).argmax(axis=1)]


def blank_embeddings(texts: list[PairText], rate: float, rng: random.Random) -> list[PairText]:
    return [PairText(t.head, t.body) if rng.random() < rate else t for t in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description="Train the sitrep stance model.")
    parser.add_argument("--shared-data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=stance_dir())
    parser.add_argument("--no-encoder", action="store_true", help="train without embedding features")
    args = parser.parse_args()
    rng = random.Random(SEED)
    t0 = time.perf_counter()
    pairs = load_pairs(args.shared_data)
    encoder = None if args.no_encoder else Encoder(batch_size=STANCE_BATCH)
    texts = with_embeddings(pairs, encoder)
    print(f"features ready in {time.perf_counter() - t0:.0f}s for {len(pairs)} pairs", flush=True)
    refute = load_word_list(args.out / "refute_words.txt")
    train_idx = [i for i, p in enumerate(pairs) if not p.held_out]
    test_idx = [i for i, p in enumerate(pairs) if p.held_out]
    # inner split: a different hash salt, still grouped by body / claim
    inner_val = [i for i in train_idx if held_out("inner:" + pairs[i].group)]
    inner_fit = [i for i in train_idx if not held_out("inner:" + pairs[i].group)]
    train_texts = blank_embeddings([texts[i] for i in train_idx], ENCODER_DROPOUT, rng)
    by_index = dict(zip(train_idx, train_texts, strict=True))
    x_fit = sparse_matrix([by_index[i] for i in inner_fit], refute)
    x_val = sparse_matrix([texts[i] for i in inner_val], refute)
    best: tuple[float, float, float] | None = None
    for c in (1.0, 4.0, 16.0):
        for dw in (1.0, 2.0, 4.0):
            w = fit(x_fit, [pairs[i].label for i in inner_fit], c, dw)
            fig = score([pairs[i].label for i in inner_val], predict(x_val, w))
            objective = fig.macro_f1 + fig.per_class_f1["disagree"]
            print(
                f"C={c} disagree_weight={dw}: macro-F1 {fig.macro_f1:.3f} "
                f"disagree {fig.per_class_f1['disagree']:.3f} FNC {fig.fnc_relative:.3f}",
                flush=True,
            )
            if best is None or objective > best[0]:
                best = (objective, c, dw)
    assert best is not None
    _, c, dw = best
    x_train = sparse_matrix(train_texts, refute)
    w = fit(x_train, [pairs[i].label for i in train_idx], c, dw)
    x_test = sparse_matrix([texts[i] for i in test_idx], refute)
    pred = predict(x_test, w)
    fnc_test = [k for k, i in enumerate(test_idx) if pairs[i].corpus == "fnc1"]
    figures: dict[str, StanceFigures] = {
        "fnc1": score([pairs[test_idx[k]].label for k in fnc_test], [pred[k] for k in fnc_test]),
    }
    em = [k for k, i in enumerate(test_idx) if pairs[i].corpus == "emergent"]
    if em:
        figures["emergent"] = score([pairs[test_idx[k]].label for k in em], [pred[k] for k in em])
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "model.npz", weights=w)
    meta: dict[str, object] = {
        "labels": list(LABELS),
        "dense_features": list(DENSE_NAMES),
        "C": c,
        "disagree_weight": dw,
        "encoder_dropout": ENCODER_DROPOUT,
        "encoder": None if encoder is None else "all-MiniLM-L6-v2 int8 ONNX (sitrep/data/encoder)",
        "train_pairs": len(train_idx),
        "held_out_pairs": len(test_idx),
        "held_out": {name: f.as_dict() for name, f in figures.items()},
    }
    (args.out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta["held_out"], indent=2))
    print(f"done in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
