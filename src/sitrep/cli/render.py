"""Readable terminal reports: claims grouped by side, with the flags analysts scan for.

Everything printed here comes from untrusted article text, so it is always
escaped before rich sees it: a headline containing ``[bold]`` must print as is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sitrep.records import ArticleAnalysis, Claim, Storyline

SIDE_COLOURS = {
    "Russia": "red",
    "Ukraine": "blue",
    "United States": "cyan",
    "NATO": "cyan",
    "European Union": "cyan",
    "United Kingdom": "cyan",
}


def side_style(side: str | None) -> str:
    return SIDE_COLOURS.get(side or "", "white")


def claim_flags(c: Claim) -> str:
    flags = []
    if c.polarity == "deny":
        flags.append("[bold magenta]DENIES[/]")
    if c.unverified:
        flags.append("[yellow]unverified[/]")
    if c.hedges:
        flags.append("[dim]hedged: " + escape(", ".join(c.hedges)) + "[/]")
    return " ".join(flags)


def claim_line(c: Claim) -> str:
    who = escape(c.speaker.name)
    how: list[str] = [c.kind]
    if c.cue:
        how.append(escape(c.cue))
    if c.channel:
        how.append("via " + escape(c.channel))
    if c.said_on:
        how.append(c.said_on)
    body = escape(c.content if len(c.content) <= 220 else c.content[:217] + "...")
    flags = claim_flags(c)
    return f"[bold]{who}[/] [dim]({'; '.join(how)})[/] {flags}\n    {body}"


def print_analysis(console: Console, a: ArticleAnalysis) -> None:
    art = a.article
    console.rule(escape(art.title or art.source or art.id[:12]))
    meta = [x for x in (art.outlet, art.published, art.source) if x]
    if meta:
        console.print("[dim]" + escape(" · ".join(meta)) + "[/]")
    by_side: dict[str, list[Claim]] = defaultdict(list)
    for c in a.claims:
        by_side[c.speaker.side or "Unattributed side"].append(c)
    for side in sorted(by_side, key=lambda s: (-len(by_side[s]), s)):
        console.print(f"\n[bold {side_style(side)}]{escape(side)}[/] — {len(by_side[side])} claim(s)")
        for c in by_side[side]:
            console.print("  • " + claim_line(c))
    if a.disclaimers:
        console.print("\n[yellow]Reporter disclaimers:[/]")
        for d in a.disclaimers:
            console.print("  • " + escape(d.text))
    if a.events:
        console.print("\n[bold]Events[/]")
        for e in a.events:
            place = a.places[e.place].name if e.place is not None else "?"
            console.print(
                f"  • {escape(e.type)} / {escape(e.sub_type)} at {escape(place)}"
                f" on {e.date or '?'} — actors: {escape(', '.join(e.actors)) or '?'}"
            )
    if a.places:
        names = sorted({f"{p.name} ({p.kind})" for p in a.places})
        console.print("\n[bold]Places[/] " + escape(", ".join(names)))
    if a.dates:
        ds = [f"{d.expression} → {d.value or '?'}" for d in a.dates]
        console.print("[bold]Dates[/] " + escape("; ".join(dict.fromkeys(ds))))


def storyline_table(lines: Sequence[Storyline], titles: dict[str, str] | None = None) -> Table:
    table = Table(title="Storylines", show_lines=False)
    table.add_column("status")
    table.add_column("about")
    table.add_column("sides")
    table.add_column("claims", justify="right")
    table.add_column("origins", justify="right")
    for s in lines:
        colour = {"contested": "bold magenta", "corroborated": "green"}.get(s.status, "dim")
        sides = ", ".join(f"{k}: {v}" for k, v in sorted(s.sides.items()))
        table.add_row(
            f"[{colour}]{s.status}[/]", escape(s.about), escape(sides), str(len(s.members)), str(s.origins)
        )
    return table
