"""Stance figures on the held-out part of FNC-1 (and Emergent): FNC-1 score, macro-F1, per class.

The FNC-1 score gives 0.25 for telling related from unrelated and 0.75 more
for the right related label; it is reported as a share of the best possible
score so that figures on different subsets compare.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.storylines.stance import LABELS

RELATED = frozenset({"agree", "disagree", "discuss"})


@dataclass(frozen=True)
class StanceFigures:
    pairs: int
    fnc_score: float
    fnc_max: float
    macro_f1: float
    accuracy: float
    per_class_f1: dict[str, float] = field(default_factory=dict)
    support: dict[str, int] = field(default_factory=dict)

    @property
    def fnc_relative(self) -> float:
        return self.fnc_score / self.fnc_max if self.fnc_max else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "pairs": self.pairs,
            "fnc_score": round(self.fnc_score, 2),
            "fnc_max": round(self.fnc_max, 2),
            "fnc_relative": round(self.fnc_relative, 4),
            "macro_f1": round(self.macro_f1, 4),
            "accuracy": round(self.accuracy, 4),
            "per_class_f1": {k: round(v, 4) for k, v in self.per_class_f1.items()},
            "support": dict(self.support),
        }


def score(gold: Sequence[str], pred: Sequence[str]) -> StanceFigures:
    if len(gold) != len(pred):
        raise ValueError("gold and predicted labels differ in length")
    fnc = 0.0
    fnc_max = 0.0
    for g, p in zip(gold, pred, strict=True):
        fnc_max += 1.0 if g in RELATED else 0.25
        if g == p:
            fnc += 0.25
            if g in RELATED:
                fnc += 0.75
        elif g in RELATED and p in RELATED:
            fnc += 0.25
    per_class: dict[str, float] = {}
    support: dict[str, int] = {}
    for lab in LABELS:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        n_pred = sum(1 for p in pred if p == lab)
        n_gold = sum(1 for g in gold if g == lab)
        support[lab] = n_gold
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        per_class[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    present = [lab for lab in LABELS if support[lab]]
    macro = sum(per_class[lab] for lab in present) / len(present) if present else 0.0
    acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0
    return StanceFigures(len(gold), fnc, fnc_max, macro, acc, per_class, support)


@dataclass(frozen=True)
class StanceEvaluation:
    figures: dict[str, StanceFigures]
    seconds: float
    used_encoder: bool


def evaluate_stance(shared_data: Path, *, use_encoder: bool = True) -> StanceEvaluation:
    """Score the shipped model on the held-out rows that training never saw."""
    from sitrep.storylines.encoder import Encoder
    from sitrep.storylines.stance import STANCE_BATCH, StanceModel
    from sitrep.storylines.stance_data import load_pairs, with_embeddings

    t0 = time.perf_counter()
    model = StanceModel.load()
    pairs = [p for p in load_pairs(shared_data) if p.held_out]
    # Batched as in training: these vectors are never compared with vectors from another call.
    texts = with_embeddings(pairs, Encoder(batch_size=STANCE_BATCH) if use_encoder else None)
    pred = model.predict(texts)
    figures: dict[str, StanceFigures] = {}
    for corpus in ("fnc1", "emergent"):
        idx = [i for i, p in enumerate(pairs) if p.corpus == corpus]
        if idx:
            figures[corpus] = score([pairs[i].label for i in idx], [pred[i] for i in idx])
    return StanceEvaluation(figures, time.perf_counter() - t0, use_encoder)
