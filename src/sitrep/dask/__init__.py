"""Ingest on a Dask cluster: the same pipeline, mapped over partitions of the input.

The client reads and de-duplicates the input (exactly as a local ingest does),
cuts it into partitions and keeps a bounded number of them in flight. Each
worker holds one :class:`~sitrep.analysis.Analyzer`, created once by a worker
plugin when the run registers it, and either writes each partition as Parquet
record files (:mod:`sitrep.dask.parquet`, loaded later by ``sitrep
import-parquet``) or writes it straight into the store, one transaction per
partition. Workers need sitrep installed and, for Parquet output, a directory
they all see (a shared filesystem), as on any Dask cluster.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from distributed import WorkerPlugin

from sitrep.errors import AnalysisError, InputError, SitrepError, UsageError
from sitrep.records import Article
from sitrep.runner import IngestStats, Progress, fresh_articles, note_error

if TYPE_CHECKING:
    from distributed import Client

    from sitrep.analysis import Analyzer
    from sitrep.store import Store

PLUGIN_NAME = "sitrep-pipeline"
DEFAULT_PARTITION = 64


@dataclass(frozen=True, slots=True)
class PartitionResult:
    name: str
    analysed: int
    new_ids: tuple[str, ...] = ()  # articles this partition stored (store output only)
    already_stored: int = 0
    errors: tuple[AnalysisError, ...] = ()  # articles whose analysis failed (each names its article)


@dataclass
class DaskStats(IngestStats):
    partitions: int = 0
    skipped_partitions: int = 0  # already written by an earlier, interrupted run
    written: int = 0  # articles written to Parquet
    _new_by_partition: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        done = self.stored + self.written
        return done / self.elapsed if self.elapsed > 0 else 0.0


class PipelinePlugin(WorkerPlugin):
    """Worker plugin: one pipeline (and one open store per URL) for the worker's lifetime.

    Registered through ``Client.register_plugin``; Dask calls :meth:`setup` on every
    current and future worker, so the model loads once per worker, not per task.
    """

    name = PLUGIN_NAME

    def __init__(self, model: str | None) -> None:
        self.model = model
        self.analyzer: Analyzer | None = None
        self.stores: dict[str, Store] = {}

    def setup(self, worker: Any) -> None:
        import threading

        from sitrep.analysis import Analyzer
        from sitrep.nlp import extensions

        extensions.register()
        self.lock = threading.Lock()  # spaCy pipelines are not thread-safe; workers may run threads
        self.analyzer = Analyzer(self.model)
        _ = self.analyzer.nlp

    def teardown(self, worker: Any) -> None:
        for store in self.stores.values():
            store.close()
        self.stores.clear()

    def store(self, db: str) -> Store:
        from sitrep.store import Store

        if db not in self.stores:
            self.stores[db] = Store.open(db, migrate_schema=False)
        return self.stores[db]


def _plugin() -> PipelinePlugin:
    from distributed import get_worker

    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, PipelinePlugin) or plugin.analyzer is None:
        raise RuntimeError("the sitrep pipeline plugin is not set up on this worker")
    return plugin


def analyze_partition(
    name: str, articles: list[Article], out_dir: str | None, db: str | None
) -> PartitionResult:
    """Run on a worker: analyse one partition and write it to Parquet or to the store."""
    plugin = _plugin()
    assert plugin.analyzer is not None
    with plugin.lock:
        outcomes = plugin.analyzer.analyze_each(articles)
    analyses = [o for o in outcomes if not isinstance(o, AnalysisError)]
    errors = tuple(o for o in outcomes if isinstance(o, AnalysisError))
    if out_dir is not None:
        from sitrep.dask.parquet import write_partition

        write_partition(Path(out_dir), name, analyses)
        return PartitionResult(name, len(analyses), errors=errors)
    if db is None:
        raise UsageError("a partition needs a Parquet directory or a store to write to")
    results = plugin.store(db).add_many(analyses)
    new = tuple(r.article_id for r in results if r.inserted)
    return PartitionResult(name, len(analyses), new, len(results) - len(new), errors)


def partition_name(seq: int, articles: list[Article]) -> str:
    """Input position first (so imports keep input order), then a digest of the contents."""
    digest = hashlib.sha256("\n".join(a.id for a in articles).encode()).hexdigest()[:16]
    return f"part-{seq:06d}-{digest}"


def _partitions(articles: Iterator[Article], size: int) -> Iterator[tuple[str, list[Article]]]:
    seq = 0
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) >= size:
            yield partition_name(seq, chunk), chunk
            seq, chunk = seq + 1, []
    if chunk:
        yield partition_name(seq, chunk), chunk


def run_dask(
    items: Iterable[Article | InputError],
    scheduler: str | Client,
    *,
    parquet_out: Path | None = None,
    store: Store | None = None,
    model: str | None = None,
    partition_size: int = DEFAULT_PARTITION,
    on_progress: Progress | None = None,
    on_error: Callable[[SitrepError], None] | None = None,
) -> DaskStats:
    """Analyse ``items`` on the cluster at ``scheduler`` into ``parquet_out`` or, without it, ``store``.

    With Parquet output, partitions already complete in ``parquet_out`` are skipped, so
    re-running the same command after an interruption only does what is left. With store
    output, already stored articles are skipped before they are sent, as in a local ingest.
    The returned ``new_ids`` are in input order whatever order the partitions finished in.
    """
    from distributed import Client, as_completed

    if parquet_out is None and store is None:
        raise UsageError("give a Parquet output directory or a store")
    stats = DaskStats()
    client = scheduler if isinstance(scheduler, Client) else connect(scheduler)
    own_client = client is not scheduler
    try:
        client.register_plugin(PipelinePlugin(model), name=PLUGIN_NAME)
        slots = max(1, sum(client.nthreads().values()))
        out = str(parquet_out) if parquet_out is not None else None
        db = None if parquet_out is not None or store is None else _worker_url(store)
        if parquet_out is not None:
            parquet_out.mkdir(parents=True, exist_ok=True)
        check = store if parquet_out is None else None
        pending = as_completed()
        in_flight = 0

        def collect(result: PartitionResult) -> None:
            stats.partitions += 1
            for err in result.errors:
                note_error(stats, err, on_error)
            if out is not None:
                stats.written += result.analysed
            else:
                stats.stored += len(result.new_ids)
                stats.already_stored += result.already_stored
                stats._new_by_partition[result.name] = result.new_ids
            if on_progress:
                on_progress(stats)

        from sitrep.dask.parquet import partition_done

        for name, chunk in _partitions(
            fresh_articles(items, check, stats, on_progress, on_error), partition_size
        ):
            if parquet_out is not None and partition_done(parquet_out, name):
                stats.skipped_partitions += 1
                stats.already_stored += len(chunk)
                continue
            pending.add(
                client.submit(analyze_partition, name, chunk, out, db, key=f"sitrep-{name}", pure=False)
            )
            in_flight += 1
            while in_flight >= 2 * slots:
                collect(next(pending).result())
                in_flight -= 1
        for fut in pending:
            collect(fut.result())
    finally:
        if own_client:
            client.close()
    stats.new_ids = [i for name in sorted(stats._new_by_partition) for i in stats._new_by_partition[name]]
    return stats


def connect(address: str, timeout: float = 30) -> Client:
    """A client for ``address``, or a usage error naming it when no scheduler answers."""
    from distributed import Client

    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler: {exc}", source=address) from exc


def _worker_url(store: Store) -> str:
    """The store's URL with its password, for workers (never printed)."""
    return store.engine.url.render_as_string(hide_password=False)


def import_parquet(
    parquet_dir: Path,
    store: Store,
    *,
    on_progress: Callable[[int, int], None] | None = None,
) -> IngestStats:
    """Load a run's Parquet output into ``store``: one transaction per partition, insert-or-skip."""
    from sitrep.dask.parquet import partition_names, read_partition

    stats = IngestStats()
    names = partition_names(parquet_dir)
    for done, name in enumerate(names, 1):
        analyses = read_partition(parquet_dir, name)
        stats.read += len(analyses)
        for res in store.add_many(analyses):
            if res.inserted:
                stats.stored += 1
                stats.new_ids.append(res.article_id)
            else:
                stats.already_stored += 1
        if on_progress:
            on_progress(done, len(names))
    return stats
