"""Where and when an event happened, with ACLED's precision codes; what it cost.

Place: the closest located mention in the trigger's sentence, preferring the
claim's own words and towns over regions (ACLED codes the most specific named
location); never one after the claim's end (another clause) nor one that is
part of an actor's name ("Kyiv's forces"); a town that the gazetteer placed
outside the oblast the same sentence names yields to that oblast. Country
mentions never locate an event. geo_precision is 1 for a named town, 2 for
"near"/"outskirts of"/an offset from a town or a village the gazetteer can
only place at its hromada's or raion's middle, 3 for a region.

Date: a point date in the sentence; else when the claim was made; else the
last day-precision date the article mentioned before (news carries "on
Wednesday" across sentences); else publication. time_precision is 1 for a
day, 2 for a date inferred from publication or a span of up to a week, 3 for
a month or wider. A sentence dated only by a long span or a year ("in recent
weeks", "last year") reports a trend, not an event, and codes none.

Fatalities: the lowest count stated, as ACLED does when sources differ.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

from sitrep.events.taxonomy import TaxonomyError
from sitrep.records import Claim, DateMention, Place, Quantity

_KIND_PENALTY = {"city": 0, "feature": 0, "admin1": 60, "region": 150}
# "Stepok, Sumy" / "Pivdenne (Kharkiv region)": the second name is the town's oblast, written
# with a comma or in brackets and often as the bare oblast name, which reads like its capital.
_CONTAINER_GAP = re.compile(r"^\s*(?:,|\()\s*(?:the\s+)?$")
_CONTAINER_END = re.compile(r"^\s*(?:region|oblast|province)?\s*(?:[,.;)]|$)", re.I)
_FOLD_PREFIX = 5
_BEFORE_PENALTY = 15
_OUTSIDE_CLAIM_PENALTY = 40
_SPEAKER_PENALTY = 80
_NAMESAKE_PENALTY = 200
_CARRY_SENTENCES = 3
_WEEK = 7


@dataclass(frozen=True, slots=True)
class AnchorWords:
    near: re.Pattern[str]
    fatality: tuple[re.Pattern[str], ...]
    number_words: dict[str, int]
    units: frozenset[str]
    actor_after: re.Pattern[str]  # "Kiev forces", "Kiev's military": the place names an actor
    actor_before: re.Pattern[str]  # "pro-Kiev"
    civilian_object: re.Pattern[
        str
    ]  # "... attacked a local official": an unarmed target right after a trigger

    @classmethod
    def load(cls, path: Path) -> AnchorWords:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            near = "|".join(re.escape(w) for w in sorted(raw["near_cues"], key=len, reverse=True))
            numbers = {str(k).lower(): int(v) for k, v in raw["number_words"].items()}
            num = r"\d[\d,]*|" + "|".join(re.escape(w) for w in sorted(numbers, key=len, reverse=True))
            people = "|".join(re.escape(w) for w in sorted(raw["people_nouns"], key=len, reverse=True))
            death = "|".join(re.escape(w) for w in sorted(raw["death_words"], key=len, reverse=True))
            units = frozenset(str(u).casefold() for u in raw["measure_units"])
            nouns = "|".join(re.escape(w) for w in sorted(raw["actor_nouns"], key=len, reverse=True))
            prefixes = "|".join(re.escape(w) for w in sorted(raw["actor_prefixes"], key=len, reverse=True))
            civilians = "|".join(re.escape(w) for w in sorted(raw["civilian_nouns"], key=len, reverse=True))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise TaxonomyError(f"cannot read anchoring words: {exc}", source=str(path)) from exc
        qualifier = r"(?:at least |more than |over |about |some |up to )?"
        count = rf"{qualifier}(?P<num>{num})\s+(?:[\w-]+\s+){{0,2}}?(?:{people})"
        verbs = r"(?:(?:were|was|have been|had been|are|is|reportedly|also)\s+)*"
        patterns = (
            rf"(?<![\w-]){count}\s+{verbs}(?:{death})(?![\w-])",
            rf"(?<![\w-])(?:killing|killed|kills|killed at least)\s+{count}(?![\w-])",
            rf"(?<![\w-]){qualifier}(?P<num>{num})\s+(?:{death})(?![\w-])",
        )
        return cls(
            near=re.compile(rf"(?<![\w-])(?:{near})\s+(?:the\s+)?(?:\w+\s+){{0,3}}?$", re.I),
            fatality=tuple(re.compile(p, re.I) for p in patterns),
            number_words=numbers,
            units=units,
            actor_after=re.compile(rf"(?:['’]s)?[’']?\s+(?:{nouns})(?![\w-])", re.I),
            actor_before=re.compile(rf"(?<![\w-])(?:{prefixes})$", re.I),
            civilian_object=re.compile(
                rf"\s+(?:(?:a|an|the|two|three|four|five|several|\d+|local|elderly|unarmed|young|his|her|their)\s+)"
                rf"{{0,3}}(?:{civilians})(?![\w-])",
                re.I,
            ),
        )


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    index: int | None
    geo_precision: int | None


@dataclass(frozen=True, slots=True)
class DateChoice:
    value: str | None
    time_precision: int | None
    trend: bool = False  # dated only by a long span or a year: a trend, not an event


def _folded(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalpha())


def _names_its_oblast(place: Place) -> bool:
    """An admin-1 mention, or a city that shares its oblast's name ("Sumy" for Sumy Oblast)."""
    if place.kind == "admin1":
        return True
    if place.kind != "city" or place.admin1 is None:
        return False
    return _folded(place.admin1).startswith(_folded(place.mention)[:_FOLD_PREFIX])


