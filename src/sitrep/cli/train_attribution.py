"""``sitrep train attribution``: train the cue tagger from PolNeAR train."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sitrep.cli.options import training_data_option


@click.command("attribution")
@training_data_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write cue_model.npz/.json (default: the package's sitrep/data/attribution_model).",
)
@click.option("--report-dev", is_flag=True, help="Also write word-level figures on PolNeAR dev to the card.")
def command(shared_data: Path, out: Path | None, report_dev: bool) -> None:
    """Train the learned cue tagger of the attribution stage (needs the build extra)."""
    from sitrep.attribution import train_cues

    polnear = shared_data / "polnear"
    if not (polnear / "train").is_dir():
        raise click.BadParameter(f"no PolNeAR train folder in {polnear}", param_hint="--shared-data")
    card = train_cues.train(
        polnear,
        out or train_cues.default_out(),
        train_cues.DEFAULT_C,
        train_cues.DEFAULT_THRESHOLD,
        train_cues.DEFAULT_OPEN_FRAME_THRESHOLD,
        report_dev,
    )
    click.echo(json.dumps(card, indent=2))
