"""The date lexicon: month and weekday names, deictic words, tense cues.

The words live in ``sitrep/data/times/lexicon.json`` so that adding a spelling
("Sept.") is a data change reviewed as such; this module only turns the file
into immutable lookup tables, once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from sitrep.errors import DataFileError

_PACKAGE = "sitrep.data"
_FILE = ("times", "lexicon.json")


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    months: MappingProxyType[str, int]  # lower-cased form -> 1..12
    ambiguous_months: frozenset[str]  # forms that are also common words ("may", "march")
    month_leaders: frozenset[str]  # words after which an ambiguous month is a month ("in May")
    weekdays: MappingProxyType[str, int]  # lower-cased form -> 0 (Monday) .. 6
    day_parts: tuple[str, ...]
    deictic_days: MappingProxyType[str, int]  # "yesterday" -> -1
    units: MappingProxyType[str, str]  # "weeks" -> "week"
    relative_steps: MappingProxyType[str, int]  # "last" -> -1
    recent_spans: MappingProxyType[str, int]  # unit -> days covered by "in recent <unit>s"
    counts: MappingProxyType[str, int]  # "three" -> 3, "a few" -> 3
    modifiers: tuple[str, ...]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    reporting_cues: frozenset[str]  # "said": the date is when it was said, tense unknown
    non_year_followers: frozenset[str]
    non_year_leaders: frozenset[str]


def _mapping(raw: dict[str, Any], key: str, kind: type) -> MappingProxyType[str, Any]:
    table = raw[key]
    if not isinstance(table, dict) or not all(isinstance(v, kind) for v in table.values()):
        raise DataFileError(f"'{key}' must map words to {kind.__name__}", source="/".join(_FILE))
    return MappingProxyType({str(k).lower(): v for k, v in table.items()})


def _words(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    items = raw[key]
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise DataFileError(f"'{key}' must be a list of strings", source="/".join(_FILE))
    return tuple(v.lower() for v in items)


@cache
def load_time_lexicon() -> TimeLexicon:
    """Read the packaged lexicon once; the result is immutable, so sharing it is safe."""
    path = resources.files(_PACKAGE).joinpath(_FILE[0]).joinpath(_FILE[1])
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return TimeLexicon(
            months=_mapping(raw, "months", int),
            ambiguous_months=frozenset(_words(raw, "ambiguous_months")),
            month_leaders=frozenset(_words(raw, "month_leaders")),
            weekdays=_mapping(raw, "weekdays", int),
            day_parts=_words(raw, "day_parts"),
            deictic_days=_mapping(raw, "deictic_days", int),
            units=_mapping(raw, "units", str),
            relative_steps=_mapping(raw, "relative_steps", int),
            recent_spans=_mapping(raw, "recent_spans", int),
            counts=_mapping(raw, "counts", int),
            modifiers=_words(raw, "modifiers"),
            future_cues=frozenset(_words(raw, "future_cues")),
            past_cues=frozenset(_words(raw, "past_cues")),
            reporting_cues=frozenset(_words(raw, "reporting_cues")),
            non_year_followers=frozenset(_words(raw, "non_year_followers")),
            non_year_leaders=frozenset(_words(raw, "non_year_leaders")),
        )
    except (OSError, ValueError, KeyError) as exc:
        raise DataFileError(f"cannot read the date lexicon: {exc}", source="/".join(_FILE)) from exc
