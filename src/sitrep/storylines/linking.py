"""Which claims talk about the same thing: blocking, the pair test, connected components.

Two claims are linked when a pure test on the pair says so. In one article:
one statement split in two, the same event (from the events stage) worded
alike, or the other side refuting it at the same place; nothing else, since
everything in an article shares its date, places and topic. Across articles:
close in time (dated events within days), not in clashing places, and
similar enough in meaning, less so for a prompt refutation by the other side.
Storylines are the connected components of those links. Because the test
never looks beyond the pair, and a claim's vectors depend on its text alone,
adding an article can only add links and merge components, which is what
makes the incremental path equal to a batch run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sitrep.storylines.views import ClaimView, PlaceKey

WINDOW_DAYS = 7
# Statement and publication dates trail the event loosely, hence the week. When both claims are
# tied to dated events (their days are the events'), the events must be this close: a strike and
# the retaliation for it a week later are two storylines, however alike their wording.
EVENT_WINDOW_DAYS = 3
NEAR_KM = 30.0
FAR_KM = 50.0
BLOCK = 512
MARGIN = 1e-3  # float32 block products may differ from the exact cosine by this much

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Cosine needed to link, by how the two claims' places relate (tuned on the sample corpus)."""

    place_match: float = 0.50
    place_unknown: float = 0.60
    place_clash: float = 1.5  # never: near-identical wording about two far-apart towns is two events
    # A denial ("this was not true") shares few words with what it denies; at the same place,
    # within the window, from the other side, that is enough.
    cross_side_refutation: float = 0.30
    other_event_type: float = 0.10  # added when both claims have events and no type in common
    # Claims of one article, compared on their own words (their paragraphs are all the same story):
    # the same event and this close, or a cross-side refutation of it this close.
    same_article: float = 0.45
    same_article_refutation: float = 0.35

    @property
    def cut_points(self) -> tuple[float, ...]:
        """Every cosine at which the pair test can flip."""
        base = (self.place_match, self.place_unknown, self.place_clash, self.cross_side_refutation)
        return tuple(sorted({*base, *(b + self.other_event_type for b in base)}))

    @property
    def floor(self) -> float:
        return min(self.place_match, self.place_unknown, self.place_clash, self.cross_side_refutation)


ENCODER_THRESHOLDS = Thresholds()
# Hashed character n-grams score lower than MiniLM on paraphrases and higher on shared names.
LEXICAL_THRESHOLDS = Thresholds(
    place_match=0.30,
    place_unknown=0.40,
    place_clash=1.5,
    cross_side_refutation=0.15,
    same_article=0.30,
    same_article_refutation=0.20,
)


def _admin_name(value: str | None) -> str | None:
    if not value:
        return None
    v = value.casefold()
    for suffix in (" oblast", " region", " province", " krai", " republic"):
        if v.endswith(suffix):
            v = v[: -len(suffix)]
    return v.strip()


def _km(a: PlaceKey, b: PlaceKey) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _contains(outer: PlaceKey, inner: PlaceKey) -> bool:
    if outer.kind == "admin1":
        return _admin_name(outer.name) in {_admin_name(inner.admin1), _admin_name(inner.name)}
    if outer.kind == "country":
        return outer.country is not None and outer.country == inner.country
    return False


def _pair_clashes(p: PlaceKey, q: PlaceKey) -> bool:
    km = _km(p, q)
    if p.kind != "admin1" and q.kind != "admin1":
        # Two named settlements are points the reports chose: beyond NEAR_KM they are two towns
        # (Soledar and Kramatorsk, 40 km apart in one oblast), not one place seen roughly. The
        # margin up to FAR_KM is for rough points only (offsets, regions, features).
        towns = p.kind == q.kind == "city" and p.name.casefold() != q.name.casefold()
        return km is not None and km > (NEAR_KM if towns else FAR_KM)
    if p.kind == "admin1" and q.kind == "admin1":
        return _admin_name(p.name) != _admin_name(q.name)
    region, place = (p, q) if p.kind == "admin1" else (q, p)
    return place.admin1 is not None and _admin_name(place.admin1) != _admin_name(region.name)


