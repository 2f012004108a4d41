"""Find every claim in an article: quotes, reported speech, and who stands behind them.

Two finding passes over the text, then one resolution pass in text order:

1. direct quotes (see :mod:`quotes`) take their attribution from the clause after the
   closing mark (`," the ministry said.`), before the opening mark (`added: "`), from
   the attribution that sits between two quotes (`"A," Haidai said. "B."`), or, with
   none, from the claim they continue (same paragraph, or the paragraph before);
2. every other cue (see :mod:`cues`) yields reported speech when it has a subject and
   a clause-like complement (`X said (that) ...`, `X told Y that ...`, `X urged Y to
   ...`), a sentence-final attribution (`..., X said on Wednesday.`) or `according to`;
3. speakers are resolved in text order so pronouns and nominals find the speaker
   before them; channels, dates, hedges, denials and disclaimers are then attached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from sitrep.attribution.certainty import CertaintyRules, DisclaimerMatch
from sitrep.attribution.channels import find_channel, leading_channel
from sitrep.attribution.cues import CueFinder, CueMatch
from sitrep.attribution.lexicon import CueEntry, Lexicons
from sitrep.attribution.quotes import QUOTE_MARKS, Quote, find_quotes, straighten_doubled
from sitrep.attribution.roles import RoleScores, RoleView, Run
from sitrep.attribution.segments import (
    SentenceIndex,
    Word,
    dateline_pattern,
    mask_datelines,
    paragraphs,
    sentence_break,
    word_after,
    word_before,
    words_in,
)
from sitrep.attribution.speakers import (
    PARTY_STATE,
    POSSESSIVE,
    RESTRICTIVE_RELATIVE,
    Mention,
    SpeakerResolver,
    initial_subject,
    participle_aside,
    phrase_after,
    qualifier_at,
    share_word,
    subject_before,
)
from sitrep.attribution.timing import sentence_opener, statement_date
from sitrep.records import Claim, ClaimKind, DateMention, Disclaimer, Speaker

_PARENTHETICAL = re.compile(r"\s*\([^()\n]{0,40}\)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_FALLBACK_DATE = re.compile(
    rf"\s*(?:(?:late|early)\s+)?on\s+(?:{_WEEKDAY}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})\b"
)
# the same without "on", as US wires write it ("said Wednesday the bridge was hit"), and the
# deictic days and "in <month>": before the content they date the statement, not the claim
_BARE_DATE = re.compile(
    r"\s*(?:today|yesterday|tonight|overnight|(?:this|last)\s+(?:week|weekend|month|year)"
    r"|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{4})?"
    rf"|{_WEEKDAY}(?:\s+(?:night|morning|afternoon|evening))?)(?=[\s,])"
)
_ADJUNCT_START = frozenset(
    {
        "after",
        "in",
        "on",
        "at",
        "during",
        "following",
        "late",
        "early",
        "earlier",
        "later",
        "last",
        "from",
        "this",
        "yesterday",
        "today",
        "tonight",
        "overnight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "before",
        "when",
        "while",
        "as",
        "to",
        "of",
        "about",
        "via",
        "through",
    }
)
# where a content ends: a clause or adjunct of the reporter's after a comma (", without
# specifying ...": what the source left out), a phrase naming the report, a semicolon
_CUT = re.compile(
    r",\s+(?:with|although|though|while|whereas|but|adding|according\s+to|saying|citing|even\s+as|"
    r"despite|amid|as\s+well|without\s+(?:saying|specifying|giving|providing|offering|citing|elaborating"
    r"|naming|explaining|identifying|disclosing|detailing|presenting|showing))\b"
    r"|\s+(?:after|following|amid|despite|in\s+response\s+to)\s+(?:[\w'’-]+\s+){0,3}"
    r"(?:reports?|claims?|statements?|comments?|remarks?)\b"
    r"|;"
)
# cues that attach only in their own place, never to a quote next to them
_POSITIONAL = frozenset({"according", "label", "byline"})
_THAT_BEFORE = re.compile(r"\bthat\s*$")
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|am|been)(?:\s+(?:also|now|still|again|not))?\s+$")
_NEXT_PARAGRAPH = re.compile(r"\s*\n\s*([^\n]+)")
_TRAIL_PUNCT = " \t\n,;:.!?-—–"
_RELATIVE = frozenset({"who", "which"})
_PRONOUN_SUBJECTS = frozenset({"it", "he", "she", "they", "we", "i", "you"})
_PRONOUN_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
# auxiliaries that agree with a plural subject, not with a verb in -s before them
_PLURAL_AUX = frozenset({"have", "are", "were", "had", "do", "did"})


# (subject span, complement span) of a verb, as a dependency parser found them
DepFrame = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class Draft:
    """A claim found but not yet resolved: spans and how to find its speaker."""

    start: int
    end: int
    kind: ClaimKind
    cue: CueMatch | None
    mention: Mention | None
    clauses: list[tuple[int, int]] = field(default_factory=list)
    inherit: Draft | None = None  # implied speaker: same as this earlier claim
    antecedent: Mention | None = None  # for "who said"
    inherit_channel: bool = False
    coordinated: bool = False  # `... but added: "..."`: the subject of the verb before it
    speaker: Speaker | None = None
    channel: str | None = None
    said_on: str | None = None


_BY_AGENT = re.compile(r"\s+by\s+(?=\S)")
# `TASS quoted a ministry official as saying (that) ...`: the outlet relays, the person quoted
# speaks; `X was quoted (by Y) as saying ...` is the same report in the passive
_AS_SAYING_TEXT = r"(?P<as>as\s+(?:saying|stating|writing))\b"
_AS_SAYING_THAT = _AS_SAYING_TEXT + r"(?:\s*,?\s*that\b)?"
_QUOTED_AS_ACTIVE = re.compile(
    r"\b(?:quoted|cited|quotes|cites)\s+(?!by\s)(?P<who>[^,;:.!?\"“”]{2,120}?)\s+" + _AS_SAYING_THAT
)
_QUOTED_AS_PASSIVE = re.compile(
    r"\b(?P<be>was|were|is|are|has\s+been|have\s+been)\s+(?:quoted|cited)(?:\s+by\s+[^,;:.!?\"“”]{2,80}?)?\s+"
    + _AS_SAYING_THAT
)
_QUOTED_AS_ANY = re.compile(r"\b" + _AS_SAYING_TEXT)
_AS_SAYING = CueEntry("as saying", "say", "assert", "speech")
_MAX_PASSIVE_SUBJECT = 12
_MAX_NAMED_WORDS = 6  # the thing a quoted name is given to: "Wells Fargo's behavior"
_MAX_SPLIT_SUBJECT = 10  # words of a subject set before a medial attribution (see _split_subject)


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: list[Claim]
    disclaimers: list[Disclaimer]


class AttributionExtractor:
    """Everything that is loaded once per pipeline; :meth:`extract` is per article."""

    def __init__(
        self, lex: Lexicons, cues: CueFinder, certainty: CertaintyRules, open_frame_score: float = 1.0
    ) -> None:
        self.lex = lex
        self.cues = cues
        self._phrasal = frozenset(e.form.lower() for e in lex.cues if len(e.form.split()) == 2)
        self._hand_stance = {
            e.form.lower(): e.stance for e in lex.cues if e.precision is None and " " not in e.form
        }
        self.certainty = certainty
        self._disclaimer_starts: list[int] = []
        self._disclaimer_verbs: list[int] = []
        self.aux = lex.word_class("aux") | lex.word_class("past")
        # words that may lead a verb of saying inside a model's cue span ("has also said")
        self._cue_leads = self.aux | lex.word_class("adverb") | lex.word_class("negation")
        self._cue_cut = lex.word_class("cue_cut")
        self._dateline = dateline_pattern(lex.word_class("wire_agency"))
        self._contrast = _contrast_pattern(lex)
        self._verb_starts: frozenset[int] = frozenset()
        self._dep_frames: dict[int, DepFrame] = {}
        self._open_starts: frozenset[int] = frozenset()  # cues from outside the lexicon
        self._speech_starts: frozenset[int] = frozenset()  # the lexicon's verbs of saying
        self._roles: RoleView | None = None
        # the least a learned cue's probability (its entry's ``precision``) must be for the
        # frame-less reading of :meth:`_open_frame`
        self.open_frame_score = open_frame_score

    # ------------------------------------------------------------------------------------------
    def extract(
        self,
        text: str,
        sentence_spans: list[tuple[int, int]],
        resolver: SpeakerResolver,
        dates: list[DateMention],
        published: str | None,
        dates_from_stage: bool,
        verb_starts: frozenset[int] = frozenset(),
        dep_frames: dict[int, DepFrame] | None = None,
        open_cues: list[CueMatch] | None = None,
        cue_extents: list[tuple[int, int]] | None = None,
        roles: RoleView | None = None,
    ) -> Extraction:
        """``verb_starts``: offsets of tokens a tagger marked VERB/AUX (empty without one);
        ``dep_frames``: subject and complement spans of verbs, by verb offset, from a parser;
        ``open_cues``: verbs a parser saw taking a clause, used where the lexicon has no cue;
        ``cue_extents``: cue spans from the cue tagger: a claim's cue grows to the tagger's
        span around it ("has said", "also said", "is expected to") for its offsets;
        ``roles``: the role tagger's word scores, for frames no rule finds (:meth:`_from_roles`)."""
        self._verb_starts = verb_starts
        self._dep_frames = dep_frames or {}
        self._roles = roles
        original = text
        text = mask_datelines(straighten_doubled(text), self._dateline)
        sents = SentenceIndex(sentence_spans)
        # (sentence start, sentence end, match), found once: the cue filter, the content ends
        # and the disclaimers of the result all read them
        disclaimer_matches = [
            (s, e, m) for s, e in sentence_spans for m in self.certainty.disclaimers(text, s, e)
        ]
        self._disclaimer_starts = [
            _clause_subject_start(text, s, m.start, self.lex) for s, _, m in disclaimer_matches
        ]
        self._disclaimer_verbs = [m.start for _, _, m in disclaimer_matches]
        quotes = find_quotes(text, self.cues.forms)
        # a reporter's disclaimer ("could not verify") or a refusal ("did not immediately
        # comment", "declined to comment on the reports") is never a cue, the lexicon's or a model's
        refusals = [(m.start, m.end) for _, _, m in disclaimer_matches]
        all_cues = [c for c in self.cues.find(text) if not any(s <= c.start < e for s, e in refusals)]
        open_starts: set[int] = set()
        self._open_starts = frozenset()
        anonymous = self.lex.anonymous_spans(text)
        if open_cues:
            known = {c.start for c in all_cues}
            taken = [(c.start, c.end) for c in all_cues] + refusals
            all_cues = self._with_adverbs(text, all_cues, open_cues, anonymous)
            # a model's cue that starts inside a lexicon cue, or right after one ("released the
            # following statement| today:"), is that cue's tail, never a cue of its own; one that
            # takes a lexicon cue in ("sides say") has swallowed the subject before it
            never = self.lex.word_class("never_cue")
            extra = [
                c
                for c in open_cues
                if c.start not in known
                and not any(c.entry.form.lower().endswith(n) for n in never)
                and not self._in_qualifier(text, c)
                and not any(
                    s <= c.start < e
                    or (e <= c.start and not text[e : c.start].strip())
                    or (c.start < s < c.end and not self._verb_lead(text, c.start, s))
                    for s, e in taken
                )
            ]
            all_cues = sorted([*all_cues, *extra], key=lambda c: c.start)
            open_starts = {c.start for c in extra}
        self._open_starts = frozenset(open_starts)
        # where the hand lexicon's verbs of saying and telling start (not a model's cues)
        self._speech_starts = frozenset(
            c.start
            for c in all_cues
            if c.entry.precision is None
            and c.start not in self._open_starts
            and c.entry.frame in ("speech", "tell")
        )
        if anonymous:
            # "officials who asked not to be named said ...": "asked" reports nothing
            all_cues = [c for c in all_cues if not any(s <= c.start < e for s, e in anonymous)]
            # nor does the cue tagger's span of the cue after it take in "named", "publicly"
            cue_extents = [
                (s, e) for s, e in cue_extents or [] if not any(a < e and s < b for a, b in anonymous)
            ]
        inside_quote = [(q.start, q.end) for q in quotes]
        drafts: list[Draft] = []
        consumed: set[int] = set()

        pending, trailing_end = self._direct_quotes(text, quotes, all_cues, sents, drafts, consumed)
        fragments = [q for q in quotes if not q.direct]
        direct_spans = [(q.open, q.outer_end) for q in quotes if q.direct]
        drafts.extend(self._quoted_as(text, sentence_spans, direct_spans, all_cues, consumed))
        for cue in all_cues:
            if cue.entry.frame in ("label", "byline"):
                made = self._punctuation_cue(text, cue, quotes)
                if made is not None:
                    drafts.append(made)
                continue
            if cue.start in consumed or any(s <= cue.start < e for s, e in inside_quote):
                continue
            if any(d.cue is not None and d.cue.start == cue.start for d in drafts):
                continue  # a parser's cue over a lexicon cue framed already ("repeatedly accused")
            if self._citation(text, cue, all_cues):
                continue
            if cue.entry.form.endswith("ed") and _attributive(
                text, cue.start, self.lex.word_class("attributive")
            ):
                # "her alleged ties", "the reported attack": a participle used as an adjective
                # (a noun cue stays: "his claims that ...")
                continue
            if self._as_noun(text, cue) and self._verb_after(text, cue.end):
                # "the ministry's claims were false", "Russia's claims did not correspond to
                # reality": a noun after a possessive, the subject of the verb after it, is
                # talked about, not reported ("Moscow's claims that ...", "Mr. Obama's bet is
                # that ..." report); so is one after a determiner ("The claims could not be
                # verified")
                continue
            if self._plural_subject(text, cue) or self._object_of_cue(text, cue):
                continue
            draft = self._passive(text, cue, sents, direct_spans)
            if draft is None:
                draft = self._reported(text, cue, sents, direct_spans, all_cues, drafts)
            if draft is None:
                draft = self._from_parse(text, cue, direct_spans, clause_only=cue.start in open_starts)
            if (
                draft is None
                and cue.start in open_starts
                and (cue.entry.precision or 0.0) >= self.open_frame_score
            ):
                draft = self._open_frame(text, cue, sents, direct_spans, all_cues)
            if draft is None and self._roles is not None:
                draft = self._from_roles(text, cue, sents, direct_spans, drafts, all_cues)
            if draft is not None:
                _after_what(text, draft)
            if draft is not None and not self._no_claim(text, draft):
                self._end_quoted_name(text, draft, quotes)
                drafts.append(draft)
        drafts.extend(self._quoted_names(text, quotes, sents, direct_spans, all_cues, drafts))
        drafts.extend(self._continuations(text, pending, quotes, trailing_end, drafts))
        drafts = _drop_nested_objects(drafts, open_starts)
        for draft in drafts:
            if draft.coordinated and draft.inherit is None and draft.cue is not None:
                draft.inherit = _same_sentence(drafts, sents, draft.cue.start)
                if draft.inherit is None:
                    start = sents.span(draft.cue.start)[0]
                    draft.mention = initial_subject(text, start, draft.cue.start, self.lex)
        drafts = _dedupe(drafts)
        drafts = self._contrasts(text, drafts, sents)
        self._anaphoric_contents(text, drafts, sents)
        drafts.sort(key=lambda d: (d.start, d.end))

        claims: list[Claim] = []
        for draft in sorted(drafts, key=lambda d: min(d.start, d.cue.start if d.cue else d.start)):
            self._resolve(draft, text, resolver, dates, published, dates_from_stage, sents)
        if self._roles is not None:
            for draft in drafts:
                self._widen_speaker(text, draft, sents, drafts, resolver)
        channel_only = {id(d) for d in drafts if self._channel_only(text, d)}
        for draft in drafts:
            if draft.speaker is None or id(draft) in channel_only:
                continue
            if draft.channel is None and draft.inherit is not None and id(draft.inherit) in channel_only:
                # "appeared on state TV, saying ...": the channel is what the verb before had
                draft.channel = find_channel(text[draft.inherit.start : draft.inherit.end], self.lex)
            kind = draft.kind
            whole = next((q for q in fragments if q.open == draft.start and q.outer_end == draft.end), None)
            if kind == "indirect" and whole is not None and whole.close is not None:
                # `He says "it's interesting ..."`: reported words that are all quoted are a
                # direct quote, whatever mark (or none) stands before them
                kind = "direct"
                draft.start, draft.end = whole.start, whole.end
            elif kind == "indirect" and any(
                draft.start <= q.open and q.outer_end <= draft.end for q in fragments
            ):
                kind = "mixed"
            content = original[draft.start : draft.end]
            cue_span = (
                _extent(
                    text, draft.cue, cue_extents or [], draft.start, draft.end, draft.speaker, self._cue_cut
                )
                if draft.cue
                else None
            )
            hedges = self.certainty.hedges(content)
            if draft.cue is not None and cue_span is not None:
                # "Some reportedly said": the reporter hedges the attribution itself; the adverb
                # is a hedge of the claim, not part of its cue
                cue_words = words_in(original, cue_span[0], cue_span[1])
                lead: list[str] = []
                while len(cue_words) > 1 and self.certainty.hedges(cue_words[0].text):
                    lead.append(cue_words.pop(0).text)
                if lead:
                    cue_span = (cue_words[0].start, cue_span[1])
                    hedges = (*lead, *hedges)
            stance = draft.cue.entry.stance if draft.cue else None
            if stance == "assert" and cue_span is not None:
                # "has repeatedly denied": a learned or widened cue keeps the stance of the
                # hand lexicon's verb inside it
                inner = (self._hand_stance.get(w.lower) for w in words_in(original, *cue_span))
                stance = next((x for x in inner if x is not None and x != "assert"), stance)
            speaker = draft.speaker
            if speaker.text is not None and speaker.start is not None and speaker.end is not None:
                # Spans were found on the straightened copy; their strings come from the original.
                speaker = replace(speaker, text=original[speaker.start : speaker.end])
            claims.append(
                Claim(
                    content=content,
                    start=draft.start,
                    end=draft.end,
                    kind=kind,
                    speaker=speaker,
                    cue=original[cue_span[0] : cue_span[1]] if cue_span else None,
                    cue_start=cue_span[0] if cue_span else None,
                    cue_end=cue_span[1] if cue_span else None,
                    stance=stance,
                    channel=draft.channel,
                    said_on=draft.said_on,
                    polarity="deny" if self.certainty.denies(content, stance) else "assert",
                    hedges=hedges,
                )
            )
        disclaimers, covered = self._disclaimers(text, disclaimer_matches, claims)
        disclaimers = [replace(d, text=original[d.start : d.end]) for d in disclaimers]
        claims = [replace(c, unverified=True) if i in covered else c for i, c in enumerate(claims)]
        return Extraction(claims, disclaimers)

    def _in_qualifier(self, text: str, cue: CueMatch) -> bool:
        """A model's cue that opens a qualifier after a person noun ("officials [briefed] on the
        negotiations said"): it describes the speaker, and the cue after it is the report."""
        if word_before(text, cue.start) not in self.lex.roles:
            return False
        return qualifier_at(words_in(text, cue.start, min(len(text), cue.start + 60)), self.lex) > 0

    def _with_adverbs(
        self, text: str, cues: list[CueMatch], open_cues: list[CueMatch], anonymous: list[tuple[int, int]]
    ) -> list[CueMatch]:
        """Lexicon cues that start where a parser's cue over the same verb starts, when only
        adverbs stand between ("The general then loudly said, ..."): the adverbs belong to
        the cue, not to the subject before it, and the two are one cue, not two claims (the
        parser's stays a candidate, tried after the lexicon's when that frames nothing). The
        adverb of an ``anonymous`` phrase ("not authorised to speak publicly said") is the
        phrase's."""
        adverbs = self.lex.word_class("adverb") - self.lex.word_class("aux")
        result: list[CueMatch] = []
        for cue in cues:
            lead = min((o.start for o in open_cues if o.start < cue.start < o.end), default=cue.start)
            if lead < cue.start and not any(s <= lead < e for s, e in anonymous):
                words = words_in(text, lead, cue.start)
                if words and all(
                    w.lower in adverbs or (w.lower.endswith("ly") and w.text.isalpha()) for w in words
                ):
                    cue = replace(cue, start=lead)
            result.append(cue)
        return result

    # ---- direct quotes ------------------------------------------------------------------------
    def _direct_quotes(
        self,
        text: str,
        quotes: list[Quote],
        cues: list[CueMatch],
        sents: SentenceIndex,
        drafts: list[Draft],
        consumed: set[int],
    ) -> tuple[list[Quote], dict[int, int]]:
        paras = paragraphs(text)
        para_of = {q.open: _para_index(paras, q.open) for q in quotes}
        previous_trailing_end: dict[int, int] = {}
        by_para: dict[int, list[Draft]] = {}
        pending: list[Quote] = []
        for qi, q in enumerate(quotes):
            if not q.direct:
                continue
            p = para_of[q.open]
            para_start, para_end = paras[p]
            next_open = next((o.open for o in quotes[qi + 1 :] if o.open < para_end and o.direct), para_end)
            fragments = [o for o in quotes[qi + 1 :] if not o.direct and o.open < next_open]
            draft: Draft | None = None
            # 1. `," the ministry said on Telegram.`
            region_end = _clause_end(text, q.outer_end, next_open, fragments)
            if text[q.start : q.end].rstrip().endswith(".") and re.match(r"\s+[A-Z]", text[q.outer_end :]):
                # `Trump boasted, "That makes me smart." Trump was ...`: a full stop inside the
                # marks ended the sentence; what follows is no attribution of this quote
                region_end = q.outer_end
            determiners = self.lex.word_class("determiner")
            cue = _first_cue(
                cues, q.outer_end, region_end, max_words_before=6, text=text, determiners=determiners
            )
            long_subject = False
            if cue is None and q.close is not None:
                # `," Leonard E. Burman, director of ... and a professor at ..., said.`
                cue = _first_cue(
                    cues, q.outer_end, region_end, max_words_before=40, text=text, determiners=determiners
                )
                long_subject = cue is not None
            if cue is not None and not self._trails(text, q, cue):
                cue = None
            if cue is None and q.close is not None:
                cue = self._trailing_verb(text, q, region_end)
            if cue is not None and q.close is not None:
                mention = subject_before(text, q.outer_end, cue.start, self.lex)
                if mention is None and (long_subject or _between(text, q.outer_end, cue.start)):
                    mention = self._whole_phrase(text, q.outer_end, cue.start)
                if mention is None:
                    mention = phrase_after(text, cue.end, region_end, self.lex)
                    if mention is not None:
                        mention = _with_appositive(text, mention, region_end, self.lex, self._speech_starts)
                    else:
                        mention = _bare_inverted(text, cue.end, region_end, self.lex)
                if mention is not None:
                    draft = Draft(q.start, q.end, "direct", cue, mention, [(q.outer_end, region_end)])
                    consumed.add(cue.start)
                    previous_trailing_end[qi] = region_end
            if draft is None and q.close is not None:
                draft = self._quote_according(text, q, cues, sents, region_end)
                if draft is not None and draft.cue is not None:
                    consumed.add(draft.cue.start)
            # 2. `X added: "` / `X said, "`
            if draft is None:
                lead_start = max(sents.span(q.open)[0], para_start)
                earlier = [o for o in quotes[:qi] if o.direct and lead_start <= o.outer_end <= q.open]
                if earlier:
                    lead_start = earlier[-1].outer_end
                lead_end = q.open
                if p > 0 and not text[para_start : q.open].strip():
                    # `He said:` closing the paragraph before, the quote opening its own
                    prev_start, prev_end = paras[p - 1]
                    if text[prev_start:prev_end].rstrip().endswith(":"):
                        lead_start = max(sents.span(prev_end - 1)[0], prev_start)
                        lead_end = prev_end
                # `He added, ''I think ...''`: the spare half of a doubled '' is no word
                lead = text[lead_start:lead_end].rstrip().removesuffix("'").rstrip()
                if lead.endswith((":", ",")):
                    cue = _last_cue(
                        text,
                        cues,
                        lead_start,
                        lead_end,
                        self.lex.word_class("subordinator"),
                        self._speech_starts,
                    )
                    if cue is not None:
                        mention = subject_before(text, lead_start, cue.start, self.lex)
                        d = Draft(q.start, q.end, "direct", cue, mention, [(cue.start, lead_end)])
                        if mention is None and not (_in_ing(cue) or cue.entry.frame == "tell"):
                            d.mention = phrase_after(text, cue.end, lead_end, self.lex)
                        if mention is None:
                            # `..., telling reporters: "..."`: the words after a participle or a
                            # verb of telling are its hearer; the speaker is the sentence's
                            d.coordinated = d.mention is None
                        if d.mention is not None or d.coordinated:
                            draft = d
                            consumed.add(cue.start)
            if draft is not None:
                drafts.append(draft)
                by_para.setdefault(p, []).append(draft)
            else:
                pending.append(q)
        return pending, previous_trailing_end

    def _quote_according(
        self, text: str, q: Quote, cues: list[CueMatch], sents: SentenceIndex, region_end: int
    ) -> Draft | None:
        """`"We are holding the line," according to the General Staff.`: a quote that opens
        its sentence and closes on a comma, with "according to" right after it, is that
        source's direct claim. (Where words come before the quote, the quote is part of a
        mixed claim, which :meth:`_according` frames.)"""
        lead = text[sents.span(q.open)[0] : q.open].strip(" \t\n'")  # the spare half of a ''
        if not text[q.start : q.end].rstrip().endswith(",") or lead:
            return None
        rest = text[q.outer_end : region_end]
        after = q.outer_end + len(rest) - len(rest.lstrip(" \t'"))
        cue = next((c for c in cues if c.start == after and c.entry.frame == "according"), None)
        if cue is None:
            return None
        source = self._according_source(text, cue, region_end)
        if source is None:
            return None
        source = _with_appositive(text, source, region_end, self.lex, self._speech_starts)
        return Draft(q.start, q.end, "direct", cue, source, [(cue.start, source.end)])

    def _trailing_verb(self, text: str, q: Quote, region_end: int) -> CueMatch | None:
        """`“Why isn’t this proof?” Vitter demanded.`, `“...,” countered the minister.`: a
        quote that stops on a comma, question or exclamation mark is the object of the one
        past-tense verb of the short clause after it, whatever the verb, though neither the
        lexicon nor the cue model knows it (news style spends many verbs on this slot)."""
        inside = text[q.start : q.end].rstrip()
        if not inside.endswith((",", "?", "!", "—", "–", "-")) or text[region_end - 1 : region_end] != ".":
            return None
        words = words_in(text, q.outer_end, region_end - 1)
        if not 2 <= len(words) <= 8 or any(w.is_punct for w in words):
            return None
        at = [i for i, w in enumerate(words) if self._past(w.text)]
        if len(at) != 1 or 1 < at[0] < len(words) - 2:
            return None  # the verb opens or closes the clause: "X demanded", "countered X"
        v = words[at[0]]
        return CueMatch(v.start, v.end, self.cues.entry(v.lower, 1.0))

    def _trails(self, text: str, q: Quote, cue: CueMatch) -> bool:
        """Whether a cue after a closed quote can attribute that quote: not when a
        coordinator opens the words before it (`saying, "...," but he said they were not
        regular troops`: a new clause with its own report), nor when a quote that closes on a
        word, not on punctuation, runs on with a preposition or a question word (`said that,
        "Of course he will defend himself" against what the campaign sees as an attack`: the
        quote is a fragment of the sentence, and the verb after it that sentence's own)."""
        between = words_in(text, q.outer_end, cue.start)
        if not between:
            return True
        if between[0].lower in self.lex.word_class("coordinator"):
            return False
        closes_on_word = text[q.start : q.end].rstrip()[-1:].isalnum()
        runs_on = between[0].text.islower() and (
            between[0].lower in self.lex.word_class("boundary")
            or between[0].lower in self.lex.word_class("interrogative")
        )
        # `"We will not give up" on Monday, the governor said`: a date is the report's own
        dated = len(between) > 1 and between[1].lower in self.lex.word_class("temporal")
        return not (closes_on_word and runs_on and not dated)

    def _continuations(
        self,
        text: str,
        pending: list[Quote],
        quotes: list[Quote],
        trailing_end: dict[int, int],
        drafts: list[Draft],
    ) -> list[Draft]:
        """Quotes with no attribution of their own continue the claim before them."""
        paras = paragraphs(text)
        made: list[Draft] = []
        for q in pending:
            p = _para_index(paras, q.open)
            before = sorted((d for d in [*drafts, *made] if d.start < q.start), key=lambda d: d.start)
            if not before:
                continue
            prev = before[-1]
            prev_para = _para_index(paras, prev.start)
            if prev_para == p:
                prev_qi = next((i for i, o in enumerate(quotes) if o.start == prev.start), None)
                sandwich = (
                    prev_qi is not None
                    and prev_qi in trailing_end
                    and not text[trailing_end[prev_qi] : q.open].strip()
                )
                draft = Draft(q.start, q.end, "direct", prev.cue if sandwich else None, None, [])
                draft.inherit = prev
                draft.inherit_channel = sandwich or prev.kind == "direct"
            elif prev_para == p - 1 and not text[paras[p][0] : q.open].strip():
                draft = Draft(q.start, q.end, "direct", None, None, [])
                draft.inherit = prev
                draft.inherit_channel = True
            else:
                continue
            made.append(draft)
        return made

    # ---- reported speech ------------------------------------------------------------------------
    def _end_quoted_name(self, text: str, draft: Draft, quotes: list[Quote]) -> None:
        """A naming cue's content ends with the quoted name (`dubbed the talks a “farce”`,
        not `... “farce” and walked out`): see :func:`_name_end`."""
        if draft.cue is None or draft.cue.entry.form.split()[-1] not in self.lex.word_class("naming_act"):
            return
        q = next((q for q in quotes if draft.start <= q.open < draft.end), None)
        if q is not None:
            draft.end = max(min(draft.end, _name_end(text, q, quotes, draft.end)), q.outer_end)

    def _quoted_names(
        self,
        text: str,
        quotes: list[Quote],
        sents: SentenceIndex,
        direct_spans: list[tuple[int, int]],
        cues: list[CueMatch],
        drafts: list[Draft],
    ) -> list[Draft]:
        """`The Kremlin called the report “absurd”`, `calling him a “traitor”`: a name given
        in the speaker's own quoted words is a claim (the content is the thing named and
        the name), where an unquoted one ("call Russia's actions an unprovoked land grab")
        only labels. A model seldom marks these "called": they are found from the quote."""
        # past and participle forms only: `Russia calls the invasion a "special military
        # operation"` is a side's standing name for a thing, background, not a statement
        naming = self.lex.word_class("naming_act")
        made: list[Draft] = []
        taken = {d.cue.start for d in drafts if d.cue is not None}
        for q in quotes:
            if any(s < q.open < e for s, e in direct_spans) or any(
                d.start <= q.start < d.end for d in drafts
            ):
                continue  # inside a quote, or words a claim holds already
            sent_start, sent_end = sents.span(q.open)
            before = words_in(text, sent_start, q.open)[-(_MAX_NAMED_WORDS + 3) :]
            if before and before[-1].text == "'":
                before.pop()  # the spare half of a doubled '' (`called it ''predatory''`)
            if before and before[-1].lower in ("a", "an", "the"):
                before.pop()
            cue_at = next((i for i in range(len(before) - 2, -1, -1) if before[i].lower in naming), None)
            if cue_at is None or before[cue_at].start in taken:
                continue
            named = before[cue_at + 1 :]
            if any(w.is_punct or w.lower in self.lex.word_class("boundary") for w in named):
                continue  # "called for calm as ...", "called on Kyiv to ...": no name given
            word = before[cue_at]
            cue = CueMatch(word.start, word.end, CueEntry(word.lower, word.lower, "assert", "object"))
            body_end = _strip_end(text, sent_start, sent_end)
            start = named[0].start
            end = min(
                self._content_end(text, start, body_end, direct_spans, cues, cue),
                _name_end(text, q, quotes, body_end),
            )
            start, end = _trim(text, start, end)
            if end <= q.open:
                continue
            lead = words_in(text, sent_start, word.start)
            while lead and (lead[-1].lower in self.aux or lead[-1].lower in self.lex.word_class("adverb")):
                lead.pop()
            draft = Draft(start, end, "indirect", cue, None, [(word.start, start)])
            participle = word.lower.endswith("ing") and lead and lead[-1].text == ","
            if participle or (lead and lead[-1].lower in ("and", "but")):
                # `..., calling him a “traitor”`, `Carson took the stage and called the system
                # “rotten”`: a participle or a coordinated verb shares the sentence's subject
                draft.inherit = _same_sentence([*drafts, *made], sents, word.start)
                if draft.inherit is None:
                    draft.mention = initial_subject(text, sent_start, word.start, self.lex)
            elif lead:
                draft.mention = subject_before(text, sent_start, lead[-1].end, self.lex, True)
                if draft.mention is not None:
                    draft.clauses.append((draft.mention.start, word.start))
                    draft.antecedent = _who_antecedent(text, sent_start, draft.mention, self.lex)
            if draft.mention is None and draft.inherit is None:
                continue
            made.append(draft)
        return made

    def _orders(self, text: str, cue_end: int, limit: int) -> bool:
        """A short hearer then an infinitive after "told": `told residents to leave`, not
        `told the BBC to its face that ...` (a determiner after "to" opens a phrase)."""
        words = words_in(text, cue_end, limit)[:6]
        to = next((i for i, w in enumerate(words) if w.lower == "to"), None)
        if to is None or not 0 < to <= 3 or to + 1 >= len(words) or any(w.is_punct for w in words[:to]):
            return False
        verb = words[to + 1]
        return (
            verb.text.isalpha()
            and verb.text.islower()
            and verb.lower not in self.lex.word_class("determiner")
            and verb.lower not in self.lex.pronouns
        )

    def _verb_lead(self, text: str, start: int, end: int) -> bool:
        """Whether the words before a lexicon cue inside a model's cue span may lead the cue
        ("has also said", "took to Twitter to"): not a lone plural noun the span took in from
        the subject ("Both sides say", "Many officials say")."""
        words = words_in(text, start, end)
        if len(words) != 1:
            return True
        word = words[0].lower
        return not (
            word.endswith("s") and word.isalpha() and word not in self._cue_leads and not word.endswith("ly")
        )

    def _quoted_as(
        self,
        text: str,
        sentence_spans: list[tuple[int, int]],
        direct_spans: list[tuple[int, int]],
        cues: list[CueMatch],
        consumed: set[int],
    ) -> list[Draft]:
        """Reports relayed by an outlet: in `TASS quoted a defence ministry official as saying
        the village had been taken` the official is the speaker and TASS the channel, and in
        `Ukrainian officials were quoted by the BBC as saying ...` the officials speak. The
        cues inside the construction ("quoted", "saying") frame nothing else."""
        drafts: list[Draft] = []
        if _QUOTED_AS_ANY.search(text) is None:
            return drafts  # most articles: one scan instead of two per sentence
        for sent_start, sent_end in sentence_spans:
            body_end = _strip_end(text, sent_start, sent_end)
            for pattern in (_QUOTED_AS_ACTIVE, _QUOTED_AS_PASSIVE):
                for m in pattern.finditer(text, sent_start, body_end):
                    if any(s <= m.start() < e for s, e in direct_spans):
                        continue
                    if pattern is _QUOTED_AS_ACTIVE:
                        who_start, who_end = _trim(text, m.start("who"), m.end("who"))
                        mention: Mention | None = Mention(text[who_start:who_end], who_start, who_end)
                        lead = subject_before(text, sent_start, m.start(), self.lex, True)
                        clause_start = lead.start if lead is not None else sent_start
                    else:
                        mention = subject_before(text, sent_start, m.start("be"), self.lex, True)
                        clause_start = mention.start if mention is not None else sent_start
                    start = m.end()
                    while start < body_end and text[start] in " ,:":
                        start += 1
                    if mention is None or any(s <= start < e for s, e in direct_spans):
                        continue
                    cue = CueMatch(m.start("as"), m.end("as"), _AS_SAYING)
                    end = self._content_end(text, start, body_end, direct_spans, cues, cue)
                    start, end = _trim(text, start, end)
                    if end - start < 8:
                        continue
                    consumed.update(c.start for c in cues if m.start() <= c.start < m.end())
                    drafts.append(Draft(start, end, "indirect", cue, mention, [(clause_start, m.end())]))
        return drafts

    def _passive(
        self, text: str, cue: CueMatch, sents: SentenceIndex, direct_spans: list[tuple[int, int]]
    ) -> Draft | None:
        """`The attack was first reported by Reuters`: in a passive the agent after "by"
        is the source and the subject is what it reported; read the other way round, the
        subject would speak and the agent would be its claim."""
        if any(s <= cue.start < e for s, e in direct_spans):
            return None
        sent_start, sent_end = sents.span(cue.start)
        body_end = _strip_end(text, sent_start, sent_end)
        cue_words = words_in(text, cue.start, cue.end)
        if cue_words and cue_words[-1].lower == "by":
            agent_start, cue_end = cue.end, cue.end
            cue_words.pop()
        else:
            by = _BY_AGENT.match(text, cue.end, body_end)
            if by is None:
                return None
            agent_start, cue_end = by.end(), cue.end
        # a participle: regular ("reported", "written", "shown") or irregular ("told", "held")
        participle = cue_words[-1].lower if cue_words else ""
        if not (participle.endswith(("ed", "en", "wn")) or participle in self.lex.word_class("past")):
            return None
        before = words_in(text, sent_start, cue.start)
        while before and before[-1].lower in self.lex.word_class("adverb"):
            before.pop()
        lead_words = [*before[-2:], *cue_words[:-1]]
        be_forms = self.lex.word_class("be")
        be = next((i for i, w in enumerate(lead_words) if w.lower in be_forms), None)
        if be is None:
            return None
        agent = phrase_after(text, agent_start, body_end, self.lex, common_nouns=True)
        if agent is not None:
            agent = _with_relative(text, agent, body_end, self._speech_starts)
        if agent is None:
            return None
        # what was reported: the subject; after an opening adverbial ("In August, the
        # strike was ..."), not a description set off by commas ("the bill, known as ...,")
        be_start = lead_words[be].start
        lead = text[sent_start:be_start]
        start, end = _trim(text, sent_start, be_start)
        if "," in lead:
            last = words_in(text, sent_start + lead.rfind(",") + 1, be_start)
            if last and (last[0].is_capitalised or last[0].lower in self.lex.word_class("determiner")):
                start, end = _trim(text, last[0].start, be_start)
        subject = words_in(text, start, end)
        if (
            not subject
            or len(subject) > _MAX_PASSIVE_SUBJECT
            or (len(subject) == 1 and not subject[0].is_capitalised)
            or subject[0].lower in self.lex.pronouns
            or any(w.lower in self.aux or w.lower in ("that", "which", "who") for w in subject)
        ):
            return None  # a pronoun or a clause is no topic of a report
        if any(s < end and start < e for s, e in direct_spans):
            return None
        # PolNeAR's passive cues take the auxiliary ("was passed", "has been endorsed by")
        aux_start = be_start
        if lead_words[be].lower == "been" and be > 0 and lead_words[be - 1].lower in ("has", "have", "had"):
            aux_start = lead_words[be - 1].start
        passive_cue = CueMatch(min(cue.start, aux_start), cue_end, cue.entry)
        return Draft(start, end, "indirect", passive_cue, agent, [(start, body_end)])

    def _reported(
        self,
        text: str,
        cue: CueMatch,
        sents: SentenceIndex,
        direct_spans: list[tuple[int, int]],
        cues: list[CueMatch],
        drafts: list[Draft],
    ) -> Draft | None:
        sent_start, sent_end = sents.span(cue.start)
        body_end = _strip_end(text, sent_start, sent_end)
        if cue.entry.frame == "tell" and self._orders(text, cue.end, body_end):
            # `The governor told residents to leave`: telling someone to do something is an
            # order, urged like "urged residents to leave"
            cue = CueMatch(cue.start, cue.end, replace(cue.entry, frame="urge", stance="urge"))
        frame = cue.entry.frame
        if frame == "according":
            return self._according(text, cue, sent_start, body_end)
        # the hand-written lexicon's verbs of saying, not the tagger's or the parser's cues
        lexical = cue.entry.precision is None and cue.start not in self._open_starts
        subject = subject_before(text, sent_start, cue.start, self.lex, lexical)
        crossed = self._crossed_verb(text, subject, cues) if subject is not None else None
        if crossed is not None:
            # "Maliar said heavy fighting [continued] in Soledar": a subject read back over
            # another verb of saying is inside that verb's claim; only a speaker named after
            # that verb can say something there ("Trump said he finally [believes] ...")
            subject = subject_before(text, crossed.end, cue.start, self.lex)
            if subject is None:
                # "Perdue said he didn't [believe]": the pronoun opening the clause
                first = words_in(text, crossed.end, cue.start)[:1]
                if not first or first[0].lower not in self.lex.pronouns:
                    return None
                subject = Mention(first[0].text, first[0].start, first[0].end)
        if not lexical and subject is not None:
            if subject.text.lower().endswith(" to"):
                return None  # "... in Paris to [identify] ...": an infinitive has no subject here
            subject = self._past_verb_object(text, subject)
            if subject is None:
                return None
        progressive = _PROGRESSIVE.search(text, sent_start, cue.start)
        if lexical and progressive is not None and _in_ing(cue) and frame in ("speech", "tell", "urge"):
            if any(c.start < cue.start < c.end for c in cues):
                return None  # a longer cue ("is also saying") holds this one
            # "Clinton is promising to ...": the subject of the progressive's auxiliary
            subject = subject_before(text, sent_start, progressive.start(), self.lex, lexical)
        elif (
            subject is not None
            and cue.entry.form.endswith("ing")
            and not _progressive_form(cue.entry.form, self.aux)  # "is promising" has its auxiliary
            and not self._poll_share(text, subject)
            and not (
                lexical and frame in ("speech", "tell") and self._with_report(text, subject, cue, body_end)
            )
        ):
            # "with Kyiv describing ... and allies announcing ...": a bare participle after
            # its subject is an absolute clause, background to the sentence, not a claim.
            return None
        coordinated = False
        if subject is None:
            before = words_in(text, sent_start, cue.start)
            while before and before[-1].lower in self.lex.word_class("adverb"):
                before.pop()
            if before and before[-1].lower in ("and", "but"):
                coordinated = True
            elif (
                lexical
                and len(before) > 1
                and before[-1].lower in self.lex.word_class("gerund_lead")
                and _in_ing(cue)
            ):
                # `The governor responded by saying ...`, `aside from saying ...`: the gerund's
                # subject is the clause's; a verb before it that took "by saying ..." as its
                # content gives it up
                coordinated = True
                prep = before[-2] if before[-2].lower in ("aside", "apart") else before[-1]
                _cut_before(text, drafts, prep.start, cue.start)
            elif before and _comma_before(before):
                # `..., X said` / `... approach,'' said X`: a quoted fragment may close
                # between the comma and the cue; its marks (and the comma) then belong to it
                marks_end = before[-1].end if before[-1].text != "," else None
                while before[-1].text != ",":
                    before.pop()
                # a cue from outside the lexicon is never inverted: in `the agency, known as
                # the HUR, said ...` the words after it name the subject, they do not speak
                learned = cue.start in self._open_starts
                # nor is a participle: in `The ministry, citing intelligence reports, said ...`
                # the words after "citing" are what is cited, not who speaks
                inverted = None
                if not learned and not _in_ing(cue):
                    inverted = phrase_after(text, cue.end, body_end, self.lex)
                if inverted is not None:
                    inverted = _with_appositive(text, inverted, body_end, self.lex, self._speech_starts)
                if inverted is not None and (
                    not text[inverted.end : body_end].strip(' .!?"”')
                    # `..., said X, a senior analyst, who notes that ...`: a claim of its own
                    or _RELATIVE_AFTER_COMMA.match(text, inverted.end) is not None
                ):
                    start, end = _trim(text, sent_start, before[-1].start)
                    if marks_end is not None:
                        end = marks_end
                    if end > start:
                        return Draft(start, end, "indirect", cue, inverted, [(before[-1].start, body_end)])
                if not _in_ing(cue):
                    return None
                # `Clinton spoke on Tuesday, arguing that ...`: the sentence's subject speaks.
                coordinated = True
            else:
                return None
        # `..., X said on Wednesday.`: the content is what came before.
        after = text[cue.end : body_end]
        relayed = self._citing(_CITING_ASIDE, text, cue.end, body_end) if subject is not None else None
        participle = next(
            (
                c
                for c in cues
                if relayed is None
                and cue.end < c.start < body_end
                and _in_ing(c)
                and text[cue.end : c.start].rstrip().endswith(",")
            ),
            None,
        )
        if participle is not None and subject is not None and lexical:
            # `..., Hollande said Tuesday in Paris, noting that ...`: the participle's clause
            # is a claim of its own, not what this cue took
            after = text[cue.end : participle.start].rstrip().removesuffix(",")
        if subject is not None and self._only_adjuncts(after, frame):
            lead = text[sent_start : subject.start].rstrip()
            if lexical and _COMMA_AS.search(lead) is not None:
                # `The line has held, as the ministry noted.`: the "as" is the attribution's
                lead = lead[:-2].rstrip()
            quoted = lead.rstrip(_CLOSING_MARKS).rstrip()  # `... the top,'' Mr. Kamin said.`
            if quoted.endswith(",") and not any(
                s <= sent_start and subject.start <= e for s, e in direct_spans
            ):
                start, end = _trim(text, sent_start, sent_start + len(quoted) - 1)
                if quoted != lead:
                    end = sent_start + len(lead)  # the fragment's comma and marks are its own
                opening = words_in(text, start, end)
                # `For two years, his father refused to ...`: an adverbial that opens the
                # sentence is no clause
                prepositions = _ADJUNCT_START | self.lex.word_class("governing") | {"for", "over", "since"}
                adverbial = bool(opening) and len(opening) <= 5 and opening[0].lower in prepositions
                if end - start > 10 and not adverbial and not any(s <= start < e for s, e in direct_spans):
                    antecedent = _who_antecedent(text, sent_start, subject, self.lex)
                    return self._relayed(
                        text,
                        Draft(
                            start,
                            end,
                            "indirect",
                            cue,
                            subject,
                            [(subject.start, body_end)],
                            antecedent=antecedent,
                        ),
                        body_end,
                    )
            if not after.strip(" .!?,"):
                return None
        if (
            subject is not None
            and after.rstrip().endswith(":")
            and self._only_adjuncts(after.rstrip()[:-1], frame)
        ):
            block = _next_block(text, body_end)
            if block is not None:
                # `The governor added:` closing a paragraph: the next one is what was said
                d = Draft(block[0], block[1], "indirect", cue, subject, [(subject.start, body_end)])
                d.antecedent = _who_antecedent(text, sent_start, subject, self.lex)
                return d
        medial = self._medial_lead(text, sent_start, subject, after, direct_spans)
        content_start = self._content_start(text, cue, body_end)
        if relayed is not None:
            # `RIA reported, citing the defence ministry, that ...`: the aside names where the
            # report comes from; the clause starts after it
            content_start = relayed.end()
        if (
            lexical
            and subject is not None
            and [w.lower for w in words_in(text, sent_start, subject.start)] == ["as"]
        ):
            # `As the ministry told reporters, the front line has held`: the clause the "as"
            # clause stands before is what was said, when the "as" clause holds nothing but
            # the verb of saying, its hearer and adjuncts (`As he spoke about how ..., video
            # showed` is a time, not an attribution)
            comma = text.find(",", cue.end, body_end)
            if comma != -1 and self._only_adjuncts(text[cue.end : comma], frame):
                content_start = comma + 1
                while content_start < body_end and text[content_start].isspace():
                    content_start += 1
        if content_start is None:
            start = end = cue.end
        else:
            relative = subject is not None and subject.text.lower() in ("who", "which", "that")
            end = self._content_end(text, content_start, body_end, direct_spans, cues, cue, relative)
            if subject is not None and _BRIDGED.search(text, sent_start, subject.start):
                # "the objects, which it said were launched by Russia, may have ...": the
                # relative clause the verb bridges ends at its closing comma
                comma = text.find(",", content_start, end)
                if comma > content_start:
                    end = comma
            start, end = _trim(text, content_start, end)
        # "X said / told Y that S": the complementiser already says a clause follows
        that = _THAT_BEFORE.search(text, cue.end, content_start) if content_start is not None else None
        after_that = that is not None
        if (
            that is not None
            and cue.entry.stance == "deny"
            and len(words_in(text, start, end)) <= 6
            and not self._clause_like(text, start, end, frame, cue.entry.lemma)
        ):
            start = that.start()  # "rejected that argument": "that" is the object's determiner
        # "X pledged to remain civil": what is promised is the infinitive
        promised = cue.entry.stance == "promise" and text[start : start + 3].lower() == "to "
        # "Kyiv rejected the claims", "dismissed the Russian figure": a denial of a thing said
        # is a claim (polarity deny) whatever form its object takes
        rejected = cue.entry.stance == "deny" and len(words_in(text, start, end)) >= 2
        # "The General Staff reported 85 clashes", "Russia confirmed the loss of the Moskva":
        # reporting an event by its noun states that it happened
        reported = self._reports_event(text, cue, start, end)
        split = start
        if medial is None and subject is not None and content_start is not None:
            split = self._split_subject(text, sent_start, subject, after, direct_spans, start, end)
        if split < start:
            start = split  # `The attack, he said, was planned in advance`: the subject joins
        elif end - start < 8 or not (
            (after_that and len(words_in(text, start, end)) >= 3)
            or promised
            or rejected
            or reported
            or self._clause_like(text, start, end, frame, cue.entry.lemma)
        ):
            if medial is None or subject is None:
                return None
            start, end = medial
        elif medial is not None and (
            len(words_in(text, *medial)) > len(words_in(text, start, end))
            or text[start:end].split(maxsplit=1)[0].lower() in ("and", "but", "or")
        ):
            start, end = medial  # `The DNC would take weeks to meet, he said, and ...`: the larger part
        if not self._asserts(text, cue, start, end):
            return None
        if self._names_only(text, cue, start, end):
            return None
        if self._reduced_relative(text, cue, start, end, lexical):
            return None
        d = Draft(start, end, "indirect", cue, subject, [(cue.start, start)])
        if subject is not None:
            d.clauses.append((subject.start, cue.start))
            d.antecedent = _who_antecedent(text, sent_start, subject, self.lex)
        if subject is not None:
            d = self._relayed(text, d, body_end)
        if coordinated:
            d.mention = _relative_subject(text, sent_start, cue.start)
            if d.mention is not None:
                d.antecedent = _who_antecedent(text, sent_start, d.mention, self.lex)
            else:
                d.inherit = _same_sentence(drafts, sents, cue.start)
            if d.mention is None and d.inherit is None:
                d.mention = initial_subject(text, sent_start, cue.start, self.lex)
                if d.mention is None:
                    return None
        if subject is not None:
            opener = sentence_opener(text, sent_start, subject.start)
            if opener is not None:
                d.clauses.append(opener)
        return d

    def _citing(self, pattern: re.Pattern[str], text: str, start: int, limit: int) -> re.Match[str] | None:
        """A citation aside at ``start`` whose object names a source ("the defence ministry",
        "three sources", "TASS"), not the reasons given (", citing low growth, unemployment
        and inequality": a claim of its own)."""
        m = pattern.match(text, start, limit)
        if m is None:
            return None
        words = words_in(text, m.start("source"), m.end("source"))
        if len(words) > 8 or not any(w.lower in self.lex.roles or w.is_capitalised for w in words):
            return None
        return m

    def _with_report(self, text: str, subject: Mention, cue: CueMatch, limit: int) -> bool:
        """ "..., with Peskov telling reporters that Kyiv had closed the door": an absolute
        clause opened by "with" whose verb of saying takes a "that" clause reports speech,
        unlike the background of "with Kyiv describing the offensive as ..."."""
        before = words_in(text, max(0, subject.start - 12), subject.start)
        if not before or before[-1].lower != "with":
            return False
        return any(w.lower == "that" for w in words_in(text, cue.end, limit)[:6])

    def _relayed(self, text: str, draft: Draft, limit: int) -> Draft:
        """An outlet citing its source (`RIA reported, citing the defence ministry, that`,
        `TASS, citing the ministry, reported`, `..., RIA reported, citing the ministry.`)
        relays the claim: the cited source makes it, and the outlet is its channel (read
        from the whole attribution). A speaker that is no outlet keeps the claim ("The
        ministry said, citing intelligence reports, ...": it draws on them)."""
        subject, cue = draft.mention, draft.cue
        if subject is None or cue is None or subject.end > cue.start:
            return draft
        if text.find("citing", subject.end, limit) < 0:
            return draft  # most attributions cite nothing
        words = words_in(text, subject.start, subject.end)
        agencies = self.lex.word_class("wire_agency")
        media = self.lex.word_class("hearer_noun")
        if not any(w.lower in agencies or w.lower in media for w in words):
            return draft
        aside = (
            self._citing(_CITING_ASIDE, text, cue.end, limit)
            or self._citing(_TRAILING_CITING, text, cue.end, limit + 1)
            or self._citing(_CITING_ASIDE, text, subject.end, cue.start + 1)
        )
        if aside is None:
            return draft
        draft.mention = Mention(aside.group("source"), aside.start("source"), aside.end("source"))
        draft.antecedent = None
        draft.clauses.append((subject.start, max(aside.end(), cue.end)))
        return draft

    def _medial_lead(
        self,
        text: str,
        sent_start: int,
        subject: Mention | None,
        after: str,
        direct_spans: list[tuple[int, int]],
    ) -> tuple[int, int] | None:
        """The clause before a medial attribution (`It would take weeks, he said, and ...`):
        the sentence's start up to the comma before the speaker, when it reads as a clause."""
        if subject is None or not after.lstrip().startswith(","):
            return None
        lead = text[sent_start : subject.start].rstrip()
        if not lead.endswith(",") or any(s < subject.start and sent_start < e for s, e in direct_spans):
            return None
        if _OPEN_CLAUSE.search(lead):
            # "on buildings where, it said, over 1,300 troops were based": the clause the
            # aside interrupts opens before it and goes on after it
            return None
        start, end = _trim(text, sent_start, sent_start + len(lead) - 1)
        if len(words_in(text, start, end)) < 4 or not self._clause_like(text, start, end, "speech"):
            return None
        return start, end

    def _split_subject(
        self,
        text: str,
        sent_start: int,
        subject: Mention,
        after: str,
        direct_spans: list[tuple[int, int]],
        start: int,
        end: int,
    ) -> int:
        """Where a claim starts whose subject comes before a medial attribution: in `The
        attack, he said, was planned in advance` the claim is the whole sentence, with the
        attribution inside it; its predicate alone ("was planned in advance") says nothing
        of what was planned. ``start`` is returned unchanged when the words before the
        aside are not a noun phrase or what follows it does not open with a verb."""
        if not after.lstrip().startswith(","):
            return start
        lead = words_in(text, sent_start, subject.start)
        quoted = any(s < subject.start and sent_start < e for s, e in direct_spans)
        if len(lead) < 2 or lead[-1].text != "," or quoted:
            return start
        phrase = lead[:-1]
        if len(phrase) > _MAX_SPLIT_SUBJECT or any(w.is_punct and w.text not in "-'’" for w in phrase):
            return start
        opener = phrase[0].lower
        closed = any(opener in self.lex.word_class(c) for c in ("boundary", "sentence_adverb", "leader"))
        if closed or any(w.lower in self.aux for w in phrase):  # self.aux holds the irregular pasts
            return start
        first = next(iter(words_in(text, start, end)), None)
        if first is None or first.is_capitalised:
            return start
        verb = (
            first.start in self._verb_starts
            or first.lower in self.aux
            or self._past(first.lower)
            # `exists`, `remains`: a verb in -s after a singular subject
            or (not self._verb_starts and first.lower.endswith("s") and not first.lower.endswith("ss"))
        )
        return phrase[0].start if verb else start

    def _open_frame(
        self,
        text: str,
        cue: CueMatch,
        sents: SentenceIndex,
        direct_spans: list[tuple[int, int]],
        cues: list[CueMatch],
    ) -> Draft | None:
        """A confident learned cue no lexicon frame fits: its subject, read back over
        auxiliaries and adverbs ("is confirming", "have since expressed"), is the source,
        and the rest of its sentence is the content when it reads as a clause."""
        sent_start, sent_end = sents.span(cue.start)
        body_end = _strip_end(text, sent_start, sent_end)
        if any(s <= cue.start < e for s, e in direct_spans):
            return None
        before = words_in(text, sent_start, cue.start)
        while before and (before[-1].lower in self.aux or before[-1].lower in self.lex.word_class("adverb")):
            before.pop()
        if not before:
            return None
        subject = subject_before(text, sent_start, before[-1].end, self.lex)
        if subject is None or subject.text.lower() in ("who", "which"):
            return None
        subject = self._past_verb_object(text, subject)
        if subject is None:
            return None
        start = cue.end
        end = self._content_end(text, start, body_end, direct_spans, cues, cue)
        start, end = _trim(text, start, end)
        if end - start < 8 or not self._has_verb(text, start, end):
            return None
        if self._names_only(text, cue, start, end):
            return None
        if not self._asserts(text, cue, start, end):
            return None  # "Moscow has not said how many ...": nothing is claimed
        return Draft(start, end, "indirect", cue, subject, [(subject.start, cue.end)])

    def _from_roles(
        self,
        text: str,
        cue: CueMatch,
        sents: SentenceIndex,
        direct_spans: list[tuple[int, int]],
        drafts: list[Draft],
        cues: list[CueMatch],
    ) -> Draft | None:
        """A cue no rule frames: the role tagger's source and content runs next to it.

        The source is the tagger's source run in the cue's sentence nearest the cue; the
        content the content run nearest the cue, a few characters from it at most (it may
        run on over the next sentence, as PolNeAR's contents do), which no other claim holds
        and which does not end cut short ("... as difficult and")."""
        roles = self._roles
        if roles is None or any(s <= cue.start < e for s, e in direct_spans):
            return None
        if any(d.start <= cue.start < d.end for d in drafts):
            return None  # a cue inside a claim found already is part of that claim
        if self._absolute(text, cue):
            return None
        settings = roles.frame
        scores = self._role_window(cue, sents)
        lead = next(
            (r for r in scores.runs("source", settings.threshold) if r.start <= cue.start < r.end < cue.end),
            None,
        )
        if lead is not None:
            # "But environmentalists worry that ...": the cue tagger's span took in the
            # subject the role tagger reads as the source; the cue is the rest
            rest = words_in(text, lead.end, cue.end)
            if not rest:
                return None
            form = " ".join(text[rest[0].start : cue.end].lower().split())
            cue = CueMatch(rest[0].start, cue.end, self.cues.entry(form, cue.entry.precision or 0.0))
        if max(scores.at("cue", w.start) for w in words_in(text, cue.start, cue.end)) < settings.cue_agree:
            return None  # the tagger does not read these words as reporting anything here
        mention = self._role_source(text, cue, sents, scores, settings.threshold)
        if mention is None:
            return None
        if any(mention.end <= d.start and d.end <= cue.start for d in drafts):
            # "Zelenskiy said [...] before Ukraine gathers strength for what many expect to
            # be ...": across another claim's content, a cue with a word of its own right
            # before it has its own subject, not the speaker the model saw ("..., saying",
            # "... and vouching for", "..., is skeptical" do take the sentence's speaker)
            before = words_in(text, mention.end, cue.start)
            adverbs = self.lex.word_class("adverb")
            while before and (before[-1].lower in self.aux or before[-1].lower in adverbs):
                before.pop()
            coordinators = self.lex.word_class("coordinator")
            if before and before[-1].text[0].isalpha() and before[-1].lower not in coordinators:
                return None
        antecedent = _who_antecedent(text, sents.span(cue.start)[0], mention, self.lex)
        if antecedent is None and mention.text.lower() in self.lex.word_class("relative") | {"who"}:
            return None  # "who" with nobody before it to stand for
        contents = [
            r
            for r in (_outside(run, cue) for run in scores.runs("content", settings.threshold))
            if r is not None and not (r.start < mention.end and mention.start < r.end)
        ]
        near = [r for r in contents if _gap(r, cue.start, cue.end) <= settings.max_gap]
        # what follows the cue first ("telling reporters that ..."), else what leads to it
        content = min(near, key=lambda r: (r.start < cue.start, _gap(r, cue.start, cue.end)), default=None)
        if content is None:
            return None
        between = _cue_between(scores, settings.sure_cue, cue, content)
        if between is not None:
            # "chimed in on Twitter, saying that ...": the content is the nearer cue's; frame
            # that one instead, unless it is a known cue the loop frames in its turn
            if any(c.start < between.end and between.start < c.end for c in cues):
                return None
            form = " ".join(text[between.start : between.end].lower().split())
            nearer = CueMatch(between.start, between.end, self.cues.entry(form, between.score))
            return self._from_roles(text, nearer, sents, direct_spans, drafts, cues)
        start, end = _trim(text, content.start, content.end)
        words = words_in(text, start, end)
        if not words or words[-1].lower in self.lex.word_class("dangling") or _cut_name(text, start, end):
            return None  # the tagger cut the content short
        if not self._asserts(text, cue, start, end):
            return None  # "declined to say whether ...": what was withheld is no claim
        taken = [*direct_spans, *((d.start, d.end) for d in drafts)]
        if any(s < end and start < e for s, e in taken):
            return None  # words another claim holds already
        if end - start < 8 or len(words_in(text, start, end)) < 2:
            return None
        precision = cue.entry.precision
        if precision is None and not self._clause_like(text, start, end, cue.entry.frame, cue.entry.lemma):
            # a cue of the hand lexicon takes the content its rules accept: "Western allies
            # announced more aid" is news, not a claim
            return None
        cue_words = cue.entry.form.split()
        naming = cue_words[0] in self.lex.word_class("naming")  # "calls the invasion a ..."
        topic = cue_words[-1] in self.lex.word_class("topic")  # "spoke out on the shooting"
        unsure = precision is not None and precision < settings.clause_below
        if (unsure or naming or topic) and not self._has_verb(text, start, end, strict=naming):
            return None  # it names or points at a topic; it does not report
        draft = Draft(start, end, "indirect", cue, mention, [(cue.start, cue.end)])
        draft.antecedent = antecedent
        return draft

    def _widen_speaker(
        self,
        text: str,
        draft: Draft,
        sents: SentenceIndex,
        drafts: list[Draft],
        resolver: SpeakerResolver,
    ) -> None:
        """The speaker as the role tagger bounds it, when its source run takes in the mention
        the rules found: the rules walk from the cue to a noun phrase's first stop, the
        tagger sees the whole phrase ("Democrats in Iowa who watched the debate said",
        "according to politicians and officials who worked with him", "said Adriaan Schout,
        Europe coordinator at ..."). Grown to the right (an appositive), the resolved name
        stays the rules'; grown to the left, the rules had only the phrase's tail, and the
        whole phrase is resolved again. No cue and nothing of the claim's own content is taken
        in, and sentence adverbs at the new edges stay out ("Instead, she", "Clinton,
        meanwhile")."""
        speaker, cue, roles = draft.speaker, draft.cue, self._roles
        if speaker is None or speaker.start is None or speaker.end is None or cue is None or roles is None:
            return
        if speaker.text is not None and speaker.text.lower() in self.lex.word_class("relative") | {"who"}:
            return  # "who" stands for its antecedent; the clause after it is no part of it
        s_start, s_end = sents.span(cue.start)
        if not (s_start <= speaker.start and speaker.end <= s_end):
            return  # a speaker inherited from another sentence
        # another claim's content may hold this one ("said Democrats who watched said ..."),
        # but no cue, and not this claim's own words
        taken = [(draft.start, draft.end), *((d.cue.start, d.cue.end) for d in drafts if d.cue is not None)]
        # only scores at hand: the encoder has them all, the CNN tagger those of sentences it
        # read for another cue; a window scored for this alone would cost a network pass per
        # speaker, more than the attribution stage may add to the pipeline
        scores = roles.scored(*self._window_range(cue, sents))
        if scores is None:
            return
        for run in scores.runs("source", roles.frame.threshold):
            if not (
                s_start <= run.start
                and run.end <= s_end
                and run.start < speaker.end
                and speaker.start < run.end
            ):
                continue
            start, end = _trim(text, min(run.start, speaker.start), max(run.end, speaker.end))
            start, end = self._without_adverbs(text, start, end, (speaker.start, speaker.end))
            if end > speaker.end and not self._describes(text, speaker.end, end):
                end = speaker.end
            if (start, end) == (speaker.start, speaker.end) or any(a < end and start < b for a, b in taken):
                continue
            widened = replace(speaker, text=text[start:end], start=start, end=end)
            if start < speaker.start:
                # the rules' mention was the tail of the phrase ("[Democrats in] Kharkiv who
                # ..."): its name is the whole phrase's
                again = resolver.resolve(Mention(text[start:end], start, end), draft.antecedent)
                if again is not None:
                    widened = again
            draft.speaker = widened
            return

    def _describes(self, text: str, start: int, end: int) -> bool:
        """Whether the words after a speaker's name read as its description: set off by a
        comma, they go on in lower case, give an age, or name a role ("Schout, Europe
        coordinator at ..."), as in ``_with_appositive``; `Peter Hart, Reuters` does not."""
        words = words_in(text, start, end)
        if not words or words[0].text != ",":
            return True
        rest = words[1:]
        return bool(rest) and (rest[0].text.isdigit() or _description(rest, self.lex))

    def _without_adverbs(
        self, text: str, start: int, end: int, keep: tuple[int, int] | None = None
    ) -> tuple[int, int]:
        """``start``-``end`` without coordinators and sentence adverbs at its edges, never
        cutting into ``keep``; with nothing to keep, a span of nothing but such words comes
        back empty."""
        keep_start, keep_end = keep if keep is not None else (end, start)
        lex = self.lex
        edge = lex.word_class("coordinator") | lex.word_class("sentence_adverb")
        # and a clause's opener or a preposition on the left ("As Steven Rosenthal, a tax
        # lawyer, put it"; not a quantity's "About four out of 10 voters", "as many as"), a
        # dangling word or a day on the right ("The ministry on Tuesday")
        opener = (
            edge
            | lex.word_class("subordinator")
            | (lex.word_class("dangling") - lex.word_class("determiner"))
        ) - {"about", "as"}
        closer = (
            edge | lex.word_class("dangling") | lex.word_class("temporal") | lex.word_class("temporal_lead")
        )
        closer |= lex.word_class("day_part")
        words = words_in(text, start, end)
        while (
            words
            and words[0].start < keep_start
            and (
                words[0].is_punct
                or words[0].text.isdigit()
                or words[0].lower in opener
                or (words[0].lower == "as" and len(words) > 1 and words[1].is_capitalised)
            )
        ):
            words.pop(0)
        asides = lex.word_class("aside")
        while words and words[-1].end > keep_end:
            if words[-1].is_punct or words[-1].lower in closer:
                words.pop()
                continue
            # `India and Pakistan, for instance,`: a sentence adverb of several words
            comma = next((i for i in range(len(words) - 1, -1, -1) if words[i].text == ","), None)
            if comma is None or words[comma].end <= keep_end:
                break
            if " ".join(w.lower for w in words[comma + 1 :]) not in asides:
                break
            del words[comma:]
        if not words:
            return keep if keep is not None else (start, start)
        return min(words[0].start, keep_start), max(words[-1].end, keep_end)

    def _poll_share(self, text: str, subject: Mention) -> bool:
        """ "with 62 percent of voters saying race relations are worse": the absolute
        participle of a poll report, whose subject is a share of the people asked, is
        what they said, not narration."""
        words = words_in(text, subject.start, subject.end)
        before = words_in(text, max(0, subject.start - 10), subject.start)
        if not words or not before or before[-1].lower != "with":
            return False
        shares = self.lex.word_class("share")
        head = next((i for i, w in enumerate(words) if w.lower in ("of", "among")), len(words))
        return head > 0 and words[head - 1].lower in shares

    def _absolute(self, text: str, cue: CueMatch) -> bool:
        """ "with Kyiv describing conditions as difficult": a participle right after its own
        subject is an absolute clause, the reporter's narration (as in ``_from_parse``); after
        a comma or a preposition ("..., saying", "by first saying") it reports its sentence's
        subject."""
        if not _in_ing(cue):
            return False
        before = words_in(text, max(0, cue.start - 40), cue.start)
        if not before or not text[before[-1].end : cue.start].isspace() or before[-1].is_punct:
            return False
        word = before[-1].lower
        lead = ("dangling", "adverb", "aux", "negation", "coordinator", "temporal")
        return not any(word in self.lex.word_class(name) for name in lead)

    def _channel_only(self, text: str, draft: Draft) -> bool:
        """ "appeared on state TV, saying ...": a content that is only the channel of the
        statement says nothing. Kept until here so that a claim inheriting its speaker
        from this one still finds it."""
        if draft.kind != "indirect":
            return False
        words = words_in(text, draft.start, draft.end)
        if not words or len(words) > 6 or words[0].lower not in self.lex.word_class("channel_lead"):
            return False
        return find_channel(text[draft.start : draft.end], self.lex) is not None

    def _role_window(self, cue: CueMatch, sents: SentenceIndex) -> RoleScores:
        roles = self._roles
        assert roles is not None
        return roles.around(*self._window_range(cue, sents))

    def _window_range(self, cue: CueMatch, sents: SentenceIndex) -> tuple[int, int]:
        """The cue's sentence and the next ones (a content may run on): what the tagger scores."""
        roles = self._roles
        assert roles is not None
        sent_start, sent_end = sents.span(cue.start)
        last = min(len(sents.spans) - 1, sents.at(cue.start) + roles.frame.sentences_after)
        return sent_start, max(sent_end, sents.spans[last][1]) if sents.spans else sent_end

    def _role_source(
        self, text: str, cue: CueMatch, sents: SentenceIndex, scores: RoleScores, scores_threshold: float
    ) -> Mention | None:
        """The tagger's source run in the cue's sentence nearest the cue, however far: a
        participle's speaker is its sentence's subject ("Sanders endorsed Clinton on Tuesday,
        saying ...")."""
        sent_start, sent_end = sents.span(cue.start)
        sources = [
            r
            for r in scores.runs("source", scores_threshold)
            if sent_start <= r.start and r.end <= sent_end and (r.end <= cue.start or r.start >= cue.end)
        ]
        source = min(sources, key=lambda r: _gap(r, cue.start, cue.end), default=None)
        if source is None:
            return None
        s_start, s_end = _whole_words(text, *_trim(text, source.start, source.end))
        s_start, s_end = self._without_adverbs(text, s_start, s_end)
        words = words_in(text, s_start, s_end)
        if not words or _cut_name(text, s_start, s_end):
            return None
        first = words[0].text
        if (
            first.islower()
            and first.endswith("ing")
            and text[max(0, s_start - 4) : s_start].rstrip().endswith(",")
        ):
            # "..., striking Sabboura, an area outside Damascus": a participle clause after a
            # comma tells what happened, it names no speaker ("the daily tracking poll" does)
            return None
        return Mention(text[s_start:s_end], s_start, s_end)

    def _whole_phrase(self, text: str, start: int, end: int) -> Mention | None:
        """Everything between a closing quote and its cue, when it reads as a speaker."""
        words = words_in(text, start, end)
        while words and words[0].is_punct:
            words.pop(0)
        while words and words[-1].is_punct:
            words.pop()
        if not words or len(words) > 40:
            return None
        first = words[0]
        if not (first.is_capitalised or first.lower in self.lex.word_class("determiner")):
            return None
        return Mention(text[first.start : words[-1].end], first.start, words[-1].end)

    def _from_parse(
        self, text: str, cue: CueMatch, direct_spans: list[tuple[int, int]], clause_only: bool = False
    ) -> Draft | None:
        """When the word rules find no frame, a parser's subject and complement of the cue.

        ``clause_only``: a cue from outside the lexicon takes no noun phrase as content
        ("Russia calls the invasion ..." names, it does not report)."""
        frame = self._dep_frames.get(cue.start)
        if frame is None or cue.entry.form.endswith("ing"):
            return None  # a participle with its own subject is an absolute clause (see _reported)
        (s_start, s_end), (c_start, c_end) = frame
        if any(s <= c_start < e for s, e in direct_spans):
            return None
        start, end = _trim(text, c_start, c_end)
        if end - start < 8 or len(words_in(text, start, end)) < 2:
            return None
        if clause_only and not self._has_verb(text, start, end):
            return None
        mention = Mention(text[s_start:s_end], s_start, s_end)
        return Draft(start, end, "indirect", cue, mention, [(cue.start, cue.end)])

    def _punctuation_cue(self, text: str, cue: CueMatch, quotes: list[Quote]) -> Draft | None:
        """`Pence: words` opening a line, and `"words" ― Name` closing one.

        A label is a short run of capitalised words at the start of its line (after an
        optional quote mark); a byline is a name alone after a closing quote mark.
        """
        line_start = text.rfind("\n", 0, cue.start) + 1
        line_end = text.find("\n", cue.end)
        line_end = len(text) if line_end < 0 else line_end
        if cue.entry.frame == "label":
            lead = words_in(text, line_start, cue.start)
            if lead and lead[0].text in ('"', "“"):
                lead = lead[1:]
            if not lead or len(lead) > 5 or not all(w.is_capitalised for w in lead):
                return None
            if _bare(lead[-1].lower) in self.lex.word_class("label_stop"):
                return None  # "Q:", "A:", "LOOK:", "Editor’s Note:": a section or a turn
            start, end = _trim(text, cue.end, line_end)
            while end > start and text[end - 1] in '"”':
                end -= 1
            if len(words_in(text, start, end)) < 3:
                return None
            source = Mention(text[lead[0].start : lead[-1].end], lead[0].start, lead[-1].end)
            return Draft(start, end, "direct", cue, source, [(line_start, cue.end)])
        quote = next((q for q in reversed(quotes) if q.close is not None and q.outer_end <= cue.start), None)
        if quote is None or text[quote.outer_end : cue.start].strip():
            return None
        name = words_in(text, cue.end, line_end)
        while name and name[-1].is_punct:
            name.pop()
        if not name or len(name) > 6 or not all(w.is_capitalised for w in name):
            return None
        source = Mention(text[name[0].start : name[-1].end], name[0].start, name[-1].end)
        return Draft(quote.start, quote.end, "direct", cue, source, [(cue.start, line_end)])

    def _according_source(self, text: str, cue: CueMatch, limit: int) -> Mention | None:
        """What "according to" names: a speaker's phrase, else the words up to the next mark
        (a poll or a document)."""
        return phrase_after(text, cue.end, limit, self.lex, coordinated=True) or _plain_phrase(
            text, cue.end, limit
        )

    def _according(self, text: str, cue: CueMatch, sent_start: int, body_end: int) -> Draft | None:
        source = self._according_source(text, cue, body_end)
        if source is None:
            return None
        lead = text[sent_start : cue.start].rstrip()
        # `The AP reported that, according to an analysis, 85 of ...`: the phrase opens the
        # reported clause, and the claim is what follows it, not the report before it
        clause_end = source.end
        if not lead.strip(' "“') or re.search(r"\bthat\s*,$", lead):
            rest = text[source.end : body_end]
            comma = rest.find(",")
            if comma < 0:
                return None
            relative = _RELATIVE_AFTER_COMMA.match(text, source.end)
            if relative is not None and rest.find(",", comma + 1) > 0:
                # `According to the administration, which posted the details on Telegram,
                # the launches were ...`: the relative clause is about the source (its channel)
                comma = rest.find(",", comma + 1)
                clause_end = source.end + comma
            start, end = _trim(text, source.end + comma + 1, body_end)
            end = _trim(text, start, self._before_disclaimers(text, start, end))[1]
            semicolon = text.find(";", start, end)
            if semicolon > start:
                # `According to Ukraine's military, Russia lost 620 soldiers; Russia does not
                # publish its figures`: what follows the semicolon is the reporter's
                end = _trim(text, start, semicolon)[1]
        elif _CLOSING_COMMA.search(lead):
            if lead.endswith(","):
                start, end = _trim(text, sent_start, sent_start + len(lead) - 1)
            else:
                # `The visit became ''the high-water mark,'' according to Mr. Rhodes.`: the
                # comma sits inside the closing marks, which the claim keeps so its quote
                # stays whole (a quote that is the whole sentence is :meth:`_quote_according`'s)
                start, end = _trim(text, sent_start, sent_start + len(lead))
            # `..., according to Craig Bryan, head of the National Center ...`
            source = _with_appositive(text, source, body_end, self.lex, self._speech_starts)
        else:
            return None
        if end - start < 8:
            return None
        return Draft(start, end, "indirect", cue, source, [(cue.start, clause_end)])

    def _only_adjuncts(self, after: str, frame: str) -> bool:
        """Whether what follows a cue is just when/where/how it was said."""
        rest = after.strip().rstrip('.!?"”')
        if not rest:
            return True
        words = rest.split()
        if len(words) > 10 or "that" in (w.lower() for w in words):
            return False
        if frame == "tell" and len(words) <= 3:
            return True
        if frame == "tell":
            # `..., Graham told The Huffington Post on Thursday.`: a named hearer, then adjuncts
            i = 0
            while i < len(words) and (words[i][:1].isupper() or words[i].lower() in ("the", "a", "an")):
                i += 1
            if i > 1 and (i == len(words) or words[i].lower() in _ADJUNCT_START):
                return True
        return words[0].lower() in _ADJUNCT_START or words[0].startswith("(")

    def _time_span(self, words: list[Word]) -> bool:
        """ "days earlier", "weeks ago", "for days afterwards": how long before or after."""
        lowered = [w.lower for w in words]
        if lowered[:1] == ["for"]:
            lowered = lowered[1:]
        periods = self.lex.word_class("period")
        return (
            1 <= len(lowered) <= 2
            and lowered[0].rstrip("s") in periods
            and (len(lowered) == 1 or lowered[1] in self.lex.word_class("time_after"))
            and (len(words) > len(lowered) or len(lowered) == 2)
        )

    def _content_start(self, text: str, cue: CueMatch, limit: int) -> int | None:
        pos = cue.end
        frame = cue.entry.frame
        window = words_in(text, pos, limit)[:14]
        # a complementiser has its clause after it ("to accomplish that." ends one)
        that = next((i for i, w in enumerate(window) if w.lower == "that" and i + 2 < len(window)), None)
        if frame == "tell":
            # `told reporters they are "planting the seeds" to accomplish that`: the clause's
            # own subject comes before any later "that"
            pronoun = next(
                (i for i in range(1, min(8, len(window))) if _bare(window[i].lower) in _PRONOUN_SUBJECTS),
                None,
            )
            # (not past a comma: `who has warned of an offensive, said it was over`)
            if (
                pronoun is not None
                and (that is None or pronoun < that)
                and not any(w.is_punct and w.text not in '()"“”' for w in window[:pronoun])
            ):
                return window[pronoun].start
        # brackets and the quotation marks of a named hearer ('told MSNBC's "Morning Joe" that')
        clean = that is not None and not any(w.is_punct and w.text not in '()"“”' for w in window[:that])
        if (
            that is not None
            and clean
            and (
                frame in ("tell", "urge")
                or that == 0
                or window[0].lower in _ADJUNCT_START
                # "had said days earlier that", "said for days afterwards that"
                or self._time_span(window[:that])
            )
        ):
            if that + 1 < len(window) and window[that + 1].text == ",":
                return window[that + 1].end  # "reported that, according to X, S"
            return window[that].end
        if frame == "tell":
            colon = next((w for w in window if w.text == ":"), None)
            if colon is not None:
                return colon.end
            # `told ABC's "Good Morning America" on Monday the tone was cordial`: the day
            # ends the hearer's adjuncts, and the clause starts after it
            stop = window[-1].end if window else pos
            day = _FALLBACK_DATE.search(text, pos, stop)
            if day is not None:
                nxt = words_in(text, day.end(), limit)[:2]
                if nxt and nxt[0].lower in self.lex.word_class("day_part"):
                    nxt = nxt[1:]
                if nxt and not nxt[0].is_punct and nxt[0].text[:1].islower():
                    return nxt[0].start
            return self._after_hearer(window) or self._after_told_channel(text, cue, limit)
        while True:
            m = (
                _PARENTHETICAL.match(text, pos)
                or _FALLBACK_DATE.match(text, pos)
                or _BARE_DATE.match(text, pos)
            )
            if m is None:
                nxt = words_in(text, pos, limit)[:2]
                if nxt and nxt[0].text in (":", ","):
                    pos = nxt[0].end
                    continue
                # "said on Telegram it had ...", "said in a video address the situation ...":
                # the channel is the attribution's, the clause starts after it
                channel = self._leading_channel(text, pos, limit, nxt)
                if channel:
                    pos = channel
                    continue
                break
            pos = m.end()
        while pos < limit and text[pos].isspace():
            pos += 1
        return pos if pos < limit else None

    def _leading_channel(self, text: str, pos: int, limit: int, nxt: list[Word]) -> int:
        """The end of a channel adjunct opening ``text[pos:limit]`` ("on Telegram", "in his
        nightly video address"), when a clause follows it; else 0."""
        if len(nxt) < 2 or nxt[0].lower not in self.lex.word_class("channel_lead"):
            return 0
        size = leading_channel(text[nxt[0].start : limit], self.lex)
        end = nxt[0].start + size
        rest = words_in(text, end, limit)[:2]
        # "appeared on state TV, saying that ...": a comma after the channel ends the clause
        return end if size and len(rest) == 2 and not rest[0].is_punct else 0

    def _after_told_channel(self, text: str, cue: CueMatch, limit: int) -> int | None:
        """`told reporters the talks had stalled`, `told reporters on Monday Russia would ...`:
        a hearer the channel lexicon names, maybe a day, then the clause, opening on a
        determiner, a pronoun, a number or a name."""
        size = leading_channel(text[cue.start : limit], self.lex)
        if size <= cue.end - cue.start:
            return None
        pos = cue.start + size
        day = _FALLBACK_DATE.match(text, pos) or _BARE_DATE.match(text, pos)
        if day is not None:
            pos = day.end()
        nxt = words_in(text, pos, limit)[:2]
        if len(nxt) < 2 or nxt[0].is_punct:
            return None
        first = nxt[0]
        if (
            (first.lower in self.lex.word_class("determiner") and first.lower not in ("this", "that"))
            or _bare(first.lower) in _PRONOUN_SUBJECTS
            or first.text[:1].isdigit()
            or first.is_capitalised
        ):
            return first.start
        return None

    def _after_hearer(self, window: list[Word]) -> int | None:
        """Where the clause starts after a named hearer with no "that": `told CNN the
        counteroffensive would begin`, `told state news agency RIA the talks had stalled`,
        `told the BBC's Newsnight programme Ukraine would not cede territory`. The hearer is
        capitalised words, a possessive and words for media; the clause opens on a
        determiner, or on a name followed by an auxiliary."""
        media = self.lex.word_class("hearer_noun")
        i = 1 if window and window[0].lower == "the" else 0
        named = False
        while i < len(window) and (
            (window[i].is_capitalised and not window[i].is_punct) or window[i].lower in media
        ):
            nxt = window[i + 1].lower if i + 1 < len(window) else ""
            if named and window[i].is_capitalised and (nxt in self.aux or self._past(nxt)):
                return window[i].start  # `... Newsnight programme Ukraine would not cede`
            named = named or window[i].is_capitalised
            if window[i].text.endswith(("'s", "’s")):
                named = False  # `the BBC's Newsnight programme`: the owner, then the hearer
            i += 1
        if not named or i == 0 or i >= len(window) - 1:
            return None
        first, second = window[i], window[i + 1]
        if first.lower in self.lex.word_class("determiner") and first.lower not in ("this", "that"):
            return first.start
        if i > 0 and window[i - 1].is_capitalised and first.is_capitalised:
            return None
        if first.is_capitalised and (second.lower in self.aux or self._past(second.lower)):
            return first.start
        return None

    def _content_end(
        self,
        text: str,
        start: int,
        limit: int,
        direct_spans: list[tuple[int, int]],
        cues: list[CueMatch],
        own: CueMatch,
        relative: bool = False,
    ) -> int:
        """Where the content that starts at ``start`` ends; ``relative``: the cue's subject
        is a relative pronoun ("Peskov, who spoke to reporters on Monday, said ...")."""
        end = limit
        for m in _CUT.finditer(text, start, end):
            # "said Bakhmut, despite the shelling, was still held": an adjunct set off by
            # commas right after the clause's subject sits inside the claim
            closing = text.find(",", m.end(), end)
            enclosed = (
                text.startswith(",", m.start())
                and closing >= 0
                and len(words_in(text, m.end(), closing)) <= 8
                # `said nothing, despite requests, and left`: a coordinated clause is no predicate
                and not re.match(r",\s*(?:and|but|or)\b", text[closing:end])
            )
            if not enclosed or sum(1 for w in words_in(text, start, m.start()) if not w.is_punct) >= 3:
                end = m.start()
                break
        end = self._before_disclaimers(text, start, end)
        for s, _ in direct_spans:
            if start < s < end:
                end = s
        for other in cues:
            if other is own or not (start < other.start < end):
                continue
            conj = re.search(r"\s+(?:and|but)\s+(?:also\s+)?$", text[start : other.start])
            if conj is not None:
                end = start + conj.start()
                break
            lead = text[start : other.start]
            if (
                other.entry.frame == "according"
                and re.search(r",[\"”']*$", lead.rstrip())
                and not re.search(r"[,;:\"“”]", text[other.end : limit])
            ):
                # "The witness said the order was ..., according to the report.": the
                # source the reporter closes the sentence with is not part of what was said
                end = start + len(lead.rstrip())
                end -= 1 if text[end - 1] == "," else 0
                break
            if (
                lead.rstrip().endswith(",")
                and _in_ing(other)
                and other.entry.frame != "according"  # "that, according to X, S" goes on
            ):
                # ", arguing that ...": a participle cue opens a claim of its own
                end = start + len(lead.rstrip()) - 1
                break
            closed = lead.rstrip()
            if (
                (relative or _in_ing(own))
                and _CLOSING_COMMA.search(closed) is not None
                # the hand lexicon's verbs of saying, telling and accusing ("Peskov, who said
                # the talks had stalled, accused Kyiv ...") only
                and (
                    other.start in self._speech_starts
                    or (relative and other.entry.precision is None and other.entry.frame != "according")
                )
            ):
                # "Peskov, who spoke to reporters on Monday, said ...", "Haidai, citing local
                # officials, said ...": a verb of saying right after a comma is the main
                # clause's; the relative clause or the participle's phrase ends there (with
                # the marks of a quote it closes: `citing ''the unique magic of Trump,'' said`)
                end = start + len(closed) - (1 if closed.endswith(",") else 0)
                break
            comma = lead.rfind(",")
            if comma >= 0 and self._coordinated_speaker(text, start + comma + 1, other):
                # "has vowed to ..., and Hillary Clinton is promising to ...": a second speaker
                # with a cue of their own opens a claim of their own
                end = start + comma
                break
            if comma >= 0 and other.entry.frame != "according":
                tail = lead[comma + 1 :].split()
                if 0 < len(tail) <= 8 and self._only_adjuncts(text[other.end : limit], other.entry.frame):
                    end = start + comma
                    break
        return end

    def _before_disclaimers(self, text: str, start: int, end: int) -> int:
        """Where a content running into a reporter's disclaimer ends."""
        for ds in self._disclaimer_starts:
            if start < ds < end:
                # "..., and Reuters could not verify this": the reporter's words, not the source's.
                # ("..., a claim Reuters could not verify", "..., a claim that could not be
                # verified": the noun the reporter's clause describes goes with it)
                joint = re.search(
                    r",\s*(?:(?:a|an)\s+[a-z]+(?:\s+(?:that|which))?|which|something|what)\s*$"
                    r"|[\s,]*(?:\b(?:and|but)\s+)?$",
                    text[start:ds],
                )
                end = start + (joint.start() if joint is not None else ds - start)
        for dv in self._disclaimer_verbs:
            if start < dv < end:
                # "The ministry's claims of heavy losses could not be verified": the claim is
                # the subject the reporter's predicate speaks of, and ends where it starts
                end = start + len(text[start:dv].rstrip(" ,"))
        return end

    def _coordinated_speaker(self, text: str, after_comma: int, other: CueMatch) -> bool:
        """Whether the words between a comma and another cue are "and" or "but" and the
        subject of that cue: a name or a pronoun of a few words, or, before a verb of
        saying, a share of the people polled ("..., and three-fourths say ...", "and 55
        percent of all voters say")."""
        tail = text[after_comma : other.start]
        words = tail.split()
        if len(words) < 2 or len(words) > 8 or words[0] not in ("and", "but"):
            return False
        if other.entry.frame == "according" or (other.entry.precision or 1.0) < 0.5:
            return False
        first = words[1]
        named = first[:1].isupper() and first.isalpha()
        # `, and the West has said`, `, but the Kremlin says`: a determined name
        named = named or (first == "the" and len(words) > 2 and words[2][:1].isupper() and words[2].isalpha())
        if len(words) <= 5 and (first.lower() in _PRONOUN_SUBJECTS or named):
            return True
        subject_start = after_comma + tail.index(words[0]) + len(words[0])
        subject = subject_before(text, subject_start, other.start, self.lex, True)
        if subject is None:
            return False
        subject_words = words_in(text, subject.start, subject.end)
        lead = text[subject_start : subject.start].lower().split()
        # `..., and now some officials are warning that ...`: people named by their role, after
        # at most an adverb of time or degree, are a second speaker too
        adverbs = self.lex.word_class("adverb") | self.lex.word_class("sentence_adverb")
        if subject_words and subject_words[-1].lower in self.lex.roles and all(w in adverbs for w in lead):
            return True
        if other.start not in self._speech_starts:
            return False
        approximators = self.lex.word_class("approximator")
        polled = any(share_word(w, self.lex) or w.text.isdigit() for w in subject_words)
        return polled and all(w in approximators for w in lead)

    def _asserts(self, text: str, cue: CueMatch, start: int, end: int) -> bool:
        """False where the words after a cue are no proposition of the speaker's.

        "The ministry did not say when the strike took place" reports what was *not*
        said; in "a truce that Putin had declared unilaterally and that Kyiv had
        dismissed" the cue's object is the truce before it, and what follows only
        continues the relative clause.
        """
        words = words_in(text, start, end)
        adverbs = self.lex.word_class("adverb")
        while words and (
            words[0].lower in adverbs or (words[0].lower.endswith("ly") and words[0].text.islower())
        ):
            words.pop(0)  # "also", "unilaterally"
        if not words:
            return False
        first = words[0].lower
        if (
            first in self.lex.word_class("coordinator")
            and len(words) > 1
            and words[1].lower in self.lex.word_class("relative")
        ):
            return False  # "... declared unilaterally and that Kyiv had dismissed"
        # "did not say when ...", "declined to say whether ...": the negation may be in the
        # cue or just before it (a cue the models found is "say" alone)
        lead = [w.lower for w in words_in(text, max(0, cue.start - 30), cue.start)[-3:]]
        verb_group = [*lead, *text[cue.start : cue.end].lower().split()]
        privative = self.lex.word_class("privative")
        if any(a in privative and b.endswith("ing") for a, b in pairwise(verb_group)):
            return False  # "..., without saying where the others hit": what was left unsaid
        negation = self.lex.word_class("negation")
        withheld = any(w in negation for w in [*cue.entry.form.lower().split(), *lead])
        if withheld and cue.entry.lemma.split()[-1] in self.lex.word_class("unsaid"):
            # "did not mention Wagner, whose founder ...", "never said that ...": nothing was
            # said, so nothing is claimed ("did not deny" still is)
            return False
        return not (withheld and any(w.lower in self.lex.word_class("interrogative") for w in words[:3]))

    def _plural_subject(self, text: str, cue: CueMatch) -> bool:
        """ "Recent media reports have speculated ...", "Initial claims were ...": a one-word
        cue in -s after a lower-case word and before a plural auxiliary is the plural noun
        that is the clause's subject, not a verb with "media" as its speaker. A name or a
        pronoun before it keeps the verb ("Russia says are defensive" has a gap; "the
        weapons it claims are ...")."""
        if not _plural_like(cue):
            return False
        after = words_in(text, cue.end, min(len(text), cue.end + 20))[:1]
        if not after:
            return False
        before = word_before(text, cue.start, as_written=True)
        if before[:1].isupper() and before.isalpha():
            # "the Russian reports were": a capitalised adjective after a determiner
            article = word_before(text, cue.start - len(before) - 1)
            if article in self.lex.word_class("determiner") and article not in ("this", "that"):
                before = before.lower()
        if not before.isalpha() or not before.islower() or before in _PRONOUN_SUBJECTS:
            return False
        if before in self.lex.word_class("relative"):
            return False
        if after[0].lower == "of":
            # "staff have received reports of atrocities", "new claims of abuse": a verb in -s
            # takes no "of"; what the noun heads is talked about, not said
            return True
        return after[0].lower in _PLURAL_AUX and before not in self.lex.word_class("determiner")

    def _contrasts(self, text: str, drafts: list[Draft], sents: SentenceIndex) -> list[Draft]:
        """ "X said it had taken the village, a claim Kyiv denied" (or "a claim denied by
        Kyiv", "which Kyiv denied"): the reporter's aside is a second claim about the same
        content, by the party that denies or confirms it. Its content is the first claim's,
        which ends before the aside; a cue inside the aside makes no claim of its own."""
        if self._contrast is None:
            return drafts
        added: list[Draft] = []
        asides: list[tuple[int, int]] = []
        for draft in drafts:
            if draft.cue is None or draft.end <= draft.start:
                continue
            sent_end = sents.span(max(draft.start, draft.end - 1))[1]
            m = self._contrast.search(text, draft.start, sent_end)
            if m is None or m.start() > draft.end or m.start() <= draft.start:
                continue
            verb = "verb" if m.group("verb") else "verb2"
            who = "agent" if m.group("agent") else "subject"
            entry = self.cues.hand_entry(m.group(verb).lower())
            if entry is None:
                continue
            draft.end = m.start()
            speaker = Mention(m.group(who), m.start(who), m.end(who))
            cue = CueMatch(m.start(verb), m.end(verb), entry)
            added.append(Draft(draft.start, draft.end, "indirect", cue, speaker, [(m.start(), m.end())]))
            asides.append((m.start(), m.end()))
        if not added:
            return drafts
        kept = [d for d in drafts if d.cue is None or not any(s <= d.cue.start < e for s, e in asides)]
        return kept + added

    def _anaphoric_contents(self, text: str, drafts: list[Draft], sents: SentenceIndex) -> None:
        """ "Russia said it had taken the village. Kyiv denied the claim.": a denial or a
        confirmation whose whole content is "the claim", "this", "these reports" is about the
        nearest claim before it in the same or the previous sentence, by another speaker;
        its content becomes that claim's, so the two can be read side by side."""
        nouns = self.lex.word_class("claim_noun")
        naming = self.lex.word_class("naming_act")
        timing = self.lex.word_class("temporal") | self.lex.word_class("temporal_lead")
        for draft in drafts:
            cue, mention = draft.cue, draft.mention
            if cue is None or mention is None or draft.start < cue.end:
                continue
            found = [w for w in words_in(text, draft.start, draft.end) if not w.is_punct]
            words = [w.lower for w in found]
            while len(words) > 1 and words[-1] in timing:
                words.pop()  # "denied the report on Tuesday"
            if cue.entry.form.split()[-1] in naming and cue.entry.stance not in ("deny", "confirm"):
                # `Kyiv called the report "fake"`: a name that denies, given to a claim noun,
                # denies the claim the noun points to
                if not (
                    len(words) > 2
                    and words[0] in _POINTING
                    and words[1] in nouns
                    and self.certainty.denies(text[found[1].end : draft.end], None)
                ):
                    continue
                cue = draft.cue = replace(cue, entry=replace(cue.entry, stance="deny"))
                words = words[:2]
            if cue.entry.stance not in ("deny", "confirm"):
                continue
            pointing = words in (["this"], ["that"], ["it"]) or (
                len(words) == 2 and words[0] in _POINTING and words[1] in nouns
            )
            if not pointing:
                continue
            here = sents.span(cue.start)
            earliest = sents.span(max(0, here[0] - 1))[0]
            before = [
                d
                for d in drafts
                if d is not draft
                and d.end <= cue.start
                and d.start >= earliest
                and d.mention is not None
                and d.mention.text.lower() != mention.text.lower()
            ]
            if before:
                antecedent = max(before, key=lambda d: d.end)
                # the words replaced stay part of the attribution ("the report on Tuesday")
                draft.clauses.append((draft.start, draft.end))
                draft.start, draft.end = antecedent.start, antecedent.end

    def _reports_event(self, text: str, cue: CueMatch, start: int, end: int) -> bool:
        """Whether a verb that reports events ("reported", "announced", "confirmed") takes a
        noun phrase naming one ("85 clashes", "heavy fighting near Bakhmut", "the downing of
        30 drones") as its object: the hand lexicon's verbs only, the event nouns are data."""
        if cue.entry.precision is not None or cue.entry.lemma not in self.lex.word_class("event_report"):
            return False
        words = words_in(text, start, end)[:8]
        nouns = self.lex.word_class("event_noun")
        return len(words) >= 2 and any(w.lower in nouns for w in words)

    def _no_claim(self, text: str, draft: Draft) -> bool:
        """A frame that reads like a claim and reports nothing said by anyone."""
        return (
            self._dismissal(text, draft)
            or _nobody(text, draft)
            or self._unattributed_report(draft)
            or self._topic_of_what(text, draft)
        )

    def _topic_of_what(self, text: str, draft: Draft) -> bool:
        """ "It contradicted what the ministry said about the strike": the verb's object is
        the free relative "what", and the words after it say what the report was about, not
        what was said. ("What" alone is no speaker either: "What worries the left is ...")"""
        mention = draft.mention
        if mention is None:
            return False
        if mention.text.lower() in ("what", "what's", "what’s"):
            return True
        if word_before(text, mention.start) != "what":
            return False
        # (`what the campaign sees as an attack`: "as" gives the speaker's own description)
        first = next(iter(words_in(text, draft.start, draft.end)), None)
        return first is not None and first.lower != "as" and first.lower in self.lex.word_class("boundary")

    def _unattributed_report(self, draft: Draft) -> bool:
        """ "Iraqi troops reportedly discovered the bodies ...": "reportedly" names nobody who
        reports, and the words before it are the subject of the reported clause, not a
        speaker (PolNeAR gives none of its 14 such cues in train a source). sitrep's claims
        always have a speaker, so this makes none: giving the troops the claim would give
        their side a statement nobody made. The adverb stays a hedge of any claim around it."""
        cue, mention = draft.cue, draft.mention
        if cue is None or mention is None or cue.entry.form not in self.lex.word_class("report_adverb"):
            return False
        return mention.end <= cue.start

    def _past_verb_object(self, text: str, subject: Mention) -> Mention | None:
        """The subject a model's cue really has when the words read back from it open on a
        lower-case word after an auxiliary, and so are a verb's object: the noun phrase from
        the first determiner on ("is seizing upon [a New York Times] report that ..."), or
        None where there is none ("we will bring together world leaders in London to
        identify ..."). An inverted subject is kept whole: a pronoun ("has he called for"), a
        name ("had Republicans wondering about"), a determiner phrase."""
        if word_before(text, subject.start) not in self.aux:
            return subject
        words = words_in(text, subject.start, subject.end)
        if not words or not words[0].text.isalpha() or not words[0].text.islower():
            return subject
        determiners = self.lex.word_class("determiner")
        if words[0].lower in _PRONOUN_SUBJECTS or words[0].lower in determiners:
            return subject
        for word in words[1:]:
            if word.lower in determiners:
                return Mention(text[word.start : subject.end], word.start, subject.end)
        return None

    def _object_of_cue(self, text: str, cue: CueMatch) -> bool:
        """ "Moscow dismissed claims that ...", "Kyiv denied reports that ...": a one-word cue
        in -s right after a verb of saying of the hand lexicon is that verb's object noun,
        whose "that" clause the verb's claim already holds."""
        if not _plural_like(cue):
            return False
        before = word_before(text, cue.start)
        if not before or before.endswith("s"):
            return False  # "an analysis of campaign-finance reports shows": a noun in -s before it
        entry = self.cues.hand_entry(before)
        return entry is not None and entry.frame in ("speech", "tell")

    def _dismissal(self, text: str, draft: Draft) -> bool:
        """ "Zelenskiy dismissed the commander of the joint forces", "Medvedev dismissed four
        governors": to dismiss a person is to remove them from office, not to deny anything.
        The object of "dismiss" is a person when its first noun is a name or a role noun that
        names people ("the report", "claims that ...", "the commander's claims" stay denials)."""
        cue = draft.cue
        if cue is None or cue.entry.lemma != "dismiss" or draft.start < cue.end:
            return False
        if " as " in f" {text[draft.start : draft.end]} ":
            return False  # "dismissed the report as fake"
        words = [w for w in words_in(text, draft.start, draft.end) if not w.is_punct]
        if not words:
            return False
        for i, w in enumerate(words):
            if w.lower in self.lex.word_class("determiner") or w.lower in _PRONOUN_POSSESSIVES:
                continue
            if w.text[:1].isdigit() or w.lower in ("two", "three", "four", "five", "six", "several", "all"):
                continue
            if w.is_capitalised:
                following = words[i + 1] if i + 1 < len(words) else None
                if following is not None and following.text.isalpha() and following.text.islower():
                    continue  # "the Russian figure", "Ukraine's top commander": a modifier
                return True  # a name or a title before one: "Defence Minister Oleksii Reznikov"
            head = w.lower
            singular = head[:-1] if head.endswith("s") else head
            if self.lex.roles.get(head) == "PERSON" or self.lex.roles.get(singular) == "PERSON":
                return True
            if self.lex.roles.get(head) is None and self.lex.roles.get(singular) is None:
                continue  # an adjective before the noun: "his defence minister", "top generals"
            return False
        return False

    def _crossed_verb(self, text: str, subject: Mention, cues: list[CueMatch]) -> CueMatch | None:
        """The last verb of saying of the hand lexicon inside ``subject``, used as a verb
        ("said", "says", "told"; not "reports" or "his claims"). A verb inside an aside of the
        subject ("Peskov, who said ..., accused") or a participle with its agent ("a voice
        message posted by his press service") is the subject's own description."""
        if not any(subject.start <= start < subject.end for start in self._speech_starts):
            return None
        inside = [
            c
            for c in cues
            if subject.start <= c.start
            and c.end <= subject.end
            and c.start in self._speech_starts
            and (not c.entry.form.endswith("s") or c.entry.form in ("says", "tells"))
            and not _in_ing(c)
            and not self._as_noun(text, c)
            and "," not in text[subject.start : c.start]
            and word_after(text, c.end) != "by"
        ]
        return inside[-1] if inside else None

    def _as_noun(self, text: str, cue: CueMatch) -> bool:
        """Whether the word right before a cue makes it a noun: a possessive ("Russia's",
        "officials'", "their"; "he's", "it's" are contractions), or a determiner before a
        form in -s ("The claims")."""
        word = word_before(text, cue.start)
        if word in self.lex.word_class("possessor"):
            return True
        if cue.entry.form.endswith("s") and word in self.lex.word_class("determiner"):
            return True
        stem = POSSESSIVE.sub("", word)
        return stem != word and stem not in self.lex.word_class("contracted")

    def _past(self, word: str) -> bool:
        """A lower-case word in -ed that may be a past tense."""
        return _PAST_VERB.fullmatch(word) is not None and word not in self.lex.word_class("not_past")

    def _verb_after(self, text: str, offset: int) -> bool:
        """Whether the word after ``offset`` is a finite verb by the word rules (an auxiliary,
        an irregular past or a past in -ed), other than "is that" / "was that"."""
        nxt = words_in(text, offset, min(len(text), offset + 40))[:2]
        if not nxt or (nxt[0].lower not in self.aux and not self._past(nxt[0].lower)):
            return False
        return not (nxt[0].lower in self.lex.word_class("be") and nxt[1:] and nxt[1].lower == "that")

    def _citation(self, text: str, cue: CueMatch, cues: list[CueMatch]) -> bool:
        """ "TASS, citing the defence ministry, reported that ...": the aside names where the
        speaker's claim came from; the claim is the main verb's, made once."""
        if cue.entry.form.lower() not in self.lex.word_class("citation"):
            return False
        if not text[: cue.start].rstrip().endswith(","):
            return False
        if any(
            c.end < cue.start
            and not text[c.end : cue.start].strip(" ,")
            and (
                self._citing(_CITING_ASIDE, text, c.end, len(text))
                or self._citing(_TRAILING_CITING, text, c.end, len(text))
            )
            for c in cues
        ):
            return True  # "RIA reported, citing the defence ministry, that ...": the same aside after it
        # the aside ends at its first comma (inside a quote's closing marks, maybe); a cue
        # word inside it ("citing intelligence reports") is no main verb
        comma = text.find(",", cue.end)
        if comma < 0 or sentence_break(text, cue.end, comma):
            return False  # the sentence ends first: the participle closes it, a claim of its own
        later = min((c for c in cues if c.start > comma), key=lambda c: c.start, default=None)
        return (
            later is not None
            and re.fullmatch(r",[\"”’']*\s*(?:\w+ly\s+)?", text[comma : later.start]) is not None
        )

    def _reduced_relative(self, text: str, cue: CueMatch, start: int, end: int, lexical: bool) -> bool:
        """ "Images shared on social media appeared to show ...": a learned cue in -ed right
        after its noun, with a place or medium and then the sentence's own verb, describes
        the noun; nothing is reported. A verb of saying in the lexicon is never read so."""
        words = words_in(text, start, end)
        return (
            not lexical
            and cue.entry.form.endswith("ed")
            and len(words) > 4  # "appeared on state TV, saying ...": a channel, passed on
            and words[0].lower in self.lex.word_class("governing")
            # "has called on police to ...": the preposition belongs to a cue phrase
            and f"{cue.entry.form.split()[-1]} {words[0].lower}" not in self._phrasal
            and not any(w.lower == "that" or w.text in ",:" for w in words[:8])
        )

    def _names_only(self, text: str, cue: CueMatch, start: int, end: int) -> bool:
        """A learned naming cue with no clause and no quoted words after it: "Kyiv and its
        allies call Russia's actions an unprovoked land grab" labels something, it reports
        no statement; "calling him “a feminist”" quotes the speaker's own words."""
        learned = cue.entry.precision is not None or cue.start in self._open_starts
        # "called for a ceasefire", "called on Kyiv to ...": an appeal, not a name
        naming = cue.entry.form in self.lex.word_class("naming")
        quoted = any(ch in QUOTE_MARKS for ch in text[start:end])
        return learned and naming and not quoted and not self._has_verb(text, start, end, strict=True)

    def _has_verb(self, text: str, start: int, end: int, strict: bool = False) -> bool:
        """A clause by the tagger's verbs where there is one, else by the word rules
        (``strict``: see :meth:`_clause_like`)."""
        if self._verb_starts:
            return any(w.start in self._verb_starts for w in words_in(text, start, end))
        return self._clause_like(text, start, end, "speech", strict=strict)

    def _clause_like(
        self, text: str, start: int, end: int, frame: str, lemma: str = "", strict: bool = False
    ) -> bool:
        """Whether the words read as a clause, by word rules. ``strict`` also reads an -ed word
        after a determiner ("an unprovoked land grab") and an -s word after a possessive
        ("Russia's actions") as the nouns and adjectives they are; the loose reading, which
        PolNeAR's contents reward, is the default."""
        words = words_in(text, start, end)[:20]
        lowered = [w.lower for w in words]
        if self._verb_starts and any(w.start in self._verb_starts for w in words):
            return True
        if lemma == "say" and len(words) >= 3:
            return True  # "said parents still want ...": after "said", three words are what was said
        if frame == "object":
            # learned cues ("called for", "shows"): PolNeAR takes a noun phrase as content too
            return len(words) >= 2
        if frame in ("urge",):
            return "to" in lowered[:10] or "of" in lowered[:8] or "for" in lowered[:8]
        if any(w in self.aux for w in lowered):
            return True
        if frame == "tell" and _bare(lowered[0]) != lowered[0] and _bare(lowered[0]) in _PRONOUN_SUBJECTS:
            return True  # "told reporters he’d be back": the clause opens on a contracted auxiliary
        for i, w in enumerate(words):
            if (
                w.lower.endswith("ed")
                and len(w.lower) > 4
                and i > 0
                and not (strict and words[i - 1].lower in self.lex.word_class("attributive"))
            ):
                return True  # a past verb
            if (
                i > 0
                and w.lower.endswith("s")
                and not w.is_capitalised
                and (words[i - 1].lower in _PRONOUN_SUBJECTS or words[i - 1].is_capitalised)
                and not (strict and words[i - 1].lower.endswith(("'s", "’s")))
            ):
                return True
        return False

    # ---- resolution --------------------------------------------------------------------------
    def _resolve(
        self,
        draft: Draft,
        text: str,
        resolver: SpeakerResolver,
        dates: list[DateMention],
        published: str | None,
        dates_from_stage: bool,
        sents: SentenceIndex,
    ) -> None:
        if draft.inherit is not None and draft.mention is None:
            source = draft.inherit
            if source.speaker is None:
                return
            said = source.speaker
            if (
                draft.cue is not None
                and draft.cue is not source.cue
                and _in_ing(draft.cue)
                and said.start is not None
                and sents.span(said.start) == sents.span(draft.cue.start)
            ):
                # `X granted an extension, saying ...`: a participle has no subject of its
                # own, so the main verb's is the mention nearest it (a finite verb after
                # "and" is left without one, as the example's reference reads "but added")
                inherited = said
            else:
                inherited = replace(said, text=None, start=None, end=None)
            draft.speaker = resolver.inherit(inherited, draft.start)
            if draft.inherit_channel or draft.cue is None:
                draft.channel = source.channel
                draft.said_on = source.said_on if draft.cue is None or draft.cue is source.cue else None
            if draft.cue is not None and draft.cue is source.cue:
                draft.said_on = source.said_on
            if draft.cue is not None and draft.cue is not source.cue:
                self._attach_clause_facts(draft, text, dates, published, dates_from_stage)
            return
        if draft.mention is None:
            return
        draft.speaker = resolver.resolve(draft.mention, draft.antecedent)
        self._attach_clause_facts(draft, text, dates, published, dates_from_stage)

    def _attach_clause_facts(
        self,
        draft: Draft,
        text: str,
        dates: list[DateMention],
        published: str | None,
        dates_from_stage: bool,
    ) -> None:
        # a break no name pattern runs across: "told state news agency RIA" + "Peskov"
        clause = " ; ".join(text[s:e] for s, e in draft.clauses)
        draft.channel = find_channel(clause, self.lex)
        draft.said_on = statement_date(draft.clauses, dates, text, published, not dates_from_stage)

    # ---- disclaimers -----------------------------------------------------------------------
    def _disclaimers(
        self,
        text: str,
        matches: list[tuple[int, int, DisclaimerMatch]],
        claims: list[Claim],
    ) -> tuple[list[Disclaimer], set[int]]:
        found: list[Disclaimer] = []
        covered: set[int] = set()
        claim_spans = [(c.start, c.end, c.kind) for c in claims]
        for s_start, s_end, match in matches:
            if any(cs <= match.start < ce for cs, ce, _ in claim_spans):
                # a disclaimer inside someone's words, quoted or reported ("The IAEA said it
                # could not confirm who was responsible"), is theirs, not the reporter's
                continue
            start = _clause_subject_start(text, s_start, match.start, self.lex)
            end = _strip_end(text, s_start, s_end)
            end = len(text[start:end].rstrip(_TRAIL_PUNCT)) + start
            found.append(Disclaimer(text[start:end], start, end, match.kind))
            if match.kind not in ("unverified", "no-evidence"):
                continue  # a refusal to comment says nothing about the claims before it
            covered |= _covered_claims(claims, s_start, s_end, text[start:end])
        return found, covered


