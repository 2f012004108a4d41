"""Regular expressions for date expressions, built from the lexicon.

Each pattern is named for the shape it recognises; the resolver dispatches on
that name. Patterns are compiled case-insensitively so "Last year" and "last
year" match alike; capitalisation of month and weekday names is checked by the
finder afterwards (that is what keeps "may" the modal verb out).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.times.lexicon import TimeLexicon


@dataclass(frozen=True, slots=True)
class DatePattern:
    name: str
    regex: re.Pattern[str]


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "Sept." wins over "Sept" and "this morning" over "this"."""
    forms = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)


def build_patterns(lex: TimeLexicon) -> tuple[DatePattern, ...]:
    months = _alternation(lex.months)
    weekdays = _alternation(lex.weekdays)
    steps = _alternation(lex.relative_steps)
    parts = _alternation(lex.day_parts)
    counts = _alternation(lex.counts)
    deictic = _alternation(lex.deictic_days)
    mods = _alternation(m.rstrip("-") for m in lex.modifiers)
    units = _alternation(lex.units)

    end = r"(?![\w-])"
    month = rf"(?P<month>{months})(?!\w)"
    weekday = rf"(?P<wd>{weekdays})(?!\w)"
    day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[:.]\d)"
    year = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d])"
    prep = r"(?:(?P<prep>on|since)\s+)?"
    lead_wd = rf"(?:{weekday},?\s+)?"
    mod = rf"(?:(?P<mod>{mods})(?:\s+|-))?"
    rel = rf"(?:(?P<rel>{steps})\s+)?"
    part = rf"(?:\s+(?P<part>{parts})(?!\w))?"

    shapes = {
        # "Feb 24, 2022", "Friday, Feb. 24 2022"
        "month_day_year": rf"{prep}{lead_wd}{month}\s+{day}(?:,\s*|\s+){year}",
        # "24 February 2022", "24th of February, 2022"
        "day_month_year": rf"{prep}{lead_wd}{day}\s+(?:of\s+)?{month},?\s+{year}",
        # "Feb. 24", "on Monday, Oct. 26"
        "month_day": rf"{prep}{lead_wd}{month}\s+{day}{end}",
        # "24 February", "the 24th of February"
        "day_month": rf"{prep}{lead_wd}{day}\s+(?:of\s+)?{month}",
        # "January 2023", "early January 2023"
        "month_year": rf"{prep}{mod}{month},?\s+(?:of\s+)?{year}",
        # "January this year", "in June last year", "early October this year"
        "month_relative_year": rf"{prep}{mod}{month}\s+(?:of\s+)?(?P<step>{steps})\s+year{end}",
        # "January", "last March", "since January", "mid-January"
        "month": rf"{prep}{rel}{mod}{month}",
        # "2023-02-16"
        "iso": r"(?P<iso>(?:1[6-9]|20)\d\d-[01]\d-[0-3]\d)(?![\d-])",
        # "on Wednesday", "last Friday", "Tuesday night"
        "weekday": rf"{prep}{rel}{weekday}{part}",
        # "today", "yesterday morning", "overnight", "since yesterday"
        "deictic": rf"{prep}(?P<deictic>{deictic})(?!\w){part}",
        # "2022", "since 2014", "fiscal 1989", "the 1990s", "early 2022"
        "year": rf"{prep}{mod}(?:fiscal\s+)?{year}(?P<decade>s)?(?![\w%])",
        # "last year", "earlier this month", "late last year", "this week", "since last year"
        "relative_unit": rf"{prep}(?:(?P<edge>earlier|later)\s+|{mod})?(?:the\s+)?"
        rf"(?P<step>{steps})\s+(?P<unit>week|month|year){end}",
        # "three days ago", "a year earlier"
        "ago": rf"(?P<count>{counts}|\d{{1,3}})\s+(?P<unit>{units})\s+"
        r"(?P<dir>ago|earlier|before\s+that)(?!\w)",
        # "in recent weeks", "over the past two days", "in the coming months"
        "recent": rf"(?:(?P<lead>in|over|during|for|within|throughout)\s+)?(?:the\s+)?"
        rf"(?P<span>recent|past|last|previous|coming|next)\s+(?:(?P<count>{counts}|\d{{1,3}})\s+)?"
        rf"(?P<unit>days|weeks|months|years){end}",
    }
    flags = re.IGNORECASE
    return tuple(DatePattern(name, re.compile(rf"(?<![\w.-]){body}", flags)) for name, body in shapes.items())
