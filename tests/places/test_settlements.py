"""Villages GeoNames lacks, placed at their hromada's middle (sitrep.gazetteer.settlements)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.gazetteer import settlements
from sitrep.gazetteer.distance import haversine_km
from sitrep.gazetteer.index import Gazetteer
from sitrep.gazetteer.settlements import APPROXIMATE_FCODES, DATA_FILE, locate, read, transliterate


@pytest.mark.parametrize(
    ("ukrainian", "official", "legacy"),
    [
        ("Новомихайлівка", "Novomykhailivka", "Novomykhaylivka"),
        ("Кам'янка", "Kamianka", "Kamyanka"),
        ("Єнакієве", "Yenakiieve", "Yenakiyeve"),
        ("Згурівка", "Zghurivka", "Zhurivka"),  # the official system keeps "зг" apart from "ж"
        ("Їжакевичі", "Yizhakevychi", "Yizhakevychi"),
        ("Кліщіївка", "Klishchiivka", "Klishchiyivka"),
        ("Часів Яр", "Chasiv Yar", "Chasiv Yar"),
        ("Велика Новосілка", "Velyka Novosilka", "Velyka Novosilka"),
    ],
)
def test_transliteration_official_and_legacy(ukrainian: str, official: str, legacy: str) -> None:
    assert transliterate(ukrainian) == official
    assert transliterate(ukrainian, legacy=True) == legacy


def _rows() -> tuple[list[tuple[str, str, str, str, str]], dict[str, list[tuple[str, float, float]]]]:
    # oblast O1 = GeoNames UA.05; hromada H1 has three places GeoNames knows and one it lacks;
    # H2 is in the same raion (KATOTTG codes nest: "UA0510" is the raion of both), H3 in another
    h1, h2, h3 = "UA05100010000001", "UA05100020000002", "UA05200010000003"
    rows = [
        ("O1", h1, "S1", "M", "Альфа"),
        ("O1", h1, "S2", "C", "Бета"),
        ("O1", h1, "S3", "C", "Гамма"),
        ("O1", h1, "S4", "C", "Дельта"),  # unknown to GeoNames
        ("O1", h2, "S5", "C", "Бета"),  # a namesake in another hromada: never used to place H1 or H2
        ("O1", h2, "S6", "C", "Епсилон"),  # H2 has no unambiguous known place: placed by its raion
        ("O1", h3, "S7", "C", "Дзета"),  # nothing known in its hromada or raion: left out
    ]
    known = {
        "Альфа": [("UA.05", 48.0, 37.0)],
        "Бета": [("UA.05", 48.2, 37.2)],
        "Гамма": [("UA.05", 48.1, 37.4)],
        "Дельта": [("UA.14", 49.0, 39.0)],  # same name in another oblast does not count
    }
    return rows, known


def test_locate_places_missing_villages_at_their_hromadas_middle() -> None:
    rows, known = _rows()
    found = {s.code: s for s in locate(rows, {rows[0][1]: "Альфівська"}, known)}
    # S1, S3 are in GeoNames; S2's and S5's namesake lies 17 km from the middle; S7 cannot be placed
    assert set(found) == {"S4", "S6"}
    delta = found["S4"]
    assert (delta.name, delta.admin1_code, delta.hromada, delta.category) == (
        "Delta",
        "UA.05",
        "Alfivska",
        "C",
    )
    assert (delta.lat, delta.lon) == (48.05, 37.2)  # median of Альфа and Гамма (Бета is ambiguous)
    assert (delta.located_by, delta.fcode) == ("hromada", "PPL~H")
    epsilon = found["S6"]
    assert (epsilon.lat, epsilon.lon, epsilon.located_by, epsilon.fcode) == (48.05, 37.2, "raion", "PPL~R")


def test_read_names_the_damaged_file(tmp_path: Path) -> None:
    bad = tmp_path / "ua_settlements.tsv"
    bad.write_text("katottg\tname\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unexpected header") as err:
        read(bad)
    assert str(bad) in str(err.value.source)
    header = "\t".join(settlements._HEADER) + "\n"
    bad.write_text(header + "UA1\tА\tA\tUA.05\tH\tC\tnorth\t37.0\thromada\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2"):
        read(bad)
    bad.write_text(header + "UA1\tА\tA\tUA.05\tH\tC\t48.1\t37.0\toblast\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="located_by"):
        read(bad)
    with pytest.raises(DataFileError):
        read(tmp_path / "absent.tsv")


def test_shipped_settlements_are_in_ukraine() -> None:
    rows = read(DATA_FILE)
    assert len(rows) > 20_000
    assert all(44.0 < s.lat < 52.5 and 22.0 < s.lon < 40.5 for s in rows)
    assert all(s.admin1_code.startswith("UA.") for s in rows)


def test_front_line_village_is_in_the_index_near_the_real_place() -> None:
    # Klishchiivka (about 48.53 N, 37.96 E, south of Bakhmut) has fewer than 500 people:
    # it is in no GeoNames file sitrep uses
    found = [e for e in Gazetteer().lookup("Klishchiivka") if e.fcode in APPROXIMATE_FCODES]
    assert len(found) == 1
    village = found[0]
    assert (village.country, village.admin1_code) == ("UA", "UA.05")
    assert village.lat is not None and village.lon is not None
    assert haversine_km(48.53, 37.96, village.lat, village.lon) < 25


def test_village_through_the_default_pipeline_is_approximate_and_event_is_near() -> None:
    from sitrep.analysis import Analyzer
    from sitrep.records import Article

    text = (
        "Russian forces shelled Klishchiivka, Donetsk region, on Tuesday, the Ukrainian military said. "
        "A woman was wounded."
    )
    result = Analyzer().analyze(Article.from_text(text, published="2023-06-14"))
    places = {p.mention: p for p in result.places}
    assert places["Klishchiivka"].precision == "hromada"
    assert places["Klishchiivka"].geonames_id is None  # not a GeoNames place: no id pretends to be one
    shelling = [
        e for e in result.events if e.place is not None and result.places[e.place].name == "Klishchiivka"
    ]
    assert shelling and shelling[0].geo_precision == 2  # ACLED's "near": the point is the hromada's


def test_village_named_like_a_first_name_is_a_place_only_after_a_locative() -> None:
    from sitrep.analysis import Analyzer
    from sitrep.records import Article

    analyzer = Analyzer()
    person = analyzer.analyze(Article.from_text("Nataliia said the talks would resume in Kyiv."))
    assert [p.mention for p in person.places] == ["Kyiv"]
    village = analyzer.analyze(Article.from_text("Shells hit homes in Nataliia, Zhytomyr region."))
    assert "Nataliia" in [p.mention for p in village.places]
