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
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from sitrep.attribution.segments import Word, words_in
from sitrep.errors import DataFileError

WEIGHTS_FILE = "cue_model.npz"
CARD_FILE = "cue_model.json"
N_BUCKETS = 1 << 18
_QUOTE_MARKS = frozenset('"“”«»„')
_OPENING = frozenset("“«„")
_CLOSING = frozenset("”»")


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
        if w.text in _QUOTE_MARKS:
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
    marks = _QUOTE_MARKS
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


def word_features(text: str, words: list[Word], cue_forms: frozenset[str]) -> list[list[str]]:
    """Feature strings for each word; punctuation gets none (it is never scored)."""
    n = len(words)
    lowers = [w.lower for w in words]
    inside = _quote_depths(text, words)
    pad = ["<s>", "<s>"]
    padded = pad + lowers + ["</s>", "</s>"]
    result: list[list[str]] = []
    for i, w in enumerate(words):
        if not w.text[:1].isalpha():
            result.append([])
            continue
        lo = lowers[i]
        p1, p2, n1, n2 = padded[i + 1], padded[i], padded[i + 3], padded[i + 4]
        prev_shape = _shape(words[i - 1].text) if i > 0 else "<s>"
        next_shape = _shape(words[i + 1].text) if i + 1 < n else "</s>"
        near_mark = _mark_context(words, i)
        in_lex = lo in cue_forms
        feats = [
            "bias",
            f"w={lo}",
            f"s3={lo[-3:]}",
            f"s2={lo[-2:]}",
            f"p4={lo[:4]}",
            f"shape={_shape(w.text)}",
            f"p1={p1}",
            f"p2={p2}",
            f"n1={n1}",
            f"n2={n2}",
            f"p1w={p1}|{lo}",
            f"wn1={lo}|{n1}",
            f"p1s3={p1}|{lo[-3:]}",
            f"s3n1={lo[-3:]}|{n1}",
            f"pshape={prev_shape}",
            f"nshape={next_shape}",
            f"ps-s3={prev_shape}|{lo[-3:]}",
            f"q={inside[i]}",
            f"qw={inside[i]}|{lo}",
            f"mark={near_mark}",
            f"markw={near_mark}|{lo[-3:]}",
            f"lex={in_lex}",
            f"lexq={in_lex}|{inside[i]}",
            f"lexn1={in_lex}|{n1}",
        ]
        result.append(feats)
    return result


def hash_features(features: Iterable[str]) -> list[int]:
    return [zlib.crc32(f.encode("utf-8")) % N_BUCKETS for f in features]


def model_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "attribution_model"))


@dataclass(frozen=True, slots=True)
class CueSpan:
    start: int
    end: int
    score: float


class CueModel:
    """Loaded weights; :meth:`find` is per article."""

    def __init__(
        self,
        weights: npt.NDArray[np.float32],
        threshold: float,
        cue_forms: frozenset[str],
        open_frame_threshold: float = 1.0,
    ) -> None:
        if weights.shape != (N_BUCKETS,):
            raise DataFileError(f"cue model weights have shape {weights.shape}, expected ({N_BUCKETS},)")
        self.weights = weights
        self.threshold = threshold
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
        except (OSError, KeyError, ValueError, TypeError) as exc:
            raise DataFileError(f"cannot load the cue model: {exc}", source=str(folder)) from exc
        return cls(weights, threshold, cue_forms, open_threshold)

    def scores(self, text: str, words: list[Word]) -> npt.NDArray[np.float64]:
        """Probability that each word is (part of) a cue; 0 for punctuation."""
        feats = word_features(text, words, self.cue_forms)
        scored = [i for i, f in enumerate(feats) if f]
        out = np.zeros(len(words), dtype=np.float64)
        if not scored:
            return out
        index: list[int] = []
        starts: list[int] = []
        for i in scored:
            starts.append(len(index))
            index.extend(hash_features(feats[i]))
        z = np.add.reduceat(self.weights[np.asarray(index)].astype(np.float64), np.asarray(starts))
        out[scored] = 1.0 / (1.0 + np.exp(-z))
        return out

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueSpan]:
        """Runs of cue words (a run may hold a word just under the threshold between two above)."""
        words = words_in(text, start, end)
        probs = self.scores(text, words)
        spans: list[CueSpan] = []
        i = 0
        while i < len(words):
            if probs[i] < self.threshold:
                i += 1
                continue
            j = i
            while j + 1 < len(words) and probs[j + 1] >= self.threshold:
                j += 1
            spans.append(CueSpan(words[i].start, words[j].end, max(probs[i : j + 1])))
            i = j + 1
        return spans
