"""The quantity lexicon: number words, scales, units, currencies, qualifiers.

Words live in ``sitrep/data/quantities/lexicon.json``; this module turns the
file into immutable tables once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from sitrep.errors import DataFileError

_SOURCE = "quantities/lexicon.json"


@dataclass(frozen=True, slots=True)
class QuantityLexicon:
    number_words: MappingProxyType[str, float]
    scales: MappingProxyType[str, float]
    vague: MappingProxyType[str, float]  # "dozens" -> 24, the least it can mean
    units: MappingProxyType[str, str]  # written form -> canonical unit
    calibre_units: frozenset[str]  # units after which a counted noun follows ("155mm rounds")
    currency_symbols: MappingProxyType[str, str]
    currency_words: MappingProxyType[str, str]
    qualifiers: MappingProxyType[str, str]  # phrase -> "low" | "high" | "approx" | "range"
    plural_nouns: frozenset[str]
    boundaries: frozenset[str]


def _table(raw: dict[str, Any], key: str, kind: type) -> MappingProxyType[str, Any]:
    table = raw[key]
    if not isinstance(table, dict) or not all(isinstance(v, kind) for v in table.values()):
        raise DataFileError(f"'{key}' must map words to {kind.__name__}", source=_SOURCE)
    return MappingProxyType({str(k).lower(): (float(v) if kind is not str else v) for k, v in table.items()})


def _set(raw: dict[str, Any], key: str) -> frozenset[str]:
    items = raw[key]
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise DataFileError(f"'{key}' must be a list of strings", source=_SOURCE)
    return frozenset(v.lower() for v in items)


@cache
def load_quantity_lexicon() -> QuantityLexicon:
    """Read the packaged lexicon once; the result is immutable, so sharing it is safe."""
    path = resources.files("sitrep.data").joinpath("quantities").joinpath("lexicon.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return QuantityLexicon(
            number_words=_table(raw, "number_words", int),
            scales=_table(raw, "scales", int),
            vague=_table(raw, "vague", int),
            units=_table(raw, "units", str),
            calibre_units=_set(raw, "calibre_units"),
            currency_symbols=_table(raw, "currency_symbols", str),
            currency_words=_table(raw, "currency_words", str),
            qualifiers=_table(raw, "qualifiers", str),
            plural_nouns=_set(raw, "plural_nouns"),
            boundaries=_set(raw, "boundaries"),
        )
    except (OSError, ValueError, KeyError) as exc:
        raise DataFileError(f"cannot read the quantity lexicon: {exc}", source=_SOURCE) from exc