# ---- small helpers ------------------------------------------------------------------------------
_CLOSING_MARKS = "\"'”’"
_OPENING_MARKS = "\"'“‘"


def _cut_name(text: str, start: int, end: int) -> bool:
    """A span that begins or ends inside a name ("Reserve chairman" of "a Federal Reserve
    chairman", "a Federal"): a capitalised word on both sides of the edge, only a space between."""
    before = re.search(r"([A-Za-z][\w'’.-]*) $", text[max(0, start - 40) : start])
    after = re.match(r" ([A-Za-z])", text[end : end + 2])
    inside = words_in(text, start, end)
    if not inside:
        return False
    if before and before.group(1)[:1].isupper() and inside[0].is_capitalised:
        return not before.group(1).endswith(".")  # "Sen." before a name is a title, not a cut
    return bool(after and after.group(1).isupper() and inside[-1].is_capitalised)


def _outside(run: Run, cue: CueMatch) -> Run | None:
    """The part of a content run after (else before) the cue: the tagger may let a run
    begin on the cue's last word ("critical *of* the decision")."""
    if run.end <= cue.start or run.start >= cue.end:
        return run
    if run.end > cue.end:
        return Run(cue.end, run.end, run.score)
    if run.start < cue.start:
        return Run(run.start, cue.start, run.score)
    return None


