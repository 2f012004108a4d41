"""Dstl re3d (defence and security texts) -> NER-only spaCy Docs.

Subsets are licensed one by one; :data:`RE3D_SHIPPABLE` lists those whose
licence allows a model trained on them to ship (BBC Online is CC BY-NC and
is left out). re3d annotates mentions, not names: ``Deputy Secretary
Blinken``, ``U.S. service members``, ``he`` are all entities there. Each
mention is reduced to the proper name it contains, the way UNER annotates:

* PERSON: the last run of capitalised non-title words (``US Secretary of State
  John Kerry`` -> ``John Kerry``); the dropped title words are outside;
* ORG / LOC: leading determiners and lower-case words dropped (``southern
  Kirkuk Province`` -> ``Kirkuk Province``); ``Woodbridge, Virginia`` gives
  two places; an ORG that is a country name (``Syria``) becomes GPE;
* NORP: the leading capitalised word (``Kurdish-speaking`` -> ``Kurdish``).

Mentions that do not reduce to a name (``ISIL terrorists``, ``he``) are
marked missing, so the model is taught neither that they are nor that they
are not entities.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.nlp.training.labels import RE3D_TO_SHIPPED, PlaceClassifier

RE3D_SHIPPABLE: tuple[str, ...] = (
    "Australian_Department_of_Foreign_Affairs",  # CC BY 3.0 AU
    "CENTCOM",  # public domain
    "Delegation_of_the_European_Union_to_Syria",  # EC legal notice: reuse with attribution
    "UK_Government",  # OGL v3.0
    "US_State_Department",  # public domain
    "Wikipedia",  # CC BY-SA 3.0
)
RE3D_EXCLUDED: tuple[str, ...] = ("BBC_Online",)  # CC BY-NC 3.0

TITLE_WORDS: frozenset[str] = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "ministers",
        "secretary",
        "deputy",
        "ambassador",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "general",
        "gen",
        "gen.",
        "lt",
        "lt.",
        "lieutenant",
        "col",
        "col.",
        "colonel",
        "maj",
        "maj.",
        "major",
        "brig",
        "brig.",
        "brigadier",
        "sgt",
        "sgt.",
        "sergeant",
        "capt",
        "capt.",
        "captain",
        "adm",
        "adm.",
        "admiral",
        "navy",
        "army",
        "air",
        "force",
        "marine",
        "marines",
        "senior",
        "chief",
        "petty",
        "officer",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "foreign",
        "office",
        "defence",
        "defense",
        "state",
        "sheikh",
        "shaikh",
        "king",
        "queen",
        "prince",
        "sir",
        "lord",
        "commander",
        "commanding",
        "special",
        "envoy",
        "representative",
        "senator",
        "sen.",
        "rep.",
        "governor",
        "gov.",
        "mayor",
        "director",
        "chairman",
        "head",
        "leader",
        "pope",
        "premier",
        "chancellor",
        "foreign-secretary",
        "undersecretary",
        "under",
        "assistant",
        "acting",
        "former",
        "us",
        "u.s.",
        "uk",
        "u.k.",
        "british",
        "american",
        "iraqi",
        "syrian",
        "russian",
        "turkish",
        "kurdish",
        "french",
        "german",
        "australian",
    ]
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her"}
)
_CONNECTORS = frozenset(
    {"of", "the", "and", "&", "for", "al", "al-", "el", "bin", "ibn", "abu", "-", "'s", "’s", ".", "de"}
)
_PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
        "who",
        "whom",
        "this",
        "that",
    ]
)


@dataclass(frozen=True, slots=True)
class Re3dDocument:
    subset: str
    doc_id: str
    text: str
    entities: tuple[tuple[int, int, str], ...]  # char begin, end, re3d type


def read_re3d(root: Path, subsets: tuple[str, ...] = RE3D_SHIPPABLE) -> Iterator[Re3dDocument]:
    for subset in subsets:
        if subset in RE3D_EXCLUDED:
            raise ValueError(f"re3d subset {subset} is CC BY-NC and must not be used for the shipped model")
        folder = root / subset
        texts: dict[str, str] = {}
        for line in (folder / "documents.json").read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts[record["_id"]] = record["text"]
        ents: dict[str, list[tuple[int, int, str]]] = {key: [] for key in texts}
        for line in (folder / "entities.json").read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if record["documentId"] in ents:
                    ents[record["documentId"]].append(
                        (int(record["begin"]), int(record["end"]), record["type"])
                    )
        for doc_id in sorted(texts):
            yield Re3dDocument(subset, doc_id, texts[doc_id], tuple(sorted(ents[doc_id])))


def _is_cap(text: str) -> bool:
    return text[:1].isupper()


def reduce_mention(tokens: list[str], label: str) -> list[tuple[int, int]] | None:
    """Token sub-spans (relative) that are names, or None when the mention is no name."""
    if label == "PERSON":
        end = len(tokens)
        while end > 0 and tokens[end - 1] in (".", ",", "'s", "’s"):
            end -= 1
        start = end
        while start > 0:
            word = tokens[start - 1]
            if word.lower() in TITLE_WORDS:
                break
            if _is_cap(word) or word.lower() in _CONNECTORS:
                start -= 1
                continue
            break
        while start < end and not _is_cap(tokens[start]):
            start += 1
        if start >= end or tokens[start].lower() in _PRONOUNS:
            return None
        return [(start, end)]
    if label == "NORP":
        if tokens and _is_cap(tokens[0]) and tokens[0].isalpha():
            return [(0, 1)]
        return None
    # ORG / LOC: possibly several comma-separated names
    parts: list[tuple[int, int]] = []
    begin = 0
    for i, word in enumerate([*tokens, ","]):
        if word == ",":
            if i > begin:
                parts.append((begin, i))
            begin = i + 1
    names: list[tuple[int, int]] = []
    for start, end in parts:
        while start < end and (tokens[start].lower() in _DETERMINERS or not _is_cap(tokens[start])):
            if tokens[start][:1].isdigit() and label == "ORG":
                break
            start += 1
        if start >= end:
            return None
        span = tokens[start:end]
        if not (_is_cap(span[-1]) or span[-1][:1].isdigit()):
            return None
        if any(not (_is_cap(w) or w[:1].isdigit() or w.lower() in _CONNECTORS) for w in span):
            return None
        if span[0].lower() in _PRONOUNS:
            return None
        names.append((start, end))
    return names or None


def re3d_to_doc(nlp: Language, document: Re3dDocument, places: PlaceClassifier | None) -> Doc:
    doc = nlp.make_doc(document.text)
    ents: list[Span] = []
    missing: list[Span] = []
    for begin, end, kind in document.entities:
        label = RE3D_TO_SHIPPED.get(kind)
        if label is None:
            continue
        span = doc.char_span(begin, end, alignment_mode="expand")
        if span is None or span.text.strip() != document.text[begin:end].strip():
            if span is not None:
                missing.append(span)
            continue
        words = [t.text for t in span]
        reduced = reduce_mention(words, label)
        if reduced is None:
            missing.append(span)
            continue
        for start, stop in reduced:
            name = doc[span.start + start : span.start + stop]
            final = label
            if label == "LOC" and places is not None:
                final = places(name.text, "")
            elif label == "ORG" and places is not None and places.is_gpe_name(name.text):
                final = "GPE"
            ents.append(Span(doc, name.start, name.end, label=final))
    ents = _non_overlapping(ents)
    taken = {i for e in ents for i in range(e.start, e.end)}
    gaps = sorted({i for m in missing for i in range(m.start, m.end)} - taken)
    doc.set_ents(ents, missing=[doc[i : i + 1] for i in gaps], default="outside")
    return doc


def _non_overlapping(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        kept.append(span)
        taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)
