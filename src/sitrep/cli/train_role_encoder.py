"""``sitrep train role-encoder``: fine-tune the attribution role encoder on PolNeAR train."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sitrep.cli.options import from_checkpoint_option, training_data_option


@click.command("role-encoder")
@training_data_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write model.onnx and card.json (default: the package's "
    "sitrep/data/attribution_model/role_encoder).",
)
@click.option(
    "--workdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("training/role_encoder"),
    show_default=True,
    help="The torch checkpoint (model.pt) and the training log.",
)
@click.option("--steps", type=int, default=2000, show_default=True, help="Training steps of 16 windows.")
@from_checkpoint_option
def command(
    shared_data: Path, out: Path | None, workdir: Path, steps: int, from_checkpoint: Path | None
) -> None:
    """Fine-tune MiniLM as the role encoder (needs torch and transformers; ~40 min on 2 cores)."""
    try:
        from sitrep.attribution import train_role_encoder
    except ImportError as exc:  # pragma: no cover - depends on the maintainer's environment
        raise click.ClickException(f"the role encoder recipe needs torch and transformers: {exc}") from exc

    polnear = shared_data / "polnear"
    if not (polnear / "train").is_dir():
        raise click.BadParameter(f"no PolNeAR train folder in {polnear}", param_hint="--shared-data")
    workdir.mkdir(parents=True, exist_ok=True)
    card = train_role_encoder.train(
        polnear, out or train_role_encoder.encoder_dir(), workdir, steps, from_checkpoint
    )
    click.echo(json.dumps(card, indent=2))
