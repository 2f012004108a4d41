"""``sitrep demo``: ingest the bundled sample corpus into a fresh store and print the picture."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from sitrep.cli.ingest import ingest
from sitrep.cli.options import model_option
from sitrep.cli.render import claim_line, side_style, storyline_table
from sitrep.ingest import IngestOptions
from sitrep.samples import samples_path
from sitrep.store import Store
from sitrep.store.queries import ClaimQuery, PlaceQuery


@click.command("demo")
@click.option(
    "--db",
    metavar="PATH_OR_URL",
    help="Store to fill (default: a new SQLite file in a fresh temporary folder).",
)
@model_option
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
def command(db: str | None, model: str | None, workers: int) -> None:
    """Analyse the bundled sample articles and print the situation report."""
    if db is None:
        db = str(Path(tempfile.mkdtemp(prefix="sitrep-demo-")) / "demo.sqlite")
    ingest((str(samples_path()),), db=db, options=IngestOptions(), model=model, workers=workers)
    print_situation(db)


def print_situation(db: str) -> None:
    out = Console(highlight=False)
    store = Store.open(db)
    try:
        counts = store.counts()
        out.rule("[bold]Situation report[/] — bundled sample corpus (written for demonstration)")
        out.print(
            f"{counts.articles} articles · {counts.claims} claims · {counts.places} place mentions · "
            f"{counts.dates} dates · {counts.events} events · {counts.storylines} storylines"
        )
        hits = store.find_claims(ClaimQuery(limit=1000))
        by_side = Counter(h.claim.speaker.side or "Unattributed side" for h in hits)
        out.print("\n[bold]Claims by side[/]")
        for side, n in by_side.most_common():
            out.print(f"\n[bold {side_style(side)}]{escape(side)}[/] — {n} claim(s)")
            for h in [h for h in hits if (h.claim.speaker.side or "Unattributed side") == side][:4]:
                outlet = escape(h.outlet or "?")
                out.print(f"  • [dim]{outlet}, {h.published or '?'}[/] " + claim_line(h.claim))
        contested = store.storylines(status="contested")
        out.print()
        if contested:
            out.print(storyline_table(contested))
            for s in contested[:5]:
                out.print(f"\n[bold magenta]Contested:[/] {escape(s.about)}")
                for m in s.members[:6]:
                    a = store.get_analysis(m.article)
                    if a is None or m.claim >= len(a.claims):
                        continue
                    c = a.claims[m.claim]
                    out.print(
                        f"  [{side_style(c.speaker.side)}]{escape(c.speaker.side or '?')}[/] "
                        f"[dim]{escape(a.article.outlet or '?')}[/] " + claim_line(c)
                    )
        else:
            out.print("[dim]No contested storylines.[/]")
        top = store.find_places(PlaceQuery(limit=15))
        out.print(
            "\n[bold]Places[/] " + escape(", ".join(f"{p.name} ({p.kind}, {p.mentions}×)" for p in top))
        )
        out.print(
            f"\n[dim]Store: {escape(store.url)} — try: sitrep claims --db {escape(db)} --side Russia[/]"
        )
    finally:
        store.close()
