"""The object a caller holds to link claims: encoder, stance model and data files, loaded once.

``Linker.link`` is the batch path; :mod:`sitrep.storylines.incremental` uses
the same ``views``/``vectors``/``storylines`` steps, so both give the same
storylines for the same articles.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping, Sequence
from functools import cached_property, partial

import numpy as np
import numpy.typing as npt

from sitrep.records import ArticleAnalysis, Storyline
from sitrep.storylines.build import build_storyline, worth_keeping
from sitrep.storylines.encoder import Encoder, Matrix
from sitrep.storylines.linking import (
    ENCODER_THRESHOLDS,
    LEXICAL_THRESHOLDS,
    Thresholds,
    candidate_pairs,
    components,
    exact_cosine,
)
from sitrep.storylines.origins import ArticleOrigin, Credits, article_origin
from sitrep.storylines.stance import LABELS, PairText, StanceModel
from sitrep.storylines.views import ClaimView, Lexicon, claim_views

Vector = npt.NDArray[np.float32]
CONTENT_WEIGHT = 0.3  # the rest goes to the paragraph: claims like "the city had fallen" need context
OWN_PARAGRAPH = 0.6  # a claim this much of its paragraph is embedded once, as the paragraph
DISAGREE_THRESHOLD = 0.5
LEXICAL_DIM = 1 << 15
_DISAGREE = LABELS.index("disagree")


def lexical_vectors(texts: Sequence[str]) -> Matrix:
    """Fallback similarity: hashed character 3-5-grams, L2-normalised (no model needed)."""
    out = np.zeros((len(texts), LEXICAL_DIM), dtype=np.float32)
    for i, t in enumerate(texts):
        s = " " + re.sub(r"\s+", " ", t.lower()) + " "
        for n in (3, 4, 5):
            for k in range(len(s) - n + 1):
                out[i, zlib.crc32(s[k : k + n].encode("utf-8")) % LEXICAL_DIM] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(out / norms, dtype=np.float32)


def _half(vec: Matrix) -> Matrix:
    return np.asarray(np.asarray(vec, dtype=np.float32).astype(np.float16), dtype=np.float32)


class Linker:
    """Holds the heavy parts; create one per process (or per command) and reuse it."""

    def __init__(
        self, encoder: Encoder | None = None, *, use_encoder: bool = True, use_stance: bool = True
    ) -> None:
        self._encoder = encoder
        self.use_encoder = use_encoder
        self.use_stance = use_stance

    @cached_property
    def encoder(self) -> Encoder | None:
        if not self.use_encoder:
            return None
        enc = self._encoder or Encoder()
        return enc if enc.available() else None

    @property
    def method(self) -> str:
        return "encoder" if self.encoder is not None else "lexical"

    @property
    def thresholds(self) -> Thresholds:
        return ENCODER_THRESHOLDS if self.encoder is not None else LEXICAL_THRESHOLDS

    @cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon.load()

    @cached_property
    def credits(self) -> Credits:
        return Credits.load()

    @cached_property
    def stance(self) -> StanceModel | None:
        return StanceModel.load() if self.use_stance else None

    # ---- steps shared by batch and incremental ------------------------------------

    def views(self, analysis: ArticleAnalysis) -> list[ClaimView]:
        return claim_views(analysis, self.lexicon)

    def origin(self, analysis: ArticleAnalysis) -> ArticleOrigin:
        return article_origin(analysis.article, self.credits)

    def vectors(self, views: Sequence[ClaimView]) -> Matrix:
        """Unit vectors of claim-in-context, for blocking and cross-article links (see :meth:`encode`)."""
        return self.encode(views)[0]

    def encode(self, views: Sequence[ClaimView]) -> tuple[Matrix, Matrix]:
        """Two unit-vector matrices: claim in its paragraph, and the claim's own words.

        The first finds the same event across articles (a bare "the city had
        fallen" needs its paragraph to be recognisable); the second tells apart
        claims of one article, whose paragraphs are all about the same story.
        Both are rounded through float16 so that stored and fresh vectors are identical.
        """
        if not views:
            empty = np.zeros((0, 1), dtype=np.float32)
            return empty, empty
        enc = self.encoder
        if enc is None:
            vec = lexical_vectors([v.content + " " + v.context for v in views])
            own_vec = lexical_vectors([v.content for v in views])
        else:
            contexts = sorted({v.context for v in views})
            ctx_vec = enc.encode(contexts)
            row = {c: k for k, c in enumerate(contexts)}
            vec = ctx_vec[[row[v.context] for v in views]]
            contents = sorted({v.content for v in views} - set(row))
            content_vec = enc.encode(contents) if contents else np.zeros((0, vec.shape[1]), np.float32)
            c_row = {c: k for k, c in enumerate(contents)}
            # A claim that is its whole paragraph was encoded once, as the paragraph.
            own_vec = np.asarray(
                [
                    content_vec[c_row[v.content]] if v.content in c_row else ctx_vec[row[v.content]]
                    for v in views
                ],
                dtype=np.float32,
            )
            # Claims that are most of their paragraph gain nothing from mixing in their own words.
            own = [k for k, v in enumerate(views) if len(v.content) < OWN_PARAGRAPH * len(v.context)]
            if own:
                vec[own] = CONTENT_WEIGHT * own_vec[own] + (1 - CONTENT_WEIGHT) * vec[own]
            vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
        return _half(vec), _half(own_vec)

    def disagree(
        self,
        pairs: Sequence[tuple[ClaimView, ClaimView]],
        vectors: Mapping[tuple[str, int], Vector] | None = None,
    ) -> list[float]:
        """P(disagree) for each pair, either order: the larger of the two directions.

        The embedding feature reuses the linking vectors when given (no second encoding).
        """
        model = self.stance
        if model is None or not pairs:
            return [0.0] * len(pairs)
        texts: list[PairText] = []
        for a, b in pairs:
            cos = None
            if vectors is not None and self.encoder is not None and a.key in vectors and b.key in vectors:
                cos = exact_cosine(vectors[a.key], vectors[b.key])
            texts.append(PairText(a.content, b.content, cos, cos))
            texts.append(PairText(b.content, a.content, cos, cos))
        probs = model.probabilities(texts)[:, _DISAGREE]
        return [float(max(probs[2 * k], probs[2 * k + 1])) for k in range(len(pairs))]

    def storylines(
        self,
        views: Sequence[ClaimView],
        groups: Sequence[Sequence[int]],
        origins: Mapping[str, ArticleOrigin],
        unverified_articles: frozenset[str],
        vectors: Matrix | None = None,
    ) -> list[Storyline]:
        out = []
        for g in groups:
            members = [views[i] for i in g]
            if not worth_keeping(members):
                continue
            by_key = {views[i].key: vectors[i] for i in g} if vectors is not None else None
            disagree = partial(self.disagree, vectors=by_key)

            out.append(
                build_storyline(
                    members,
                    origins,
                    unverified_articles,
                    disagree if self.stance is not None else None,
                    DISAGREE_THRESHOLD,
                )
            )
        return sorted(out, key=lambda s: s.id)

    # ---- batch -------------------------------------------------------------------------

    def link(self, analyses: Sequence[ArticleAnalysis]) -> list[Storyline]:
        views: list[ClaimView] = []
        origins: dict[str, ArticleOrigin] = {}
        unverified: set[str] = set()
        seen: set[str] = set()
        for a in analyses:
            if a.article.id in seen:
                continue
            seen.add(a.article.id)
            views.extend(self.views(a))
            origins[a.article.id] = self.origin(a)
            if any(d.kind == "unverified" for d in a.disclaimers):
                unverified.add(a.article.id)
        if not views:
            return []
        vectors, content = self.encode(views)
        pairs = candidate_pairs(views, vectors, self.thresholds, content=content)
        groups = components(len(views), pairs)
        return self.storylines(views, groups, origins, frozenset(unverified), vectors)
