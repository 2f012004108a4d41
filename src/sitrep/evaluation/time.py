"""TempEval-3 (TBAQ-cleaned) evaluation of date finding and normalisation.

Each document's creation time (DCT) is the publication date. A gold DATE
TIMEX3 is *found* when one of our mentions overlaps it; its value is *correct*
when our value equals the gold one, comparing at the precision we emit (a
gold "2000-04-04T09:00" is matched by "2000-04-04"; TimeML's "1952-XX" is the
year 1952). Gold values we cannot express as a single ISO day, month or year
(a quarter "1989-Q3", a week "1998-W04", a decade "199") are matched by an
interval with the same bounds; PAST_REF/FUTURE_REF by an open interval ending
or starting at publication. Everything else counts as wrong, not skipped.
"""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sitrep.errors import InputError, InputNotFound
from sitrep.records import DateMention
from sitrep.times.calendar import month_last_day
from sitrep.times.finder import DateFinder, parse_published

TEMPEVAL_FILE = Path("tempeval3") / "dev" / "tbaq_cleaned.jsonl"

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTimex:
    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str


@dataclass(frozen=True, slots=True)
class TimeDocument:
    name: str
    published: str  # the DCT, as annotated
    text: str
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True)
class TimeMiss:
    """A found gold DATE whose value we got wrong (for error analysis)."""

    document: str
    gold_text: str
    gold_value: str
    expression: str
    value: str | None
    range_start: str | None
    range_end: str | None


@dataclass(frozen=True, slots=True)
class TimeEvalResult:
    documents: int
    gold_dates: int
    found: int  # gold DATEs overlapped by one of our mentions
    correct: int  # of those, value right
    predicted: int  # all our mentions
    predicted_on_gold: int  # our mentions overlapping any gold TIMEX3 (any type)
    seconds: float  # finder time only, over all documents
    misses: tuple[TimeMiss, ...]

    @property
    def accuracy(self) -> float:
        """Value accuracy on gold DATE expressions found."""
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold_dates if self.gold_dates else 0.0

    @property
    def precision(self) -> float:
        """Share of our mentions that are some gold TIMEX3 (DATE, TIME, DURATION or SET)."""
        return self.predicted_on_gold / self.predicted if self.predicted else 0.0

    @property
    def ms_per_document(self) -> float:
        return 1000 * self.seconds / self.documents if self.documents else 0.0


def parse_tml(name: str, tml: str) -> TimeDocument:
    """Plain text of the TEXT element with TIMEX3 offsets into it, and the DCT."""
    dct = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", tml)
    body = re.search(r"<TEXT>(.*)</TEXT>", tml, re.S)
    if dct is None or body is None:
        raise InputError("TimeML document without DCT or TEXT", source=name)
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    raw = body.group(1)
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(parts)[start:length]
            timexes.append(GoldTimex(text, start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(raw[pos:]))
    return TimeDocument(name, dct.group(1), "".join(parts), tuple(timexes))


def load_tempeval(shared_data: Path) -> Iterator[TimeDocument]:
    path = shared_data / TEMPEVAL_FILE
    if not path.is_file():
        raise InputNotFound("TempEval-3 TBAQ file not found", source=str(path))
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                record = json.loads(line)
                yield parse_tml(str(record["file"]), str(record["tml"]))
            except (ValueError, KeyError) as exc:
                raise InputError(f"bad TempEval record: {exc}", source=str(path), line=number) from exc


def _gold_interval(value: str) -> tuple[date, date] | None:
    """Bounds of TimeML values that are not one ISO day, month or year."""
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if quarter:
        year, q = int(quarter.group(1)), int(quarter.group(2))
        return date(year, 3 * q - 2, 1), month_last_day(year, 3 * q)
    week = re.fullmatch(r"(\d{4})-W(\d\d)", value)
    if week:
        monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        return monday, monday + timedelta(days=6)
    decade = re.fullmatch(r"(\d{3})X?", value)
    if decade:
        first = int(decade.group(1)) * 10
        return date(first, 1, 1), date(first + 9, 12, 31)
    return None


def value_matches(gold: str, mention: DateMention, published: date | None) -> bool:
    """Is ``mention`` the same date as the TimeML value ``gold``?"""
    core = re.sub(r"(-XX)+$", "", gold.split("T")[0])
    if mention.value is not None:
        return mention.value == core
    if mention.range_start is None or mention.range_end is None:
        return False
    ours = (date.fromisoformat(mention.range_start), date.fromisoformat(mention.range_end))
    if published is not None and gold in ("PAST_REF", "FUTURE_REF"):
        return ours[1] == published if gold == "PAST_REF" else ours[0] == published
    try:
        return _gold_interval(core) == ours
    except ValueError:
        return False


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def evaluate_time(shared_data: Path, finder: DateFinder | None = None) -> TimeEvalResult:
    """Score the date finder on TempEval-3 TBAQ, DCT as publication date."""
    finder = finder or DateFinder()
    documents = gold_dates = found = correct = predicted = on_gold = 0
    seconds = 0.0
    misses: list[TimeMiss] = []
    for doc in load_tempeval(shared_data):
        documents += 1
        published = parse_published(doc.published)
        began = time.perf_counter()
        mentions = finder.find(doc.text, published)
        seconds += time.perf_counter() - began
        predicted += len(mentions)
        on_gold += sum(
            1 for m in mentions if any(_overlap(m.start, m.end, g.start, g.end) for g in doc.timexes)
        )
        for gold in doc.timexes:
            if gold.type != "DATE":
                continue
            gold_dates += 1
            overlapping = [m for m in mentions if _overlap(m.start, m.end, gold.start, gold.end)]
            if not overlapping:
                continue
            found += 1
            best = max(overlapping, key=lambda m: _overlap(m.start, m.end, gold.start, gold.end))
            if value_matches(gold.value, best, published):
                correct += 1
            else:
                misses.append(
                    TimeMiss(
                        doc.name,
                        gold.text,
                        gold.value,
                        best.expression,
                        best.value,
                        best.range_start,
                        best.range_end,
                    )
                )
    return TimeEvalResult(documents, gold_dates, found, correct, predicted, on_gold, seconds, tuple(misses))
