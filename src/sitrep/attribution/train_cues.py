"""Recipe: train the cue tagger shipped in ``sitrep/data/attribution_model/``.

    sitrep train attribution [--shared-data ../shared/data]
    python -m sitrep.attribution.train_cues --shared-data ../shared/data

Reads PolNeAR **train** only (first annotation of each article): every word inside an
annotated cue span is a positive, every other word a negative. Fits an L2 logistic
regression (scikit-learn, build-time only) over the hashed features of
:mod:`sitrep.attribution.cue_model` and writes the weights as float32 ``cue_model.npz``
(no pickle) with ``cue_model.json`` (threshold, hyper-parameters, training figures).
The dev split is read only when ``--report-dev`` asks for word-level figures on it.
Deterministic (fixed seed): same data, same weights. Takes a couple of minutes on one core.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.attribution.cue_model import CARD_FILE, N_BUCKETS, WEIGHTS_FILE, feature_buckets
from sitrep.attribution.lexicon import load_lexicons
from sitrep.attribution.segments import words_in
from sitrep.attribution.train_roles import fnc1_texts
from sitrep.evaluation.attribution import load_polnear

DEFAULT_C = 0.5
SEED = 13  # liblinear shuffles: a fixed seed makes the weights reproducible
DEFAULT_THRESHOLD = 0.35  # chosen on dev (see the README of the model folder)
DEFAULT_OPEN_FRAME_THRESHOLD = 0.65  # chosen on dev and the example article
DEFAULT_EXTEND_THRESHOLD = 0.25  # chosen on dev under the evaluation gate's floors


def one_word_forms() -> frozenset[str]:
    """The lexicon's one-word cue forms: a feature of the model, the same at run-time."""
    return frozenset(e.form for e in load_lexicons().cues if " " not in e.form and e.form.isalpha())


def polnear_cues(root: Path, split: str) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    for article in load_polnear(root, split):
        yield article.text, [s for a in article.attributions for s in a.cue]


def silver_cues(texts: list[str]) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """``texts`` with the cue spans the shipped role encoder reads in them (its own run-time
    reading, :meth:`RoleEncoder.cue_spans`): the teacher's labels for the linear tagger."""
    from sitrep.attribution.role_encoder import RoleEncoder

    encoder = RoleEncoder()
    for text in texts:
        yield text, [(c.start, c.end) for c in encoder.cue_spans(text, encoder.pieces(text))]


def matrix(
    items: Iterable[tuple[str, list[tuple[int, int]]]], forms: frozenset[str]
) -> tuple[Any, np.ndarray[Any, Any]]:
    """Hashed feature rows and 0/1 labels for every scored word of (text, cue spans) items."""
    from scipy import sparse  # type: ignore[import-untyped]

    blocks: list[np.ndarray[Any, Any]] = []
    labels: list[int] = []
    for text, cue_spans in items:
        words = words_in(text)
        scored, buckets = feature_buckets(text, words, forms)
        blocks.append(buckets)
        for i in scored:
            w = words[i]
            labels.append(int(any(s < w.end and w.start < e for s, e in cue_spans)))
    cols = np.concatenate(blocks)
    n, width = cols.shape
    rows = np.repeat(np.arange(n), width)
    data = np.ones(n * width, dtype=np.float64)
    # a bucket twice in one row counts twice, as the run-time sum of weights does
    x = sparse.csr_matrix((data, (rows, cols.ravel())), shape=(n, N_BUCKETS))
    x.sum_duplicates()
    return x, np.asarray(labels, dtype=np.int8)


def _prf(gold: np.ndarray[Any, Any], pred: np.ndarray[Any, Any]) -> dict[str, float]:
    tp = float(np.sum(gold & pred))
    p = tp / max(1.0, float(pred.sum()))
    r = tp / max(1.0, float(gold.sum()))
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
    }


def train(
    root: Path,
    out: Path,
    c: float,
    threshold: float,
    open_frame_threshold: float,
    report_dev: bool,
    extend_threshold: float = DEFAULT_EXTEND_THRESHOLD,
    silver: list[str] | None = None,
) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    started = time.perf_counter()
    forms = one_word_forms()
    x, y = matrix(polnear_cues(root, "train"), forms)
    if silver:
        from scipy import sparse

        xs, ys = matrix(silver_cues(silver), forms)
        x, y = sparse.vstack([x, xs], format="csr"), np.concatenate([y, ys])
    model = LogisticRegression(C=c, solver="liblinear", fit_intercept=False, max_iter=200, random_state=SEED)
    model.fit(x, y)
    weights = model.coef_[0].astype(np.float32)
    card: dict[str, Any] = {
        "model": "logistic regression over hashed word features (sitrep.attribution.cue_model)",
        "trained_on": "PolNeAR train, first annotation of each article"
        + (f"; {len(silver)} FNC-1 train bodies labelled by the role encoder" if silver else ""),
        "buckets": N_BUCKETS,
        "C": c,
        "threshold": threshold,
        "extend_threshold": extend_threshold,
        "open_frame_threshold": open_frame_threshold,
        "train_words": len(y),
        "train_cue_words": int(y.sum()),
        "train_word_figures": _prf(y.astype(bool), model.predict_proba(x)[:, 1] >= threshold),
    }
    if report_dev:
        xd, yd = matrix(polnear_cues(root, "dev"), forms)
        probs = model.predict_proba(xd)[:, 1]
        card["dev_word_figures"] = {
            str(t): _prf(yd.astype(bool), probs >= t) for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
        }
    card["seconds"] = round(time.perf_counter() - started, 1)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / WEIGHTS_FILE, weights=weights)
    (out / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def default_out() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "attribution_model"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared-data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--c", type=float, default=DEFAULT_C)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--open-frame-threshold", type=float, default=DEFAULT_OPEN_FRAME_THRESHOLD)
    parser.add_argument("--extend-threshold", type=float, default=DEFAULT_EXTEND_THRESHOLD)
    parser.add_argument("--report-dev", action="store_true")
    parser.add_argument(
        "--silver",
        action="store_true",
        help="also fit on FNC-1 train bodies labelled by the shipped role encoder",
    )
    args = parser.parse_args(argv)
    card = train(
        args.shared_data / "polnear",
        args.out or default_out(),
        args.c,
        args.threshold,
        args.open_frame_threshold,
        args.report_dev,
        args.extend_threshold,
        fnc1_texts(args.shared_data) if args.silver else None,
    )
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
