"""A fake gazetteer with a handful of places, so stage tests need no index file."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
import spacy
from spacy.language import Language

from sitrep.gazetteer.index import GazetteerEntry
from sitrep.gazetteer.names import fold, hromada_stem, skeleton
from sitrep.nlp import extensions
from sitrep.stages.places import PlacesComponent


def _e(
    gid: int,
    name: str,
    kind: str,
    cc: str | None,
    code: str | None,
    lat: float,
    lon: float,
    pop: int,
    fcode: str = "PPL",
) -> GazetteerEntry:
    return GazetteerEntry(gid, name, kind, cc, None, code, lat, lon, pop, fcode)


ENTRIES: list[tuple[list[str], GazetteerEntry]] = [
    (["Bakhmut", "Artemivsk"], _e(713174, "Bakhmut", "city", "UA", "UA.05", 48.594, 37.999, 80500)),
    (["Donetsk"], _e(709717, "Donetsk", "city", "UA", "UA.05", 48.023, 37.802, 930000)),
    (["Donetsk"], _e(709716, "Donetsk Oblast", "admin1", "UA", "UA.05", 47.96, 37.68, 4000000, "ADM1")),
    (["Luhansk"], _e(702658, "Luhansk", "city", "UA", "UA.14", 48.567, 39.317, 400000)),
    (["Luhansk"], _e(702657, "Luhansk Oblast", "admin1", "UA", "UA.14", 48.99, 39.02, 2400000, "ADM1")),
    (["Kramatorsk"], _e(704508, "Kramatorsk", "city", "UA", "UA.05", 48.731, 37.568, 150000)),
    (["Sloviansk"], _e(693468, "Sloviansk", "city", "UA", "UA.05", 48.85, 37.597, 105000)),
    (["Sloviansk"], _e(700051, "Nikopol", "city", "UA", "UA.04", 47.567, 34.396, 105160)),
    (["Kyiv", "Kiev"], _e(703448, "Kyiv", "city", "UA", "UA.12", 50.455, 30.524, 2950000, "PPLC")),
    (["Ukraine"], _e(690791, "Ukraine", "country", "UA", None, 49.0, 32.0, 44000000, "PCLI")),
    (["Austin"], _e(4671654, "Austin", "city", "US", "US.TX", 30.267, -97.743, 970000)),
    (["eastern front"], _e(-2, "Eastern front", "region", "UA", None, None, None, 0, "RGN")),  # type: ignore[arg-type]
    (["Canada"], _e(6251999, "Canada", "country", "CA", None, 60.1, -113.6, 37000000, "PCLI")),
    (["Canadian"], _e(4676206, "Canadian", "city", "US", "US.TX", 35.913, -100.382, 2200)),
    (
        ["United States", "US", "U.S."],
        _e(6252001, "United States", "country", "US", None, 39.76, -98.5, 327000000, "PCLI"),
    ),
    (["Texas", "Tex."], _e(4736286, "Texas", "admin1", "US", "US.TX", 31.25, -99.25, 25000000, "ADM1")),
    (["Dallas"], _e(4684888, "Dallas", "city", "US", "US.TX", 32.783, -96.807, 1300000, "PPLA2")),
    (["Paris"], _e(2988507, "Paris", "city", "FR", "FR.11", 48.853, 2.349, 2138551, "PPLC")),
    (["Paris"], _e(4717560, "Paris", "city", "US", "US.TX", 33.661, -95.556, 24782, "PPLA2")),
    (["Huntsville"], _e(4068590, "Huntsville", "city", "US", "US.AL", 34.730, -86.586, 190000, "PPLA2")),
    (["Huntsville"], _e(4696202, "Huntsville", "city", "US", "US.TX", 30.724, -95.551, 40000, "PPLA2")),
    (["Verkhnotoretske"], _e(689900, "Verkhnotoretske", "city", "UA", "UA.05", 48.224, 37.873, 2819)),
    (["Pryiutne"], _e(-3007749, "Pryiutne", "city", "UA", "UA.26", 47.718, 36.483, 0, "PPL~H")),
    (["Pryiutne"], _e(-3007001, "Pryiutne", "city", "UA", "UA.14", 48.9, 38.9, 0, "PPL~H")),
    (
        ["Zaporizhzhia", "Zaporizhia"],
        _e(687699, "Zaporizhzhia Oblast", "admin1", "UA", "UA.26", 47.17, 35.77, 1700000, "ADM1"),
    ),
    (["Ivanivka"], _e(706001, "Ivanivka", "city", "UA", "UA.08", 46.9, 34.0, 2500)),
    (["Ivanivka"], _e(-3030001, "Ivanivka", "city", "UA", "UA.08", 47.461, 33.468, 0, "PPL~H")),
    (["Vysokopilske"], _e(-3030002, "Vysokopilske", "city", "UA", "UA.08", 47.461, 33.468, 0, "PPL~H")),
    (["Wash."], _e(5815135, "Washington", "admin1", "US", "US.WA", 47.5, -120.5, 7000000, "ADM1")),
    (["David"], _e(3712076, "David", "city", "PA", "PA.02", 8.428, -82.433, 82907)),
    (["Keith"], _e(2645298, "Keith", "city", "GB", "GB.SCT", 57.543, -2.953, 4700)),
    (["Sutton"], _e(2636503, "Sutton", "city", "GB", "GB.ENG", 51.365, -0.196, 41483)),
    (
        ["Walker County"],
        _e(-1048471, "Walker County, TX", "admin2", "US", "US.TX", 30.72, -95.55, 40000, "ADM2"),
    ),
]
HROMADAS: dict[str, list[int]] = {hromada_stem("Vysokopilska"): [-3030001, -3030002]}
DEMONYMS: dict[str, str] = {"ukrainian": "UA", "ukrainians": "UA", "canadian": "CA", "canadians": "CA"}


class FakeGazetteer:
    def __init__(self) -> None:
        self.by_key: dict[str, list[GazetteerEntry]] = {}
        for names, entry in ENTRIES:
            for name in names:
                self.by_key.setdefault(fold(name), []).append(entry)

    def candidates(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        return {k: list(self.by_key[k]) for k in keys if k in self.by_key}

    def lookup(self, name: str) -> list[GazetteerEntry]:
        return list(self.by_key.get(fold(name), []))

    def variants(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        out: dict[str, list[GazetteerEntry]] = {}
        for key in keys:
            hits = {
                e.id: e
                for k, entries in self.by_key.items()
                if skeleton(k) == skeleton(key)
                for e in entries
                if e.kind == "city" and e.country == "UA"
            }
            if hits:
                out[key] = list(hits.values())
        return out

    def get(self, geonames_id: int) -> GazetteerEntry | None:
        return next((e for _, e in ENTRIES if e.id == geonames_id), None)

    def admin1_entry(self, code: str) -> GazetteerEntry | None:
        return next((e for _, e in ENTRIES if e.kind == "admin1" and e.admin1_code == code), None)

    def country_entry(self, iso: str) -> GazetteerEntry | None:
        return next((e for _, e in ENTRIES if e.kind == "country" and e.country == iso), None)

    def hromada_members(self, stems: Iterable[str]) -> dict[str, set[int]]:
        return {s: set(HROMADAS[s]) for s in stems if s in HROMADAS}

    def admin1_capital(self, code: str) -> GazetteerEntry | None:
        seats = [e for _, e in ENTRIES if e.admin1_code == code and e.kind == "city" and e.fcode == "PPLA"]
        return max(seats, key=lambda e: e.population, default=None)

    def is_common_word(self, key: str) -> bool:
        return key in {"will", "said", "the", "police", "us", "wash"}

    def demonyms(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        out: dict[str, list[GazetteerEntry]] = {}
        for key in keys:
            country = self.country_entry(DEMONYMS[key]) if key in DEMONYMS else None
            if country is not None:
                out[key] = [country]
        return out


@pytest.fixture()
def nlp() -> Language:
    extensions.register()
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


@pytest.fixture()
def places(nlp: Language) -> PlacesComponent:
    return PlacesComponent(FakeGazetteer())
