"""Storylines against a gold file of cross-article storylines (``samples/storylines.gold.json``).

Gold members name an article by title and a claim by an exact substring of its
text; a system claim matches when its span overlaps that substring by at
least half of the shorter of the two. Per gold storyline we take the system
storyline holding most of its matched members and report whether it covers
every gold article and is no other gold storyline's best match (the event
became *one* storyline of its own), and whether status,
sides and origins agree. Member quality is B-cubed and pairwise precision/recall over the matched
claims, plus the share of the matched storylines' members that are gold members.

Two claim sources: ``pipeline`` analyses the gold articles with the full
pipeline (what users get); ``gold`` builds claims from the gold members
themselves (speakers, sides from the actor list, polarity from the words
before the claim) so that linking can be measured while extraction is not
ready, or in isolation.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.records import Article, ArticleAnalysis, Claim, Disclaimer, Place, PlaceKind, Speaker, Storyline

_DENY_CUE = re.compile(
    r"\b(?:denied|denies|deny|rejected|rejects|dismissed|disputed)\b(?: (?:that|reports that))?\W*$"
)
_DISCLAIMER = re.compile(
    r"[^.\n]*(?:could not|was not able to|were not able to|unable to) independently verify[^.\n]*"
)


def samples_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "samples"))


@dataclass(frozen=True)
class GoldMember:
    title: str
    content: str
    speaker: str


@dataclass(frozen=True)
class GoldStoryline:
    about: str
    status: str
    sides: dict[str, str]
    origins: int
    members: tuple[GoldMember, ...]


def load_gold(path: Path) -> list[GoldStoryline]:
    try:
        raw: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SitrepError(f"cannot read gold storylines {path}: {exc}") from exc
    return [
        GoldStoryline(
            about=s["about"],
            status=s["status"],
            sides=dict(s.get("sides", {})),
            origins=int(s.get("origins", 0)),
            members=tuple(GoldMember(m["title"], m["content"], m["speaker"]) for m in s["members"]),
        )
        for s in raw
    ]


def load_articles(path: Path) -> list[Article]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(
                Article.from_text(
                    d["text"],
                    title=d.get("title"),
                    published=d.get("published"),
                    outlet=d.get("outlet"),
                    url=d.get("url"),
                    source=str(path),
                )
            )
    return out


def _actor_sides() -> dict[str, str]:
    path = Path(str(resources.files("sitrep") / "data" / "actors" / "actors.jsonl"))
    sides: dict[str, str] = {}
    if not path.is_file():
        return sides
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        if d.get("side"):
            for name in [d["name"], *d.get("aliases", [])]:
                sides.setdefault(name, d["side"])
    return sides


def side_of(speaker: str, sides: dict[str, str]) -> str | None:
    if speaker in sides:
        return sides[speaker]
    for marker, side in (
        ("Ukrain", "Ukraine"),
        ("Kyiv", "Ukraine"),
        ("Russia", "Russia"),
        ("Kremlin", "Russia"),
    ):
        if marker in speaker:
            return side
    return None


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


def gazetteer_places(text: str) -> tuple[Place, ...]:
    """Ukrainian towns and oblasts in the text, most populous reading: stands in for the places stage."""
    from sitrep.gazetteer.index import Gazetteer

    gaz = Gazetteer()
    out: list[Place] = []
    for m in _CAPITALISED.finditer(text):
        entries = [e for e in gaz.lookup(m.group(0)) if e.country == "UA" and e.kind in ("city", "admin1")]
        entries = [e for e in entries if e.kind == "admin1" or e.population >= 5000]
        if not entries:
            continue
        e = max(entries, key=lambda x: x.population)
        kind: PlaceKind = "admin1" if e.kind == "admin1" else "city"
        out.append(
            Place(m.group(0), m.start(), m.end(), e.name, kind, e.country, e.admin1, e.lat, e.lon, e.id)
        )
    return tuple(out)


def gold_claim_analyses(articles: Sequence[Article], gold: Sequence[GoldStoryline]) -> list[ArticleAnalysis]:
    """Analyses whose claims are exactly the gold members, places from the gazetteer, no events or dates."""
    sides = _actor_sides()
    by_title = {a.title: a for a in articles}
    claims: dict[str, list[Claim]] = {a.id: [] for a in articles}
    for s in gold:
        for m in s.members:
            art = by_title.get(m.title)
            if art is None:
                raise SitrepError(f"gold member names an unknown article: {m.title!r}")
            start = art.text.find(m.content)
            if start < 0:
                raise SitrepError(f"gold content not in article {m.title!r}: {m.content!r}")
            before = art.text[max(0, start - 40) : start]
            polarity = "deny" if _DENY_CUE.search(before) else "assert"
            claims[art.id].append(
                Claim(
                    content=m.content,
                    start=start,
                    end=start + len(m.content),
                    kind="indirect",
                    speaker=Speaker(text=None, name=m.speaker, side=side_of(m.speaker, sides)),
                    polarity=polarity,  # type: ignore[arg-type]
                )
            )
    out = []
    for a in articles:
        cs = tuple(sorted(claims[a.id], key=lambda c: (c.start, c.end)))
        disc = tuple(
            Disclaimer(
                m.group(0).strip(),
                m.start() + (len(m.group(0)) - len(m.group(0).lstrip())),
                m.end() - (len(m.group(0)) - len(m.group(0).rstrip())),
            )
            for m in _DISCLAIMER.finditer(a.text)
        )
        out.append(ArticleAnalysis(article=a, claims=cs, places=gazetteer_places(a.text), disclaimers=disc))
    return out


@dataclass
class StorylineMatch:
    about: str
    found: bool  # one system storyline covers every gold article
    split: int  # how many system storylines the matched members are spread over
    matched_members: int
    gold_members: int
    status: str | None
    gold_status: str
    sides: dict[str, str] | None
    gold_sides: dict[str, str]
    origins: int | None
    gold_origins: int
    storyline_id: str | None = None
    merged: bool = False  # the same system storyline is also the best match of another gold storyline


@dataclass
class StorylineEvaluation:
    matches: list[StorylineMatch]
    extra: int  # multi-article system storylines that hold no gold member
    bcubed_precision: float
    bcubed_recall: float
    seconds: float
    claims_from: str
    method: str
    details: dict[str, object] = field(default_factory=dict)
    pairwise: PairCounts | None = None

    def figures(self) -> dict[str, object]:
        n = len(self.matches) or 1
        found = [m for m in self.matches if m.found]
        return {
            "gold_storylines": len(self.matches),
            "found_as_one_storyline": len(found),
            "status_correct": sum(1 for m in found if m.status == m.gold_status),
            "sides_correct": sum(1 for m in found if m.sides == m.gold_sides),
            "origins_correct": sum(1 for m in found if m.origins == m.gold_origins),
            "found_rate": round(len(found) / n, 4),
            "status_accuracy": round(
                sum(1 for m in self.matches if m.found and m.status == m.gold_status) / n, 4
            ),
            "bcubed_precision": round(self.bcubed_precision, 4),
            "bcubed_recall": round(self.bcubed_recall, 4),
            **(self.pairwise.figures() if self.pairwise else {}),
            "extra_storylines": self.extra,
            "claims_from": self.claims_from,
            "similarity": self.method,
            "seconds": round(self.seconds, 2),
        }


@dataclass(frozen=True)
class PairCounts:
    """Claim pairs over the claims that match gold members, and how pure the matched storylines are.

    ``members``/``gold_members`` count every member of the system storylines
    that hold a gold member, and those of them that are gold members: claims
    about other events pulled into a storyline lower ``member_precision``
    (the gold lists each article's claims of the event, so this is strict).
    """

    same_system: int
    same_gold: int
    same_both: int
    members: int
    gold_members: int

    def figures(self) -> dict[str, float]:
        return {
            "pairwise_precision": round(self.same_both / self.same_system, 4) if self.same_system else 1.0,
            "pairwise_recall": round(self.same_both / self.same_gold, 4) if self.same_gold else 1.0,
            "member_precision": round(self.gold_members / self.members, 4) if self.members else 1.0,
        }


def pair_counts(storylines: Sequence[Storyline], gold_of: dict[tuple[str, int], int]) -> PairCounts:
    line_of = {(m.article, m.claim): s.id for s in storylines for m in s.members}
    keys = sorted(gold_of)
    same_system = same_gold = same_both = 0
    for x, a in enumerate(keys):
        for b in keys[x + 1 :]:
            sys_same = a in line_of and line_of.get(a) == line_of.get(b)
            gold_same = gold_of[a] == gold_of[b]
            same_system += sys_same
            same_gold += gold_same
            same_both += sys_same and gold_same
    holding = [s for s in storylines if any((m.article, m.claim) in gold_of for m in s.members)]
    members = sum(len(s.members) for s in holding)
    in_gold = sum(1 for s in holding for m in s.members if (m.article, m.claim) in gold_of)
    return PairCounts(same_system, same_gold, same_both, members, in_gold)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def score_storylines(
    analyses: Sequence[ArticleAnalysis],
    storylines: Sequence[Storyline],
    gold: Sequence[GoldStoryline],
) -> tuple[list[StorylineMatch], int, float, float, dict[tuple[str, int], int]]:
    by_title = {a.article.title: a for a in analyses}
    line_of: dict[tuple[str, int], Storyline] = {}
    for s in storylines:
        for sm in s.members:
            line_of[(sm.article, sm.claim)] = s
    gold_of: dict[tuple[str, int], int] = {}
    matches: list[StorylineMatch] = []
    for g_idx, g in enumerate(gold):
        keys: list[tuple[str, int]] = []
        gold_articles: set[str] = set()
        for gm in g.members:
            a = by_title.get(gm.title)
            if a is None:
                continue
            gold_articles.add(a.article.id)
            start = a.article.text.find(gm.content)
            span = (start, start + len(gm.content))
            for i, c in enumerate(a.claims):
                if start >= 0 and _overlaps(span, (c.start, c.end)):
                    keys.append((a.article.id, i))
                    gold_of.setdefault((a.article.id, i), g_idx)
                    break
        counts: dict[str, int] = {}
        for k in keys:
            if k in line_of:
                counts[line_of[k].id] = counts.get(line_of[k].id, 0) + 1
        best = max(counts, key=lambda sid: (counts[sid], sid), default=None)
        line = next((s for s in storylines if s.id == best), None)
        covered = {m.article for m in line.members} if line else set()
        matches.append(
            StorylineMatch(
                about=g.about,
                found=line is not None and gold_articles <= covered,
                split=len(counts),
                matched_members=len(keys),
                gold_members=len(g.members),
                status=line.status if line else None,
                gold_status=g.status,
                sides=dict(line.sides) if line else None,
                gold_sides=g.sides,
                origins=line.origins if line else None,
                gold_origins=g.origins,
                storyline_id=line.id if line else None,
            )
        )
    # Two events in one storyline is not "each event one storyline": neither counts as found.
    best_ids = [m.storyline_id for m in matches if m.storyline_id is not None]
    for m in matches:
        if m.storyline_id is not None and best_ids.count(m.storyline_id) > 1:
            m.merged = True
            m.found = False
    # B-cubed over claims that match a gold member.
    keys = sorted(gold_of)
    prec = rec = 0.0
    for k in keys:
        sys_line = line_of.get(k)
        same_gold = {j for j in keys if gold_of[j] == gold_of[k]}
        same_sys = {j for j in keys if sys_line is not None and line_of.get(j) is sys_line} or {k}
        inter = len(same_gold & same_sys)
        prec += inter / len(same_sys)
        rec += inter / len(same_gold)
    n = len(keys) or 1
    extra = sum(
        1
        for s in storylines
        if len({m.article for m in s.members}) >= 2
        and not any((m.article, m.claim) in gold_of for m in s.members)
    )
    return matches, extra, prec / n, rec / n, gold_of


def evaluate_storylines(
    gold_path: Path, articles_path: Path, *, claims_from: str = "pipeline", use_encoder: bool = True
) -> StorylineEvaluation:
    from sitrep.storylines.linker import Linker

    gold = load_gold(gold_path)
    articles = load_articles(articles_path)
    t0 = time.perf_counter()
    if claims_from == "gold":
        analyses = gold_claim_analyses(articles, gold)
    elif claims_from == "pipeline":
        from sitrep.analysis import Analyzer

        try:
            analyses = list(Analyzer().analyze_many(articles))
        except (ImportError, OSError) as exc:  # the pipeline or its model is not installed/built
            raise SitrepError(
                f"the analysis pipeline could not be loaded ({exc}); try --claims gold"
            ) from exc
    else:
        raise SitrepError(f"unknown claim source {claims_from!r}: use pipeline or gold")
    linker = Linker(use_encoder=use_encoder)
    t1 = time.perf_counter()
    lines = linker.link(analyses)
    link_seconds = time.perf_counter() - t1
    matches, extra, p, r, gold_of = score_storylines(analyses, lines, gold)
    return StorylineEvaluation(
        matches,
        extra,
        p,
        r,
        time.perf_counter() - t0,
        claims_from,
        linker.method,
        details={"link_seconds": round(link_seconds, 3), "storylines": len(lines)},
        pairwise=pair_counts(lines, gold_of),
    )
