"""Choose between same-named villages of one oblast using the other events of the batch.

Ukraine has a dozen Kalynivkas, Ivanivkas and Stepoves in one oblast. A wire
report or a one-line situation note ("Russian forces shelled near Stepove,
Zaporizhia") gives no clue which one it means, and population says little: the
village under fire is the one near the fighting, and the fighting that week is
where the batch's other reports put it. So, after the articles of a batch are
analysed one by one, each event placed at a town that has namesakes in the same
oblast is placed again: every namesake is scored by its distance to the
nearest places of the batch's other events within ``window_days`` of its date
(the "theatre"), plus the population prior the article-level resolver used.

What stays as it was:
- an event whose article names another town within ``context_km`` of the
  chosen one: the article's own context already decided (the resolver's
  proximity pass), and one report outranks the batch;
- events with no dated neighbours in the batch (a single article analysed alone
  is never changed);
- anything that is not a town: regions, countries, offsets from an anchor.

Events whose place is a namesake of the event being placed do not vote, so a
wrong choice repeated over a week of reports about the same village does not
confirm itself. Two rounds: the first uses only events whose town is
unambiguous in its oblast, the second all events with their current choices.
The pass is deterministic for a given batch; its context is the batch, so a
corpus analysed in batches of the same period places best.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sitrep.events.anchoring import AnchorWords, geo_precision, iso_day
from sitrep.events.resources import EVENTS_DIR
from sitrep.gazetteer.distance import haversine_km
from sitrep.gazetteer.index import DEFAULT_INDEX, Gazetteer, GazetteerEntry, GazetteerLike
from sitrep.gazetteer.names import fold
from sitrep.gazetteer.precision import precision_of
from sitrep.records import ArticleAnalysis, Event, Place

_SAME_POINT_DEG = 1e-4


@dataclass(frozen=True, slots=True)
class BatchContextSettings:
    """Chosen on the ACLED dev "tune" half and checked on "held-out" (`sitrep eval events --part ...`)."""

    window_days: int = 30
    neighbours: int = 5
    scale_km: float = 30.0  # mean distance to the neighbours worth one unit of score
    population_weight: float = 0.5  # per decade of population (the resolver's own prior)
    context_km: float = 60.0
    rounds: int = 2


@dataclass(slots=True)
class _Slot:
    """One event's place in the batch, with the namesakes it may be moved to."""

    article: int
    event: int
    key: str  # folded name: namesakes share it and do not vote for each other
    day: date
    point: tuple[float, float]
    candidates: tuple[GazetteerEntry, ...]  # more than one only when the choice is open
    choice: GazetteerEntry | None = None


def _same_point(entry: GazetteerEntry, place: Place) -> bool:
    return (
        entry.lat is not None
        and entry.lon is not None
        and place.lat is not None
        and place.lon is not None
        and abs(entry.lat - place.lat) < _SAME_POINT_DEG
        and abs(entry.lon - place.lon) < _SAME_POINT_DEG
    )


def _namesakes(place: Place, gazetteer: GazetteerLike) -> tuple[GazetteerEntry, ...]:
    """Towns of the place's oblast that its mention (or chosen name) may refer to."""
    seen: dict[int, GazetteerEntry] = {}
    for name in (place.mention, place.name):
        for entry in gazetteer.lookup(name):
            if entry.kind == "city" and entry.admin1 == place.admin1 and entry.has_point:
                seen.setdefault(entry.id, entry)
    return tuple(seen.values())


def _decided_by_article(analysis: ArticleAnalysis, place: Place, settings: BatchContextSettings) -> bool:
    assert place.lat is not None and place.lon is not None
    key = fold(place.name)
    for other in analysis.places:
        if other.kind != "city" or other.lat is None or other.lon is None or fold(other.name) == key:
            continue
        if haversine_km(place.lat, place.lon, other.lat, other.lon) <= settings.context_km:
            return True
    return False


def _slots(
    analyses: Sequence[ArticleAnalysis],
    gazetteer: GazetteerLike,
    settings: BatchContextSettings,
    fixed: int,
) -> list[_Slot]:
    """Every event at a town; the first ``fixed`` analyses only vote (no candidates, no look-ups)."""
    slots: list[_Slot] = []
    for a, analysis in enumerate(analyses):
        for e, event in enumerate(analysis.events):
            if event.place is None:
                continue
            place = analysis.places[event.place]
            when = iso_day(event.date) or iso_day(analysis.article.published)
            if place.kind != "city" or place.lat is None or place.lon is None or when is None:
                continue
            candidates = _namesakes(place, gazetteer) if a >= fixed else ()
            current = next((c for c in candidates if _same_point(c, place)), None)
            if current is None or len(candidates) < 2 or _decided_by_article(analysis, place, settings):
                candidates = ()
            slots.append(_Slot(a, e, fold(place.name), when, (place.lat, place.lon), candidates, current))
    return slots


