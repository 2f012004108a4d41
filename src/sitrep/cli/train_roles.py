"""``sitrep train roles``: train the attribution role tagger from PolNeAR train."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sitrep.cli.options import training_data_option


@click.command("roles")
@training_data_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the tagger (default: the package's sitrep/data/attribution_model/roles).",
)
@click.option(
    "--workdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("training/roles"),
    show_default=True,
    help="DocBins, checkpoints and logs.",
)
@click.option("--max-steps", type=int, default=None, help="Override the config's max_steps.")
def command(shared_data: Path, out: Path | None, workdir: Path, max_steps: int | None) -> None:
    """Train the role tagger of the attribution stage (one thread; about 25 minutes)."""
    from sitrep.attribution import train_roles

    polnear = shared_data / "polnear"
    if not (polnear / "train").is_dir():
        raise click.BadParameter(f"no PolNeAR train folder in {polnear}", param_hint="--shared-data")
    card = train_roles.train(polnear, out or train_roles.default_out(), workdir, max_steps)
    click.echo(json.dumps(card, indent=2))
