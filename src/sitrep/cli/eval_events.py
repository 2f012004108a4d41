"""``sitrep eval events``: event typing, place, date and sides on ACLED dev; place on UCDP dev."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from sitrep.analysis import Analyzer
from sitrep.cli.options import batch_context_option
from sitrep.errors import SitrepError
from sitrep.evaluation.events import PARTS, AcledResult, UcdpResult, evaluate_acled, evaluate_ucdp

DEFAULT_SHARED_DATA = "../shared/data"


def _acled_figures(r: AcledResult) -> dict[str, object]:
    return {
        "rows": r.rows,
        "coverage": round(r.coverage, 4),
        "event_type_accuracy": round(r.type_accuracy, 4),
        "event_type_macro_f1": round(r.type_macro_f1, 4),
        "sub_event_type_accuracy": round(r.sub_type_accuracy, 4),
        "sub_event_type_macro_f1": round(r.sub_type_macro_f1, 4),
        "location_within_25km": round(r.location_25km, 4),
        "date_exact": round(r.date_exact, 4),
        "sides_exact": round(r.sides_exact, 4),
        "per_event_type_f1": {k: {"gold": n, "f1": round(f, 4)} for k, (n, f) in r.per_type().items()},
        "ms_per_row": round(1000 * r.seconds / r.rows, 2) if r.rows else 0.0,
    }


def _ucdp_figures(r: UcdpResult) -> dict[str, object]:
    return {
        "rows": r.rows,
        "located": r.located,
        "located_by_event": r.from_event,
        "location_within_25km": round(r.location_25km, 4),
        "ms_per_row": round(1000 * r.seconds / r.rows, 2) if r.rows else 0.0,
    }


@click.command("events")
@click.option(
    "--shared-data",
    type=click.Path(file_okay=False, path_type=Path),
    default=lambda: os.environ.get("SITREP_SHARED_DATA", DEFAULT_SHARED_DATA),
    show_default="$SITREP_SHARED_DATA or ../shared/data",
    help="Folder holding acled_ukraine/dev and ucdp_ged_ukraine/dev.",
)
@click.option("--model", default=None, help="spaCy pipeline to use instead of the default choice.")
@click.option("--limit", type=int, default=None, help="Score only the first N rows of each set.")
@click.option(
    "--part",
    type=click.Choice(PARTS),
    default="all",
    show_default=True,
    help="Half of each dev set, split by a hash of the row id: look at errors in 'tune' only, "
    "report 'held-out' as the figure no rule was fitted to.",
)
@batch_context_option
@click.option("--errors", "show_errors", type=int, default=0, help="Print this many wrong ACLED rows.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
def command(
    shared_data: Path,
    model: str | None,
    limit: int | None,
    part: str,
    batch_context: bool,
    show_errors: int,
    as_json: bool,
) -> None:
    """ACLED: event type and sub-type, location within 25 km, date, sides. UCDP: location within 25 km."""
    analyzer = Analyzer(model, corpus_context=batch_context)
    try:
        acled = evaluate_acled(shared_data, analyzer, limit=limit, part=part)
        ucdp = evaluate_ucdp(shared_data, analyzer, limit=limit, part=part)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    figures = {"acled": _acled_figures(acled), "ucdp": _ucdp_figures(ucdp)}
    if as_json:
        click.echo(json.dumps(figures, indent=2))
    else:
        for name, block in figures.items():
            click.echo(name)
            for key, value in block.items():
                click.echo(f"  {key:26} {value}")
    wrong = [
        p
        for p in acled.predictions
        if (p.event_type, p.sub_event_type, p.date)
        != (p.row.event_type, p.row.sub_event_type, p.row.event_date)
        or p.distance_km is None
        or p.distance_km > 25
    ]
    for p in wrong[:show_errors]:
        dist = "-" if p.distance_km is None else f"{p.distance_km:.0f}km"
        click.echo(
            f"  {p.row.event_id}: gold {p.row.sub_event_type} {p.row.event_date}"
            f" | ours {p.sub_event_type} {p.date} {dist} | {p.row.notes[:160]}",
            err=as_json,
        )
