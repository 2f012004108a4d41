"""Evaluate a spaCy pipeline on held-out test splits (``sitrep eval nlp``).

Test data (never used for training or tuning of the shipped model):

* parsing / tagging / sentences: UD English EWT test, UD English GUM test;
* NER: UNER English-EWT test (PER/ORG/LOC), CoNLL-2003 ``eng.testb``
  (PER/ORG/LOC; MISC is not scored) as a cross-domain test.

Protocol. Words are the gold words of the test file (``Doc(words, spaces)``,
the "gold tokenization" condition of the CoNLL 2018 shared task), documents
are whole treebank documents (EWT/GUM ``newdoc``; each CoNLL sentence alone),
and everything else — sentence boundaries, tags, heads, entities — is
predicted. UAS/LAS count every word (punctuation included; ``*_nopunct``
exclude gold PUNCT) and LAS compares the full relation label (``nsubj:pass``
must match). Sentence boundaries are scored as exact (start, end) spans.
Entities must match gold exactly in span and label after mapping the
model's labels with :data:`sitrep.nlp.training.labels.EVAL_MAP` (PERSON->PER,
GPE/LOC->LOC, ORG; NORP and other labels are not scored).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp.training.conllu import Sentence, group_documents, read_conllu
from sitrep.nlp.training.iob import TaggedSentence, iob_to_spans, read_conll2003, read_uner
from sitrep.nlp.training.labels import EVAL_MAP

EVAL_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    correct: int

    @classmethod
    def from_counts(cls, correct: int, predicted: int, gold: int) -> PRF:
        p = correct / predicted if predicted else 0.0
        r = correct / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(round(p, 4), round(r, 4), round(f, 4), gold, predicted, correct)


@dataclass(frozen=True, slots=True)
class ParseScores:
    corpus: str
    documents: int
    sentences: int
    words: int
    upos: float
    xpos: float
    lemma: float
    uas: float
    las: float
    uas_nopunct: float
    las_nopunct: float
    sentences_prf: PRF


@dataclass(frozen=True, slots=True)
class NerScores:
    corpus: str
    documents: int
    words: int
    per_label: dict[str, PRF]
    micro: PRF


@dataclass(frozen=True, slots=True)
class NlpEvaluation:
    model: str
    parse: tuple[ParseScores, ...]
    ner: tuple[NerScores, ...]
    seconds: float
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        def prf(x: PRF) -> dict[str, float | int]:
            return {
                "precision": x.precision,
                "recall": x.recall,
                "f1": x.f1,
                "gold": x.gold,
                "predicted": x.predicted,
                "correct": x.correct,
            }

        return {
            "model": self.model,
            "seconds": round(self.seconds, 1),
            "parse": [
                {
                    "corpus": p.corpus,
                    "documents": p.documents,
                    "sentences": p.sentences,
                    "words": p.words,
                    "upos": p.upos,
                    "xpos": p.xpos,
                    "lemma": p.lemma,
                    "uas": p.uas,
                    "las": p.las,
                    "uas_nopunct": p.uas_nopunct,
                    "las_nopunct": p.las_nopunct,
                    "sentence_boundaries": prf(p.sentences_prf),
                }
                for p in self.parse
            ],
            "ner": [
                {
                    "corpus": n.corpus,
                    "documents": n.documents,
                    "words": n.words,
                    "micro": prf(n.micro),
                    "per_label": {k: prf(v) for k, v in n.per_label.items()},
                }
                for n in self.ner
            ],
            "notes": list(self.notes),
        }


# ----------------------------------------------------------------------------- helpers


def _gold_doc(nlp: Language, words: Sequence[str], spaces: Sequence[bool]) -> Doc:
    return Doc(nlp.vocab, words=list(words), spaces=list(spaces))


def _sentence_words(sentences: Sequence[Sentence]) -> tuple[list[str], list[bool]]:
    words: list[str] = []
    spaces: list[bool] = []
    for i, sentence in enumerate(sentences):
        for j, word in enumerate(sentence.words):
            words.append(word.form)
            last = j == len(sentence.words) - 1
            spaces.append(True if last and i < len(sentences) - 1 else word.space_after)
    if spaces:
        spaces[-1] = False
    return words, spaces


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


# ----------------------------------------------------------------------------- parsing


def _paragraph_starts(doc: Doc, group: Sequence[Sentence]) -> Doc:
    """Mark the words that begin a paragraph as sentence starts before the pipeline runs.

    Raw text shows a paragraph break as a blank line, and the CoNLL 2018 shared task's raw
    input kept them; sitrep's own pipelines read a blank line as a sure sentence start
    (:mod:`sitrep.nlp.paragraphs`). Given gold words there is no text to show it in, so it
    is given the way that component gives it: ``is_sent_start`` set, which spaCy's parser and
    the accurate annotator respect. Nothing else about the sentences is given."""
    offset = 0
    for sentence in group:
        if sentence.paragraph_start and offset:
            doc[offset].is_sent_start = True
        offset += len(sentence.words)
    return doc


def score_parse(
    nlp: Language,
    name: str,
    sentences: Iterable[Sentence],
    *,
    batch_size: int = 16,
    paragraphs: bool = True,
) -> ParseScores:
    """UPOS/XPOS/lemma/UAS/LAS and sentence spans; ``paragraphs``: paragraph breaks given
    (see :func:`_paragraph_starts`), as raw text has them."""
    documents = list(group_documents(sentences))
    inputs = [_gold_doc(nlp, *_sentence_words(group)) for group in documents]
    if paragraphs:
        inputs = [_paragraph_starts(doc, group) for doc, group in zip(inputs, documents, strict=True)]
    counts: Counter[str] = Counter()
    for group, doc in zip(documents, nlp.pipe(inputs, batch_size=batch_size), strict=True):
        offset = 0
        gold_sents: set[tuple[int, int]] = set()
        for sentence in group:
            gold_sents.add((offset, offset + len(sentence.words)))
            for k, word in enumerate(sentence.words):
                token = doc[offset + k]
                gold_head = offset + word.head - 1 if word.head else offset + k
                gold_dep = "root" if word.head == 0 else word.deprel
                pred_dep = token.dep_.lower() if token.dep_ != "ROOT" else "root"
                head_ok = token.head.i == gold_head
                label_ok = head_ok and pred_dep == gold_dep.lower()
                punct = word.upos == "PUNCT"
                counts["words"] += 1
                counts["upos"] += token.pos_ == word.upos
                counts["xpos"] += token.tag_ == word.xpos
                counts["lemma"] += token.lemma_ == word.lemma
                counts["uas"] += head_ok
                counts["las"] += label_ok
                if not punct:
                    counts["words_np"] += 1
                    counts["uas_np"] += head_ok
                    counts["las_np"] += label_ok
            offset += len(sentence.words)
        pred_sents = {(s.start, s.end) for s in doc.sents}
        counts["sent_gold"] += len(gold_sents)
        counts["sent_pred"] += len(pred_sents)
        counts["sent_ok"] += len(gold_sents & pred_sents)
    words = counts["words"]
    return ParseScores(
        corpus=name,
        documents=len(documents),
        sentences=counts["sent_gold"],
        words=words,
        upos=_ratio(counts["upos"], words),
        xpos=_ratio(counts["xpos"], words),
        lemma=_ratio(counts["lemma"], words),
        uas=_ratio(counts["uas"], words),
        las=_ratio(counts["las"], words),
        uas_nopunct=_ratio(counts["uas_np"], counts["words_np"]),
        las_nopunct=_ratio(counts["las_np"], counts["words_np"]),
        sentences_prf=PRF.from_counts(counts["sent_ok"], counts["sent_pred"], counts["sent_gold"]),
    )


# ----------------------------------------------------------------------------- NER


@dataclass(frozen=True, slots=True)
class NerItem:
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    gold: tuple[tuple[int, int, str], ...]  # PER/ORG/LOC spans


def score_ner(nlp: Language, name: str, items: Sequence[NerItem], *, batch_size: int = 64) -> NerScores:
    correct: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    words = 0
    inputs = (_gold_doc(nlp, item.words, item.spaces) for item in items)
    for item, doc in zip(items, nlp.pipe(inputs, batch_size=batch_size), strict=True):
        words += len(doc)
        gold_set = {g for g in item.gold if g[2] in EVAL_LABELS}
        pred_set = set()
        for ent in doc.ents:
            label = EVAL_MAP.get(ent.label_)
            if label in EVAL_LABELS:
                pred_set.add((ent.start, ent.end, label))
        for span in gold_set:
            gold[span[2]] += 1
        for span in pred_set:
            predicted[span[2]] += 1
            if span in gold_set:
                correct[span[2]] += 1
    per_label = {
        label: PRF.from_counts(correct[label], predicted[label], gold[label]) for label in EVAL_LABELS
    }
    micro = PRF.from_counts(sum(correct.values()), sum(predicted.values()), sum(gold.values()))
    return NerScores(corpus=name, documents=len(items), words=words, per_label=per_label, micro=micro)


def uner_items(conllu: Path, iob2: Path) -> list[NerItem]:
    """UNER test spans on the UD EWT test words, one item per EWT document."""
    tags = {t.sent_id: t for t in read_uner(iob2)}
    items: list[NerItem] = []
    for group in group_documents(read_conllu(conllu)):
        words: list[str] = []
        spaces: list[bool] = []
        spans: list[tuple[int, int, str]] = []
        for sentence in group:
            tagged = tags.get(sentence.sent_id)
            if tagged is None:
                raise ValueError(f"UNER has no sentence {sentence.sent_id}")
            forms = tuple(w.form for w in sentence.words)
            offset = len(words)
            if tagged.tokens == forms:
                words.extend(forms)
                spaces.extend(w.space_after for w in sentence.words)
            else:  # a few sentences were re-tokenized in UD after UNER was made: use UNER's words
                words.extend(tagged.tokens)
                spaces.extend([True] * len(tagged.tokens))
            spaces[-1] = True
            cleaned = ["O" if t in ("B-O", "I-O") else t for t in tagged.tags]
            spans.extend((offset + s, offset + e, label) for s, e, label in iob_to_spans(cleaned))
        spaces[-1] = False
        items.append(NerItem(tuple(words), tuple(spaces), tuple(spans)))
    return items


def conll_items(sentences: Iterable[TaggedSentence]) -> list[NerItem]:
    items = []
    for sentence in sentences:
        spaces = tuple([True] * (len(sentence.tokens) - 1) + [False])
        items.append(NerItem(sentence.tokens, spaces, tuple(iob_to_spans(sentence.tags))))
    return items


# ----------------------------------------------------------------------------- driver


def _limited(items: Iterable[Sentence], limit: int | None) -> Iterator[Sentence]:
    """First ``limit`` documents' sentences (whole documents)."""
    if not limit:
        yield from items
        return
    docs = 0
    last = None
    for sentence in items:
        if sentence.doc_id != last:
            docs += 1
            last = sentence.doc_id
            if docs > limit:
                return
        yield sentence


