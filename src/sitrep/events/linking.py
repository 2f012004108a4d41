"""Tie events to the claims that assert or deny them, and fold repeated mentions together.

An article reports one battle several times: the Russian ministry claims a
breakthrough, the Ukrainian presidency says attacks were repelled, a governor
denies a retreat. ACLED would code one event; sitrep codes one too and keeps
every claim on it, split into ``asserted_by`` and ``denied_by``. Mentions fold
into an earlier event of the same sub-type a few sentences back when place and
date do not contradict it (a vague region such as "the eastern front" gives way
to a named place). A denial never creates an event on its own: it only
attaches to one that something asserts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.records import Claim, Place

MERGE_SENTENCES = 6


def claim_at(claims: Sequence[Claim], start: int, end: int) -> int | None:
    """Index of the narrowest claim whose content holds the trigger; None for the reporter's narration."""
    best: int | None = None
    for i, c in enumerate(claims):
        if (
            c.start <= start
            and end <= c.end
            and (best is None or c.end - c.start < claims[best].end - claims[best].start)
        ):
            best = i
    return best


@dataclass(slots=True)
class Draft:
    """An event while mentions are still being folded into it."""

    event_type: str
    sub_type: str
    sentence: int
    trigger: str
    start: int
    end: int
    place: int | None
    geo_precision: int | None
    date: str | None
    time_precision: int | None
    sides: list[str]
    forces: list[str]
    asserted_by: list[int] = field(default_factory=list)
    denied_by: list[int] = field(default_factory=list)
    narrated: bool = False  # the reporter states it in their own words
    quantities: list[str] = field(default_factory=list)
    fatalities: int | None = None
    notes: str | None = None

    @property
    def asserted(self) -> bool:
        return self.narrated or bool(self.asserted_by)


def _compatible(kept: Draft, new: Draft, places: Sequence[Place]) -> bool:
    if (kept.event_type, kept.sub_type) != (new.event_type, new.sub_type):
        return False
    if new.sentence - kept.sentence > MERGE_SENTENCES:
        return False
    if kept.place is not None and new.place is not None:
        a, b = places[kept.place], places[new.place]
        # a vague region ("the eastern front") yields to a named place in the same report
        if a.name != b.name and a.kind != "region" and b.kind != "region":
            return False
    if kept.date is not None and new.date is not None and kept.date != new.date:
        return (kept.time_precision or 3) >= 2 or (new.time_precision or 3) >= 2
    return True


def _extend(into: list[str] | list[int], items: Sequence[str] | Sequence[int]) -> None:
    for x in items:
        if x not in into:
            into.append(x)  # type: ignore[arg-type]


def _vaguer(kept: Place, new: Place) -> bool:
    return kept.kind == "region" and new.kind != "region"


def _absorb(kept: Draft, new: Draft, places: Sequence[Place]) -> None:
    if new.place is not None and (kept.place is None or _vaguer(places[kept.place], places[new.place])):
        kept.place, kept.geo_precision = new.place, new.geo_precision
    elif (
        kept.place is not None
        and new.place == kept.place
        and (new.geo_precision or 3) < (kept.geo_precision or 3)
    ):
        kept.geo_precision = new.geo_precision
    if new.date is not None and (kept.date is None or (new.time_precision or 3) < (kept.time_precision or 3)):
        kept.date, kept.time_precision = new.date, new.time_precision
    _extend(kept.sides, new.sides)
    _extend(kept.forces, new.forces)
    _extend(kept.asserted_by, new.asserted_by)
    _extend(kept.denied_by, new.denied_by)
    _extend(kept.quantities, new.quantities)
    kept.narrated = kept.narrated or new.narrated
    if new.fatalities is not None:
        kept.fatalities = new.fatalities if kept.fatalities is None else min(kept.fatalities, new.fatalities)
    kept.sentence = max(kept.sentence, new.sentence)  # the window slides with the story


def fold(drafts: Sequence[Draft], places: Sequence[Place]) -> list[Draft]:
    kept: list[Draft] = []
    for d in drafts:
        target = next((k for k in reversed(kept) if _compatible(k, d, places)), None)
        if target is not None:
            _absorb(target, d, places)
        elif d.asserted:
            kept.append(d)
    return [k for k in kept if k.place is not None]
