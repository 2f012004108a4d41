"""Who is speaking: find the speaker mention next to a cue and resolve it to one name.

Finding works on words (see :mod:`segments`): the noun phrase that ends at the cue
("Luhansk regional governor Serhiy Haidai said"), an appositive before it ("Serhiy
Cherevatyi, spokesperson for ..., told"), or the phrase after an inverted cue ("said
Haidai", "according to the ministry").

Resolution, per article, in text order:
* pronouns go to the latest earlier speaker of a fitting kind ("he" -> a person,
  "it" -> an organisation or state);
* definite nominals ("the ministry", "the governor") go to the latest earlier actor
  whose name or role contains the head noun;
* "the capital" and "there" are replaced by the capital or place named before;
* names go to the actor dictionary (spelling-variant tolerant) or to an earlier full
  name with the same surname, so each speaker has one canonical name per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import pairwise

from sitrep.attribution.actors import Actor, ActorDictionary
from sitrep.attribution.lexicon import Lexicons
from sitrep.attribution.names import NameIndex, name_key
from sitrep.attribution.segments import Word, words_in
from sitrep.attribution.sides import side_of
from sitrep.records import Speaker, SpeakerType

_MAX_NP_WORDS = 14
# prepositions a role noun takes into a speaker phrase ("officials from both parties")
_ROLE_PREPOSITIONS = frozenset({"in", "on", "from", "at", "with", "about", "over", "against", "to"})
# what a role noun's own complement starts with: "lawyers for the family", "members of the panel"
_ROLE_COMPLEMENTS = _ROLE_PREPOSITIONS | {"for", "of"}
# "statement carried by state media": a participle phrase after a noun
_PARTICIPLE_PP = re.compile(r"\s+[a-z]+ed\s+(?:by|on|in|at|to|from|via|through)\b.*$")
_PLACE_NOUN = re.compile(r"\b((?:[A-Z][\w'’-]+\s+)+(?:region|province|oblast|district|city|area))\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_AGE = re.compile(r"\d{1,3}\b(?!\s*(?:%|percent|per\s+cent))")
_PLACED = re.compile(
    r"\b(?:in|from|at|near|outside|across|around)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$"
)
# a possessive pronoun before the speaker's noun: "Its intelligence directorate said"
_OWNED = re.compile(r"(?i)(its|their|his|her)\s+([a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})$")
_OWNER_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
# a relative clause without a comma after a speaker phrase: "a soldier who asked not to be named"
RESTRICTIVE_RELATIVE = re.compile(r"\s+(?:who|whose)\b")
_SPLIT_OF = re.compile(r"\s+(?:of|for|at|to)\s+")


# the joints of a coordinated subject: "Britain, France and Germany"
_CONJUNCTS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# a possessive ending a word or a mention: "Russia's", "officials'"
POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass
class Entity:
    name: str
    type: SpeakerType
    side: str | None
    role: str = ""
    position: int = 0
    keys: set[str] = field(default_factory=set)
    surname: str = ""  # last word of the name's key, for "Haidai" -> "Serhiy Haidai"


def share_word(word: Word, lex: Lexicons) -> bool:
    """A word for a share of the people polled ("half", "42%", "three-fourths")."""
    return word.lower.rsplit("-", 1)[-1] in lex.word_class("share")


def _given_name(words: list[Word], i: int, lex: Lexicons) -> bool:
    """Whether ``words[i]`` is a capitalised modal that is a given name before a surname
    ("said Will Doyle", "Sen. Will Hurd"), not the start of a predicate."""
    w = words[i]
    return (
        w.lower in lex.word_class("aux")
        and w.is_capitalised
        and not w.text.isupper()
        and i + 1 < len(words)
        and words[i + 1].is_capitalised
        and words[i + 1].lower not in lex.word_class("boundary")
    )


@lru_cache(maxsize=8)
def _split_phrases(phrases: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """A lexicon class of phrases as word tuples, longest first (so a phrase that starts
    another is tried after it), split once: the answer depends on the phrases alone."""
    return tuple(tuple(p.split()) for p in sorted(phrases, key=lambda p: (-len(p.split()), p)))


def qualifier_at(words: list[Word], lex: Lexicons) -> int:
    """How many words the qualifier (lexicon class ``qualifier``: "familiar with", "with
    knowledge of", "close to") that opens ``words`` has; 0 when none does."""
    phrases = _split_phrases(lex.word_class("qualifier"))
    lowered = tuple(w.lower for w in words[: len(phrases[0])]) if phrases else ()
    return next((len(parts) for parts in phrases if lowered[: len(parts)] == parts), 0)


def _in_qualifier(words: list[Word], i: int, lex: Lexicons) -> bool:
    """Whether ``words[i]`` is part of a qualifier right after a person noun: "a source
    [familiar with] the matter", "an official [close to] the talks"."""
    phrases = _split_phrases(lex.word_class("qualifier"))
    if not any(words[i].lower in parts for parts in phrases):
        return False
    longest = len(phrases[0])
    return any(
        j <= i < j + qualifier_at(words[j:], lex) and words[j - 1].lower in lex.roles
        for j in range(max(1, i - longest + 1), i + 1)
    )


def _np_words(words: list[Word], lex: Lexicons, common_nouns: bool = False) -> bool:
    """Whether a word run can be a speaker noun phrase (not empty, names someone)."""
    if not words:
        return False
    boundary = lex.word_class("boundary") - {"of", "for"}
    if any(
        w.lower in boundary
        and w.lower not in ("that", "and")
        and not (w.lower in _ROLE_PREPOSITIONS and (words[i].lower in lex.roles or words[i].is_capitalised))
        and not (w.lower == "by" and _reduced_passive_by(words, i + 1, lex))
        and not _given_name(words, i + 1, lex)
        and not _in_qualifier(words, i + 1, lex)
        for i, w in enumerate(words[1:])
    ):
        return False
    head = words[-1]
    return (
        head.is_capitalised
        or head.lower in lex.pronouns
        or head.lower in lex.roles
        or any(w.is_capitalised for w in words)
        or any(a.lower in lex.roles and b.lower in _ROLE_COMPLEMENTS for a, b in pairwise(words))
        # "officials familiar with the talks": a person noun with a qualifier heads the phrase
        or any(_in_qualifier(words, i, lex) for i in range(1, len(words)))
        # `half said so`, `42% say`, `two-thirds said`: a poll's share of respondents
        or (common_nouns and share_word(head, lex))
        # `the ruling said`, `one slide says`: a determined common noun right before a cue
        or (
            common_nouns
            and len(words) >= 2
            # `46 percent said`: a poll's share of respondents is determined by its number
            and (
                words[0].lower in lex.word_class("determiner")
                or words[0].lower == "one"
                or words[0].text.isdigit()
            )
            and head.text.isalpha()
            and head.lower not in lex.word_class("boundary")
            and head.lower not in lex.word_class("aux")
        )
    )


# `4 in 10 said`, `one in three say`: a poll's share of respondents
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_SHARE_IN = re.compile(rf"(?<![\w-]){_COUNT}\s+in\s+{_COUNT}$", re.IGNORECASE)
_COUNT_IN = re.compile(rf"(?<![\w-]){_COUNT}\s+in\s+$", re.IGNORECASE)


def _with_list_head(words: list[Word], collected: list[Word]) -> list[Word]:
    """ "Britain, France and Germany said": one-word names set off by commas before a
    coordinated subject, from the start of the clause, are part of it."""
    i = words.index(collected[0])
    head: list[Word] = []
    while i >= 2 and words[i - 1].text == "," and words[i - 2].is_capitalised and not words[i - 2].is_punct:
        if i - 2 > 0 and words[i - 3].text != ",":
            return collected  # "In Kyiv, Russia and Ukraine": an adjunct, not a list
        head = [words[i - 2], words[i - 1], *head]
        i -= 2
    return [*head, *collected]


def _reduced_passive_by(words: list[Word], i: int, lex: Lexicons) -> bool:
    """Whether ``words[i]`` ("by") follows a participle that follows a noun phrase, with no
    auxiliary before the participle ("images published by", not "was published by")."""
    if i < 2:
        return False
    participle, before = words[i - 1], words[i - 2]
    return (
        participle.lower.endswith("ed")
        and participle.lower not in lex.word_class("not_past")
        and not before.is_punct
        and before.lower not in lex.word_class("be")
        and before.lower not in lex.word_class("aux")
        and before.lower not in lex.word_class("boundary")
    )


def subject_before(
    text: str, limit: int, cue_start: int, lex: Lexicons, common_nouns: bool = False
) -> Mention | None:
    """The noun phrase ending right before a cue, or None (e.g. a coordinated verb).

    ``common_nouns``: any determined noun phrase may be the subject ("the ruling said"),
    for the hand-written lexicon's verbs of saying, which need no name to be a report."""
    for start, end in lex.anonymous_spans(text, limit, cue_start):
        if start > limit and not text[end:cue_start].strip(" ,"):
            # "officials who asked not to be named said", "Officials in Kyiv, who spoke on
            # condition of anonymity, said": the phrase describes the speaker
            inner_end = start
            while inner_end > limit and text[inner_end - 1] in " ,":
                inner_end -= 1
            inner = subject_before(text, limit, inner_end, lex, common_nouns)
            if inner is not None:
                return Mention(text[inner.start : end], inner.start, end)
    words = words_in(text, limit, cue_start)
    adverbs = lex.word_class("adverb")
    temporal = lex.word_class("temporal")
    periods = lex.word_class("period")
    while words and words[-1].lower in adverbs:
        words.pop()
    if (
        len(words) > 2
        and (
            (words[-2].lower == "in" and _YEAR.fullmatch(words[-1].text))
            or (words[-2].lower in ("last", "this", "earlier") and words[-1].lower in periods)
        )
        and (
            words[-3].is_capitalised
            or words[-3].lower in ("who", "which")
            or words[-3].lower in lex.pronouns
            or words[-3].lower in lex.roles
        )
    ):
        # "McConnell, who in 2010 said", "The ministry last week said": a time adjunct
        # after the speaker ("a poll released last week showed" keeps it: it is the poll's)
        del words[-2:]
    if len(words) > 1 and words[-1].lower in temporal:
        # "The campaign on Tuesday said": the day is an adjunct between subject and cue
        words.pop()
        while words and words[-1].lower in lex.word_class("temporal_lead"):
            words.pop()
    if not words:
        return None
    if words[-1].text == ",":
        return _appositive_subject(text, words[:-1], lex)
    if len(words) > 3 and words[-1].text in _CLOSING_QUOTES and words[-2].text == ",":
        # `Peskov, who called the report “absurd,” said`: a relative clause about the speaker
        # may close on a quote; the mention keeps its marks whole
        inner = _appositive_subject(text, words[:-2], lex)
        commas = [w for w in words[:-2] if w.text == ","]
        if inner is not None and commas and words[words.index(commas[-1]) + 1].lower in ("who", "whose"):
            return Mention(text[inner.start : words[-1].end], inner.start, words[-1].end)
    share = _SHARE_IN.search(text, words[0].start, words[-1].end) if common_nouns else None
    if share is not None:
        start = _with_approximators(text, limit, share.start(), lex)
        return Mention(text[start : share.end()], start, share.end())
    if words[-1].text in _DASHES and len(words) > 2:
        # "Kall -- co-editor of a book -- said": a spaced dash only (never "debate–published"),
        # before a hand-lexicon verb of saying
        spaced = text[words[-1].start - 1 : words[-1].start].isspace() or words[-2].text in _DASHES
        dashed = _dashed_subject(text, limit, words, lex, common_nouns) if spaced and common_nouns else None
        if dashed is not None:
            return dashed
    stops = lex.word_class("boundary") - {"of", "for", "to", "at"}
    determiners = lex.word_class("determiner")
    collected: list[Word] = []
    depth = 0
    for w in reversed(words):
        if w.text == ")" and len(collected) < _MAX_NP_WORDS:
            depth += 1
        if depth:
            # "Rep. Gwen Moore (D-Wis.) said": a bracketed aside stays inside the phrase.
            depth -= 1 if w.text == "(" else 0
            collected.append(w)
            continue
        if w.is_punct and w.text not in ("-",) and not (w.text == "%" and not collected):
            break
        if w.lower == "and" and collected:
            # "Denmark and the Netherlands said", "RT and its defenders say", "Federal and
            # state officials said": a coordinated subject after a name; not "in Kyiv and
            # officials said"
            i = words.index(w)
            named = any(c.is_capitalised for c in collected)
            nominal = collected[-1].lower in lex.word_class("determiner") or any(
                c.lower in lex.roles for c in collected
            )
            if (
                i > 0
                and words[i - 1].is_capitalised
                and not words[i - 1].is_punct
                and (named or (nominal and (i < 2 or words[i - 2].lower not in stops)))
            ) or _in_role_complement(words[:i], lex):
                # "experts on North Korea and nuclear nonproliferation said": the "and"
                # joins two objects of the role noun's preposition
                collected.append(w)
                continue
        if w.lower == "by" and collected and _reduced_passive_by(words, words.index(w), lex):
            # "Satellite images published by Maxar showed", "a poll conducted by Gallup
            # found": the participle and its agent describe the noun before them
            collected.append(w)
            continue
        if w.lower in stops:
            i = words.index(w)
            # "officials from both parties say", "experts on North Korea said": a role noun
            # takes the prepositional phrase after it into the speaker; so does a name
            # when a name follows ("the Commission on Presidential Debates says")
            # ("a source familiar with the matter said": so does a qualifier after one)
            takes_phrase = i > 0 and (words[i - 1].lower in lex.roles or _in_qualifier(words, i, lex))
            # (a relative clause after the name is not part of it: "Democrats in Kharkiv
            # who watched the parade said")
            ahead = collected[::-1]
            who = next((k for k, c in enumerate(ahead) if c.lower in ("who", "whose")), None)
            ahead = ahead[:who] if who is not None else ahead
            names = (
                i > 0
                and words[i - 1].is_capitalised
                and all(c.is_capitalised or c.lower in ("the", "of", "and", "for") for c in ahead)
                and any(c.is_capitalised for c in ahead)
            )
            if not (w.lower in _ROLE_PREPOSITIONS and collected and (takes_phrase or names)):
                break
        if (
            w.lower in temporal
            and collected
            and (collected[-1].lower in determiners or collected[-1].is_capitalised)
        ):
            break  # "On Monday the ministry said", not "Monday night's debate"
        if w.lower in ("who", "which") and not collected:
            return Mention(w.text, w.start, w.end)
        collected.append(w)
        if len(collected) >= _MAX_NP_WORDS:
            return None
    collected.reverse()
    if any(c.lower == "and" for c in collected):
        collected = _with_list_head(words, collected)
    # A phrase may not start with a dangling preposition ("of the ministry").
    while collected and collected[0].lower in ("of", "for", "to", "at"):
        collected.pop(0)
    collected = _after_run_on(collected, lex)
    if not _np_words(collected, lex, common_nouns):
        return None
    if _object_relative(collected, lex):
        return None
    # "Even China said"; "Again I want ...", "..., however I have no doubt ...": a sentence
    # adverb opens the clause, it is no part of the subject
    leaders = lex.word_class("leader") | lex.word_class("sentence_adverb")
    while len(collected) > 1 and collected[0].lower in leaders and not collected[1].is_punct:
        collected.pop(0)
    if len(collected) > 2 and collected[1].text in _DASHES and collected[0].text.isupper():
        # "BRUSSELS - European leaders", "WASHINGTON -- President Obama": a dateline
        collected = collected[1:]
        while collected and collected[0].text in _DASHES:
            collected.pop(0)
    if not collected:
        return None
    i = words.index(collected[0])
    if i > 0 and words[i - 1].lower in lex.word_class("condition"):
        return None  # "If Trump's plan rejected ...": a condition reports nothing
    if (
        i > 0
        and words[i - 1].lower in lex.word_class("governing")
        and collected[0].lower in lex.word_class("determiner")
        and not text[words[i - 1].end : collected[0].start].strip()
    ):
        # "In a statement posted on Telegram, ...": a preposition's object is no subject
        return None
    lead = _name_before_role(text, limit, words, i, collected[0], lex)
    start = lead.start if lead is not None else collected[0].start
    if collected[0].text.isdigit():
        counted = _COUNT_IN.search(text, limit, start)
        if counted is not None:
            start = counted.start()  # `Six in 10 Virginia Democratic primary voters said`
    if collected[0].lower == "least" and len(collected) > 1:
        collected = collected[1:]  # "At least half": "at" is a boundary word, read with "least" below
        start = collected[0].start
    if collected[0].text[:1].isdigit() or share_word(collected[0], lex) or start < collected[0].start:
        # `About 4 in 10 say`, `more than half of white women preferred`, `At least half
        # of voters say`: the approximator is part of the share
        start = _with_approximators(text, limit, start, lex)
    return Mention(text[start : collected[-1].end], start, collected[-1].end)


def _with_approximators(text: str, limit: int, start: int, lex: Lexicons) -> int:
    """Where a share starting at ``start`` starts with the approximators before it ("more
    than", "about", "at least"), read back no further than ``limit``."""
    before = words_in(text, limit, start)
    approximators = lex.word_class("approximator")
    i = len(before)
    while i > 0:
        if before[i - 1].lower in approximators:
            i -= 1
        elif before[i - 1].lower == "least" and i > 1 and before[i - 2].lower == "at":
            i -= 2
        else:
            break
    return before[i].start if i < len(before) else start


def _name_before_role(
    text: str, limit: int, words: list[Word], i: int, first: Word, lex: Lexicons
) -> Mention | None:
    """ "Gen. Joseph Votel, commander of U.S. Central Command said": the name of an
    appositive whose closing comma is missing. Only a singular role noun after a name of two
    words or more that no preposition governs ("In Kyiv, officials said" stays "officials")."""
    if not (first.text.islower() and first.lower in lex.roles and not first.lower.endswith("s")):
        return None
    if i < 2 or words[i - 1].text != "," or not words[i - 2].is_capitalised:
        return None
    name = subject_before(text, limit, words[i - 1].start, lex)
    if name is None or not name.text[:1].isupper() or len(words_in(text, name.start, name.end)) < 2:
        return None
    before = words_in(text, limit, name.start)[-1:]
    prepositions = lex.word_class("boundary") | lex.word_class("governing")
    if before and before[0].lower in prepositions:
        return None
    return name


def _object_relative(words: list[Word], lex: Lexicons) -> bool:
    """ "..., a move most countries have rejected": a noun with a relative clause whose
    "that" is left out; the verb's subject ("most countries") describes the noun, it is not
    a speaker whose claim is the sentence before."""
    return (
        len(words) >= 3
        and words[0].lower in ("a", "an")
        and words[1].text.islower()
        and (words[2].lower in lex.word_class("determiner") or words[2].lower in lex.word_class("quantifier"))
    )


def _in_role_complement(words: list[Word], lex: Lexicons) -> bool:
    """Whether a word run ends inside a role noun's prepositional phrase ("experts on
    energy"), with no punctuation or clause word after the preposition."""
    stops = lex.word_class("boundary")
    for j in range(len(words) - 2, max(-1, len(words) - _MAX_NP_WORDS), -1):
        w = words[j + 1]
        if words[j].lower in lex.roles and w.lower in _ROLE_COMPLEMENTS:
            return True
        if w.is_punct or (w.lower in stops and w.lower not in _ROLE_COMPLEMENTS):
            return False
    return False


_DASHES = frozenset({"-", "—", "–"})


def _dashed_subject(
    text: str, limit: int, words: list[Word], lex: Lexicons, common_nouns: bool
) -> Mention | None:
    """`Kall -- co-editor of a book on the debates -- said`: the name before the dashes
    and the description between them are the speaker."""
    close = len(words) - 1
    while close > 0 and words[close - 1].text in _DASHES:
        close -= 1  # `--` is two words
    opening = next((i for i in range(close - 1, max(0, close - 40), -1) if words[i].text in _DASHES), None)
    if opening is None or opening == close - 1:
        return None
    while opening > 0 and words[opening - 1].text in _DASHES:
        opening -= 1
    if opening == 0:
        return None
    name = subject_before(text, limit, words[opening].start, lex, common_nouns)
    if name is None:
        return None
    end = words[close - 1].end
    return Mention(text[name.start : end], name.start, end)


_AGENTIVE = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|people)$")


