"""The point an event is coded at: ACLED's convention for events known only to a region.

When a report names only an oblast ("drones over the Mykolaiv region"), ACLED
codes the event at the region's capital with geo_precision 3, not at some middle
of the region. sitrep keeps the region as the event's place (that is what the
text says) and codes the event's own latitude and longitude the ACLED way, so
exports and the ACLED comparison agree with the convention while the place
record stays honest.
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.gazetteer.index import GazetteerLike
from sitrep.records import Event, Place


def event_point(event: Event, place: Place | None) -> tuple[float, float] | None:
    """Where ``event`` is coded: its own point if it has one, else its place's (older records)."""
    if event.lat is not None and event.lon is not None:
        return event.lat, event.lon
    if place is not None and place.lat is not None and place.lon is not None:
        return place.lat, place.lon
    return None


class CodedPoints:
    """Looks up region capitals in the gazetteer, lazily, remembering each region's answer."""

    def __init__(self, gazetteer: GazetteerLike) -> None:
        self.gazetteer = gazetteer
        self._seats: dict[int, tuple[float, float] | None] = {}

    def point(self, place: Place | None) -> tuple[float, float] | None:
        """Where an event at ``place`` is coded; None when the place has no point."""
        if place is None or place.lat is None or place.lon is None:
            return None
        if place.kind == "admin1" and place.geonames_id:
            seat = self._seat(place.geonames_id)
            if seat is not None:
                return seat
        return place.lat, place.lon

    def code(self, event: Event, place: Place | None) -> Event:
        """``event`` with the point it is coded at (unchanged when its place has none)."""
        point = self.point(place)
        return event if point is None else replace(event, lat=point[0], lon=point[1])

    def _seat(self, geonames_id: int) -> tuple[float, float] | None:
        if geonames_id not in self._seats:
            region = self.gazetteer.get(geonames_id)
            capital = (
                self.gazetteer.admin1_capital(region.admin1_code)
                if region is not None and region.kind == "admin1" and region.admin1_code
                else None
            )
            self._seats[geonames_id] = (
                (capital.lat, capital.lon)  # type: ignore[assignment]
                if capital is not None and capital.has_point
                else None
            )
        return self._seats[geonames_id]
