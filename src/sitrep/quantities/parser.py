"""Find quantities in plain text: value, unit, bounds, qualifier and counted noun.

Regex over the text plus the lexicon, so it runs on a blank spaCy pipeline.
Numbers that belong to something else are left alone: digits inside dates
(the caller passes the date spans to skip), model names ("Leopard 2",
"F-16"), clock times, ordinals, and bare numbers that count nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sitrep.quantities.lexicon import QuantityLexicon, load_quantity_lexicon
from sitrep.quantities.nouns import noun_after
from sitrep.records import Quantity

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _alternation(words: Iterable[str]) -> str:
    forms = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)


@dataclass(frozen=True, slots=True)
class _Number:
    value: float
    is_word: bool


class QuantityParser:
    """Holds the compiled expression; build one per process and reuse it."""

    def __init__(self, lexicon: QuantityLexicon | None = None) -> None:
        self.lex = lex = lexicon or load_quantity_lexicon()
        words = _alternation(lex.number_words)
        number = rf"(?:{_DIGITS}|(?:{words})(?:-(?:{words}))?)"
        scale = rf"(?:\s*(?:{_alternation(lex.scales)})(?![A-Za-z]))"
        symbol = rf"(?:{_alternation(lex.currency_symbols)})"
        unit = rf"(?:{_alternation(lex.units)})"
        currency_word = rf"(?:{_alternation(lex.currency_words)})"
        self.regex = re.compile(
            rf"""(?<![\w$€£.,-])
            (?:(?P<qual>{_alternation(lex.qualifiers)})\s+)?
            (?:
              (?P<vague>{_alternation(lex.vague)})(?:\s+of)?(?![\w])
            |
              (?P<sym>{symbol})?\s?(?P<num>{number})(?P<scale>{scale})?
              (?:\s*(?:-|–|to|and)\s*(?P<sym2>{symbol})?(?P<num2>{number})(?P<scale2>{scale})?)?
              (?:(?:\s*|-)(?P<unit>{unit})(?![\w])|\s+(?P<curword>{currency_word})(?![\w]))?
              (?:\s*\((?P<conv>(?:{_DIGITS})\s*(?:{unit}))\))?
            )""",
            re.IGNORECASE | re.VERBOSE,
        )
        self._word_values = {k.replace(" ", ""): v for k, v in lex.number_words.items()}

    def find(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
        """Every quantity in ``text``, leaving out any that overlaps a span in ``skip``."""
        found: list[Quantity] = []
        for m in self.regex.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in skip):
                continue
            quantity = self._build(text, m)
            if quantity is not None:
                found.append(quantity)
        return found

    def _number(self, raw: str | None, scale: str | None) -> _Number | None:
        if raw is None:
            return None
        key = re.sub(r"\s+", "", raw.lower())
        if key[0].isdigit():
            value, is_word = float(key.replace(",", "")), False
        else:
            parts = key.split("-")
            if not all(p in self._word_values for p in parts):
                return None
            value, is_word = sum(self._word_values[p] for p in parts), True
        if scale:
            value *= self.lex.scales[re.sub(r"\s+", "", scale.lower())]
        return _Number(value, is_word)

    def _belongs_elsewhere(self, text: str, m: re.Match[str]) -> bool:
        """Model names, clock times, ordinals: digits that are not a quantity."""
        start, end = m.start("num"), m.end("num")
        after = text[end : end + 5]
        if re.match(r"(?:st|nd|rd|th)\b|:\d|\s*[ap]\.?m\b", after, re.IGNORECASE):
            return True
        if m.group("qual") or m.group("sym"):
            return False
        before = text[max(0, start - 25) : start]
        named = re.search(r"(?:^|[^.!?\"“\s]\s+)([A-Z][\w-]*)\s$", before)
        return named is not None and named.group(1).lower() not in self.lex.qualifiers

    def _build(self, text: str, m: re.Match[str]) -> Quantity | None:
        lex = self.lex
        qual = " ".join(m.group("qual").lower().split()) if m.group("qual") else None
        kind = lex.qualifiers.get(qual or "")
        end = m.end()
        if m.group("vague"):
            least = lex.vague[" ".join(m.group("vague").lower().split())]
            noun = noun_after(text, end, lex)
            if noun is None:
                return None
            return Quantity(
                text=text[m.start() : noun[1]],
                start=m.start(),
                end=noun[1],
                value=None,
                unit=None,
                low=least,
                high=None,
                qualifier=qual or m.group("vague").lower(),
                noun=text[noun[0] : noun[1]],
            )
        first = self._number(m.group("num"), m.group("scale"))
        if first is None or self._belongs_elsewhere(text, m):
            return None
        second = self._number(m.group("num2"), m.group("scale2"))
        if m.group("num2") and second is None:
            return None
        unit_raw = (m.group("unit") or "").lower()
        unit = lex.units.get(" ".join(unit_raw.split())) if unit_raw else None
        symbol = m.group("sym") or m.group("sym2")
        if symbol:
            unit = lex.currency_symbols[symbol.lower()]
            if second is not None and m.group("scale2") and not m.group("scale"):
                first = _Number(first.value * lex.scales[m.group("scale2").strip().lower()], first.is_word)
        elif m.group("curword"):
            unit = lex.currency_words[m.group("curword").lower()]
        noun_span: tuple[int, int] | None = None
        if unit is None or unit_raw in lex.calibre_units:
            noun_span = noun_after(text, end, lex, single=first.value == 1 and second is None)
        if unit is None and noun_span is None:
            return None  # a bare number counts nothing we can name
        if noun_span is not None:
            end = noun_span[1]
        value: float | None = first.value
        low: float | None = None
        high: float | None = None
        if second is not None:
            value, low, high = None, first.value, second.value
            qual = qual or "range"
        elif kind == "low":
            low = first.value
        elif kind == "high":
            high = first.value
        elif kind is None:
            low = high = first.value
        return Quantity(
            text=text[m.start() : end],
            start=m.start(),
            end=end,
            value=value,
            unit=unit,
            low=low,
            high=high,
            qualifier=qual,
            noun=text[noun_span[0] : noun_span[1]] if noun_span else None,
        )