def _after_run_on(words: list[Word], lex: Lexicons) -> list[Word]:
    """The subject alone when an opening phrase runs into it with no comma: "In a Bloomberg
    interview Trump", "September 27 they", "its oversight of the regional centers The S.E.C."
    A pronoun takes no modifiers; a name right after a plain common noun (not a role, not
    an agent noun like "pollster" or "activist") starts a new phrase."""
    if len(words) < 2:
        return words
    if words[-1].lower in lex.pronouns and not words[-2].is_punct:
        return words[-1:]
    function = lex.word_class("boundary") | lex.word_class("determiner") | lex.word_class("title")
    for i in range(len(words) - 2, -1, -1):
        w, nxt = words[i], words[i + 1]
        if not (w.text.isalpha() and w.text.islower()):
            if not w.is_capitalised:
                break
            continue
        if (
            nxt.is_capitalised
            and len(w.text) > 2
            and w.lower not in function
            and w.lower not in _ROLE_COMPLEMENTS
            and w.lower not in lex.roles
            and not _AGENTIVE.search(w.lower)
            and all(x.is_capitalised or x.is_punct for x in words[i + 1 :])
        ):
            return words[i + 1 :]
        break
    return words


def participle_aside(words: list[Word], lex: Lexicons) -> bool:
    """Whether words after a name's comma open a participle clause ("speaking to reporters")
    rather than a description ("acting head of the agency" names a role)."""
    first = words[0].lower
    if first in lex.word_class("citation") or first in lex.word_class("hearer_participle"):
        # "citing local officials", "speaking to reporters": the speaker's source or
        # hearers, never the speaker
        return True
    return (
        first.endswith("ing")
        and len(first) > 5
        and words[0].text[:1].islower()
        and not any(w.lower in lex.roles for w in words[:3])
    )


