from __future__ import annotations

import time

import pytest

from sitrep.gazetteer.distance import haversine_km, offset_point
from sitrep.gazetteer.index import DEFAULT_INDEX, Gazetteer
from sitrep.gazetteer.names import fold, hromada_stem, skeleton


def test_fold_evens_out_transliteration_habits() -> None:
    assert fold("Kharkivs’ka Oblast’") == fold("Kharkivs'ka oblast") == "kharkivska oblast"
    assert fold("Zaporizhzhia") != fold("Zaporizhia")
    assert fold("U.S.") == "us"
    assert fold("Ivano-Frankivsk") == "ivano frankivsk"


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("Verkhnyotoretske", "Verkhnotoretske"),
        ("Priyutne", "Pryiutne"),
        ("Zahoruykivka", "Zahoruikivka"),
        ("Verkhnyokamianka", "Verkhnokamianka"),
        ("Lemischyne", "Lemishchyne"),
        ("Marchyhina Buda", "Marchykhyna Buda"),
        ("Pobieda", "Pobyeda"),
        ("Netaylove", "Netailove"),
        ("Mayorsk", "Maiorsk"),
    ],
)
def test_skeleton_joins_transliterations_of_one_name(written: str, official: str) -> None:
    assert fold(written) != fold(official)
    assert skeleton(fold(written)) == skeleton(fold(official))


def test_skeleton_keeps_different_names_apart() -> None:
    for a, b in [("Kiev", "Kyiv"), ("Balta", "Bolta"), ("Kherson", "Khersones"), ("Izium", "Izmail")]:
        assert skeleton(fold(a)) != skeleton(fold(b))


def test_hromada_stem_joins_the_adjective_and_the_town_form() -> None:
    assert hromada_stem("Tiahynka") == hromada_stem("Tiahynska")
    assert hromada_stem("Vysokopilske") == hromada_stem("Vysokopilska")
    assert hromada_stem("Bilopillia") == hromada_stem("Bilopilska")
    assert hromada_stem("Tiahynska") != hromada_stem("Vysokopilska")


def test_haversine_and_offset_agree() -> None:
    assert haversine_km(50.45, 30.52, 50.85, 4.35) == pytest.approx(1838, rel=0.01)  # Kyiv - Brussels
    lat, lon = offset_point(48.59, 38.0, 150, 225)
    assert haversine_km(48.59, 38.0, lat, lon) == pytest.approx(150, rel=1e-6)
    assert lat < 48.59 and lon < 38.0


needs_index = pytest.mark.skipif(not DEFAULT_INDEX.is_file(), reason="gazetteer index not built")


@needs_index
def test_real_index_opens_fast_and_knows_war_names() -> None:
    t0 = time.perf_counter()
    gazetteer = Gazetteer().open()
    assert time.perf_counter() - t0 < 1.0
    assert gazetteer.lookup("Artemivsk")[0].id == 713174 or any(
        e.name == "Bakhmut" for e in gazetteer.lookup("Artemivsk")
    )
    assert any(e.kind == "admin1" and e.name == "Luhansk Oblast" for e in gazetteer.lookup("Luhansk"))
    assert gazetteer.country_entry("UA") is not None
    kyiv = gazetteer.get(703448)
    assert kyiv is not None and kyiv.country == "UA"


@needs_index
def test_real_index_has_demonyms_counties_and_state_abbreviations() -> None:
    gazetteer = Gazetteer()
    found = gazetteer.demonyms(["russian", "ukrainians", "european", "kiev"])
    assert [e.name for e in found["russian"]] == ["Russia"]
    assert [e.country for e in found["ukrainians"]] == ["UA"]
    assert found["european"][0].fcode == "CONT"
    assert "kiev" not in found  # a place name, not a demonym
    assert not any(e.kind == "country" for e in gazetteer.lookup("Russian"))  # demonyms stay out of names
    county = next(e for e in gazetteer.lookup("Walker County") if e.admin1_code == "US.TX")
    assert county.kind == "admin2" and county.lat is not None
    assert haversine_km(county.lat, county.lon, 30.72, -95.55) < 40  # type: ignore[arg-type]
    assert any(e.admin1_code == "US.WV" for e in gazetteer.lookup("W.Va."))
    bc = gazetteer.admin1_entry("CA.02")
    assert bc is not None and haversine_km(bc.lat, bc.lon, 54.0, -125.0) < 50  # type: ignore[arg-type]


def test_real_index_has_hand_written_regions_with_and_without_points() -> None:
    gazetteer = Gazetteer()
    [darfur] = gazetteer.lookup("Darfur")
    assert darfur.kind == "region" and darfur.country == "SD"
    assert haversine_km(darfur.lat, darfur.lon, 13.0, 25.0) < 1  # type: ignore[arg-type]
    front = next(e for e in gazetteer.lookup("eastern front") if e.kind == "region")
    assert front.lat is None  # a front has no honest single point


def test_real_index_reads_sa_as_south_africa() -> None:
    # South African English writes the country as "SA" ("post-apartheid SA"); no other SA is indexed
    assert [(e.kind, e.country) for e in Gazetteer().lookup("SA")] == [("country", "ZA")]


@needs_index
def test_real_index_finds_towns_by_their_transliteration_skeleton() -> None:
    gazetteer = Gazetteer()
    assert gazetteer.lookup("Verkhnyotoretske") == []
    found = gazetteer.variants(["verkhnyotoretske", "marchyhina buda", "zzzzzzzz"])
    assert 689900 in [e.id for e in found["verkhnyotoretske"]]
    assert [(e.name, e.admin1_code) for e in found["marchyhina buda"]] == [("Marchykhyna Buda", "UA.21")]
    assert "zzzzzzzz" not in found
    # towns outside Ukraine, Russia and Belarus get no skeleton key
    assert all(e.country in ("UA", "RU", "BY") for e in gazetteer.variants(["parris"]).get("parris", []))


@needs_index
def test_real_index_knows_the_hromada_of_ukrainian_villages() -> None:
    gazetteer = Gazetteer()
    stem = hromada_stem("Tiahynka")
    members = gazetteer.hromada_members([stem, "zzzz"])[stem]
    mykolaivkas = [e for e in gazetteer.lookup("Mykolaivka") if e.id in members]
    assert [e.admin1_code for e in mykolaivkas] == ["UA.08"]
