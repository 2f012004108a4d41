"""``sitrep train nlp``: train sitrep's English spaCy pipeline from shared/data.

The lead wires this ``command`` into the ``train`` group of the CLI. The same
recipe runs as ``python -m sitrep.nlp.training``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import click

from sitrep.cli.options import training_data_option


@click.command("nlp")
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the assembled pipeline (default: the package's sitrep/data/model).",
)
@training_data_option
@click.option(
    "--workdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("training"),
    show_default=True,
    help="Working folder for DocBins, checkpoints and logs.",
)
@click.option("--parser-steps", type=int, default=None, help="Override training.max_steps of parser.cfg.")
@click.option("--ner-steps", type=int, default=None, help="Override training.max_steps of ner.cfg.")
@click.option(
    "--skip-parser",
    is_flag=True,
    help="Reuse WORKDIR/parser/model-best and train only the NER (which starts from its tok2vec).",
)
@click.option(
    "--ner-vectors",
    is_flag=True,
    help="Give the NER static word vectors derived from the shipped MiniLM encoder (experimental).",
)
@click.option(
    "--assemble-only",
    is_flag=True,
    help="Skip conversion and training; assemble WORKDIR/{parser,ner}/model-best into OUT.",
)
def command(
    out: Path | None,
    shared_data: Path,
    workdir: Path,
    parser_steps: int | None,
    ner_steps: int | None,
    skip_parser: bool,
    ner_vectors: bool,
    assemble_only: bool,
) -> None:
    """Convert the corpora, train the tagger/parser and NER, assemble the shipped pipeline."""
    from sitrep.nlp.pipeline import shipped_model_path
    from sitrep.nlp.training.train import _asdict, assemble, directory_size, run_training

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    target = out or shipped_model_path()
    if assemble_only:
        assemble(
            workdir / "parser" / "model-best",
            workdir / "ner" / "model-best",
            target,
            shared=shared_data,
            corpus=workdir / "corpus",
        )
        click.echo(json.dumps({"out": str(target), "size_bytes": directory_size(target)}))
        return
    if not shared_data.is_dir():
        raise click.UsageError(f"shared data folder not found: {shared_data}")
    result = run_training(
        shared_data,
        workdir,
        target,
        parser_steps=parser_steps,
        ner_steps=ner_steps,
        train_parser=not skip_parser,
        ner_vectors=ner_vectors,
    )
    click.echo(json.dumps(_asdict(result), indent=1))
