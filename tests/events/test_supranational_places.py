"""A continent or the EU is, like a country, never where an event happened (text written for the test)."""

from __future__ import annotations

from sitrep.evaluation.events import _best_place
from sitrep.events.anchoring import AnchorWords, choose_place
from sitrep.events.forces import ForceDictionary
from sitrep.events.resources import ACTORS_DIR, EVENTS_DIR
from sitrep.records import Article, ArticleAnalysis, Place

TEXT = "Clashes kill five despite a new EU push for peace.\n\nDonetsk province"


def _places() -> tuple[Place, Place]:
    eu_at = TEXT.index("EU")
    donetsk_at = TEXT.index("Donetsk province")
    eu = Place(
        "EU", eu_at, eu_at + 2, "European Union", "region", None, None, 49.84, 9.9, -19, "supranational"
    )
    oblast = Place(
        "Donetsk province",
        donetsk_at,
        donetsk_at + 16,
        "Donetsk Oblast",
        "admin1",
        "UA",
        "Donetsk",
        48.0,
        37.8,
    )
    return eu, oblast


def test_the_eu_is_no_event_location() -> None:
    words = AnchorWords.load(EVENTS_DIR / "anchoring.json")
    places = _places()
    trigger = (TEXT.index("kill"), TEXT.index("kill") + 4)
    choice = choose_place(TEXT, places, (0, TEXT.index("\n")), trigger, words)
    assert choice.index is None
    capitals = ForceDictionary.load(ACTORS_DIR / "actors.jsonl").capitals
    chosen, _ = _best_place(ArticleAnalysis(Article.from_text(TEXT), places=places), words, capitals)
    assert chosen is not None and chosen.name == "Donetsk Oblast"