def place_relation(a: Sequence[PlaceKey], b: Sequence[PlaceKey]) -> str:
    """'match' (same or near), 'clash' (every pair far apart or in other regions), or 'unknown'."""
    if not a or not b:
        return "unknown"
    # When both name towns, a shared oblast says little (Soledar and Kramatorsk): compare the towns.
    a_local = [p for p in a if p.kind not in ("admin1", "country", "region")]
    b_local = [q for q in b if q.kind not in ("admin1", "country", "region")]
    if a_local and b_local:
        a, b = a_local, b_local
    clash = True
    for p in a:
        for q in b:
            if p.name.casefold() == q.name.casefold():
                return "match"
            km = _km(p, q)
            if km is not None and km <= NEAR_KM and "admin1" not in (p.kind, q.kind):
                return "match"
            # A city inside a region is compatible with it, but too weak to count as the same place.
            if _contains(p, q) or _contains(q, p) or not _pair_clashes(p, q):
                clash = False
    return "clash" if clash else "unknown"


def _cross_side_refutation(a: ClaimView, b: ClaimView) -> bool:
    """One side refuting what the other said: worded apart, so it may link at a lower similarity.

    Only within days (a denial answers a claim quickly); across claims of one
    article the reporter has already put the two together.
    """
    if not (a.side and b.side and a.side != b.side and (a.refutes or b.refutes)):
        return False
    if a.article == b.article:
        return True
    return a.day is not None and b.day is not None and abs(a.day - b.day) <= EVENT_WINDOW_DAYS


PlaceCache = dict[tuple[tuple[PlaceKey, ...], tuple[PlaceKey, ...]], str]


def _relation(a: ClaimView, b: ClaimView, places: PlaceCache | None) -> str:
    if places is None:
        return place_relation(a.places, b.places)
    key = (a.places, b.places)
    return places.get(key) or places.setdefault(key, place_relation(a.places, b.places))


def same_article_linked(
    a: ClaimView, b: ClaimView, content: float, th: Thresholds, places: PlaceCache | None = None
) -> bool:
    """Two claims of one article: one statement split in two, or the same event and close in wording.

    Everything in one article shares its date, its places and its topic, so
    neither the window nor the paragraph similarity says anything here; a
    shared event (from the events stage) with close wording does, and so does
    the other side refuting it at the same place. Nothing else links, so a
    round-up's aid pledges and diplomacy never join its battlefield claims.
    """
    first, second = (a, b) if a.idx < b.idx else (b, a)
    if second.continues and second.idx == first.idx + 1:
        return True
    refuting = _cross_side_refutation(a, b)
    if set(a.events) & set(b.events):
        return content >= (th.same_article_refutation if refuting else th.same_article)
    return refuting and content >= th.same_article_refutation and _relation(a, b, places) == "match"


def linked(
    a: ClaimView,
    b: ClaimView,
    cosine: float,
    th: Thresholds,
    places: PlaceCache | None = None,
    content: float | None = None,
) -> bool:
    """The pair test. Pure: depends on the two claims and their similarities only.

    ``cosine`` compares claims in context, ``content`` their own words (needed
    for claims of one article). ``places`` memoises place relations for one run.
    """
    if a.article == b.article:
        return content is not None and same_article_linked(a, b, content, th, places)
    if a.day is None or b.day is None:
        return False
    if abs(a.day - b.day) > WINDOW_DAYS:
        return False
    if a.event_date and b.event_date and abs(a.day - b.day) > EVENT_WINDOW_DAYS:
        return False
    refuting = _cross_side_refutation(a, b)
    if cosine < (th.cross_side_refutation if refuting else min(th.place_match, th.place_unknown)):
        return False  # cheap exit before the place test: most candidate pairs end here
    rel = _relation(a, b, places)
    need = {"match": th.place_match, "clash": th.place_clash}.get(rel, th.place_unknown)
    if rel == "match" and refuting:
        need = th.cross_side_refutation
    if a.event_types and b.event_types and not set(a.event_types) & set(b.event_types):
        need += th.other_event_type
    return cosine >= need


def exact_cosine(a: npt.NDArray[np.floating], b: npt.NDArray[np.floating]) -> float:
    """In float64 from the stored (float16-exact) vectors: the same value however pairs were batched."""
    return float(np.dot(a.astype(np.float64), b.astype(np.float64)))


