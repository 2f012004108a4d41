"""Calendar arithmetic the resolver needs and ``datetime`` lacks: month steps,
period bounds, and choosing the year of a date written without one."""

from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta
from typing import Literal

# "past" and "future" come from a cue word next to the date; "neutral" means
# none was found, and then the news default (the past, with near-future dates
# allowed) applies.
Lean = Literal["past", "future", "neutral"]

# How much worse a date on the "wrong" side of publication is than one on the
# expected side: news mostly reports the past, so "March 31" in a November
# article is last March unless a future cue says otherwise, while "Oct. 31" in
# an Oct. 26 article is five days ahead rather than a year back.
WRONG_SIDE_PENALTY = 3


def shift_month(year: int, month: int, steps: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + steps
    return index // 12, index % 12 + 1


def month_last_day(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def week_bounds(day: date) -> tuple[date, date]:
    """ISO week (Monday to Sunday) containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# With an explicit past cue ("was hit on Feb. 20") a future date is all but excluded.
STRICT_PENALTY = 1000


def _cost(diff: int, lean: Lean) -> int:
    if lean != "future":
        penalty = STRICT_PENALTY if lean == "past" else WRONG_SIDE_PENALTY
        return -diff if diff <= 0 else diff * penalty
    return diff if diff >= 0 else -diff * WRONG_SIDE_PENALTY


def choose_year(month: int, day: int | None, published: date, lean: Lean) -> int | None:
    """The year that puts a yearless date nearest publication, on the side ``lean`` prefers.

    Only the publication year and its neighbours compete; ``day=None`` compares
    whole months (the publication month itself counts as distance zero).
    """
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        if day is None:
            diff = (year * 12 + month) - (published.year * 12 + published.month)
        else:
            candidate = safe_date(year, month, day)
            if candidate is None:
                continue
            diff = (candidate - published).days
        cost = _cost(diff, lean)
        if best is None or cost < best[0]:
            best = (cost, year)
    return None if best is None else best[1]


def weekday_date(weekday: int, published: date, step: int | None, lean: Lean) -> date:
    """Resolve a weekday name.

    ``step`` comes from "last" (-1), "this" (0) or "next" (+1); without one the
    day is the most recent such day on or before publication, or the next on
    or after it when the sentence speaks of the future.
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if step is None:
        return published + timedelta(days=ahead) if lean == "future" else published - timedelta(days=back)
    if step < 0:
        return published - timedelta(days=back or 7)
    if step > 0:
        return published + timedelta(days=ahead or 7)
    return week_bounds(published)[0] + timedelta(days=weekday)
