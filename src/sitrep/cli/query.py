"""``sitrep claims|events|places|storylines``: query the store; table, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sitrep.cli.options import date_range_options, db_option, output_options
from sitrep.contract import claim_to_json, event_to_json, storyline_to_json
from sitrep.errors import UsageError
from sitrep.export.rows import CLAIM_COLUMNS, EVENT_COLUMNS, PLACE_COLUMNS, claim_row, event_row, place_row
from sitrep.store import Store
from sitrep.store.queries import ClaimQuery, EventQuery, PlaceQuery


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError as exc:
        raise UsageError(
            f"--bbox must be four numbers min_lon,min_lat,max_lon,max_lat, got {value!r}"
        ) from exc
    if len(parts) != 4:
        raise UsageError(f"--bbox must be four numbers min_lon,min_lat,max_lon,max_lat, got {value!r}")
    return parts[0], parts[1], parts[2], parts[3]


def emit(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    *,
    as_json: bool,
    as_csv: bool,
    json_rows: Sequence[Any] | None = None,
    title: str = "",
    wide: Sequence[str] = (),
) -> None:
    if as_json and as_csv:
        raise UsageError("choose one of --json and --csv")
    if as_json:
        json.dump(
            list(json_rows if json_rows is not None else rows), sys.stdout, ensure_ascii=False, indent=1
        )
        sys.stdout.write("\n")
    elif as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=f"{title} ({len(rows)})", show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold", ratio=3 if col in wide else None)
        for row in rows:
            table.add_row(*(escape("" if row.get(c) is None else str(row.get(c))) for c in columns))
        Console(highlight=False).print(table)


def _with_store(db: str | None, fn: Callable[[Store], None]) -> None:
    store = Store.open(db)
    try:
        fn(store)
    finally:
        store.close()


@click.command("claims")
@db_option
@click.option("--speaker", help="Speaker name or mention contains this.")
@click.option("--side", help="Side the speaker speaks for, e.g. Russia, Ukraine.")
@click.option("--place", help="A place named inside the claim.")
@date_range_options
@click.option("--contested", is_flag=True, help="Only claims in contested storylines.")
@click.option("--denials", is_flag=True, help="Only denials.")
@click.option("--search", metavar="TEXT", help="Full-text search over claim content and speaker.")
@output_options
def claims_command(
    db: str | None,
    speaker: str | None,
    side: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
    contested: bool,
    denials: bool,
    search: str | None,
    as_json: bool,
    as_csv: bool,
    limit: int,
) -> None:
    """Claims with their speaker, side, channel, hedges and verification."""
    q = ClaimQuery(
        speaker=speaker,
        side=side,
        place=place,
        since=since,
        until=until,
        contested=contested,
        polarity="deny" if denials else None,
        search=search,
        limit=limit,
    )

    def run(store: Store) -> None:
        hits = store.find_claims(q)
        rows = [claim_row(h) for h in hits]
        cols = (
            "claim_id",
            "published",
            "speaker",
            "side",
            "kind",
            "channel",
            "polarity",
            "unverified",
            "storyline_status",
            "content",
        )
        emit(
            rows,
            CLAIM_COLUMNS if as_csv else cols,
            as_json=as_json,
            as_csv=as_csv,
            title="Claims",
            json_rows=[
                {
                    "id": h.id,
                    "article": h.article_id,
                    "index": h.idx,
                    "outlet": h.outlet,
                    "published": h.published,
                    "storyline": h.storyline_id,
                    "storyline_status": h.storyline_status,
                    **claim_to_json(h.claim),
                }
                for h in hits
            ],
            wide=("content",),
        )

    _with_store(db, run)


@click.command("events")
@db_option
@click.option("--type", "event_type", help="ACLED event type or sub-type.")
@click.option("--side", help="An actor side.")
@click.option("--place", help="Place name contains this.")
@click.option("--bbox", help="min_lon,min_lat,max_lon,max_lat")
@date_range_options
@output_options
def events_command(
    db: str | None,
    event_type: str | None,
    side: str | None,
    place: str | None,
    bbox: str | None,
    since: str | None,
    until: str | None,
    as_json: bool,
    as_csv: bool,
    limit: int,
) -> None:
    """Events in the ACLED taxonomy with place, date, actors and the claims behind them."""
    q = EventQuery(
        type=event_type, side=side, place=place, bbox=_bbox(bbox), since=since, until=until, limit=limit
    )

    def run(store: Store) -> None:
        hits = store.find_events(q)
        emit(
            [event_row(h) for h in hits],
            EVENT_COLUMNS,
            as_json=as_json,
            as_csv=as_csv,
            title="Events",
            json_rows=[
                {
                    "id": h.id,
                    "article": h.article_id,
                    "index": h.idx,
                    "place_name": h.place_name,
                    "lat": h.lat,
                    "lon": h.lon,
                    **event_to_json(h.event),
                }
                for h in hits
            ],
        )

    _with_store(db, run)


@click.command("places")
@db_option
@click.option("--name", help="Place name contains this.")
@click.option("--kind", type=click.Choice(["city", "admin1", "country", "region", "feature"]))
@click.option("--country", help="ISO 3166 alpha-2 code, e.g. UA.")
@click.option("--bbox", help="min_lon,min_lat,max_lon,max_lat")
@output_options
def places_command(
    db: str | None,
    name: str | None,
    kind: str | None,
    country: str | None,
    bbox: str | None,
    as_json: bool,
    as_csv: bool,
    limit: int,
) -> None:
    """Places mentioned in stored articles, most mentioned first."""
    q = PlaceQuery(name=name, kind=kind, country=country, bbox=_bbox(bbox), limit=limit)

    def run(store: Store) -> None:
        emit(
            [place_row(h) for h in store.find_places(q)],
            PLACE_COLUMNS,
            as_json=as_json,
            as_csv=as_csv,
            title="Places",
        )

    _with_store(db, run)


@click.command("storylines")
@db_option
@click.option("--contested", is_flag=True, help="Only contested storylines.")
@click.option("--status", type=click.Choice(["contested", "corroborated", "single-source"]))
@output_options
def storylines_command(
    db: str | None, contested: bool, status: str | None, as_json: bool, as_csv: bool, limit: int
) -> None:
    """Claims about the same event across articles: contested, corroborated or single-source."""
    wanted = "contested" if contested else status

    def run(store: Store) -> None:
        lines = store.storylines(status=wanted, limit=limit)
        rows = [
            {
                "id": s.id,
                "status": s.status,
                "about": s.about,
                "sides": "; ".join(f"{k}: {v}" for k, v in sorted(s.sides.items())),
                "claims": len(s.members),
                "articles": len({m.article for m in s.members}),
                "origins": s.origins,
            }
            for s in lines
        ]
        emit(
            rows,
            ("id", "status", "about", "sides", "claims", "articles", "origins"),
            as_json=as_json,
            as_csv=as_csv,
            json_rows=[storyline_to_json(s) for s in lines],
            title="Storylines",
            wide=("about",),
        )

    _with_store(db, run)
