"""Choose one gazetteer entry per toponym mention, using the whole article as context.

Population alone sends "Sloviansk" to the wrong town and "Luhansk" always to
the city. Scores therefore add, to a population/kind prior: the article's focus
countries and admin-1 regions, containment ("Kramatorsk and Sloviansk in
Donetsk", "Paris, Texas"), the region form of a name anywhere in the article
("the Luhansk region" makes a later bare "Luhansk" the region), and distance to
the other places already resolved. Same name, same place within one article,
unless the text itself marks the mention differently.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from sitrep.gazetteer.distance import haversine_km
from sitrep.gazetteer.index import GazetteerEntry, GazetteerLike
from sitrep.gazetteer.names import fold
from sitrep.gazetteer.toponyms import Mention, Token

_CONTAINMENT_GLUE = frozenset({",", "in", "(", "of"})
_LIST_GLUE = frozenset({",", "and", "&"})
_COORDINATION_GLUE = frozenset({",", "and", "&", "or"})
COUNTRY_WEIGHT = 2.0
ADMIN1_WEIGHT = 2.0
CONTAINED_BONUS = 4.0
# a name matched only through an alternate name ("Salisbury" for Harare) is the weaker reading
ALTERNATE_NAME_PENALTY = 0.5
LOW_EVIDENCE_POPULATION = 1000
PROXIMITY_MAX = 1.5
FEATURE_NEAR_KM = 100.0
FEATURE_FOCUS = 0.5  # admin-1 focus (1.0 = the article's top region) that counts as a main region
COUNTY_SUFFIXES = (" county", " parish")
SIBLING_REGIONS = 2  # other admin-1 regions of one country named that lift a region over a same-named country
SIBLING_BONUS = 1.0
COORDINATED_TOWN_MAX = 10000  # a town this small listed beside a region gives way to a same-named region


def _prior(entry: GazetteerEntry, key: str, same_named_city_inside: bool) -> float:
    exact = fold(entry.name) == key
    if entry.kind == "country":
        return 8.0 + (1.0 if exact else 0.0)
    if entry.kind == "region":
        # a continent outranks any town named after it ("Asia", Philippines), as a country does
        return 9.0 if entry.fcode == "CONT" else 7.5
    if entry.kind == "admin2":
        # "X County" is written out in full: only same-named counties of other states compete
        return 6.0
    if entry.kind == "admin1":
        score = math.log10(entry.population + 10)
        return score - 2.0 if same_named_city_inside else score
    score = math.log10(entry.population + 10)
    if entry.fcode == "PPLC":
        score += 1.0
    elif entry.fcode.startswith("PPLA"):
        score += 0.4
    return score + (0.3 if exact else -ALTERNATE_NAME_PENALTY)


def contains(container: GazetteerEntry, place: GazetteerEntry) -> bool:
    """Is ``place`` inside ``container`` as far as the gazetteer's hierarchy says?"""
    if container.id == place.id:
        return False
    if container.kind == "country":
        return place.kind != "country" and place.country == container.country
    if container.kind == "admin1":
        return place.kind in ("city", "admin2") and place.admin1_code == container.admin1_code
    return False


