"""NER label scheme of the shipped pipeline and the mappings into it.

Shipped labels: PERSON, ORG, GPE, LOC, NORP (OntoNotes names, as in spaCy's
own English pipelines). The training corpora use other schemes:

* UNER (EWT): PER / ORG / LOC, and in the draft train file OTH (nationalities,
  religious and political groups -> NORP) plus one spurious ``B-O`` per
  document (-> O, as the final release did);
* GUM: person / organization / place mentions (see ``conllu.gum_named_entities``);
* re3d: Person / Organisation / Location / Nationality.

None of them separates countries, cities and regions (GPE) from other places
(LOC), so :class:`PlaceClassifier` decides from the GeoNames extracts in
shared/data plus a list of words that mark natural features, facilities and
regions. For evaluation against PER/ORG/LOC gold (UNER, CoNLL-2003) the
predictions are mapped back with :data:`EVAL_MAP` (GPE and LOC -> LOC; NORP is
not scored).
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

SHIPPED_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP")

UNER_TO_SHIPPED: dict[str, str] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "OTH": "NORP"}
RE3D_TO_SHIPPED: dict[str, str] = {
    "Person": "PERSON",
    "Organisation": "ORG",
    "Location": "LOC",
    "Nationality": "NORP",
}
# prediction label -> label of the PER/ORG/LOC evaluation scheme (absent: not scored)
EVAL_MAP: dict[str, str] = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}

# Words that make a place name a LOC (feature, facility, region), not a GPE.
LOC_WORDS: frozenset[str] = frozenset(
    [
        "river",
        "rivers",
        "sea",
        "seas",
        "ocean",
        "lake",
        "lakes",
        "mountain",
        "mountains",
        "mount",
        "mt",
        "mt.",
        "valley",
        "desert",
        "island",
        "islands",
        "isle",
        "isles",
        "peninsula",
        "gulf",
        "bay",
        "strait",
        "straits",
        "channel",
        "coast",
        "beach",
        "forest",
        "woods",
        "park",
        "hill",
        "hills",
        "canyon",
        "street",
        "st",
        "st.",
        "avenue",
        "ave",
        "ave.",
        "road",
        "rd",
        "rd.",
        "boulevard",
        "blvd",
        "highway",
        "motorway",
        "bridge",
        "square",
        "airport",
        "airbase",
        "base",
        "hall",
        "centre",
        "center",
        "stadium",
        "hospital",
        "station",
        "port",
        "harbor",
        "harbour",
        "plaza",
        "palace",
        "tower",
        "building",
        "cathedral",
        "church",
        "mosque",
        "temple",
        "museum",
        "restaurant",
        "hotel",
        "mall",
        "market",
        "dam",
        "front",
        "basin",
        "plain",
        "plains",
        "delta",
        "falls",
        "glacier",
        "pass",
        "heights",
        "steppe",
        "reservoir",
        "field",
        "fields",
        "school",
        "university",
        "college",
        "library",
        "prison",
        "camp",
        "zone",
        "corridor",
    ]
)
LOC_REGIONS: frozenset[str] = frozenset(
    s.lower()
    for s in (
        "Europe",
        "Asia",
        "Africa",
        "Antarctica",
        "Arctic",
        "Antarctic",
        "Americas",
        "North America",
        "South America",
        "Latin America",
        "Central America",
        "Middle East",
        "Mideast",
        "Near East",
        "Far East",
        "Balkans",
        "Caucasus",
        "Scandinavia",
        "Siberia",
        "Donbas",
        "Donbass",
        "Sahel",
        "Levant",
        "West Bank",
        "Mediterranean",
        "Atlantic",
        "Pacific",
        "Baltic",
        "Baltics",
        "Eastern Europe",
        "Western Europe",
        "Central Europe",
        "Central Asia",
        "Southeast Asia",
        "South Asia",
        "East Asia",
        "Horn of Africa",
        "Sinai",
        "Eurasia",
        "Oceania",
        "Midwest",
        "the West",
        "West",
        "Persian Gulf",
        "Golan Heights",
        "Kashmir",
        "Patagonia",
        "Amazon",
        "Sahara",
        "Himalayas",
        "Alps",
        "Urals",
        "Polesia",
        "Black Sea",
        "Azov",
    )
)
# Common names of countries that GeoNames' countryInfo does not spell this way.
EXTRA_GPE: frozenset[str] = frozenset(
    s.lower()
    for s in (
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "America",
        "United States of America",
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "Soviet Union",
        "USSR",
        "Kiev",
        "Kyiv",
        "Holland",
        "Burma",
        "Ivory Coast",
        "Czech Republic",
        "Russian Federation",
        "DPRK",
        "North Korea",
        "South Korea",
        "Vatican",
        "Palestine",
        "Gaza",
        "Taiwan",
        "Hong Kong",
        "Crimea",
        "Washington",
        "Moscow",
        "Beijing",
        "Brussels",
        "Kharkiv",
        "Odesa",
        "Odessa",
    )
)


class PlaceClassifier:
    """Decide GPE or LOC for a place name (``__call__(text, wikipedia_title="")``)."""

    def __init__(self, gpe_names: set[str] | frozenset[str]) -> None:
        self.gpe_names = frozenset(n.lower() for n in gpe_names) | EXTRA_GPE

    @classmethod
    def from_shared_data(cls, shared: Path) -> PlaceClassifier:
        geonames = shared / "geonames"
        names: set[str] = set()
        country_file = geonames / "countryInfo.tsv"
        if country_file.is_file():
            with country_file.open(encoding="utf-8") as handle:
                for row in csv.reader(handle, delimiter="\t"):
                    if not row or row[0].startswith("#") or len(row) < 5 or row[0] == "ISO":
                        continue
                    names.add(row[4])
                    if len(row) > 5 and row[5]:
                        names.add(row[5])  # capital
        admin_file = geonames / "admin1CodesASCII.regionInfo.tsv"
        if admin_file.is_file():
            with admin_file.open(encoding="utf-8") as handle:
                for row in csv.reader(handle, delimiter="\t"):
                    if len(row) >= 3:
                        names.update((row[1], row[2]))
        world = geonames / "cities15000_world.txt.gz"
        if world.is_file():
            with gzip.open(world, "rt", encoding="utf-8") as handle:
                for line in handle:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 4:
                        continue
                    names.update((cols[1], cols[2]))
                    for alt in cols[3].split(","):
                        if (
                            alt.isascii()
                            and len(alt) > 3
                            and alt[:1].isupper()
                            and alt.replace(" ", "").isalpha()
                        ):
                            names.add(alt)
        europe = geonames / "cities500_europe.jsonl.gz"
        if europe.is_file():
            with gzip.open(europe, "rt", encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    names.add(record["name"])
        return cls(names)

    def is_gpe_name(self, text: str) -> bool:
        lowered = text.lower().strip()
        if lowered.startswith("the "):
            lowered = lowered[4:]
        return lowered in self.gpe_names and lowered not in LOC_REGIONS

    def __call__(self, text: str, identity: str = "") -> str:
        candidates = [text]
        if identity and identity not in ("_", "sgl", "coref"):
            title = identity.replace("_", " ")
            candidates.append(title.split(",")[0].strip())
        for candidate in candidates:
            lowered = candidate.lower().strip()
            if lowered.startswith("the "):
                lowered = lowered[4:]
            if lowered in LOC_REGIONS:
                return "LOC"
            if any(word in LOC_WORDS for word in lowered.replace("-", " ").split()[1:]) or (
                len(lowered.split()) > 1 and lowered.split()[0] in ("mount", "mt.", "lake", "gulf", "river")
            ):
                return "LOC"
        for candidate in candidates:
            lowered = candidate.lower().strip()
            if lowered in self.gpe_names:
                return "GPE"
        return "GPE"
