"""Ingest at scale: stream articles, analyse them in worker processes, write in batches.

Memory stays bounded because at most ``2 * workers`` batches are in flight and
inputs are read lazily. Resuming after an interruption costs nothing: articles
whose id is already stored are skipped before any analysis, and a batch is
written in one transaction, so a kill leaves each article either fully stored
or absent. Before it is written, a batch's events at same-named villages are
placed against its own and the last ``CONTEXT_ARTICLES`` analyses' events
(:mod:`sitrep.events.batch_context`).
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sitrep.analysis import Analyzer
from sitrep.errors import AnalysisError, InputError, SitrepError
from sitrep.events.batch_context import BatchPlacer
from sitrep.records import Article, ArticleAnalysis
from sitrep.store import Store

DEFAULT_BATCH = 16
# analyses written before a batch whose events vote where its same-named villages are
CONTEXT_ARTICLES = 256
# Errors beyond this many are counted and passed to ``on_error`` but not kept: a million bad
# lines must not become a million exception objects in memory.
KEPT_ERRORS = 1000
# Ids remembered for spotting duplicates within the input; far beyond what can be in flight unstored.
RECENT_IDS = 100_000


@dataclass
class IngestStats:
    """Running totals, shown by the progress bar and returned at the end."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    duplicates_in_input: int = 0
    failed: int = 0
    errors: list[SitrepError] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    new_ids: list[str] = field(default_factory=list)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        return self.stored / self.elapsed if self.elapsed > 0 else 0.0


Progress = Callable[[IngestStats], None]

# Each worker process holds exactly one Analyzer (one pipeline), created by the initializer.
_WORKER: dict[str, Analyzer] = {}


def _init_worker(model: str | None) -> None:
    _WORKER["analyzer"] = Analyzer(model, corpus_context=False)  # the writer places batches together
    _ = _WORKER["analyzer"].nlp  # load now, not inside the first timed batch


def _analyze_batch(batch: list[Article]) -> list[ArticleAnalysis | AnalysisError]:
    return _WORKER["analyzer"].analyze_each(batch)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def note_error(stats: IngestStats, err: SitrepError, on_error: Callable[[SitrepError], None] | None) -> None:
    """Count a failed input or article, keep the first few, and report it."""
    stats.failed += 1
    if len(stats.errors) < KEPT_ERRORS:
        stats.errors.append(err)
    if on_error:
        on_error(err)


def fresh_articles(
    items: Iterable[Article | InputError],
    store: Store | None,
    stats: IngestStats,
    on_progress: Progress | None = None,
    on_error: Callable[[SitrepError], None] | None = None,
) -> Iterator[Article]:
    """Drop errors (reported), duplicates within the input, and articles already in ``store``.

    Only the most recent ids are remembered (128-bit prefixes as ints), not all of them: a
    million-line dump must not hold a million ids. A duplicate further back is caught by the
    store check or, if its twin is still in flight, by the insert-or-skip on the article id:
    counted as "already stored", never stored twice.
    """
    seen: set[int] = set()
    recent: deque[int] = deque()
    pending: list[Article] = []

    def flush() -> Iterator[Article]:
        present = store.has_articles([a.id for a in pending]) if store is not None else set()
        for a in pending:
            if a.id in present:
                stats.already_stored += 1
            else:
                yield a
        pending.clear()
        if on_progress:
            on_progress(stats)

    for item in items:
        if isinstance(item, InputError):
            note_error(stats, item, on_error)
            continue
        stats.read += 1
        key = int(item.id[:32], 16)
        if key in seen:
            stats.duplicates_in_input += 1
            continue
        seen.add(key)
        recent.append(key)
        if len(recent) > RECENT_IDS:
            seen.discard(recent.popleft())
        pending.append(item)
        if len(pending) >= 256:
            yield from flush()
    yield from flush()


def run_ingest(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH,
    on_progress: Progress | None = None,
    on_error: Callable[[SitrepError], None] | None = None,
    keep_new_ids: bool = True,
    batch_context: bool = True,
) -> IngestStats:
    """Ingest ``items`` into ``store``; ``keep_new_ids=False`` skips collecting ``stats.new_ids``.

    The ids are only needed to link storylines afterwards; without that, a
    million-article run should not hold a million ids.
    """
    stats = IngestStats()
    placer = BatchPlacer() if batch_context else None
    recent: deque[ArticleAnalysis] = deque(maxlen=CONTEXT_ARTICLES)

    def write(outcomes: list[ArticleAnalysis | AnalysisError]) -> None:
        analyses = [o for o in outcomes if not isinstance(o, AnalysisError)]
        for err in outcomes:
            if isinstance(err, AnalysisError):
                note_error(stats, err, on_error)
        # placed against the batch and the analyses written just before it, which vote but stay as stored
        results = placer(analyses, context=list(recent)) if placer is not None else analyses
        recent.extend(results)
        for res in store.add_many(results):
            if res.inserted:
                stats.stored += 1
                if keep_new_ids:
                    stats.new_ids.append(res.article_id)
            else:  # another process stored it meanwhile
                stats.already_stored += 1
        if on_progress:
            on_progress(stats)

    batches = _batches(fresh_articles(items, store, stats, on_progress, on_error), batch_size)
    if workers <= 1:
        analyzer = Analyzer(model, corpus_context=False)
        for batch in batches:
            write(analyzer.analyze_each(batch))
        return stats

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    with cf.ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(model,)) as pool:
        window: list[cf.Future[list[ArticleAnalysis | AnalysisError]]] = []
        for batch in batches:
            window.append(pool.submit(_analyze_batch, batch))
            if len(window) >= 2 * workers:
                write(window.pop(0).result())
        for fut in window:
            write(fut.result())
    return stats
