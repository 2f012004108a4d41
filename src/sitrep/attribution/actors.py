"""The actor dictionary: who an actor is, which side it belongs to, what ACLED calls its forces.

The data is ``sitrep/data/actors/actors.jsonl`` (shared with the events stage); this
module only indexes it by spelling-variant keys (see :mod:`sitrep.attribution.names`)
and answers look-ups. Construction reads the file, so build one per pipeline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from sitrep.attribution.names import name_key
from sitrep.errors import DataFileError

ACTORS_PACKAGE = "sitrep.data.actors"
ACTORS_FILE = "actors.jsonl"
CONTROL_FILE = "control.tsv"


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    type: str  # PERSON, ORG, GPE
    category: str  # state, city, region, ministry, military, person, alliance, ...
    side: str | None
    aliases: tuple[str, ...] = ()
    force: str | None = None  # ACLED-style name of the armed force, when it is one
    country: str | None = None  # for cities and regions
    capital_of: str | None = None
    metonym_of: str | None = None  # a capital speaking for its state ("Moscow said")
    role: str | None = None


def _actor_from_json(obj: dict[str, object], source: str, line: int) -> Actor:
    try:
        aliases = obj.get("aliases", [])
        if not isinstance(aliases, list):
            raise TypeError("aliases must be a list")

        def opt(key: str) -> str | None:
            value = obj.get(key)
            return str(value) if value is not None else None

        return Actor(
            name=str(obj["name"]),
            type=str(obj["type"]),
            category=str(obj.get("category", "")),
            side=opt("side"),
            aliases=tuple(str(a) for a in aliases),
            force=opt("force"),
            country=opt("country"),
            capital_of=opt("capital_of"),
            metonym_of=opt("metonym_of"),
            role=opt("role"),
        )
    except (KeyError, TypeError) as exc:
        raise DataFileError(f"bad actor record: {exc}", source=source, line=line) from exc


@dataclass(frozen=True, slots=True)
class Control:
    """A period in which a side other than the place's own held it (``control.tsv``)."""

    place: str  # name_key of the place as written
    held_by: str
    start: date
    end: date | None  # first day no longer held; None: still held
    displaced: frozenset[str]  # words naming the displaced side's officials ("mayor")

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def _control_from_tsv(text: str, source: str) -> list[Control]:
    rows: list[Control] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) < 5:
            raise DataFileError(
                f"expected 6 tab-separated columns, got {len(cols)}", source=source, line=number
            )
        place, held_by, start, end, displaced = (c.strip() for c in cols[:5])
        try:
            first = date.fromisoformat(start)
            last = date.fromisoformat(end) if end else None
        except ValueError as exc:
            raise DataFileError(f"bad date: {exc}", source=source, line=number) from exc
        if not place or not held_by or (last is not None and last <= first):
            raise DataFileError(
                "a row needs a place, a holder and a period that ends after it starts",
                source=source,
                line=number,
            )
        words = frozenset(w.strip().lower() for w in displaced.split(",") if w.strip() not in ("", "-"))
        rows.append(Control(name_key(place), held_by, first, last, words))
    return rows


def _read(path: Path | None, packaged: str, what: str) -> tuple[str, str]:
    """The text of ``path``, or of the package's file ``packaged``, and its name for errors."""
    if path is None:
        return resources.files(ACTORS_PACKAGE).joinpath(packaged).read_text(encoding="utf-8"), (
            f"{ACTORS_PACKAGE}/{packaged}"
        )
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise DataFileError(f"cannot read {what}: {exc}", source=str(path)) from exc


def _is_acronym(spelling: str) -> bool:
    letters = spelling.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 3


def _in_capitals(text: str, n: int) -> bool:
    """Whether the last ``n`` words of ``text`` are written in capitals ("the U.N.")."""
    written = text.replace("’s", "").replace("'s", "").split()[-n:]
    return all(w.replace(".", "").isupper() for w in written)


class ActorDictionary:
    """Variant-tolerant look-up of actors by any of their names."""

    def __init__(self, actors: list[Actor], control: list[Control] | None = None) -> None:
        self.actors = tuple(actors)
        self.periods = tuple(control or ())
        self._control: dict[str, tuple[Control, ...]] = {}
        for row in self.periods:
            self._control[row.place] = (*self._control.get(row.place, ()), row)
        self._index: dict[str, Actor] = {}
        # keys spelled only as short acronyms ("UN", "EU", "SBU"): they name the actor only
        # in capitals, never as a word of a name ("Kim Jong Un")
        acronyms: set[str] = set()
        words: set[str] = set()
        for actor in self.actors:
            for spelling in (actor.name, *actor.aliases):
                # The first record to claim a spelling keeps it: the file lists states first.
                key = name_key(spelling)
                self._index.setdefault(key, actor)
                (acronyms if _is_acronym(spelling) else words).add(key)
        self._acronyms = frozenset(acronyms - words)
        self.max_words = max((len(k.split()) for k in self._index), default=1)
        # name_key is the costly part of a look-up and the same words recur in every article
        self._keys: dict[str, str] = {}

    def _key(self, text: str) -> str:
        key = self._keys.get(text)
        if key is None:
            if len(self._keys) > 100_000:
                self._keys.clear()
            key = self._keys[text] = name_key(text)
        return key

    @classmethod
    def load(cls, path: Path | None = None, control: Path | None = None) -> ActorDictionary:
        """The dictionary at ``path`` (default: the package's) with the periods of control
        at ``control`` (default: the package's ``control.tsv``)."""
        control_text, control_source = _read(control, CONTROL_FILE, "control periods")
        periods = _control_from_tsv(control_text, control_source)
        text, source = _read(path, ACTORS_FILE, "actor dictionary")
        actors: list[Actor] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise DataFileError(f"bad JSON: {exc}", source=source, line=number) from exc
            if not isinstance(obj, dict):
                raise DataFileError("expected a JSON object", source=source, line=number)
            actors.append(_actor_from_json(obj, source, number))
        return cls(actors, periods)

    def control(self, place: str) -> tuple[Control, ...]:
        """The periods in which another side held the place named ``place`` (any spelling)."""
        return self._control.get(self._key(place), ())

    def lookup(self, text: str) -> Actor | None:
        """The actor named exactly ``text`` (up to spelling variants and a leading article)."""
        key = self._key(text)
        if key in self._acronyms and not _in_capitals(text, 1):
            return None
        return self._index.get(key)

    def lookup_suffix(self, text: str) -> Actor | None:
        """The actor named by the longest trailing word sequence of ``text``.

        Speaker mentions put modifiers first ("Ukrainian President Volodymyr Zelenskiy's
        office"), so the head and its closest modifiers are at the end.
        """
        words = name_key(text).split()
        for start in range(len(words)):
            key = " ".join(words[start:])
            actor = self._index.get(key)
            if actor is not None and not (
                key in self._acronyms and not _in_capitals(text, len(words) - start)
            ):
                return actor
        return None

    def find_all(self, text: str) -> list[tuple[int, int, Actor]]:
        """Every dictionary name inside ``text`` as (first word, end word, actor), longest first.

        Word positions index ``name_key(text).split()``; matches do not overlap.
        """
        words = name_key(text).split()
        found: list[tuple[int, int, Actor]] = []
        i = 0
        while i < len(words):
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                key = " ".join(words[i : i + n])
                actor = self._index.get(key)
                if actor is None and key.endswith("'s"):
                    actor = self._index.get(key[:-2])
                if actor is not None:
                    found.append((i, i + n, actor))
                    i += n
                    break
            else:
                i += 1
        return found
