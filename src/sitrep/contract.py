"""Records <-> the JSON of ``../shared/CONTRACT.md`` (``sitrep analyze --json``).

Contract fields come first and keep their meaning; sitrep's additions (cue
offsets, speaker offsets, precision, quantities, ...) ride along as extra keys,
which the contract allows. The inverse functions let stores and tests rebuild
records from that JSON without a second schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import Any

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
    Storyline,
    StorylineMember,
)

JSON = dict[str, Any]


def _plain(record: object) -> JSON:
    out = asdict(record)  # type: ignore[call-overload]
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in out.items()}


def article_to_json(a: Article) -> JSON:
    return {
        "id": a.id,
        "title": a.title,
        "published": a.published,
        "outlet": a.outlet,
        "url": a.url,
        "source": a.source,
        "text": a.text,
    }


def claim_to_json(c: Claim) -> JSON:
    out = _plain(c)
    out["speaker"] = _plain(c.speaker)
    return out


def event_to_json(e: Event) -> JSON:
    return _plain(e)


def analysis_to_json(a: ArticleAnalysis) -> JSON:
    return {
        "article": article_to_json(a.article),
        "claims": [claim_to_json(c) for c in a.claims],
        "places": [_plain(p) for p in a.places],
        "dates": [_plain(d) for d in a.dates],
        "events": [event_to_json(e) for e in a.events],
        "disclaimers": [_plain(d) for d in a.disclaimers],
        "quantities": [_plain(q) for q in a.quantities],
    }


def storyline_to_json(s: Storyline) -> JSON:
    return {
        "id": s.id,
        "about": s.about,
        "status": s.status,
        "members": [{"article": m.article, "claim": m.claim} for m in s.members],
        "sides": dict(s.sides),
        "origins": s.origins,
        "unverified": s.unverified,
    }


def report_to_json(analyses: Iterable[ArticleAnalysis], storylines: Sequence[Storyline] = ()) -> JSON:
    return {
        "articles": [analysis_to_json(a) for a in analyses],
        "storylines": [storyline_to_json(s) for s in storylines],
    }


# ---- inverse: JSON -> records -------------------------------------------------


def _tuple_fields(d: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    out = dict(d)
    for name in names:
        if name in out and out[name] is not None:
            out[name] = tuple(out[name])
    return out


def claim_from_json(d: Mapping[str, Any]) -> Claim:
    fields = _tuple_fields(d, ["hedges"])
    fields["speaker"] = Speaker(**fields["speaker"])
    return Claim(**fields)


def event_from_json(d: Mapping[str, Any]) -> Event:
    return Event(
        **_tuple_fields(d, ["actors", "claims", "quantities", "actor_names", "asserted_by", "denied_by"])
    )


def analysis_from_json(d: Mapping[str, Any]) -> ArticleAnalysis:
    return ArticleAnalysis(
        article=Article(**d["article"]),
        claims=tuple(claim_from_json(c) for c in d.get("claims", [])),
        places=tuple(Place(**p) for p in d.get("places", [])),
        dates=tuple(DateMention(**x) for x in d.get("dates", [])),
        events=tuple(event_from_json(e) for e in d.get("events", [])),
        disclaimers=tuple(Disclaimer(**x) for x in d.get("disclaimers", [])),
        quantities=tuple(Quantity(**q) for q in d.get("quantities", [])),
    )


def storyline_from_json(d: Mapping[str, Any]) -> Storyline:
    return Storyline(
        id=d["id"],
        about=d["about"],
        status=d["status"],
        members=tuple(StorylineMember(m["article"], m["claim"]) for m in d.get("members", [])),
        sides=dict(d.get("sides", {})),
        origins=d.get("origins", 1),
        unverified=d.get("unverified", False),
    )