def _cue_between(scores: RoleScores, sure: float, cue: CueMatch, run: Run) -> Run | None:
    """Words between the cue and a content run that the tagger is sure (``sure``) are a cue themselves."""
    start, end = (cue.end, run.start) if run.start >= cue.end else (run.end, cue.start)
    inside = [r for r in scores.runs("cue", sure) if start <= r.start and r.end <= end]
    return min(inside, key=lambda r: _gap(run, r.start, r.end), default=None)


def _gap(run: Run, start: int, end: int) -> int:
    """Characters between a run and the span ``start``..``end`` (0 when they touch)."""
    if run.end <= start:
        return start - run.end
    if run.start >= end:
        return run.start - end
    return 0


def _comma_before(words: list[Word]) -> bool:
    """Whether the words end in a comma, or in a comma and the quote marks closing after it."""
    i = len(words) - 1
    while i >= 0 and words[i].text in _CLOSING_MARKS:
        i -= 1
    return i >= 0 and words[i].text == "," and i >= len(words) - 3


def _extent(
    text: str,
    cue: CueMatch,
    extents: list[tuple[int, int]],
    start: int,
    end: int,
    speaker: Speaker | None = None,
    cut: frozenset[str] = frozenset(),
) -> tuple[int, int]:
    """The cue's offsets grown to a tagged cue span that holds it, never into the content
    or the speaker's words, nor to a word of ``cut`` (a preposition or determiner whose noun
    it leaves out: "said on" of "said on Sunday", "said in an" of "said in an interview";
    PolNeAR never marks such a cue, and a user reads the cue as "said")."""
    lo, hi = cue.start, cue.end
    for s, e in extents:
        if s <= lo and hi <= e:
            lo, hi = s, e
            break
    if lo < end and start < hi:  # the tagger's span runs into the claim: keep the lexicon's
        return cue.start, cue.end
    s_start, s_end = (speaker.start, speaker.end) if speaker is not None else (None, None)
    if s_start is not None and s_end is not None and lo < s_end and s_start < hi:
        return cue.start, cue.end  # nor into the speaker's words ("environmentalists worry")
    grown = words_in(text, cue.end, hi)
    while grown and grown[-1].lower in cut:
        grown.pop()
        hi = grown[-1].end if grown else cue.end
    return lo, hi


