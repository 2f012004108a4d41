"""ACLED's event types and sub-types, read from ``data/events/taxonomy.json``.

The taxonomy is data so that adding a sub-type (ACLED revises its codebook) is an
edit to a JSON file; code only asks which type a sub-type belongs to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import SitrepError


class TaxonomyError(SitrepError):
    """A data file of the events stage is malformed; the stage cannot run."""

    code = "S610"


@dataclass(frozen=True, slots=True)
class SubEventType:
    name: str
    event_type: str
    definition: str


@dataclass(frozen=True, slots=True)
class Taxonomy:
    event_types: tuple[str, ...]
    definitions: dict[str, str]  # event type -> definition
    sub_types: dict[str, SubEventType]  # sub-type name -> record

    def type_of(self, sub_type: str) -> str:
        try:
            return self.sub_types[sub_type].event_type
        except KeyError:
            raise TaxonomyError(f"unknown ACLED sub-event type {sub_type!r}") from None

    @classmethod
    def load(cls, path: Path) -> Taxonomy:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            types: list[str] = []
            definitions: dict[str, str] = {}
            subs: dict[str, SubEventType] = {}
            for et in raw["event_types"]:
                name = str(et["name"])
                types.append(name)
                definitions[name] = str(et["definition"])
                for st in et["sub_event_types"]:
                    sub = SubEventType(str(st["name"]), name, str(st["definition"]))
                    if sub.name in subs:
                        raise TaxonomyError(f"sub-event type {sub.name!r} listed twice", source=str(path))
                    subs[sub.name] = sub
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise TaxonomyError(f"cannot read taxonomy: {exc}", source=str(path)) from exc
        return cls(tuple(types), definitions, subs)
