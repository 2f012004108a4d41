"""How precise a gazetteer entry is as a point, in the words Place records and ACLED codes use.

Shared by the places stage (one article) and the batch-context pass (a batch of
articles, :mod:`sitrep.events.batch_context`), so that a village chosen by either gets the same precision.
"""

from __future__ import annotations

from sitrep.gazetteer.index import GazetteerEntry
from sitrep.gazetteer.settlements import APPROXIMATE_FCODES

VILLAGE_POPULATION = 10_000


SUPRANATIONAL_FCODES = frozenset({"CONT", "RGNG"})  # continents; groupings of countries (build.py)


def precision_of(entry: GazetteerEntry) -> str:
    """``supranational`` marks continents and groupings such as the EU: larger than any country."""
    if entry.fcode in SUPRANATIONAL_FCODES:
        return "supranational"
    if entry.kind == "admin2":
        return "admin2"
    if entry.fcode in APPROXIMATE_FCODES:
        return APPROXIMATE_FCODES[entry.fcode]  # a village GeoNames lacks, placed at its hromada's middle
    if entry.kind == "city":
        return "village" if entry.population < VILLAGE_POPULATION else "city"
    return entry.kind