def _para_index(paras: list[tuple[int, int]], offset: int) -> int:
    for i, (s, e) in enumerate(paras):
        if s <= offset < e or offset < s:
            return i if s <= offset else max(0, i - 1)
    return max(0, len(paras) - 1)


def _clause_end(text: str, start: int, limit: int, fragments: list[Quote] | None = None) -> int:
    """End of the attribution clause after a closing quote mark: the sentence's end. The
    marks of a quoted fragment inside it (`the commander, who goes by the call sign
    "Tesla", told`) end nothing."""
    depth = 0
    for w in words_in(text, start, limit):
        if any(f.open <= w.start < f.outer_end for f in fragments or ()):
            continue
        depth += (w.text == "(") - (w.text == ")")
        if w.text == "." and (depth > 0 or _after_initial(text, w.start) or text[w.end : w.end + 1] == ","):
            # "Leonard E. Burman", "Rep. Gwen Moore (D-Wis.)", "McConnell, R-Ky., said": no end
            continue
        if w.text in (".", "!", "?", "“", '"', "«"):
            return w.start if w.text in ("“", '"', "«") else w.end
    return limit


def _after_initial(text: str, dot: int) -> bool:
    return dot >= 2 and text[dot - 1].isupper() and (dot == 1 or not text[dot - 2].isalnum())


