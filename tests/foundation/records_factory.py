"""Hand-made analyses for store, contract and export tests (no model needed)."""

from __future__ import annotations

from sitrep.records import (
    Article,
    ArticleAnalysis,
    Claim,
    DateMention,
    Disclaimer,
    Event,
    Place,
    Quantity,
    Speaker,
)


def _at(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def make_analysis(
    text: str = "The Russian Defence Ministry said on Wednesday its forces took Soledar. "
    "Ukraine's military denied that Soledar had fallen. Reuters could not independently verify the reports.",
    *,
    published: str = "2023-01-13",
    outlet: str = "Sample Wire A",
    title: str = "Soledar",
) -> ArticleAnalysis:
    art = Article.from_text(text, title=title, published=published, outlet=outlet, source="test")
    s1, e1 = _at(text, "its forces took Soledar")
    m1, n1 = _at(text, "The Russian Defence Ministry")
    s2, e2 = _at(text, "that Soledar had fallen")
    m2, n2 = _at(text, "Ukraine's military")
    p1, q1 = _at(text, "Soledar")
    p2, q2 = _at(text, "Soledar", q1)
    d1, d2 = _at(text, "on Wednesday")
    c1, c2 = _at(text, "said")
    x1, x2 = _at(text, "could not independently verify the reports")
    claims = (
        Claim(
            text[s1:e1],
            s1,
            e1,
            "indirect",
            Speaker(text[m1:n1], "Russian Defence Ministry", "ORG", "Russia", m1, n1),
            cue="said",
            cue_start=c1,
            cue_end=c2,
            stance="assert",
            said_on="2023-01-11",
            unverified=True,
        ),
        Claim(
            text[s2:e2],
            s2,
            e2,
            "indirect",
            Speaker(text[m2:n2], "Armed Forces of Ukraine", "ORG", "Ukraine", m2, n2),
            cue="denied",
            polarity="deny",
            hedges=(),
        ),
    )
    places = (
        Place("Soledar", p1, q1, "Soledar", "city", "UA", "Donetsk", 48.68, 38.09, 706757, "city"),
        Place(
            "Soledar",
            p2,
            q2,
            "Soledar",
            "city",
            "UA",
            "Donetsk",
            48.68,
            38.09,
            706757,
            "city",
            offset_km=None,
            bearing=90.0,
        ),
    )
    dates = (DateMention(text[d1:d2], d1, d2, "2023-01-11", "day"),)
    events = (
        Event(
            "Battles",
            "Non-state actor overtakes territory",
            ("Russia", "Ukraine"),
            0,
            "2023-01-11",
            (0, 1),
            asserted_by=(0,),
            denied_by=(1,),
            geo_precision=1,
            time_precision=1,
            lat=48.68,  # coded at its town's point, as the events stage codes it
            lon=38.09,
        ),
    )
    disclaimers = (Disclaimer(text[x1:x2], x1, x2),)
    return ArticleAnalysis(art, claims, places, dates, events, disclaimers, (Quantity("x", 0, 1),)[:0])
