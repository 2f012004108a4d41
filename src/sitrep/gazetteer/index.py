"""Read side of the gazetteer: a small Protocol and the SQLite-backed implementation.

The stage depends on :class:`GazetteerLike` only, so tests can hand it a fake
with a dozen entries. The real index is opened lazily on first query, read-only,
and answers batched look-ups of folded names; nothing is loaded into memory up
front, which keeps start-up to a few milliseconds.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sitrep.errors import DataFileError
from sitrep.gazetteer.names import fold, skeleton

DEFAULT_INDEX = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "gazetteer.sqlite"
_CACHE_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place as the gazetteer knows it; ``id`` is the GeoNames id (negative for sitrep's own regions)."""

    id: int
    name: str
    kind: str  # city, admin1, admin2, country, region
    country: str | None
    admin1: str | None
    admin1_code: str | None
    lat: float | None
    lon: float | None
    population: int
    fcode: str

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


class GazetteerLike(Protocol):
    """What the places stage and other consumers need from a gazetteer."""

    def candidates(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        """Entries for each folded key that names at least one place (absent keys are left out)."""
        ...

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every place a name (as written) may refer to, most populous first."""
        ...

    def variants(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        """Towns whose transliteration skeleton equals that of each folded key (absent keys left out).

        A fallback for names no place bears exactly as written ("Verkhnyotoretske"
        for Verkhnotoretske); callers ask only for keys :meth:`candidates` missed.
        """
        ...

    def get(self, geonames_id: int) -> GazetteerEntry | None: ...

    def admin1_entry(self, code: str) -> GazetteerEntry | None:
        """The admin-1 region with GeoNames code ``CC.NN``."""
        ...

    def country_entry(self, iso: str) -> GazetteerEntry | None: ...

    def hromada_members(self, stems: Iterable[str]) -> dict[str, set[int]]:
        """Ids of the villages in each hromada, by :func:`~sitrep.gazetteer.names.hromada_stem`."""
        ...

    def admin1_capital(self, code: str) -> GazetteerEntry | None:
        """The seat of admin-1 region ``CC.NN`` (its GeoNames PPLA town), or None if it has none."""
        ...

    def is_common_word(self, key: str) -> bool:
        """True when the folded key is more often an everyday lower-case English word."""
        ...

    def demonyms(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        """The country (or region) each folded demonym key ("russian", "ukrainians") stands for."""
        ...


_COLUMNS = "p.id, p.name, p.kind, p.country, a.name, p.admin1_code, p.lat, p.lon, p.population, p.fcode"
_FROM = "places p LEFT JOIN admin1 a ON a.code = p.admin1_code"


def _entry(row: Sequence[object]) -> GazetteerEntry:
    gid, name, kind, country, admin1, code, lat, lon, population, fcode = row
    return GazetteerEntry(
        id=int(gid),  # type: ignore[call-overload]
        name=str(name),
        kind=str(kind),
        country=None if country is None else str(country),
        admin1=None if admin1 is None else str(admin1),
        admin1_code=None if code is None else str(code),
        lat=None if lat is None else float(lat),  # type: ignore[arg-type]
        lon=None if lon is None else float(lon),  # type: ignore[arg-type]
        population=int(population),  # type: ignore[call-overload]
        fcode=str(fcode),
    )


class Gazetteer:
    """SQLite gazetteer built by :mod:`sitrep.gazetteer.build`; safe to share between threads."""

    def __init__(self, path: Path | str = DEFAULT_INDEX) -> None:
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._cache: dict[str, list[GazetteerEntry]] = {}
        self._common: dict[str, bool] = {}
        self._variants: dict[str, list[GazetteerEntry]] = {}
        self._demonyms: dict[str, list[GazetteerEntry]] | None = None
        self._admin1: dict[str, GazetteerEntry] | None = None
        self._countries: dict[str, GazetteerEntry] | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            if not self.path.is_file():
                raise DataFileError(
                    "gazetteer index missing; run `python -m sitrep.gazetteer.build`", source=str(self.path)
                )
            uri = f"file:{self.path}?mode=ro&immutable=1"
            try:
                db = sqlite3.connect(uri, uri=True, check_same_thread=False)
                db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            except sqlite3.DatabaseError as exc:
                raise DataFileError(f"gazetteer index unreadable: {exc}", source=str(self.path)) from exc
            self._db = db
        return self._db

    def open(self) -> Gazetteer:
        """Open the index now (it is otherwise opened on first use) and return self."""
        with self._lock:
            self._connect()
        return self

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _keyed(
        self, table: str, keys: Iterable[str], cache: dict[str, list[GazetteerEntry]]
    ) -> dict[str, list[GazetteerEntry]]:
        """Entries under each key of a (key, id) table, most populous first, through ``cache``.

        A table the index lacks (one built before it existed) answers nothing.
        """
        wanted = {k for k in keys if k}
        out: dict[str, list[GazetteerEntry]] = {}
        missing = []
        for key in wanted:
            hit = cache.get(key)
            if hit is None:
                missing.append(key)
            elif hit:
                out[key] = hit
        if missing:
            found: dict[str, list[GazetteerEntry]] = {k: [] for k in missing}
            with self._lock:
                db = self._connect()
                for chunk_start in range(0, len(missing), 500):
                    chunk = missing[chunk_start : chunk_start + 500]
                    marks = ",".join("?" * len(chunk))
                    try:
                        rows = db.execute(
                            f"SELECT n.key, {_COLUMNS} FROM {table} n JOIN places p ON p.id = n.id "
                            "LEFT JOIN admin1 a ON a.code = p.admin1_code "
                            f"WHERE n.key IN ({marks})",
                            chunk,
                        ).fetchall()
                    except sqlite3.OperationalError:
                        if table == "names":
                            raise
                        rows = []
                    for row in rows:
                        found[str(row[0])].append(_entry(row[1:]))
                if len(cache) > _CACHE_LIMIT:
                    cache.clear()
                for key, entries in found.items():
                    entries.sort(key=lambda e: -e.population)
                    cache[key] = entries
                    if entries:
                        out[key] = entries
        return out

    def candidates(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        return self._keyed("names", keys, self._cache)

    def variants(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        by_skeleton: dict[str, set[str]] = {}
        for key in keys:
            if key:
                by_skeleton.setdefault(skeleton(key), set()).add(key)
        found = self._keyed("skeletons", by_skeleton, self._variants)
        out: dict[str, list[GazetteerEntry]] = {}
        for skel, written in by_skeleton.items():
            entries = found.get(skel)
            if entries:
                for key in written:
                    out[key] = list(entries)
        return out

    def lookup(self, name: str) -> list[GazetteerEntry]:
        key = fold(name)
        return self.candidates([key]).get(key, [])

    def get(self, geonames_id: int) -> GazetteerEntry | None:
        with self._lock:
            row = (
                self._connect()
                .execute(f"SELECT {_COLUMNS} FROM {_FROM} WHERE p.id = ?", (geonames_id,))
                .fetchone()
            )
        return None if row is None else _entry(row)

    def _load_tables(self) -> tuple[dict[str, GazetteerEntry], dict[str, GazetteerEntry]]:
        if self._admin1 is None or self._countries is None:
            with self._lock:
                rows = (
                    self._connect()
                    .execute(f"SELECT {_COLUMNS} FROM {_FROM} WHERE p.kind IN ('admin1', 'country')")
                    .fetchall()
                )
            entries = [_entry(r) for r in rows]
            self._admin1 = {e.admin1_code: e for e in entries if e.kind == "admin1" and e.admin1_code}
            self._countries = {e.country: e for e in entries if e.kind == "country" and e.country}
        return self._admin1, self._countries

    def admin1_entry(self, code: str) -> GazetteerEntry | None:
        return self._load_tables()[0].get(code)

    def country_entry(self, iso: str) -> GazetteerEntry | None:
        return self._load_tables()[1].get(iso)

    def hromada_members(self, stems: Iterable[str]) -> dict[str, set[int]]:
        wanted = sorted({s for s in stems if s})
        out: dict[str, set[int]] = {}
        if not wanted:
            return out
        marks = ",".join("?" * len(wanted))
        with self._lock:
            try:
                rows = (
                    self._connect()
                    .execute(f"SELECT stem, id FROM hromadas WHERE stem IN ({marks})", wanted)
                    .fetchall()
                )
            except sqlite3.OperationalError:
                rows = []  # an index built before hromadas were stored
        for stem, gid in rows:
            out.setdefault(str(stem), set()).add(int(gid))
        return out

    def admin1_capital(self, code: str) -> GazetteerEntry | None:
        with self._lock:
            row = (
                self._connect()
                .execute(
                    f"SELECT {_COLUMNS} FROM {_FROM} WHERE p.admin1_code = ? AND p.kind = 'city' "
                    "AND p.fcode = 'PPLA' ORDER BY p.population DESC LIMIT 1",
                    (code,),
                )
                .fetchone()
            )
        return None if row is None else _entry(row)

    def is_common_word(self, key: str) -> bool:
        hit = self._common.get(key)
        if hit is None:
            with self._lock:
                row = self._connect().execute("SELECT 1 FROM common WHERE key = ?", (key,)).fetchone()
            hit = row is not None
            self._common[key] = hit
        return hit

    def demonyms(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        if self._demonyms is None:
            with self._lock:
                rows = (
                    self._connect()
                    .execute(
                        f"SELECT d.key, {_COLUMNS} FROM demonyms d JOIN places p ON p.id = d.id "
                        "LEFT JOIN admin1 a ON a.code = p.admin1_code"
                    )
                    .fetchall()
                )
            table: dict[str, list[GazetteerEntry]] = {}
            for row in rows:
                table.setdefault(str(row[0]), []).append(_entry(row[1:]))
            self._demonyms = table
        return {k: list(self._demonyms[k]) for k in keys if k in self._demonyms}
