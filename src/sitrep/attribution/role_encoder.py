"""The role encoder: a fine-tuned MiniLM that reads every word of an article in context and
says how likely it is part of an attribution's source, cue or content.

It does the work of two smaller models at once and does it better (PolNeAR train hold-out,
word-piece F1 source / cue / content: 0.835 / 0.702 / 0.901 against the role tagger's
0.760 / 0.630 / 0.866): its cue runs are the learned cues the extractor takes where the
lexicon has none (in place of :mod:`sitrep.attribution.cue_model`), and its role scores
frame the cues no rule frames (in place of :mod:`sitrep.attribution.roles`). What the
surface-feature models cannot see (that "the poll found" reports and "the bridge was
found" does not; that a name three clauses back is the one speaking) a pretrained
encoder reads from the whole window.

The weights are all-MiniLM-L6-v2 (the storyline encoder, Apache-2.0) fine-tuned by
:mod:`sitrep.attribution.train_role_encoder`, exported to ONNX with int8 weights; the
run-time needs onnxruntime, tokenizers and numpy only, and shares the storyline
encoder's tokenizer file. The session loads on first use, once per encoder object.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc

from sitrep.attribution.cue_model import CueSpan, cue_runs
from sitrep.attribution.roles import ROLES, RoleFrameSettings, RoleScores
from sitrep.attribution.segments import words_in
from sitrep.errors import DataFileError
from sitrep.inference import cpu_session, tokenizer_path

if TYPE_CHECKING:
    from onnxruntime import InferenceSession  # type: ignore[import-untyped]
    from tokenizers import Tokenizer

MODEL_FILE = "model.onnx"
CARD_FILE = "card.json"
WINDOW = 128  # word pieces per model run, [CLS] and [SEP] included
CONTEXT = 16  # pieces of context either side of the part of a window that is kept


def encoder_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "attribution_model" / "role_encoder"))


@dataclass(frozen=True, slots=True)
class CueSettings:
    """How cue spans are read from the cue scores (card ``cues``): a span holds a word at or
    above ``threshold`` and grows through neighbours at or above ``extend_threshold``; a
    cue the lexicon does not know stands without a lexicon frame from ``open_frame_threshold``."""

    threshold: float = 0.5
    extend_threshold: float = 0.35
    open_frame_threshold: float = 0.65


@dataclass(frozen=True, slots=True)
class Pieces:
    """Word pieces of one text: character offsets and role probabilities (pieces x roles)."""

    starts: npt.NDArray[np.int64]
    ends: npt.NDArray[np.int64]
    probs: npt.NDArray[np.float32]

    def reduce(self, starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
        """Per unit ``starts[i]..ends[i]`` (sorted, not overlapping) the highest probability of
        the pieces that start inside it: a word is a cue if any of its pieces is."""
        out = np.zeros((len(starts), len(ROLES)), dtype=np.float32)
        if not len(starts) or not len(self.starts):
            return out
        unit = np.searchsorted(starts, self.starts, side="right") - 1
        inside = (unit >= 0) & (self.starts < ends[np.clip(unit, 0, None)])
        np.maximum.at(out, unit[inside], self.probs[inside])
        return out


class EncodedRoles:
    """An article's role scores, as the extractor reads them (see ``RoleWindows``): computed
    once for the whole article, cut to the stretch asked about."""

    def __init__(self, scores: RoleScores, frame: RoleFrameSettings) -> None:
        self.scores = scores
        self.frame = frame

    def scored(self, start: int, end: int) -> RoleScores | None:
        """Always at hand: the whole article is scored already."""
        return self.around(start, end)

    def around(self, start: int, end: int) -> RoleScores:
        s = self.scores
        keep = (s.ends > start) & (s.starts < end)
        return RoleScores(s.starts[keep], s.ends[keep], {role: p[keep] for role, p in s.probs.items()})


class RoleEncoder:
    """Loaded lazily on the first article; :meth:`read` is per article."""

    def __init__(self, directory: Path | None = None, *, threads: int = 1) -> None:
        self.directory = directory if directory is not None else encoder_dir()
        self.threads = threads
        try:
            card = json.loads((self.directory / CARD_FILE).read_text(encoding="utf-8"))
            self.frame = RoleFrameSettings(**card.get("frame", {}))
            self.cues = CueSettings(**card.get("cues", {}))
        except (OSError, ValueError, TypeError) as exc:
            raise DataFileError(
                f"cannot read the role encoder's card: {exc}", source=str(self.directory)
            ) from exc
        if not (self.directory / MODEL_FILE).is_file():
            raise DataFileError("the role encoder's model.onnx is missing", source=str(self.directory))
        self.card = card
        self._session: InferenceSession | None = None
        self._tokenizer: Tokenizer | None = None

    def _load(self) -> tuple[InferenceSession, Tokenizer]:
        if self._session is None or self._tokenizer is None:
            from tokenizers import Tokenizer

            try:
                self._session = cpu_session(self.directory / MODEL_FILE, self.threads)
                tok = Tokenizer.from_file(str(tokenizer_path()))
            except Exception as exc:  # onnxruntime raises its own exception types
                raise DataFileError(
                    f"cannot load the role encoder: {exc}", source=str(self.directory)
                ) from exc
            tok.no_truncation()
            tok.no_padding()
            self._tokenizer = tok
        return self._session, self._tokenizer

    def pieces(self, text: str) -> Pieces:
        """Role probabilities of every word piece of ``text``.

        The text is cut into windows of ``WINDOW`` pieces that overlap by ``2 * CONTEXT``;
        each piece's probabilities come from the window where it has context on both sides.
        All windows of one text go through the model in one run, so the int8 model's
        per-run activation scale depends on this text alone and its scores are a function
        of the text, whatever else is in the batch of articles.
        """
        session, tok = self._load()
        enc = tok.encode(text, add_special_tokens=False)
        n = len(enc.ids)
        offsets = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
        probs = np.zeros((n, len(ROLES)), dtype=np.float32)
        if n == 0:
            return Pieces(offsets[:, 0], offsets[:, 1], probs)
        size = WINDOW - 2
        spans: list[tuple[int, int, int, int]] = []  # window lo..hi, kept keep_lo..keep_hi
        keep_lo = 0
        while True:
            lo = max(0, keep_lo - CONTEXT)
            hi = min(n, lo + size)
            keep_hi = n if hi == n else hi - CONTEXT
            spans.append((lo, hi, keep_lo, keep_hi))
            if hi == n:
                break
            keep_lo = keep_hi
        ids = np.zeros((len(spans), max(hi - lo for lo, hi, _, _ in spans) + 2), dtype=np.int64)
        mask = np.zeros_like(ids)
        pieces = np.asarray(enc.ids, dtype=np.int64)
        cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
        if cls is None or sep is None:
            raise DataFileError(
                "the role encoder's tokenizer has no [CLS]/[SEP]", source=str(tokenizer_path())
            )
        for row, (lo, hi, _, _) in enumerate(spans):
            ids[row, 0], ids[row, hi - lo + 1] = cls, sep
            ids[row, 1 : hi - lo + 1] = pieces[lo:hi]
            mask[row, : hi - lo + 2] = 1
        out = np.asarray(session.run(["roles"], {"input_ids": ids, "attention_mask": mask})[0])
        for row, (lo, _, keep_lo, keep_hi) in enumerate(spans):
            probs[keep_lo:keep_hi] = out[row, 1 + keep_lo - lo : 1 + keep_hi - lo]
        return Pieces(offsets[:, 0], offsets[:, 1], probs)

    def read(self, doc: Doc) -> tuple[EncodedRoles, list[CueSpan]]:
        """The article's role scores per token and its learned cue spans."""
        text = doc.text
        pieces = self.pieces(text)
        starts = np.fromiter((t.idx for t in doc), dtype=np.int64, count=len(doc))
        ends = np.fromiter((t.idx + len(t.text) for t in doc), dtype=np.int64, count=len(doc))
        table = pieces.reduce(starts, ends)
        space = np.fromiter((t.is_space for t in doc), dtype=bool, count=len(doc))
        table[space] = 0.0
        scores = RoleScores(starts, ends, {role: table[:, r].copy() for r, role in enumerate(ROLES)})
        return EncodedRoles(scores, self.frame), self.cue_spans(text, pieces)

    def cue_spans(self, text: str, pieces: Pieces) -> list[CueSpan]:
        """Runs of cue words, read as the cue tagger reads its own (:func:`cue_runs`), and
        never on a mark: a word piece of punctuation borrows its neighbour's context."""
        words = words_in(text)
        if not words:
            return []
        starts = np.fromiter((w.start for w in words), dtype=np.int64, count=len(words))
        ends = np.fromiter((w.end for w in words), dtype=np.int64, count=len(words))
        probs = pieces.reduce(starts, ends)[:, ROLES.index("cue")]
        return cue_runs(words, probs, self.cues.threshold, self.cues.extend_threshold, trim=True)
