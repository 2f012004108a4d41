"""The ``sitrep_attribution`` pipeline component: claims, speakers, sides, disclaimers.

It reads what earlier stages left on the Doc (``sitrep_dates``, ``sitrep_places``,
``sitrep_published``) and sets ``sitrep_claims`` and ``sitrep_disclaimers``. The rules
live in :mod:`sitrep.attribution`; this wrapper loads the lexicons and the actor
dictionary once, when the pipeline is built, and uses the parser's sentences and the
NER labels when the base model provides them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.attrs import DEP, HEAD, IDX, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.attribution.actors import ActorDictionary
from sitrep.attribution.certainty import CertaintyRules
from sitrep.attribution.cue_model import CueModel, CueSpan
from sitrep.attribution.cues import CueFinder, CueMatch
from sitrep.attribution.extractor import AttributionExtractor, DepFrame
from sitrep.attribution.lexicon import CueEntry, Lexicons, load_lexicons
from sitrep.attribution.names import NameIndex
from sitrep.attribution.role_encoder import RoleEncoder
from sitrep.attribution.roles import RoleTagger, RoleView
from sitrep.attribution.segments import sentences, word_before, words_in
from sitrep.attribution.speakers import SpeakerResolver
from sitrep.errors import UsageError
from sitrep.nlp import extensions as ext
from sitrep.nlp.pipeline import ROLE_MODELS
from sitrep.records import DateMention, Place
from sitrep.times.finder import parse_published


class AttributionComponent:
    def __init__(
        self,
        extractor: AttributionExtractor,
        actors: ActorDictionary,
        cue_model: CueModel | None = None,
        role_tagger: RoleTagger | None = None,
        role_encoder: RoleEncoder | None = None,
        encoder_cues: bool = True,
        encoder_roles: bool = True,
    ) -> None:
        self.extractor = extractor
        self.actors = actors
        self.cue_model = cue_model
        self.role_tagger = role_tagger
        # the role encoder stands in for the role tagger (its scores, ``encoder_roles``)
        # and for the cue tagger (its cue runs, ``encoder_cues``)
        self.role_encoder = role_encoder
        self.encoder_cues = encoder_cues
        self.encoder_roles = encoder_roles
        self.names: NameIndex | None = None  # set by a batch owner to unify names across articles

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        dates_raw = getattr(doc._, ext.DATES)
        dates: list[DateMention] = list(dates_raw) if dates_raw is not None else []
        places: list[Place] = ext.get_list(doc, ext.PLACES)
        persons: list[tuple[int, int]] | None = None
        labels: dict[tuple[int, int], str] = {}
        if doc.has_annotation("ENT_IOB"):
            labels = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
        resolver = SpeakerResolver(
            text,
            self.extractor.lex,
            self.actors,
            places=[(p.start, p.mention) for p in places],
            persons=persons,
            entity_labels=labels,
            names=self.names,
            on=parse_published(getattr(doc._, ext.PUBLISHED)),
        )
        verbs: frozenset[int] = frozenset()
        frames: dict[int, DepFrame] | None = None
        open_cues: list[CueMatch] | None = None
        if any(doc.has_annotation(layer) for layer in ("TAG", "POS", "DEP")):
            parse = ParseView.of(doc)
            verbs = parse.verb_starts()
            if doc.has_annotation("DEP"):
                frames = dep_frames(doc, parse)
                open_cues = clausal_verbs(doc, self.extractor.lex, parse)
        extents: list[tuple[int, int]] = []
        roles: RoleView | None = None
        spans: list[CueSpan] | None = None
        if self.role_encoder is not None:
            scores, encoded = self.role_encoder.read(doc)
            roles = scores if self.encoder_roles else None
            spans = encoded if self.encoder_cues else None
        elif self.role_tagger is not None:
            roles = self.role_tagger.windows(doc)
        if spans is None and self.cue_model is not None:
            spans = self.cue_model.find(text)
        if spans is not None:
            extents = [(s.start, s.end) for s in spans]
            open_cues = [*(open_cues or []), *learned_cues(text, spans, self.extractor.cues, open_cues)]
        result = self.extractor.extract(
            text,
            sentences(doc, text, self.extractor.lex.word_class("abbreviation")),
            resolver,
            dates,
            getattr(doc._, ext.PUBLISHED),
            dates_from_stage=dates_raw is not None,
            verb_starts=verbs,
            dep_frames=frames,
            open_cues=open_cues,
            cue_extents=extents,
            roles=roles,
        )
        setattr(doc._, ext.CLAIMS, result.claims)
        setattr(doc._, ext.DISCLAIMERS, result.disclaimers)
        return doc


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "obj"})
_CLAUSE = frozenset({"ccomp"})


@dataclass(frozen=True, slots=True)
class ParseView:
    """A Doc's tags and parse read once, as plain lists.

    Iterating a Doc makes a Python Token per word, and ``token.children`` walks the
    sentence again: three such passes (the verbs, :func:`dep_frames`,
    :func:`clausal_verbs`) cost about 2 ms of an article's 37. One ``to_array`` and one
    loop over the heads give the same answers.
    """

    doc: Doc
    pos: list[str]
    tag: list[str]
    dep: list[str]
    verb: list[bool]  # VERB or AUX by POS, or a VB* Penn tag
    children: list[list[int]]  # in word order, as ``token.children`` gives them
    idx: list[int]  # each token's character offset

    @classmethod
    def of(cls, doc: Doc) -> ParseView:
        table = doc.to_array([POS, TAG, DEP, HEAD, IDX])
        strings = doc.vocab.strings

        def names(column: npt.NDArray[Any]) -> list[str]:
            # a few dozen distinct labels: look each up once, then index (no call per token)
            distinct, inverse = np.unique(column, return_inverse=True)
            labels = [strings[value] if value else "" for value in distinct.tolist()]
            return [labels[i] for i in inverse.tolist()]

        pos, tag, dep = names(table[:, 0]), names(table[:, 1]), names(table[:, 2])
        children: list[list[int]] = [[] for _ in range(len(doc))]
        for i, offset in enumerate(table[:, 3].astype(np.int64).tolist()):
            if offset:
                children[i + offset].append(i)
        verb = [p in ("VERB", "AUX") or t.startswith("VB") for p, t in zip(pos, tag, strict=True)]
        return cls(doc, pos, tag, dep, verb, children, table[:, 4].astype(np.int64).tolist())

    def verb_starts(self) -> frozenset[int]:
        idx = self.idx
        return frozenset(idx[i] for i, is_verb in enumerate(self.verb) if is_verb)

    def first_child(self, head: int, labels: frozenset[str], after: bool | None = None) -> int | None:
        """The first child of ``head`` with one of ``labels`` (``after``: only children after
        it, or only before it)."""
        for child in self.children[head]:
            if after is not None and (child > head) != after:
                continue
            if self.dep[child] in labels:
                return child
        return None

    def extent(self, i: int) -> tuple[int, int]:
        token = self.doc[i]
        return token.left_edge.idx, (right := token.right_edge).idx + len(right.text)


def dep_frames(doc: Doc, parse: ParseView | None = None) -> dict[int, DepFrame]:
    """Subject and complement spans of every verb that has both, keyed by the verb's offset.

    Used only where the word rules find no frame for a cue (a clause the rules cannot
    tell from a noun phrase), so a parser adds recall without changing what rules find.
    """
    parse = parse or ParseView.of(doc)
    frames: dict[int, DepFrame] = {}
    for i, is_verb in enumerate(parse.verb):
        if not is_verb:
            continue
        subject = parse.first_child(i, _SUBJECTS)
        complement = parse.first_child(i, _COMPLEMENTS, after=True)
        if subject is None or complement is None or subject > i:
            continue
        frames[parse.idx[i]] = (parse.extent(subject), parse.extent(complement))
    return frames


def clausal_verbs(doc: Doc, lex: Lexicons, parse: ParseView | None = None) -> list[CueMatch]:
    """Verbs outside the lexicon that take a subject and a clausal complement.

    "X VERB (that) S" reports what X says, thinks or finds whatever the verb; only a
    parser can tell that frame from a noun phrase, so these come only with one.
    """
    parse = parse or ParseView.of(doc)
    found: list[CueMatch] = []
    for i in range(len(parse.pos)):
        if parse.pos[i] != "VERB" and not parse.tag[i].startswith("VB"):
            continue
        subject = parse.first_child(i, _SUBJECTS, after=False)
        clause = parse.first_child(i, _CLAUSE, after=True)
        if subject is None or clause is None or parse.pos[subject] not in ("PROPN", "NOUN", "PRON"):
            continue
        token = doc[i]
        lower = token.text.lower()
        lemma = token.lemma_.lower() or lower
        found.append(
            CueMatch(token.idx, token.idx + len(token.text), CueEntry(lower, lemma, "assert", "speech"))
        )
    return found


def learned_cues(
    text: str, spans: list[CueSpan], cues: CueFinder, taken: list[CueMatch] | None = None
) -> list[CueMatch]:
    """The cue tagger's spans as cue matches, for the extractor to use where the lexicon
    has no cue (it drops any that start at or inside a lexicon cue).

    A span the lexicon knows by its form keeps the lexicon's entry (stance, frame);
    any other reads as ``object``, the frame of the learned forms: PolNeAR's content of
    such a cue may be a clause or a noun phrase.
    """
    aux = cues.lex.word_class("aux")
    taken_spans = [(c.start, c.end) for c in taken or []]
    found: list[CueMatch] = []
    for span in spans:
        if any(s < span.end and span.start < e for s, e in taken_spans):
            continue
        words = words_in(text, span.start, span.end)
        if len(words) > 1 and _noun_head(text, words[0].start):
            # "The [release said]", "Ivana Trump's [brief said]": after an article or a
            # possessive the span's first word is its subject's noun, when the rest is a verb
            # of saying the lexicon knows (a nominal cue keeps its words: "the [intense
            # criticism of]")
            rest = " ".join(w.lower for w in words[1:])
            if cues.hand_entry(rest) is not None:
                span = CueSpan(words[1].start, span.end, span.score)
        form = " ".join(text[span.start : span.end].lower().split())
        if _reduced_passive(text, span, form, cues):
            continue
        if all(word in aux or word in ("not", "n't", "never") for word in form.split()):
            # "is", "has", "does not": the auxiliary of a cue the tagger missed, never one alone
            continue
        found.append(CueMatch(span.start, span.end, cues.entry(form, span.score)))
    return found


def _reduced_passive(text: str, span: CueSpan, form: str, cues: CueFinder) -> bool:
    """ "Images [published] by Maxar showed ...", "Satellite [images] published by Maxar
    showed ...": a participle with "by" after a noun, and that noun, are the subject of the
    verb after them, never a cue ("was published by" is a passive and stays). Looser than
    the subject reading's ``_reduced_passive_by``: "When pressed by Holt" has no noun before
    the participle, yet "pressed" is no cue either."""
    if cues.hand_entry(form) is not None or " " in form:
        return False
    after = words_in(text, span.end, min(len(text), span.end + 40))[:2]
    if not after:
        return False
    if after[0].lower == "by":
        return form.endswith("ed") and word_before(text, span.start) not in cues.lex.word_class("be")
    return len(after) == 2 and after[0].lower.endswith("ed") and after[1].lower == "by"


def _noun_head(text: str, offset: int) -> bool:
    """Whether an article or a possessive stands right before ``offset`` (not "this" or
    "last": "the Supreme Court [this month rejected]" is time, not a noun phrase)."""
    word = word_before(text, offset)
    return word in ("the", "a", "an") or word.endswith(("'s", "’s"))


@Language.factory(
    "sitrep_attribution",
    assigns=["doc._.sitrep_claims", "doc._.sitrep_disclaimers"],
    requires=[],
    default_config={"learned_cues": True, "learned_roles": True, "role_model": "tagger"},
)
def make_attribution(
    nlp: Language,
    name: str,
    learned_cues: bool = True,
    learned_roles: bool = True,
    role_model: str = "tagger",
) -> AttributionComponent:
    """``learned_cues``: also take learned cues where the lexicon has none;
    ``learned_roles``: frame cues no rule frames from learned role runs;
    ``role_model``: which model gives both, ``tagger`` (the cue tagger and the CNN role
    tagger, the default: cheap enough for sitrep's throughput targets) or ``encoder``
    (the fine-tuned MiniLM: more accurate, and about 0.2 s of one core per 1,000-word
    article, several times what the rest of the default pipeline costs)."""
    if role_model not in ROLE_MODELS:
        raise UsageError(f"role_model must be one of {', '.join(ROLE_MODELS)}, not {role_model!r}")
    ext.register()
    lex = load_lexicons()
    cues = CueFinder(lex)
    encoder = RoleEncoder() if role_model == "encoder" and (learned_cues or learned_roles) else None
    model = CueModel.load(cues.forms) if learned_cues and encoder is None else None
    open_score = 1.0  # no learned cues: no frame-less reading
    if encoder is not None and learned_cues:
        open_score = encoder.cues.open_frame_threshold
    elif model is not None:
        open_score = model.open_frame_threshold
    extractor = AttributionExtractor(lex, cues, CertaintyRules(lex), open_score)
    tagger = RoleTagger.load() if learned_roles and encoder is None else None
    return AttributionComponent(
        extractor,
        ActorDictionary.load(),
        model,
        tagger,
        encoder,
        encoder_cues=learned_cues,
        encoder_roles=learned_roles,
    )