_CLOSING_QUOTES = frozenset({'"', "”", "’"})


def _before_hearer(words: list[Word]) -> list[Word]:
    """The words of an aside before its hearer: in `in a speech to military officers` the
    officers heard the speech; they are not what the aside is."""
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower in ("to", "before")), len(words))
    return words[:cut]


def _appositive_subject(text: str, words: list[Word], lex: Lexicons) -> Mention | None:
    """`Name, role for X,` before a cue: the whole `Name, role` is the mention."""
    commas = [i for i, w in enumerate(words) if w.text == ","]
    if not commas:
        return None
    comma = commas[-1]
    appos = words[comma + 1 :]
    if appos and appos[0].lower == "including" and comma > 0:
        # `Proponents, including the Conference of Mayors, have urged`: the examples belong
        # to the speaker they name
        inner = subject_before(text, words[0].start, words[comma].start, lex, True)
        if inner is not None:
            return Mention(text[inner.start : appos[-1].end], inner.start, appos[-1].end)
    if (
        appos
        and comma > 0
        and (
            participle_aside(appos, lex)
            or " ".join(w.lower for w in appos) in lex.word_class("aside")
            # `Hillary Clinton, at a later press gaggle, said`: where she said it
            # (`in a statement on Telegram`, `in his nightly video address`: a document or a
            # medium, the roles of type UNKNOWN, says where it was said, not who speaks)
            or (
                appos[0].lower in lex.word_class("governing")
                and not any(lex.roles.get(w.lower, "UNKNOWN") != "UNKNOWN" for w in _before_hearer(appos))
            )
            # `Ukraine, like its allies, says`: whom the speaker is compared with
            or appos[0].lower in lex.word_class("comparison")
        )
    ):
        # `Trump, speaking to a veterans group in Virginia, said`: what the speaker was
        # doing, not who he is; `India and Pakistan, for instance,`: a sentence adverb; the
        # speaker is the phrase before the comma
        return subject_before(text, words[0].start, words[comma].start, lex, True)
    if appos and appos[0].lower in ("a", "an") and len(commas) > 1:
        # `Michael Kofman, director of Russia studies at CNA, a research group in Virginia,`:
        # the second description is of the organisation the first one names
        inner = _appositive_subject(text, words[:comma], lex)
        if inner is not None and inner.text[:1].isupper() and "," in inner.text:
            return Mention(text[inner.start : appos[-1].end], inner.start, appos[-1].end)
    if appos and appos[0].lower == "which" and len(commas) > 1:
        # `Mulgrew, president of the teachers' union, which represents ...,`: the clause
        # describes the organisation named in the description, not the speaker
        return _appositive_subject(text, words[:comma], lex)
    relative = bool(appos) and appos[0].lower in ("who", "whose") and len(appos) <= _MAX_NP_WORDS + 10
    if relative and len(commas) > 1:
        # `Schiff, 56, who has served on the committee for a decade,`: the relative clause
        # belongs to the speaker described before it
        inner = _appositive_subject(text, words[:comma], lex)
        if inner is not None:
            return Mention(text[inner.start : appos[-1].end], inner.start, appos[-1].end)
    if relative and len(commas) == 1 and comma > 0:
        # `The governor, who has repeatedly warned of an offensive,`: the noun phrase that
        # opens the clause, all of it up to the comma, is the speaker described by it
        # (`The senator also forced Stumpf, who ...,` opens with no such phrase)
        inner = initial_subject(text, words[0].start, words[comma].start, lex)
        if inner is None or inner.end != words[comma - 1].end:
            # `Russian war bloggers, who have close ties to the military,`: read back from
            # the comma when the phrase does not open a name
            inner = subject_before(text, words[0].start, words[comma].start, lex, True)
        if inner is not None and inner.end == words[comma - 1].end:
            return Mention(text[inner.start : appos[-1].end], inner.start, appos[-1].end)
    # `Kamin, an outside adviser to ... and a professor at ...,`: a description may run long
    longest = _MAX_NP_WORDS + 10 if appos and appos[0].lower in ("a", "an", "the") else _MAX_NP_WORDS
    # `McConnell, R-Ky.,`: a party and state tag keeps its periods and brackets
    if not appos or len(appos) > longest or any(w.is_punct and w.text not in "-.()" for w in appos):
        return None
    # `In Kyiv, Russia` is not an appositive; `Haidai, Luhansk governor,` is.
    names_role = any(w.lower in lex.roles or w.lower in lex.word_class("title") for w in appos)
    # `Dianne Feinstein, Democrat of California,`: a capitalised description that goes on
    # in lower case is an appositive too; `In Kyiv, Russia` stays out (all capitalised).
    names_role = names_role or (len(appos) > 1 and any(not w.is_capitalised for w in appos[1:]))
    name_words: list[Word] = []
    depth = 0
    for i in range(comma - 1, -1, -1):
        w = words[i]
        if w.text == ")" and not name_words:
            depth = 1  # `Rep. Gregory W. Meeks (D-N.Y.), chairman of ...,`: the aside stays
        if depth:
            depth -= 1 if w.text == "(" else 0
            name_words.append(w)
            continue
        if w.text == "-" and name_words and not text[w.start - 1 : w.start].isspace():
            name_words.append(w)  # "Ban Ki-moon"
            continue
        # "United States Citizenship and Immigration Services", "Officials at Homeland
        # Security Investigations": a name joined by "and", or a role placed at a name
        if (
            i > 0
            and name_words
            and (
                (
                    w.lower == "and"
                    and name_words[-1].is_capitalised
                    and words[i - 1].is_capitalised
                    and not words[i - 1].is_punct
                )
                # `An adviser to the head of the presidential office, Mykhailo Podolyak,`
                or (
                    w.lower in _ROLE_PREPOSITIONS
                    and words[i - 1].lower in lex.roles
                    and (name_words[-1].is_capitalised or name_words[-1].lower in ("the", "a", "an"))
                )
            )
        ):
            name_words.append(w)
            continue
        if w.is_punct or (w.lower in lex.word_class("boundary") - {"of", "for"}):
            break
        name_words.append(w)
    name_words.reverse()
    while name_words and (
        name_words[0].lower in ("of", "for")
        or (len(name_words) > 1 and name_words[0].lower in lex.word_class("leader"))
    ):
        name_words.pop(0)
    aged = False
    if [w.text.isdigit() for w in name_words] == [True] and comma >= 3 and words[comma - 2].text == ",":
        # `Jillian Chase, 27, a Tinder user in New York,`: an age between the name and its
        # description belongs to the name
        named = _appositive_name(words[: comma - 2], lex)
        if named:
            name_words = [*named, words[comma - 2], *name_words]
            aged = True
    # `The state's campaign chairman, Phil Lovas,`, `The minister of the economy, Mr. X,`:
    # the role comes first, the name after.
    # The role may be anywhere in its phrase: `The Russian-installed governor of
    # Zaporizhzhia region, Yevgeny Balitsky,`.
    role_first = (
        bool(name_words) and any(w.lower in lex.roles for w in name_words) and appos[-1].is_capitalised
    )
    title = appos[0].lower in lex.word_class("title")
    if appos[0].is_capitalised and not title and not names_role and not role_first:
        return None
    while name_words and name_words[0].text in "()":
        name_words.pop(0)  # an aside without its name
    head = next(
        (
            w
            for w in reversed(name_words)
            if not w.is_punct and w.text[:1] != "(" and not (aged and w.text.isdigit())
        ),
        None,
    )
    # `The mayor, a former boxer,`, `One resident, 64,`: a role described in lower case, or
    # given an age, after its comma
    described_role = (
        head is not None
        and lex.roles.get(head.lower) == "PERSON"
        and (
            (appos[0].lower in ("a", "an", "the") and len(appos) > 1)
            or (len(appos) == 1 and _AGE.fullmatch(appos[0].text) is not None)
        )
    )
    if (
        head is None
        or not (head.is_capitalised or role_first or described_role)
        or head.lower in lex.word_class("temporal")
    ):
        return None  # "... on Wednesday, the administration said," names no one
    first, last = name_words[0], appos[-1]
    before = comma - len(name_words) - 1
    if first.lower in ("the", "a", "an") and before > 0 and words[before].text == ",":
        # `Scott Pruitt, the attorney general of Oklahoma, one of the states suing,`: the
        # description is itself an apposition of the name before it
        inner = _appositive_subject(text, words[:comma], lex)
        if inner is not None and inner.start < first.start:
            return Mention(text[inner.start : last.end], inner.start, last.end)
    return Mention(text[first.start : last.end], first.start, last.end)