def evaluate_nlp(
    nlp: Language,
    shared: Path,
    *,
    model_name: str = "",
    limit: int | None = None,
    corpora: Sequence[str] = ("ewt", "gum", "uner", "conll"),
    split: str = "test",
    paragraphs: bool = True,
) -> NlpEvaluation:
    """Score ``nlp`` on the test splits under ``shared`` (a shared/data folder).

    ``limit`` caps the number of documents (sentences for CoNLL) per corpus, for smoke tests.
    ``split="dev"`` reads the dev halves instead (the evaluation gate's; CoNLL-2003 then
    reads ``eng.testa``): the test halves stay for the figures a release reports.
    ``paragraphs=False`` hides the treebanks' paragraph breaks from the pipeline, as the
    figures in docs/model.md before the fourteenth session were measured.
    """
    if split not in ("dev", "test"):
        raise ValueError(f"split must be 'dev' or 'test', not {split!r}")
    started = time.monotonic()
    parse: list[ParseScores] = []
    ner: list[NerScores] = []
    notes: list[str] = []
    for key, treebank in (("ewt", "ud_english_ewt/en_ewt"), ("gum", "ud_english_gum/en_gum")):
        if key in corpora:
            sentences = _limited(read_conllu(shared / f"{treebank}-ud-{split}.conllu"), limit)
            name = f"UD_English-{key.upper()} {split}"
            parse.append(score_parse(nlp, name, sentences, paragraphs=paragraphs))
    if "uner" in corpora:
        items = uner_items(
            shared / "ud_english_ewt" / f"en_ewt-ud-{split}.conllu",
            shared / "uner_english_ewt" / f"en_ewt-ud-{split}.iob2",
        )
        ner.append(score_ner(nlp, f"UNER English-EWT {split}", items[:limit] if limit else items))
    if "conll" in corpora:
        conll = shared / "conll2003_en" / ("eng.testb" if split == "test" else "eng.testa")
        if conll.is_file():
            items = conll_items(read_conll2003(conll))
            ner.append(
                score_ner(nlp, f"CoNLL-2003 {conll.name} (cross-domain)", items[:limit] if limit else items)
            )
        else:
            notes.append(f"{conll} not found: CoNLL-2003 skipped")
    if not paragraphs and ("ewt" in corpora or "gum" in corpora):
        notes.append("paragraph breaks not given: sentence starts all predicted")
    if limit:
        notes.append(f"limited to the first {limit} documents per corpus: not comparable to full figures")
    return NlpEvaluation(
        model=model_name or str(nlp.meta.get("name", "")),
        parse=tuple(parse),
        ner=tuple(ner),
        seconds=time.monotonic() - started,
        notes=tuple(notes),
    )


