"""Hand-built Docs for the events stage: the earlier stages' records are set by hand."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.events.detector import EventDetector
from sitrep.events.resources import EventResources
from sitrep.nlp import extensions as ext
from sitrep.records import Claim, DateMention, Event, Place, Quantity, Speaker
from sitrep.stages.events import EventsComponent

COORDS = {
    "Huliaipole": (47.66, 36.26, "Zaporizhzhia Oblast"),
    "Kyiv": (50.45, 30.52, "Kyiv"),
    "Bakhmut": (48.59, 38.0, "Donetsk Oblast"),
    "Soledar": (48.68, 38.09, "Donetsk Oblast"),
    "Avdiivka": (48.14, 37.74, "Donetsk Oblast"),
    "Kupiansk": (49.71, 37.61, "Kharkiv Oblast"),
    "Kherson": (46.64, 32.61, "Kherson Oblast"),
    "Kharkiv": (49.98, 36.25, "Kharkiv Oblast"),
    "Donetsk": (48.02, 37.8, "Donetsk Oblast"),
    "Sumy": (50.92, 34.8, "Sumy Oblast"),
    "Stepok": (46.37, 35.37, "Zaporizhzhia Oblast"),  # a namesake: the Stepok in the notes is in Sumy Oblast
    "Pivdenne": (49.88, 36.07, "Kharkiv Oblast"),
    "Kiev": (50.45, 30.52, "Kyiv"),
}
ADMIN1 = {
    "Luhansk region": "Luhansk Oblast",
    "Donetsk region": "Donetsk Oblast",
    "Luhansk": "Luhansk Oblast",
    "Kharkiv region": "Kharkiv Oblast",
}


@pytest.fixture(scope="session")
def nlp() -> Language:
    ext.register()
    return spacy.blank("en")


@pytest.fixture(scope="session")
def component() -> EventsComponent:
    return EventsComponent(EventDetector(EventResources.load()))


def place(text: str, mention: str, *, occurrence: int = 0) -> Place:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    if mention in ADMIN1:
        return Place(
            mention, start, start + len(mention), ADMIN1[mention], "admin1", "UA", ADMIN1[mention], 48.6, 39.1
        )
    lat, lon, admin1 = COORDS[mention]
    return Place(mention, start, start + len(mention), mention, "city", "UA", admin1, lat, lon)


def date(
    text: str, expression: str, value: str | None, precision: str | None = "day", **kw: str
) -> DateMention:
    start = text.index(expression)
    return DateMention(expression, start, start + len(expression), value, precision, **kw)  # type: ignore[arg-type]


def claim(
    text: str, content: str, *, side: str | None, polarity: str = "assert", speaker: str = "x"
) -> Claim:
    start = text.index(content)
    return Claim(
        content,
        start,
        start + len(content),
        "indirect",
        Speaker(None, speaker, "ORG", side),
        polarity=polarity,  # type: ignore[arg-type]
    )


Run = Callable[..., tuple[list[Event], Doc]]


@pytest.fixture()
def run(nlp: Language, component: EventsComponent) -> Run:
    def _run(
        text: str,
        *,
        places: Sequence[str] = (),
        dates: Sequence[DateMention] = (),
        claims: Sequence[Claim] = (),
        quantities: Sequence[Quantity] = (),
        published: str | None = "2024-03-11",
    ) -> tuple[list[Event], Doc]:
        doc = nlp.make_doc(text)
        setattr(doc._, ext.PUBLISHED, published)
        setattr(doc._, ext.PLACES, [place(text, p) for p in places])
        setattr(doc._, ext.DATES, list(dates))
        setattr(doc._, ext.CLAIMS, list(claims))
        setattr(doc._, ext.QUANTITIES, list(quantities))
        doc = component(doc)
        return list(getattr(doc._, ext.EVENTS)), doc

    return _run
