"""ACLED codebook rules for the rarer event types, and the choice of an event's place.

The sentences are written for these tests (never taken from ACLED or UCDP data):
each pins one codebook definition or one place-choice rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.analysis import Analyzer
from sitrep.errors import InputError
from sitrep.evaluation.events import _best_place, _scored, evaluate_acled, in_part
from sitrep.events.anchoring import AnchorWords, containers, is_actor_use, namesakes
from sitrep.events.forces import ForceDictionary
from sitrep.events.resources import ACTORS_DIR, EVENTS_DIR
from sitrep.records import Article, ArticleAnalysis, Event
from tests.events.conftest import Run, place


def _types(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.type, e.sub_type) for e in events]


def test_a_peaceful_gathering_is_a_protest(run: Run) -> None:
    text = "Residents of Kharkiv held a rally demanding the return of prisoners."
    events, _ = run(text, places=["Kharkiv"])
    assert _types(events) == [("Protests", "Peaceful protest")]


def test_arrests_at_a_protest_make_it_a_protest_with_intervention_not_an_arrest_event(run: Run) -> None:
    events, _ = run("Police detained several protesters at a picket in Kharkiv.", places=["Kharkiv"])
    assert _types(events) == [("Protests", "Protest with intervention")]


def test_a_demonstration_that_turns_violent_is_a_riot_only(run: Run) -> None:
    events, _ = run("Protesters clashed with police and threw stones in Kharkiv.", places=["Kharkiv"])
    assert _types(events) == [("Riots", "Violent demonstration")]


def test_a_group_attacking_draft_officers_is_mob_violence(run: Run) -> None:
    events, _ = run("A group of local men attacked TCC officers in Kharkiv.", places=["Kharkiv"])
    assert _types(events) == [("Riots", "Mob violence")]


def test_direct_violence_against_a_civilian_is_an_attack_on_civilians(run: Run) -> None:
    events, _ = run("Russian soldiers shot a civilian man in Kherson.", places=["Kherson"])
    assert _types(events) == [("Violence against civilians", "Attack")]
    assert events[0].actors == ("Russia",)


def test_civilians_killed_by_shelling_are_remote_violence_not_a_second_event(run: Run) -> None:
    events, _ = run("Russian forces shelled Kherson, killing two civilians.", places=["Kherson"])
    assert _types(events) == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def test_detaining_residents_under_occupation_is_an_abduction(run: Run) -> None:
    events, _ = run("Russian forces detained two residents of Kherson.", places=["Kherson"])
    assert _types(events) == [("Violence against civilians", "Abduction/forced disappearance")]


def test_mines_and_unexploded_ordnance_are_remote_explosives(run: Run) -> None:
    mine = "A man stepped on an anti-personnel mine near Kupiansk."
    uxo = "A boy was injured when unexploded ordnance went off in Kupiansk."
    for text in (mine, uxo):
        events, _ = run(text, places=["Kupiansk"])
        assert _types(events) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")], text


def test_small_arms_make_a_fire_exchange_a_clash(run: Run) -> None:
    text = "NAF rebels used mortars and small arms to fire upon Ukrainian positions near Avdiivka."
    events, _ = run(text, places=["Avdiivka"])
    assert _types(events) == [("Battles", "Armed clash")]
    shelled = "NAF rebels used mortars and artillery to fire upon Ukrainian positions near Avdiivka."
    events, _ = run(shelled, places=["Avdiivka"])
    assert _types(events) == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def test_air_defence_destroying_drones_is_disrupted_weapons_use(run: Run) -> None:
    events, _ = run("Ukrainian air defence destroyed 10 Russian drones over Kyiv.", places=["Kyiv"])
    assert _types(events) == [("Strategic developments", "Disrupted weapons use")]


def test_an_exchange_of_bodies_is_an_agreement_and_looting_is_property_destruction(run: Run) -> None:
    events, _ = run("Russia and Ukraine exchanged bodies near Kupiansk.", places=["Kupiansk"])
    assert _types(events) == [("Strategic developments", "Agreement")]
    events, _ = run("Russian troops looted shops in Kherson.", places=["Kherson"])
    assert _types(events) == [("Strategic developments", "Looting/property destruction")]


def test_burning_down_a_car_is_property_destruction(run: Run) -> None:
    (e,), _ = run("Unknown persons burned down a car of a reporter in Kyiv.", places=["Kyiv"])
    assert _types([e]) == [("Strategic developments", "Looting/property destruction")]
    assert e.place == 0


def test_town_with_its_oblast_after_a_comma_is_located_at_the_town(run: Run) -> None:
    text = "Russian forces shelled Pivdenne, Kharkiv, with artillery."
    (e,), _ = run(text, places=["Pivdenne", "Kharkiv"])
    assert (e.place, e.geo_precision) == (0, 1)  # "Kharkiv" here is the oblast, not a second place


def test_town_resolved_outside_its_stated_oblast_yields_to_the_oblast(run: Run) -> None:
    text = "Russian forces shelled Stepok, Sumy, with artillery."
    (e,), _ = run(text, places=["Stepok", "Sumy"])
    assert (e.place, e.geo_precision) == (1, 3)  # the gazetteer's Stepok is in another oblast


def test_oblast_in_brackets_is_a_container(run: Run) -> None:
    text = "A mine exploded in Pivdenne (Kharkiv region)."
    places = [place(text, "Pivdenne"), place(text, "Kharkiv region")]
    assert containers(text, places) == {0: 1}
    assert namesakes(places, (0, len(text)), {0: 1}) == set()


def test_a_list_of_towns_is_not_a_town_and_its_oblast() -> None:
    text = "Shelling hit Pivdenne, Stepok and Kupiansk."
    places = [place(text, "Pivdenne"), place(text, "Stepok"), place(text, "Kupiansk")]
    assert containers(text, places) == {}


def test_a_capital_standing_for_its_state_does_not_locate(run: Run) -> None:
    text = "Kiev forces shelled Donetsk overnight."
    (e,), _ = run(text, places=["Kiev", "Donetsk"])
    assert e.place == 1
    words = AnchorWords.load(EVENTS_DIR / "anchoring.json")
    capitals = ForceDictionary.load(ACTORS_DIR / "actors.jsonl").capitals
    pro = "a pro-Kiev official said"
    assert is_actor_use(pro, place(pro, "Kiev"), words, capitals)
    assert not is_actor_use(text, place(text, "Donetsk"), words, capitals)
    local = "Donetsk authorities reported shelling."
    assert not is_actor_use(local, place(local, "Donetsk"), words, capitals)  # local, so still a place


def test_ucdp_fallback_skips_metonymic_capitals_and_namesakes() -> None:
    text = "Two soldiers killed, says Kiev military. Near Stepok, Sumy region."
    places = (place(text, "Kiev"), place(text, "Stepok"), place(text, "Sumy"))
    analysis = ArticleAnalysis(Article.from_text(text), places=places)
    words = AnchorWords.load(EVENTS_DIR / "anchoring.json")
    capitals = ForceDictionary.load(ACTORS_DIR / "actors.jsonl").capitals
    chosen, by_event = _best_place(analysis, words, capitals)
    assert chosen is not None and chosen.mention == "Sumy" and not by_event


def test_possessive_dpr_forces_are_the_target_side(run: Run) -> None:
    (e,), _ = run("Ukrainian military forces shelled DPR's forces in Donetsk.", places=["Donetsk"])
    assert e.actors == ("Ukraine", "Russia")


def test_an_attack_on_a_person_with_no_armed_group_named_is_not_a_battle(run: Run) -> None:
    (e,), _ = run("Two masked men attacked a local official in Kharkiv.", places=["Kharkiv"])
    assert (e.type, e.sub_type, e.actors) == ("Violence against civilians", "Attack", ())
    (b,), _ = run("Russian forces attacked Ukrainian positions near Kharkiv.", places=["Kharkiv"])
    assert (b.type, b.sub_type) == ("Battles", "Armed clash")


def test_the_country_closing_an_address_is_not_a_side(run: Run) -> None:
    (e,), _ = run("Two masked men attacked a local official in Kharkiv, Ukraine.", places=["Kharkiv"])
    assert e.actors == ()


def test_dev_parts_split_every_row_into_exactly_one_half() -> None:
    ids = [f"UKR{n}" for n in range(200)]
    tune = {i for i in ids if in_part(i, "tune")}
    held = {i for i in ids if in_part(i, "held-out")}
    assert tune and held and not tune & held and tune | held == set(ids)
    assert all(in_part(i, "all") for i in ids)
    with pytest.raises(InputError):
        in_part("UKR1", "train")


def test_a_part_is_scored_alone_but_analysed_with_the_rows_before_it() -> None:
    rows = ["a", "b", "c", "d", "e"]
    assert _scored(rows, [False, True, False, True, False], None) == ([1, 3], ["a", "b", "c", "d"])
    assert _scored(rows, [False, True, False, True, False], 1) == ([1], ["a", "b"])
    assert _scored(rows, [False] * 5, None) == ([], [])


def test_acled_part_scores_only_its_rows(shared_data: Path) -> None:
    result = evaluate_acled(shared_data, Analyzer(), limit=4, part="held-out")
    assert result.rows == 4
    assert all(in_part(p.row.event_id, "held-out") for p in result.predictions)