def _appositive_name(words: list[Word], lex: Lexicons) -> list[Word]:
    """The capitalised name that ends ``words`` (back to punctuation or a boundary word)."""
    name: list[Word] = []
    for w in reversed(words):
        if w.is_punct or w.lower in lex.word_class("boundary") or not w.is_capitalised:
            break
        name.append(w)
    name.reverse()
    return name


def phrase_after(
    text: str,
    start: int,
    limit: int,
    lex: Lexicons,
    common_nouns: bool = False,
    coordinated: bool = False,
) -> Mention | None:
    """The noun phrase right after an inverted cue ("said Haidai", "according to X");
    ``common_nouns`` as for :func:`subject_before` (a passive's agent: "by 42 percent");
    ``coordinated``: "and" may join a second noun phrase ("according to exit polls
    conducted for the Associated Press and television networks")."""
    words = words_in(text, start, limit)
    stops = lex.word_class("boundary") - {"of", "for"}
    if coordinated:
        stops = stops - {"and"}
    verbs = lex.word_class("aux") | lex.word_class("past")
    collected: list[Word] = []
    for i, w in enumerate(words):
        if coordinated and w.lower == "and" and (i + 1 >= len(words) or words[i + 1].lower in verbs):
            break  # "according to the ministry and was ...": a second predicate
        # `according to an analysis by Lily Batchelder`: a document names its author
        # and `according to exit polls reported by CNN` its carrier
        authored = (
            w.lower == "by"
            and bool(collected)
            and (
                collected[-1].lower in lex.roles
                or (
                    len(collected) > 1 and collected[-1].text.islower() and collected[-1].lower.endswith("ed")
                )
            )
        )
        # "said 9/11 widow Terry Strada": a slash inside a word is part of it
        joined = (
            w.text in ("-", "/")
            and text[w.start - 1 : w.start].isalnum()
            and text[w.end : w.end + 1].isalnum()
        )
        # "said Will Doyle", "said Sen. Will Hurd": a capitalised modal before a name is a
        # given name, not the start of a predicate
        given = _given_name(words, i, lex)
        if (w.is_punct and w.text != "-" and not joined) or (
            collected and w.lower in stops and not authored and not given
        ):
            break
        if collected and w.lower in ("who", "whose"):
            break  # "said a soldier who asked not to be named": the relative clause describes
        if not collected and w.lower in stops and not given:
            break
        collected.append(w)
        if len(collected) >= _MAX_NP_WORDS:
            break
    while collected and collected[-1].lower in ("of", "for", "and", "by"):
        collected.pop()  # a phrase cut at its longest never ends on a word that joins
    qualified = _qualified_source(text, collected, limit, lex)
    if qualified is not None:
        collected, end = qualified
    if not _np_words(collected, lex, common_nouns):
        return None
    if qualified is None:
        end = collected[-1].end
    return Mention(text[collected[0].start : end], collected[0].start, end)


