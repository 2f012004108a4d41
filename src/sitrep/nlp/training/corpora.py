"""Convert the open corpora in shared/data into spaCy DocBins for training.

Layout written under ``<workdir>/corpus``::

    parser_train/ewt.spacy gum.spacy     UD EWT train + GUM train (CC BY genres)
    parser_dev/ewt.spacy gum.spacy       UD EWT dev + GUM dev (CC BY genres) - early stopping only
    ner_train/ewt.spacy gum.spacy re3d.spacy
                                         UNER draft train on the EWT train words (OTH -> NORP),
                                         GUM person/place/organization names, re3d (non-NC subsets)
    ner_dev/ewt.spacy                    UNER final dev on the EWT dev words - early stopping only

Test halves (EWT test, GUM test, UNER test, CoNLL-2003 testb) are never read
here; CoNLL-2003 train/testa are never read at all (no redistribution licence).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from sitrep.nlp.tokenizer import customize_tokenizer
from sitrep.nlp.training.conllu import (
    EntitySpan,
    Sentence,
    filter_genres,
    group_documents,
    gum_named_entities,
    read_conllu,
    sentences_to_doc,
)
from sitrep.nlp.training.iob import TaggedSentence, read_uner, uner_spans
from sitrep.nlp.training.labels import PlaceClassifier
from sitrep.nlp.training.re3d import RE3D_SHIPPABLE, re3d_to_doc, read_re3d

log = logging.getLogger(__name__)

SENTENCES_PER_DOC = 10


@dataclass(frozen=True, slots=True)
class SharedPaths:
    root: Path

    @property
    def ewt(self) -> Path:
        return self.root / "ud_english_ewt"

    @property
    def gum(self) -> Path:
        return self.root / "ud_english_gum"

    @property
    def uner(self) -> Path:
        return self.root / "uner_english_ewt"

    @property
    def re3d(self) -> Path:
        return self.root / "re3d"

    @property
    def conll(self) -> Path:
        return self.root / "conll2003_en"

    def check(self) -> None:
        for path in (self.ewt, self.gum, self.uner, self.re3d):
            if not path.is_dir():
                raise FileNotFoundError(f"shared data folder missing: {path}")


@dataclass(slots=True)
class CorpusStats:
    docs: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)

    def add(self, name: str, docs: Sequence[Doc]) -> None:
        self.docs[name] += len(docs)
        self.words[name] += sum(len(d) for d in docs)
        for doc in docs:
            for ent in doc.ents:
                self.entities[f"{name}:{ent.label_}"] += 1


def news_nlp() -> Language:
    """A blank English pipeline with sitrep's tokenizer rules (for conversion)."""
    return customize_tokenizer(spacy.blank("en"))


def norp_candidates(sentence: Sentence, taken: set[int]) -> list[tuple[int, int]]:
    """Tokens that may be NORP in a corpus that does not annotate it (to mark missing)."""
    out = []
    for i, word in enumerate(sentence.words):
        if i in taken:
            continue
        if (word.upos == "ADJ" and word.form[:1].isupper()) or word.xpos == "NNPS":
            out.append((i, i + 1))
    return out


def ewt_docs(
    nlp: Language,
    sentences: Iterable[Sentence],
    uner: dict[str, TaggedSentence],
    *,
    keep_oth: bool,
    places: PlaceClassifier,
) -> list[Doc]:
    """EWT documents (chunks of ``SENTENCES_PER_DOC``) with UNER entities attached by sent_id.

    A sentence with no UNER counterpart (or different words) is NER-missing.
    With ``keep_oth=False`` (final UNER files, which have no OTH) possible NORP
    tokens are marked missing instead of outside.
    """
    docs = []
    for group in group_documents(sentences, SENTENCES_PER_DOC):
        ents: list[list[EntitySpan]] = []
        missing: list[list[tuple[int, int]]] = []
        for sentence in group:
            tagged = uner.get(sentence.sent_id)
            forms = tuple(w.form for w in sentence.words)
            if tagged is None or tagged.tokens != forms:
                ents.append([])
                missing.append([(0, len(sentence.words))])
                continue
            spans = uner_spans(tagged.tags, keep_oth=keep_oth, place_label=places, tokens=tagged.tokens)
            ents.append(spans)
            taken = {i for s, e, _ in spans for i in range(s, e)}
            missing.append([] if keep_oth else norp_candidates(sentence, taken))
        docs.append(sentences_to_doc(nlp.vocab, group, entities=ents, missing=missing))
    return docs


def gum_docs(nlp: Language, sentences: Iterable[Sentence], places: PlaceClassifier) -> list[Doc]:
    docs = []
    for group in group_documents(sentences, SENTENCES_PER_DOC):
        ents: list[list[EntitySpan]] = []
        missing: list[list[tuple[int, int]]] = []
        for sentence in group:
            sent_ents, sent_missing = gum_named_entities(sentence, places)
            ents.append(sent_ents)
            missing.append(sent_missing)
        docs.append(sentences_to_doc(nlp.vocab, group, entities=ents, missing=missing))
    return docs


def _write(docs: Sequence[Doc], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)


def build_corpora(shared_root: Path, workdir: Path) -> CorpusStats:
    """Write all training/dev DocBins under ``workdir/corpus``; return counts."""
    shared = SharedPaths(shared_root)
    shared.check()
    nlp = news_nlp()
    places = PlaceClassifier.from_shared_data(shared_root)
    corpus = workdir / "corpus"
    stats = CorpusStats()

    log.info("reading UD EWT + UNER")
    uner_train = {s.sent_id: s for s in read_uner(shared.uner / "en_ewt-ud-train.DRAFT-0c7ce0d.iob2.gz")}
    uner_dev = {s.sent_id: s for s in read_uner(shared.uner / "en_ewt-ud-dev.iob2")}
    ewt_train = ewt_docs(
        nlp, read_conllu(shared.ewt / "en_ewt-ud-train.conllu.gz"), uner_train, keep_oth=True, places=places
    )
    ewt_dev = ewt_docs(
        nlp, read_conllu(shared.ewt / "en_ewt-ud-dev.conllu"), uner_dev, keep_oth=False, places=places
    )

    log.info("reading UD GUM (CC BY genres)")
    gum_train = gum_docs(nlp, filter_genres(read_conllu(shared.gum / "en_gum-ud-train.conllu.gz")), places)
    gum_dev = gum_docs(nlp, filter_genres(read_conllu(shared.gum / "en_gum-ud-dev.conllu")), places)

    log.info("reading re3d (%s)", ", ".join(RE3D_SHIPPABLE))
    re3d_train = [re3d_to_doc(nlp, d, places) for d in read_re3d(shared.re3d)]

    for name, docs, path in (
        ("parser_train/ewt", ewt_train, corpus / "parser_train" / "ewt.spacy"),
        ("parser_train/gum", gum_train, corpus / "parser_train" / "gum.spacy"),
        ("parser_dev/ewt", ewt_dev, corpus / "parser_dev" / "ewt.spacy"),
        ("parser_dev/gum", gum_dev, corpus / "parser_dev" / "gum.spacy"),
        ("ner_train/ewt", ewt_train, corpus / "ner_train" / "ewt.spacy"),
        ("ner_train/gum", gum_train, corpus / "ner_train" / "gum.spacy"),
        ("ner_train/re3d", re3d_train, corpus / "ner_train" / "re3d.spacy"),
        ("ner_dev/ewt", ewt_dev, corpus / "ner_dev" / "ewt.spacy"),
    ):
        _write(docs, path)
        stats.add(name, docs)
    return stats
