"""How precise a gazetteer entry is as a point, in the words Place records and ACLED codes use.

Shared by the places stage (one article) and the theatre pass (a batch of
articles), so that a village chosen by either gets the same precision.
"""

from __future__ import annotations

from sitrep.gazetteer.index import GazetteerEntry
from sitrep.gazetteer.settlements import APPROXIMATE_FCODES

VILLAGE_POPULATION = 10_000


def precision_of(entry: GazetteerEntry) -> str:
    if entry.kind == "admin2":
        return "admin2"
    if entry.fcode in APPROXIMATE_FCODES:
        return APPROXIMATE_FCODES[entry.fcode]  # a village GeoNames lacks, placed at its hromada's middle
    if entry.kind == "city":
        return "village" if entry.population < VILLAGE_POPULATION else "city"
    return entry.kind
