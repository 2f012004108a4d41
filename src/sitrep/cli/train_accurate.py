"""``sitrep train nlp-accurate``: fine-tune MiniLM as the accurate pipeline variant."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sitrep.cli.options import from_checkpoint_option, training_data_option


@click.command("nlp-accurate")
@training_data_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write model.onnx, heads.npz, labels.json and card.json (default: the "
    "package's sitrep/data/model_accurate).",
)
@click.option(
    "--workdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("training"),
    show_default=True,
    help="The DocBins of `sitrep train nlp` (WORKDIR/corpus, built if missing); the torch "
    "checkpoint and log go to WORKDIR/accurate.",
)
@click.option(
    "--epochs",
    type=float,
    default=3.0,
    show_default=True,
    help="Passes over the training text per round (three rounds, learning rate x1, x0.5, x0.3).",
)
@from_checkpoint_option
def command(
    shared_data: Path, out: Path | None, workdir: Path, epochs: float, from_checkpoint: Path | None
) -> None:
    """Fine-tune MiniLM for tags, parse and names (needs torch and transformers; ~80 min on 2 cores)."""
    from sitrep.nlp.accurate import accurate_dir

    try:
        from sitrep.nlp.training import accurate
    except ImportError as exc:  # pragma: no cover - depends on the maintainer's environment
        raise click.ClickException(
            f"the accurate pipeline recipe needs torch and transformers: {exc}"
        ) from exc

    if not (workdir / "corpus" / "ner_train").is_dir() and not (shared_data / "ud_english_ewt").is_dir():
        raise click.BadParameter(
            f"no converted corpus in {workdir / 'corpus'} and no ud_english_ewt in {shared_data}",
            param_hint="--shared-data",
        )
    card = accurate.train(shared_data, workdir, out or accurate_dir(), epochs, from_checkpoint)
    click.echo(json.dumps(card, indent=2))