def _first_cue(
    cues: list[CueMatch],
    start: int,
    end: int,
    *,
    max_words_before: int,
    text: str,
    determiners: frozenset[str] = frozenset(),
) -> CueMatch | None:
    """The first cue after a closing quote mark that can be the quote's verb: not one in a
    determiner's noun phrase nor the verb of a relative clause (`the commander, who goes by
    the call sign "Tesla", told`)."""
    for cue in cues:
        if not start <= cue.start < end or cue.entry.frame in _POSITIONAL:
            continue
        if len(words_in(text, start, cue.start)) > max_words_before + 8:
            continue
        before = word_before(text, cue.start)
        if before not in determiners and before not in _RELATIVE:
            return cue
    return None


def _next_block(text: str, end: int) -> tuple[int, int] | None:
    """The paragraph after the one ending at ``end``, when it is there and is no quote
    (a quote has its own rules)."""
    if text[end:].lstrip(" \t")[:1] != "\n":
        return None
    m = _NEXT_PARAGRAPH.match(text, end)
    if m is None or m.group(1)[:1] in _OPENING_MARKS:
        return None
    return m.start(1), m.start(1) + len(m.group(1).rstrip())


def _contrast_pattern(lex: Lexicons) -> re.Pattern[str] | None:
    """The reporter's aside after a claim: ", a claim Kyiv denied", ", a figure confirmed by
    the ministry", ", which Moscow rejected", ", something Tehran has denied", ", figures
    Moscow disputes". The verbs are the hand lexicon's forms of denying and confirming (past
    forms after "by", past and present forms after a subject); the nouns, the words a
    reporter calls a claim by (a plural one may go without its article)."""
    stances = ("deny", "confirm")
    hand = [e for e in lex.cues if e.precision is None and e.stance in stances]
    participles = sorted((e.form for e in hand if e.form.endswith("ed")), key=len, reverse=True)
    # "figures Moscow disputes": a present form after its subject
    finite = sorted((e.form for e in hand if e.form.endswith(("ed", "s"))), key=len, reverse=True)
    nouns = sorted(lex.word_class("claim_noun"))
    if not participles or not nouns:
        return None
    verb = "|".join(map(re.escape, participles))
    verb2 = "|".join(map(re.escape, finite))
    noun = "|".join(map(re.escape, nouns))
    plural = "|".join(map(re.escape, (n for n in nouns if n.endswith("s"))))
    # a name, or a noun phrase with "the" ("the city's mayor")
    who = r"(?:[A-Z]|the\s+\w)[^,.;:!?\n]{0,60}?"
    return re.compile(
        rf",\s+(?:(?:a|an)\s+(?:{noun})\s+(?:(?:that|which)\s+)?|which\s+|something\s+(?:that\s+)?"
        rf"|(?:{plural})\s+(?:(?:that|which)\s+)?)"
        rf"(?:(?P<verb>{verb})\s+by\s+(?P<agent>{who})"
        rf"|(?P<subject>{who})\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?P<verb2>{verb2}))"
        r"(?=\s*[.,;]|\s*$)"
    )


