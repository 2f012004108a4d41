"""Evaluation of event coding against ACLED (Ukraine, dev) and UCDP GED (Ukraine, dev).

ACLED's terms allow evaluation, not training: nothing here feeds a lexicon or a
model; rows are read, scored and dropped. Each ACLED row's ``notes`` text is
analysed as an article *published the day after* the event, so a correct date
must come from the text's own date expression ("On 10 March 2024, ..."), not
from a fallback to publication. The row's prediction is the first event the
pipeline codes (text order); a row with no event counts as wrong on every
measure. UCDP rows give only a location: the headline and the place
description are analysed together and the first event's place, else the most
specific place found, is compared within 25 km; "found" applies the events
stage's own tests (a capital standing for its state, "Kiev forces", locates
nothing; a town resolved outside the oblast the text gives it is a namesake).
Rows are analysed as one corpus, in file order, so that the batch-context pass
sees the other rows' events; ``--part`` selects the rows scored, not the
context (the other rows' text is unlabelled input, as a user's corpus is).
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sitrep.analysis import Analyzer
from sitrep.errors import InputError, InputNotFound
from sitrep.events.anchoring import AnchorWords, containers, is_actor_use, namesakes
from sitrep.events.forces import ForceDictionary
from sitrep.events.points import event_point
from sitrep.events.resources import ACTORS_DIR, EVENTS_DIR
from sitrep.gazetteer.distance import haversine_km
from sitrep.records import Article, ArticleAnalysis, Place

ACLED_FILE = Path("acled_ukraine") / "dev" / "acled_ukraine_sample.dev.csv"
UCDP_FILE = Path("ucdp_ged_ukraine") / "dev" / "ucdp_ged_ukraine.dev.csv"
WITHIN_KM = 25.0
NO_EVENT = "(none)"
_SIDE_IN_NAME = re.compile(r"\bof (Russia|Ukraine|Belarus)\b")
_PLACE_RANK = {"city": 0, "feature": 1, "admin1": 2, "region": 3, "country": 4}
PARTS = ("all", "tune", "held-out")
_T = TypeVar("_T")


def in_part(row_id: str, part: str) -> bool:
    """Dev split in two by a hash of the row id: rules are tuned on errors in 'tune' only and
    'held-out' is read only as a figure, so that a gain there is not a gain from memorising rows."""
    if part == "all":
        return True
    if part not in PARTS:
        raise InputError(f"unknown part {part!r}; expected one of {', '.join(PARTS)}")
    even = int(hashlib.md5(row_id.encode("utf-8")).hexdigest(), 16) % 2 == 0
    return even == (part == "tune")


@dataclass(frozen=True, slots=True)
class AcledRow:
    event_id: str
    notes: str
    event_date: str  # ISO
    event_type: str
    sub_event_type: str
    sides: frozenset[str]
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class AcledPrediction:
    row: AcledRow
    event_type: str
    sub_event_type: str
    date: str | None
    sides: frozenset[str]
    distance_km: float | None


@dataclass(frozen=True, slots=True)
class AcledResult:
    predictions: tuple[AcledPrediction, ...]
    seconds: float

    @property
    def rows(self) -> int:
        return len(self.predictions)

    def _share(self, hits: Iterable[bool]) -> float:
        flags = list(hits)
        return sum(flags) / len(flags) if flags else 0.0

    @property
    def coverage(self) -> float:
        return self._share(p.event_type != NO_EVENT for p in self.predictions)

    @property
    def type_accuracy(self) -> float:
        return self._share(p.event_type == p.row.event_type for p in self.predictions)

    @property
    def sub_type_accuracy(self) -> float:
        return self._share(p.sub_event_type == p.row.sub_event_type for p in self.predictions)

    @property
    def type_macro_f1(self) -> float:
        return macro_f1([(p.row.event_type, p.event_type) for p in self.predictions])

    @property
    def sub_type_macro_f1(self) -> float:
        return macro_f1([(p.row.sub_event_type, p.sub_event_type) for p in self.predictions])

    @property
    def location_25km(self) -> float:
        return self._share(p.distance_km is not None and p.distance_km <= WITHIN_KM for p in self.predictions)

    @property
    def date_exact(self) -> float:
        return self._share(p.date == p.row.event_date for p in self.predictions)

    @property
    def sides_exact(self) -> float:
        return self._share(p.sides == p.row.sides for p in self.predictions)

    def per_type(self) -> dict[str, tuple[int, float]]:
        """Gold count and F1 for each gold event type."""
        pairs = [(p.row.event_type, p.event_type) for p in self.predictions]
        return {label: (n, _f1(pairs, label)) for label, n in Counter(g for g, _ in pairs).most_common()}


def _f1(pairs: Sequence[tuple[str, str]], label: str) -> float:
    tp = sum(1 for g, p in pairs if g == label and p == label)
    fp = sum(1 for g, p in pairs if g != label and p == label)
    fn = sum(1 for g, p in pairs if g == label and p != label)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    """Mean F1 over the gold labels (a predicted label never seen in gold only costs precision)."""
    labels = sorted({g for g, _ in pairs})
    return sum(_f1(pairs, label) for label in labels) / len(labels) if labels else 0.0


def _acled_date(value: str) -> str:
    return datetime.strptime(value.strip()[:10], "%d/%m/%Y").date().isoformat()


def _sides(names: Iterable[str], forces: ForceDictionary) -> frozenset[str]:
    out = set()
    for name in names:
        if not name.strip():
            continue
        side = forces.side_of_force(name)
        if side is None:
            m = _SIDE_IN_NAME.search(name)
            side = m.group(1) if m else None
        if side is not None:
            out.add(side)
    return frozenset(out)


def load_acled(shared_data: Path, forces: ForceDictionary) -> Iterator[AcledRow]:
    path = shared_data / ACLED_FILE
    if not path.is_file():
        raise InputNotFound("ACLED dev file not found", source=str(path))
    with path.open(encoding="utf-8", newline="") as f:
        for n, rec in enumerate(csv.DictReader(f), 2):
            try:
                yield AcledRow(
                    event_id=rec["event_id_cnty"],
                    notes=rec["notes"],
                    event_date=_acled_date(rec["event_date"]),
                    event_type=rec["event_type"],
                    sub_event_type=rec["sub_event_type"],
                    sides=_sides((rec["actor1"], rec["actor2"]), forces),
                    latitude=float(rec["latitude"]),
                    longitude=float(rec["longitude"]),
                )
            except (KeyError, ValueError) as exc:
                raise InputError(f"bad ACLED row: {exc}", source=str(path), line=n) from exc


def _day_after(iso: str) -> str:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def _distance(place: Place | None, lat: float, lon: float) -> float | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return haversine_km(place.lat, place.lon, lat, lon)


def _predict(row: AcledRow, analysis: ArticleAnalysis) -> AcledPrediction:
    if not analysis.events:
        return AcledPrediction(row, NO_EVENT, NO_EVENT, None, frozenset(), None)
    e = analysis.events[0]
    point = event_point(e, analysis.places[e.place] if e.place is not None else None)
    distance = haversine_km(*point, row.latitude, row.longitude) if point else None
    return AcledPrediction(row, e.type, e.sub_type, e.date, frozenset(e.actors), distance)


def evaluate_acled(
    shared_data: Path, analyzer: Analyzer, *, limit: int | None = None, part: str = "all"
) -> AcledResult:
    forces = ForceDictionary.load(ACTORS_DIR / "actors.jsonl", ACTORS_DIR / "forces.jsonl")
    rows = list(load_acled(shared_data, forces))
    scored, rows = _scored(rows, [in_part(r.event_id, part) for r in rows], limit)
    articles = [
        Article.from_text(r.notes, published=_day_after(r.event_date), source=f"acled:{r.event_id}")
        for r in rows
    ]
    t0 = time.perf_counter()
    analyses = list(analyzer.analyze_many(articles))
    seconds = (time.perf_counter() - t0) * len(scored) / max(1, len(rows))
    return AcledResult(tuple(_predict(rows[i], analyses[i]) for i in scored), seconds)


def _scored(rows: list[_T], wanted: list[bool], limit: int | None) -> tuple[list[int], list[_T]]:
    """The indices of the rows to score, and the rows to analyse: every row up to the last scored.

    A part is analysed with the rest of the dev file around it, as unlabelled context (a corpus is
    analysed in batches: see sitrep.events.batch_context), and only its own rows are scored.
    """
    scored = [i for i, w in enumerate(wanted) if w][:limit]
    return scored, rows[: scored[-1] + 1] if scored else []


@dataclass(frozen=True, slots=True)
class UcdpResult:
    rows: int
    located: int  # rows for which some place was found
    from_event: int  # of those, located by a coded event
    within: int  # located within 25 km of UCDP's point
    seconds: float

    @property
    def location_25km(self) -> float:
        return self.within / self.rows if self.rows else 0.0


def _ucdp_date(value: str) -> str | None:
    value = value.strip()
    for fmt in ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _best_place(
    analysis: ArticleAnalysis, words: AnchorWords, capitals: frozenset[str]
) -> tuple[Place | None, bool]:
    for e in analysis.events:
        if e.place is not None:
            return analysis.places[e.place], True
    # the events stage's own tests: "Kiev forces" names an actor, not where anything happened, and a
    # town the gazetteer put outside the oblast the text gives it is a namesake
    text, places = analysis.article.text, analysis.places
    wrong = namesakes(places, (0, len(text)), containers(text, places))
    located = [
        p
        for i, p in enumerate(places)
        if p.lat is not None
        and p.kind != "country"
        and p.precision != "supranational"
        and i not in wrong
        and not is_actor_use(text, p, words, capitals)
    ]
    if not located:
        return None, False
    return min(located, key=lambda p: _PLACE_RANK.get(p.kind, 5)), False


def evaluate_ucdp(
    shared_data: Path, analyzer: Analyzer, *, limit: int | None = None, part: str = "all"
) -> UcdpResult:
    path = shared_data / UCDP_FILE
    if not path.is_file():
        raise InputNotFound("UCDP dev file not found", source=str(path))
    with path.open(encoding="cp1252", newline="") as f:
        every = list(csv.DictReader(f))
    scored, records = _scored(every, [in_part(str(r.get("id", "")), part) for r in every], limit)
    articles, points = [], []
    for n, rec in enumerate(records, 2):
        try:
            points.append((float(rec["latitude"]), float(rec["longitude"])))
        except (KeyError, ValueError) as exc:
            raise InputError(f"bad UCDP row: {exc}", source=str(path), line=n) from exc
        headline = rec.get("source_headline", "").replace(";", ".\n\n")
        text = f"{headline.strip()}\n\n{rec.get('where_description', '').strip()}".strip() or "-"
        day = _ucdp_date(rec.get("date_start", ""))
        articles.append(
            Article.from_text(
                text, published=_day_after(day) if day else None, source=f"ucdp:{rec.get('id')}"
            )
        )
    t0 = time.perf_counter()
    analyses = list(analyzer.analyze_many(articles))
    seconds = (time.perf_counter() - t0) * len(scored) / max(1, len(records))
    analyses, points = [analyses[i] for i in scored], [points[i] for i in scored]
    words = AnchorWords.load(EVENTS_DIR / "anchoring.json")
    capitals = ForceDictionary.load(ACTORS_DIR / "actors.jsonl", ACTORS_DIR / "forces.jsonl").capitals
    located = from_event = within = 0
    for analysis, (lat, lon) in zip(analyses, points, strict=True):
        place, by_event = _best_place(analysis, words, capitals)
        if place is None:
            continue
        located += 1
        from_event += by_event
        coded = next((e for e in analysis.events if e.place is not None), None) if by_event else None
        # an event's coded point (a region's capital, as in ACLED), else the place found
        point = event_point(coded, place) if coded is not None else None
        distance = haversine_km(*point, lat, lon) if point else _distance(place, lat, lon)
        within += distance is not None and distance <= WITHIN_KM
    return UcdpResult(len(scored), located, from_event, within, seconds)
