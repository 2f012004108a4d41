"""Hand-built analyses: small articles whose claims, sides and places are set by the test."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.records import Article, ArticleAnalysis, Claim, Disclaimer, Place, Speaker

PLACES = {
    "Soledar": ("city", "UA", "Donetsk Oblast", 48.68, 38.09),
    "Bakhmut": ("city", "UA", "Donetsk Oblast", 48.59, 38.00),
    "Kramatorsk": ("city", "UA", "Donetsk Oblast", 48.72, 37.56),
    "Makiivka": ("city", "UA", "Donetsk Oblast", 48.03, 37.96),
    "Kyiv": ("city", "UA", "Kyiv", 50.45, 30.52),
    "Kherson": ("city", "UA", "Kherson Oblast", 46.64, 32.61),
}


@dataclass(frozen=True)
class Said:
    side: str | None
    speaker: str
    content: str
    polarity: str = "assert"


def article(
    body: list[Said],
    *,
    published: str,
    outlet: str,
    lead: str = "",
    tail: str = "",
    disclaimer: str | None = None,
) -> ArticleAnalysis:
    """One paragraph per claim: '<speaker> said <content>.'; places found by name in the text."""
    parts = [lead] if lead else []
    spans: list[tuple[int, Said]] = []
    text = ""
    for p in parts:
        text += p + "\n\n"
    for s in body:
        prefix = f"{s.speaker} {'denied that' if s.polarity == 'deny' else 'said'} "
        spans.append((len(text) + len(prefix), s))
        text += prefix + s.content + ".\n\n"
    if disclaimer:
        dis_start = len(text)
        text += disclaimer + "\n\n"
    text += tail
    art = Article.from_text(text, title=body[0].content[:40], published=published, outlet=outlet)
    claims = tuple(
        Claim(
            content=s.content,
            start=start,
            end=start + len(s.content),
            kind="indirect",
            speaker=Speaker(text=s.speaker, name=s.speaker, side=s.side),
            cue="said",
            polarity=s.polarity,  # type: ignore[arg-type]
        )
        for start, s in spans
    )
    places = []
    for name, (kind, country, admin1, lat, lon) in PLACES.items():
        at = text.find(name)
        while at >= 0:
            places.append(Place(name, at, at + len(name), name, kind, country, admin1, lat, lon))  # type: ignore[arg-type]
            at = text.find(name, at + 1)
    places.sort(key=lambda p: p.start)
    disclaimers = (Disclaimer(disclaimer, dis_start, dis_start + len(disclaimer)),) if disclaimer else ()
    return ArticleAnalysis(article=art, claims=claims, places=tuple(places), disclaimers=disclaimers)


SOLEDAR_RU = Said("Russia", "Yevgeny Prigozhin", "Wagner fighters had taken control of the town of Soledar")
SOLEDAR_UA = Said("Ukraine", "Serhiy Cherevatyi", "statements about the capture of Soledar were not true")
SOLEDAR_UA_DENY = Said("Ukraine", "Hanna Maliar", "Russian forces had captured Soledar", "deny")
BALLOONS = Said(
    "Ukraine", "Kyiv city military administration", "air defences shot down six balloons over Kyiv"
)
BALLOONS_2 = Said(
    "Ukraine",
    "Kyiv city military administration",
    "six Russian balloons were shot down over Kyiv on Wednesday",
)
KHERSON_RU = Said(
    "Russia", "Russian Defence Ministry", "its troops had completed the withdrawal from Kherson city"
)
KHERSON_UA = Said("Ukraine", "Ukrainian military intelligence", "Russian troops had left Kherson city")
