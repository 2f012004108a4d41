"""``sitrep ingest``: analyse inputs and store them, in parallel, resumably."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from sitrep.cli.errors import report, stderr_console
from sitrep.cli.options import batch_context_option, db_option, input_options, model_option
from sitrep.errors import EXIT_SOME_INPUTS_FAILED, SitrepError
from sitrep.ingest import IngestOptions, iter_inputs
from sitrep.ingest.sources import estimate_total
from sitrep.runner import IngestStats, run_ingest
from sitrep.store import Store


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@input_options
@model_option
@batch_context_option
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes, each with its own pipeline.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 1024),
    default=16,
    show_default=True,
    help="Articles per worker batch and per database transaction.",
)
@click.option(
    "--dask",
    "dask_scheduler",
    metavar="SCHEDULER_ADDRESS",
    help="Run on a Dask cluster (e.g. tcp://host:8786) instead of local worker processes.",
)
@click.option(
    "--parquet-out",
    type=click.Path(file_okay=False, path_type=Path),
    help="With --dask: workers write Parquet record files here (load them with "
    "`sitrep import-parquet`) instead of writing into the store.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(1, 100_000),
    default=64,
    show_default=True,
    help="With --dask: articles per Dask task (and per Parquet file or transaction).",
)
@click.option("--no-storylines", is_flag=True, help="Do not update storylines after storing.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def command(
    paths: tuple[str, ...],
    db: str | None,
    published: str | None,
    outlet: str | None,
    encoding: str | None,
    max_chars: int,
    model: str | None,
    batch_context: bool,
    workers: int,
    batch_size: int,
    dask_scheduler: str | None,
    parquet_out: Path | None,
    partition_size: int,
    no_storylines: bool,
    quiet: bool,
) -> None:
    """Analyse PATHs and store the results; already stored articles are skipped."""
    if parquet_out is not None and dask_scheduler is None:
        raise click.UsageError("--parquet-out needs --dask")
    if dask_scheduler is not None:
        ingest_dask(
            paths,
            dask_scheduler,
            db=db,
            parquet_out=parquet_out,
            options=IngestOptions(published, outlet, encoding, max_chars),
            model=model,
            partition_size=partition_size,
            storylines=not no_storylines,
            quiet=quiet,
        )
        return
    ingest(
        paths,
        db=db,
        options=IngestOptions(published, outlet, encoding, max_chars),
        model=model,
        workers=workers,
        batch_size=batch_size,
        batch_context=batch_context,
        storylines=not no_storylines,
        quiet=quiet,
    )


@contextmanager
def live_progress(
    err: Console, label: str, total: int | None, quiet: bool
) -> Iterator[tuple[Callable[[IngestStats], None], Callable[[SitrepError], None]]]:
    """A progress bar (articles done, articles/s, ETA) and an error printer that keeps it intact."""
    show = not quiet and err.is_terminal
    with Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=not show,
        transient=False,
    ) as bar:
        task = bar.add_task(label, total=total, rate=0.0)

        def progress(stats: IngestStats) -> None:
            done = stats.stored + stats.already_stored + stats.duplicates_in_input + stats.failed
            bar.update(task, completed=done + getattr(stats, "written", 0), rate=stats.rate)

        def on_error(exc: SitrepError) -> None:
            bar.console.print(f"error: {exc}", markup=False, highlight=False) if show else report(exc, err)

        yield progress, on_error


def ingest(
    paths: tuple[str, ...],
    *,
    db: str | None,
    options: IngestOptions,
    model: str | None,
    workers: int = 1,
    batch_size: int = 16,
    batch_context: bool = True,
    storylines: bool = True,
    quiet: bool = False,
) -> IngestStats:
    err = stderr_console()
    store = Store.open(db)
    total = None if quiet else estimate_total(paths)
    with live_progress(err, "ingest", total, quiet) as (progress, on_error):
        stats = run_ingest(
            iter_inputs(paths, options),
            store,
            model=model,
            workers=workers,
            batch_size=batch_size,
            batch_context=batch_context,
            on_progress=progress,
            on_error=on_error,
            keep_new_ids=storylines,
        )
    if storylines:
        from sitrep.storylines import update_store

        # Also with no new article: a run killed after storing articles but before linking them
        # left them unlinked, and update_store links every stored article not yet linked.
        update_store(store, stats.new_ids)
    counts = store.counts()
    summary = (
        f"stored {stats.stored} new article(s) in {stats.elapsed:.1f}s ({stats.rate:.1f}/s); "
        f"{stats.already_stored} already stored (unchanged), "
        f"{stats.duplicates_in_input} duplicate(s) in input, "
        f"{stats.failed} failed. Store {store.url}: {counts.articles} articles, {counts.claims} claims, "
        f"{counts.events} events, {counts.storylines} storylines."
    )
    if not quiet:
        err.print(summary, markup=False, highlight=False)
    store.close()
    if stats.failed:
        sys.exit(EXIT_SOME_INPUTS_FAILED)
    return stats


def ingest_dask(
    paths: tuple[str, ...],
    scheduler: str,
    *,
    db: str | None,
    parquet_out: Path | None,
    options: IngestOptions,
    model: str | None,
    partition_size: int,
    storylines: bool = True,
    quiet: bool = False,
) -> IngestStats:
    from sitrep.dask import run_dask

    err = stderr_console()
    store = None if parquet_out is not None else Store.open(db)
    total = None if quiet else estimate_total(paths)
    with live_progress(err, "ingest (dask)", total, quiet) as (progress, on_error):
        stats = run_dask(
            iter_inputs(paths, options),
            scheduler,
            parquet_out=parquet_out,
            store=store,
            model=model,
            partition_size=partition_size,
            on_progress=progress,
            on_error=on_error,
        )
    if store is not None:
        if storylines and stats.new_ids:
            from sitrep.storylines import update_store

            update_store(store, stats.new_ids)
        summary = f"stored {stats.stored} new article(s) in {store.url}"
        store.close()
    else:
        summary = (
            f"wrote {stats.written} article(s) in {stats.partitions} partition(s) to {parquet_out} "
            f"({stats.skipped_partitions} partition(s) already there); load them with "
            f"`sitrep import-parquet {parquet_out}`"
        )
    if not quiet:
        err.print(
            f"{summary} in {stats.elapsed:.1f}s ({stats.rate:.1f}/s); {stats.already_stored} already done, "
            f"{stats.duplicates_in_input} duplicate(s) in input, {stats.failed} failed.",
            markup=False,
            highlight=False,
        )
    if stats.failed:
        sys.exit(EXIT_SOME_INPUTS_FAILED)
    return stats
