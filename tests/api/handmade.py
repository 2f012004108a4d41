"""A small, hand-made store for API and browser tests (no model needed).

Texts are written for these tests. Offsets are computed from the text, so
``text[start:end] == content`` holds by construction. One article is hostile:
its title, text, outlet, speaker names, side and storyline description carry
script and event-handler payloads that set ``window.__pwned``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.records import (
    Article,
    ArticleAnalysis,
    Claim,
    ClaimKind,
    DateMention,
    Disclaimer,
    Event,
    Place,
    Polarity,
    Speaker,
    Storyline,
    StorylineMember,
)
from sitrep.store import Store

SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
HOSTILE_SPEAKER = "<img src=x onerror=window.__pwned=1>Colonel X"
HOSTILE_SIDE = "<svg onload=window.__pwned=1>"

COORDS = {
    "Kramatorsk": (48.7231, 37.5563, "Donetsk"),
    "Soledar": (48.6833, 38.0833, "Donetsk"),
    "Bakhmut": (48.5956, 37.9999, "Donetsk"),
    "Kyiv": (50.4501, 30.5234, "Kyiv City"),
    "Makiivka": (48.0478, 37.9258, "Donetsk"),
}


@dataclass
class _ClaimSpec:
    content: str
    speaker_text: str
    speaker_name: str
    side: str | None
    kind: ClaimKind = "indirect"
    cue: str = "said"
    polarity: Polarity = "assert"
    hedges: tuple[str, ...] = ()
    unverified: bool = False
    channel: str | None = None
    said_on: str | None = None


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def _build(
    title: str,
    published: str,
    outlet: str,
    text: str,
    specs: list[_ClaimSpec],
    place_names: list[str],
    date_exprs: list[tuple[str, str]],
    events: list[Event],
    url: str | None = None,
    disclaimer: str | None = None,
) -> ArticleAnalysis:
    claims = []
    for s in specs:
        start, end = _span(text, s.content)
        sp_start, sp_end = _span(text, s.speaker_text)
        claims.append(
            Claim(
                content=s.content,
                start=start,
                end=end,
                kind=s.kind,
                speaker=Speaker(
                    text=s.speaker_text,
                    name=s.speaker_name,
                    type="ORG",
                    side=s.side,
                    start=sp_start,
                    end=sp_end,
                ),
                cue=s.cue,
                polarity=s.polarity,
                hedges=s.hedges,
                unverified=s.unverified,
                channel=s.channel,
                said_on=s.said_on or published,
            )
        )
    places = []
    for name in place_names:
        start, end = _span(text, name)
        lat, lon, admin1 = COORDS[name]
        places.append(
            Place(
                mention=name,
                start=start,
                end=end,
                name=name,
                kind="city",
                country="UA",
                admin1=admin1,
                lat=lat,
                lon=lon,
            )
        )
    dates = []
    for expr, value in date_exprs:
        start, end = _span(text, expr)
        dates.append(DateMention(expression=expr, start=start, end=end, value=value, precision="day"))
    disclaimers: tuple[Disclaimer, ...] = ()
    if disclaimer:
        start, end = _span(text, disclaimer)
        disclaimers = (Disclaimer(text=disclaimer, start=start, end=end),)
    article = Article.from_text(text, title=title, published=published, outlet=outlet, url=url, source="test")
    return ArticleAnalysis(
        article=article,
        claims=tuple(claims),
        places=tuple(places),
        dates=tuple(dates),
        events=tuple(events),
        disclaimers=disclaimers,
    )


def analyses() -> list[ArticleAnalysis]:
    a1_text = (
        "Russia's Defence Ministry said on Sunday that a missile strike on Kramatorsk had killed "
        "more than 600 Ukrainian servicemen in two temporary barracks.\n\n"
        "Serhiy Cherevatyi, a spokesperson for Ukraine's eastern command, dismissed the figure. He said "
        "the missiles had damaged only civilian buildings.\n\n"
        "The mayor of Kramatorsk said there were no casualties at all.\n\n"
        "Sample Wire A could not independently verify either account."
    )
    a1 = _build(
        "Russia claims deadly strike on Kramatorsk; Kyiv rejects it",
        "2023-01-08",
        "Sample Wire A",
        a1_text,
        [
            _ClaimSpec(
                "a missile strike on Kramatorsk had killed more than 600 Ukrainian servicemen in two "
                "temporary barracks",
                "Russia's Defence Ministry",
                "Russian Defence Ministry",
                "Russia",
                unverified=True,
                channel="Telegram",
            ),
            _ClaimSpec(
                "the missiles had damaged only civilian buildings",
                "He",
                "Serhiy Cherevatyi",
                "Ukraine",
                polarity="deny",
            ),
            _ClaimSpec(
                "there were no casualties at all",
                "The mayor of Kramatorsk",
                "Oleksandr Honcharenko",
                "Ukraine",
                polarity="deny",
            ),
        ],
        ["Kramatorsk"],
        [("on Sunday", "2023-01-08")],
        [
            Event(
                type="Explosions/Remote violence",
                sub_type="Shelling/artillery/missile attack",
                actors=("Russia", "Ukraine"),
                place=0,
                date="2023-01-08",
                claims=(0, 1, 2),
                asserted_by=(0,),
                denied_by=(1, 2),
                fatalities=600,
                trigger="strike",
            )
        ],
        url="https://example.org/kramatorsk",
        disclaimer="Sample Wire A could not independently verify either account.",
    )
    a2_text = (
        "Reporters who visited the two dormitories in Kramatorsk on Monday found no sign of mass casualties. "
        "The Russian Defence Ministry repeated that the strike had killed hundreds of soldiers."
    )
    a2 = _build(
        "No sign of mass casualties at Kramatorsk dormitories",
        "2023-01-09",
        "Sample Post B",
        a2_text,
        [
            _ClaimSpec(
                "found no sign of mass casualties",
                "Reporters",
                "Sample Post B reporters",
                None,
                kind="indirect",
                cue="found",
            ),
            _ClaimSpec(
                "the strike had killed hundreds of soldiers",
                "The Russian Defence Ministry",
                "Russian Defence Ministry",
                "Russia",
                cue="repeated",
                hedges=("hundreds",),
            ),
        ],
        ["Kramatorsk"],
        [("on Monday", "2023-01-09")],
        [
            Event(
                type="Explosions/Remote violence",
                sub_type="Shelling/artillery/missile attack",
                actors=("Russia",),
                place=0,
                date="2023-01-08",
                claims=(0, 1),
                asserted_by=(1,),
                denied_by=(0,),
            )
        ],
    )
    a3_text = (
        "The head of the Wagner group said on Wednesday that his fighters had taken full control of Soledar. "
        "Hanna Maliar, Ukraine's deputy defence minister, said fighting in Soledar was continuing and that "
        "the town had not fallen."
    )
    a3 = _build(
        "Wagner chief claims Soledar; Ukraine says fighting goes on",
        "2023-01-11",
        "Sample Daily C",
        a3_text,
        [
            _ClaimSpec(
                "his fighters had taken full control of Soledar",
                "The head of the Wagner group",
                "Wagner Group",
                "Russia",
            ),
            _ClaimSpec(
                "fighting in Soledar was continuing and that the town had not fallen",
                "Hanna Maliar",
                "Hanna Maliar",
                "Ukraine",
                polarity="deny",
            ),
        ],
        ["Soledar"],
        [("on Wednesday", "2023-01-11")],
        [
            Event(
                type="Battles",
                sub_type="Armed clash",
                actors=("Russia", "Ukraine"),
                place=0,
                date="2023-01-11",
                claims=(0, 1),
                asserted_by=(0,),
                denied_by=(1,),
            )
        ],
    )
    a4_text = (
        "Russia's Defence Ministry said on Friday that Soledar had been captured, which may have been "
        "the biggest gain in months. Ukraine's military said its troops were still holding positions near "
        "Bakhmut."
    )
    a4 = _build(
        "Moscow says Soledar captured",
        "2023-01-13",
        "Sample Wire A",
        a4_text,
        [
            _ClaimSpec(
                "Soledar had been captured",
                "Russia's Defence Ministry",
                "Russian Defence Ministry",
                "Russia",
                hedges=("may have",),
            ),
            _ClaimSpec(
                "its troops were still holding positions near Bakhmut",
                "Ukraine's military",
                "Armed Forces of Ukraine",
                "Ukraine",
                polarity="deny",
            ),
        ],
        ["Soledar", "Bakhmut"],
        [("on Friday", "2023-01-13")],
        [
            Event(
                type="Battles",
                sub_type="Armed clash",
                actors=("Russia", "Ukraine"),
                place=0,
                date="2023-01-13",
                claims=(0,),
                asserted_by=(0,),
            ),
            Event(
                type="Battles",
                sub_type="Armed clash",
                actors=("Ukraine",),
                place=1,
                date="2023-01-13",
                claims=(1,),
                asserted_by=(1,),
            ),
        ],
    )
    a5_text = (
        "Ukraine's air force said on Friday that it had shot down 61 of 71 missiles fired at Kyiv and "
        "other cities. Moldova's defence ministry said a missile had crossed its airspace."
    )
    a5 = _build(
        "Ukraine says most missiles shot down",
        "2023-02-10",
        "Sample Post B",
        a5_text,
        [
            _ClaimSpec(
                "it had shot down 61 of 71 missiles fired at Kyiv and other cities",
                "Ukraine's air force",
                "Ukrainian Air Force",
                "Ukraine",
                channel="Telegram",
            ),
            _ClaimSpec(
                "a missile had crossed its airspace",
                "Moldova's defence ministry",
                "Moldovan Defence Ministry",
                "Moldova",
            ),
        ],
        ["Kyiv"],
        [("on Friday", "2023-02-10")],
        [
            Event(
                type="Explosions/Remote violence",
                sub_type="Air/drone strike",
                actors=("Russia", "Ukraine"),
                place=0,
                date="2023-02-10",
                claims=(0, 1),
                asserted_by=(0, 1),
            )
        ],
    )
    hostile_text = (
        f"{SCRIPT} Officials in Bakhmut said {IMG} shelling hit the market overnight. "
        f"A statement signed {HOSTILE_SPEAKER} said the convoy was destroyed {SCRIPT}."
    )
    hostile = _build(
        f"{SCRIPT}{IMG} Hostile report",
        "2023-01-20",
        f"<b>Outlet</b>{IMG}",
        hostile_text,
        [
            _ClaimSpec(
                f"{IMG} shelling hit the market overnight",
                "Officials in Bakhmut",
                HOSTILE_SPEAKER,
                HOSTILE_SIDE,
            ),
            _ClaimSpec(f"the convoy was destroyed {SCRIPT}", HOSTILE_SPEAKER, HOSTILE_SPEAKER, "Russia"),
        ],
        ["Bakhmut"],
        [],
        [
            Event(
                type="Explosions/Remote violence",
                sub_type="Shelling/artillery/missile attack",
                actors=(HOSTILE_SIDE,),
                place=0,
                date="2023-01-20",
                claims=(0, 1),
                asserted_by=(0, 1),
                notes=SCRIPT,
            )
        ],
        url="javascript:window.__pwned=1",
    )
    return [a1, a2, a3, a4, a5, hostile]


def storylines(items: list[ArticleAnalysis]) -> list[Storyline]:
    a1, a2, a3, a4, a5, hostile = (a.article.id for a in items)
    m = StorylineMember
    return [
        Storyline(
            id="s-kramatorsk",
            about="Casualties of the Kramatorsk strike",
            status="contested",
            members=(m(a1, 0), m(a1, 1), m(a1, 2), m(a2, 0), m(a2, 1)),
            sides={"Russia": "assert", "Ukraine": "deny"},
            origins=2,
            unverified=True,
        ),
        Storyline(
            id="s-soledar",
            about="Control of Soledar",
            status="contested",
            members=(m(a3, 0), m(a3, 1), m(a4, 0)),
            sides={"Russia": "assert", "Ukraine": "deny"},
            origins=2,
        ),
        Storyline(
            id="s-missiles",
            about="Missile barrage of 10 February",
            status="corroborated",
            members=(m(a5, 0), m(a5, 1)),
            sides={"Ukraine": "assert", "Moldova": "assert"},
            origins=2,
        ),
        Storyline(
            id="s-hostile",
            about=f"{SCRIPT} {IMG}",
            status="single-source",
            members=(m(hostile, 0), m(hostile, 1)),
            sides={HOSTILE_SIDE: "assert", "Russia": "assert"},
        ),
    ]


def fill(store: Store) -> list[ArticleAnalysis]:
    items = analyses()
    store.add_many(items)
    store.replace_storylines(storylines(items))
    return items
