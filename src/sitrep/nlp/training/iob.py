"""IOB2 NER files: Universal NER (EWT) and CoNLL-2003.

UNER rows are ``id token tag - annotator`` with ``# sent_id`` comments that
match UD EWT sentence ids, so UNER tags are attached to the UD EWT words (the
UNER token column is the UD word column). CoNLL-2003 rows are
``token POS chunk NER`` (this copy is IOB2, without ``-DOCSTART-``).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.nlp.training.labels import UNER_TO_SHIPPED

EntitySpan = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    sent_id: str
    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        yield from handle


def parse_uner(lines: Iterable[str]) -> Iterator[TaggedSentence]:
    sent_id = ""
    tokens: list[str] = []
    tags: list[str] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            if tokens:
                yield TaggedSentence(sent_id, tuple(tokens), tuple(tags))
            sent_id, tokens, tags = "", [], []
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            if body.startswith("sent_id"):
                sent_id = body.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        tokens.append(cols[1])
        tags.append(cols[2] if len(cols) > 2 else "O")
    if tokens:
        yield TaggedSentence(sent_id, tuple(tokens), tuple(tags))


def read_uner(path: Path) -> Iterator[TaggedSentence]:
    yield from parse_uner(_lines(path))


def parse_conll2003(lines: Iterable[str]) -> Iterator[TaggedSentence]:
    tokens: list[str] = []
    tags: list[str] = []
    count = 0
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("-DOCSTART-"):
            if tokens:
                count += 1
                yield TaggedSentence(f"conll-{count}", tuple(tokens), tuple(tags))
            tokens, tags = [], []
            continue
        cols = line.split()
        tokens.append(cols[0])
        tags.append(cols[-1])
    if tokens:
        count += 1
        yield TaggedSentence(f"conll-{count}", tuple(tokens), tuple(tags))


def read_conll2003(path: Path) -> Iterator[TaggedSentence]:
    yield from parse_conll2003(_lines(path))


def iob_to_spans(tags: Sequence[str]) -> list[EntitySpan]:
    """IOB2 (or IOB1) tags -> (start, end, label) spans; a stray ``I-`` starts a span."""
    spans: list[EntitySpan] = []
    start = -1
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if prefix not in ("B", "I") or not kind:
            prefix, kind = "O", ""
        if start >= 0 and (prefix in ("O", "B") or kind != label):
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix == "B" or (prefix == "I" and start < 0):
            start, label = i, kind
    return spans


def uner_spans(
    tags: Sequence[str],
    *,
    keep_oth: bool = True,
    place_label: Callable[[str, str], str] | None = None,
    tokens: Sequence[str] = (),
) -> list[EntitySpan]:
    """UNER tags -> shipped-label spans.

    ``B-O`` (a spurious tag of the draft train file) is outside; ``OTH`` becomes
    NORP when ``keep_oth`` (draft train) and is dropped otherwise; LOC becomes
    GPE or LOC via ``place_label`` when given (else LOC).
    """
    spans: list[EntitySpan] = []
    for start, end, kind in iob_to_spans(["O" if t in ("B-O", "I-O") else t for t in tags]):
        label = UNER_TO_SHIPPED.get(kind)
        if label is None or (label == "NORP" and not keep_oth):
            continue
        if label == "LOC" and place_label is not None:
            label = place_label(" ".join(tokens[start:end]), "")
        spans.append((start, end, label))
    return spans