_NOBODY = frozenset({"no", "nobody", "none", "neither"})
_POINTING = frozenset({"the", "this", "that", "these", "those", "such"})


def _nobody(text: str, draft: Draft) -> bool:
    """ "No group has claimed responsibility", "Nobody said ...": a negated subject names no
    speaker; the sentence says that no claim was made."""
    mention = draft.mention
    if mention is None:
        return False
    first = words_in(text, mention.start, mention.end)[:1]
    return bool(first) and (first[0].lower in _NOBODY or mention.text.lower().startswith("no one"))


def _plural_like(cue: CueMatch) -> bool:
    """A one-word cue in -s other than "says" ("reports", "claims"): it may be a plural noun."""
    form = cue.entry.form
    return " " not in form and form.endswith("s") and not form.endswith("ss") and cue.entry.lemma != "say"


def _progressive_form(form: str, aux: frozenset[str]) -> bool:
    """A learned cue form that is an auxiliary and a participle: "is promising", "are saying"."""
    words = form.split()
    return len(words) == 2 and words[0] in aux and words[1].endswith("ing")


def _attributive(text: str, offset: int, words: frozenset[str]) -> bool:
    """Whether the word right before ``offset`` is one of ``words`` (lower case), after
    which a participle can only be an adjective. (Not a possessive: "Stumpf’s repeated
    emphasis that ..." reports, and "he’s heralded" is a verb.)"""
    return word_before(text, offset) in words


