"""Per-application state the routes need: the store, the token, the lazily built analyzer.

It lives on ``app.state`` (one per app, so tests can run several apps side by
side) and never in a module global.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Annotated, Protocol

from fastapi import Depends, Request
from sqlalchemy.engine import Connection

from sitrep.records import Article, ArticleAnalysis
from sitrep.store import Store


class AnalyzerLike(Protocol):
    def analyze(self, article: Article) -> ArticleAnalysis: ...


def default_analyzer() -> AnalyzerLike:
    from sitrep.analysis import Analyzer

    return Analyzer()


class LazyAnalyzer:
    """Builds the analyzer on the first POST, so serving reads never loads a model.

    Analyses are serialised with a lock: one spaCy pipeline is not meant to be driven from
    several threads, and POST is rare next to reads.
    """

    def __init__(self, factory: Callable[[], AnalyzerLike]) -> None:
        self._factory = factory
        self._analyzer: AnalyzerLike | None = None
        self._lock = threading.Lock()

    def analyze(self, article: Article) -> ArticleAnalysis:
        with self._lock:
            if self._analyzer is None:
                self._analyzer = self._factory()
            return self._analyzer.analyze(article)


@dataclass(frozen=True, slots=True)
class Context:
    store: Store
    token: str | None = field(repr=False)  # never in a repr, so never in a log line
    analyzer: LazyAnalyzer


def context(request: Request) -> Context:
    ctx = request.app.state.sitrep
    assert isinstance(ctx, Context)
    return ctx


def connection(ctx: Annotated[Context, Depends(context)]) -> Iterator[Connection]:
    """One read connection per request, closed when the response is sent."""
    with ctx.store.engine.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]
Ctx = Annotated[Context, Depends(context)]
