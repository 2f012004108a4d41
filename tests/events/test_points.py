"""Where an event is coded: ACLED's convention for events known only to a region (its capital)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from spacy.language import Language

from sitrep.events.detector import EventDetector
from sitrep.events.points import CodedPoints
from sitrep.events.resources import EventResources
from sitrep.export.acled import write_acled_rows
from sitrep.gazetteer.index import DEFAULT_INDEX, Gazetteer, GazetteerEntry
from sitrep.nlp import extensions as ext
from sitrep.records import Article, ArticleAnalysis, Event, Place
from sitrep.stages.events import EventsComponent

_OBLAST = GazetteerEntry(
    700567, "Mykolaiv Oblast", "admin1", "UA", None, "UA.16", 47.39, 31.77, 1_100_000, "ADM1"
)
_SEAT = GazetteerEntry(700569, "Mykolaiv", "city", "UA", None, "UA.16", 46.976, 31.993, 470_000, "PPLA")


class _Gazetteer:
    """Just what coding needs: the region by id and its seat."""

    def get(self, geonames_id: int) -> GazetteerEntry | None:
        return {_OBLAST.id: _OBLAST, _SEAT.id: _SEAT}.get(geonames_id)

    def admin1_capital(self, code: str) -> GazetteerEntry | None:
        return _SEAT if code == "UA.16" else None


def _oblast_place(text: str) -> Place:
    start = text.index("Mykolaiv region")
    return Place(
        "Mykolaiv region",
        start,
        start + 15,
        "Mykolaiv Oblast",
        "admin1",
        "UA",
        "Mykolaiv Oblast",
        47.39,
        31.77,
        geonames_id=_OBLAST.id,
    )


def test_a_region_is_coded_at_its_capital_and_a_town_at_itself() -> None:
    points = CodedPoints(_Gazetteer())  # type: ignore[arg-type]
    text = "Drones were shot down over the Mykolaiv region."
    assert points.point(_oblast_place(text)) == (46.976, 31.993)
    town = Place(
        "Ochakiv", 0, 7, "Ochakiv", "city", "UA", "Mykolaiv Oblast", 46.61, 31.54, geonames_id=698625
    )
    assert points.point(town) == (46.61, 31.54)
    # a region the gazetteer knows no seat for keeps its own point; no place, no point
    other = replace(_oblast_place(text), geonames_id=12345)
    assert points.point(other) == (47.39, 31.77)
    assert points.point(None) is None


def test_the_events_stage_codes_a_region_level_event_at_the_capital_and_keeps_the_region_as_place(
    nlp: Language,
) -> None:
    component = EventsComponent(EventDetector(EventResources.load()), CodedPoints(_Gazetteer()))  # type: ignore[arg-type]
    text = "Ukrainian air defence destroyed 4 Russian drones over the Mykolaiv region."
    doc = nlp.make_doc(text)
    setattr(doc._, ext.PUBLISHED, "2024-02-13")
    setattr(doc._, ext.PLACES, [_oblast_place(text)])
    for name in (ext.DATES, ext.CLAIMS, ext.QUANTITIES):
        setattr(doc._, name, [])
    (event,) = getattr(component(doc)._, ext.EVENTS)
    assert (event.place, event.geo_precision) == (0, 3)
    assert (event.lat, event.lon) == (46.976, 31.993)
    assert getattr(doc._, ext.PLACES)[0].kind == "admin1"


def test_acled_export_writes_the_coded_point() -> None:
    text = "Drones were shot down over the Mykolaiv region."
    event = Event(
        "Strategic developments", "Disrupted weapons use", place=0, geo_precision=3, lat=46.976, lon=31.993
    )
    analysis = ArticleAnalysis(Article.from_text(text), places=(_oblast_place(text),), events=(event,))
    out = io.StringIO()
    write_acled_rows([analysis], out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("46.976", "31.993", "3")
    assert row["admin1"] == "Mykolaiv Oblast"


@pytest.mark.skipif(not DEFAULT_INDEX.is_file(), reason="gazetteer index not built")
def test_real_index_knows_oblast_capitals() -> None:
    gazetteer = Gazetteer()
    seat = gazetteer.admin1_capital("UA.16")
    assert seat is not None and seat.fcode == "PPLA" and seat.lat == pytest.approx(46.976, abs=0.01)
    oblast = next(e for e in gazetteer.lookup("Odesa") if e.kind == "admin1")
    assert CodedPoints(gazetteer).point(
        Place(
            "Odesa",
            0,
            5,
            oblast.name,
            "admin1",
            "UA",
            oblast.name,
            oblast.lat,
            oblast.lon,
            geonames_id=oblast.id,
        )
    ) == pytest.approx((46.486, 30.744), abs=0.01)
