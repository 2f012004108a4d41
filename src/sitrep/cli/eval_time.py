"""``sitrep eval time``: date finding and normalisation on TempEval-3 TBAQ."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

import click

from sitrep.errors import SitrepError
from sitrep.evaluation.time import evaluate_time

DEFAULT_SHARED_DATA = "../shared/data"


@click.command("time")
@click.option(
    "--shared-data",
    type=click.Path(file_okay=False, path_type=Path),
    default=lambda: os.environ.get("SITREP_SHARED_DATA", DEFAULT_SHARED_DATA),
    show_default="$SITREP_SHARED_DATA or ../shared/data",
    help="Folder holding tempeval3/dev/tbaq_cleaned.jsonl.",
)
@click.option("--errors", "show_errors", type=int, default=0, help="Print this many wrong values.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
def command(shared_data: Path, show_errors: int, as_json: bool) -> None:
    """Value accuracy for gold DATE expressions found, their recall, and speed."""
    try:
        result = evaluate_time(shared_data)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    figures: dict[str, object] = {
        "documents": result.documents,
        "gold_dates": result.gold_dates,
        "found": result.found,
        "correct": result.correct,
        "accuracy_on_found": round(result.accuracy, 4),
        "recall": round(result.recall, 4),
        "predicted": result.predicted,
        "precision_any_timex": round(result.precision, 4),
        "ms_per_document": round(result.ms_per_document, 3),
    }
    if as_json:
        figures["misses"] = [asdict(m) for m in result.misses[:show_errors]]
        click.echo(json.dumps(figures, indent=2))
        return
    for key, value in figures.items():
        click.echo(f"{key:22} {value}")
    for miss in result.misses[:show_errors]:
        got = miss.value or f"[{miss.range_start}..{miss.range_end}]"
        click.echo(f"  {miss.document}: {miss.gold_text!r}={miss.gold_value}  ours {miss.expression!r}={got}")
