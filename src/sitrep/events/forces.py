"""The actor dictionary seen from the events stage: mentions -> named forces and sides.

It reads the dictionary shared with attribution (``data/actors/actors.jsonl``)
and the events stage's own ``forces.jsonl`` (ACLED-style force names such as
"Military Forces of Russia (2000-)"). Every entry's aliases are matched, longest
first, so "Russian Defence Ministry" is one mention (a speaker, not a
belligerent) rather than the demonym "Russian" plus noise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitrep.events.taxonomy import TaxonomyError

# Dictionary categories whose members take part in events as belligerents or perpetrators.
_ACTING = frozenset({"state", "military", "armed_group", "security", "state_forces", "rebel", "police"})
_NON_STATE = frozenset({"armed_group", "rebel"})


@dataclass(frozen=True, slots=True)
class ForceEntry:
    name: str  # dictionary name
    side: str | None
    force: str | None  # ACLED-style force name, None when the entry does not act
    category: str
    acting: bool
    state_name: bool  # the entry is a country: its name may be a location, not an actor

    @property
    def non_state(self) -> bool:
        return self.category in _NON_STATE


@dataclass(frozen=True, slots=True)
class ForceMention:
    text: str
    start: int
    end: int
    entry: ForceEntry
    alias_is_name: bool  # matched the country's own name ("Ukraine"), not a demonym or force


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as exc:
                    raise TaxonomyError(f"bad JSON: {exc}", source=str(path), line=n) from exc
    except OSError as exc:
        raise TaxonomyError(f"cannot read actor dictionary: {exc}", source=str(path)) from exc
    return rows


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


class ForceDictionary:
    """Alias matcher over the shared actor dictionary plus the events stage's forces."""

    def __init__(self, rows: Iterable[dict[str, object]]) -> None:
        self.default_force: dict[str, str] = {}
        self.by_force: dict[str, ForceEntry] = {}
        self._aliases: dict[str, tuple[ForceEntry, bool]] = {}  # folded alias -> entry, is-name
        self._exact: dict[str, tuple[ForceEntry, bool]] = {}  # case-sensitive acronyms
        capitals: set[str] = set()  # capitals that speak for their state ("Kiev forces", "Moscow said")
        pending: list[tuple[dict[str, object], str]] = []
        for row in rows:
            category = str(row.get("category") or "")
            side = row.get("side")
            name = str(row["name"])
            if (
                category in ("state_forces", "rebel")
                and row.get("default_for_side")
                and isinstance(side, str)
            ):
                self.default_force[side] = name
            pending.append((row, category))
            if row.get("metonym_of"):
                capitals.update(n.casefold() for n in (name, *_strings(row.get("aliases"))))
        self.capitals = frozenset(capitals)
        for row, category in pending:
            side_v = row.get("side")
            side = side_v if isinstance(side_v, str) else None
            name = str(row["name"])
            acting = category in _ACTING
            force: str | None = None
            if acting:
                explicit = row.get("force")
                if category in ("state_forces", "rebel"):
                    force = name
                elif isinstance(explicit, str):
                    force = explicit
                elif side is not None:
                    force = self.default_force.get(side)
            entry = ForceEntry(name, side, force, category, acting, category == "state")
            if force is not None and force == name:
                self.by_force[name] = entry
            self._add(name, entry, is_name=category == "state")
            for alias in _strings(row.get("aliases")):
                self._add(alias, entry, is_name=False)
        alternation = sorted(set(self._aliases) | set(self._exact), key=len, reverse=True)
        self._regex = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alternation) + r")(?![\w-])", re.IGNORECASE
        )

    def _add(self, alias: str, entry: ForceEntry, *, is_name: bool) -> None:
        table = self._exact if alias.isupper() and len(alias) <= 5 else self._aliases
        key = alias if table is self._exact else alias.casefold()
        table.setdefault(key, (entry, is_name))

    @classmethod
    def load(cls, *paths: Path) -> ForceDictionary:
        rows: list[dict[str, object]] = []
        for path in paths:
            if path.is_file():
                rows.extend(_read_jsonl(path))
        return cls(rows)

    def side_of_force(self, force_name: str) -> str | None:
        """Side of an ACLED-style actor name: longest dictionary force that prefixes it."""
        best: ForceEntry | None = None
        for name, entry in self.by_force.items():
            if force_name.startswith(name) and (best is None or len(name) > len(best.name)):
                best = entry
        return best.side if best is not None else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[ForceMention]:
        """Acting mentions in ``text[start:end]``; non-acting entries only shadow their substrings."""
        out = []
        for m in self._regex.finditer(text, start, len(text) if end is None else end):
            s = m.group(0)
            hit = self._exact.get(s) or self._aliases.get(s.casefold())
            if hit is None:  # an acronym alias typed in the wrong case ("Naf")
                continue
            entry, is_name = hit
            if entry.acting:
                out.append(ForceMention(s, m.start(), m.end(), entry, is_name))
        return out