class Resolver:
    def __init__(self, gazetteer: GazetteerLike) -> None:
        self.gazetteer = gazetteer

    def resolve(self, mentions: list[Mention], tokens: Sequence[Token]) -> list[Mention]:
        """Set ``chosen`` on each mention; returns the mentions worth keeping, in order."""
        for m in mentions:
            self._apply_forms(m)
        self._apply_region_evidence(mentions, tokens)
        self._apply_county_evidence(mentions)
        self._apply_containment(mentions, tokens)
        votes = self._focus_votes(mentions)
        country_focus, admin1_focus = _focus_without(votes, None)
        scores: list[dict[int, float]] = []
        # (name, admin-1 code) of names read first as an admin-1 region: "Georgia" amid Alaska,
        # Hawaii and Florida is one more US state, not the country
        regions_named = {(m.key, code) for m in mentions for code in [_top_admin1(m)] if code}
        context: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
        for m in mentions:
            if m.key not in context:
                context[m.key] = _focus_without(votes, m.key)
            others_country, others_admin1 = context[m.key]
            base: dict[int, float] = {}
            city_keys = {c.admin1_code for c in m.candidates if c.kind == "city" and c.population >= 10000}
            country_rival = any(c.kind == "country" for c in m.candidates)
            for c in m.candidates:
                inside = c.kind == "admin1" and c.admin1_code in city_keys and fold(c.name) == m.key
                score = _prior(c, m.key, inside)
                score += COUNTRY_WEIGHT * others_country.get(c.country or "", 0.0)
                if c.kind in ("city", "admin2"):
                    score += ADMIN1_WEIGHT * admin1_focus.get(c.admin1_code or "", 0.0)
                elif c.kind == "admin1":
                    # a region is favoured by the other names only: its own name always votes for it
                    score += ADMIN1_WEIGHT * others_admin1.get(c.admin1_code or "", 0.0)
                    siblings = {code for key, code in regions_named if key != m.key and code != c.admin1_code}
                    if (
                        country_rival
                        and len({code for code in siblings if code.split(".")[0] == c.country})
                        >= SIBLING_REGIONS
                    ):
                        score += SIBLING_BONUS
                base[c.id] = score
            scores.append(base)
            m.chosen = max(m.candidates, key=lambda c: base[c.id]) if m.candidates else None
        for _ in range(2):
            self._proximity_pass(mentions, scores, context)
        self._coordinated_regions(mentions, tokens)
        self._one_sense_per_name(mentions)
        self._place_features(mentions, admin1_focus)
        return [m for m in mentions if self._keep(m, country_focus)]

    def _place_features(self, mentions: list[Mention], admin1_focus: dict[str, float]) -> None:
        """A street or building whose name reads as a far-off town lies in the article's town instead.

        The name part of a feature is resolved like any toponym, with the article
        as context. A state or country ("Texas Southern University") is kept: it
        certainly holds the feature. A town reading is kept when it fits the
        article (in one of its main admin-1 regions, or within FEATURE_NEAR_KM of
        another place it names); otherwise ("Bourbon Street" read as Bourbon,
        Indiana, in a New Orleans story) the feature is put at the article's town:
        the town in its main regions that it names most (first on ties). With no
        such town the reading stays.
        """
        main = {code for code, weight in admin1_focus.items() if weight >= FEATURE_FOCUS}
        places = [m.chosen for m in mentions if not m.feature and m.chosen is not None]
        towns: Counter[int] = Counter()
        first_seen: dict[int, tuple[int, GazetteerEntry]] = {}
        for k, place in enumerate(places):
            if place.kind == "city" and place.admin1_code in main:
                towns[place.id] += 1
                first_seen.setdefault(place.id, (k, place))
        town = first_seen[max(towns, key=lambda t: (towns[t], -first_seen[t][0]))][1] if towns else None
        anchors = [p for p in places if p.has_point and p.kind in ("city", "admin2")]
        for f in mentions:
            c = f.chosen
            if not f.feature or town is None or (c is not None and c.kind != "city"):
                continue
            fits = c is not None and (
                c.admin1_code in main
                or any(
                    haversine_km(c.lat, c.lon, p.lat, p.lon) <= FEATURE_NEAR_KM  # type: ignore[arg-type]
                    for p in anchors
                    if p.id != c.id
                )
            )
            if not fits:
                f.chosen = town

    def _apply_forms(self, m: Mention) -> None:
        if m.region_form:
            regions = [c for c in m.candidates if c.kind in ("admin1", "region")]
            if not regions:
                regions = self._admin1_of_cities(m)
            if regions:
                m.candidates = regions
        elif m.city_form:
            cities = [c for c in m.candidates if c.kind == "city"]
            if cities:
                m.candidates = cities

    def _admin1_of_cities(self, m: Mention) -> list[GazetteerEntry]:
        seen: dict[int, GazetteerEntry] = {}
        for c in m.candidates:
            if c.kind == "city" and c.admin1_code:
                region = self.gazetteer.admin1_entry(c.admin1_code)
                if region is not None and fold(region.name).startswith(m.key):
                    seen[region.id] = region
        return list(seen.values())

    def _apply_region_evidence(self, mentions: list[Mention], tokens: Sequence[Token]) -> None:
        """A name the article also calls "X region" is the region when written bare.

        Not when the region follows the bare name as its container: in "Kherson,
        Kherson region" the first is the city in that region.
        """
        regions: dict[str, set[int]] = defaultdict(set)
        for m in mentions:
            if m.region_form:
                regions[m.key].update(c.id for c in m.candidates if c.kind == "admin1")
        for k, m in enumerate(mentions):
            if m.region_form or m.city_form or m.key not in regions:
                continue
            after = mentions[k + 1] if k + 1 < len(mentions) else None
            if after is not None and after.region_form and after.key == m.key:
                glue = [t.lower for t in tokens[m.tok_end : after.tok_start] if t.lower != "the"]
                if len(glue) == 1 and glue[0] in _CONTAINMENT_GLUE:
                    continue
            if any(c.fcode == "PPLC" and fold(c.name) == m.key for c in m.candidates):
                continue
            narrowed = [c for c in m.candidates if c.id in regions[m.key]]
            if narrowed:
                m.candidates = narrowed

    @staticmethod
    def _apply_county_evidence(mentions: list[Mention]) -> None:
        """A name the article also writes as "X County" is that county when bare ("the Suffolk Times")."""
        counties: dict[str, list[GazetteerEntry]] = {}
        for m in mentions:
            for suffix in COUNTY_SUFFIXES:
                if m.key.endswith(suffix) and not m.feature:
                    found = [c for c in m.candidates if c.kind == "admin2"]
                    if found:
                        counties.setdefault(m.key[: -len(suffix)], found)
        for m in mentions:
            if m.key in counties and not (m.region_form or m.city_form or m.feature or m.demonym):
                m.candidates = list(counties[m.key])

    def _apply_containment(self, mentions: list[Mention], tokens: Sequence[Token]) -> None:
        """ "X in Y", "X, Y", "X (Y)": keep the readings where Y contains X; lists before X follow X."""
        for k in range(1, len(mentions)):
            a, b = mentions[k - 1], mentions[k]
            if a.feature or b.feature:
                continue  # "Florida Atlantic University, California State University" is a list
            glue = [t.lower for t in tokens[a.tok_end : b.tok_start] if t.lower != "the"]
            if a.end > tokens[a.tok_end - 1].end or not glue or len(glue) > 1:
                continue
            if glue[0] not in _CONTAINMENT_GLUE:
                continue
            pairs = [(ca, cb) for ca in a.candidates for cb in b.candidates if contains(cb, ca)]
            if not pairs:
                if a.variant and any(c.kind in ("admin1", "country") for c in b.candidates):
                    # a spelling variant is trusted only inside the region the text names with it
                    a.candidates = []
                continue
            inner = {ca.id for ca, _ in pairs}
            outer = {cb.id for _, cb in pairs}
            a.candidates = [c for c in a.candidates if c.id in inner]
            a.contained = True
            b.candidates = [c for c in b.candidates if c.id in outer]
            j = k - 1
            while j > 0:
                before, after = mentions[j - 1], mentions[j]
                between = {t.lower for t in tokens[before.tok_end : after.tok_start]}
                if not between or not between <= _LIST_GLUE:
                    break
                kept = [c for c in before.candidates if any(contains(cb, c) for cb in b.candidates)]
                if kept:
                    before.candidates = kept
                j -= 1

    def _focus_votes(self, mentions: list[Mention]) -> dict[str, tuple[dict[str, float], dict[str, float]]]:
        """Each name's votes for countries and admin-1 regions, kept apart so a name can be left out.

        A name's votes are left out when its own country and region readings are
        scored (see :func:`_focus_without`): counted in, "Jordan" votes 3.0 for
        the country Jordan and outweighs the Minnesota towns around it, and a bare
        "Luhansk" would lift its own oblast over the city. "Georgia" amid Atlanta
        and Albany is lifted to the state by those other names.
        """
        votes: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
        for m in mentions:
            top = sorted(m.candidates, key=lambda c: -_prior(c, m.key, False))[:5]
            if not top:
                continue
            countries, admin1 = votes.setdefault(m.key, (defaultdict(float), defaultdict(float)))
            if top[0].kind == "country":
                countries[top[0].country or ""] += 3.0
                continue
            cc = {c.country for c in top if c.country}
            for code in cc:
                countries[code] += 1.0 / len(cc)
            regions = {c.admin1_code for c in top if c.admin1_code}
            weight = 2.0 if top[0].kind == "admin1" and len(regions) == 1 else 1.0
            for code in regions:
                admin1[code] += weight / len(regions)
        return votes

    def _proximity_pass(
        self,
        mentions: list[Mention],
        scores: list[dict[int, float]],
        context: dict[str, tuple[dict[str, float], dict[str, float]]],
    ) -> None:
        # one anchor per (name, place): repeated mentions add nothing to a nearest-distance test
        anchors = {
            (m.key, m.chosen.id): m.chosen
            for m in mentions
            if m.chosen is not None and m.chosen.has_point and m.chosen.kind in ("city", "admin1", "admin2")
        }
        for m, base in zip(mentions, scores, strict=True):
            if len(m.candidates) < 2:
                continue
            others = list({c.id: c for (key, _), c in anchors.items() if key != m.key}.values())
            if not others:
                continue
            # the bonus is at most PROXIMITY_MAX: candidates further behind can never win
            floor = max(base[c.id] for c in m.candidates) - PROXIMITY_MAX
            contenders = [c for c in m.candidates if base[c.id] >= floor]

            def total(
                c: GazetteerEntry,
                base: dict[int, float] = base,
                others: list[GazetteerEntry] = others,
                m: Mention = m,
            ) -> float:
                if c.kind == "country":
                    # a country is as near as the article's other places are inside it ("Jordan"
                    # amid Minnesota towns is not near them; "Ukraine" amid Ukrainian towns is)
                    return base[c.id] + PROXIMITY_MAX * context[m.key][0].get(c.country or "", 0.0)
                if not c.has_point or c.kind not in ("city", "admin1", "admin2"):
                    # regions are not "near" anything; keep them level with close places
                    return base[c.id] + PROXIMITY_MAX
                nearest = min(haversine_km(c.lat, c.lon, o.lat, o.lon) for o in others)  # type: ignore[arg-type]
                bonus = (
                    PROXIMITY_MAX if nearest < 50 else 1.0 if nearest < 150 else 0.5 if nearest < 400 else 0.0
                )
                return base[c.id] + bonus

            m.chosen = max(contenders, key=total)

    def _coordinated_regions(self, mentions: list[Mention], tokens: Sequence[Token]) -> None:
        """ "England and Wales": a name listed next to a region is that country's region too.

        Only a small town reading gives way (the village of Wales near Sheffield); a
        real city next to a state ("New York and Washington") keeps its reading.
        """
        for k in range(1, len(mentions)):
            a, b = mentions[k - 1], mentions[k]
            if a.feature or b.feature or a.chosen is None or b.chosen is None:
                continue
            glue = [t.lower for t in tokens[a.tok_end : b.tok_start] if t.lower != "the"]
            if len(glue) != 1 or glue[0] not in _COORDINATION_GLUE:
                continue
            for region, other in ((a, b), (b, a)):
                rc, oc = region.chosen, other.chosen
                if rc is None or oc is None or rc.kind != "admin1":
                    continue
                if oc.kind != "city" or oc.population >= COORDINATED_TOWN_MAX:
                    continue
                same = [
                    c
                    for c in other.candidates
                    if c.kind == "admin1" and c.country == rc.country and fold(c.name) == other.key
                ]
                if same:
                    other.chosen = same[0]

    def _one_sense_per_name(self, mentions: list[Mention]) -> None:
        votes: dict[str, Counter[int]] = defaultdict(Counter)
        by_id: dict[int, GazetteerEntry] = {}
        for m in mentions:
            if m.chosen is not None and not (m.region_form or m.city_form):
                votes[m.key][m.chosen.id] += 1
                by_id[m.chosen.id] = m.chosen
        for m in mentions:
            if m.region_form or m.city_form or m.key not in votes:
                continue
            best = votes[m.key].most_common(1)[0][0]
            if any(c.id == best for c in m.candidates):
                m.chosen = by_id[best]

    @staticmethod
    def _forget(m: Mention) -> bool:
        """Keep an NER-labelled mention as a place without a reading (True)."""
        m.chosen = None
        m.candidates = []
        return True

    def _keep(self, m: Mention, country_focus: dict[str, float]) -> bool:
        c = m.chosen
        if m.feature:
            return c is not None and bool(m.candidates)
        if m.variant and c is not None and not m.contained:
            # a spelling variant alone ("Baltia" for Balta) needs a locative and an article about
            # that country, or about no country at all ("positions near Verkhnyotoretske")
            about = country_focus.get(c.country or "", 0.0) >= 0.5 or not country_focus
            if not (m.locative and about):
                return bool(m.ent) and self._forget(m)
        if c is None:
            return bool(m.ent)
        if m.ent or m.locative or m.region_form or m.city_form or m.demonym:
            return True
        weak = (c.kind == "city" and c.population < LOW_EVIDENCE_POPULATION) or (
            c.kind == "admin1" and c.population == 0
        )
        return not weak or country_focus.get(c.country or "", 0.0) >= 0.5


