"""Plain, frozen records: the only currency between stages after the spaCy Doc.

Store, API, web UI and exports import these and never spaCy. Every record that
points into an article carries ``start``/``end`` as Python ``str`` indices into
``Article.text`` exactly as stored, so ``text[start:end]`` gives the mention back.
Field names follow ``../shared/CONTRACT.md``; extra fields are additions only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

ClaimKind = Literal["direct", "indirect", "mixed"]
Polarity = Literal["assert", "deny"]
SpeakerType = Literal["PERSON", "ORG", "GPE", "UNKNOWN"]
PlaceKind = Literal["city", "admin1", "country", "region", "feature"]
DatePrecision = Literal["day", "month", "year"]
StorylineStatus = Literal["contested", "corroborated", "single-source"]


def article_id(text: str) -> str:
    """SHA-256 of the exact decoded text: the same text is the same article wherever it came from."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD"
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # path, URL or "<stdin>" it was read from

    @property
    def label(self) -> str:
        """How errors name this article: where it came from, else its id's prefix."""
        return self.source or f"article {self.id[:12]}"

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str | None = None,
        published: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        source: str | None = None,
    ) -> Article:
        return cls(
            id=article_id(text),
            text=text,
            title=title,
            published=published,
            outlet=outlet,
            url=url,
            source=source,
        )


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str | None  # the mention as written nearest the claim
    name: str  # canonical name after resolution
    type: SpeakerType = "UNKNOWN"
    side: str | None = None  # party spoken for; None when independent or unknown
    start: int | None = None  # offsets of ``text`` when it is in the article
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    content: str
    start: int
    end: int
    kind: ClaimKind
    speaker: Speaker
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    stance: str | None = None  # cue lexicon stance: assert, deny, confirm, urge, warn, ...
    channel: str | None = None
    said_on: str | None = None
    polarity: Polarity = "assert"
    hedges: tuple[str, ...] = ()
    unverified: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    mention: str
    start: int
    end: int
    name: str
    kind: PlaceKind
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    # village, hromada / raion (a village placed at that unit's middle), city, admin1, country, region, offset
    precision: str | None = None
    anchor: str | None = None  # for relative places: the place the offset is from
    offset_km: float | None = None  # for relative places: stated distance from the anchor
    bearing: float | None = None  # for relative places: degrees clockwise from north


@dataclass(frozen=True, slots=True)
class DateMention:
    expression: str
    start: int
    end: int
    value: str | None  # ISO date, month ("2023-02") or year; None when unresolved
    precision: DatePrecision | None = None
    range_start: str | None = None  # for intervals ("in recent weeks", "since January")
    range_end: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float | None = None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # up to, over, more than, about, ...
    noun: str | None = None  # what is counted: "settlements", "balloons"


@dataclass(frozen=True, slots=True)
class Disclaimer:
    text: str
    start: int
    end: int
    kind: str = "unverified"  # unverified, no-evidence, no-comment


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    sub_type: str
    actors: tuple[str, ...] = ()  # sides, e.g. ("Russia", "Ukraine")
    place: int | None = None  # index into the article's places
    date: str | None = None
    claims: tuple[int, ...] = ()  # indices into claims that assert or deny it
    quantities: tuple[str, ...] = ()
    trigger: str | None = None
    start: int | None = None  # offsets of the trigger
    end: int | None = None
    actor_names: tuple[str, ...] = ()  # named forces, e.g. "Military Forces of Russia (2022-)"
    asserted_by: tuple[int, ...] = ()
    denied_by: tuple[int, ...] = ()
    geo_precision: int | None = None  # ACLED 1 (exact) .. 3 (region)
    time_precision: int | None = None  # ACLED 1 (day) .. 3 (month or wider)
    fatalities: int | None = None
    notes: str | None = None
    # The point the event is coded at (ACLED's latitude/longitude): the place's own point, except
    # that an event placed only at an admin-1 region is coded at the region's capital, as ACLED
    # codes it (geo_precision 3). None when the event has no place with a point.
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything sitrep found in one article; what ``analyze`` prints and ``ingest`` stores."""

    article: Article
    claims: tuple[Claim, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    disclaimers: tuple[Disclaimer, ...] = ()
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True, slots=True)
class StorylineMember:
    article: str  # article id
    claim: int  # index into that article's claims


@dataclass(frozen=True, slots=True)
class Storyline:
    id: str
    about: str
    status: StorylineStatus
    members: tuple[StorylineMember, ...] = ()
    sides: dict[str, str] = field(default_factory=dict)  # side -> "assert" | "deny"
    origins: int = 1  # independent origins after reprint detection
    unverified: bool = False
