"""The Python API: Articles in, ArticleAnalysis out, one pipeline per process.

``Analyzer`` owns the spaCy pipeline and loads it on first use, so creating one
is free and a CLI call that fails on its inputs never pays for a model load.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sitrep.records import Article, ArticleAnalysis

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_BATCH_SIZE = 32


class Analyzer:
    def __init__(self, model: str | None = None, *, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.model = model
        self.batch_size = batch_size
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from sitrep.nlp.pipeline import build_pipeline

            self._nlp = build_pipeline(self.model)
        return self._nlp

    def analyze(self, article: Article) -> ArticleAnalysis:
        return next(iter(self.analyze_many([article])))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[ArticleAnalysis]:
        """Analyse in ``nlp.pipe`` batches; yields results in input order."""
        from sitrep.extract import doc_to_analysis
        from sitrep.nlp import extensions as ext

        nlp = self.nlp
        longest = 0

        def docs() -> Iterator[tuple[str | Doc, Article]]:
            nonlocal longest
            for article in articles:
                if len(article.text) > nlp.max_length:
                    nlp.max_length = len(article.text) + 1  # size limits are enforced at ingest
                longest = max(longest, len(article.text))
                doc = nlp.make_doc(article.text)
                setattr(doc._, ext.PUBLISHED, article.published)
                yield doc, article

        for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=self.batch_size):
            yield doc_to_analysis(doc, article)
