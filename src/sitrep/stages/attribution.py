"""The ``sitrep_attribution`` pipeline component: claims, speakers, sides, disclaimers.

It reads what earlier stages left on the Doc (``sitrep_dates``, ``sitrep_places``,
``sitrep_published``) and sets ``sitrep_claims`` and ``sitrep_disclaimers``. The rules
live in :mod:`sitrep.attribution`; this wrapper loads the lexicons and the actor
dictionary once, when the pipeline is built, and uses the parser's sentences and the
NER labels when the base model provides them.
"""

from __future__ import annotations

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
from sitrep.attribution.segments import sentences
from sitrep.attribution.speakers import SpeakerResolver
from sitrep.errors import UsageError
from sitrep.nlp import extensions as ext
from sitrep.nlp.pipeline import ROLE_MODELS
from sitrep.records import DateMention, Place


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
        )
        verbs: frozenset[int] = frozenset()
        if doc.has_annotation("TAG") or doc.has_annotation("POS"):
            verbs = frozenset(t.idx for t in doc if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"))
        frames = dep_frames(doc) if doc.has_annotation("DEP") else None
        open_cues = clausal_verbs(doc, self.extractor.lex) if frames is not None else None
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


def dep_frames(doc: Doc) -> dict[int, DepFrame]:
    """Subject and complement spans of every verb that has both, keyed by the verb's offset.

    Used only where the word rules find no frame for a cue (a clause the rules cannot
    tell from a noun phrase), so a parser adds recall without changing what rules find.
    """
    frames: dict[int, DepFrame] = {}
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") and not token.tag_.startswith("VB"):
            continue
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        complement = next((c for c in token.children if c.dep_ in _COMPLEMENTS and c.i > token.i), None)
        if subject is None or complement is None or subject.i > token.i:
            continue
        s = doc[subject.left_edge.i : subject.right_edge.i + 1]
        c = doc[complement.left_edge.i : complement.right_edge.i + 1]
        frames[token.idx] = ((s.start_char, s.end_char), (c.start_char, c.end_char))
    return frames


def clausal_verbs(doc: Doc, lex: Lexicons) -> list[CueMatch]:
    """Verbs outside the lexicon that take a subject and a clausal complement.

    "X VERB (that) S" reports what X says, thinks or finds whatever the verb; only a
    parser can tell that frame from a noun phrase, so these come only with one.
    """
    found: list[CueMatch] = []
    for token in doc:
        if token.pos_ != "VERB" and not token.tag_.startswith("VB"):
            continue
        children = list(token.children)
        subject = next((c for c in children if c.dep_ in _SUBJECTS and c.i < token.i), None)
        clause = next((c for c in children if c.dep_ == "ccomp" and c.i > token.i), None)
        if subject is None or clause is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
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
        form = " ".join(text[span.start : span.end].lower().split())
        if all(word in aux for word in form.split()):
            continue  # "is", "has": the auxiliary of a cue the tagger missed, never one alone
        found.append(CueMatch(span.start, span.end, cues.entry(form, span.score)))
    return found


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
