"""Resolve one date expression given on its own (for stages that hold a string, not a text).

The rules of :class:`~sitrep.times.finder.DateFinder` come first; dateparser is
asked only when they recognise nothing, only with a publication date (it would
otherwise anchor on the clock), and only for English, which keeps it fast.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

from sitrep.records import DatePrecision
from sitrep.times.finder import DateFinder, parse_published

_DATEPARSER_PRECISION: dict[str, DatePrecision] = {
    "day": "day",
    "time": "day",
    "month": "month",
    "year": "year",
}


@cache
def default_finder() -> DateFinder:
    """One finder per process: the compiled patterns are immutable and reusable."""
    return DateFinder()


@cache
def _dateparser(anchor: date) -> Any:
    import dateparser  # imported here: slow to load and rarely needed

    settings = {
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)


def resolve_date(
    expression: str, published: str | date | None, *, fallback: bool = True
) -> tuple[str | None, DatePrecision | None]:
    """Value and precision of one expression, e.g. ("on Wednesday", 2023-02-16) -> ("2023-02-15", "day").

    The longest mention found in the string decides; with ``fallback`` and a
    publication date, dateparser tries what the rules do not know.
    """
    anchor = parse_published(published)
    mentions = default_finder().find(expression, anchor)
    if mentions:
        best = max(mentions, key=lambda m: m.end - m.start)
        if best.value is not None or not fallback:
            return best.value, best.precision
    if not fallback or anchor is None or not expression.strip():
        return None, None
    data = _dateparser(anchor).get_date_data(expression)
    if data is None or data.date_obj is None:
        return None, None
    precision = _DATEPARSER_PRECISION.get(str(data.period))
    if precision is None:
        return None, None
    found: date = data.date_obj.date()
    value = {"day": found.isoformat(), "month": found.isoformat()[:7], "year": str(found.year)}[precision]
    return value, precision
