from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from sitrep.records import Place
from sitrep.stages.places import PlacesComponent


def run(nlp: Language, places: PlacesComponent, text: str) -> list[Place]:
    return places.find(nlp(text))


def test_offsets_round_trip_and_text_order(nlp: Language, places: PlacesComponent) -> None:
    text = "Fighting raged in Bakhmut. Kyiv said Ukraine would hold Kramatorsk."
    found = run(nlp, places, text)
    assert [p.mention for p in found] == ["Bakhmut", "Kyiv", "Ukraine", "Kramatorsk"]
    assert all(text[p.start : p.end] == p.mention for p in found)
    assert [p.kind for p in found] == ["city", "city", "country", "city"]


def test_region_form_and_containment(nlp: Language, places: PlacesComponent) -> None:
    text = "The focus is the town of Bakhmut in Donetsk province, near Kramatorsk and Sloviansk in Donetsk."
    found = {p.mention: p for p in run(nlp, places, text)}
    assert found["Donetsk province"].name == "Donetsk Oblast"
    assert found["Donetsk province"].kind == "admin1"
    assert found["Bakhmut"].kind == "city"
    # "Sloviansk in Donetsk": only the Donetsk-region Sloviansk is inside the container
    assert found["Sloviansk"].name == "Sloviansk"
    assert found["Donetsk"].kind == "admin1"


def test_region_form_elsewhere_makes_bare_name_the_region(nlp: Language, places: PlacesComponent) -> None:
    text = "Attacks hit the Luhansk region. Later the army said it held Luhansk."
    kinds = [(p.mention, p.kind) for p in run(nlp, places, text)]
    assert kinds == [("Luhansk region", "admin1"), ("Luhansk", "admin1")]


def test_bare_name_without_region_evidence_is_the_city(nlp: Language, places: PlacesComponent) -> None:
    [place] = run(nlp, places, "Shells fell on Luhansk overnight.")
    assert place.kind == "city"


def test_a_town_followed_by_its_own_region_is_the_town(nlp: Language, places: PlacesComponent) -> None:
    for text in (
        "Russian forces shelled Luhansk, Luhansk region, at night.",
        "Shells hit Luhansk in the Luhansk region.",
    ):
        kinds = [(p.mention, p.kind) for p in run(nlp, places, text)]
        assert kinds == [("Luhansk", "city"), ("Luhansk region", "admin1")], text


def test_regions_of_list(nlp: Language, places: PlacesComponent) -> None:
    found = run(nlp, places, "Russia holds the southern regions of Luhansk and Donetsk.")
    assert [(p.mention, p.kind) for p in found] == [("Luhansk", "admin1"), ("Donetsk", "admin1")]


def test_a_transliteration_variant_finds_the_town_inside_the_named_region(
    nlp: Language, places: PlacesComponent
) -> None:
    [village, region] = run(nlp, places, "Rebels fired at positions near Verkhnyotoretske, Donetsk.")
    assert (village.mention, village.name, village.admin1) == ("Verkhnyotoretske", "Verkhnotoretske", None)
    assert village.geonames_id == 689900 and region.kind == "admin1"
    # two namesakes: the one in the region the text names
    found = run(nlp, places, "Russian forces repelled attacks near Priyutne, Zaporizhia region.")
    assert [(p.name, p.lat) for p in found if p.kind == "city"] == [("Pryiutne", 47.718)]


def test_a_transliteration_variant_outside_the_named_region_or_without_a_place_cue_is_no_place(
    nlp: Language, places: PlacesComponent
) -> None:
    found = run(nlp, places, "Rebels fired at positions near Verkhnyotoretske, Luhansk.")
    assert [p.mention for p in found] == ["Luhansk"]
    assert run(nlp, places, "Fans cheered Verkhnyotoretske Chen at the show.") == []
    # an exact name always wins over a variant: no skeleton look-up happens for known names
    assert [p.name for p in run(nlp, places, "Shells fell on Bakhmut.")] == ["Bakhmut"]


