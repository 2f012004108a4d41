"""``sitrep eval nlp``: score a spaCy pipeline on the held-out test splits.

The lead wires this ``command`` into the ``eval`` group of the CLI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click


def _default_shared() -> str:
    return os.environ.get("SITREP_SHARED_DATA", "../shared/data")


@click.command("nlp")
@click.option(
    "--model",
    default=None,
    help="spaCy pipeline (package name or path; 'sitrep' = the shipped one); default: $SITREP_MODEL, "
    "else the shipped pipeline.",
)
@click.option(
    "--shared-data",
    "shared_data",
    type=click.Path(file_okay=False, path_type=Path),
    default=_default_shared,
    show_default="../shared/data or $SITREP_SHARED_DATA",
)
@click.option(
    "--corpus",
    "corpora",
    multiple=True,
    type=click.Choice(["ewt", "gum", "uner", "conll"]),
    help="Only these test sets (repeatable); default all.",
)
@click.option("--limit", type=int, default=None, help="First N documents per corpus (smoke test only).")
@click.option(
    "--no-paragraphs",
    "no_paragraphs",
    is_flag=True,
    help="Do not give the treebanks' paragraph breaks as sentence starts (all starts predicted).",
)
@click.option(
    "--json-out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the figures as JSON here.",
)
def command(
    model: str | None,
    shared_data: Path,
    corpora: tuple[str, ...],
    limit: int | None,
    no_paragraphs: bool,
    json_out: Path | None,
) -> None:
    """UPOS, UAS/LAS, sentence F1 (EWT, GUM test) and NER P/R/F1 (UNER EWT test, CoNLL-2003 testb)."""
    from sitrep.evaluation.nlp import evaluate_nlp, format_report
    from sitrep.nlp.pipeline import MODEL_ENV, SHIPPED, build_pipeline, choose_model

    if not shared_data.is_dir():
        raise click.UsageError(f"shared data folder not found: {shared_data}")
    if not model and not os.environ.get(MODEL_ENV):
        model = SHIPPED  # this command is about the trained pipeline, not the rules-only fallback
    choice = choose_model(model)
    nlp = build_pipeline(model, stages=False)
    result = evaluate_nlp(
        nlp,
        shared_data,
        model_name=f"{choice.spec} ({choice.origin})",
        limit=limit,
        corpora=corpora or ("ewt", "gum", "uner", "conll"),
        paragraphs=not no_paragraphs,
    )
    click.echo(format_report(result))
    if json_out:
        json_out.write_text(json.dumps(result.to_dict(), indent=1), encoding="utf-8")
