"""Static word vectors for the NER, derived from the MiniLM encoder that sitrep ships.

Why: the NER's hash embeddings only know the ~300k words of its training
text, so a name it never saw (a football club, a ministry, a town) is judged
by its shape and affixes alone; the NER's recall was lowest exactly there.
No pretrained word vectors are available, but ``sitrep/data/encoder`` holds
all-MiniLM-L6-v2 (Apache-2.0). Embedding each word type on its own with it
gives type-level vectors in which ``kharkiv`` lies near ``kyiv`` and
``arsenal`` near ``chelsea``; a PCA keeps the main directions so that the
table stays a few megabytes.

The vocabulary (all lower-cased, as the encoder's tokenizer lower-cases
anyway; the table is keyed by spaCy's ``LOWER`` so ``Kyiv``/``KYIV`` share a
row) is, in priority order:

1. the word types seen at least twice in the training DocBins (parser and
   NER train halves; never dev or test), most frequent first: the words the
   NER learns from;
2. the whole words of the encoder's WordPiece vocabulary (the frequent words
   and names of its pretraining text, Wikipedia and books): words the NER
   meets at run time without having seen them in training;
3. the words seen once in training (many are noise: URLs, foreign script);
4. the words of GeoNames country, first-level region and city (15,000+)
   names: places, which news text is full of.

Only the first ``rows`` words get a row of their own; every later word is
keyed to the row of its nearest (cosine) kept word, like spaCy's
``prune_vectors``, so ``barbuda`` still lands among places at a fraction of
the size.

Every step is deterministic (one word per encoder run, because the int8
model quantises activations per run; a fixed sign per PCA axis), so the
recipe rebuilds the same table.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import spacy
from spacy.strings import get_string_id
from spacy.tokens import DocBin
from spacy.vectors import Vectors

from sitrep.storylines.encoder import Encoder, default_model_dir

log = logging.getLogger(__name__)

Matrix = npt.NDArray[np.float32]

DEFAULT_DIM = 64
# Distinct rows kept; the other words point to the row of their nearest kept word (cosine), as
# spaCy's ``prune_vectors`` does: 25k x 64 float32 is 6.4 MB in the shipped model.
DEFAULT_ROWS = 25_000
# Spread (standard deviation) of a table coordinate. The NER's embedding concatenates four hash
# tables (trained entries spread ~0.06-0.09) with the vectors' random projection (glorot, ~0.11)
# and mixes them; with coordinates of spread 1 the vector block entered ~10x louder than each
# hash block and drowned the lexical features that the parser run had trained. At 0.1 the five
# blocks enter at about the same scale.
VALUE_SCALE = 0.1
KEY_ATTR = "LOWER"
# A word gets a vector only if it has a letter and is not absurdly long (URLs, runs of dashes).
_WORD_RE = re.compile(r"^(?=.*[^\W\d_])\S{1,30}$")
_WORDPIECE_RE = re.compile(r"^[a-z][a-z'\-]*$")
_SPLIT_RE = re.compile(r"[\s,/()]+")


@dataclass(frozen=True, slots=True)
class VectorsInfo:
    rows: int
    keys: int
    dim: int
    words_corpus: int
    words_wordpiece: int
    words_geonames: int
    explained_variance: float
    encoder_sha256: str

    def as_dict(self) -> dict[str, object]:
        return {
            "rows": self.rows,
            "keys": self.keys,
            "dim": self.dim,
            "key_attr": KEY_ATTR,
            "words_from_training_corpora": self.words_corpus,
            "words_from_encoder_wordpiece_vocab": self.words_wordpiece,
            "words_from_geonames": self.words_geonames,
            "pca_explained_variance": round(self.explained_variance, 4),
            "value_scale": VALUE_SCALE,
            "encoder": "all-MiniLM-L6-v2 (sitrep/data/encoder/model.onnx, int8), Apache-2.0",
            "encoder_sha256": self.encoder_sha256,
        }


def corpus_words(corpus: Path) -> list[tuple[str, int]]:
    """Lower-cased word types of the train DocBins with counts, most frequent first (ties alphabetical)."""
    counts: Counter[str] = Counter()
    vocab = spacy.blank("en").vocab
    for part in ("parser_train", "ner_train"):
        for path in sorted((corpus / part).glob("*.spacy")):
            for doc in DocBin().from_disk(path).get_docs(vocab):
                counts.update(t.lower_ for t in doc if _WORD_RE.match(t.lower_))
    if not counts:
        raise FileNotFoundError(f"no training DocBins with words under {corpus} (convert the corpora first)")
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def wordpiece_words(tokenizer_json: Path) -> list[str]:
    """Whole-word (not ``##``) entries of the encoder's WordPiece vocabulary, in its id order."""
    data = json.loads(tokenizer_json.read_text(encoding="utf-8"))
    vocab: dict[str, int] = data["model"]["vocab"]
    return [
        w for w, _ in sorted(vocab.items(), key=lambda kv: kv[1]) if _WORDPIECE_RE.match(w) and len(w) > 1
    ]


def geonames_words(geonames: Path) -> list[str]:
    """Words of country, admin-1 region and city (15,000+) names, ASCII spellings."""
    names: list[str] = []
    for line in (geonames / "countryInfo.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            names.append(line.split("\t")[4])
    for line in (geonames / "admin1CodesASCII.regionInfo.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            names.append(line.split("\t")[2])
    with gzip.open(geonames / "cities15000_world.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            names.append(line.split("\t")[2])
    return list(_unique(w.lower() for name in names for w in _SPLIT_RE.split(name) if _WORD_RE.match(w)))


def _unique(words: Iterable[str]) -> Iterator[str]:
    seen: set[str] = set()
    for w in words:
        if w not in seen:
            seen.add(w)
            yield w


def pca(matrix: Matrix, dim: int) -> tuple[Matrix, float]:
    """Project onto the ``dim`` main axes (sign fixed: largest loading positive); share of variance kept."""
    centred = matrix - matrix.mean(axis=0, keepdims=True)
    _, sing, vt = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    axes = vt[:dim]
    signs = np.sign(axes[np.arange(dim), np.abs(axes).argmax(axis=1)])
    axes = axes * signs[:, None]
    projected = centred.astype(np.float64) @ axes.T
    # One scale for the whole table (the axes keep their relative weight): coordinates of spread 1.
    projected /= projected.std()
    explained = float((sing[:dim] ** 2).sum() / (sing**2).sum())
    return projected.astype(np.float32), explained


def nearest_rows(table: Matrix, kept: int, *, batch: int = 2048) -> npt.NDArray[np.int64]:
    """For each row from ``kept`` on, the index of the most cosine-similar row before ``kept``."""
    unit = table / np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-12)
    anchors = unit[:kept]
    out = np.empty(len(table) - kept, dtype=np.int64)
    for lo in range(kept, len(table), batch):
        out[lo - kept : lo - kept + batch] = (unit[lo : lo + batch] @ anchors.T).argmax(axis=1)
    return out


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words in row-priority order, and how many came from each source (first source wins)."""

    words: list[str]
    from_corpus: int
    from_wordpiece: int
    from_geonames: int


def vocabulary(corpus: Path, geonames: Path, tokenizer_json: Path) -> Vocabulary:
    """The words to embed, in row-priority order (see the module docstring)."""
    from_corpus = corpus_words(corpus)
    from_wordpiece = wordpiece_words(tokenizer_json)
    # Row priority: words seen twice or more in training, the encoder's whole words (frequent in
    # its pretraining text), training hapaxes (often noise: URLs, foreign script), places.
    repeated = [w for w, n in from_corpus if n > 1]
    hapaxes = [w for w, n in from_corpus if n == 1]
    words = list(_unique([*repeated, *from_wordpiece, *hapaxes, *geonames_words(geonames)]))
    seen_in_corpus = {w for w, _ in from_corpus}
    n_wordpiece = len(set(from_wordpiece) - seen_in_corpus)
    return Vocabulary(words, len(from_corpus), n_wordpiece, len(words) - len(from_corpus) - n_wordpiece)


def vectors_table(words: list[str], encoder: Encoder, *, dim: int, rows: int) -> tuple[Vectors, float]:
    """Embed ``words`` (one per encoder run), PCA to ``dim``, keep ``rows`` rows; the variance kept."""
    embedded = encoder.encode(words)
    table, explained = pca(embedded, dim)
    table *= VALUE_SCALE
    kept = min(rows, len(words))
    # Keys are string hashes only: storing the 59k strings would add ~0.8 MB and nothing needs them.
    keys = [get_string_id(w) for w in words]
    vectors = Vectors(data=table[:kept].copy(), keys=keys[:kept], attr=KEY_ATTR)
    for key, row in zip(keys[kept:], nearest_rows(table, kept), strict=True):
        vectors.add(key, row=int(row))
    return vectors, explained


def build_vectors(
    corpus: Path,
    shared: Path,
    out: Path,
    *,
    dim: int = DEFAULT_DIM,
    rows: int = DEFAULT_ROWS,
    encoder_dir: Path | None = None,
) -> VectorsInfo:
    """Write a blank English pipeline whose vocab holds the vectors (``[initialize] vectors = out``)."""
    encoder_dir = encoder_dir or default_model_dir()
    encoder = Encoder(encoder_dir, threads=1, batch_size=1)
    if not encoder.available():
        raise FileNotFoundError(f"the MiniLM encoder is missing: {encoder_dir}")
    vocab = vocabulary(corpus, shared / "geonames", encoder_dir / "tokenizer.json")
    log.info("vectors: embedding %d words with %s", len(vocab.words), encoder_dir)
    vectors, explained = vectors_table(vocab.words, encoder, dim=dim, rows=rows)
    info = VectorsInfo(
        rows=vectors.shape[0],
        keys=len(vocab.words),
        dim=dim,
        words_corpus=vocab.from_corpus,
        words_wordpiece=vocab.from_wordpiece,
        words_geonames=vocab.from_geonames,
        explained_variance=explained,
        encoder_sha256=hashlib.sha256((encoder_dir / "model.onnx").read_bytes()).hexdigest(),
    )
    nlp = spacy.blank("en")
    nlp.vocab.vectors = vectors
    nlp.meta["sitrep_vectors"] = info.as_dict()
    nlp.to_disk(out)
    (out / "vectors_info.json").write_text(json.dumps(info.as_dict(), indent=1) + "\n", encoding="utf-8")
    log.info(
        "vectors: %d words on %d rows x %d, PCA keeps %.3f of the variance, written to %s",
        info.keys,
        info.rows,
        dim,
        explained,
        out,
    )
    return info