def test_a_named_hromada_picks_the_namesake_inside_it(nlp: Language, places: PlacesComponent) -> None:
    [bare] = run(nlp, places, "Russian forces shelled near Ivanivka.")
    assert bare.lat == 46.9  # the larger namesake, with nothing to say otherwise
    text = "Russian forces shelled near Ivanivka (presumably the Vysokopilske community)."
    first = run(nlp, places, text)[0]
    assert (first.mention, first.lat) == ("Ivanivka", 47.461)
    # the hromada's own name is not narrowed away from itself
    text = "Russian forces shelled Vysokopilske territorial community."
    assert [p.mention for p in run(nlp, places, text)] == ["Vysokopilske"]


def test_person_names_and_their_later_mentions_are_not_places(nlp: Language, places: PlacesComponent) -> None:
    text = "Defense Secretary Lloyd Austin spoke. Austin said more aid would come to Kyiv."
    assert [p.mention for p in run(nlp, places, text)] == ["Kyiv"]


def test_a_lone_first_name_is_a_person_unless_a_locative_cue_makes_it_a_town(
    nlp: Language, places: PlacesComponent
) -> None:
    # "David" (Panama) and "Keith" (Scotland) are towns, but in news a lone first name is a person
    assert [p.mention for p in run(nlp, places, "David said the convoy reached Kyiv.")] == ["Kyiv"]
    assert [p.mention for p in run(nlp, places, "Talks were held in David on Monday.")] == ["David"]


def test_the_surname_after_a_first_name_is_a_person_too(nlp: Language, places: PlacesComponent) -> None:
    text = "Keith Sutton spoke on Monday. Sutton said Kyiv would get more aid."
    assert [p.mention for p in run(nlp, places, text)] == ["Kyiv"]


def test_an_ap_state_abbreviation_after_a_town_is_the_state(nlp: Language, places: PlacesComponent) -> None:
    # "wash" is an everyday word, but "TACOMA, Wash." is the dateline form of Washington state
    [place] = run(nlp, places, "TACOMA, Wash. - Crews worked all night.")
    assert (place.mention, place.kind, place.name) == ("Wash.", "admin1", "Washington")
    assert run(nlp, places, "They said, Wash. your hands first.") == []


def test_possessive_and_old_name(nlp: Language, places: PlacesComponent) -> None:
    found = run(nlp, places, "Artemivsk's capture would matter.")
    assert [(p.mention, p.name) for p in found] == [("Artemivsk", "Bakhmut")]


def test_relative_location_is_offset_from_anchor(nlp: Language, places: PlacesComponent) -> None:
    text = "Vuhledar - a town 150 km (90 miles) southwest of Bakhmut."
    found = run(nlp, places, text)
    offset = next(p for p in found if p.precision == "offset")
    anchor = next(p for p in found if p.mention == "Bakhmut")
    assert offset.mention == "150 km (90 miles) southwest of Bakhmut"
    assert offset.anchor == "Bakhmut" and offset.offset_km == 150 and offset.bearing == 225
    assert offset.lat is not None and anchor.lat is not None and offset.lat < anchor.lat
    assert offset.lon is not None and anchor.lon is not None and offset.lon < anchor.lon


def test_named_front_has_no_point(nlp: Language, places: PlacesComponent) -> None:
    [front] = run(nlp, places, "Gains were claimed on the eastern front.")
    assert front.kind == "region" and front.lat is None and front.lon is None


def test_component_sets_doc_attribute(nlp: Language, places: PlacesComponent) -> None:
    doc = places(nlp("Kyiv"))
    assert [p.name for p in doc._.sitrep_places] == ["Kyiv"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "Kyiv",
                "Bakhmut",
                "in",
                "the",
                "Luhansk",
                "region",
                ",",
                "Lloyd",
                "km",
                "5",
                "south",
                "of",
                "said",
                "Donetsk",
                "\n",
                "é",
                "Will",
                "’s",
            ]
        ),
        max_size=30,
    )
)
def test_offsets_always_round_trip(nlp: Language, places: PlacesComponent, words: list[str]) -> None:
    text = " ".join(words)
    for place in run(nlp, places, text):
        assert text[place.start : place.end] == place.mention


def test_demonyms_are_country_places_only_when_switched_on(nlp: Language, places: PlacesComponent) -> None:
    text = "Ukrainian troops held Bakhmut."
    assert [p.mention for p in run(nlp, places, text)] == ["Bakhmut"]
    places.set_demonyms(True)
    found = run(nlp, places, text)
    assert [(p.mention, p.name, p.kind) for p in found] == [
        ("Ukrainian", "Ukraine", "country"),
        ("Bakhmut", "Bakhmut", "city"),
    ]