def _qualified_source(
    text: str, collected: list[Word], limit: int, lex: Lexicons
) -> tuple[list[Word], int] | None:
    """`said a source familiar with the matter`, `said a Western official with knowledge of the
    talks`: a person noun with a qualifier (lexicon class ``qualifier``) and its object is
    the whole speaker phrase; the scan stops at the qualifier's preposition, which otherwise
    ends a speaker phrase. Returns the words up to the person noun and the phrase's end."""
    if not collected:
        return None
    head = len(collected) - 1
    if head and collected[head].lower not in lex.roles and collected[head - 1].lower in lex.roles:
        head -= 1  # "official familiar": the scan took the qualifier's first word
    if collected[head].lower not in lex.roles:
        return None
    after = words_in(text, collected[head].end, limit)
    size = qualifier_at(after, lex)
    if not size:
        return None
    obj: list[Word] = []
    stops = lex.word_class("boundary") - {"of"}
    for w in after[size:]:
        if (w.is_punct and w.text != "-") or (w.lower in stops and obj) or w.lower in ("who", "whose"):
            break
        obj.append(w)
        if len(obj) >= 8:
            return None
    if not obj or obj[-1].lower == "of":
        return None
    return collected[: head + 1], obj[-1].end


# a party and state in brackets after a name: "Rep. Jim Clyburn (D-S.C.)"
PARTY_STATE = r"\s*\([^()]{1,30}\)"
_PARTY_STATE = re.compile(PARTY_STATE + r"(?=,|$)")


