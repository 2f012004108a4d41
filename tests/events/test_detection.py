"""Typing, modality, claim links, actors, places, dates and counts on hand-built Docs."""

from __future__ import annotations

from sitrep.records import Quantity
from tests.events.conftest import Run, claim, date


def test_shelling_is_typed_placed_dated_and_attributed(run: Run) -> None:
    text = "On 10 March 2024, Russian forces shelled Huliaipole. A private house was set on fire."
    events, _ = run(text, places=["Huliaipole"], dates=[date(text, "On 10 March 2024", "2024-03-10")])
    first = events[0]
    assert (first.type, first.sub_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert first.actors == ("Russia",)
    assert first.actor_names == ("Military Forces of Russia (2000-)",)
    assert (first.place, first.date, first.geo_precision, first.time_precision) == (0, "2024-03-10", 1, 1)
    assert first.trigger == "shelled" and text[first.start : first.end] == "shelled"
    assert first.claims == () and first.asserted_by == ()  # the reporter's own narration


def test_weapon_cue_decides_the_sub_type_of_a_generic_strike(run: Run) -> None:
    drone = "Russian forces carried out drone strikes on Kherson."
    missile = "Russian forces struck Kherson with cruise missiles."
    (d,), _ = run(drone, places=["Kherson"])
    (m,), _ = run(missile, places=["Kherson"])
    assert d.sub_type == "Air/drone strike"
    assert m.sub_type == "Shelling/artillery/missile attack"


def test_generic_verb_without_weapon_codes_nothing(run: Run) -> None:
    events, _ = run("Russia launched a recruitment campaign in Kherson.", places=["Kherson"])
    assert events == []


def test_shoot_down_is_disrupted_weapons_use_with_both_sides(run: Run) -> None:
    text = "Six Russian drones were shot down over Kyiv on Sunday."
    (e,), _ = run(text, places=["Kyiv"], dates=[date(text, "on Sunday", "2024-03-10")])
    assert (e.type, e.sub_type) == ("Strategic developments", "Disrupted weapons use")
    assert e.actors == ("Ukraine", "Russia")  # the drones' side is the target; the opponent downed them


def test_hedged_and_future_events_are_not_coded(run: Run) -> None:
    texts = [
        "A major new offensive on Bakhmut has been widely anticipated.",
        "Bakhmut's capture would give Russia a stepping stone.",
        "Russia also aims to retake Kupiansk.",
        "Ukraine needs long-range missiles to counter the Russian offensive and recapture Bakhmut.",
        "Officials fear Russian forces may shell Kherson again.",
    ]
    for text in texts:
        places = [p for p in ("Bakhmut", "Kupiansk", "Kherson") if p in text]
        events, _ = run(text, places=places)
        assert events == [], text


def test_negated_narration_is_not_coded(run: Run) -> None:
    events, _ = run("Russian forces did not shell Kherson overnight.", places=["Kherson"])
    assert events == []


def test_month_may_is_not_a_modal(run: Run) -> None:
    text = "On 5 May Russian forces shelled Kherson."
    events, _ = run(text, places=["Kherson"], dates=[date(text, "On 5 May", "2023-05-05")])
    assert [e.date for e in events] == ["2023-05-05"]


def test_asserting_and_denying_claims_are_linked_to_one_event(run: Run) -> None:
    text = (
        "Russia said its forces captured Soledar on Tuesday. Ukraine denied that Soledar had been captured."
    )
    claims = [
        claim(text, "its forces captured Soledar on Tuesday", side="Russia", speaker="Russia"),
        claim(text, "that Soledar had been captured", side="Ukraine", polarity="deny", speaker="Ukraine"),
    ]
    (e,), _ = run(text, places=["Soledar"], claims=claims, dates=[date(text, "on Tuesday", "2024-03-05")])
    assert (e.type, e.sub_type) == ("Battles", "Armed clash")  # state against state: a clash, not a takeover
    assert e.asserted_by == (0,) and e.denied_by == (1,) and e.claims == (0, 1)
    assert set(e.actors) == {"Russia", "Ukraine"}
    assert e.actors[0] == "Russia"  # "its forces" is the speaker's side


def test_a_denial_alone_codes_no_event(run: Run) -> None:
    text = "Ukraine denied that Soledar had been captured."
    claims = [claim(text, "that Soledar had been captured", side="Ukraine", polarity="deny")]
    events, _ = run(text, places=["Soledar"], claims=claims)
    assert events == []


def test_trend_over_weeks_is_not_an_event(run: Run) -> None:
    text = "The Kremlin has intensified attacks in the Donetsk region in recent weeks."
    span = date(text, "in recent weeks", None, None, range_start="2024-02-10", range_end="2024-03-10")
    events, _ = run(text, places=["Donetsk region"], dates=[span])
    assert events == []


def test_precision_codes(run: Run) -> None:
    near = "Russian forces shelled near Avdiivka on Monday."
    (e,), _ = run(near, places=["Avdiivka"], dates=[date(near, "on Monday", "2024-03-04")])
    assert (e.geo_precision, e.time_precision) == (2, 1)
    region = "Russian forces shelled the Luhansk region."
    (r,), _ = run(region, places=["Luhansk region"], published="2024-03-11")
    assert (r.geo_precision, r.date, r.time_precision) == (
        3,
        "2024-03-11",
        2,
    )  # date inferred from publication


def test_date_is_carried_from_the_previous_sentence(run: Run) -> None:
    text = "Fighting raged in Bakhmut on Wednesday. Ukrainian troops repelled attacks near Avdiivka."
    events, _ = run(text, places=["Bakhmut", "Avdiivka"], dates=[date(text, "on Wednesday", "2024-03-06")])
    assert [(e.date, e.time_precision) for e in events] == [("2024-03-06", 1), ("2024-03-06", 1)]


def test_lowest_stated_fatalities_win(run: Run) -> None:
    text = (
        "Russian shelling of Kherson killed 5 civilians. Another account said the shelling killed 3 people."
    )
    (e,), _ = run(text, places=["Kherson"])
    assert e.fatalities == 3


def test_territorial_change_is_refined_by_actor_category(run: Run) -> None:
    rebels = "NAF rebels captured Avdiivka from Ukrainian forces."
    (a,), _ = run(rebels, places=["Avdiivka"])
    assert a.sub_type == "Non-state actor overtakes territory"
    assert a.actor_names == ("NAF: United Armed Forces of Novorossiya", "Military Forces of Ukraine (2019-)")
    state = "Ukrainian forces recaptured Avdiivka from separatists."
    (b,), _ = run(state, places=["Avdiivka"])
    assert b.sub_type == "Government regains territory"


def test_place_inside_a_force_name_does_not_locate(run: Run) -> None:
    text = "Kyiv's forces had repelled some Russian attacks in Luhansk."
    (e,), _ = run(text, places=["Kyiv", "Luhansk"])
    assert e.place == 1
    assert set(e.actors) == {"Ukraine", "Russia"}


def test_mentions_of_one_battle_fold_into_one_event(run: Run) -> None:
    text = (
        "Russia said it had broken through Ukrainian lines on Wednesday. "
        "The ministry said Ukrainians retreated in the face of Russian attacks in the Luhansk region. "
        "Ukraine said its forces repelled Russian attacks in Bakhmut."
    )
    claims = [
        claim(text, "it had broken through Ukrainian lines on Wednesday", side="Russia"),
        claim(
            text, "Ukrainians retreated in the face of Russian attacks in the Luhansk region", side="Russia"
        ),
        claim(text, "its forces repelled Russian attacks in Bakhmut", side="Ukraine"),
    ]
    events, _ = run(
        text,
        places=["Luhansk region", "Bakhmut"],
        claims=claims,
        dates=[date(text, "on Wednesday", "2024-03-06")],
    )
    assert [(e.place, e.asserted_by) for e in events] == [(0, (0, 1)), (1, (2,))]


def test_counts_are_kept_but_distances_are_not(run: Run) -> None:
    text = "Ukrainian units repelled Russian attacks near over 20 settlements 150 km from Bakhmut."
    qs = [
        Quantity("over 20 settlements", text.index("over 20"), text.index("over 20") + 19, 20.0, None),
        Quantity("150 km", text.index("150 km"), text.index("150 km") + 6, 150.0, "km"),
    ]
    (e,), _ = run(text, places=["Bakhmut"], quantities=qs)
    assert e.quantities == ("over 20 settlements",)


def test_unlocated_events_are_dropped(run: Run) -> None:
    events, _ = run("Russian forces shelled the town overnight.")
    assert events == []


def test_town_outside_the_named_oblast_yields_to_the_oblast(run: Run) -> None:
    text = "Russian forces shelled Kherson, Luhansk region."  # gazetteer namesake: Kherson is not in Luhansk
    (e,), _ = run(text, places=["Kherson", "Luhansk region"])
    assert (e.place, e.geo_precision) == (1, 3)
    ok = "Russian forces shelled Bakhmut, Donetsk region."
    (f,), _ = run(ok, places=["Bakhmut", "Donetsk region"])
    assert (f.place, f.geo_precision) == (0, 1)