class _Forest:
    """Union-find, so that pairs already connected through others are not tested again."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def candidate_pairs(
    views: Sequence[ClaimView],
    vectors: Matrix,
    th: Thresholds,
    *,
    content: Matrix | None = None,
    only: Iterable[int] | None = None,
) -> list[tuple[int, int]]:
    """Linked index pairs (i < j) spanning the linked groups. With ``only``, just pairs touching those.

    A pair whose claims are already connected through others is not tested:
    the groups (connected components) come out the same, and dense clusters
    cost linear rather than quadratic time.

    Blocking: claims sorted by day are compared block-wise with the claims of
    the surrounding window only, as one matrix product per block; the Python
    pair test runs on the few pairs above the similarity floor.
    """
    n = len(views)
    out: set[tuple[int, int]] = set()
    forest = _Forest(n)
    place_cache: PlaceCache = {}
    cuts = th.cut_points
    focus = sorted(set(only)) if only is not None else list(range(n))
    own = vectors if content is None else content
    # Same article: every pair is a candidate, compared on the claims' own words.
    by_article: dict[str, list[int]] = {}
    for i, v in enumerate(views):
        by_article.setdefault(v.article, []).append(i)
    focus_set = set(focus)
    for members in by_article.values():
        if only is not None and not focus_set.intersection(members):
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if only is not None and i not in focus_set and j not in focus_set:
                    continue
                if forest.find(i) == forest.find(j):
                    continue
                if same_article_linked(views[i], views[j], exact_cosine(own[i], own[j]), th, place_cache):
                    out.add((min(i, j), max(i, j)))
                    forest.union(i, j)
    dated = [i for i in range(n) if views[i].day is not None]
    if not dated:
        return sorted(out)
    order = sorted(dated, key=lambda i: (views[i].day or 0, i))
    days = np.array([views[i].day for i in order], dtype=np.int64)
    pos_of = {i: p for p, i in enumerate(order)}
    side_ids: dict[str, int] = {}
    side_code = np.array([side_ids.setdefault(v.side, len(side_ids) + 1) if v.side else 0 for v in views])
    refutes = np.array([v.refutes for v in views], dtype=bool)
    place_index: dict[tuple[PlaceKey, ...], int] = {}
    place_id = np.array([place_index.setdefault(v.places, len(place_index)) for v in views])
    place_sets = list(place_index)
    focus_pos = sorted(pos_of[i] for i in focus if i in pos_of)
    for lo in range(0, len(focus_pos), BLOCK):
        rows = focus_pos[lo : lo + BLOCK]
        d0, d1 = days[rows[0]], days[rows[-1]]
        c0 = int(np.searchsorted(days, d0 - WINDOW_DAYS, side="left"))
        c1 = int(np.searchsorted(days, d1 + WINDOW_DAYS, side="right"))
        row_idx = np.array([order[p] for p in rows])
        col_idx = np.array(order[c0:c1])
        sims = vectors[row_idx] @ vectors[col_idx].T
        near = np.abs(days[rows][:, None] - days[c0:c1][None, :]) <= WINDOW_DAYS
        # The same cheap exit as in linked(), vectorised: only a cross-side refutation may go low.
        r_side, c_side = side_code[row_idx], side_code[col_idx]
        refuting = (
            (r_side[:, None] > 0)
            & (c_side[None, :] > 0)
            & (r_side[:, None] != c_side[None, :])
            & (refutes[row_idx][:, None] | refutes[col_idx][None, :])
        )
        # Lower bound of the cosine linked() will ask for, by place relation (looked up per distinct
        # place set, so a corpus of many towns costs a small table, not a test per pair).
        r_pt, c_pt = place_id[row_idx], place_id[col_idx]
        ur, uc = np.unique(r_pt), np.unique(c_pt)
        rel_need = np.empty((len(ur), len(uc)), dtype=np.float32)
        for x, pr in enumerate(ur.tolist()):
            for y, pc in enumerate(uc.tolist()):
                key = (place_sets[pr], place_sets[pc])
                rel = place_cache.get(key) or place_cache.setdefault(key, place_relation(*key))
                rel_need[x, y] = {"match": 0.0, "clash": 2.0}.get(rel, 1.0)
        code = rel_need[np.searchsorted(ur, r_pt)][:, np.searchsorted(uc, c_pt)]
        need = np.where(
            code == 0.0,
            np.where(refuting, th.cross_side_refutation, th.place_match),
            np.where(code == 2.0, th.place_clash, th.place_unknown),
        )
        hits = np.nonzero(near & (sims >= need - MARGIN))
        for r, c in zip(hits[0].tolist(), hits[1].tolist(), strict=True):
            i, j = int(row_idx[r]), int(col_idx[c])
            if i == j or views[i].article == views[j].article:
                continue
            if forest.find(i) == forest.find(j):
                continue
            cos = float(sims[r, c])
            if any(abs(cut - cos) <= MARGIN for cut in cuts):  # near a cut: decide on the exact value
                cos = exact_cosine(vectors[i], vectors[j])
            if linked(views[i], views[j], cos, th, place_cache):
                out.add((min(i, j), max(i, j)))
                forest.union(i, j)
    return sorted(out)


def components(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values()]
