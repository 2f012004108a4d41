"""Pydantic shapes of requests and responses: the documented surface of the API.

Responses mirror ``../shared/CONTRACT.md`` field for field (a claim here is a
contract claim plus where it lives), so a client of ``sitrep analyze --json``
reads the API with the same code. Models describe and check; building them is
left to :mod:`sitrep.api.payloads`.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

Status = Literal["contested", "corroborated", "single-source"]


class ErrorInfo(BaseModel):
    status: int
    code: str = Field(description="Stable machine-readable code, e.g. not_found, invalid_parameters.")
    message: str
    detail: list[dict[str, object]] | None = None


class ErrorOut(BaseModel):
    error: ErrorInfo


class Page(BaseModel, Generic[T]):
    items: list[T]
    next: str | None = Field(
        description="Cursor for the next page (pass as ?cursor=); null on the last page."
    )
    limit: int


class SpeakerOut(BaseModel):
    text: str | None
    name: str
    type: str
    side: str | None
    start: int | None = None
    end: int | None = None


class ArticleRef(BaseModel):
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None = None


class StorylineRef(BaseModel):
    id: str
    status: str


class ClaimOut(BaseModel):
    id: int
    article_id: str
    idx: int = Field(description="Index of the claim in its article (the contract's claim index).")
    content: str
    start: int
    end: int
    kind: str
    cue: str | None
    speaker: SpeakerOut
    channel: str | None
    said_on: str | None
    polarity: str
    hedges: list[str]
    unverified: bool
    stance: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    article: ArticleRef
    storyline: StorylineRef | None


class EventOut(BaseModel):
    id: int
    article_id: str
    idx: int
    type: str
    sub_type: str
    actors: list[str]
    date: str | None
    place: int | None
    place_name: str | None
    lat: float | None
    lon: float | None
    claims: list[int]
    asserted_by: list[int]
    denied_by: list[int]
    quantities: list[str]
    fatalities: int | None
    trigger: str | None
    start: int | None
    end: int | None
    notes: str | None
    geo_precision: int | None
    time_precision: int | None
    asserting_sides: list[str] = Field(description="Sides whose claims assert the event.")
    denying_sides: list[str]
    status: Status | None = Field(description="Most contested status among its claims' storylines.")
    storylines: list[str]
    sources: int = Field(description="Independent origins of its best-sourced storyline (at least 1).")
    article: ArticleRef


class EventDetail(EventOut):
    claim_records: list[ClaimOut]


class PlaceOut(BaseModel):
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    mentions: int
    articles: int


class MemberOut(BaseModel):
    article_id: str
    claim_idx: int
    claim: ClaimOut | None = Field(description="Null when the member's claim is no longer stored.")


class StorylineOut(BaseModel):
    id: str
    about: str
    status: Status
    sides: dict[str, str]
    origins: int
    unverified: bool
    members: list[MemberOut]


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    n_claims: int
    n_events: int


class ArticleDetail(BaseModel):
    article: dict[str, object] = Field(description="The contract's article object, text included.")
    claims: list[dict[str, object]] = Field(
        description="Contract claims plus id and storyline {id, status, origins, about} (or null)."
    )
    places: list[dict[str, object]]
    dates: list[dict[str, object]]
    events: list[dict[str, object]] = Field(description="Contract events plus id, lat and lon.")
    disclaimers: list[dict[str, object]]
    quantities: list[dict[str, object]]


class DayCount(BaseModel):
    day: str
    events: int
    claims: int


class Facet(BaseModel):
    value: str
    count: int


class Overview(BaseModel):
    counts: dict[str, int]
    sides: list[Facet]
    event_types: list[Facet]
    outlets: list[Facet]
    statuses: list[Facet]
    published: dict[str, str | None]
    writes_enabled: bool


class ArticleIn(BaseModel):
    """A new article to analyse and store. Text only: the API never reads a path or fetches a URL."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=500_000)
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(
        default=None, max_length=40, description="ISO date; time and zone are dropped."
    )
    url: str | None = Field(default=None, max_length=2000, description="Recorded as metadata, never fetched.")
    outlet: str | None = Field(default=None, max_length=200)


class ArticleCreated(BaseModel):
    id: str
    inserted: bool = Field(description="False when the same text was already stored (nothing changed).")
    claims: int
    events: int
    places: int