_PAST_VERB = re.compile(r"[a-z]{2,}ed")


_CONTRACTION = re.compile(r"['’](?:s|re|ll|d|ve|m)$")


def _bare(word: str) -> str:
    """A word without a contracted verb ("he’s" -> "he", "they're" -> "they")."""
    return _CONTRACTION.sub("", word)


def _last_cue(
    text: str,
    cues: list[CueMatch],
    start: int,
    end: int,
    subordinators: frozenset[str],
    speech_starts: frozenset[int],
) -> CueMatch | None:
    """The cue of a lead: its last cue, unless that is a model's cue inside a subordinate
    clause (`X has said that while he fears ..., "`), where the hand lexicon's verb of
    saying before it is the lead's."""
    found = [c for c in cues if start <= c.start < end and c.entry.frame not in _POSITIONAL]
    if not found:
        return None
    last = found[-1]
    if last.entry.precision is not None:
        before = [w.lower for w in words_in(text, max(start, last.start - 40), last.start)][-4:]
        if any(w in subordinators for w in before):
            said = [c for c in found[:-1] if c.start in speech_starts]
            if said:
                return said[-1]
    return last


_NAME_LIST = re.compile(r"[\s,]*(?:(?:and|or)\s+)?(?:an?\s+)?")
_NAME_TAIL = re.compile(r"[^,;:.!?“”\"]*?(?=[,;:.!?]|\s+[-—–]|\s+(?:and|but|or|as|while|after|before)\b|$)")


