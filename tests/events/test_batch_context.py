"""The batch-context pass: same-named villages of one oblast chosen by the batch's other events."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.analysis import Analyzer
from sitrep.cli.analyze import command as analyze
from sitrep.events.anchoring import AnchorWords
from sitrep.events.batch_context import BatchContextSettings, place_by_batch
from sitrep.events.resources import EVENTS_DIR
from sitrep.gazetteer.distance import haversine_km
from sitrep.gazetteer.index import GazetteerEntry
from sitrep.gazetteer.names import fold
from sitrep.records import Article, ArticleAnalysis, Event, Place
from sitrep.runner import run_ingest
from sitrep.store import Store

DONETSK = "Donetsk Oblast"
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def _entry(gid: int, name: str, lat: float, lon: float, pop: int, fcode: str = "PPL") -> GazetteerEntry:
    return GazetteerEntry(gid, name, "city", "UA", DONETSK, "UA.05", lat, lon, pop, fcode)


# Two Kalynivkas: the larger one far west of the front, the other by Bakhmut.
WEST = _entry(1, "Kalynivka", 47.90, 36.60, 2000)
EAST = _entry(-2, "Kalynivka", 48.65, 38.05, 0, "PPL~H")
SOLEDAR = _entry(3, "Soledar", 48.68, 38.09, 10000)
BAKHMUT = _entry(4, "Bakhmut", 48.59, 38.00, 70000)
DRUZHKIVKA = _entry(5, "Druzhkivka", 48.62, 37.53, 55000)


class _Gazetteer:
    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.by_key: dict[str, list[GazetteerEntry]] = {}
        for e in entries:
            self.by_key.setdefault(fold(e.name), []).append(e)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        return list(self.by_key.get(fold(name), []))

    def candidates(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        return {k: list(self.by_key[k]) for k in keys if k in self.by_key}

    def get(self, geonames_id: int) -> GazetteerEntry | None:
        return None

    def admin1_entry(self, code: str) -> GazetteerEntry | None:
        return None

    def country_entry(self, iso: str) -> GazetteerEntry | None:
        return None

    def is_common_word(self, key: str) -> bool:
        return False

    def demonyms(self, keys: Iterable[str]) -> dict[str, list[GazetteerEntry]]:
        return {}


GAZETTEER = _Gazetteer([WEST, EAST, SOLEDAR, BAKHMUT, DRUZHKIVKA])


@pytest.fixture(scope="module")
def words() -> AnchorWords:
    return AnchorWords.load(EVENTS_DIR / "anchoring.json")


def _place(text: str, entry: GazetteerEntry, precision: str = "village") -> Place:
    start = text.index(entry.name)
    return Place(
        mention=entry.name,
        start=start,
        end=start + len(entry.name),
        name=entry.name,
        kind="city",
        country="UA",
        admin1=DONETSK,
        lat=entry.lat,
        lon=entry.lon,
        geonames_id=entry.id if entry.id > 0 else None,
        precision=precision,
    )


def _report(day: str, *entries: GazetteerEntry) -> ArticleAnalysis:
    """A note shelling the first town named; the others are only mentioned."""
    names = " and ".join(e.name for e in entries)
    text = f"On {day}, Russian forces shelled {names}."
    places = tuple(_place(text, e) for e in entries)
    event = Event(
        SHELLING[0],
        SHELLING[1],
        ("Russia",),
        place=0,
        date=day,
        geo_precision=1,
        lat=entries[0].lat,
        lon=entries[0].lon,
    )
    return ArticleAnalysis(Article.from_text(text, published=day), places=places, events=(event,))


def _event_point(analysis: ArticleAnalysis) -> tuple[float | None, float | None]:
    """Where the event is coded; its place must say the same."""
    event = analysis.events[0]
    place = analysis.places[event.place or 0]
    assert (event.lat, event.lon) == (place.lat, place.lon)
    return place.lat, place.lon


def test_namesake_moves_to_where_the_batch_fights(words: AnchorWords) -> None:
    batch = [_report("2023-03-10", SOLEDAR), _report("2023-03-11", BAKHMUT), _report("2023-03-12", WEST)]
    out = place_by_batch(batch, GAZETTEER, words)
    moved = out[2]
    assert _event_point(moved) == (EAST.lat, EAST.lon)
    place = moved.places[0]
    assert place.geonames_id is None and place.precision == "hromada"
    assert moved.events[0].geo_precision == 2  # a village placed at its hromada's middle
    assert out[0] is batch[0] and out[1] is batch[1]


def test_one_article_alone_is_never_changed(words: AnchorWords) -> None:
    batch = [_report("2023-03-12", WEST)]
    assert place_by_batch(batch, GAZETTEER, words) == batch


def test_the_articles_own_context_outranks_the_batch(words: AnchorWords) -> None:
    # The note also names a town beside the western Kalynivka: the article chose, the batch does not.
    near_west = _entry(6, "Velykomykhailivka", 47.95, 36.55, 3000)
    gazetteer = _Gazetteer([WEST, EAST, SOLEDAR, BAKHMUT, near_west])
    context = [_report("2023-03-10", SOLEDAR), _report("2023-03-11", BAKHMUT)]
    decided = _report("2023-03-12", WEST, near_west)
    out = place_by_batch([*context, decided], gazetteer, words)
    assert _event_point(out[2]) == (WEST.lat, WEST.lon)


def test_events_outside_the_window_do_not_vote(words: AnchorWords) -> None:
    batch = [_report("2022-12-01", SOLEDAR), _report("2023-03-12", WEST)]
    assert _event_point(place_by_batch(batch, GAZETTEER, words)[1]) == (WEST.lat, WEST.lon)
    wide = BatchContextSettings(window_days=120)
    assert _event_point(place_by_batch(batch, GAZETTEER, words, wide)[1]) == (EAST.lat, EAST.lon)


def test_namesakes_do_not_vote_for_each_other(words: AnchorWords) -> None:
    batch = [_report("2023-03-11", WEST), _report("2023-03-12", WEST)]
    out = place_by_batch(batch, GAZETTEER, words)
    assert [_event_point(a) for a in out] == [(WEST.lat, WEST.lon)] * 2


def test_every_mention_of_the_moved_town_moves_with_it(words: AnchorWords) -> None:
    text = "On 2023-03-12, Russian forces shelled Kalynivka. Kalynivka was hit again at night."
    first, second = _place(text, WEST), _place(text, WEST)
    second = replace(second, start=text.rindex("Kalynivka"), end=text.rindex("Kalynivka") + 9)
    event = Event(SHELLING[0], SHELLING[1], place=0, date="2023-03-12")
    article = Article.from_text(text, published="2023-03-12")
    note = ArticleAnalysis(article, places=(first, second), events=(event,))
    out = place_by_batch([_report("2023-03-11", SOLEDAR), note], GAZETTEER, words)[1]
    assert {(p.lat, p.lon) for p in out.places} == {(EAST.lat, EAST.lon)}


def test_analyzer_places_a_namesake_by_the_batch() -> None:
    """Through the default pipeline: a Stepove of Zaporizhzhia Oblast shelled the same day as Orikhiv
    and Huliaipole is the one near them; without the batch it is the prior's choice, further off."""
    notes = [
        "On 16 March 2023, Russian forces shelled Orikhiv, Zaporizhia. Casualties unknown.",
        "On 16 March 2023, Russian forces shelled Huliaipole, Zaporizhia. Casualties unknown.",
        "On 16 March 2023, Russian forces shelled Stepove, Zaporizhia. Casualties unknown.",
    ]
    articles = [Article.from_text(t, published="2023-03-17", source=f"note-{i}") for i, t in enumerate(notes)]
    together = list(Analyzer().analyze_many(articles))
    alone = list(Analyzer(corpus_context=False).analyze_many(articles))
    towns = [a.places[a.events[0].place or 0] for a in together[:2]]
    stepove, prior = (a.places[a.events[0].place or 0] for a in (together[2], alone[2]))
    assert stepove.name == prior.name == "Stepove"

    def to_front(place: Place) -> float:
        assert place.lat is not None and place.lon is not None
        return min(haversine_km(place.lat, place.lon, t.lat or 0.0, t.lon or 0.0) for t in towns)

    assert to_front(stepove) < 25 < to_front(prior)
    assert (together[2].events[0].lat, together[2].events[0].lon) == (stepove.lat, stepove.lon)
    assert [a.places for a in together[:2]] == [a.places for a in alone[:2]]