def format_report(result: NlpEvaluation) -> str:
    lines = [f"model: {result.model}   ({result.seconds:.0f} s)"]
    lines.append("")
    lines.append(
        f"{'corpus':<24} {'words':>7} {'UPOS':>6} {'XPOS':>6} {'lemma':>6} {'UAS':>6} {'LAS':>6} "
        f"{'UAS-p':>6} {'LAS-p':>6} {'sentP':>6} {'sentR':>6} {'sentF':>6}"
    )
    for p in result.parse:
        s = p.sentences_prf
        lines.append(
            f"{p.corpus:<24} {p.words:>7} {p.upos:>6.4f} {p.xpos:>6.4f} {p.lemma:>6.4f} {p.uas:>6.4f} "
            f"{p.las:>6.4f} {p.uas_nopunct:>6.4f} {p.las_nopunct:>6.4f} {s.precision:>6.4f} "
            f"{s.recall:>6.4f} {s.f1:>6.4f}"
        )
    for n in result.ner:
        lines.append("")
        lines.append(f"{n.corpus}  ({n.documents} docs, {n.words} words)")
        lines.append(f"  {'label':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
        for label, prf in [*n.per_label.items(), ("micro", n.micro)]:
            lines.append(
                f"  {label:<6} {prf.precision:>6.4f} {prf.recall:>6.4f} {prf.f1:>6.4f} "
                f"{prf.gold:>6} {prf.predicted:>6}"
            )
    for note in result.notes:
        lines.append(f"note: {note}")
    return "\n".join(lines)