def containers(text: str, places: Sequence[Place]) -> dict[int, int]:
    """Town index -> index of the oblast named right after it ("X, Oblast", "X (Oblast region)")."""
    out: dict[int, int] = {}
    for i, (town, box) in enumerate(pairwise(places)):
        if town.kind not in ("city", "feature") or not _names_its_oblast(box):
            continue
        if _folded(town.mention) == _folded(box.mention):
            continue
        if _CONTAINER_GAP.match(text[town.end : box.start]) and _CONTAINER_END.match(
            text[box.end : box.end + 12]
        ):
            out[i] = i + 1
    return out


def is_actor_use(text: str, place: Place, words: AnchorWords, capitals: frozenset[str]) -> bool:
    """A capital standing for its state ("Kiev forces", "pro-Kiev official") locates nothing.

    Only capitals: "Donetsk militiamen" or "Kharkiv authorities" are local, so they do
    say where something is.
    """
    if place.mention.casefold() not in capitals:
        return False
    return bool(
        words.actor_after.match(text, place.end, min(len(text), place.end + 40))
        or words.actor_before.search(text[max(0, place.start - 8) : place.start])
    )


def namesakes(places: Sequence[Place], scope: tuple[int, int], boxes: dict[int, int]) -> set[int]:
    """Towns in ``scope`` the gazetteer put outside the oblast the text gives them.

    "Stepok, Sumy" resolved to a Stepok in Zaporizhzhia is the wrong Stepok; so is
    "Orlivka" in a sentence that names only the Donetsk region. ``boxes`` comes
    from :func:`containers`.
    """
    as_oblast = set(boxes.values())
    oblasts = {
        p.admin1 or p.name
        for i, p in enumerate(places)
        if scope[0] <= p.start < scope[1] and (p.kind == "admin1" or i in as_oblast)
    }
    out = set()
    for i, p in enumerate(places):
        if not (scope[0] <= p.start < scope[1]) or p.kind not in ("city", "feature") or p.admin1 is None:
            continue
        box = places[boxes[i]] if i in boxes else None
        if box is not None and box.admin1 is not None:
            if p.admin1 != box.admin1:
                out.add(i)  # its own oblast says otherwise
        elif oblasts and i not in as_oblast and p.admin1 not in oblasts:
            out.add(i)
    return out


