"""Data files load and agree with each other; the ACLED CSV and the evaluation's scoring."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from sitrep.evaluation.events import macro_f1
from sitrep.events.forces import ForceDictionary
from sitrep.events.lexicon import load_triggers
from sitrep.events.resources import ACTORS_DIR, EVENTS_DIR, EventResources
from sitrep.events.taxonomy import Taxonomy, TaxonomyError
from sitrep.export.acled import ACLED_COLUMNS, write_acled_rows
from sitrep.records import Article, ArticleAnalysis, Claim, Event, Place, Speaker


def test_taxonomy_has_acleds_six_types_and_their_sub_types() -> None:
    tax = Taxonomy.load(EVENTS_DIR / "taxonomy.json")
    assert tax.event_types == (
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    )
    assert tax.type_of("Disrupted weapons use") == "Strategic developments"
    assert tax.type_of("Non-state actor overtakes territory") == "Battles"
    assert all(s.definition for s in tax.sub_types.values())
    with pytest.raises(TaxonomyError):
        tax.type_of("Shelling")


def test_a_trigger_row_with_an_unknown_sub_type_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "triggers.tsv"
    bad.write_text("shelled\tShelling\t5\taction\tattack\n", encoding="utf-8")
    with pytest.raises(TaxonomyError):
        load_triggers(bad, Taxonomy.load(EVENTS_DIR / "taxonomy.json"))


def test_every_data_file_has_a_readme_entry() -> None:
    readme = (EVENTS_DIR / "README.md").read_text(encoding="utf-8")
    for path in EVENTS_DIR.iterdir():
        if path.name != "README.md":
            assert path.name in readme, path.name
    EventResources.load()  # and they all load


def test_force_dictionary_maps_acled_style_names_to_sides() -> None:
    forces = ForceDictionary.load(ACTORS_DIR / "actors.jsonl", ACTORS_DIR / "forces.jsonl")
    assert forces.side_of_force("Military Forces of Russia (2000-) Air Force") == "Russia"
    assert forces.side_of_force("NAF: United Armed Forces of Novorossiya") == "Russia"
    assert forces.side_of_force("Military Forces of Ukraine (2019-)") == "Ukraine"
    assert forces.side_of_force("Civilians (Ukraine)") is None
    found = forces.find("The Russian Defence Ministry said Wagner fighters and Ukrainian troops clashed.")
    assert [(m.text, m.entry.side) for m in found] == [("Wagner", "Russia"), ("Ukrainian troops", "Ukraine")]


def _analysis() -> ArticleAnalysis:
    text = "Russia said it captured Soledar. Ukraine denied it."
    article = Article.from_text(text, published="2023-01-12", outlet="Wire")
    claims = (
        Claim(
            "it captured Soledar",
            12,
            31,
            "indirect",
            Speaker(None, "Russia", "GPE", "Russia"),
            unverified=True,
        ),
        Claim("it", 48, 50, "indirect", Speaker(None, "Ukraine", "GPE", "Ukraine"), polarity="deny"),
    )
    places = (Place("Soledar", 24, 31, "Soledar", "city", "UA", "Donetsk Oblast", 48.68, 38.09),)
    event = Event(
        "Battles",
        "Armed clash",
        ("Russia", "Ukraine"),
        0,
        "2023-01-11",
        (0, 1),
        actor_names=("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"),
        asserted_by=(0,),
        denied_by=(1,),
        geo_precision=1,
        time_precision=1,
        trigger="captured",
    )
    return ArticleAnalysis(article, claims, places, events=(event,))


def test_acled_csv_row_carries_acled_columns_and_claim_links() -> None:
    out = io.StringIO()
    assert write_acled_rows([_analysis()], out) == 1
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(row) == ACLED_COLUMNS
    assert row["event_date"] == "2023-01-11" and row["sub_event_type"] == "Armed clash"
    assert row["actor1"] == "Military Forces of Russia (2000-)" and row["location"] == "Soledar"
    assert (row["latitude"], row["geo_precision"], row["fatalities"]) == ("48.68", "1", "0")
    assert (row["asserting_sides"], row["denying_sides"], row["verification"]) == (
        "Russia",
        "Ukraine",
        "contested",
    )


def test_macro_f1_averages_over_gold_labels() -> None:
    pairs = [("A", "A"), ("A", "A"), ("B", "A"), ("B", "B")]
    # A: tp2 fp1 fn0 -> 0.8; B: tp1 fp0 fn1 -> 0.667
    assert macro_f1(pairs) == pytest.approx((0.8 + 2 / 3) / 2)
