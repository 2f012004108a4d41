"""FNC-1 and Emergent as stance pairs, with the fixed held-out split.

The split is by FNC-1 Body ID and by Emergent claim id (CRC-32 modulo 10,
buckets 0-1 held out), so no body or claim is ever on both sides: FNC-1
reuses each body with many headlines, and a random row split would leak them.
Training and ``sitrep eval stance`` both call :func:`load_pairs`, so they
cannot disagree on which rows are held out.
"""

from __future__ import annotations

import csv
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import SitrepError
from sitrep.storylines.stance import PairText

if TYPE_CHECKING:
    from sitrep.storylines.encoder import Encoder

HELD_OUT_BUCKETS = frozenset({0, 1})
EMERGENT_LABELS = {"for": "agree", "against": "disagree", "observing": "discuss"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])|\n+")


@dataclass(frozen=True, slots=True)
class StancePair:
    corpus: str  # fnc1 | emergent
    group: str  # body id or claim id: the unit the split keeps together
    head: str
    body: str
    label: str
    held_out: bool


def held_out(group: str) -> bool:
    return zlib.crc32(group.encode("utf-8")) % 10 in HELD_OUT_BUCKETS


def body_sentences(body: str, limit: int = 40) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(body)]
    return [p for p in parts if len(p) > 20][:limit]


def load_pairs(shared_data: Path, corpora: Sequence[str] = ("fnc1", "emergent")) -> list[StancePair]:
    out: list[StancePair] = []
    if "fnc1" in corpora:
        folder = shared_data / "fnc1" / "train"
        bodies_path, stances_path = folder / "train_bodies.csv", folder / "train_stances.csv"
        if not bodies_path.is_file() or not stances_path.is_file():
            raise SitrepError(f"FNC-1 train files not found under {folder}")
        with bodies_path.open(encoding="utf-8") as f:
            bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
        with stances_path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                bid = row["Body ID"]
                out.append(
                    StancePair("fnc1", bid, row["Headline"], bodies[bid], row["Stance"], held_out(bid))
                )
    if "emergent" in corpora:
        path = shared_data / "emergent" / "train" / "url-versions-2015-06-14-clean-train.csv"
        if not path.is_file():
            raise SitrepError(f"Emergent train file not found: {path}")
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                label = EMERGENT_LABELS.get(row["articleHeadlineStance"])
                if label is None:
                    continue
                cid = row["claimId"]
                out.append(
                    StancePair(
                        "emergent", cid, row["claimHeadline"], row["articleHeadline"], label, held_out(cid)
                    )
                )
    return out


def with_embeddings(pairs: Sequence[StancePair], encoder: Encoder | None) -> list[PairText]:
    """Attach the head-body cosine and the best head-sentence cosine; none without an encoder."""
    if encoder is None:
        return [PairText(p.head, p.body) for p in pairs]
    heads = sorted({p.head for p in pairs})
    bodies = sorted({p.body for p in pairs})
    head_vec = dict(zip(heads, encoder.encode(heads), strict=True))
    body_vec = dict(zip(bodies, encoder.encode(bodies), strict=True))
    sentences: dict[str, list[str]] = {b: body_sentences(b) for b in bodies}
    flat = sorted({s for ss in sentences.values() for s in ss})
    sent_vec = dict(zip(flat, encoder.encode(flat), strict=True)) if flat else {}
    out: list[PairText] = []
    for p in pairs:
        h = head_vec[p.head]
        cos = float(h @ body_vec[p.body])
        ss = sentences[p.body]
        mx = max((float(h @ sent_vec[s]) for s in ss), default=cos)
        out.append(PairText(p.head, p.body, cos, max(mx, cos)))
    return out
