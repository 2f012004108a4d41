"""Options shared by several commands, declared once so every command spells them the same."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def _iso_date(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param=param) from exc


def db_option(f: F) -> F:
    return click.option(
        "--db",
        metavar="PATH_OR_URL",
        envvar="SITREP_DB",
        help="SQLite file or postgresql+psycopg:// URL "
        "(default: $SITREP_DB, else ~/.local/share/sitrep/sitrep.sqlite).",
    )(f)


def training_data_option(f: F) -> F:
    """``--shared-data`` of the ``train`` commands: where PolNeAR and the other corpora are."""
    return click.option(
        "--shared-data",
        "shared_data",
        type=click.Path(file_okay=False, path_type=Path),
        default=lambda: os.environ.get("SITREP_SHARED_DATA", "../shared/data"),
        show_default="../shared/data or $SITREP_SHARED_DATA",
        help="The shared/data folder with the training corpora (PolNeAR, UD, UNER, re3d, GeoNames).",
    )(f)


def model_option(f: F) -> F:
    return click.option(
        "--model",
        metavar="NAME_OR_PATH",
        envvar="SITREP_MODEL",
        help="spaCy pipeline to use instead of sitrep's shipped model (default: $SITREP_MODEL).",
    )(f)


def batch_context_option(f: F) -> F:
    return click.option(
        "--batch-context/--no-batch-context",
        default=True,
        show_default=True,
        help="Place an event at a village with namesakes in its oblast near the other inputs' events "
        "of the same weeks; off analyses every input as if alone.",
    )(f)


def input_options(f: F) -> F:
    f = click.option(
        "--published",
        callback=_iso_date,
        metavar="YYYY-MM-DD",
        help="Publication date for inputs that carry none; relative dates resolve against it.",
    )(f)
    f = click.option("--outlet", metavar="NAME", help="Outlet name for inputs that carry none.")(f)
    f = click.option("--encoding", metavar="CODEC", help="Force a text encoding instead of detecting it.")(f)
    f = click.option(
        "--max-chars",
        type=click.IntRange(min=1),
        default=2_000_000,
        show_default=True,
        help="Refuse articles longer than this many characters.",
    )(f)
    return f


def date_range_options(f: F) -> F:
    f = click.option("--since", callback=_iso_date, metavar="YYYY-MM-DD", help="On or after this date.")(f)
    f = click.option("--until", callback=_iso_date, metavar="YYYY-MM-DD", help="On or before this date.")(f)
    return f


def output_options(f: F) -> F:
    f = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(f)
    f = click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")(f)
    f = click.option(
        "--limit", type=click.IntRange(1, 1000), default=50, show_default=True, help="At most this many rows."
    )(f)
    return f


def from_checkpoint_option(f: F) -> F:
    """``--from-checkpoint`` of the recipes that fine-tune with torch: re-export a saved run."""
    return click.option(
        "--from-checkpoint",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=None,
        help="Export a checkpoint of an earlier run instead of training.",
    )(f)
