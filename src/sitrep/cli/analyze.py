"""``sitrep analyze``: read inputs, print what they claim; stores nothing."""

from __future__ import annotations

import json
import sys

import click

from sitrep.analysis import Analyzer
from sitrep.cli.errors import report, stderr_console
from sitrep.cli.options import batch_context_option, input_options, model_option
from sitrep.contract import report_to_json
from sitrep.errors import EXIT_OK, EXIT_SOME_INPUTS_FAILED, InputError
from sitrep.ingest import IngestOptions, iter_inputs
from sitrep.records import Article, ArticleAnalysis


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@input_options
@model_option
@batch_context_option
@click.option("--json", "as_json", is_flag=True, help="Print the contract JSON (see CONTRACT.md).")
def command(
    paths: tuple[str, ...],
    published: str | None,
    outlet: str | None,
    encoding: str | None,
    max_chars: int,
    model: str | None,
    batch_context: bool,
    as_json: bool,
) -> None:
    """Analyse .txt/.html/.jsonl/feed files, folders or - (stdin) and print their claims."""
    opts = IngestOptions(published=published, outlet=outlet, encoding=encoding, max_chars=max_chars)
    failed = 0
    articles: list[Article] = []
    seen: set[str] = set()
    err = stderr_console()
    for item in iter_inputs(paths, opts):
        if isinstance(item, InputError):
            failed += 1
            report(item, err)
        elif item.id in seen:
            err.print(f"note: {item.source}: same text as an earlier input, analysed once", markup=False)
        else:
            seen.add(item.id)
            articles.append(item)
    analyses: list[ArticleAnalysis] = (
        list(Analyzer(model, corpus_context=batch_context).analyze_many(articles)) if articles else []
    )
    from sitrep.storylines import link

    storylines = link(analyses)
    if as_json:
        json.dump(report_to_json(analyses, storylines), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        from rich.console import Console

        from sitrep.cli.render import print_analysis, storyline_table

        out = Console(highlight=False)
        for a in analyses:
            print_analysis(out, a)
        if storylines:
            out.print()
            out.print(storyline_table(storylines))
    sys.exit(EXIT_SOME_INPUTS_FAILED if failed else EXIT_OK)
