"""A learned role tagger: which words of an article are a source, a cue or a content.

The rules build a claim only where they recognise a frame ("X said (that) S", "according
to X", a quote and its speaker line). PolNeAR's annotators, and the readers sitrep serves,
also see claims the rules have no frame for: "Trump's campaign insisted on Tuesday, in a
statement to supporters, the polls were rigged", "the poll found", "is expected to". This
model reads every word in context and says how likely it belongs to an attribution's
source, cue or content, so the extractor can build those frames from runs of words
(:meth:`RoleScores.runs`) where its rules find none.

It is a spaCy tagger with its own hash-embedding CNN over surface features only (NORM,
PREFIX, SUFFIX, SHAPE), never a tagger's or parser's output, so it behaves the same on
the blank default pipeline and on a trained one, on any Doc whatever its vocabulary.
Trained on PolNeAR train by :mod:`sitrep.attribution.train_roles`; shipped in
``sitrep/data/attribution_model/roles`` and loaded once per pipeline, when the
attribution component is built.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import LSTM, Model, chain, with_padded
from thinc.types import Floats2d

from sitrep.attribution.rolenet import FeatureRows as _Features
from sitrep.attribution.rolenet import compile_network, feature_columns
from sitrep.errors import DataFileError
from sitrep.nlp.matmul import numpy_matmul

ROLES = ("source", "cue", "content")
# tag letters of the training labels: a word's label holds the letter of every role it has
# ("Q" content, "C" cue, "S" source, "O" none)
LETTERS = {"source": "S", "cue": "C", "content": "Q"}
CARD_FILE = "card.json"


@dataclass(frozen=True, slots=True)
class RoleFrameSettings:
    """How the extractor reads a frame from the tagger's runs (see ``_from_roles``); chosen
    on the training hold-out with the weights and kept in their card (``frame``)."""

    threshold: float = 0.4  # a word belongs to a run from this probability on
    max_gap: int = 30  # characters between the cue and its content run, at most
    sentences_after: int = 0  # sentences after the cue's one that its content may run into
    # a learned cue below this probability needs a clause for content: "Russia calls the
    # invasion a special operation" names, it does not report
    clause_below: float = 0.5
    cue_agree: float = 0.5  # the tagger's own cue probability on the cue's words, at least
    # a content run is not taken across words the tagger is this sure are a cue of their own
    sure_cue: float = 0.9


@registry.architectures("sitrep.RoleTok2Vec.v1")  # type: ignore[untyped-decorator,unused-ignore]
def role_tok2vec(
    tok2vec: Model[list[Doc], list[Floats2d]], width: int, lstm_depth: int
) -> Model[list[Doc], list[Floats2d]]:
    """A CNN over each word's neighbours, then a bidirectional LSTM over the whole text.

    Whether a word is part of a content or just a statement of fact often depends on a
    cue many words away ("..., a report by the Pentagon found"); the CNN sees a couple of
    words either side (its depth, see roles.cfg), the LSTM the whole window. thinc's own
    LSTM, so no torch is needed.
    """
    lstm: Model[Any, Any] = LSTM(nO=width, nI=tok2vec.get_dim("nO"), bi=True, depth=lstm_depth)
    model: Model[list[Doc], list[Floats2d]] = chain(tok2vec, with_padded(lstm))
    model.set_dim("nO", width)
    return model


def roles_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "attribution_model" / "roles"))


@dataclass(frozen=True, slots=True)
class Run:
    """A run of consecutive words of one role, as character offsets."""

    start: int
    end: int
    score: float  # the run's highest word probability


@dataclass(frozen=True, slots=True)
class RoleScores:
    """Per-token role probabilities of one Doc (whitespace tokens score 0)."""

    starts: npt.NDArray[np.int64]
    ends: npt.NDArray[np.int64]
    probs: dict[str, npt.NDArray[np.float32]]

    def runs(self, role: str, threshold: float = 0.5) -> list[Run]:
        """Maximal runs of tokens whose ``role`` probability is at least ``threshold``.

        Punctuation inside a run stays in it (a source "Sen. Ted Cruz (R-Texas)" or a
        content with commas); a run never starts or ends on whitespace.
        """
        p = self.probs[role]
        runs: list[Run] = []
        i, n = 0, len(p)
        while i < n:
            if p[i] < threshold:
                i += 1
                continue
            j = i
            while j + 1 < n and p[j + 1] >= threshold:
                j += 1
            runs.append(Run(int(self.starts[i]), int(self.ends[j]), float(p[i : j + 1].max())))
            i = j + 1
        return runs

    def at(self, role: str, offset: int) -> float:
        """The probability of the token covering character ``offset`` (0 if none)."""
        k = int(np.searchsorted(self.starts, offset, side="right")) - 1
        if k < 0 or offset >= self.ends[k]:
            return 0.0
        return float(self.probs[role][k])


class RoleView(Protocol):
    """Role scores of one article as the extractor reads them: the settings of its frames
    and the scores of a stretch of text (:class:`RoleWindows` here, or the role encoder's
    :class:`sitrep.attribution.role_encoder.EncodedRoles`)."""

    @property
    def frame(self) -> RoleFrameSettings: ...

    def scored(self, start: int, end: int) -> RoleScores | None:
        """``around`` if the scores are at hand, else None (they would cost a network pass)."""

    def around(self, start: int, end: int) -> RoleScores: ...


class RoleTagger:
    """The loaded tagger; :meth:`scores` is per article."""

    def __init__(self, model: Any, labels: list[str], card: dict[str, Any]) -> None:
        self.model = model
        self.card = card
        try:
            self.frame = RoleFrameSettings(**card.get("frame", {}))
        except TypeError as exc:
            raise DataFileError(f"bad frame settings in the role tagger's card: {exc}") from exc
        self._columns = {
            role: np.array([i for i, label in enumerate(labels) if LETTERS[role] in label], dtype=np.int64)
            for role in ROLES
        }
        columns = feature_columns(model)
        if columns is None:
            raise DataFileError("the role tagger's network has no single feature extractor")
        self.feature_columns: list[str] = columns
        # the same network on plain numpy (2x faster per window); None keeps thinc's predict
        self._net = compile_network(model)

    @classmethod
    def load(cls, directory: Path | None = None) -> RoleTagger:
        import spacy

        folder = directory if directory is not None else roles_dir()
        try:
            card = json.loads((folder / CARD_FILE).read_text(encoding="utf-8"))
            nlp = spacy.load(folder)
            tagger = nlp.get_pipe("tagger")
            labels = list(tagger.labels)  # type: ignore[attr-defined]
            model = tagger.model  # type: ignore[attr-defined]
            numpy_matmul(model)
        except (OSError, KeyError, ValueError) as exc:
            raise DataFileError(
                f"cannot load the attribution role tagger: {exc}", source=str(folder)
            ) from exc
        unknown = [label for label in labels if label != "O" and set(label) - set(LETTERS.values())]
        if unknown:
            raise DataFileError(f"unexpected role labels {unknown}", source=str(folder))
        return cls(model, labels, card)

    def windows(self, doc: Doc) -> RoleWindows:
        """Scores of ``doc`` computed only where asked for (see :class:`RoleWindows`)."""
        return RoleWindows(self, doc)

    def scores(self, doc: Doc) -> RoleScores:
        return self.score_window(DocArrays.of(doc, self.feature_columns), 0, len(doc))

    def score_window(self, arrays: DocArrays, lo: int, hi: int) -> RoleScores:
        """Scores of tokens ``lo``..``hi`` of a Doc, read as if they were a Doc of their own."""
        starts, ends = arrays.starts[lo:hi], arrays.ends[lo:hi]
        if hi <= lo:
            empty = np.zeros(0, dtype=np.float32)
            return RoleScores(starts, ends, {role: empty for role in ROLES})
        window = arrays.features[lo:hi]
        if self._net is not None:
            logits = np.asarray(self._net(window), dtype=np.float32)
        else:
            logits = np.asarray(self.model.predict([_Features(window)])[0], dtype=np.float32)
        # the tagger's output layer is unnormalised (spaCy's Tagger.v2, normalize=false)
        table = np.exp(logits - logits.max(axis=1, keepdims=True))
        table /= table.sum(axis=1, keepdims=True)
        space = arrays.space[lo:hi]
        probs: dict[str, npt.NDArray[np.float32]] = {}
        for role, columns in self._columns.items():
            p = table[:, columns].sum(axis=1).astype(np.float32)
            p[space] = 0.0
            probs[role] = p
        return RoleScores(starts, ends, probs)


@dataclass(frozen=True, slots=True)
class DocArrays:
    """What the tagger reads of a Doc, read once: its feature columns and each token's
    offsets and whitespace flag."""

    features: npt.NDArray[np.uint64]
    starts: npt.NDArray[np.int64]
    ends: npt.NDArray[np.int64]
    space: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, doc: Doc, columns: list[str]) -> DocArrays:
        spans = doc.to_array([IDX, LENGTH, IS_SPACE]).astype(np.int64).reshape(len(doc), 3)
        features = doc.to_array(list[int | str](columns)).astype(np.uint64).reshape(len(doc), len(columns))
        return cls(features, spans[:, 0], spans[:, 0] + spans[:, 1], spans[:, 2].astype(bool))


class RoleWindows:
    """Role scores of one article, computed for the stretches the extractor asks about.

    The extractor needs the tagger only around the few cues its rules cannot frame (the
    cue's sentence and the next), so only those are scored, with ``margin`` tokens of
    context on either side. The CNN looks only a few tokens either way; the LSTM reads the
    whole window, so its scores differ a little from a pass over the whole article (the runs
    the extractor takes stay the same in the tests), at a fraction of the cost. The margin
    is 4 words, twice the CNN's reach (two maxout layers over one word either side), so
    only the LSTM reads less context than it would in the whole article; PolNeAR dev scores
    the same with 4 as with 16 (overlap F1 source / cue / content .736 / .598 / .841
    against .734 / .598 / .841), for 24 fewer LSTM steps per window.
    """

    def __init__(self, tagger: RoleTagger, doc: Doc, margin: int = 4) -> None:
        self.tagger = tagger
        self.doc = doc
        self.margin = margin
        self._cache: dict[tuple[int, int], RoleScores] = {}
        self._arrays: DocArrays | None = None

    @property
    def frame(self) -> RoleFrameSettings:
        return self.tagger.frame

    def scored(self, start: int, end: int) -> RoleScores | None:
        """The scores of a window scored already for another question, else None."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else self._cache.get((span.start, span.end))

    def around(self, start: int, end: int) -> RoleScores:
        """Scores of the tokens that overlap characters ``start``..``end``."""
        doc = self.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            empty = np.zeros(0, dtype=np.int64)
            return RoleScores(empty, empty, {role: np.zeros(0, dtype=np.float32) for role in ROLES})
        key = (span.start, span.end)
        found = self._cache.get(key)
        if found is None:
            lo, hi = max(0, span.start - self.margin), min(len(doc), span.end + self.margin)
            if self._arrays is None:
                self._arrays = DocArrays.of(doc, self.tagger.feature_columns)
            scored = self.tagger.score_window(self._arrays, lo, hi)
            keep = slice(span.start - lo, span.end - lo)
            found = RoleScores(
                scored.starts[keep], scored.ends[keep], {role: p[keep] for role, p in scored.probs.items()}
            )
            self._cache[key] = found
        return found
