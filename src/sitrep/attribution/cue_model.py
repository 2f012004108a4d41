"""A learned cue tagger: which words of an article report someone's words or thoughts.

The cue lexicon knows the frequent reporting verbs, but PolNeAR annotates a long tail
("lamented", "is expected to", "the poll found", "insisted") that no list anticipates
and that the learned form list only covers where a form was seen twice. This tagger
scores every word with a logistic model over surface features (the word, its suffixes
and shape, its neighbours, whether it stands inside a quotation, next to a quote mark,
before "that" or after a capitalised name) and takes runs of words above a threshold as
cue spans.

The features are read from the text alone (sitrep's own tokenisation), never from a
tagger or parser, so the model behaves the same on the blank default pipeline and on a
trained one. Weights are hashed (CRC-32 buckets) and stored as a float32 ``.npz`` with a
JSON card in ``sitrep/data/attribution_model``; the run-time needs numpy only. Training
(scikit-learn, build-time) is in :mod:`sitrep.attribution.train_cues`.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from sitrep.attribution.quotes import QUOTE_MARKS
from sitrep.attribution.segments import Word, words_in
from sitrep.errors import DataFileError

WEIGHTS_FILE = "cue_model.npz"
CARD_FILE = "cue_model.json"
N_BUCKETS = 1 << 18
_OPENING = frozenset("“«„")
_CLOSING = frozenset("”»")


_SHAPES = {"d": 1, "X": 2, "Xx": 3, "x": 4, "p": 5}
_PAD_BEFORE = zlib.crc32(b"<s>")
_PAD_AFTER = zlib.crc32(b"</s>")
_MARK_CONTEXTS = {"-": 0, "after-mark": 1, "after-mark2": 2, "before-mark": 3}
# feature templates: (name, first part, second part); parts name per-word id arrays,
# "p1"/"n1" the word before/after, "" none
TEMPLATES: tuple[tuple[str, str, str], ...] = (
    ("bias", "", ""),
    ("w", "lo", ""),
    ("s3", "s3", ""),
    ("s2", "s2", ""),
    ("p4", "p4", ""),
    ("shape", "shape", ""),
    ("p1", "lo-1", ""),
    ("p2", "lo-2", ""),
    ("n1", "lo+1", ""),
    ("n2", "lo+2", ""),
    ("p1w", "lo-1", "lo"),
    ("wn1", "lo", "lo+1"),
    ("p1s3", "lo-1", "s3"),
    ("s3n1", "s3", "lo+1"),
    ("pshape", "shape-1", ""),
    ("nshape", "shape+1", ""),
    ("pshape-s3", "shape-1", "s3"),
    ("q", "q", ""),
    ("qw", "q", "lo"),
    ("mark", "mark", ""),
    ("mark-s3", "mark", "s3"),
    ("lex", "lex", ""),
    ("lex-q", "lex", "q"),
    ("lex-n1", "lex", "lo+1"),
    ("p1n1", "lo-1", "lo+1"),
    ("n1n2", "lo+1", "lo+2"),
)
_K1 = np.uint64(0x9E3779B97F4A7C15)
_K2 = np.uint64(0xBF58476D1CE4E5B9)
_K3 = np.uint64(0x94D049BB133111EB)


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word[:1].isupper():
        return "X" if word.isupper() and len(word) > 1 else "Xx"
    if word[:1].isalpha():
        return "x"
    return "p"


def _quote_depths(text: str, words: list[Word]) -> list[bool]:
    """Whether each word stands inside quotation marks (marks reset at each line break)."""
    inside: list[bool] = []
    state = False
    last_line = 0
    for w in words:
        line = text.rfind("\n", last_line, w.start)
        if line >= 0:
            state = False
            last_line = line + 1
        if w.text in QUOTE_MARKS:
            if w.text in _OPENING:
                state = True
            elif w.text in _CLOSING:
                state = False
            else:
                state = not state
            inside.append(False)
            continue
        inside.append(state)
    return inside


def _mark_context(words: list[Word], i: int) -> str:
    """Where word ``i`` stands against a quotation mark: `," the ministry said` / `said: "`."""
    marks = QUOTE_MARKS
    prev1 = words[i - 1].text if i > 0 else ""
    prev2 = words[i - 2].text if i > 1 else ""
    next1 = words[i + 1].text if i + 1 < len(words) else ""
    next2 = words[i + 2].text if i + 2 < len(words) else ""
    if prev1 in marks or (prev1 == "," and prev2 in marks):
        return "after-mark"
    if prev2 in marks:
        return "after-mark2"
    if next1 in marks or (next1 in (",", ":") and next2 in marks):
        return "before-mark"
    return "-"


def _mark_contexts(words: list[Word]) -> npt.NDArray[np.uint64]:
    """:func:`_mark_context` of every word, as feature ids. Only words within two of a
    quotation mark can stand against one; the rest (most of an article) are "-"."""
    out = np.full(len(words), 10 + _MARK_CONTEXTS["-"], dtype=np.uint64)
    near = {j for i, w in enumerate(words) if w.text in QUOTE_MARKS for j in range(i - 2, i + 3)}
    for i in near:
        if 0 <= i < len(words):
            out[i] = 10 + _MARK_CONTEXTS[_mark_context(words, i)]
    return out


def _crc(prefix: str, value: str) -> int:
    return zlib.crc32(f"{prefix}={value}".encode())


@lru_cache(maxsize=1 << 16)
def _word_ids(lower: str) -> tuple[int, int, int, int]:
    """The CRC-32 ids of a word and of its affixes. Four CRCs per word were most of the
    cue model's time; news vocabulary repeats, so they are memoised (a pure function of
    the word, so the cache never changes an answer)."""
    return _crc("w", lower), _crc("s3", lower[-3:]), _crc("s2", lower[-2:]), _crc("p4", lower[:4])


def _shifted(values: npt.NDArray[np.uint64], by: int, pad: int) -> npt.NDArray[np.uint64]:
    """``values`` moved ``by`` places (negative: the word before), padded at the edge."""
    out = np.full_like(values, np.uint64(pad))
    if by < 0 and len(values) > -by:
        out[-by:] = values[:by]
    elif by > 0 and len(values) > by:
        out[:-by] = values[by:]
    return out


def feature_buckets(
    text: str, words: list[Word], cue_forms: frozenset[str]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(indices of the scored words, their hashed feature buckets: one row per scored
    word, one column per template). Punctuation and numbers are never scored.

    Word-level parts are CRC-32 ids; templates combine two parts with a fixed 64-bit mix,
    all in numpy, so an article costs a few array operations rather than a string and a
    hash per feature.
    """
    n = len(words)
    lowers = [w.lower for w in words]
    inside = _quote_depths(text, words)
    shapes = [_shape(w.text) for w in words]
    ids = np.array([_word_ids(lo) for lo in lowers], dtype=np.uint64).reshape(n, 4)
    parts: dict[str, npt.NDArray[np.uint64]] = {
        "lo": ids[:, 0],
        "s3": ids[:, 1],
        "s2": ids[:, 2],
        "p4": ids[:, 3],
        "shape": np.array([_SHAPES[s] for s in shapes], dtype=np.uint64),
        "q": np.array([2 + int(q) for q in inside], dtype=np.uint64),
        "mark": _mark_contexts(words),
        "lex": np.array([20 + int(lo in cue_forms) for lo in lowers], dtype=np.uint64),
    }
    for name, pad_before, pad_after in (("lo", _PAD_BEFORE, _PAD_AFTER), ("shape", 6, 7)):
        parts[f"{name}-1"] = _shifted(parts[name], -1, pad_before)
        parts[f"{name}+1"] = _shifted(parts[name], 1, pad_after)
    parts["lo-2"] = _shifted(parts["lo"], -2, _PAD_BEFORE)
    parts["lo+2"] = _shifted(parts["lo"], 2, _PAD_AFTER)
    scored = np.array([i for i, w in enumerate(words) if w.text[:1].isalpha()], dtype=np.int64)
    if not len(scored):
        return scored, np.zeros((0, len(TEMPLATES)), dtype=np.int64)
    zero = np.zeros(len(scored), dtype=np.uint64)
    columns: list[npt.NDArray[np.uint64]] = []
    with np.errstate(over="ignore"):
        for t, (_, first, second) in enumerate(TEMPLATES):
            a = parts[first][scored] if first else zero
            b = parts[second][scored] if second else zero
            h = (np.uint64(t + 1) * _K1 ^ a) * _K2
            h = (h ^ b) * _K3
            h ^= h >> np.uint64(31)
            columns.append(h)
    buckets = (np.stack(columns, axis=1) >> np.uint64(20)) % np.uint64(N_BUCKETS)
    return scored, buckets.astype(np.int64)


