"""CoNLL-U reading and conversion to spaCy ``Doc`` objects (UD EWT, UD GUM).

Only what training needs is kept: the syntactic words of each sentence (the
parts of a multi-word token such as ``don't`` -> ``do`` + ``n't``), their UPOS,
XPOS, features, lemma, head and relation, whether a space follows, and the raw
MISC column (GUM's entity annotation lives there). Empty nodes (``8.1``) are
skipped. The text of a built ``Doc`` is the sentence text rebuilt from
``SpaceAfter=No``, so it equals the treebank's ``# text`` line whenever the
parts of each multi-word token spell the surface token.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# GUM genres whose texts are CC BY (or public domain): see ud_english_gum/LICENSE.txt.
# The issue names exactly these; everything else (fiction and wikiHow "whow" are
# CC BY-NC-SA; the rest are not named) stays out of anything shipped.
GUM_CC_BY_GENRES: frozenset[str] = frozenset(
    {"news", "interview", "bio", "voyage", "textbook", "vlog", "speech"}
)


@dataclass(frozen=True, slots=True)
class Word:
    """One syntactic word of a CoNLL-U sentence (1-based ``id``; ``head`` 0 = root)."""

    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    misc: str
    space_after: bool


@dataclass(slots=True)
class Sentence:
    sent_id: str
    doc_id: str
    text: str
    words: list[Word] = field(default_factory=list)
    # the first sentence of a document or paragraph (``# newdoc`` / ``# newpar``): raw text
    # shows a paragraph break there, which a pipeline may read as a sure sentence start
    paragraph_start: bool = False

    @property
    def genre(self) -> str:
        return gum_genre(self.doc_id or self.sent_id)


def _open_text(path: Path) -> Iterator[str]:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            yield from handle
    else:
        with path.open(encoding="utf-8") as handle:
            yield from handle


def _misc_has(misc: str, key_value: str) -> bool:
    return misc != "_" and key_value in misc.split("|")


def parse_conllu(lines: Iterable[str]) -> Iterator[Sentence]:
    """Yield the sentences of CoNLL-U text given as lines."""
    doc_id = ""
    sent_id = ""
    text = ""
    new_paragraph = False
    words: list[Word] = []
    # multi-word token ranges: last word id -> (first word id, SpaceAfter of the surface token)
    ranges: dict[int, tuple[int, bool]] = {}

    def flush() -> Sentence | None:
        if not words:
            return None
        inside: set[int] = set()
        for last, (first, _space) in ranges.items():
            inside.update(range(first, last))
        fixed: list[Word] = []
        for word in words:
            space = word.space_after
            if word.id in inside:
                space = False
            elif word.id in ranges:
                space = ranges[word.id][1]
            fixed.append(
                Word(
                    word.id,
                    word.form,
                    word.lemma,
                    word.upos,
                    word.xpos,
                    word.feats,
                    word.head,
                    word.deprel,
                    word.misc,
                    space,
                )
            )
        return Sentence(sent_id=sent_id, doc_id=doc_id, text=text, words=fixed, paragraph_start=new_paragraph)

    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip():
            sentence = flush()
            if sentence is not None:
                yield sentence
                new_paragraph = False
            words, ranges, text, sent_id = [], {}, "", ""
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            if body.startswith("newdoc"):
                doc_id = body.split("=", 1)[1].strip() if "=" in body else doc_id
                new_paragraph = True
            elif body == "newpar" or body.startswith(("newpar id", "newpar =")):
                new_paragraph = True  # not GUM's "newpar_block" (markup of the paragraph)
            elif body.startswith("sent_id"):
                sent_id = body.split("=", 1)[1].strip()
            elif body.startswith("text ="):
                text = body.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"bad CoNLL-U line (expected 10 columns): {line!r}")
        ident = cols[0]
        if "." in ident:  # empty node of the enhanced graph
            continue
        if "-" in ident:
            first, last = (int(x) for x in ident.split("-"))
            ranges[last] = (first, not _misc_has(cols[9], "SpaceAfter=No"))
            continue
        head = int(cols[6]) if cols[6] not in ("_", "") else 0
        words.append(
            Word(
                id=int(ident),
                form=cols[1],
                lemma=cols[2],
                upos=cols[3],
                xpos=cols[4],
                feats=cols[5],
                head=head,
                deprel=cols[7],
                misc=cols[9],
                space_after=not _misc_has(cols[9], "SpaceAfter=No"),
            )
        )
    sentence = flush()
    if sentence is not None:
        yield sentence


def read_conllu(path: Path) -> Iterator[Sentence]:
    yield from parse_conllu(_open_text(path))


def gum_genre(identifier: str) -> str:
    """``GUM_news_afghan-3`` -> ``news``; empty string when not a GUM id."""
    match = re.match(r"GUM_([a-z]+)_", identifier)
    return match.group(1) if match else ""


def filter_genres(
    sentences: Iterable[Sentence], genres: frozenset[str] = GUM_CC_BY_GENRES
) -> Iterator[Sentence]:
    """Keep only GUM sentences whose document genre is in ``genres``."""
    for sentence in sentences:
        if sentence.genre in genres:
            yield sentence


def group_documents(sentences: Iterable[Sentence], max_sentences: int = 0) -> Iterator[list[Sentence]]:
    """Group consecutive sentences by document id, optionally in chunks of ``max_sentences``."""
    current: list[Sentence] = []
    for sentence in sentences:
        if current and (
            sentence.doc_id != current[-1].doc_id or (max_sentences and len(current) >= max_sentences)
        ):
            yield current
            current = []
        current.append(sentence)
    if current:
        yield current


# (surface text of a place name, Wikipedia identity or "") -> "GPE" or "LOC"
PlaceLabeller = Callable[[str, str], str]
EntitySpan = tuple[int, int, str]  # token start, token end (exclusive), label; doc-level indices


def sentences_to_doc(
    vocab: Vocab,
    sentences: Sequence[Sentence],
    *,
    entities: Sequence[Sequence[EntitySpan]] | None = None,
    missing: Sequence[Sequence[tuple[int, int]]] | None = None,
    with_syntax: bool = True,
) -> Doc:
    """Build one ``Doc`` from sentences.

    ``entities`` / ``missing`` are given per sentence with sentence-relative
    token offsets; when ``entities`` is None the document carries no NER
    annotation at all (every token missing). Sentence roots get the label
    ``ROOT`` (spaCy's convention) and point to themselves.
    """
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool] = []
    offsets: list[int] = []
    for index, sentence in enumerate(sentences):
        offset = len(words)
        offsets.append(offset)
        for position, word in enumerate(sentence.words):
            words.append(word.form)
            last = position == len(sentence.words) - 1
            spaces.append(True if last and index < len(sentences) - 1 else word.space_after)
            tags.append("" if word.xpos == "_" else word.xpos)
            pos.append("" if word.upos == "_" else word.upos)
            morphs.append("" if word.feats == "_" else word.feats)
            lemmas.append("" if word.lemma == "_" and word.form != "_" else word.lemma)
            if word.head == 0:
                heads.append(offset + position)
                deps.append("ROOT")
            else:
                heads.append(offset + word.head - 1)
                deps.append(word.deprel)
            sent_starts.append(position == 0)
        if sentence.words and not spaces[-1] and index < len(sentences) - 1:
            spaces[-1] = True
    if sentences and words:
        spaces[-1] = False
    kwargs: dict[str, object] = {"words": words, "spaces": spaces}
    if with_syntax:
        kwargs.update(tags=tags, pos=pos, morphs=morphs, lemmas=lemmas, heads=heads, deps=deps)
    else:
        kwargs.update(sent_starts=sent_starts)
    doc = Doc(vocab, **kwargs)  # type: ignore[arg-type]
    if entities is not None:
        spans: list[Span] = []
        gaps: list[Span] = []
        for offset, sent_ents in zip(offsets, entities, strict=True):
            spans.extend(Span(doc, offset + s, offset + e, label=label) for s, e, label in sent_ents)
        if missing is not None:
            for offset, sent_missing in zip(offsets, missing, strict=True):
                gaps.extend(Span(doc, offset + s, offset + e) for s, e in sent_missing)
        spans = _drop_overlaps(spans)
        covered = {i for span in spans for i in range(span.start, span.end)}
        gaps = [gap for gap in gaps if not any(i in covered for i in range(gap.start, gap.end))]
        doc.set_ents(spans, missing=gaps, default="outside")
    return doc


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        kept.append(span)
        taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


# --------------------------------------------------------------------------- GUM entities

_ENTITY_OPEN = re.compile(r"\((\d+)-([a-z]+)-([^()]*)")
_ENTITY_CLOSE = re.compile(r"(\d+)\)")


@dataclass(frozen=True, slots=True)
class Mention:
    """A GUM entity mention: sentence-relative token span, type and Wikipedia identity."""

    start: int
    end: int  # exclusive
    etype: str
    identity: str


def gum_mentions(sentence: Sentence) -> list[Mention]:
    """Parse the ``Entity=`` MISC annotation of one GUM sentence into mentions.

    Opening brackets look like ``(12-place-new-nnnnn-cf6-2,5-sgl-DAR_Constitution_Hall``
    (fields: id, type, infstat, salience, centering, minspan, link, identity);
    ``12)`` closes; ``(7-time-...)`` is a one-token mention. Mentions cut by a
    sentence break (rare) are dropped.
    """
    mentions: list[Mention] = []
    stack: dict[str, list[tuple[int, str, str]]] = {}
    for position, word in enumerate(sentence.words):
        entity = ""
        for part in word.misc.split("|"):
            if part.startswith("Entity="):
                entity = part[len("Entity=") :]
        if not entity:
            continue
        pos = 0
        while pos < len(entity):
            if entity[pos] == "(":
                match = _ENTITY_OPEN.match(entity, pos)
                if not match:
                    pos += 1
                    continue
                ident, etype, rest = match.group(1), match.group(2), match.group(3)
                fields = rest.split("-")
                # infstat-salience-centering-minspan-link[-identity]; identity may contain "-"
                identity = "-".join(fields[5:]) if len(fields) > 5 else ""
                end = match.end()
                if end < len(entity) and entity[end] == ")":  # single-token mention
                    mentions.append(Mention(position, position + 1, etype, identity))
                    end += 1
                else:
                    stack.setdefault(ident, []).append((position, etype, identity))
                pos = end
            else:
                match = _ENTITY_CLOSE.match(entity, pos)
                if not match:
                    pos += 1
                    continue
                ident = match.group(1)
                if stack.get(ident):
                    start, etype, identity = stack[ident].pop()
                    mentions.append(Mention(start, position + 1, etype, identity))
                pos = match.end()
    return mentions


_NAME_CONNECTORS = frozenset(
    {
        "of",
        "the",
        "and",
        "&",
        "for",
        "de",
        "du",
        "des",
        "la",
        "le",
        "von",
        "van",
        "der",
        "al",
        "el",
        "bin",
        "-",
        "'s",
        "’s",
        "on",
        "in",
        "at",
        "upon",
        "da",
        "di",
        "y",
        ".",
    }
)
_LEADING_DETERMINERS = frozenset({"the", "The", "THE"})
GUM_NER_TYPES: dict[str, str] = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}


_NAME_EDGE_UPOS = frozenset({"PROPN", "ADJ", "NOUN", "NUM", "X"})


def _capitalised(form: str) -> bool:
    return form[:1].isupper() or form[:1].isdigit()


def name_span(words: Sequence[Word], start: int, end: int) -> tuple[int, int] | None:
    """The part of a mention that is a proper name, or None.

    A leading ``the`` is dropped; what remains must start and end with a
    capitalised PROPN (or a capitalised word tagged otherwise, as in
    ``Daughters of the American Revolution``) and contain only capitalised words
    and name connectors (``of``, ``the``, ``al``, ``-`` ...).
    """
    while start < end and words[start].form in _LEADING_DETERMINERS:
        start += 1
    if start >= end:
        return None
    span = words[start:end]
    if not any(w.upos == "PROPN" for w in span):
        return None
    first, last = span[0], span[-1]
    if not _capitalised(first.form) or first.upos not in _NAME_EDGE_UPOS:
        return None
    if not _capitalised(last.form) or last.upos not in _NAME_EDGE_UPOS:
        return None
    for word in span:
        if word.upos == "PRON":
            return None
        if _capitalised(word.form) or word.form.lower() in _NAME_CONNECTORS:
            continue
        return None
    return start, end


def gum_named_entities(
    sentence: Sentence, place_label: PlaceLabeller | None = None
) -> tuple[list[EntitySpan], list[tuple[int, int]]]:
    """NER spans (PERSON / ORG / GPE / LOC) from GUM mentions, plus spans to mark missing.

    * person / organization / place mentions whose name part passes
      :func:`name_span` become entities (outermost first; nested ones dropped);
    * such mentions that contain a PROPN but do not pass are marked missing
      (e.g. ``President Barack Obama`` where the name boundary is unclear);
    * capitalised adjectives and plural proper nouns outside entities
      (``Afghan``, ``Americans``) are marked missing: GUM does not annotate
      nationalities, which the shipped model labels NORP.
    """
    words = sentence.words
    mentions = [m for m in gum_mentions(sentence) if m.etype in GUM_NER_TYPES]
    mentions.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: set[int] = set()
    ents: list[EntitySpan] = []
    missing: list[tuple[int, int]] = []
    for mention in mentions:
        if any(i in taken for i in range(mention.start, mention.end)):
            continue
        named = name_span(words, mention.start, mention.end)
        if named is None:
            continue
        start, end = named
        label = GUM_NER_TYPES[mention.etype]
        if label == "PLACE":
            text = _span_text(words, start, end)
            label = place_label(text, mention.identity) if place_label else "GPE"
        ents.append((start, end, label))
        taken.update(range(mention.start, mention.end))
    for mention in mentions:
        if any(i in taken for i in range(mention.start, mention.end)):
            continue
        if any(w.upos == "PROPN" for w in words[mention.start : mention.end]):
            missing.append((mention.start, mention.end))
    for position, word in enumerate(words):
        if position in taken:
            continue
        if (word.upos == "ADJ" and word.form[:1].isupper()) or word.xpos == "NNPS":
            missing.append((position, position + 1))
    return ents, _merge_missing(missing)


def _merge_missing(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    covered: set[int] = set()
    for start, end in spans:
        covered.update(range(start, end))
    return [(i, i + 1) for i in sorted(covered)]


def _span_text(words: Sequence[Word], start: int, end: int) -> str:
    out = []
    for word in words[start:end]:
        out.append(word.form + (" " if word.space_after else ""))
    return "".join(out).strip()