class SpeakerResolver:
    """Per-article resolution state: the entities seen so far, in text order."""

    def __init__(
        self,
        text: str,
        lex: Lexicons,
        actors: ActorDictionary,
        *,
        places: list[tuple[int, str]] | None = None,
        persons: list[tuple[int, int]] | None = None,
        entity_labels: dict[tuple[int, int], str] | None = None,
        names: NameIndex | None = None,
        on: date | None = None,
    ) -> None:
        self.text = text
        self.on = on  # the article's day: who held a place named in a speaker mention
        self.lex = lex
        self.actors = actors
        self.places = sorted(places or [])
        self.names = names
        self.entity_labels = entity_labels or {}
        self.entities: list[Entity] = []
        self.speakers: list[tuple[int, Speaker]] = []
        self._titles = lex.word_class("title")
        for start, end in persons if persons is not None else self._person_runs():
            self._person_entity(text[start:end], start)

    # ---- pre-scan -------------------------------------------------------------------------
    def _person_runs(self) -> list[tuple[int, int]]:
        """Runs of two or more capitalised words that are neither titles nor known actors."""
        runs: list[tuple[int, int]] = []
        current: list[Word] = []

        # "As Zelenskiy put it", "But Peskov said": a capitalised word that opens a clause
        openers = (
            self.lex.word_class("subordinator")
            | self.lex.word_class("boundary")
            | self.lex.word_class("leader")
            | self.lex.word_class("sentence_adverb")
        )

        # "the mayor of Kramatorsk Oleksandr Honcharenko": a place before a name is no part of it
        place_starts = {start for start, _ in self.places}

        def flush() -> None:
            names = [w for w in current]
            while names and (
                names[0].lower in self._titles
                or names[0].lower in ("the", "a", "an")
                or names[0].lower in openers
                or self.actors.lookup(names[0].text)
                or (names[0].start in place_starts and len(names) > 2)
            ):
                names.pop(0)
            if (
                len(names) >= 2
                and not any(self._non_person(w.text) for w in names)
                # "The United Nations": an organisation or a place the dictionary knows
                and not self._non_person(" ".join(w.text for w in names))
            ):
                last = names[-1]
                end = last.end - 2 if last.text.endswith(("'s", "’s")) else last.end
                runs.append((names[0].start, end))
            current.clear()

        for w in words_in(self.text):
            if w.is_capitalised and not w.is_punct and w.text[0].isalpha() and not w.text.endswith("."):
                current.append(w)
                if w.text.endswith(("'s", "’s")):
                    flush()
            elif current:  # most words are lower case and close no run
                flush()
        flush()
        return runs

    def _non_person(self, word: str) -> bool:
        """A known state, organisation or group ("Kremlin"); a known person is still a name."""
        actor = self.actors.lookup(word)
        return actor is not None and actor.type != "PERSON"

    # ---- helpers --------------------------------------------------------------------------
    def _register(self, entity: Entity, position: int, mention: str) -> Entity:
        entity.position = position
        entity.keys.add(name_key(mention))
        if not entity.surname:
            own = name_key(entity.name)
            entity.keys.add(own)
            entity.surname = own.split()[-1] if own else ""
        if entity not in self.entities:
            self.entities.append(entity)
        return entity

    def _coordinated_actors(self, phrase: str, mention: Mention) -> Speaker | None:
        """ "Kyiv and Washington said", "Britain, France and Germany said": actors the
        dictionary knows, speaking together. The speaker names them all; its side is theirs
        when they share one, else none (never the last one's)."""
        parts = [p for p in _CONJUNCTS.split(phrase) if p]
        if len(parts) < 2:
            return None
        members: list[tuple[str, str | None, str]] = []  # (name, side, type)
        for part in parts:
            actor = self.actors.lookup(part)
            if actor is None:
                # "Polish President Andrzej Duda": a person the dictionary knows by the name
                # at the end, or a person it does not know, on the side the role names
                tail = self.actors.lookup_suffix(part)
                if tail is not None and tail.type == "PERSON":
                    actor = tail
                else:
                    person = self._person_name(part)
                    if person is None or len(person[0].split()) < 2:
                        return None
                    members.append((person[0], side_of(part, self.actors, on=self.on), "PERSON"))
                    continue
            # a capital speaking is its state speaking ("Kyiv and Washington")
            actor = (self.actors.lookup(actor.metonym_of) if actor.metonym_of else None) or actor
            members.append((actor.name, actor.side, actor.type))
        names = [m[0] for m in members]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        sides = {m[1] for m in members}
        types = {m[2] for m in members}
        entity = self._find_entity(name) or Entity(
            name,
            _speaker_type(types.pop() if len(types) == 1 else "UNKNOWN"),
            sides.pop() if len(sides) == 1 else None,
            "",
        )
        self._register(entity, mention.start, mention.text)
        return Speaker(mention.text, entity.name, entity.type, entity.side, mention.start, mention.end)

    def _find_entity(self, name: str) -> Entity | None:
        key = name_key(name)
        for entity in reversed(self.entities):
            if key in entity.keys:
                return entity
        return None

    def _person_entity(self, name: str, position: int, role: str = "") -> Entity:
        actor = self.actors.lookup(name)
        canonical = actor.name if actor is not None and actor.type == "PERSON" else name
        surname = name_key(name).split()[-1:] if name_key(name) else []
        existing = self._find_entity(canonical)
        if existing is None and surname:
            for entity in reversed(self.entities):
                if entity.type == "PERSON" and [entity.surname] == surname:
                    existing = entity
                    break
        if existing is None and self.names is not None and actor is None:
            canonical = self.names.canonical(canonical)
        side = side_of(role, self.actors, self.lex.word_class("authority"), self.on) if role else None
        if existing is not None:
            if (
                actor is not None
                and existing.name != canonical
                and name_key(existing.name).endswith(" " + name_key(canonical))
            ):
                # "the Donetsk People's Republic Denis Pushilin": a run of capitals took the
                # end of the place before the name; the dictionary's name is the person's
                existing.name = canonical
            if role and not existing.role:
                existing.role = role
            if existing.side is None:
                existing.side = side or (actor.side if actor is not None else None)
            return self._register(existing, position, name)
        if side is None and actor is not None and actor.type == "PERSON":
            side = actor.side
        entity = Entity(canonical, "PERSON", side, role)
        return self._register(entity, position, name)

    def _place_before(self, position: int) -> str | None:
        best: str | None = None
        for start, mention in self.places:
            # "surrendered to Kyiv", "talks with Moscow": a capital standing for its state.
            if start < position and not re.search(r"\b(?:to|from|with|against|by)\s+$", self.text[:start]):
                best = mention
        if best is not None:
            return best
        matches = [m for m in _PLACE_NOUN.finditer(self.text, 0, position)]
        return matches[-1].group(1) if matches else None

    def _capital_before(self, position: int) -> Actor | None:
        best: tuple[int, Actor] | None = None
        for actor in self.actors.actors:
            if actor.capital_of is None:
                continue
            for spelling in (actor.name, *actor.aliases):
                idx = self.text.rfind(spelling, 0, position)
                if idx >= 0 and (best is None or idx > best[0]):
                    best = (idx, actor)
        return best[1] if best else None

    def _latest_speaker(self, position: int, kinds: tuple[str, ...], single: bool = False) -> Speaker | None:
        """``single``: for "he"/"she", which never stand for "Ukrainian officials"."""
        for start, speaker in reversed(self.speakers):
            if start < position and speaker.type in kinds:
                if single and self._plural(speaker.text or speaker.name):
                    continue
                return speaker
        return None

    def _plural(self, phrase: str) -> bool:
        """A coordination or a plural role noun: "Kyiv and its allies", "Ukrainian officials"."""
        words = phrase.lower().split()
        if not words or "and" in words:
            return bool(words)
        last = words[-1]
        return last in self.lex.roles and (
            (last.endswith("s") and last[:-1] in self.lex.roles) or last.endswith("men") or last == "people"
        )

    # ---- resolution ----------------------------------------------------------------------
    def resolve(self, mention: Mention, antecedent: Mention | None = None) -> Speaker | None:
        possessor = POSSESSIVE.search(mention.text)
        if (
            possessor is not None
            and possessor.start() > 0
            and mention.text[: possessor.start()].lower() not in self.lex.word_class("contracted")
            and self.actors.lookup(mention.text) is None
        ):
            # "The ministry's claims of heavy losses", "Russia's claim that ...": the speaker of
            # a noun cue is its possessor, resolved without the possessive; the mention as
            # written keeps it (PolNeAR's source spans do too)
            end = mention.start + possessor.start()
            owner = self._resolve(Mention(mention.text[: possessor.start()], mention.start, end), antecedent)
            speaker = _with_text(owner, mention) if owner is not None else None
        else:
            speaker = None
        speaker = speaker or self._resolve(mention, antecedent)
        if speaker is not None:
            self.speakers.append((mention.start, speaker))
            return speaker
        kind = self.lex.pronouns.get(mention.text.lower())
        if kind in ("PERSON", "ACTOR", "GROUP"):
            # '"I'm a free American," he said' with no one named before it: the claim was
            # still made, so it stays, spoken by the pronoun as written and no guessed name
            # or side. It is not recorded as a speaker, so a later "he" still looks further.
            return Speaker(
                mention.text,
                mention.text,
                "PERSON" if kind == "PERSON" else "UNKNOWN",
                None,
                mention.start,
                mention.end,
            )
        return None

    def inherit(self, speaker: Speaker, position: int) -> Speaker:
        """Record an implied speaker (continuation quote) so later pronouns can find it."""
        self.speakers.append((position, speaker))
        return speaker

    def _resolve(self, mention: Mention, antecedent: Mention | None) -> Speaker | None:
        text = mention.text
        lower = text.lower()
        kind = self.lex.pronouns.get(lower)
        if kind is not None:
            if kind == "ANY" and antecedent is not None:
                for _, known in reversed(self.speakers):
                    # "said Howard Rubel, a senior analyst, who notes ...": the antecedent is
                    # the appositive of a speaker resolved already
                    if (
                        known.start is not None
                        and known.end is not None
                        and known.start <= antecedent.start
                        and antecedent.end <= known.end
                    ):
                        return _with_text(known, mention)
                inner = self._resolve(antecedent, None)
                return None if inner is None else _with_text(inner, mention)
            wanted: tuple[str, ...] = {
                "PERSON": ("PERSON",),
                "ACTOR": ("ORG", "GPE"),
                "GROUP": ("ORG", "GPE", "PERSON", "UNKNOWN"),
            }.get(kind, ("PERSON", "ORG", "GPE", "UNKNOWN"))
            found = self._latest_speaker(mention.start, wanted, single=kind == "PERSON")
            if found is None and kind == "PERSON":
                people = [
                    e
                    for e in self.entities
                    if e.type == "PERSON" and e.position < mention.start and not self._plural(e.name)
                ]
                if people:
                    e = max(people, key=lambda p: p.position)
                    return Speaker(text, e.name, "PERSON", e.side, mention.start, mention.end)
            if found is None:
                return None
            return Speaker(text, found.name, found.type, found.side, mention.start, mention.end)
        owned = _OWNED.match(text)
        if owned is not None:
            # "Its intelligence directorate", "His spokesman": the owner is found as its
            # pronoun would be; the speaker is the owner's, on the owner's side
            pronoun = _OWNER_PRONOUNS[owned.group(1).lower()]
            owner = self._named_owner(pronoun, mention.start) or self._resolve(
                Mention(pronoun, mention.start, mention.start + len(owned.group(1))), None
            )
            if owner is not None:
                rest = owned.group(2)
                head = rest.split()[-1].lower()
                stype = _speaker_type(self.lex.roles.get(head) or "UNKNOWN")
                name = f"{owner.name}'s {rest}"
                entity = self._find_entity(name) or Entity(name, stype, owner.side, rest)
                self._register(entity, mention.start, text)
                return Speaker(text, entity.name, entity.type, entity.side, mention.start, mention.end)
        return self._resolve_phrase(mention)

    def _resolve_phrase(self, mention: Mention) -> Speaker:
        text = mention.text
        core = re.sub(r"^(?:the|a|an|The|A|An)\s+", "", text.strip())
        # "Rep. Jim Clyburn (D-S.C.), a member of ...": party and state are no part of the name
        core = _PARTY_STATE.sub("", core)
        name_part, _, appos = core.partition(", ")
        # "Britain, France and Germany"; "Zelenskiy and Polish President Andrzej Duda, who met
        # in Kyiv," (the list before the description)
        for phrase in dict.fromkeys((core, name_part)):
            if " and " in phrase and self.actors.lookup(phrase) is None:
                group = self._coordinated_actors(phrase, mention)
                if group is not None:
                    return group
        # "a soldier who asked not to be named", "Democrats in Kharkiv who watched the
        # parade": a relative clause with no comma picks out the speaker; the head is read
        # without it, the name keeps it unless it only says the speaker is unnamed
        relative = RESTRICTIVE_RELATIVE.search(name_part)
        restrictive = ""
        if relative is not None and relative.start() > 0:
            restrictive = name_part[relative.start() :].strip()
            name_part = name_part[: relative.start()]
            appos = " ".join(x for x in (restrictive, appos) if x)
        named, _, more = appos.partition(", ")
        if appos and self._role_phrase(name_part) and self._bare_name(named):
            # "The mayor of Kramatorsk, Oleksandr Honcharenko,": the name after the comma is
            # the speaker's, the phrase before it his role (as in "X, the mayor of ..."),
            # and a description after the name is his too (", a former lawmaker")
            name_part, appos = named, ", ".join(x for x in (name_part, more) if x)

        # "the capital's X" -> "<capital>'s X"
        if re.match(r"(?i)(?:the\s+)?capital['’]s\b", core):
            capital = self._capital_before(mention.start)
            if capital is not None:
                core = re.sub(r"(?i)^(?:the\s+)?capital", capital.name, core)
                name_part = core

        # "the city's military administration" -> "Kyiv's military administration", when the
        # place last named makes it an actor the dictionary knows
        if re.match(r"(?i)(?:the\s+)?(?:city|town)['’]s\s", name_part):
            place = self._place_before(mention.start)
            if place is not None:
                candidate = re.sub(r"(?i)^(?:the\s+)?(?:city|town)", place, name_part)
                if self.actors.lookup(candidate) is not None:
                    name_part = candidate

        actor = self.actors.lookup(name_part)
        if actor is None:
            # "a Kremlin statement", "a Pentagon readout": the document speaks for its actor
            owner, _, document = _PARTICIPLE_PP.sub("", name_part).rpartition(" ")
            if document.lower() in self.lex.word_class("document") and owner:
                actor = self.actors.lookup(owner)
        head_part = _SPLIT_OF.split(name_part, maxsplit=1)[0]
        has_of = head_part != name_part
        if actor is None and not has_of:
            actor = self.actors.lookup_suffix(name_part)
            # "Luhansk regional governor": a place inside a longer phrase is a modifier,
            # and so is one after the role it places ("Officials in Kyiv").
            # So is a place after a preposition: "Democrats in Kharkiv" are not Kharkiv.
            if (
                actor is not None
                and actor.type == "GPE"
                and name_key(actor.name) != name_key(name_part)
                and (
                    any(w.lower() in self.lex.roles for w in name_part.split())
                    or _PLACED.search(name_part) is not None
                )
            ):
                actor = None
        elif actor is None:
            # "Minister of Defence Rustem Umerov", "chief of staff Andriy Yermak": a person the
            # dictionary knows closes a role with "of" in it
            suffix = self.actors.lookup_suffix(name_part)
            actor = suffix if suffix is not None and suffix.type == "PERSON" else None
        if actor is not None and actor.type == "PERSON":
            role = " ".join(
                [name_part[: max(0, len(name_part) - len(_tail_words(name_part, actor, self.actors)))], appos]
            ).strip()
            entity = self._person_entity(actor.name, mention.start, role)
            return Speaker(text, entity.name, "PERSON", entity.side, mention.start, mention.end)
        last = name_part.split()[-1].lower() if name_part.split() else ""
        if (
            actor is not None
            and actor.type != "PERSON"
            and self.lex.roles.get(last) == "PERSON"
            and name_key(actor.name) != name_key(name_part)
        ):
            # "The Kremlin spokesman said": a person speaking for the actor; the holder the
            # article named before (Peskov), else the office itself, on the actor's side
            holder = self._office_holder_before(name_part, last, mention.start)
            if holder is not None:
                entity = self._person_entity(holder.name, mention.start, core)
            else:
                entity = self._find_entity(name_part) or Entity(name_part, "PERSON", actor.side, core)
                self._register(entity, mention.start, text)
            return Speaker(text, entity.name, "PERSON", entity.side, mention.start, mention.end)
        if actor is not None:
            target = actor
            if actor.metonym_of is not None:
                target = self.actors.lookup(actor.metonym_of) or actor
            entity = self._find_entity(target.name) or Entity(
                target.name, _speaker_type(target.type), target.side, target.role or ""
            )
            self._register(entity, mention.start, text)
            return Speaker(text, entity.name, entity.type, entity.side, mention.start, mention.end)

        person = self._person_name(head_part)
        if person is None and has_of:
            # "Zelenskiy's chief of staff Andriy Yermak": a role with "of" in it, and the name
            # right after its last, lower-case word (not "the mayor of Kramatorsk Oleksandr ...")
            whole = self._person_name(name_part)
            role_end = whole[1].rsplit(None, 1)[-1] if whole is not None and whole[1] else ""
            if (
                whole is not None
                and role_end.islower()
                and role_end not in ("the", "a", "an")
                and not self._non_person(whole[0])  # "ambassador to the United States"
            ):
                person = whole
        if person is not None:
            name, role = person
            full_role = " ".join(x for x in (role, appos) if x)
            entity = self._person_entity(name, mention.start, full_role)
            return Speaker(text, entity.name, "PERSON", entity.side, mention.start, mention.end)

        words = head_part.split()
        head = words[-1].lower() if words else ""
        definite = bool(re.match(r"(?i)(?:the|this)\s", text.strip()))
        if (
            definite
            and not has_of
            and any(w[:1].isupper() for w in words)
            and self.lex.roles.get(head) == "PERSON"
        ):
            holder = self._office_holder_before(core, head, mention.start)
            if holder is not None:
                entity = self._person_entity(holder.name, mention.start, core)
                return Speaker(text, entity.name, "PERSON", entity.side, mention.start, mention.end)
        if definite and not has_of and not any(w[:1].isupper() for w in words):
            antecedent = self._nominal_antecedent(head, mention.start)
            if antecedent is not None:
                self._register(antecedent, mention.start, text)
                return Speaker(
                    text, antecedent.name, antecedent.type, antecedent.side, mention.start, mention.end
                )
        # "Officials in Kyiv, who spoke on condition of anonymity": the clause describes them
        # (", speaking on condition of anonymity": so does a participle that keeps it unnamed)
        unnamed = bool(appos) and any(a == 0 for a, _ in self.lex.anonymous_spans(appos))
        # "Trump, the longtime owner of ...": a description after the comma is not the
        # name (a list goes on in capitals: "Britain, France and Germany")
        described = (appos[:1].islower() or _AGE.match(appos) is not None) and (
            name_part[:1].isupper() or head in self.lex.roles
        )
        name = name_part if appos.startswith(("who ", "which ")) or unnamed or described else core
        if restrictive and not any(a == 0 for a, _ in self.lex.anonymous_spans(restrictive)):
            name = f"{name_part} {restrictive}"
        if re.search(r"\bthere$", name):
            place = self._place_before(mention.end)
            if place is not None:
                name = re.sub(r"\s*\bthere$", f" of {place}", name)
                if name[:1].islower() and has_of:
                    name = name[0].upper() + name[1:]
        role_type = self.lex.roles.get(head)
        label = self.entity_labels.get((mention.start, mention.end))
        stype: SpeakerType = _speaker_type(role_type or label or "UNKNOWN")
        side = side_of(core, self.actors, self.lex.word_class("authority"), self.on)
        existing = self._find_entity(name)
        if existing is not None:
            self._register(existing, mention.start, text)
            return Speaker(text, existing.name, existing.type, existing.side, mention.start, mention.end)
        if stype == "UNKNOWN" and len(words) == 1 and words[0][:1].isupper():
            # A lone unknown capitalised word: a surname seen before, or an unknown name.
            for entity in reversed(self.entities):
                if entity.type == "PERSON" and entity.surname == name_key(words[0]):
                    self._register(entity, mention.start, text)
                    return Speaker(text, entity.name, "PERSON", entity.side, mention.start, mention.end)
        entity = Entity(name, stype, side, core)
        self._register(entity, mention.start, text)
        return Speaker(text, name, stype, side, mention.start, mention.end)

    def _named_owner(self, pronoun: str, position: int) -> Speaker | None:
        """The actor the sentence before a possessive pronoun names first, its subject as
        a rule ("Ukraine's military has given a far higher figure. Its directorate
        said"): the owner is who was talked about, a speaker or not."""
        before = self.text[max(0, position - 300) : position]
        cut = max(before.rfind(". ", 0, len(before) - 2), before.rfind("\n", 0, len(before) - 2))
        wanted = ("PERSON",) if pronoun in ("he", "she") else ("ORG", "GPE")
        found = [a for _, _, a in self.actors.find_all(before[cut + 1 :]) if a.type in wanted]
        if not found:
            return None
        actor = found[0]  # find_all reads in text order
        if actor.metonym_of is not None:
            actor = self.actors.lookup(actor.metonym_of) or actor
        return Speaker(actor.name, actor.name, _speaker_type(actor.type), actor.side, position, position)

    def _office_holder_before(self, phrase: str, head: str, position: int) -> Actor | None:
        """ "Zelenskiy met Scholz in Berlin. The German chancellor said ...": a person the
        dictionary knows, named earlier in the article, whose role has the phrase's head
        noun and whose side is the phrase's. Only someone already named: who holds an
        office changes, so the office alone names nobody."""
        side = side_of(phrase, self.actors)
        if side is None:
            return None
        found = [
            actor
            for _, _, actor in self.actors.find_all(self.text[:position])
            if actor.type == "PERSON" and actor.side == side and head in (actor.role or "").lower().split()
        ]
        return found[-1] if found else None

    def _person_name(self, phrase: str) -> tuple[str, str] | None:
        """(name, role) when ``phrase`` ends in a personal name: "U.S. Defense Secretary Lloyd Austin"."""
        tokens = phrase.split()
        name: list[str] = []
        for token in reversed(tokens):
            bare = token.rstrip(",")
            if (
                not bare[:1].isupper()
                or bare.lower() in self._titles
                or bare.lower() in self.lex.roles
                or self.actors.lookup(bare) is not None
                or bare.endswith(".")
            ):
                break
            name.append(bare)
        name.reverse()
        if not name:
            return None
        role = " ".join(tokens[: len(tokens) - len(name)])
        joined = " ".join(name)
        if len(name) == 1 and not role and not self._looks_personal(joined):
            return None
        return joined, role

    def _role_phrase(self, phrase: str) -> bool:
        """A description with a role or title that opens or ends in lower case ("head of the
        group Wagner", "regional governor", "Russian-installed governor of Zaporizhzhia
        region"), or has a lower-case role after an owner ("Russia's ambassador to the United
        States"); "President Zelenskiy" ends on a name."""
        words = phrase.split()
        roles = [w for w in words if w.lower() in self.lex.roles or w.lower() in self._titles]
        return bool(roles) and (
            words[0][:1].islower() or words[-1][:1].islower() or any(w.islower() for w in roles)
        )

    def _bare_name(self, phrase: str) -> bool:
        """Two to four capitalised words with no title or role: a person's name alone."""
        words = phrase.split()
        if not 2 <= len(words) <= 4:
            return False
        if any(
            not w[:1].isupper() or w.lower() in self._titles or w.lower() in self.lex.roles for w in words
        ):
            return False
        actor = self.actors.lookup(phrase)
        return actor is None or actor.type == "PERSON"

    def _looks_personal(self, word: str) -> bool:
        key = name_key(word)
        return any(e.type == "PERSON" and e.surname == key for e in self.entities)

    def _nominal_antecedent(self, head: str, position: int) -> Entity | None:
        for entity in sorted(self.entities, key=lambda e: -e.position):
            if entity.position >= position:
                continue
            haystack = f"{entity.name} {entity.role} {' '.join(entity.keys)}".lower()
            if re.search(rf"\b{re.escape(head)}\b", haystack):
                return entity
        return None