def model_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "attribution_model"))


@dataclass(frozen=True, slots=True)
class CueSpan:
    start: int
    end: int
    score: float


def cue_runs(
    words: list[Word], probs: npt.NDArray[np.floating], seed: float, low: float, trim: bool = False
) -> list[CueSpan]:
    """Spans of words: each holds a word scored at or above ``seed`` and grows both ways
    through neighbours at or above ``low``, never into the span before. ``trim``: a span
    neither starts nor ends on a punctuation mark ("added:")."""
    spans: list[CueSpan] = []
    taken = 0  # first word not yet in a span
    i = 0
    while i < len(words):
        if probs[i] < seed:
            i += 1
            continue
        first = i
        while first > taken and probs[first - 1] >= low:
            first -= 1
        j = i
        while j + 1 < len(words) and probs[j + 1] >= low:
            j += 1
        lo, hi = first, j
        while trim and lo < hi and not words[lo].text[0].isalnum():
            lo += 1
        while trim and hi > lo and not words[hi].text[-1].isalnum():
            hi -= 1
        spans.append(CueSpan(words[lo].start, words[hi].end, float(max(probs[lo : hi + 1]))))
        i = taken = j + 1
    return spans


class CueModel:
    """Loaded weights; :meth:`find` is per article."""

    def __init__(
        self,
        weights: npt.NDArray[np.float32],
        threshold: float,
        cue_forms: frozenset[str],
        open_frame_threshold: float = 1.0,
        extend_threshold: float | None = None,
    ) -> None:
        if weights.shape != (N_BUCKETS,):
            raise DataFileError(f"cue model weights have shape {weights.shape}, expected ({N_BUCKETS},)")
        self.weights = weights
        self.threshold = threshold
        # a word next to a span seeded at ``threshold`` joins it from this probability on:
        # spans start where the model is sure and take in the neighbours it half-believes
        self.extend_threshold = threshold if extend_threshold is None else min(extend_threshold, threshold)
        # a cue the lexicon does not know needs this much to stand without a lexicon frame
        self.open_frame_threshold = open_frame_threshold
        self.cue_forms = cue_forms

    @classmethod
    def load(cls, cue_forms: frozenset[str], directory: Path | None = None) -> CueModel:
        """Read the shipped model (or one in ``directory``); ``cue_forms``: the lexicon's
        one-word cue forms, a feature the model was trained with."""
        folder = directory if directory is not None else model_dir()
        try:
            card = json.loads((folder / CARD_FILE).read_text(encoding="utf-8"))
            with np.load(folder / WEIGHTS_FILE, allow_pickle=False) as data:
                weights = np.asarray(data["weights"], dtype=np.float32)
            threshold = float(card["threshold"])
            open_threshold = float(card["open_frame_threshold"])
            extend = card.get("extend_threshold")
            extend_threshold = None if extend is None else float(extend)
        except (OSError, KeyError, ValueError, TypeError) as exc:
            raise DataFileError(f"cannot load the cue model: {exc}", source=str(folder)) from exc
        return cls(weights, threshold, cue_forms, open_threshold, extend_threshold)

    def scores(self, text: str, words: list[Word]) -> npt.NDArray[np.float64]:
        """Probability that each word is (part of) a cue; 0 for punctuation."""
        out = np.zeros(len(words), dtype=np.float64)
        scored, buckets = feature_buckets(text, words, self.cue_forms)
        if len(scored):
            z = self.weights[buckets].sum(axis=1, dtype=np.float64)
            out[scored] = 1.0 / (1.0 + np.exp(-z))
        return out

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueSpan]:
        """Runs of cue words: each run holds a word at or above ``threshold`` and grows both
        ways through neighbours at or above ``extend_threshold`` (never into the run before)."""
        words = words_in(text, start, end)
        return cue_runs(words, self.scores(text, words), self.threshold, self.extend_threshold)