def test_cli_analyze_places_by_the_batch_unless_told_not_to(tmp_path: Path) -> None:
    for i, town in enumerate(("Orikhiv", "Huliaipole", "Stepove")):
        note = f"Shelling of {town}\nOn 16 March 2023, Russian forces shelled {town}, Zaporizhia.\n"
        (tmp_path / f"note{i}.txt").write_text(note, encoding="utf-8")

    def stepove(*flags: str) -> tuple[float, float]:
        result = CliRunner().invoke(analyze, [str(tmp_path), "--published", "2023-03-17", "--json", *flags])
        assert result.exit_code == 0, result.output
        for article in json.loads(result.stdout)["articles"]:
            places = article["places"]
            for event in article["events"]:
                place = places[event["place"]]
                if place["name"] == "Stepove":
                    return place["lat"], place["lon"]
        raise AssertionError("no event at Stepove")

    assert stepove() != stepove("--no-batch-context")


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_places_each_batch_by_the_ones_written_before(tmp_path: Path, workers: int) -> None:
    """Batches of one article: Stepove's batch has no other event, so only the analyses written
    before it (which the pass must not change) can place it near Orikhiv and Huliaipole."""
    notes = [
        f"On 16 March 2023, Russian forces shelled {town}, Zaporizhia."
        for town in ("Orikhiv", "Huliaipole", "Stepove")
    ]

    def stored(batch_context: bool) -> list[ArticleAnalysis]:
        articles = [Article.from_text(t, published="2023-03-17", source=f"n{i}") for i, t in enumerate(notes)]
        db = str(tmp_path / f"{batch_context}-{workers}.sqlite")
        with Store.open(db) as store:
            run_ingest(articles, store, batch_size=1, workers=workers, batch_context=batch_context)
            found = [store.get_analysis(a.id) for a in articles]
        assert all(a is not None for a in found)
        return [a for a in found if a is not None]

    placed, alone = stored(True), stored(False)
    assert [a.places for a in placed[:2]] == [a.places for a in alone[:2]]
    assert placed[2].places != alone[2].places
    towns = [a.places[0] for a in placed[:2]]
    stepove = placed[2].places[placed[2].events[0].place or 0]
    assert stepove.lat is not None and stepove.lon is not None
    assert min(haversine_km(stepove.lat, stepove.lon, t.lat or 0.0, t.lon or 0.0) for t in towns) < 25
