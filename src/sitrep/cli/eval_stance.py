"""``sitrep eval stance``: the shipped stance model on the held-out part of FNC-1 and Emergent."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from sitrep.errors import SitrepError
from sitrep.evaluation.stance import evaluate_stance

DEFAULT_SHARED_DATA = "../shared/data"


@click.command("stance")
@click.option(
    "--shared-data",
    type=click.Path(file_okay=False, path_type=Path),
    default=lambda: os.environ.get("SITREP_SHARED_DATA", DEFAULT_SHARED_DATA),
    show_default="$SITREP_SHARED_DATA or ../shared/data",
    help="Folder holding fnc1/train and emergent/train.",
)
@click.option("--no-encoder", is_flag=True, help="Score without the sentence-embedding features (faster).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
def command(shared_data: Path, no_encoder: bool, as_json: bool) -> None:
    """FNC-1 score, macro-F1 and per-class F1 on rows held out by body (never trained on)."""
    try:
        result = evaluate_stance(shared_data, use_encoder=not no_encoder)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    figures = {name: f.as_dict() for name, f in result.figures.items()}
    if as_json:
        click.echo(
            json.dumps(
                {"held_out": figures, "encoder": result.used_encoder, "seconds": round(result.seconds, 1)},
                indent=2,
            )
        )
        return
    for name, f in result.figures.items():
        click.echo(f"{name}: {f.pairs} held-out pairs")
        click.echo(f"  FNC-1 score   {f.fnc_score:.2f} / {f.fnc_max:.2f} = {f.fnc_relative:.4f}")
        click.echo(f"  macro-F1      {f.macro_f1:.4f}   accuracy {f.accuracy:.4f}")
        for label, value in f.per_class_f1.items():
            if f.support.get(label):
                click.echo(f"  F1 {label:10} {value:.4f}  (n={f.support[label]})")
    click.echo(f"encoder features: {'yes' if result.used_encoder else 'no'}; {result.seconds:.1f}s")
