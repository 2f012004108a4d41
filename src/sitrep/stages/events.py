"""The ``sitrep_events`` pipeline component: the last stage, reading all the others.

A thin wrapper around :class:`sitrep.events.detector.EventDetector`. The data
files are read once, when the component is built. The records from earlier
stages are sorted exactly as :mod:`sitrep.extract` sorts them, so the claim and
place indices stored on events point at the right records in the output.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.events.detector import EventDetector
from sitrep.events.points import CodedPoints, event_point
from sitrep.events.resources import EventResources
from sitrep.events.sentences import sentence_spans
from sitrep.gazetteer.index import DEFAULT_INDEX, Gazetteer
from sitrep.nlp import extensions as ext
from sitrep.records import Claim, DateMention, Event, Place, Quantity


class EventsComponent:
    def __init__(self, detector: EventDetector, points: CodedPoints | None = None) -> None:
        self.detector = detector
        self.points = points  # None: events are coded at their place's own point

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = sorted(ext.get_list(doc, ext.CLAIMS), key=lambda c: (c.start, c.end))
        places: list[Place] = sorted(ext.get_list(doc, ext.PLACES), key=lambda p: (p.start, p.end))
        dates: list[DateMention] = sorted(ext.get_list(doc, ext.DATES), key=lambda d: (d.start, d.end))
        quantities: list[Quantity] = sorted(ext.get_list(doc, ext.QUANTITIES), key=lambda q: (q.start, q.end))
        events = self.detector.detect(
            doc.text,
            sentence_spans(doc),
            claims=claims,
            places=places,
            dates=dates,
            quantities=quantities,
            published=getattr(doc._, ext.PUBLISHED),
            doc=doc,
        )
        setattr(doc._, ext.EVENTS, [self._coded(e, places) for e in events])
        return doc

    def _coded(self, event: Event, places: list[Place]) -> Event:
        place = places[event.place] if event.place is not None else None
        if self.points is not None:
            return self.points.code(event, place)
        point = event_point(event, place)
        return event if point is None else replace(event, lat=point[0], lon=point[1])


@Language.factory(
    "sitrep_events",
    assigns=["doc._.sitrep_events"],
    requires=["doc._.sitrep_dates", "doc._.sitrep_places", "doc._.sitrep_quantities", "doc._.sitrep_claims"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    """Region capitals come from the places stage's own gazetteer: one index open per pipeline."""
    ext.register()
    places = nlp.get_pipe("sitrep_places") if nlp.has_pipe("sitrep_places") else None
    gazetteer = getattr(places, "gazetteer", None) or Gazetteer(DEFAULT_INDEX)
    return EventsComponent(EventDetector(EventResources.load()), CodedPoints(gazetteer))
