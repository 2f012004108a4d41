"""``sitrep export``: the whole store as JSON Lines, CSV or GeoJSON."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sitrep.cli.options import db_option
from sitrep.export.writers import WRITERS
from sitrep.store import Store


@click.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(WRITERS)),
    required=True,
    help="jsonl: one analysis per article (contract form); csv: one row per claim; "
    "geojson: events as points; acled-csv: one row per event, ACLED's columns plus sitrep's.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file instead of stdout.",
)
def command(db: str | None, fmt: str, out: Path | None) -> None:
    """Export everything stored."""
    store = Store.open(db)
    try:
        if out is None:
            n = WRITERS[fmt](store, sys.stdout)
        else:
            tmp = out.with_name(out.name + ".part")
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                n = WRITERS[fmt](store, fh)
            tmp.replace(out)  # never leave a half-written export under the real name
        click.echo(f"exported {n} record(s) as {fmt}", err=True)
    finally:
        store.close()
