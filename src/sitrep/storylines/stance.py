"""Stance of one text towards another: agree, disagree, discuss or unrelated.

A multinomial logistic regression over hashed words of both texts plus a
handful of overlap, refutation-word and embedding-similarity features,
trained on FNC-1 and Emergent by :mod:`sitrep.storylines.train_stance`. The
weights ship as a plain ``.npz`` plus a JSON header (no pickle), and
inference is numpy only, so scoring thousands of claim pairs costs
milliseconds. Words are hashed with CRC-32 rather than ``hash()`` so that the
features are the same in every process.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise
from pathlib import Path

import numpy as np
import numpy.typing as npt

LABELS = ("agree", "disagree", "discuss", "unrelated")
HEAD_DIM = 4096
BODY_DIM = 4096
BODY_TOKENS = 400  # FNC bodies state their stance early; the tail is mostly background
STANCE_BATCH = 64  # encoder batch for training and evaluation (never compared across calls)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

FloatArray = npt.NDArray[np.float32]


def stance_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "stance"))


def load_word_list(path: Path) -> frozenset[str]:
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line.lower())
    return frozenset(words)


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _bucket(token: str, dim: int) -> int:
    return zlib.crc32(token.encode("utf-8")) % dim


_STOP_WORDS = """
a an the of to in on at for and or but is are was were be been has have had it its this that with
as by from said says say he she they we you i his her their our
"""
STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True, slots=True)
class PairText:
    """One pair to score; ``cosine`` is the sentence-embedding similarity when known."""

    head: str
    body: str
    cosine: float | None = None
    max_cosine: float | None = None


DENSE_NAMES = (
    "bias",
    "overlap_jaccard",
    "head_in_body",
    "bigram_in_body",
    "tf_cosine",
    "refute_head",
    "refute_body",
    "refute_body_x_overlap",
    "neg_body_lead",
    "enc_cosine",
    "enc_max_cosine",
    "enc_missing",
    "head_len",
)


def dense_features(pair: PairText, refute: frozenset[str]) -> list[float]:
    """Pairwise features that carry over from news headlines to short claims."""
    h = tokens(pair.head)
    b = tokens(pair.body)[:BODY_TOKENS]
    hc = {t for t in h if t not in STOP}
    bc = {t for t in b if t not in STOP}
    union = hc | bc
    jacc = len(hc & bc) / len(union) if union else 0.0
    head_in = len(hc & bc) / len(hc) if hc else 0.0
    hb = set(pairwise(h))
    bb = set(pairwise(b))
    big = len(hb & bb) / len(hb) if hb else 0.0
    hv: dict[str, int] = {}
    for t in h:
        if t not in STOP:
            hv[t] = hv.get(t, 0) + 1
    bv: dict[str, int] = {}
    for t in b:
        if t not in STOP:
            bv[t] = bv.get(t, 0) + 1
    dot = sum(c * bv.get(t, 0) for t, c in hv.items())
    norm = (sum(c * c for c in hv.values()) ** 0.5) * (sum(c * c for c in bv.values()) ** 0.5)
    tf_cos = dot / norm if norm else 0.0
    ref_h = sum(1 for t in h if t in refute)
    ref_b = sum(1 for t in b if t in refute)
    lead = b[:60]
    neg_lead = sum(1 for t in lead if t in refute)
    missing = pair.cosine is None
    cos = pair.cosine if pair.cosine is not None else 0.0
    mx = pair.max_cosine if pair.max_cosine is not None else cos
    return [
        1.0,
        jacc,
        head_in,
        big,
        tf_cos,
        min(ref_h, 3) / 3.0,
        np.log1p(ref_b) / 3.0,
        head_in * min(ref_b, 5) / 5.0,
        min(neg_lead, 5) / 5.0,
        cos,
        mx,
        1.0 if missing else 0.0,
        min(len(h), 40) / 40.0,
    ]


def hashed_rows(pair: PairText) -> tuple[list[int], list[float]]:
    """Column indices and values of the hashed bag-of-words part (head words+bigrams, body words)."""
    cols: dict[int, float] = {}
    h = tokens(pair.head)
    for t in h:
        cols[_bucket("h:" + t, HEAD_DIM)] = 1.0
    for a, b in pairwise(h):
        cols[_bucket("h2:" + a + " " + b, HEAD_DIM)] = 1.0
    body_counts: dict[int, float] = {}
    for t in tokens(pair.body)[:BODY_TOKENS]:
        k = HEAD_DIM + _bucket("b:" + t, BODY_DIM)
        body_counts[k] = body_counts.get(k, 0.0) + 1.0
    if body_counts:
        scale = float(np.sqrt(sum(v * v for v in body_counts.values())))
        for k, v in body_counts.items():
            cols[k] = v / scale
    ordered = sorted(cols)
    return ordered, [cols[k] for k in ordered]


N_HASHED = HEAD_DIM + BODY_DIM
N_FEATURES = N_HASHED + len(DENSE_NAMES)


def feature_matrix(pairs: Sequence[PairText], refute: frozenset[str]) -> FloatArray:
    """Dense (n, N_FEATURES) matrix; fine for the few thousand pairs a storyline run scores."""
    out = np.zeros((len(pairs), N_FEATURES), dtype=np.float32)
    for i, p in enumerate(pairs):
        cols, vals = hashed_rows(p)
        out[i, cols] = vals
        out[i, N_HASHED:] = dense_features(p, refute)
    return out


@dataclass(frozen=True)
class StanceModel:
    """Weights (N_FEATURES, 4) and the refutation words they were trained with."""

    weights: FloatArray
    refute: frozenset[str]
    meta: dict[str, object]

    @classmethod
    def load(cls, directory: Path | None = None) -> StanceModel:
        d = directory or stance_dir()
        with np.load(d / "model.npz") as z:
            weights = np.asarray(z["weights"], dtype=np.float32)
        meta = json.loads((d / "model.json").read_text(encoding="utf-8"))
        if weights.shape != (N_FEATURES, len(LABELS)) or tuple(meta.get("labels", ())) != LABELS:
            raise ValueError(f"stance model in {d} does not match this code's features")
        return cls(weights=weights, refute=load_word_list(d / "refute_words.txt"), meta=meta)

    def probabilities(self, pairs: Sequence[PairText]) -> FloatArray:
        if not pairs:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        logits = feature_matrix(pairs, self.refute) @ self.weights
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=np.float32)

    def predict(self, pairs: Sequence[PairText]) -> list[str]:
        return [LABELS[int(i)] for i in self.probabilities(pairs).argmax(axis=1)]