def _tail_words(phrase: str, actor: Actor, actors: ActorDictionary) -> str:
    """The trailing part of ``phrase`` that names ``actor`` (for splitting off the role)."""
    words = phrase.split()
    for start in range(len(words)):
        tail = " ".join(words[start:])
        if actors.lookup(tail) is actor:
            return tail
    return ""


def _speaker_type(value: str) -> SpeakerType:
    if value in ("PERSON", "ORG", "GPE"):
        return value  # type: ignore[return-value]
    if value in ("NORP", "FAC"):
        return "ORG"
    if value == "LOC":
        return "GPE"
    return "UNKNOWN"


def _with_text(speaker: Speaker, mention: Mention) -> Speaker:
    return Speaker(mention.text, speaker.name, speaker.type, speaker.side, mention.start, mention.end)


def _title_before_name(words: list[Word], i: int, lex: Lexicons) -> int | None:
    """Index of the capitalised word after a run of up to three lower-case words that
    ends on a role noun ("military spokesman", "presidential nominee"), else None."""
    titles = lex.word_class("title") | set(lex.roles)
    for j in range(i, min(i + 3, len(words))):
        w = words[j]
        if not w.text.isalpha() or not w.text.islower():
            return None
        if w.lower in titles and j + 1 < len(words) and words[j + 1].is_capitalised:
            return j + 1
    return None