def test_demonym_beats_a_small_town_of_the_same_spelling(nlp: Language, places: PlacesComponent) -> None:
    places.set_demonyms(True)
    found = run(nlp, places, "Canadian officials visited Kyiv.")
    assert [(p.mention, p.name) for p in found] == [("Canadian", "Canada"), ("Kyiv", "Kyiv")]


def test_country_acronym_is_not_the_everyday_word(nlp: Language, places: PlacesComponent) -> None:
    found = run(nlp, places, "Aid from the U.S. reached Kyiv, and the US said more would come.")
    assert [(p.mention, p.name) for p in found] == [
        ("U.S.", "United States"),
        ("Kyiv", "Kyiv"),
        ("US", "United States"),
    ]


def test_article_focus_picks_the_local_namesake(nlp: Language, places: PlacesComponent) -> None:
    text = "Police in Dallas, Texas, and Huntsville said a man from Paris was held near the US border."
    found = {p.mention: p for p in run(nlp, places, text)}
    assert found["Paris"].country == "US"
    assert found["Huntsville"].lat == 30.724  # the Texas Huntsville, though Alabama's is bigger


def test_state_abbreviation_containment_and_county(nlp: Language, places: PlacesComponent) -> None:
    found = {p.mention: p for p in run(nlp, places, "The prison in Huntsville, Tex., is in Walker County.")}
    assert found["Huntsville"].lat == 30.724
    assert found["Tex"].kind == "admin1"  # the tokenizer splits off the abbreviation dot
    county = found["Walker County"]
    assert (county.kind, county.precision, county.country) == ("region", "admin2", "US")


def test_the_wagner_group_is_not_a_town() -> None:
    """Through the default pipeline: 'Wagner' is a US and Brazilian town but, in war news, the group."""
    from sitrep.analysis import Analyzer
    from sitrep.records import Article

    text = (
        "The head of the Russian mercenary group Wagner, Yevgeny Prigozhin, said late on Tuesday "
        "that his fighters held Soledar.\n\n\u201cWagner units have taken control of the whole "
        "territory of Soledar,\u201d he said."
    )
    found = Analyzer().analyze(Article.from_text(text)).places
    assert [p.mention for p in found] == ["Soledar", "Soledar"]


def test_a_country_after_a_capitalised_word_is_still_the_country(
    nlp: Language, places: PlacesComponent
) -> None:
    """A title-case headline word before a country is not a first name; later mentions stay too."""
    text = "Rethinking Ukraine-US relations. Ukraine, which had hoped for more, waits."
    found = [(p.mention, p.kind) for p in run(nlp, places, text)]
    assert found == [("Ukraine", "country"), ("US", "country"), ("Ukraine", "country")]


def test_a_building_named_after_a_far_town_lies_in_the_article_town(
    nlp: Language, places: PlacesComponent
) -> None:
    text = "Shells hit Kramatorsk and Sloviansk overnight. The Paris Hotel in Kramatorsk was damaged."
    found = run(nlp, places, text)
    hotel = next(p for p in found if p.kind == "feature")
    assert (hotel.mention, hotel.name) == ("Paris", "Paris Hotel")
    assert text[hotel.start : hotel.end] == "Paris"
    kramatorsk = next(p for p in found if p.name == "Kramatorsk")
    assert (hotel.lat, hotel.lon, hotel.admin1) == (kramatorsk.lat, kramatorsk.lon, kramatorsk.admin1)


def test_a_building_named_after_its_state_keeps_the_state(nlp: Language, places: PlacesComponent) -> None:
    found = run(nlp, places, "Students at Texas Southern University in Dallas marched.")
    college = next(p for p in found if p.mention == "Texas")
    assert (college.kind, college.name, college.precision) == (
        "feature",
        "Texas Southern University",
        "admin1",
    )
    assert (college.lat, college.lon) == (31.25, -99.25)  # the state's point: the town is only a guess


def test_a_state_or_country_acronym_after_a_capitalised_word_is_kept(
    nlp: Language, places: PlacesComponent
) -> None:
    """'Small Business BC': an acronym is never a surname, and the name is not dropped later either."""
    found = run(nlp, places, "Grants from Invest US grew. US officials agreed.")
    assert [(p.mention, p.kind) for p in found] == [("US", "country"), ("US", "country")]
