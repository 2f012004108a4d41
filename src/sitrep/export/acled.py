"""``--format acled-csv``: one row per event, ACLED's column names where they apply.

Analysts load ACLED exports into tools built around its columns, so the same
names are used for the same things (event_date, event_type, sub_event_type,
actor1, actor2, admin1, location, latitude, longitude, geo_precision,
time_precision, source, notes, fatalities). sitrep then adds what ACLED drops:
which claims carry the event, the sides asserting and denying it, and a
verification status. ``country_code`` is ISO 3166-1 alpha-2 (ACLED's own
``iso`` is numeric and is not produced). Fatalities are 0 when none is stated,
as in ACLED.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TextIO

from sitrep.events.points import event_point
from sitrep.records import ArticleAnalysis, Event
from sitrep.store import Store

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country_code",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    # sitrep's own
    "article_id",
    "published",
    "url",
    "trigger",
    "sides",
    "claim_ids",
    "asserting_sides",
    "denying_sides",
    "verification",
    "quantities",
)


def verification(event: Event, analysis: ArticleAnalysis) -> str:
    """contested > unverified > corroborated > single-source > reported (the reporter's own words)."""
    if event.denied_by:
        return "contested"
    claims = [analysis.claims[i] for i in event.asserted_by]
    if not claims:
        return "reported"
    if any(c.unverified for c in claims):
        return "unverified"
    sides = {c.speaker.side for c in claims if c.speaker.side}
    speakers = {c.speaker.name for c in claims}
    return "corroborated" if len(sides) > 1 or len(speakers) > 1 else "single-source"


def _sides(analysis: ArticleAnalysis, indices: Iterable[int]) -> str:
    return ";".join(sorted({s for i in indices if (s := analysis.claims[i].speaker.side)}))


def event_row(analysis: ArticleAnalysis, index: int) -> dict[str, object]:
    e = analysis.events[index]
    a = analysis.article
    place = analysis.places[e.place] if e.place is not None else None
    names = e.actor_names or e.actors
    point = event_point(e, place)
    return {
        "event_id_cnty": f"{a.id[:12]}:{index}",
        "event_date": e.date,
        "year": e.date[:4] if e.date else None,
        "time_precision": e.time_precision,
        "event_type": e.type,
        "sub_event_type": e.sub_type,
        "actor1": names[0] if names else None,
        "actor2": names[1] if len(names) > 1 else None,
        "country_code": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": point[0] if point else None,
        "longitude": point[1] if point else None,
        "geo_precision": e.geo_precision,
        "source": a.outlet or a.source,
        "notes": e.notes,
        "fatalities": e.fatalities or 0,
        "article_id": a.id,
        "published": a.published,
        "url": a.url,
        "trigger": e.trigger,
        "sides": ";".join(e.actors),
        "claim_ids": ";".join(f"{a.id[:12]}:{i}" for i in e.claims),
        "asserting_sides": _sides(analysis, e.asserted_by),
        "denying_sides": _sides(analysis, e.denied_by),
        "verification": verification(e, analysis),
        "quantities": ";".join(e.quantities),
    }


def event_rows(analyses: Iterable[ArticleAnalysis]) -> Iterator[dict[str, object]]:
    for analysis in analyses:
        for i in range(len(analysis.events)):
            yield event_row(analysis, i)


def write_acled_rows(analyses: Iterable[ArticleAnalysis], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in event_rows(analyses):
        writer.writerow(row)
        n += 1
    return n


def write_acled_csv(store: Store, out: TextIO) -> int:
    """The ``WRITERS`` entry: streams the store article by article."""
    return write_acled_rows(store.iter_analyses(), out)
