"""Relative locations: "150 km (90 miles) southwest of Bakhmut".

The phrase names a point that is nowhere in the gazetteer; it is the anchor's
point moved by the stated distance and bearing. Reports round such figures, so
the result carries precision "offset" and the anchor's name, never more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.gazetteer.distance import KM_PER_MILE

_UNITS_KM = {
    "km": 1.0,
    "kms": 1.0,
    "kilometre": 1.0,
    "kilometres": 1.0,
    "kilometer": 1.0,
    "kilometers": 1.0,
    "mile": KM_PER_MILE,
    "miles": KM_PER_MILE,
    "mi": KM_PER_MILE,
}
_LOOKBACK = 120


@dataclass(frozen=True, slots=True)
class RelativeLocation:
    start: int  # offset of the distance figure; the phrase ends where the anchor ends
    distance_km: float
    bearing_deg: float
    direction: str


def _pattern(directions: dict[str, float]) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(d) for d in directions), key=len, reverse=True))
    units = "|".join(sorted(_UNITS_KM, key=len, reverse=True))
    return re.compile(
        rf"(?P<num>\d+(?:[.,]\d+)?)[\s-]*(?P<unit>{units})\b\.?"
        rf"(?:\s*\([^()]{{0,40}}\))?\s+(?:to\s+the\s+)?(?P<dir>{words})\s+of\s+"
        rf"(?:the\s+(?:city|town|village|settlement)\s+of\s+)?$",
        re.IGNORECASE,
    )


class RelativeFinder:
    def __init__(self, directions: dict[str, float]) -> None:
        self.directions = {k.lower(): v for k, v in directions.items()}
        self.pattern = _pattern(self.directions)

    def before(self, text: str, anchor_start: int) -> RelativeLocation | None:
        """The relative phrase that ends right before an anchor mention, if any."""
        window_start = max(0, anchor_start - _LOOKBACK)
        match = self.pattern.search(text, window_start, anchor_start)
        if match is None:
            return None
        number = float(match["num"].replace(",", "."))
        distance = number * _UNITS_KM[match["unit"].lower()]
        direction = match["dir"].lower()
        return RelativeLocation(
            start=match.start(),
            distance_km=distance,
            bearing_deg=self.directions[direction],
            direction=direction,
        )
