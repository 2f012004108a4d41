"""Trigger and modality lexicons, compiled once from ``data/events``.

Every pattern is wrapped in the same word-boundary guard so that lexicon authors
write plain phrases ("shot down", "air ?strikes?") and never think about
boundaries; compilation happens when the component is built, not at import.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sitrep.events.taxonomy import Taxonomy, TaxonomyError

TriggerRole = Literal["action", "generic", "territory", "cue"]
_ROLES: frozenset[str] = frozenset({"action", "generic", "territory", "cue"})
_SCOPES: frozenset[str] = frozenset({"before", "after"})


def bounded(pattern: str, *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile ``pattern`` so that it only matches whole words (hyphens count as word characters)."""
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", flags)


def _rows(path: Path, width: int) -> list[list[str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise TaxonomyError(f"cannot read lexicon: {exc}", source=str(path)) from exc
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != width:
            raise TaxonomyError(f"expected {width} tab-separated fields", source=str(path), line=n)
        rows.append([c.strip() for c in cells])
    return rows


@dataclass(frozen=True, slots=True)
class TriggerRule:
    regex: re.Pattern[str]
    event_type: str
    sub_type: str
    weight: int
    role: TriggerRole
    family: str


@dataclass(frozen=True, slots=True)
class ModalityRule:
    regex: re.Pattern[str]
    scope: Literal["before", "after"]
    kind: str


@dataclass(frozen=True, slots=True)
class InfinitiveRules:
    factive_governors: frozenset[str]
    fixed_phrases: tuple[str, ...]
    not_verbs: frozenset[str]


def load_triggers(path: Path, taxonomy: Taxonomy) -> tuple[TriggerRule, ...]:
    rules = []
    for pattern, sub_type, weight, role, family in _rows(path, 5):
        if role not in _ROLES:
            raise TaxonomyError(f"unknown trigger role {role!r}", source=str(path))
        try:
            regex = bounded(pattern)
            rules.append(
                TriggerRule(regex, taxonomy.type_of(sub_type), sub_type, int(weight), role, family)  # type: ignore[arg-type]
            )
        except (re.error, ValueError) as exc:
            raise TaxonomyError(f"bad trigger row {pattern!r}: {exc}", source=str(path)) from exc
    return tuple(rules)


def load_modality(path: Path) -> tuple[ModalityRule, ...]:
    rules = []
    for pattern, scope, kind in _rows(path, 3):
        if scope not in _SCOPES:
            raise TaxonomyError(f"unknown modality scope {scope!r}", source=str(path))
        try:
            rules.append(ModalityRule(bounded(pattern), scope, kind))  # type: ignore[arg-type]
        except re.error as exc:
            raise TaxonomyError(f"bad modality pattern {pattern!r}: {exc}", source=str(path)) from exc
    return tuple(rules)


def load_infinitives(path: Path) -> InfinitiveRules:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return InfinitiveRules(
            frozenset(w.lower() for w in raw["factive_governors"]),
            tuple(p.lower() for p in raw["fixed_phrases"]),
            frozenset(w.lower() for w in raw["not_verbs"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TaxonomyError(f"cannot read infinitive rules: {exc}", source=str(path)) from exc


@dataclass(frozen=True, slots=True)
class PrecedenceRule:
    """Drop events of ``drop`` (a type or sub-type) when ``keep`` is coded in the same sentence."""

    keep: str
    drop: str
    only_if_stronger: bool = False


def load_precedence(path: Path, taxonomy: Taxonomy) -> tuple[PrecedenceRule, ...]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        rules = tuple(
            PrecedenceRule(str(r["keep"]), str(r["drop"]), bool(r.get("only_if_stronger", False)))
            for r in raw["rules"]
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise TaxonomyError(f"cannot read precedence rules: {exc}", source=str(path)) from exc
    known = set(taxonomy.event_types) | set(taxonomy.sub_types)
    for r in rules:
        for name in (r.keep, r.drop):
            if name not in known:
                raise TaxonomyError(f"precedence rule names unknown type {name!r}", source=str(path))
    return rules


def load_unarmed_target(path: Path, taxonomy: Taxonomy) -> str:
    """The sub-type a 'battle' becomes when no armed group is named and the target is unarmed."""
    try:
        name = str(json.loads(path.read_text(encoding="utf-8"))["unarmed_target"]["sub_event_type"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TaxonomyError(f"cannot read the unarmed-target rule: {exc}", source=str(path)) from exc
    taxonomy.type_of(name)  # raises on an unknown sub-type
    return name


def load_opponents(path: Path) -> dict[str, str]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in raw["opponents"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise TaxonomyError(f"cannot read conflict dyads: {exc}", source=str(path)) from exc
