"""Resolution against the real packaged index: cases the fake gazetteer cannot show."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.gazetteer.distance import haversine_km
from sitrep.gazetteer.index import DEFAULT_INDEX, Gazetteer
from sitrep.records import Place
from sitrep.stages.places import PlacesComponent

pytestmark = pytest.mark.skipif(not DEFAULT_INDEX.is_file(), reason="gazetteer index not built")


@pytest.fixture(scope="module")
def real_places() -> PlacesComponent:
    return PlacesComponent(Gazetteer())


def found(nlp: Language, places: PlacesComponent, text: str) -> dict[str, Place]:
    return {p.mention: p for p in places.find(nlp(text))}


def test_british_counties_are_indexed_at_their_county_towns_area() -> None:
    gazetteer = Gazetteer()
    kent = next(e for e in gazetteer.lookup("Kent") if e.country == "GB")
    assert kent.kind == "admin2" and kent.admin1_code == "GB.ENG"
    assert haversine_km(kent.lat, kent.lon, 51.27, 0.52) < 60  # type: ignore[arg-type]  # Maidstone
    cork = next(e for e in gazetteer.lookup("County Cork") if e.kind == "admin2")
    assert cork.country == "IE"
    assert any(e.kind == "admin2" and e.admin1_code == "GB.SCT" for e in gazetteer.lookup("Fife"))


def test_bare_county_names_follow_the_article(nlp: Language, real_places: PlacesComponent) -> None:
    british = found(
        nlp,
        real_places,
        "The championship visits Brands Hatch in Kent, Oulton Park in Cheshire and Snetterton in Norfolk.",
    )
    for name in ("Kent", "Cheshire", "Norfolk"):
        assert british[name].country == "GB", name
        assert (british[name].kind, british[name].precision) == ("region", "admin2"), name
    american = found(
        nlp, real_places, "Police in Seattle and Tacoma said the suspect was arrested in Kent on Monday."
    )
    assert american["Kent"].country == "US" and american["Kent"].kind == "city"


def test_the_eu_acronym_is_the_union_at_its_geographic_centre(
    nlp: Language, real_places: PlacesComponent
) -> None:
    places = found(nlp, real_places, "The Commission and EU member states agreed on the plan.")
    eu = places["EU"]
    assert eu.name == "European Union" and eu.lat is not None and eu.lon is not None
    assert haversine_km(eu.lat, eu.lon, 49.84, 9.90) < 10  # Gadheim, Bavaria (IGN, after 2020)
    assert eu.precision == "supranational"  # larger than a country: never an event's location
    # other acronyms still name institutions, not the towns they spell
    assert "UN" not in found(nlp, real_places, "The UN said aid would reach Kherson.")


def test_a_demonym_beats_a_pointless_namesake_region(nlp: Language) -> None:
    # GeoNames has a parish "German" on the Isle of Man (no point) and San Germán matches "German"
    places = PlacesComponent(Gazetteer(), demonyms=True)
    got = found(nlp, places, "The city drew German, Irish and other immigrant populations.")
    assert got["German"].country == "DE" and got["German"].kind == "country"


def test_a_small_town_listed_beside_a_region_is_the_region(
    nlp: Language, real_places: PlacesComponent
) -> None:
    got = found(nlp, real_places, "The number of officers in England and Wales has fallen, police say.")
    assert (got["Wales"].kind, got["Wales"].name) == ("admin1", "Wales")
    cities = found(nlp, real_places, "Flights from New York and Washington were cancelled.")
    assert cities["Washington"].kind == "city" and cities["Washington"].country == "US"


def test_oceans_seas_and_world_regions_are_not_the_towns_named_after_them(nlp: Language) -> None:
    places = PlacesComponent(Gazetteer(), demonyms=True)
    got = found(nlp, places, "El Nino warms the eastern Pacific, and storms cross the Mediterranean.")
    assert got["Pacific"].name == "Pacific Ocean" and got["Mediterranean"].name == "Mediterranean Sea"
    got = found(
        nlp, places, "Since the Arab Spring, North Africa has changed, say Central American migrants."
    )
    assert got["North Africa"].name == "North Africa"  # not the continent
    assert got["Central American"].name == "Central America"  # not "American", the United States
    assert got["Arab"].name == "Arab world"  # not Arab, Alabama


def test_a_capitalised_word_before_a_city_of_several_words_is_no_first_name(
    nlp: Language, real_places: PlacesComponent
) -> None:
    got = found(nlp, real_places, "Beyond the wine, Epicurean Santa Barbara is about making connections.")
    assert got["Santa Barbara"].country == "US"
    # a one-word name after a capitalised word is still a surname ("Lloyd Austin")
    assert "Austin" not in found(nlp, real_places, "Secretary Lloyd Austin said aid would reach Kyiv.")


def test_a_name_after_a_nobiliary_particle_is_a_surname(nlp: Language, real_places: PlacesComponent) -> None:
    text = "The land belonged to Philippe de Marigny, who sold it. Marigny later moved to Rio de Janeiro."
    got = found(nlp, real_places, text)
    assert "Marigny" not in got
    assert got["Rio de Janeiro"].country == "BR"


def test_a_feature_head_word_alone_is_no_town(nlp: Language, real_places: PlacesComponent) -> None:
    # GeoNames lists "Faubourg" as an alternate name of Faubourg Blanchot, New Caledonia
    got = places_named(nlp, real_places, "The street was first called Faubourg D'Aunoy by the planters.")
    assert "Faubourg Blanchot" not in got


def places_named(nlp: Language, places: PlacesComponent, text: str) -> set[str]:
    return {p.name for p in places.find(nlp(text))}


def test_long_official_names_and_named_deltas(nlp: Language, real_places: PlacesComponent) -> None:
    got = found(
        nlp,
        real_places,
        "Talks with the Democratic People's Republic of Korea and unrest in the Niger Delta.",
    )
    assert got["Democratic People's Republic of Korea"].country == "KP"  # not "Republic of Korea" inside it
    assert got["Niger Delta"].name == "Niger Delta" and got["Niger Delta"].country == "NG"


def test_a_bare_name_follows_the_county_the_article_names(
    nlp: Language, real_places: PlacesComponent
) -> None:
    text = "Suffolk County detectives searched the house in Southold, the Suffolk Times reported."
    got = found(nlp, real_places, text)
    assert got["Suffolk County"].name == "Suffolk County, NY"
    assert got["Suffolk"].name == "Suffolk County, NY"  # not Suffolk, Virginia, nor the English county


def test_an_everyday_word_inside_a_sentence_may_be_a_big_city(
    nlp: Language, real_places: PlacesComponent
) -> None:
    got = found(nlp, real_places, "Last week a Cork mother said she was terrified.")
    assert got["Cork"].country == "IE"
    assert "Reading" not in found(nlp, real_places, "Reading the report, officials in Kyiv said little.")


def test_a_state_named_among_its_sibling_states_is_not_the_country(
    nlp: Language, real_places: PlacesComponent
) -> None:
    text = "Teams from Alaska, Hawaii and Florida trained with the Georgia National Guard."
    assert found(nlp, real_places, text)["Georgia"].country == "US"
    assert (
        found(nlp, real_places, "Georgia held elections, officials in Tbilisi said.")["Georgia"].country
        == "GE"
    )
    # a capital keeps its reading amid states ("Washington" amid Alaska, Hawaii and Florida)
    text = "Officials in Washington met governors of Alaska, Hawaii and Florida."
    assert found(nlp, real_places, text)["Washington"].kind == "city"


def test_a_demonym_in_a_capitals_headline(nlp: Language) -> None:
    places = PlacesComponent(Gazetteer(), demonyms=True)
    got = found(nlp, places, "KAZAKH OIL EXPORTS RISE. Exports grew in March.")
    assert got["KAZAKH"].country == "KZ" and got["KAZAKH"].kind == "country"  # not Petropavl


def test_regional_demonyms_and_the_islamic_republic(nlp: Language) -> None:
    places = PlacesComponent(Gazetteer(), demonyms=True)
    got = found(nlp, places, "Sicilian lemons, a Siberian chill and the end of Austro-Hungarian rule.")
    assert (got["Sicilian"].kind, got["Sicilian"].name) == ("admin1", "Sicily")
    assert got["Siberian"].country == "RU" and got["Austro"].country == "AT"
    got = found(
        nlp, places, "The Islamic Republic's exports rose, unlike those of the Islamic Republic of Pakistan."
    )
    assert got["Islamic Republic"].country == "IR"
    assert got["Islamic Republic of Pakistan"].country == "PK"


def test_a_building_word_before_a_town_makes_a_feature_not_a_surname(
    nlp: Language, real_places: PlacesComponent
) -> None:
    text = "Audits will cover Cavan Institute; Courthouse Ballyjamesduff; Percy French Hotel, Ballyjamesduff."
    places = real_places.find(nlp(text))
    court = next(p for p in places if p.name == "Courthouse Ballyjamesduff")
    assert court.kind == "feature" and court.country == "IE"
    assert any(p.name == "Ballyjamesduff" and p.kind == "city" and p.country == "IE" for p in places)


def test_countries_with_far_islands_keep_their_point_on_the_mainland() -> None:
    gazetteer = Gazetteer()
    for iso, lat, lon in (("PT", 39.5, -8.0), ("MY", 2.5, 112.5), ("EC", -2.0, -77.5), ("GQ", 2.0, 10.0)):
        country = gazetteer.country_entry(iso)
        assert country is not None and country.lat is not None and country.lon is not None
        assert haversine_km(country.lat, country.lon, lat, lon) < 25, iso  # CIA World Factbook
