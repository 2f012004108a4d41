"""``sitrep import-parquet``: load the Parquet records of a Dask run into a store."""

from __future__ import annotations

from pathlib import Path

import click

from sitrep.cli.errors import stderr_console
from sitrep.cli.options import db_option
from sitrep.store import Store


@click.command("import-parquet")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@db_option
@click.option("--no-storylines", is_flag=True, help="Do not update storylines after importing.")
@click.option("--quiet", "-q", is_flag=True, help="No summary line.")
def command(directory: Path, db: str | None, no_storylines: bool, quiet: bool) -> None:
    """Load DIRECTORY (written by `sitrep ingest --dask ... --parquet-out`) into the store.

    Each partition is one transaction and already stored articles are skipped, so an
    interrupted import can simply be run again.
    """
    from sitrep.dask import import_parquet

    err = stderr_console()
    store = Store.open(db)
    try:
        stats = import_parquet(directory, store)
        if not no_storylines and stats.new_ids:
            from sitrep.storylines import update_store

            update_store(store, stats.new_ids)
        if not quiet:
            counts = store.counts()
            err.print(
                f"imported {stats.stored} new article(s) from {directory} ({stats.already_stored} already "
                f"stored) in {stats.elapsed:.1f}s. Store {store.url}: {counts.articles} articles, "
                f"{counts.claims} claims, {counts.events} events, {counts.storylines} storylines.",
                markup=False,
                highlight=False,
            )
    finally:
        store.close()
