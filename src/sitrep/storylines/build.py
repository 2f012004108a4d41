"""From a linked group of claims to a Storyline: sides, status, origins, id, description.

Status rules, in order:

* contested: two sides take different stances (a side denies when one of its
  claims has polarity ``deny``, or at least half refute with a phrase such as
  "not true", "fighting continues", "no casualties"); or the stance model
  finds a cross-side pair from two articles that disagrees; or two speakers
  not on the same side give tolls for the same event that differ by half or
  more (Makiivka: 89 against about 400).
* corroborated: otherwise, when the members come from two or more
  independent origins (see :mod:`origins`).
* single-source: everything else.

A group becomes a storyline only if it has two or more claims from two or
more articles, or from two or more sides in one article (an article that
carries an assertion and its denial is already a contested storyline, as in
the contract's example); a lone claim, or one article elaborating its own
claim, is not a storyline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence

from sitrep.records import Storyline, StorylineMember
from sitrep.storylines.origins import ArticleOrigin, count_origins, distinct
from sitrep.storylines.views import ClaimView

TOLL_RATIO = 1.5
ABOUT_CHARS = 110
MAX_STANCE_PAIRS = 60

DisagreeFn = Callable[[Sequence[tuple[ClaimView, ClaimView]]], list[float]]


def founding(members: Sequence[ClaimView]) -> ClaimView:
    """The earliest claim: its key names the storyline, so ids survive later additions."""
    return min(members, key=lambda v: (v.day if v.day is not None else 10**9, v.article, v.idx))


def storyline_id(members: Sequence[ClaimView]) -> str:
    f = founding(members)
    return "sl-" + hashlib.sha256(f"{f.article}:{f.idx}".encode()).hexdigest()[:16]


def worth_keeping(members: Sequence[ClaimView]) -> bool:
    if len(members) < 2:
        return False
    articles = {v.article for v in members}
    sides = {v.side for v in members if v.side}
    return len(articles) >= 2 or len(sides) >= 2


def _toll_conflict(a: ClaimView, b: ClaimView) -> bool:
    if not a.tolls or not b.tolls or a.refutes or b.refutes:
        return False
    hi_a, hi_b = max(a.tolls), max(b.tolls)
    return max(hi_a, hi_b) / min(hi_a, hi_b) >= TOLL_RATIO


def _shorten(text: str, limit: int = ABOUT_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def about(members: Sequence[ClaimView], lead: ClaimView) -> str:
    """Event type, place and date when an event stage linked the claims; else the lead claim, shortened."""
    days = sorted({v.day for v in members if v.day is not None})
    when = ""
    if days:
        first, last = dt.date.fromordinal(days[0]), dt.date.fromordinal(days[-1])
        when = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
    typed = [v for v in members if v.event_types]
    if typed:
        ev = typed[0]
        where = next((v.event_place for v in typed if v.event_place), None)
        head = ev.event_types[0] + (f" in {where}" if where else "")
        return f"{head}: {_shorten(lead.content, 80)}" + (f", {when}" if when else "")
    who = lead.side or lead.speaker
    return f"{who}: {_shorten(lead.content)}" + (f" ({when})" if when else "")


def side_stance(claims: Sequence[ClaimView]) -> str:
    """'deny' when the side explicitly denies (polarity) or at least half its claims refute.

    A side's other claims in the storyline are often context ("the situation
    remains difficult"), so a strict majority would drown a denial; one
    explicit denial of the event is the side's position.
    """
    if any(v.denies for v in claims):
        return "deny"
    return "deny" if sum(v.refutes for v in claims) * 2 >= len(claims) else "assert"


def build_storyline(
    members: Sequence[ClaimView],
    origins: Mapping[str, ArticleOrigin],
    unverified_articles: frozenset[str],
    disagree: DisagreeFn | None,
    disagree_threshold: float,
) -> Storyline:
    members = sorted(members, key=lambda v: (v.article, v.idx))
    lead_claim = founding(members)
    by_side: dict[str, list[ClaimView]] = {}
    for v in members:
        if v.side:
            by_side.setdefault(v.side, []).append(v)
    stance = {side: side_stance(vs) for side, vs in sorted(by_side.items())}
    contested = len(set(stance.values())) > 1
    if not contested:
        # Tolls far apart from two speakers not on the same side (one may be unplaced: a monitor,
        # or a speaker attribution could not tie to a side), in one article or across articles.
        contested = any(
            _toll_conflict(a, b)
            for x, a in enumerate(members)
            for b in members[x + 1 :]
            if a.speaker != b.speaker and not (a.side and a.side == b.side)
        )
    if not contested and len(by_side) >= 2 and disagree is not None:
        # Within one article the attribution stage's polarity and the refutation phrases decide;
        # the stance model (trained on headline/body pairs) judges claims from different articles.
        cross = [
            (a, b)
            for x, a in enumerate(members)
            for b in members[x + 1 :]
            if a.side and b.side and a.side != b.side and a.article != b.article
        ][:MAX_STANCE_PAIRS]
        probs = disagree(cross) if cross else []
        hits = [pair for pair, p in zip(cross, probs, strict=True) if p >= disagree_threshold]
        if hits:
            contested = True
            lead_side = lead_claim.side
            for a, b in hits:  # the side that did not found the storyline is the one disagreeing
                other = b.side if a.side == lead_side else a.side
                if other and other != lead_side:
                    stance[other] = "deny"
    if stance and all(s == "deny" for s in stance.values()):
        # Everyone denies something nobody here asserts: the denial is the story.
        stance = dict.fromkeys(stance, "assert")
        contested = False
    member_origins = distinct(origins[v.article] for v in members if v.article in origins)
    n_origins = count_origins(member_origins) if member_origins else 1
    if contested:
        status = "contested"
    elif n_origins >= 2:
        status = "corroborated"
    else:
        status = "single-source"
    lead = lead_claim
    if lead.refutes:
        lead = next((v for v in members if not v.refutes and v.side == lead.side), lead)
    return Storyline(
        id=storyline_id(members),
        about=about(members, lead),
        status=status,  # type: ignore[arg-type]
        members=tuple(StorylineMember(v.article, v.idx) for v in members),
        sides=stance,
        origins=n_origins,
        unverified=any(v.unverified for v in members)
        or any(v.article in unverified_articles for v in members),
    )
