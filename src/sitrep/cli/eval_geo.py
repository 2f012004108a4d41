"""``sitrep eval geo``: score the places stage on the geoparsing dev corpora."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from sitrep.evaluation.geo import CORPORA, build_eval_pipeline, evaluate

DEFAULT_SHARED = os.environ.get("SITREP_SHARED_DATA", str(Path("..") / "shared" / "data"))


@click.command("geo")
@click.option(
    "--shared-data",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_SHARED,
    show_default=True,
    help="Folder holding geowebnews/, lgl/, trnews/, geovirus/ dev files.",
)
@click.option(
    "--model", default=None, help="spaCy pipeline name or path, or 'blank' (default: as sitrep chooses)."
)
@click.option(
    "--corpus",
    "corpora",
    multiple=True,
    type=click.Choice(sorted(CORPORA)),
    help="Only these corpora (repeatable); default all.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles of each corpus."
)
@click.option(
    "--demonyms/--no-demonyms",
    default=True,
    show_default=True,
    help="Count demonyms ('Russian') as country places where the gold set does (not GeoVirus).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
def command(
    shared_data: Path,
    model: str | None,
    corpora: tuple[str, ...],
    limit: int | None,
    demonyms: bool,
    as_json: bool,
) -> None:
    """Toponym detection P/R/F1, accuracy within 161 km end to end, and resolution given gold spans."""
    if not shared_data.is_dir():
        raise click.UsageError(f"shared data folder not found: {shared_data}")
    results = evaluate(build_eval_pipeline(model), shared_data, corpora or tuple(CORPORA), limit, demonyms)
    if not results:
        raise click.UsageError(f"no geoparsing dev corpora under {shared_data}")
    rows = [
        {
            "corpus": r.corpus,
            "articles": r.articles,
            "gold": r.gold,
            "precision": round(r.precision, 3),
            "recall": round(r.recall, 3),
            "f1": round(r.f1, 3),
            "accuracy_161km": round(r.accuracy_161, 3),
            "resolution_161km_gold_spans": round(r.resolution_161, 3),
            "ms_per_article": round(r.ms_per_article, 1),
        }
        for r in results
    ]
    if as_json:
        click.echo(json.dumps({"geo": rows}, indent=2))
        return
    click.echo(
        f"{'corpus':<11} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'acc@161':>8} {'res@161':>8} {'ms/art':>7}"
    )
    for row in rows:
        cells = [f"{row['corpus']:<11}", f"{row['gold']:>5}"]
        cells += [f"{row[k]:>6.3f}" for k in ("precision", "recall", "f1")]
        cells += [f"{row[k]:>8.3f}" for k in ("accuracy_161km", "resolution_161km_gold_spans")]
        click.echo(" ".join([*cells, f"{row['ms_per_article']:>7.1f}"]))