def choose_place(
    text: str,
    places: Sequence[Place],
    sent: tuple[int, int],
    trigger: tuple[int, int],
    words: AnchorWords,
    *,
    claim: Claim | None = None,
    taken: Sequence[tuple[int, int]] = (),
    capitals: frozenset[str] = frozenset(),
) -> PlaceChoice:
    """``taken``: spans already read as actors ("Kyiv's forces"), whose place names are not locations."""
    best: tuple[float, int] | None = None
    boxes = containers(text, places)
    as_oblast = set(boxes.values())
    wrong = namesakes(places, sent, boxes)
    for i, p in enumerate(places):
        if not (sent[0] <= p.start < sent[1]) or p.kind not in _KIND_PENALTY:
            continue
        if p.precision == "supranational":
            continue  # like a country, a continent or the EU says nothing of where ("new EU push")
        if claim is not None and p.start >= claim.end:
            continue  # after the claim: another clause ("..., with Kyiv describing ...")
        if any(a < p.end and p.start < b for a, b in taken) or is_actor_use(text, p, words, capitals):
            continue
        if p.start >= trigger[1]:
            score = float(p.start - trigger[1])
        else:
            score = float(trigger[0] - p.end + _BEFORE_PENALTY)
        score += _KIND_PENALTY["admin1" if i in as_oblast else p.kind]
        if i in wrong:
            score += _NAMESAKE_PENALTY
        if claim is not None and not (claim.start <= p.start < claim.end):
            score += _OUTSIDE_CLAIM_PENALTY
        sp = claim.speaker if claim is not None else None
        if sp is not None and sp.start is not None and sp.end is not None and sp.start <= p.start < sp.end:
            score += _SPEAKER_PENALTY
        if best is None or score < best[0]:
            best = (score, i)
    if best is None:
        return PlaceChoice(None, None)
    if best[1] in as_oblast:
        return PlaceChoice(best[1], 3)  # only the oblast is known
    return PlaceChoice(best[1], geo_precision(text, places[best[1]], words))


def geo_precision(text: str, place: Place, words: AnchorWords) -> int:
    if place.kind in ("admin1", "region", "country"):
        return 3
    if place.anchor is not None or place.precision in ("offset", "hromada", "raion"):
        return 2
    if words.near.search(text[max(0, place.start - 40) : place.start]):
        return 2
    return 1


def iso_day(value: str | None) -> date | None:
    """The day an ISO date names; None for a month, a year, or no date."""
    if value is None or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def choose_date(
    dates: Sequence[DateMention],
    sentences: Sequence[tuple[int, int]],
    sent_index: int,
    trigger: tuple[int, int],
    *,
    published: str | None,
    claim: Claim | None = None,
) -> DateChoice:
    sent = sentences[sent_index]
    pub = iso_day(published)
    inside = [d for d in dates if sent[0] <= d.start < sent[1]]
    points = [
        d
        for d in inside
        if d.value is not None
        and d.precision in ("day", "month")
        and not (pub is not None and (day := iso_day(d.value)) is not None and (day - pub).days > 1)
    ]
    if points:
        d = min(points, key=lambda d: abs(d.start - trigger[0]))
        return DateChoice(d.value, 1 if d.precision == "day" else 3)
    for d in inside:
        lo, hi = iso_day(d.range_start), iso_day(d.range_end)
        if d.value is None and lo is not None and hi is not None:
            span = (hi - lo).days
            if span > _WEEK:
                return DateChoice(None, None, trend=True)
            return DateChoice(d.range_end, 1 if span <= 1 else 2)
        if d.precision == "year":
            return DateChoice(None, None, trend=True)
    if claim is not None and claim.said_on is not None:
        return DateChoice(claim.said_on, 1)
    for d in sorted(dates, key=lambda d: d.start, reverse=True):
        if d.start >= sent[0] or d.precision != "day" or d.value is None:
            continue
        day = iso_day(d.value)
        if day is None or (pub is not None and day > pub):
            continue
        back = sum(1 for s in sentences[:sent_index] if s[0] > d.start)
        return DateChoice(d.value, 1 if back < _CARRY_SENTENCES else 2)
    if published is not None:
        return DateChoice(published[:10], 2)
    return DateChoice(None, None)


def _number(raw: str, words: AnchorWords) -> int | None:
    raw = raw.strip().lower()
    if raw.replace(",", "").isdigit():
        return int(raw.replace(",", ""))
    return words.number_words.get(raw)


def fatalities(text: str, scope: tuple[int, int], words: AnchorWords) -> int | None:
    """The lowest death toll stated in ``scope``; None when none is."""
    found = [
        n
        for pattern in words.fatality
        for m in pattern.finditer(text, scope[0], scope[1])
        if (n := _number(m.group("num"), words)) is not None
    ]
    return min(found) if found else None


def counted_quantities(
    quantities: Sequence[Quantity], scope: tuple[int, int], words: AnchorWords
) -> tuple[str, ...]:
    """Counts of things in the event's words ("over 20 settlements"), not distances or money."""
    out = []
    for q in quantities:
        if not (scope[0] <= q.start and q.end <= scope[1]):
            continue
        unit = (q.unit or "").casefold()
        if unit and (unit in words.units or any(u in unit for u in ("km", "mile", "$", "usd", "eur", "mm"))):
            continue
        if "$" in q.text or any(t.casefold().strip("().") in words.units for t in q.text.split()):
            continue
        out.append(q.text)
    return tuple(out)
