"""``sitrep eval storylines``: linked storylines against a gold file of cross-article storylines."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from sitrep.errors import SitrepError
from sitrep.evaluation.storylines import evaluate_storylines, samples_dir


@click.command("storylines")
@click.option(
    "--gold",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=lambda: samples_dir() / "storylines.gold.json",
    show_default="the sample corpus gold",
    help="Gold storylines (list of {about, status, sides, origins, members[{title, content, speaker}]}).",
)
@click.option(
    "--articles",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=lambda: samples_dir() / "articles.jsonl",
    show_default="the sample corpus",
    help="JSONL of the articles the gold names by title.",
)
@click.option(
    "--claims",
    "claims_from",
    type=click.Choice(["pipeline", "gold"]),
    default="pipeline",
    show_default=True,
    help="pipeline: analyse the articles; gold: use the gold members as the claims (linking alone).",
)
@click.option("--lexical", is_flag=True, help="Use the lexical similarity fallback instead of the encoder.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
def command(gold: Path, articles: Path, claims_from: str, lexical: bool, as_json: bool) -> None:
    """How many gold storylines came out as one storyline, with the right status, sides and origins."""
    try:
        result = evaluate_storylines(gold, articles, claims_from=claims_from, use_encoder=not lexical)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    figures = result.figures()
    if as_json:
        click.echo(
            json.dumps(
                {**figures, **result.details, "storylines": [asdict(m) for m in result.matches]},
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    for key, value in figures.items():
        click.echo(f"{key:24} {value}")
    for m in result.matches:
        mark = "ok " if m.found and m.status == m.gold_status and m.sides == m.gold_sides else "-- "
        click.echo(f"{mark}{m.about[:70]}")
        click.echo(
            f"     found={m.found} merged={m.merged} split={m.split} "
            f"members {m.matched_members}/{m.gold_members} "
            f"status {m.status}/{m.gold_status} sides {m.sides}/{m.gold_sides} "
            f"origins {m.origins}/{m.gold_origins}"
        )
