"""What linking needs to know about one claim, derived from its article's records.

Everything here is a pure function of one ``ArticleAnalysis``, which is what
lets the incremental path reach exactly the batch result: a claim's view does
not depend on which other articles happen to be loaded. Missing stages
degrade the view (no places, no events, the publication date as the claim's
date) instead of failing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sitrep.records import ArticleAnalysis, Claim, Place

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.])")
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "dozens": 24, "hundreds": 200, "thousands": 2000,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlaceKey:
    """A resolved place reduced to what containment and distance tests need."""

    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class ClaimView:
    article: str
    idx: int
    day: int | None  # proleptic ordinal of the date the claim is about, None if nothing is dated
    side: str | None
    speaker: str
    refutes: bool
    places: tuple[PlaceKey, ...]
    event_types: tuple[str, ...]
    events: tuple[int, ...]  # indices of the article's events that cite this claim
    tolls: tuple[float, ...]
    unverified: bool
    content: str
    context: str  # the paragraph around the claim: pronoun-heavy claims need it to be recognisable
    event_date: str | None = None
    event_place: str | None = None
    # A direct quote with no cue of its own, right after the same speaker's claim: the reporter
    # split one statement in two ("...," the ministry said. "Even the second line ...").
    continues: bool = False
    denies: bool = False  # the attribution stage marked it a denial (polarity), not just a phrase

    @property
    def key(self) -> tuple[str, int]:
        return (self.article, self.idx)


@dataclass(frozen=True)
class Lexicon:
    """The refutation patterns and toll words, loaded once per ``Linker``."""

    refutations: tuple[re.Pattern[str], ...]
    toll_stems: tuple[str, ...]

    @classmethod
    def load(cls, directory: Path | None = None) -> Lexicon:
        d = directory or Path(str(resources.files("sitrep") / "data" / "stance"))
        pats: list[re.Pattern[str]] = []
        for line in (d / "refutations.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                pats.append(re.compile(line.split("\t")[0], re.IGNORECASE))
        stems = tuple(
            w.strip().lower()
            for w in (d / "casualty_words.txt").read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")
        )
        return cls(tuple(pats), stems)

    def refutes(self, claim: Claim) -> bool:
        return claim.polarity == "deny" or any(p.search(claim.content) for p in self.refutations)

    def tolls(self, text: str) -> tuple[float, ...]:
        """Numbers stated as a toll ("more than 600 ... killed"): only when a toll word is in the claim."""
        low = text.lower()
        if not any(re.search(r"\b" + re.escape(s), low) for s in self.toll_stems):
            return ()
        values = [float(m.group(1).replace(",", "")) for m in _NUMBER.finditer(text)]
        values += [float(v) for w, v in _WORD_NUMBERS.items() if re.search(rf"\b{w}\b", low)]
        return tuple(sorted(v for v in values if v >= 2 and not 1900 <= v <= 2100))


def to_day(value: str | None) -> int | None:
    """ISO day to ordinal; month or year precision is too coarse to block on."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def paragraph(text: str, start: int, end: int, limit: int = 600) -> str:
    a = text.rfind("\n\n", 0, start)
    a = 0 if a < 0 else a + 2
    b = text.find("\n\n", end)
    b = len(text) if b < 0 else b
    if b - a > limit:  # long paragraphs: keep the window centred on the claim
        mid = (start + end) // 2
        a = max(a, mid - limit // 2)
        b = min(b, a + limit)
    return text[a:b].strip()


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    a = 0 if a < 0 else a + 1
    b_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    b = min(b_candidates) if b_candidates else len(text)
    return a, b


def _place_key(p: Place) -> PlaceKey:
    return PlaceKey(p.name, p.kind, p.country, p.admin1, p.lat, p.lon)


def _places_within(places: Sequence[Place], lo: int, hi: int) -> list[PlaceKey]:
    return [_place_key(p) for p in places if lo <= p.start and p.end <= hi and p.kind != "country"]


def _not_in_titles(analysis: ArticleAnalysis) -> list[Place]:
    """Places outside speaker mentions: "Donetsk regional governor" says who speaks, not where."""
    titles = [
        (c.speaker.start, c.speaker.end)
        for c in analysis.claims
        if c.speaker.start is not None and c.speaker.end is not None
    ]
    return [p for p in analysis.places if not any(a <= p.start and p.end <= b for a, b in titles)]


def _places_near(analysis: ArticleAnalysis, start: int, end: int) -> list[PlaceKey]:
    """Places of the claim's sentence, else earlier in its paragraph, else the lead, else later on.

    News puts an unlocated claim ("no one had been killed") where the story
    is; without this a denial would share no place with the claim it denies.
    "The city" refers back, so a place named after the claim ("... in
    retaliation for Makiivka") is the last resort, not the first; a place in a
    speaker's title is used only when the article names no other.
    """
    text = analysis.article.text
    s0, s1 = _sentence_bounds(text, start, end)
    p0 = text.rfind("\n\n", 0, start)
    p0 = 0 if p0 < 0 else p0
    p1 = text.find("\n\n", end)
    p1 = len(text) if p1 < 0 else p1
    lead_end = text.find("\n\n")
    lead_end = len(text) if lead_end < 0 else lead_end
    for places in (_not_in_titles(analysis), analysis.places):
        for lo, hi in ((s0, s1), (p0, s0), (0, lead_end), (s1, p1)):
            found = _places_within(places, lo, hi)
            if found:
                return found
    return []


def _continues(analysis: ArticleAnalysis, i: int) -> bool:
    c = analysis.claims[i]
    if i == 0 or c.cue is not None or c.kind != "direct":
        return False
    prev = analysis.claims[i - 1]
    return prev.speaker.name == c.speaker.name and prev.end <= c.start


def claim_views(analysis: ArticleAnalysis, lexicon: Lexicon) -> list[ClaimView]:
    art = analysis.article
    text = art.text
    published = to_day(art.published)
    out: list[ClaimView] = []
    for i, c in enumerate(analysis.claims):
        ev_idx = tuple(k for k, e in enumerate(analysis.events) if i in e.claims)
        evs = [analysis.events[k] for k in ev_idx]
        places: list[PlaceKey] = []
        for e in evs:
            if e.place is not None and 0 <= e.place < len(analysis.places):
                places.append(_place_key(analysis.places[e.place]))
        if not places:
            places = _places_near(analysis, c.start, c.end)
        day = next((d for d in (to_day(e.date) for e in evs) if d is not None), None)
        if day is None:
            day = to_day(c.said_on)
        if day is None:
            inside = [to_day(d.value) for d in analysis.dates if c.start <= d.start and d.end <= c.end]
            day = next((d for d in inside if d is not None), None)
        if day is None:
            day = published
        out.append(
            ClaimView(
                article=art.id,
                idx=i,
                day=day,
                side=c.speaker.side,
                speaker=c.speaker.name,
                refutes=lexicon.refutes(c),
                places=tuple(dict.fromkeys(places)),
                event_types=tuple(sorted({e.type for e in evs})),
                events=ev_idx,
                tolls=lexicon.tolls(c.content),
                unverified=c.unverified,
                content=c.content,
                context=paragraph(text, c.start, c.end),
                event_date=next((e.date for e in evs if e.date), None),
                event_place=places[0].name if places else None,
                continues=_continues(analysis, i),
                denies=c.polarity == "deny",
            )
        )
    return out