def _top_admin1(m: Mention) -> str | None:
    """The admin-1 code of a name whose likeliest reading on its own is an admin-1 region."""
    if not m.candidates:
        return None
    top = max(m.candidates, key=lambda c: _prior(c, m.key, False))
    return top.admin1_code if top.kind == "admin1" else None


def _focus_without(
    votes: dict[str, tuple[dict[str, float], dict[str, float]]], name: str | None
) -> tuple[dict[str, float], dict[str, float]]:
    """Normalised country and admin-1 focus from the votes of every name but ``name``.

    Towns are still scored against the whole article's admin-1 focus: a town's
    own region vote is spread over its namesakes' regions and is what keeps a
    big city ahead of a small namesake near one other place the article names
    (Louisville, Kentucky, in a story that also names Columbus, Ohio).
    """
    countries: dict[str, float] = defaultdict(float)
    admin1: dict[str, float] = defaultdict(float)
    for key, (cc, aa) in votes.items():
        if key == name:
            continue
        for code, v in cc.items():
            countries[code] += v
        for code, v in aa.items():
            admin1[code] += v
    return _normalise(countries), _normalise(admin1)


def _normalise(counts: dict[str, float]) -> dict[str, float]:
    top = max(counts.values(), default=0.0)
    if top <= 0:
        return {}
    return {k: v / top for k, v in counts.items()}
