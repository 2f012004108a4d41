"""Sides of speakers named by a place that another side held (``data/actors/control.tsv``).

"Officials in Donetsk" in 2023 speak for the Russian-installed authorities, in 2013 for
Ukraine; the displaced officials keep their titles in exile ("Donetsk regional governor",
"Mariupol mayor"), and with no publication date the holder is not guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Doc

from sitrep.attribution.actors import ActorDictionary
from sitrep.attribution.names import name_key
from sitrep.attribution.sides import side_of
from sitrep.errors import DataFileError

Run = Callable[..., Doc]


def _side(run: Run, text: str, published: str | None) -> str | None:
    (claim,) = run(text, published=published)._.sitrep_claims
    side: str | None = claim.speaker.side
    return side


@pytest.mark.parametrize(
    ("text", "published", "side"),
    [
        ("Officials in Donetsk said Ukrainian shelling killed five people.", "2023-02-16", "Russia"),
        ("Officials in Donetsk said Ukrainian shelling killed five people.", "2013-06-01", "Ukraine"),
        ("Donetsk authorities said shelling had damaged a school.", "2023-02-16", "Russia"),
        ("Crimea's governor said a drone attack had been repelled.", "2023-02-16", "Russia"),
        ("Officials in Mariupol said the water supply had been restored.", "2023-02-16", "Russia"),
        ("Officials in Mariupol said the water supply had been restored.", "2022-04-01", "Ukraine"),
        # held from March to November 2022 only
        ("Officials in Kherson said the ferry was running again.", "2022-06-01", "Russia"),
        ("Officials in Kherson said the ferry was running again.", "2023-02-16", "Ukraine"),
        ("Officials in Kharkiv said a missile hit a school.", "2023-02-16", "Ukraine"),
    ],
)
def test_the_officials_of_a_held_place_speak_for_its_holder_that_day(
    run: Run, text: str, published: str, side: str
) -> None:
    assert _side(run, text, published) == side


@pytest.mark.parametrize(
    "text",
    [
        "Donetsk regional governor Pavlo Kyrylenko said two civilians were killed.",
        "The Luhansk governor said Russian forces were massing.",
        "Mariupol city council said on Telegram that deportations continued.",
        "Ukrainian officials in Donetsk said the town was surrounded.",
    ],
)
def test_displaced_officials_and_named_sides_keep_the_places_own_side(run: Run, text: str) -> None:
    assert _side(run, text, "2023-02-16") == "Ukraine"
    assert _side(run, text, None) == "Ukraine"


def test_a_qualifier_naming_the_holder_wins_over_the_period(run: Run) -> None:
    text = "Russian-installed officials in Kherson said the ferry was running again."
    assert _side(run, text, "2023-02-16") == "Russia"


def test_without_a_publication_date_a_held_place_gives_no_side(run: Run) -> None:
    assert _side(run, "Officials in Donetsk said Ukrainian shelling killed five people.", None) is None
    assert _side(run, "Officials in Kharkiv said a missile hit a school.", None) == "Ukraine"


def test_a_named_place_that_is_a_city_is_not_a_person(run: Run) -> None:
    (claim,) = run("Officials in Mariupol said the water supply had been restored.")._.sitrep_claims
    assert claim.speaker.name == "Officials in Mariupol"
    assert claim.speaker.type != "PERSON"


def test_every_held_place_is_a_known_city_or_region_and_every_holder_a_side() -> None:
    actors = ActorDictionary.load()
    sides = {a.side for a in actors.actors}
    spellings = {
        name_key(s) for a in actors.actors if a.category in ("city", "region") for s in (a.name, *a.aliases)
    }
    assert len(actors.periods) >= 18
    for period in actors.periods:
        assert period.place in spellings, period
        assert period.held_by in sides, period


def test_the_dates_decide_the_side_at_the_edges() -> None:
    actors = ActorDictionary.load()
    authority = frozenset({"officials"})
    text = "officials in Kherson"
    assert side_of(text, actors, authority, date(2022, 3, 1)) == "Ukraine"
    assert side_of(text, actors, authority, date(2022, 3, 2)) == "Russia"
    assert side_of(text, actors, authority, date(2022, 11, 10)) == "Russia"
    assert side_of(text, actors, authority, date(2022, 11, 11)) == "Ukraine"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Donetsk\tRussia\t2014-13-07\t\t-\tnote", "bad date"),
        ("Kherson\tRussia\t2022-11-11\t2022-03-02\t-\tnote", "ends after it starts"),
        ("Kherson\tRussia", "columns"),
    ],
)
def test_a_bad_control_row_is_an_error_naming_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "control.tsv"
    path.write_text("# place\theld_by\tfrom\tto\tdisplaced\tnote\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        ActorDictionary.load(control=path)
    assert f"{path}:2:" in str(info.value)


def test_a_missing_control_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.tsv"
    with pytest.raises(DataFileError, match="cannot read control periods") as info:
        ActorDictionary.load(control=path)
    assert str(path) in str(info.value)
