"""Turn one recognised date expression into a value anchored on publication.

Each pattern shape has one resolver; all return a :class:`Resolution`. Without
a publication date only expressions that carry their own year resolve; the
clock is never consulted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sitrep.records import DatePrecision
from sitrep.times.calendar import (
    Lean,
    choose_year,
    month_last_day,
    safe_date,
    shift_month,
    week_bounds,
    weekday_date,
)
from sitrep.times.lexicon import TimeLexicon

Groups = Mapping[str, str | None]


@dataclass(frozen=True, slots=True)
class Resolution:
    value: str | None = None  # "2023-02-15", "2023-02" or "2023"
    precision: DatePrecision | None = None
    range_start: str | None = None
    range_end: str | None = None


UNRESOLVED = Resolution()


@dataclass(frozen=True, slots=True)
class Context:
    published: date | None
    lean: Lean
    lex: TimeLexicon


def _day(d: date) -> Resolution:
    return Resolution(d.isoformat(), "day")


def _month(year: int, month: int) -> Resolution:
    return Resolution(f"{year:04d}-{month:02d}", "month")


def _year(year: int) -> Resolution:
    return Resolution(f"{year:04d}", "year")


def _interval(first: date, last: date) -> Resolution:
    return Resolution(None, None, first.isoformat(), last.isoformat())


def period_bounds(res: Resolution) -> tuple[date, date] | None:
    """First and last day a resolved value covers ("2023-02" -> Feb 1..28)."""
    if res.value is None:
        if res.range_start and res.range_end:
            return date.fromisoformat(res.range_start), date.fromisoformat(res.range_end)
        return None
    parts = [int(p) for p in res.value.split("-")]
    if len(parts) == 3:
        d = date(parts[0], parts[1], parts[2])
        return d, d
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), month_last_day(parts[0], parts[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _count(raw: str | None, lex: TimeLexicon) -> int:
    if raw is None:
        return 1
    key = " ".join(raw.lower().split())
    return int(key) if key.isdigit() else lex.counts.get(key, 1)


def _month_number(g: Groups, lex: TimeLexicon) -> int:
    return lex.months[(g["month"] or "").lower()]


def _month_day_year(g: Groups, ctx: Context) -> Resolution:
    d = safe_date(int(g["year"] or 0), _month_number(g, ctx.lex), int(g["day"] or 0))
    return UNRESOLVED if d is None else _day(d)


def _month_day(g: Groups, ctx: Context) -> Resolution:
    month, day = _month_number(g, ctx.lex), int(g["day"] or 0)
    if ctx.published is None:
        return UNRESOLVED
    year = choose_year(month, day, ctx.published, ctx.lean)
    d = None if year is None else safe_date(year, month, day)
    return UNRESOLVED if d is None else _day(d)


def _month_year(g: Groups, ctx: Context) -> Resolution:
    return _month(int(g["year"] or 0), _month_number(g, ctx.lex))


def _month_only(g: Groups, ctx: Context) -> Resolution:
    month = _month_number(g, ctx.lex)
    pub = ctx.published
    if pub is None:
        return UNRESOLVED
    step = ctx.lex.relative_steps.get((g["rel"] or "").lower())
    if step is None:
        year = choose_year(month, None, pub, ctx.lean) or pub.year
    elif step < 0:
        year = pub.year if month < pub.month else pub.year - 1
    elif step > 0:
        year = pub.year if month > pub.month else pub.year + 1
    else:
        year = pub.year
    return _month(year, month)


def _month_relative_year(g: Groups, ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    step = ctx.lex.relative_steps[(g["step"] or "").lower()]
    return _month(ctx.published.year + step, _month_number(g, ctx.lex))


def _iso(g: Groups, ctx: Context) -> Resolution:
    try:
        return _day(date.fromisoformat(g["iso"] or ""))
    except ValueError:
        return UNRESOLVED


def _weekday(g: Groups, ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    weekday = ctx.lex.weekdays[(g["wd"] or "").lower()]
    step = ctx.lex.relative_steps.get((g["rel"] or "").lower())
    return _day(weekday_date(weekday, ctx.published, step, ctx.lean))


def _deictic(g: Groups, ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    offset = ctx.lex.deictic_days[" ".join((g["deictic"] or "").lower().split())]
    return _day(ctx.published + timedelta(days=offset))


def _year_only(g: Groups, ctx: Context) -> Resolution:
    year = int(g["year"] or 0)
    if g["decade"]:
        if year % 10:
            return UNRESOLVED
        return _interval(date(year, 1, 1), date(year + 9, 12, 31))
    return _year(year)


def _relative_unit(g: Groups, ctx: Context) -> Resolution:
    pub = ctx.published
    if pub is None:
        return UNRESOLVED
    step = ctx.lex.relative_steps[(g["step"] or "").lower()]
    unit = (g["unit"] or "").lower()
    if unit == "year":
        return _year(pub.year + step)
    if unit == "month":
        return _month(*shift_month(pub.year, pub.month, step))
    first, last = week_bounds(pub + timedelta(weeks=step))
    return _interval(first, last)


def _ago(g: Groups, ctx: Context) -> Resolution:
    pub = ctx.published
    if pub is None:
        return UNRESOLVED
    n = _count(g["count"], ctx.lex)
    unit = ctx.lex.units[(g["unit"] or "").lower()]
    if unit == "day":
        return _day(pub - timedelta(days=n))
    if unit == "week":
        return _interval(*week_bounds(pub - timedelta(weeks=n)))
    if unit == "month":
        return _month(*shift_month(pub.year, pub.month, -n))
    return _year(pub.year - n * (10 if unit == "decade" else 1))


def _recent(g: Groups, ctx: Context) -> Resolution:
    pub = ctx.published
    if pub is None:
        return UNRESOLVED
    unit = ctx.lex.units[(g["unit"] or "").lower()]
    if g["count"]:
        per_unit = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}[unit]
        days = _count(g["count"], ctx.lex) * per_unit
    else:
        days = ctx.lex.recent_spans.get(unit, 28)
    if (g["span"] or "").lower() in ("coming", "next"):
        return _interval(pub, pub + timedelta(days=days))
    return _interval(pub - timedelta(days=days), pub)


RESOLVERS: dict[str, Callable[[Groups, Context], Resolution]] = {
    "month_day_year": _month_day_year,
    "day_month_year": _month_day_year,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "month_relative_year": _month_relative_year,
    "month": _month_only,
    "iso": _iso,
    "weekday": _weekday,
    "deictic": _deictic,
    "year": _year_only,
    "relative_unit": _relative_unit,
    "ago": _ago,
    "recent": _recent,
}


def resolve(shape: str, groups: Groups, ctx: Context) -> Resolution:
    """Resolve one match; "since X" becomes the interval from X to publication."""
    since = (groups.get("prep") or "").lower() == "since"
    res = RESOLVERS[shape](groups, replace(ctx, lean="past") if since else ctx)
    if since:
        bounds = period_bounds(res)
        if bounds is not None:
            end = ctx.published.isoformat() if ctx.published else None
            res = replace(res, range_start=bounds[0].isoformat(), range_end=end)
    return res