def _score(
    entry: GazetteerEntry, theatre: list[tuple[float, float]], settings: BatchContextSettings
) -> float:
    assert entry.lat is not None and entry.lon is not None
    distances = sorted(haversine_km(entry.lat, entry.lon, lat, lon) for lat, lon in theatre)
    nearest = distances[: settings.neighbours]
    mean = sum(nearest) / len(nearest)
    return settings.population_weight * math.log10(entry.population + 10) - mean / settings.scale_km


def _choose(slots: list[_Slot], settings: BatchContextSettings) -> None:
    for round_ in range(settings.rounds):
        voters = [s for s in slots if round_ > 0 or not s.candidates]
        choices: list[GazetteerEntry | None] = []
        for slot in slots:
            theatre = [
                v.point
                for v in (voters if slot.candidates else ())
                if v.key != slot.key and abs((v.day - slot.day).days) <= settings.window_days
            ]
            if not theatre:
                choices.append(slot.choice)
                continue
            # the current choice first, so that a tie keeps it
            ordered = sorted(slot.candidates, key=lambda c: c is not slot.choice)
            choices.append(max(ordered, key=lambda c: _score(c, theatre, settings)))
        for slot, choice in zip(slots, choices, strict=True):
            if choice is not None and choice is not slot.choice:
                assert choice.lat is not None and choice.lon is not None
                slot.choice, slot.point = choice, (choice.lat, choice.lon)


def _moved(place: Place, entry: GazetteerEntry) -> Place:
    return replace(
        place,
        name=entry.name,
        lat=entry.lat,
        lon=entry.lon,
        geonames_id=entry.id if entry.id > 0 else None,
        precision=precision_of(entry),
    )


def _apply(
    analysis: ArticleAnalysis, moves: dict[int, GazetteerEntry], words: AnchorWords
) -> ArticleAnalysis:
    """Move the events' places, and every other mention of the same town in the article with them."""
    places = list(analysis.places)
    events = list(analysis.events)
    for e, entry in moves.items():
        old = analysis.places[events[e].place]  # type: ignore[index]
        for i, place in enumerate(analysis.places):
            if place.kind == "city" and (place.name, place.lat, place.lon) == (old.name, old.lat, old.lon):
                places[i] = _moved(place, entry)
    for e, event in enumerate(events):
        if event.place is not None and places[event.place] is not analysis.places[event.place]:
            events[e] = _with_precision(event, places[event.place], analysis.article.text, words)
    return replace(analysis, places=tuple(places), events=tuple(events))


def _with_precision(event: Event, place: Place, text: str, words: AnchorWords) -> Event:
    """The event at its moved town: precision again, and its coded point (a town's own) if it has one."""
    moved = replace(event, geo_precision=geo_precision(text, place, words))
    return moved if event.lat is None else replace(moved, lat=place.lat, lon=place.lon)


class BatchPlacer:
    """The pass with what it reads from disk (gazetteer, anchoring words) loaded once, lazily."""

    def __init__(
        self,
        gazetteer: GazetteerLike | None = None,
        words: AnchorWords | None = None,
        settings: BatchContextSettings | None = None,
    ) -> None:
        self._gazetteer = gazetteer
        self._words = words
        self.settings = settings or BatchContextSettings()

    def __call__(
        self, analyses: Sequence[ArticleAnalysis], context: Sequence[ArticleAnalysis] = ()
    ) -> list[ArticleAnalysis]:
        if len(analyses) + len(context) < 2:
            return list(analyses)
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(DEFAULT_INDEX)
        if self._words is None:
            self._words = AnchorWords.load(EVENTS_DIR / "anchoring.json")
        return place_by_batch(analyses, self._gazetteer, self._words, self.settings, context=context)


def place_by_batch(
    analyses: Sequence[ArticleAnalysis],
    gazetteer: GazetteerLike,
    words: AnchorWords,
    settings: BatchContextSettings | None = None,
    *,
    context: Sequence[ArticleAnalysis] = (),
) -> list[ArticleAnalysis]:
    """The batch's analyses with each open namesake choice made against the batch's other events.

    ``context`` are analyses already placed (an ingest's previous batches): their events vote,
    they are not changed and not returned.
    """
    settings = settings or BatchContextSettings()
    everything = [*context, *analyses]
    slots = _slots(everything, gazetteer, settings, fixed=len(context))
    if not any(s.candidates for s in slots):
        return list(analyses)
    original = {(s.article, s.event): s.choice for s in slots}
    _choose(slots, settings)
    moves: dict[int, dict[int, GazetteerEntry]] = {}
    for slot in slots:
        if slot.choice is not None and slot.choice is not original[(slot.article, slot.event)]:
            moves.setdefault(slot.article, {})[slot.event] = slot.choice
    return [_apply(a, moves[i], words) if i in moves else a for i, a in enumerate(analyses, len(context))]
