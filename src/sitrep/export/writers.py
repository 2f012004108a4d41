"""Exports from the store: JSON Lines (contract form), CSV of claims, GeoJSON and ACLED CSV of events.

Writers stream article by article, so exporting a large store needs memory for
one article at a time, not for the whole corpus.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from sitrep.contract import analysis_to_json, event_to_json
from sitrep.events.points import event_point
from sitrep.export.acled import write_acled_csv
from sitrep.export.rows import CLAIM_COLUMNS, claim_row
from sitrep.store import Store
from sitrep.store.queries import ClaimHit

FORMATS = ("jsonl", "csv", "geojson", "acled-csv")


def write_jsonl(store: Store, out: TextIO) -> int:
    n = 0
    for analysis in store.iter_analyses():
        out.write(json.dumps(analysis_to_json(analysis), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def _claim_hits(store: Store) -> Iterator[ClaimHit]:
    for a in store.iter_analyses():
        for i, c in enumerate(a.claims):
            yield ClaimHit(
                id=0,
                article_id=a.article.id,
                idx=i,
                claim=c,
                title=a.article.title,
                outlet=a.article.outlet,
                published=a.article.published,
                storyline_id=None,
                storyline_status=None,
            )


def write_claims_csv(store: Store, out: TextIO) -> int:
    membership = {(m.article, m.claim): (s.id, s.status) for s in store.storylines() for m in s.members}
    writer = csv.DictWriter(out, fieldnames=list(CLAIM_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for hit in _claim_hits(store):
        row = claim_row(hit)
        row.pop("claim_id")
        row["claim_id"] = f"{hit.article_id[:12]}:{hit.idx}"
        sid, status = membership.get((hit.article_id, hit.idx), (None, None))
        row["storyline"], row["storyline_status"] = sid, status
        writer.writerow(row)
        n += 1
    return n


def event_features(store: Store) -> Iterator[dict[str, Any]]:
    for a in store.iter_analyses():
        for i, e in enumerate(a.events):
            place = a.places[e.place] if e.place is not None else None
            # the coded point (a region-level event sits at the region's capital, as in ACLED)
            point = event_point(e, place)
            if place is None or point is None:
                continue
            lat, lon = point
            props = event_to_json(e)
            props.update(
                event_id=f"{a.article.id[:12]}:{i}",
                article_id=a.article.id,
                outlet=a.article.outlet,
                published=a.article.published,
                place_name=place.name,
                place_kind=place.kind,
                claims_text=[a.claims[j].content for j in e.claims],
                sides_asserting=sorted({a.claims[j].speaker.side or "" for j in e.asserted_by} - {""}),
                sides_denying=sorted({a.claims[j].speaker.side or "" for j in e.denied_by} - {""}),
            )
            yield {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
                "properties": props,
            }


def write_geojson(store: Store, out: TextIO) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in event_features(store):
        if n:
            out.write(",\n")
        out.write(json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


WRITERS = {
    "jsonl": write_jsonl,
    "csv": write_claims_csv,
    "geojson": write_geojson,
    "acled-csv": write_acled_csv,
}
