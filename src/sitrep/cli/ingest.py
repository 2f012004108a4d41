"""``sitrep ingest``: analyse inputs and store them, in parallel, resumably."""

from __future__ import annotations

import sys

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from sitrep.cli.errors import report, stderr_console
from sitrep.cli.options import db_option, input_options, model_option
from sitrep.errors import EXIT_SOME_INPUTS_FAILED, InputError
from sitrep.ingest import IngestOptions, iter_inputs
from sitrep.ingest.sources import estimate_total
from sitrep.runner import IngestStats, run_ingest
from sitrep.store import Store


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@input_options
@model_option
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
    workers: int,
    batch_size: int,
    no_storylines: bool,
    quiet: bool,
) -> None:
    """Analyse PATHs and store the results; already stored articles are skipped."""
    ingest(
        paths,
        db=db,
        options=IngestOptions(published, outlet, encoding, max_chars),
        model=model,
        workers=workers,
        batch_size=batch_size,
        storylines=not no_storylines,
        quiet=quiet,
    )


def ingest(
    paths: tuple[str, ...],
    *,
    db: str | None,
    options: IngestOptions,
    model: str | None,
    workers: int = 1,
    batch_size: int = 16,
    storylines: bool = True,
    quiet: bool = False,
) -> IngestStats:
    err = stderr_console()
    store = Store.open(db)
    total = None if quiet else estimate_total(paths)
    show = not quiet and err.is_terminal
    with Progress(
        TextColumn("[bold]ingest"),
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
        task = bar.add_task("ingest", total=total, rate=0.0)

        def progress(stats: IngestStats) -> None:
            done = stats.stored + stats.already_stored + stats.duplicates_in_input + stats.failed
            bar.update(task, completed=done, rate=stats.rate)

        def on_error(exc: InputError) -> None:
            bar.console.print(f"error: {exc}", markup=False, highlight=False) if show else report(exc, err)

        stats = run_ingest(
            iter_inputs(paths, options),
            store,
            model=model,
            workers=workers,
            batch_size=batch_size,
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
