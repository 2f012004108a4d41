"""``sitrep eval attribution``: score the attribution stage on gold files and PolNeAR."""

from __future__ import annotations

import importlib
import time
from pathlib import Path

import click
from spacy.language import Language

from sitrep.errors import SitrepError
from sitrep.evaluation.attribution import (
    PRF,
    AgreementResult,
    evaluate_gold_file,
    evaluate_polnear,
    evaluate_polnear_agreement,
)
from sitrep.nlp import extensions
from sitrep.nlp.pipeline import STAGES, choose_model, load_base


def attribution_pipeline(
    model: str | None = None,
    learned_cues: bool = True,
    learned_roles: bool = True,
    role_model: str = "tagger",
) -> Language:
    """The base model plus the stages up to attribution that are installed.

    Later stages (events) are not needed to score attribution; a stage module that is
    not there yet is skipped so attribution can be scored on its own.
    """
    extensions.register()
    nlp = load_base(choose_model(model))
    for factory, module in STAGES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        if factory == "sitrep_attribution":
            config = {"learned_cues": learned_cues, "learned_roles": learned_roles, "role_model": role_model}
            nlp.add_pipe(factory, name=factory, config=config)
            break
        nlp.add_pipe(factory, name=factory)
    return nlp


def _echo_agreement(a: AgreementResult) -> None:
    click.echo(
        f"PolNeAR {a.split} agreement: {a.articles} articles read by several annotators"
        f" ({a.annotations} annotations); F1, each annotation scored against every other"
    )
    click.echo(
        "  "
        + "  ".join(
            f"{r} exact {a.human_exact[r].f1:.3f} overlap {a.human_overlap[r].f1:.3f}"
            for r in ("source", "cue", "content")
        )
    )
    if a.system_exact is None or a.system_overlap is None:
        click.echo("  sitrep: not scored on train (its models were trained on it)")
        return
    click.echo("  sitrep against each annotation:")
    for role in ("source", "cue", "content"):
        click.echo(_prf(f"{role} exact", a.system_exact[role]))
        click.echo(_prf(f"{role} overlap", a.system_overlap[role]))


def _prf(label: str, score: PRF) -> str:
    return f"  {label:<18} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}"


@click.command("attribution")
@click.option(
    "--gold",
    "gold",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A gold *.expected.json file (its article .txt beside it); repeatable.",
)
@click.option(
    "--polnear",
    "polnear",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="PolNeAR folder (with train/ and dev/).",
)
@click.option(
    "--shared-data",
    "shared_data",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The shared data folder; PolNeAR is read from its polnear/ folder.",
)
@click.option("--split", default="dev", show_default=True, type=click.Choice(["train", "dev"]))
@click.option("--limit", type=int, default=None, help="Score only the first N PolNeAR articles.")
@click.option("--model", default=None, help="spaCy pipeline to use instead of the shipped one.")
@click.option("--details", is_flag=True, help="List unmatched claims and field mismatches.")
@click.option(
    "--agreement",
    is_flag=True,
    help="Also score PolNeAR's annotators against each other on the articles several of them "
    "read, and sitrep against each of them there (dev only: sitrep was trained on train).",
)
@click.option(
    "--learned-cues/--no-learned-cues",
    default=True,
    show_default=True,
    help="Use learned cues where the lexicon has no cue (off: lexicon and rules alone).",
)
@click.option(
    "--learned-roles/--no-learned-roles",
    default=True,
    show_default=True,
    help="Frame cues the rules cannot with learned source and content runs.",
)
@click.option(
    "--role-model",
    type=click.Choice(["tagger", "encoder"]),
    default="tagger",
    show_default=True,
    help="Which model gives the learned cues and roles: the small cue tagger and CNN role "
    "tagger, or the fine-tuned MiniLM role encoder (more accurate, several times slower).",
)
def command(
    gold: tuple[Path, ...],
    polnear: Path | None,
    shared_data: Path | None,
    split: str,
    limit: int | None,
    model: str | None,
    details: bool,
    agreement: bool,
    learned_cues: bool,
    learned_roles: bool,
    role_model: str,
) -> None:
    """Score claims, speakers, sides and spans of the attribution stage."""
    if polnear is None and shared_data is not None:
        polnear = shared_data / "polnear"
    if not gold and polnear is None:
        raise click.UsageError("give --gold FILE and/or --polnear DIR (or --shared-data DIR)")
    try:
        nlp = attribution_pipeline(model, learned_cues, learned_roles, role_model)
        for path in gold:
            r = evaluate_gold_file(nlp, path)
            click.echo(f"{r.path}: gold {r.gold}, predicted {r.predicted}, matched {r.matched}")
            click.echo(f"  claim recall {r.recall:.3f}  precision {r.precision:.3f}")
            for name, acc in r.field_accuracy.items():
                click.echo(f"  {name:<14} {acc:.3f}")
            for name, (right, total) in r.found.items():
                click.echo(f"  {name:<14} {right}/{total} found")
            click.echo(f"  disclaimers    {r.disclaimers_found[0]}/{r.disclaimers_found[1]} found")
            if details:
                for text in r.unmatched_gold:
                    click.echo(f"  missed: {text}")
                for text in r.unmatched_predicted:
                    click.echo(f"  extra:  {text}")
                for m in r.mismatches:
                    click.echo(f"  claim {m.gold_index} {m.field}: gold {m.gold!r} predicted {m.predicted!r}")
        if polnear is not None:
            started = time.perf_counter()
            p = evaluate_polnear(nlp, polnear, split, limit)
            elapsed = time.perf_counter() - started
            click.echo(
                f"PolNeAR {p.split}: {p.articles} articles, gold {p.gold}, predicted {p.predicted}"
                f" ({elapsed:.1f} s)"
            )
            for role in ("source", "cue", "content"):
                click.echo(_prf(f"{role} exact", p.exact[role]))
                click.echo(_prf(f"{role} overlap", p.overlap[role]))
            if agreement:
                _echo_agreement(evaluate_polnear_agreement(nlp if split == "dev" else None, polnear, split))
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
