"""The Python API: Articles in, ArticleAnalysis out, one pipeline per process.

``Analyzer`` owns the spaCy pipeline and loads it on first use, so creating one
is free and a CLI call that fails on its inputs never pays for a model load.
Articles are analysed one by one, then each batch of them (up to
``ZONE_ARTICLES``, with the batch before it as context) is read together once:
an event placed at a village with namesakes in its oblast is placed again where
the batch's other events of the same weeks are (:mod:`sitrep.events.batch_context`).
``corpus_context=False`` turns that off: every analysis is then independent of the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Literal

from sitrep.errors import AnalysisError, SitrepError
from sitrep.records import Article, ArticleAnalysis

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitrep.events.batch_context import BatchPlacer

DEFAULT_BATCH_SIZE = 32
ZONE_ARTICLES = 256  # articles per spaCy memory zone


class Analyzer:
    def __init__(
        self, model: str | None = None, *, batch_size: int = DEFAULT_BATCH_SIZE, corpus_context: bool = True
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.corpus_context = corpus_context
        self._nlp: Language | None = None
        self._batch_placer: BatchPlacer | Literal[False] | None = None  # False: the pipeline has no places

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from sitrep.nlp.pipeline import build_pipeline

            self._nlp = build_pipeline(self.model)
        return self._nlp

    def analyze(self, article: Article) -> ArticleAnalysis:
        return next(iter(self.analyze_many([article])))

    def analyze_each(self, batch: list[Article]) -> list[ArticleAnalysis | AnalysisError]:
        """Analyse a batch so that one article's failure costs only that article.

        A stage bug on one scraped page must not abort a million-article ingest:
        the batch runs at full speed through ``nlp.pipe``, and only if it fails
        is it redone article by article, each failure becoming an S600 error
        that names its article, in the article's place in the output.
        """
        try:
            return list(self.analyze_many(batch))
        except Exception:  # redone one by one below, where each failure is named
            pass
        out: list[ArticleAnalysis | AnalysisError] = []
        for article in batch:
            try:
                out.append(self.analyze(article))
            except SitrepError as exc:
                err = exc if isinstance(exc, AnalysisError) else AnalysisError(str(exc))
                err.source = err.source or article.label
                out.append(err)
            except Exception as exc:  # any stage bug becomes a named, counted error
                out.append(
                    AnalysisError(
                        f"analysis failed: {type(exc).__name__}: {exc}",
                        source=article.label,
                    )
                )
        return out

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[ArticleAnalysis]:
        """Analyse in ``nlp.pipe`` batches; yields results in input order."""
        from sitrep.extract import doc_to_analysis
        from sitrep.nlp import extensions as ext

        nlp = self.nlp

        def docs(chunk: list[Article]) -> Iterator[tuple[str | Doc, Article]]:
            for article in chunk:
                if len(article.text) > nlp.max_length:
                    nlp.max_length = len(article.text) + 1  # size limits are enforced at ingest
                doc = nlp.make_doc(article.text)
                setattr(doc._, ext.PUBLISHED, article.published)
                yield doc, article

        # Every new word form enters the vocab's string store and stays there: over a million-article
        # ingest that alone grows without bound. A memory zone frees the strings a chunk added once
        # its records (plain Python strings, no vocab hashes) are built.
        # Each chunk is placed together and against the chunk before it (its events vote, it stays).
        recent: list[ArticleAnalysis] = []
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= ZONE_ARTICLES:
                recent = self._place(self._analyze_zone(docs(chunk), doc_to_analysis), recent)
                yield from recent
                chunk = []
        if chunk:
            yield from self._place(self._analyze_zone(docs(chunk), doc_to_analysis), recent)

    def _place(
        self, analyses: list[ArticleAnalysis], context: list[ArticleAnalysis]
    ) -> list[ArticleAnalysis]:
        if not self.corpus_context or len(analyses) + len(context) < 2:
            return analyses
        placer = self._placer()
        return placer(analyses, context) if placer is not None else analyses

    def _analyze_zone(
        self,
        docs: Iterator[tuple[str | Doc, Article]],
        convert: Callable[[Doc, Article], ArticleAnalysis],
    ) -> list[ArticleAnalysis]:
        nlp = self.nlp
        with nlp.memory_zone():
            pairs = nlp.pipe(docs, as_tuples=True, batch_size=self.batch_size)
            return [convert(doc, a) for doc, a in pairs]

    def _placer(self) -> BatchPlacer | None:
        """The batch pass, bound to the pipeline's own gazetteer; a pipeline without places has none."""
        if self._batch_placer is None:
            from sitrep.events.batch_context import BatchPlacer

            component = self.nlp.get_pipe("sitrep_places") if "sitrep_places" in self.nlp.pipe_names else None
            gazetteer = getattr(component, "gazetteer", None)
            self._batch_placer = False if gazetteer is None else BatchPlacer(gazetteer)
        return self._batch_placer or None