def _name_end(text: str, quote: Quote, quotes: list[Quote], limit: int) -> int:
    """Where a quoted name ends: after a list of such names (`a "nasty guy," an "anchor
    baby" and "sick"`) and the words that finish its phrase (`a “champion” for its members`),
    before a comma or a coordinated verb (`“outrageous” and demanded answers`)."""
    end = _past_spare(text, quote.outer_end)
    last = quote
    for nxt in quotes:
        if nxt.open < end or nxt.outer_end > limit:
            continue
        if _NAME_LIST.fullmatch(text, end, nxt.open) is None:
            break
        end, last = _past_spare(text, nxt.outer_end), nxt
    if text[last.start : last.end].rstrip().endswith(","):
        return end  # `called the report “absurd,” said ...`: the comma closed the phrase
    tail = _NAME_TAIL.match(text, end, limit)
    if tail is not None and len(tail.group().split()) <= _MAX_NAMED_WORDS:
        end = tail.end()
    return end


def _after_what(text: str, draft: Draft) -> None:
    """A subject read back from a cue may run over a free relative's "what" ("It
    contradicted what Trump and Lewandowski| said", "half of what researchers| say"): the
    speaker is the phrase after it."""
    mention, cue = draft.mention, draft.cue
    if mention is None or cue is None or cue.entry.frame == "according" or mention.end > cue.start:
        return
    m = _WHAT_INSIDE.search(mention.text)
    if m is not None and m.end() < len(mention.text) and "," not in mention.text[m.end() :]:
        start = mention.start + m.end()
        draft.mention = Mention(text[start : mention.end], start, mention.end)


def _past_spare(text: str, outer_end: int) -> int:
    """Past the spare half of a doubled '' closing a quote (``''a genius''`` reads
    ``'"a genius"'`` once straightened), so a span ending there keeps its whole mark."""
    return outer_end + 1 if text[outer_end - 1 : outer_end + 1] == "\"'" else outer_end


def _in_ing(cue: CueMatch) -> bool:
    """Whether a cue opens on an -ing form ("saying", "arguing that"): a participle or a
    gerund, which has no subject of its own."""
    return cue.entry.form.split()[0].endswith("ing")


def _cut_before(text: str, drafts: list[Draft], lead: int, cue_start: int) -> None:
    """Drafts whose content holds a gerund's cue end before its preposition; one left with
    no content (`responded` of `responded by saying`) is dropped."""
    for d in list(drafts):
        if d.start <= lead and cue_start < d.end:
            start, end = _trim(text, d.start, lead)
            if len(words_in(text, start, end)) < 2:
                drafts.remove(d)
            else:
                d.start, d.end = start, end


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A model's run widened to whole hyphenated words: its word pieces may start or end a
    run inside one ("African[-Americans] feel")."""
    hyphens = "-–"
    if 0 < start < end and (text[start] in hyphens or text[start - 1] in hyphens) and text[start - 1] != " ":
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in hyphens):
            start -= 1
    if start < end < len(text) and (text[end] in hyphens or text[end - 1] in hyphens) and text[end] != " ":
        while end < len(text) and (text[end].isalnum() or text[end] in hyphens):
            end += 1
    return start, end


def _same_sentence(drafts: list[Draft], sents: SentenceIndex, offset: int) -> Draft | None:
    sentence = sents.at(offset)
    candidates = [
        d for d in drafts if d.cue is not None and d.cue.start < offset and sents.at(d.cue.start) == sentence
    ]
    return candidates[-1] if candidates else None


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAIL_PUNCT:
        # keep a closing bracket or quote that belongs to the content
        end -= 1
    return start, end


def _who_antecedent(text: str, sent_start: int, subject: Mention, lex: Lexicons) -> Mention | None:
    if subject.text.lower() not in ("who", "which"):
        return None
    lead_end = subject.start
    lead = text[sent_start:lead_end].rstrip()
    if lead.endswith(","):
        lead_end = sent_start + len(lead) - 1
    words = words_in(text, sent_start, lead_end)
    if not words:
        return None
    found = subject_before(text, sent_start, lead_end, lex)
    if found is None:
        return None
    # "The ministry also blamed the villagers, who ...": the antecedent is the object, from
    # its determiner on, not the clause it ends
    phrase = words_in(text, found.start, found.end)
    determiners = lex.word_class("determiner")
    links = lex.word_class("dangling") | lex.word_class("coordinator")
    for before, w in reversed(list(pairwise(phrase))):
        if (
            w.lower in determiners
            and before.text.isalpha()
            and before.text.islower()
            and before.lower not in links
        ):
            return Mention(text[w.start : found.end], w.start, found.end)
    return found


def _relative_subject(text: str, sent_start: int, cue_start: int) -> Mention | None:
    """The "who" of a relative clause whose verbs the cue's verb is coordinated with ("...
    Chinese citizens, who make up most of the investors and see the program as ..."): with
    no punctuation between them, the cue shares that subject, not the sentence's."""
    for w in reversed(words_in(text, sent_start, cue_start)):
        if w.is_punct:
            return None
        if w.lower == "who":
            return Mention(w.text, w.start, w.end)
    return None


def _clause_subject_start(text: str, sent_start: int, verb_start: int, lex: Lexicons) -> int:
    mention = subject_before(text, sent_start, verb_start, lex)
    return mention.start if mention is not None else verb_start


def _covered_claims(claims: list[Claim], s_start: int, s_end: int, disclaimer: str) -> set[int]:
    """Claims an "unverified" disclaimer speaks for.

    The claims of its own sentence (else the last claim before it); when it says "this
    and other reports", also the unbroken run of claims from the same side around them, and
    when it speaks of "neither side's claims", the run of claims from any side.
    """
    base = {
        i
        for i, c in enumerate(claims)
        if s_start <= c.start < s_end or s_start <= (c.cue_start or -1) < s_end
    }
    if not base:
        before = [i for i, c in enumerate(claims) if c.end <= s_start]
        base = {before[-1]} if before else set()
    if not base or not re.search(r"\b(?:other|reports|claims|these|accounts|either)\b", disclaimer, re.I):
        return base
    covered = set(base)
    sides = {claims[i].speaker.side for i in base}
    # "Neither side's claims could be verified": the run of claims of any side before it
    any_side = re.search(r"\b(?:neither|either|both)\s+sides?\b", disclaimer, re.I) is not None

    def same(i: int, across_sides: bool = False) -> bool:
        side = claims[i].speaker.side
        return side is not None and (across_sides or side in sides)

    lo, hi = min(base), max(base)
    while lo - 1 >= 0 and same(lo - 1, across_sides=any_side):
        lo -= 1
        covered.add(lo)
    while hi + 1 < len(claims) and same(hi + 1):  # after it, only its own side's run goes on
        hi += 1
        covered.add(hi)
    return covered


def _between(text: str, start: int, end: int) -> bool:
    """Whether anything but punctuation stands between two offsets."""
    return any(not w.is_punct for w in words_in(text, start, end))


_WHAT_INSIDE = re.compile(r"\swhat\s+")
_RELATIVE_AFTER_COMMA = re.compile(r",\s*(?:who|which)\b")
# `, citing the defence ministry, that`, `, citing sources,`: the source a report relays
_CITING_ASIDE = re.compile(
    r"\s*,\s*citing\s+(?P<source>[^,;:.!?\"“”]{2,80}?)\s*,\s*(?:that\s+)?(?=[\w\"“])", re.IGNORECASE
)
_TRAILING_CITING = re.compile(
    r"\s*,\s*citing\s+(?P<source>[^,;:.!?\"“”\n]{2,80}?)\s*(?:[.!?]|$)", re.IGNORECASE
)
_COMMA_AS = re.compile(r",\s*as$", re.IGNORECASE)
# a comma closing a stretch, maybe inside the closing marks of a quote (`,"`, `,''`)
_CLOSING_COMMA = re.compile(r",\s*[\"”’']*$")
_OPEN_CLAUSE = re.compile(r"\b(?:where|which|that|who|whom|when|because|if|whether)\s*,$", re.IGNORECASE)
_BRIDGED = re.compile(r",\s*(?:which|who|whom)\s+$")
# a party and state in brackets, or an age, between a name and its description
_APPOSITIVE_LEAD = re.compile(PARTY_STATE + r"|,\s*\d{1,3}(?=,|$)")


def _bare_inverted(text: str, start: int, limit: int, lex: Lexicons) -> Mention | None:
    """`," said the 46-year-old.`, `," tweeted another.`, `," wrote one commenter.`: after a
    closed quote and its cue, a short phrase running to the end of the clause is the
    speaker even when it names no one (not `," said on Monday.`)."""
    words = words_in(text, start, limit)
    while words and words[-1].is_punct and words[-1].text != "-":
        words.pop()
    if not words or len(words) > 6 or any(w.is_punct and w.text != "-" for w in words):
        return None
    first = words[0].lower
    if first in _ADJUNCT_START or first in lex.word_class("boundary") or first in lex.word_class("temporal"):
        return None
    if not any(ch.isalpha() for ch in words[-1].text):
        return None
    return Mention(text[words[0].start : words[-1].end], words[0].start, words[-1].end)


def _with_relative(text: str, mention: Mention, limit: int, cue_starts: frozenset[int]) -> Mention:
    """`said a soldier who asked not to be named`, `said one resident whose house was hit`:
    a relative clause without a comma picks out the speaker; it runs to the clause's end,
    unless its verb reports a claim of its own (`who said that`)."""
    relative = RESTRICTIVE_RELATIVE.match(text, mention.end, limit)
    if relative is None:
        return mention
    words = words_in(text, relative.end(), limit)
    stop = next((i for i, w in enumerate(words) if w.is_punct and w.text != "-"), len(words))
    head = words[:stop][:4]
    if not stop or any(w.start in cue_starts and nxt.lower == "that" for w, nxt in pairwise(head)):
        return mention
    end = words[stop - 1].end
    return Mention(text[mention.start : end], mention.start, end)


def _with_appositive(
    text: str, mention: Mention, limit: int, lex: Lexicons, cue_starts: frozenset[int] = frozenset()
) -> Mention:
    """`said Chad Bown, an expert on trade at ...`: the appositive is part of the source,
    with a party and state or an age before it (`Rep. Jim Clyburn (D-S.C.), a member of
    ...`, `said Peter Hart, 25, a bank employee`). A relative clause whose verb is one of
    ``cue_starts`` with a clause after it reports a claim of its own and ends the appositive
    (`, who notes that`, `, who said rescue work was continuing`)."""
    boundary = lex.word_class("boundary")
    for m in _RELATIVE_AFTER_COMMA.finditer(text, mention.end, limit):
        head = words_in(text, m.end(), limit)[:4]
        # `, who notes that`, `, who said rescue work was continuing`: a verb of saying with a
        # clause or a hearer after it (not `, who spoke on condition of anonymity`)
        if any(
            w.start in cue_starts and (nxt.lower == "that" or not (nxt.is_punct or nxt.lower in boundary))
            for w, nxt in pairwise(head)
        ):
            limit = m.start()
            break
    with_relative = _with_relative(text, mention, limit, cue_starts)
    if with_relative is not mention:
        return _with_appositive(text, with_relative, limit, lex, cue_starts)
    rest = text[mention.end : limit]
    stripped = rest.rstrip(" .!?\"”’'")
    lead = _APPOSITIVE_LEAD.match(stripped)
    skip = lead.end() if lead is not None else 0
    if not stripped[skip:].startswith(","):
        if skip and not stripped[skip:].strip():
            return Mention(text[mention.start : mention.end + skip], mention.start, mention.end + skip)
        return mention
    words = words_in(text, mention.end + skip + 1, mention.end + len(stripped))
    # `said Rep. Cummings, the top Democrat on the committee, in a statement`: where it was
    # said ends the description
    cut = next(
        (
            i
            for i, (w, nxt) in enumerate(pairwise(words))
            if w.text == "," and nxt.lower in lex.word_class("governing")
        ),
        None,
    )
    if cut is not None:
        words = words[:cut]
    if not words or words[0].lower in lex.word_class("governing"):
        words = []
    if not words or len(words) > 40 or not _description(words, lex):
        if skip:
            end = mention.end + skip
            return Mention(text[mention.start : end], mention.start, end)
        return mention
    end = words[-1].end
    while end > mention.end and text[end - 1] in ",;":
        end -= 1
    return Mention(text[mention.start : end], mention.start, end)


def _description(words: list[Word], lex: Lexicons) -> bool:
    """Whether words after a name's comma describe it: they go on in lower case ("an
    expert on ...") or name a role ("Europe coordinator at ..."); `, Russia said` does
    neither."""
    if not words:
        return False
    if participle_aside(words, lex):
        return False  # `Caddell, speaking of Clinton's health`: what he was doing, not who he is
    return words[0].text[:1].islower() or any(w.lower in lex.roles for w in words[:4])


def _plain_phrase(text: str, start: int, limit: int) -> Mention | None:
    """The words up to the next punctuation ("according to the poll"): PolNeAR's source
    after "according to" is often a document or a poll, which names no one."""
    words = []
    for w in words_in(text, start, limit):
        if w.is_punct:
            break
        words.append(w)
    if not words or len(words) > 12:
        return None
    return Mention(text[words[0].start : words[-1].end], words[0].start, words[-1].end)


def _drop_nested_objects(drafts: list[Draft], open_starts: set[int]) -> list[Draft]:
    """A learned cue inside another claim's content is part of that claim, not a new one."""
    kept: list[Draft] = []
    for d in drafts:
        if d.cue is not None and (d.cue.entry.frame == "object" or d.cue.start in open_starts):
            c = d.cue.start
            if any(o is not d and o.start <= c < o.end for o in drafts):
                continue
        kept.append(d)
    return kept


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """Two finders may produce the same span (a quote inside reported speech): keep the first.

    A draft that inherits its speaker from a dropped twin inherits from the kept one
    instead (`tweeted ... and said ...`), or it would never be given a speaker."""
    kept: dict[tuple[int, int], Draft] = {}
    for d in drafts:
        kept.setdefault((d.start, d.end), d)
    unique = list(kept.values())
    for d in unique:
        if d.inherit is not None:
            d.inherit = kept.get((d.inherit.start, d.inherit.end), d.inherit)
    return unique
