"""The accurate pipeline variant: one fine-tuned MiniLM pass gives tags, parse and names.

``--model sitrep-accurate`` (or ``SITREP_MODEL=sitrep-accurate``) loads the shipped pipeline's
tokenizer, place ruler and lemmatizer and replaces its CNN tagger, morphologizer, parser and
NER with the ``sitrep_accurate`` component defined here. It runs at about half the speed of
the CNN pipeline and is more accurate (EWT test LAS 0.854 against 0.816, UNER F1 0.714
against 0.620); docs/model.md has both sets of figures.

How a Doc is annotated, and why:

* The words are cut into WordPiece pieces and read in windows of ``WINDOW`` pieces that
  overlap by ``2 * CONTEXT``; each word takes its scores from the window in which its first
  piece has the most context. All windows of a Doc go through the network in one run.
* Sentences start where the sentence-start score reaches the card's threshold (chosen by
  the recipe for the best LAS on EWT dev); a tree is then built
  inside each sentence: the highest-scoring spanning tree of the biaffine arc scores
  (Chu-Liu/Edmonds), with one root (the word the root fits best compared with its best
  other head), so the heads always form a tree spaCy accepts, non-projective arcs included.
* Each arc's label comes from the label classifier on (dependent, chosen head); ``ROOT``
  only for the root.
* Names are BIO tags, decoded as the best sequence in which an ``I-X`` only continues a
  ``B-X`` or ``I-X`` (Viterbi), so a name has one type throughout. Names already on the
  Doc are kept and predicted names that overlap them dropped; in ``sitrep-accurate`` the
  place ruler runs afterwards and overwrites (``sitrep.nlp.pipeline``).

The network is exported to ONNX with int8 weights by :mod:`sitrep.nlp.training.accurate`;
the run-time needs onnxruntime, tokenizers and numpy, loads on first use and keeps one
session per component.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.errors import DataFileError
from sitrep.inference import cpu_session, wordpiece_tokenizer

if TYPE_CHECKING:
    from onnxruntime import InferenceSession  # type: ignore[import-untyped]
    from tokenizers import Tokenizer

MODEL_FILE = "model.onnx"
HEADS_FILE = "heads.npz"
LABELS_FILE = "labels.json"
CARD_FILE = "card.json"
WINDOW = 256  # word pieces per model run, [CLS] and [SEP] included
CONTEXT = 32  # pieces of context either side of the part of a window that is kept
NER_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
CLS, SEP, UNK = 101, 102, 100
ROOT = "ROOT"
FACTORY = "sitrep_accurate"

FloatArray = npt.NDArray[np.float32]


def accurate_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "model_accurate"))


def case_ids(words: list[str]) -> list[int]:
    """Shape class of each word: 0 no capitals, 1 Title, 2 UPPER, 3 other mixed, 4 with digits.

    The encoder lower-cases its input; this is how capitals reach the heads."""
    out = []
    for w in words:
        if any(ch.isdigit() for ch in w):
            out.append(4)
        elif not any(ch.isupper() for ch in w):
            out.append(0)
        elif w.isupper() and sum(ch.isalpha() for ch in w) > 1:
            out.append(2)
        elif w[0].isupper() and not any(ch.isupper() for ch in w[1:]):
            out.append(1)
        else:
            out.append(3)
    return out


def _find_cycle(heads: npt.NDArray[np.int64]) -> list[int] | None:
    """A cycle among ``heads`` (heads[0] is the root's, -1), or None."""
    n = len(heads)
    state = np.zeros(n, dtype=np.int8)  # 0 new, 1 on the current path, 2 done
    for start in range(1, n):
        path: list[int] = []
        node = start
        while node > 0 and state[node] == 0:
            state[node] = 1
            path.append(node)
            node = int(heads[node])
        if node > 0 and state[node] == 1:
            return path[path.index(node) :]
        for p in path:
            state[p] = 2
    return None


def max_spanning_tree(scores: FloatArray) -> npt.NDArray[np.int64]:
    """Chu-Liu/Edmonds: the best heads for ``scores[head, dependent]``, node 0 the root.

    Returns ``heads`` with ``heads[0] == -1``; every other node reaches 0."""
    n = scores.shape[0]
    s = scores.astype(np.float64).copy()
    np.fill_diagonal(s, -np.inf)
    s[:, 0] = -np.inf
    heads: npt.NDArray[np.int64] = s.argmax(0).astype(np.int64)
    heads[0] = -1
    cycle = _find_cycle(heads)
    if cycle is None:
        return heads
    in_cycle = np.zeros(n, dtype=bool)
    in_cycle[cycle] = True
    rest_list = [i for i in range(n) if not in_cycle[i]]  # [0] == 0: the root is never in a cycle
    rest = np.array(rest_list, dtype=np.int64)
    cyc = np.array(cycle, dtype=np.int64)
    m = len(rest_list) + 1  # the cycle becomes node m - 1
    small = np.full((m, m), -np.inf)
    small[: m - 1, : m - 1] = s[np.ix_(rest, rest)]
    into = s[np.ix_(rest, cyc)] - s[heads[cyc], cyc][None, :]
    best_in = into.argmax(1)
    small[: m - 1, m - 1] = into.max(1)
    out_of = s[np.ix_(cyc, rest)]
    best_out = out_of.argmax(0)
    small[m - 1, : m - 1] = out_of.max(0)
    sub = max_spanning_tree(small)
    result = heads.copy()
    for j, d in enumerate(rest_list):
        if d == 0:
            continue
        h = int(sub[j])
        result[d] = rest_list[h] if h < m - 1 else int(cyc[best_out[j]])
    h_c = int(sub[m - 1])
    result[int(cyc[best_in[h_c]])] = rest_list[h_c]
    return result


def one_root_tree(arcs: FloatArray, root: FloatArray) -> npt.NDArray[np.int64]:
    """Heads (word index, -1 for the root) of a sentence from ``arcs[dependent, head]`` and
    ``root[dependent]``: the best tree in which exactly one word hangs from the root."""
    n = len(root)
    if n == 1:
        return np.array([-1], dtype=np.int64)
    others = arcs.copy()
    np.fill_diagonal(others, -np.inf)
    chosen = int(np.argmax(root - others.max(1)))
    scores = np.full((n + 1, n + 1), -np.inf)
    scores[1:, 1:] = arcs.T
    scores[0, chosen + 1] = 0.0
    heads: npt.NDArray[np.int64] = max_spanning_tree(scores)[1:] - 1
    return heads


def bio_viterbi(logprobs: FloatArray, tags: list[str]) -> npt.NDArray[np.int64]:
    """The most probable tag sequence in which every ``I-X`` follows a ``B-X`` or ``I-X``.

    The tags are scored one word at a time; taking each word's best tag alone splits names
    whose words disagree on the type ("United" B-GPE, "Nations" I-ORG): the best consistent
    sequence takes one type for the whole name."""
    n, k = logprobs.shape
    allowed = np.ones((k, k), dtype=bool)  # allowed[previous, next]
    can_start = np.ones(k, dtype=bool)
    for j, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if prefix == "I":
            can_start[j] = False
            allowed[:, j] = [t in (f"B-{kind}", f"I-{kind}") for t in tags]
    penalty = np.where(allowed, 0.0, -np.inf)
    score = np.where(can_start, logprobs[0], -np.inf) if n else np.zeros(k)
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        total = score[:, None] + penalty
        back[i] = total.argmax(0)
        score = total.max(0) + logprobs[i]
    path = np.zeros(n, dtype=np.int64)
    if n:
        path[-1] = int(score.argmax())
        for i in range(n - 1, 0, -1):
            path[i - 1] = back[i, path[i]]
    return path


@dataclass(frozen=True, slots=True)
class WordScores:
    """Per word of a Doc, the network's outputs (arrays of shape words x ...)."""

    upos: FloatArray
    tag: FloatArray
    feats: FloatArray
    sent: FloatArray
    ner: FloatArray
    arc_dep: FloatArray
    arc_head: FloatArray
    arc_head_b: FloatArray
    lab_dep: FloatArray
    lab_head: FloatArray


class AccurateModel:
    """The network, its labels and the constant head arrays; loaded lazily, once."""

    def __init__(self, directory: Path | None = None, *, threads: int = 1) -> None:
        self.directory = directory if directory is not None else accurate_dir()
        self.threads = threads
        try:
            self.labels: dict[str, list[str]] = json.loads(
                (self.directory / LABELS_FILE).read_text(encoding="utf-8")
            )
            with np.load(self.directory / HEADS_FILE) as arrays:
                self.arrays = {k: arrays[k].astype(np.float32) for k in arrays.files}
            card_path = self.directory / CARD_FILE
            card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.is_file() else {}
            # where a sentence starts: chosen on EWT dev by the recipe (card), else one half
            self.sentence_threshold = float(card.get("sentence_threshold", 0.5))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DataFileError(
                f"cannot read the accurate pipeline's labels or heads: {exc}", source=str(self.directory)
            ) from exc
        if not (self.directory / MODEL_FILE).is_file():
            raise DataFileError("the accurate pipeline's model.onnx is missing", source=str(self.directory))
        self._session: InferenceSession | None = None
        self._tokenizer: Tokenizer | None = None

    @property
    def session(self) -> InferenceSession:
        if self._session is None:
            self._session = cpu_session(self.directory / MODEL_FILE, self.threads)
        return self._session

    @property
    def tokenizer(self) -> Tokenizer:
        if self._tokenizer is None:
            self._tokenizer = wordpiece_tokenizer()
        return self._tokenizer

    def scores(self, words: list[str]) -> WordScores:
        """Run the network over ``words`` in overlapping windows."""
        enc = self.tokenizer.encode(words, is_pretokenized=True, add_special_tokens=False)
        per_word: list[list[int]] = [[] for _ in words]
        for p, w in enumerate(enc.word_ids):
            if w is not None:
                per_word[w].append(enc.ids[p])
        ids: list[int] = []
        case: list[int] = []
        first = np.zeros(len(words), dtype=np.int64)
        for w, (pieces, shape) in enumerate(zip(per_word, case_ids(words), strict=True)):
            first[w] = len(ids)
            pieces = pieces or [UNK]
            ids.extend(pieces)
            case.extend([shape] * len(pieces))
        size, step = WINDOW - 2, WINDOW - 2 - 2 * CONTEXT
        spans: list[tuple[int, int]] = []
        for lo in range(0, max(1, len(ids)), step):
            hi = min(len(ids), lo + size)
            spans.append((lo, hi))
            if hi >= len(ids):
                break
        batch_ids = np.zeros((len(spans), size + 2), dtype=np.int64)
        batch_case = np.zeros_like(batch_ids)
        mask = np.zeros_like(batch_ids)
        for row, (lo, hi) in enumerate(spans):
            batch_ids[row, 0], batch_ids[row, hi - lo + 1] = CLS, SEP
            batch_ids[row, 1 : hi - lo + 1] = ids[lo:hi]
            batch_case[row, 1 : hi - lo + 1] = case[lo:hi]
            mask[row, : hi - lo + 2] = 1
        width = int(mask.sum(1).max())
        outputs = self.session.run(
            None,
            {
                "input_ids": batch_ids[:, :width],
                "attention_mask": mask[:, :width],
                "case_ids": batch_case[:, :width],
            },
        )
        # the window whose kept part holds a word's first piece: window r keeps pieces
        # from lo + CONTEXT (0 for the first) up to the next window's kept start
        row = np.minimum(np.maximum(first - CONTEXT, 0) // step, len(spans) - 1)
        col = first - np.array([spans[r][0] for r in row], dtype=np.int64) + 1
        picked = [np.asarray(o)[row, col].astype(np.float32) for o in outputs]
        return WordScores(*picked)

    def annotate(self, doc: Doc) -> None:
        """Set tags, morphology, heads, labels and names on ``doc``.

        Whitespace tokens are not shown to the network (the treebanks have none): they get
        spaCy's ``SPACE`` / ``_SP`` and hang from the word before them (the first word for
        leading whitespace) with ``dep``, as spaCy's own parser does, so they never start
        a sentence."""
        if not len(doc):
            return
        keep = np.array([t.i for t in doc if not t.is_space], dtype=np.int64)
        heads = np.zeros(len(doc), dtype=np.int64)
        deps = ["dep"] * len(doc)
        ner = np.full((len(doc), len(self.labels["ner"])), -np.inf, dtype=np.float32)
        ner[:, self.labels["ner"].index("O")] = 0.0
        if len(keep):
            s = self.scores([doc[int(i)].text for i in keep])
            labels = self.labels
            for i, u, g, f in zip(keep, s.upos.argmax(1), s.tag.argmax(1), s.feats.argmax(1), strict=True):
                t = doc[int(i)]
                t.pos_ = labels["upos"][u]
                t.tag_ = labels["tag"][g]
                t.set_morph(labels["feats"][f] or None)  # type: ignore[attr-defined]  # missing from spaCy's stub
            preset = [doc[int(i)].is_sent_start for i in keep]
            local_heads, local_deps = self._parse(s, preset)
            heads[keep] = keep[local_heads]
            for i, d in zip(keep, local_deps, strict=True):
                deps[int(i)] = d
            ner[keep] = s.ner
        for t in doc:
            if t.is_space:
                t.pos_, t.tag_ = "SPACE", "_SP"
                before = keep[keep < t.i]
                heads[t.i] = before[-1] if len(before) else (keep[0] if len(keep) else 0)
        strings = doc.vocab.strings
        arr = np.zeros((len(doc), 2), dtype=np.uint64)
        arr[:, 0] = (heads - np.arange(len(doc))).astype(np.int64).view(np.uint64)
        arr[:, 1] = [strings.add(d) for d in deps]
        if not len(keep):
            arr[0, 1] = strings.add(ROOT)
        doc.from_array([HEAD, DEP], arr)  # type: ignore[arg-type]  # thinc's Ints2d is any int array
        self._names(doc, ner)

    def _parse(
        self, s: WordScores, preset: list[bool | None] | None = None
    ) -> tuple[npt.NDArray[np.int64], list[str]]:
        """Trees inside sentences; a sentence start set on the Doc before this component
        (``True`` or ``False``, e.g. at a paragraph break) wins over the network's score."""
        n = len(s.sent)
        preset = preset or [None] * n
        starts = [
            0,
            *[
                i
                for i in range(1, n)
                if preset[i] is True or (preset[i] is None and s.sent[i] >= self.sentence_threshold)
            ],
            n,
        ]
        heads = np.zeros(n, dtype=np.int64)
        deps: list[str] = []
        a = self.arrays
        dep_labels = self.labels["dep"]
        root_index = dep_labels.index(ROOT) if ROOT in dep_labels else -1
        for lo, hi in itertools.pairwise(starts):
            d = s.arc_dep[lo:hi]
            arcs = d @ s.arc_head[lo:hi].T + s.arc_head_b[lo:hi][None, :]
            root = d @ a["root_arc"] + a["root_arc_b"][0]
            local = one_root_tree(arcs, root)
            head_vecs = np.where(
                (local < 0)[:, None], a["root_lab"][None, :], s.lab_head[lo:hi][np.maximum(local, 0)]
            )
            dv = s.lab_dep[lo:hi]
            logits = np.concatenate([dv, head_vecs, dv * head_vecs], 1) @ a["lab_w"] + a["lab_b"]
            if root_index >= 0:
                logits[local >= 0, root_index] = -np.inf
            for i, h in enumerate(local):
                heads[lo + i] = lo + i if h < 0 else lo + h
                deps.append(ROOT if h < 0 else dep_labels[int(np.argmax(logits[i]))])
        return heads, deps

    def _names(self, doc: Doc, ner: FloatArray) -> None:
        tags = [self.labels["ner"][i] for i in bio_viterbi(ner, self.labels["ner"])]
        spans: list[Span] = []
        start, label = -1, ""
        for i, tag in enumerate([*tags, "O"]):
            prefix, _, kind = tag.partition("-")
            if start >= 0 and (prefix != "I" or kind != label):
                spans.append(Span(doc, start, i, label=label))
                start = -1
            if prefix in ("B", "I") and start < 0:
                start, label = i, kind
        kept = list(doc.ents)
        taken = np.zeros(len(doc), dtype=bool)
        for e in kept:
            taken[e.start : e.end] = True
        kept.extend(sp for sp in spans if not taken[sp.start : sp.end].any())
        doc.ents = sorted(kept, key=lambda sp: sp.start)


class AccurateAnnotator:
    """The spaCy component: the model is opened on the first Doc, not when the pipeline loads."""

    def __init__(self, directory: str = "") -> None:
        self.directory = Path(directory) if directory else None
        self._model: AccurateModel | None = None

    @property
    def network(self) -> AccurateModel:
        """Not named ``model``: spaCy checks its components against protocols with
        ``hasattr(component, "model")``, which would open the network when the pipeline is
        built."""
        if self._model is None:
            self._model = AccurateModel(self.directory)
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        self.network.annotate(doc)
        return doc


@Language.factory(FACTORY, default_config={"directory": ""})
def make_accurate(nlp: Language, name: str, directory: str) -> AccurateAnnotator:
    del nlp, name
    return AccurateAnnotator(directory)