def _without_opener(words: list[Word], lex: Lexicons) -> list[Word]:
    """A sentence's words from its subject on: without a leading conjunction or sentence
    adverb ("But", "Finally,") or an adverbial phrase or clause set off by a comma or a
    pair of dashes ("In an interview with the Journal, Trump ...", "In a victory speech --
    which ... -- Sanders"). A preposition or subordinator with neither ends before any
    subject can be told from the phrase: no words."""
    edge = lex.word_class("coordinator") | lex.word_class("sentence_adverb")
    while words and words[0].lower in edge:
        words = words[1:]
        while words and words[0].text == ",":
            words = words[1:]
    opener = lex.word_class("boundary") | lex.word_class("subordinator")
    if not words or words[0].lower not in opener or words[0].lower in lex.word_class("determiner"):
        return words
    # a dash of two hyphens may come as two words: count where a run of dashes ends
    dashes = [
        i
        for i, w in enumerate(words)
        if w.text in _DASHES and not (i + 1 < len(words) and words[i + 1].text in _DASHES)
    ]
    comma = next((i for i, w in enumerate(words) if w.text == ","), None)
    if comma is not None and (len(dashes) < 2 or comma < dashes[0]):
        return _without_opener(words[comma + 1 :], lex)
    if len(dashes) >= 2:
        return _without_opener(words[dashes[1] + 1 :], lex)
    return []


def initial_subject(text: str, sentence_start: int, limit: int, lex: Lexicons) -> Mention | None:
    """The sentence-opening noun phrase: the subject shared by coordinated verbs.

    An "as" clause with no subject after it is the attribution itself ("As Steven
    Rosenthal, a tax lawyer, put it, ..."): its own subject is the phrase."""
    words = words_in(text, sentence_start, limit)
    found = _opening_phrase(text, _without_opener(words, lex), limit, lex)
    if found is None and words and words[0].lower == "as":
        found = _opening_phrase(text, words[1:], limit, lex)
    return found


def _opening_phrase(text: str, words: list[Word], limit: int, lex: Lexicons) -> Mention | None:
    collected: list[Word] = []
    determiners = lex.word_class("determiner")
    i = 0
    while i < len(words):
        w = words[i]
        if w.is_capitalised or w.lower in determiners or (collected and w.lower in ("of", "for")):
            collected.append(w)
            i += 1
            continue
        if collected and collected[-1].is_capitalised and w.lower in lex.roles and w.text.islower():
            # "The Florida senator", "The Kremlin spokesman": a role noun after a capitalised
            # modifier is the phrase's head
            collected.append(w)
            i += 1
            continue
        if collected and (collected[-1].lower in determiners or POSSESSIVE.search(collected[-1].text)):
            # "The foreign ministry", "Ukraine's foreign ministry": lower-case modifiers up
            # to a role noun after a determiner or a possessive
            head = next(
                (j for j in range(i, min(i + 3, len(words))) if words[j].lower in lex.roles),
                None,
            )
            if head is not None and all(x.text.isalpha() and x.text.islower() for x in words[i:head]):
                collected.extend(words[i : head + 1])
                i = head + 1
                continue
        if collected and collected[-1].lower in determiners and w.text[:1].isalpha():
            collected.append(w)
            i += 1
            continue
        title = _title_before_name(words, i, lex) if collected else None
        if title is not None:
            # "Ukrainian military spokesman Serhiy Cherevatyi": lower-case words of a title
            # between a capitalised modifier and the name stay in the phrase
            collected.extend(words[i:title])
            i = title
            continue
        break
    while collected and (collected[-1].lower in determiners or collected[-1].lower in ("of", "for")):
        collected.pop()
    # a determined common noun is a subject when only auxiliaries and adverbs stand between
    # it and the verb ("As a phone rang, the announcer said", "a reader would now ask"), as
    # in ``subject_before``
    verb_group = lex.word_class("aux") | lex.word_class("adverb") | lex.word_class("negation")
    right_before = bool(collected) and all(
        w.lower in verb_group for w in words_in(text, collected[-1].end, limit)
    )
    if not _np_words(collected, lex, common_nouns=right_before):
        return None
    return Mention(text[collected[0].start : collected[-1].end], collected[0].start, collected[-1].end)
