"""Find toponym mentions in tokenised text, without spaCy.

Detection is gazetteer-driven: every capitalised run of tokens (plus spans an
NER model labelled GPE/LOC/FAC) is looked up as a folded name in one batched
query, and the longest match at each position wins. Cheap local evidence then
removes what is not a place: titles and given names before the name (a person),
acronyms that are not countries, everyday words, stop words, names a
possessive country rules out ("Germany's Phoenix"). It also records the cues
resolution needs: region forms ("Luhansk region", "regions of Kherson and
Zaporizhzhia"), town forms ("the town of Bakhmut"), a locative preposition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.gazetteer.index import GazetteerEntry, GazetteerLike
from sitrep.gazetteer.lexicon import PlaceLexicon
from sitrep.gazetteer.names import fold, hromada_stem

MAX_NAME_TOKENS = 6
MAX_FEATURE_NAME_TOKENS = 4
# the shortest folded name tried against transliteration skeletons: shorter ones collide too often
MIN_VARIANT_CHARS = 6
_ARTICLES = frozenset({"the", "a", "an"})
_CONNECTORS = frozenset({"of", "de", "la", "le", "del", "upon", "on", "am", "sur", "-", "'s", "’s"})
_LIST_GLUE = frozenset({",", "and", "&", "or"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACE_ENTS = frozenset({"PERSON", "NORP"})
_STRONG_KINDS = frozenset({"country", "admin1", "region"})
MULTIWORD_CITY_POPULATION = 50000
COMMON_WORD_CITY_POPULATION = 100000


@dataclass(frozen=True, slots=True)
class Token:
    """What detection needs of a token; ``ent`` is the NER label or "" (no NER or outside)."""

    text: str
    start: int
    end: int
    sent_start: bool = False
    ent: str = ""

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(slots=True)
class Mention:
    """A toponym found in text with its candidate places and the cues around it."""

    start: int
    end: int
    key: str  # folded name looked up (without any "region" suffix)
    candidates: list[GazetteerEntry]
    tok_start: int = 0
    tok_end: int = 0  # exclusive, covers the name only
    region_form: bool = False
    city_form: bool = False
    locative: bool = False
    ent: str = ""
    country_hint: str | None = None  # "Germany's Phoenix": must lie in this country
    demonym: bool = False  # "Russian", "Ukrainians": stands for the country
    # matched only through a transliteration skeleton ("Verkhnyotoretske" for Verkhnotoretske): a
    # region named right after it must contain it, or the match is dropped
    variant: bool = False
    contained: bool = False  # a region named right after it ("X, Donetsk") contains the chosen reading
    # "Bourbon Street", "Windsor Castle", "Rue Chartres": a street or building inside some town; the
    # span covers the whole name; ``key``, ``candidates`` and ``part`` are the place name inside it
    feature: bool = False
    part: tuple[int, int] | None = None  # a feature's known name part ("Texas"), as character offsets
    chosen: GazetteerEntry | None = field(default=None)


def _big_city(entry: GazetteerEntry, key: str, population: int) -> bool:
    return entry.kind == "city" and entry.population >= population and fold(entry.name) == key


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 5


def _span_keys(tokens: Sequence[Token], text: str) -> dict[int, list[tuple[int, str]]]:
    """Candidate (end, key) pairs by start token, longest first."""
    out: dict[int, list[tuple[int, str]]] = {}
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if not _capitalised(tok.text) or tok.ent in _NOT_PLACE_ENTS:
            continue
        ends: list[tuple[int, str]] = []
        j = i
        while j < n and j - i < MAX_NAME_TOKENS:
            t = tokens[j].text
            if j > i and not (_capitalised(t) or t.lower() in _CONNECTORS):
                break
            if j > i and tokens[j].start > tokens[j - 1].end + 1:
                break
            if _capitalised(t) or t[:1].isdigit():
                ends.append((j + 1, fold(text[tok.start : tokens[j].end])))
            j += 1
        if ends:
            out[i] = ends[::-1]
    # lower-case named regions such as "the eastern front"
    for j, tok in enumerate(tokens):
        if tok.lower == "front" and j > 0 and tokens[j - 1].text.isalpha():
            out.setdefault(j - 1, []).insert(0, (j + 1, fold(text[tokens[j - 1].start : tok.end])))
    return out


def _region_follows(tokens: Sequence[Token], end: int) -> bool:
    """Is the name at tokens[..end] followed by ", Name" (the "village, Oblast" pattern)?"""
    return (
        end + 1 < len(tokens)
        and tokens[end].text == ","
        and _capitalised(tokens[end + 1].text)
        and tokens[end + 1].text.isalpha()
    )


def _ent_spans(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        label = tokens[i].ent
        if label in _PLACE_ENTS:
            j = i + 1
            while j < len(tokens) and tokens[j].ent == label and not tokens[j].sent_start:
                j += 1
            spans.append((i, j, label))
            i = j
        else:
            i += 1
    return spans


def _prev_word(tokens: Sequence[Token], i: int, skip: frozenset[str] = frozenset()) -> int:
    j = i - 1
    while j >= 0 and tokens[j].lower in skip:
        j -= 1
    return j


def _phrase_before(tokens: Sequence[Token], i: int, phrases: frozenset[str]) -> bool:
    """Does one of ``phrases`` (1-2 lower-case words) end right before token i, skipping "the"?"""
    j = _prev_word(tokens, i, frozenset({"the", "a"}))
    if j < 0:
        return False
    one = tokens[j].lower
    two = f"{tokens[j - 1].lower} {one}" if j > 0 else ""
    return one in phrases or two in phrases


def _demonym_mention(
    tokens: Sequence[Token], i: int, demonym: tuple[int, str, list[GazetteerEntry]]
) -> Mention:
    end, key, entries = demonym
    return Mention(
        tokens[i].start,
        tokens[end - 1].end,
        key,
        list(entries),
        tok_start=i,
        tok_end=end,
        ent=tokens[i].ent,
        demonym=True,
    )


class ToponymFinder:
    """Turns tokens into :class:`Mention` objects using a gazetteer and the place lexicon."""

    def __init__(self, gazetteer: GazetteerLike, lexicon: PlaceLexicon, demonyms: bool = False) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.demonyms = demonyms

    def find(self, tokens: Sequence[Token], text: str) -> list[Mention]:
        starts = _span_keys(tokens, text)
        ents = _ent_spans(tokens)
        ent_keys = {(i, j): fold(text[tokens[i].start : tokens[j - 1].end]) for i, j, _ in ents}
        for (i, j), key in ent_keys.items():
            stripped = key[4:] if key.startswith("the ") else key
            ent_keys[(i, j)] = stripped
        keys = {key for ends in starts.values() for _, key in ends} | set(ent_keys.values())
        found = self.gazetteer.candidates(keys)
        variant_keys = self._variants(keys, found)
        ent_at = {i: (j, label) for i, j, label in ents}
        demonyms = self._demonym_keys(tokens, text) if self.demonyms else {}
        mentions: list[Mention] = []
        persons: set[str] = set()  # names seen as surnames ("Lloyd Austin") in this text
        i = 0
        while i < len(tokens):
            feature = None if i in demonyms else self._feature_at(tokens, i, text, found, mentions, persons)
            if feature is not None:
                mentions.append(feature)
                i = feature.tok_end
                continue
            match: tuple[int, str] | None = None
            for end, key in starts.get(i, []):
                if key in found:
                    match = (end, key)
                    break
            ent = ent_at.get(i)
            if ent is not None and (match is None or match[0] < ent[0]):
                ekey = ent_keys[(i, ent[0])]
                if ekey in found or match is None:
                    match = (ent[0], ekey)
            demonym = demonyms.get(i)
            if demonym is not None and (match is None or self._demonym_wins(demonym, match, found)):
                mentions.append(_demonym_mention(tokens, i, demonym))
                i = demonym[0]
                continue
            if match is None:
                i += 1
                continue
            end, key = match
            mention = self._mention(
                tokens, i, end, key, found.get(key, []), ent[1] if ent else "", mentions, persons
            )
            if mention is not None and key in variant_keys:
                mention.variant = True
                if not (mention.locative or _region_follows(tokens, end)):
                    mention = None  # "illusionist Julianna Chen": a spelling variant needs a place cue
            if mention is not None:
                mentions.append(mention)
            elif demonym is not None:
                # "North American": the place reading of "North" was rejected, the demonym stands
                mentions.append(_demonym_mention(tokens, i, demonym))
                end = demonym[0]
            i = end
        self._mark_region_lists(tokens, mentions)
        self._apply_communities(tokens, text, mentions)
        return mentions

    def _apply_communities(self, tokens: Sequence[Token], text: str, mentions: list[Mention]) -> None:
        """A hromada the text names ("presumably the Vysokopilske community") holds its namesake villages.

        Of a village name with several readings, those inside a named hromada are
        kept; a name with no reading there is left alone.
        """
        lex = self.lexicon
        stems: list[str] = []
        names: list[tuple[int, int]] = []  # token spans of the hromada names themselves
        for j, tok in enumerate(tokens):
            if tok.lower not in lex.community_heads:
                continue
            k = j - 1
            while k >= 0 and tokens[k].lower in lex.community_qualifiers:
                k -= 1
            first = k
            while first >= 0 and _capitalised(tokens[first].text) and tokens[first].text.isalpha():
                first -= 1
            if first < k:
                stems.append(hromada_stem(text[tokens[first + 1].start : tokens[k].end]))
                names.append((first + 1, k + 1))
        if not stems:
            return
        members = self.gazetteer.hromada_members(stems)
        inside = set().union(*members.values()) if members else set()
        if not inside:
            return
        for m in mentions:
            if any(s <= m.tok_start and m.tok_end <= e for s, e in names):
                continue  # "Khotin territorial community": the hromada's own town is not narrowed
            kept = [c for c in m.candidates if c.id in inside]
            if kept and len(kept) < len(m.candidates):
                m.candidates = kept

    def _variants(self, keys: set[str], found: dict[str, list[GazetteerEntry]]) -> set[str]:
        """Add to ``found`` the towns that names no place bears as written may be spelled for.

        Sources transliterate East Slavic names in several ways ("Priyutne" for
        Pryiutne); a name that matches nothing exactly is looked up by its
        skeleton (see :func:`sitrep.gazetteer.names.skeleton`). Only names that
        miss outright are tried, so a place spelled exactly always wins.
        """
        missing = [k for k in keys if k not in found and len(k) >= MIN_VARIANT_CHARS and k.isascii()]
        if not missing:
            return set()
        variants = self.gazetteer.variants(missing)
        found.update(variants)
        return set(variants)

    def _feature_at(
        self,
        tokens: Sequence[Token],
        i: int,
        text: str,
        found: dict[str, list[GazetteerEntry]],
        earlier: list[Mention],
        persons: set[str],
    ) -> Mention | None:
        """A proper name with a feature word: "Bourbon Street", "Windsor Castle", "Rue Chartres".

        The name inside often matches a town (Bourbon, Windsor, Chartres) that the
        street or building has nothing to do with, so the mention is marked and
        resolution decides (see ``Resolver._place_features``). ``key`` is the
        longest part of the name the gazetteer knows ("Texas" in "Northeast Texas
        Community College"); a name with no known part, or whose part would not
        pass as a place on its own, is no mention (gold sets other than GeoWebNews
        do not mark streets and buildings, so guessing them costs precision).
        """
        lex = self.lexicon
        first = tokens[i]
        if (
            not _capitalised(first.text)
            or first.ent in _NOT_PLACE_ENTS
            or first.lower in _ARTICLES
            or first.lower in lex.locative
            or (i > 0 and tokens[i - 1].end == first.start and _capitalised(tokens[i - 1].text))
        ):
            return None
        before = first.lower in lex.feature_before
        name_start = i + 1 if before else i
        k = name_start
        while (
            k < len(tokens)
            and k - name_start < MAX_FEATURE_NAME_TOKENS
            and _capitalised(tokens[k].text)
            and tokens[k].text.isalpha()
            and not tokens[k].text.isupper()
            and not (k > i and tokens[k].sent_start)
            and (before or tokens[k].lower not in lex.feature_after)
        ):
            k += 1
        if k == name_start:
            return None
        if before:
            last = k
        elif (
            k < len(tokens)
            and tokens[k].lower in lex.feature_after
            and _capitalised(tokens[k].text)
            # "Hall County", "Fort St. John": the word is inside a longer name, not its head
            and not (
                k + 1 < len(tokens) and _capitalised(tokens[k + 1].text) and tokens[k + 1].text.isalpha()
            )
        ):
            last = k + 1
        else:
            return None
        parts = [
            (e - s, fold(text[tokens[s].start : tokens[e - 1].end]), s, e)
            for s in range(name_start, k)
            for e in range(k, s, -1)
        ]
        known = [
            (n, max(c.population for c in found[key]), key, (tokens[s].start, tokens[e - 1].end), (s, e))
            for n, key, s, e in parts
            if key in found and key not in lex.stopwords
        ]
        best = max(known) if known else None
        if best is None:
            return None
        part_start, part_end = best[4]
        if self._mention(tokens, part_start, part_end, best[2], found[best[2]], "", earlier, persons) is None:
            return None  # the part would not be taken as a place on its own ("Sam" of Sam Houston)
        key = best[2]
        return Mention(
            first.start,
            tokens[last - 1].end,
            key,
            list(found.get(key, [])),
            tok_start=i,
            tok_end=last,
            ent=first.ent,
            feature=True,
            part=best[3],
        )

    @staticmethod
    def _demonym_wins(
        demonym: tuple[int, str, list[GazetteerEntry]],
        match: tuple[int, str],
        found: dict[str, list[GazetteerEntry]],
    ) -> bool:
        """ "Canadian" means the people of Canada, not Canadian, Texas, unless a region or longer name wins.

        A region with no point (GeoNames' Isle of Man parish "German") is no rival for a demonym.
        """
        end, key = match
        if demonym[0] < end:
            return False
        return not any(
            c.kind in _STRONG_KINDS and c.has_point and fold(c.name) == key for c in found.get(key, [])
        )

    def _demonym_keys(
        self, tokens: Sequence[Token], text: str
    ) -> dict[int, tuple[int, str, list[GazetteerEntry]]]:
        """Demonyms starting at each token, two-word forms ("South African") before one-word ones."""
        spans: dict[int, list[tuple[int, str]]] = {}
        for i, tok in enumerate(tokens):
            if (
                not _capitalised(tok.text)
                or not tok.text.isalpha()
                or (len(tok.text) > 1 and _acronym(tok.text))  # "NATO"; a headline's "KAZAKH" is kept
            ):
                continue
            options = []
            if i + 1 < len(tokens) and _capitalised(tokens[i + 1].text):
                options.append((i + 2, fold(text[tok.start : tokens[i + 1].end])))
            options.append((i + 1, fold(tok.text)))
            spans[i] = options
        found = self.gazetteer.demonyms({key for options in spans.values() for _, key in options})
        out: dict[int, tuple[int, str, list[GazetteerEntry]]] = {}
        for i, options in spans.items():
            for end, key in options:
                if key in found:
                    out[i] = (end, key, found[key])
                    break
        return out

    def _mention(
        self,
        tokens: Sequence[Token],
        i: int,
        end: int,
        key: str,
        candidates: list[GazetteerEntry],
        ent: str,
        earlier: list[Mention],
        persons: set[str],
    ) -> Mention | None:
        lex = self.lexicon
        first = tokens[i]
        single = end - i == 1
        if (key in lex.stopwords or (single and key in lex.feature_before)) and not ent:
            return None  # a feature's head word alone ("Faubourg", "Rue") is no town named like it
        acronym = single and _acronym(first.text)
        if acronym:
            # "UN", "NATO" name institutions; an acronym is a place only as a country, a state ("US",
            # "NJ") or a named region that lists it as a form ("EU": the Union's territory)
            candidates = [c for c in candidates if c.kind in ("country", "admin1", "region")]
            if not candidates and not ent:
                return None
        # "SPRINGFIELD, Ill.", "Tacoma, Wash.": an AP state abbreviation, period and all, after a town
        # and its comma is the state, never the everyday word ("ill", "wash") its letters spell
        state_abbreviation = (
            single
            and first.text.endswith(".")
            and i >= 2
            and tokens[i - 1].text == ","
            and _capitalised(tokens[i - 2].text)
            and any(c.kind == "admin1" for c in candidates)
        )
        if state_abbreviation:
            candidates = [c for c in candidates if c.kind == "admin1"]
        if (
            single
            and not ent
            and not acronym  # "US", "U.S." are written as names, never as the everyday word
            and not state_abbreviation
            and self.gazetteer.is_common_word(key)
            and not any(c.kind in _STRONG_KINDS and fold(c.name) == key for c in candidates)
            # a capitalised everyday word inside a sentence that is also a big city's name ("a Cork
            # mother") is the city; at a sentence start ("Reading the report") it is the word
            and (
                first.sent_start
                or not any(_big_city(c, key, COMMON_WORD_CITY_POPULATION) for c in candidates)
            )
        ):
            return None
        prev = _prev_word(tokens, i)
        locative_before = prev >= 0 and tokens[prev].lower in lex.locative
        if single and not ent and key in lex.given_names and not locative_before:
            # "David said": a lone first name the model did not tag as a place is a person, not
            # David, Panama; "in Keith" still reads as the town
            return None
        # A country's own name is not read as a surname: a capitalised word before it is a title-case
        # headline ("Rethinking Egypt-US relations") far more often than a person called "Egypt".
        country = any(c.kind == "country" and fold(c.name) == key for c in candidates)
        # nor is a country or state acronym ("Small Business BC", "FrontCounter BC")
        # nor is a city's name of two or more words ("Epicurean Santa Barbara"): surnames that long are rare
        big_city = not single and any(_big_city(c, key, MULTIWORD_CITY_POPULATION) for c in candidates)
        if prev >= 0 and not ent and not country and not acronym and not big_city:
            before = tokens[prev]
            if before.lower in lex.titles or before.lower.rstrip(".") in lex.titles:
                persons.add(key)
                return None
            if (
                _capitalised(before.text)
                and before.text.isalpha()
                and not (earlier and earlier[-1].tok_end == i)
                and fold(before.text) not in lex.stopwords
                and not self.gazetteer.is_common_word(fold(before.text))
                and not (before.sent_start and before.lower in lex.locative)
                and before.lower not in lex.feature_before  # "Rue Chartres", "Faubourg Marigny"
            ):
                # "Lloyd Austin": a capitalised non-place word right before the name
                persons.add(key)
                return None
            if before.lower in lex.name_particles and prev >= 1 and _capitalised(tokens[prev - 1].text):
                # "Philippe de Marigny", "Ursula von der Leyen": a surname after a nobiliary particle
                # (place names with a particle, "Rio de Janeiro", are matched whole before this)
                persons.add(key)
                return None
        if key in persons and not ent and not locative_before:
            return None
        mention = Mention(
            start=first.start,
            end=tokens[end - 1].end,
            key=key,
            candidates=list(candidates),
            tok_start=i,
            tok_end=end,
            ent=ent,
        )
        if prev >= 0 and tokens[prev].lower in _POSSESSIVE and earlier and earlier[-1].tok_end == prev:
            owner = earlier[-1].candidates
            countries = {c.country for c in owner if c.kind == "country"}
            if countries:
                inside = [c for c in mention.candidates if c.country in countries]
                if not inside and not ent:
                    return None
                mention.candidates = inside or mention.candidates
        mention.locative = prev >= 0 and tokens[prev].lower in lex.locative
        mention.city_form = _phrase_before(tokens, i, lex.city_before)
        mention.region_form = _phrase_before(tokens, i, lex.region_before)
        if end < len(tokens) and tokens[end].lower in lex.region_after and not mention.city_form:
            mention.region_form = True
            mention.end = tokens[end].end
        return mention

    def _mark_region_lists(self, tokens: Sequence[Token], mentions: list[Mention]) -> None:
        """Spread a region form across a list: "the Luhansk and Donetsk regions", "regions of X and Y"."""
        for k in range(len(mentions) - 1, 0, -1):
            a, b = mentions[k - 1], mentions[k]
            glue = {t.lower for t in tokens[a.tok_end : b.tok_start]}
            if not glue or not glue <= _LIST_GLUE or a.end > tokens[a.tok_end - 1].end:
                continue
            if a.key == b.key:
                continue  # "Kherson, Kherson region" is a town and its region, never a list
            if b.region_form and b.end > tokens[b.tok_end - 1].end:
                a.region_form = True
        for k in range(1, len(mentions)):
            a, b = mentions[k - 1], mentions[k]
            glue = {t.lower for t in tokens[a.tok_end : b.tok_start]}
            if a.region_form and glue and glue <= _LIST_GLUE and a.end == tokens[a.tok_end - 1].end:
                b.region_form = True
