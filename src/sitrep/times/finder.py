"""Find every date expression in a text and resolve it against publication.

Works on plain strings (no spaCy), so other stages and tests can call it
directly. Candidates from all patterns compete; the leftmost, then longest,
wins, so "Friday, Feb. 24, 2023" is one mention rather than three.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.records import DateMention
from sitrep.times.lexicon import TimeLexicon, load_time_lexicon
from sitrep.times.patterns import DatePattern, build_patterns
from sitrep.times.resolve import Context, Resolution, resolve
from sitrep.times.tense import lean_at

_PREVIOUS_WORD = re.compile(r"([$#]|[A-Za-z]+\.?)\W*$")
_NEXT_WORD = re.compile(r"^\s*([%]|[A-Za-z]+)")
_EARLIEST_BARE_YEAR = 1900


def parse_published(value: str | date | None) -> date | None:
    """Publication anchor from an ISO date or timestamp; anything else means 'unknown'."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


class DateFinder:
    """Holds the compiled patterns; build one per process and reuse it."""

    def __init__(self, lexicon: TimeLexicon | None = None) -> None:
        self.lex = lexicon or load_time_lexicon()
        self.patterns: tuple[DatePattern, ...] = build_patterns(self.lex)
        self._full_months = frozenset(k for k in self.lex.months if not k.endswith(".") and len(k) > 4) | {
            "may",
            "june",
            "july",
        }

    def find(self, text: str, published: str | date | None = None) -> list[DateMention]:
        anchor = parse_published(published)
        candidates: list[tuple[int, int, str, re.Match[str]]] = []
        for pattern in self.patterns:
            for m in pattern.regex.finditer(text):
                if m.end() > m.start() and self._plausible(pattern.name, m, text):
                    candidates.append((m.start(), -m.end(), pattern.name, m))
        candidates.sort(key=lambda c: (c[0], c[1]))
        mentions: list[DateMention] = []
        taken_until = 0
        for start, neg_end, shape, m in candidates:
            if start < taken_until:
                continue
            end = -neg_end
            ctx = Context(anchor, lean_at(text, start, end, self.lex), self.lex)
            res = resolve(shape, m.groupdict(), ctx)
            mentions.append(_mention(text, start, end, res))
            taken_until = end
        return mentions

    def _plausible(self, shape: str, m: re.Match[str], text: str) -> bool:
        """Reject matches that are words or numbers rather than dates."""
        groups = m.groupdict()
        month, weekday = groups.get("month"), groups.get("wd")
        if month is not None and not month[0].isupper():
            return False
        if weekday is not None and not weekday[0].isupper():
            return False
        if shape == "weekday" and weekday is not None and weekday.endswith("."):
            return False
        if shape == "month" and month is not None:
            if month.lower() not in self._full_months:
                return False
            qualified = any(groups.get(k) for k in ("prep", "rel", "mod"))
            if month.lower() in self.lex.ambiguous_months and not qualified:
                return self._previous_word(text, m.start()) in self.lex.month_leaders
        if shape == "year":
            return self._plausible_year(groups, m, text)
        return True

    def _plausible_year(self, groups: dict[str, str | None], m: re.Match[str], text: str) -> bool:
        if any(groups.get(k) for k in ("prep", "mod")) or m.group(0).lower().startswith("fiscal"):
            return True
        if int(groups["year"] or 0) < _EARLIEST_BARE_YEAR:
            return False
        if self._previous_word(text, m.start()) in self.lex.non_year_leaders:
            return False
        if m.start() > 0 and text[m.start() - 1] in "$€£#,.":
            return False
        following = _NEXT_WORD.match(text[m.end() : m.end() + 30])
        return following is None or following.group(1).lower() not in self.lex.non_year_followers

    @staticmethod
    def _previous_word(text: str, start: int) -> str:
        found = _PREVIOUS_WORD.search(text[max(0, start - 30) : start])
        return found.group(1).lower() if found else ""


def _mention(text: str, start: int, end: int, res: Resolution) -> DateMention:
    return DateMention(
        expression=text[start:end],
        start=start,
        end=end,
        value=res.value,
        precision=res.precision,
        range_start=res.range_start,
        range_end=res.range_end,
    )
