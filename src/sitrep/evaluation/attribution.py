"""Score the attribution stage against gold data.

Two gold formats:

* the project's hand-made example files (``*.expected.json`` with the article ``.txt``
  beside it): claims are matched one-to-one by content overlap, then each field of a
  matched claim is compared;
* PolNeAR (brat standoff inside JSONL): source, cue and content spans scored as BBC's
  citron does, exact match (content and source must come with an overlapping cue) and
  token overlap (overlapping word tokens over predicted / gold word tokens). Direct
  quotes are scored with their quotation marks, as the annotation has them.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.attribution.segments import sentence_break
from sitrep.errors import InputError, MalformedInput
from sitrep.ingest.textfile import parse_text
from sitrep.nlp import extensions as ext
from sitrep.records import Claim, Disclaimer

Span = tuple[int, int]
ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+")
FIELDS = (
    "speaker",
    "side",
    "kind",
    "speaker_type",
    "speaker_text",
    "cue",
    "channel",
    "said_on",
    "polarity",
    "hedges",
    "unverified",
)


# ---- shared ---------------------------------------------------------------------------------------
def annotate(nlp: Language, text: str, published: str | None) -> Doc:
    """Run ``nlp`` on ``text`` with the publication date set before any stage runs."""
    ext.register()
    doc = nlp.make_doc(text)
    setattr(doc._, ext.PUBLISHED, published)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, tp_pred: float, n_pred: float, tp_gold: float, n_gold: float) -> PRF:
        p = tp_pred / n_pred if n_pred else 0.0
        r = tp_gold / n_gold if n_gold else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


# ---- (a) example gold files ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FieldMismatch:
    gold_index: int
    field: str
    gold: object
    predicted: object


@dataclass(frozen=True, slots=True)
class GoldFileResult:
    path: str
    gold: int
    predicted: int
    matched: int
    recall: float
    precision: float
    field_accuracy: dict[str, float]
    found: dict[str, tuple[int, int]]  # target -> (found right, gold count): channels, dates, ...
    disclaimers_found: tuple[int, int]
    mismatches: tuple[FieldMismatch, ...]
    unmatched_gold: tuple[str, ...]
    unmatched_predicted: tuple[str, ...]


def _locate(text: str, content: str) -> Span | None:
    idx = text.find(content)
    if idx >= 0:
        return idx, idx + len(content)
    pattern = r"\s+".join(re.escape(part) for part in content.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(gold: list[Span | None], predicted: list[Span]) -> dict[int, int]:
    """One-to-one gold -> predicted matching, largest overlap first; at least half the shorter span."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        if g is None:
            continue
        for pi, p in enumerate(predicted):
            ov = _overlap(g, p)
            if ov and ov * 2 >= min(g[1] - g[0], p[1] - p[0]):
                pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    result: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in pairs:
        if gi in result or pi in used:
            continue
        result[gi] = pi
        used.add(pi)
    return result


def _norm_name(value: object) -> object:
    if isinstance(value, str):
        return re.sub(r"^(?:the|a|an)\s+", "", value.strip().lower())
    return value


def _predicted_field(claim: Claim, name: str) -> object:
    values: dict[str, object] = {
        "speaker": claim.speaker.name,
        "side": claim.speaker.side,
        "kind": claim.kind,
        "speaker_type": claim.speaker.type,
        "speaker_text": claim.speaker.text,
        "cue": claim.cue,
        "channel": claim.channel,
        "said_on": claim.said_on,
        "polarity": claim.polarity,
        "hedges": sorted(h.lower() for h in claim.hedges),
        "unverified": claim.unverified,
    }
    return values[name]


def _gold_field(item: dict[str, object], name: str) -> object:
    if name == "hedges":
        hedges = item.get("hedges") or []
        return sorted(str(h).lower() for h in hedges) if isinstance(hedges, list) else []
    return item.get(name)


def evaluate_gold_file(nlp: Language, path: Path) -> GoldFileResult:
    """Score one ``*.expected.json`` against the pipeline's output on its article."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise MalformedInput(f"cannot read gold file: {exc}", source=str(path)) from exc
    article = gold.get("article", {})
    txt_name = article.get("file") or path.name.replace(".expected.json", ".txt")
    txt = path.with_name(txt_name)
    try:
        raw = txt.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"article text for gold file not found: {exc}", source=str(txt)) from exc
    parsed = parse_text(raw, source=str(txt), published=article.get("published"))
    doc = annotate(nlp, parsed.text, parsed.published)
    claims: list[Claim] = ext.get_list(doc, ext.CLAIMS)
    disclaimers: list[Disclaimer] = ext.get_list(doc, ext.DISCLAIMERS)
    items: list[dict[str, object]] = list(gold.get("claims", []))
    gold_spans = [_locate(parsed.text, str(item.get("content", ""))) for item in items]
    matching = match_spans(gold_spans, [(c.start, c.end) for c in claims])

    correct = dict.fromkeys(FIELDS, 0)
    mismatches: list[FieldMismatch] = []
    for gi, pi in matching.items():
        for name in FIELDS:
            g, p = _gold_field(items[gi], name), _predicted_field(claims[pi], name)
            if _norm_name(g) == _norm_name(p):
                correct[name] += 1
            else:
                mismatches.append(FieldMismatch(gi, name, g, p))
    n = len(matching)
    targets: dict[str, Callable[[dict[str, object]], bool]] = {
        "channels": lambda it: it.get("channel") is not None,
        "dates": lambda it: it.get("said_on") is not None,
        "denials": lambda it: it.get("polarity") == "deny",
        "hedges": lambda it: bool(it.get("hedges")),
        "unverified": lambda it: bool(it.get("unverified")),
    }
    field_of = {"channels": "channel", "dates": "said_on", "denials": "polarity", "hedges": "hedges"}
    found: dict[str, tuple[int, int]] = {}
    for target, wanted in targets.items():
        idx = [i for i, it in enumerate(items) if wanted(it)]
        name = field_of.get(target, "unverified")
        right = sum(
            1
            for i in idx
            if i in matching
            and _norm_name(_gold_field(items[i], name))
            == _norm_name(_predicted_field(claims[matching[i]], name))
        )
        found[target] = (right, len(idx))
    gold_disc = [str(d) for d in gold.get("reporter_disclaimers", [])]
    disc_found = sum(1 for g in gold_disc if any(g in d.text or d.text in g for d in disclaimers))
    used = set(matching.values())
    return GoldFileResult(
        path=str(path),
        gold=len(items),
        predicted=len(claims),
        matched=n,
        recall=n / len(items) if items else 0.0,
        precision=n / len(claims) if claims else 0.0,
        field_accuracy={k: (v / n if n else 0.0) for k, v in correct.items()},
        found=found,
        disclaimers_found=(disc_found, len(gold_disc)),
        mismatches=tuple(mismatches),
        unmatched_gold=tuple(str(items[i].get("content")) for i in range(len(items)) if i not in matching),
        unmatched_predicted=tuple(c.content for i, c in enumerate(claims) if i not in used),
    )


# ---- (b) PolNeAR -------------------------------------------------------------------------------------
@dataclass
class Attribution:
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    name: str
    text: str
    published: str | None
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True, slots=True)
class PolnearResult:
    split: str
    articles: int
    gold: int
    predicted: int
    exact: dict[str, PRF]
    overlap: dict[str, PRF]


def _spans(field_text: str) -> list[Span]:
    spans: list[Span] = []
    for part in field_text.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return spans


def parse_brat(ann: str) -> list[Attribution]:
    """Attributions from a brat standoff file (T spans joined by E relation lines)."""
    spans: dict[str, list[Span]] = {}
    result: list[Attribution] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            _, _, rest = parts[1].partition(" ")
            spans[parts[0]] = _spans(rest)
    for line in ann.splitlines():
        if not line.startswith("E"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        attribution = Attribution()
        for arg in parts[1].split():
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in ("source", "cue", "content") and ref in spans:
                getattr(attribution, role).extend(spans[ref])
        result.append(attribution)
    return result


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """One PolNeAR article with every annotator's reading of it, in file order."""

    name: str
    text: str
    published: str | None
    annotations: tuple[tuple[Attribution, ...], ...]


def _read_polnear(root: Path, split: str) -> Iterator[AnnotatedArticle]:
    if split == "test":
        raise InputError("the PolNeAR test split is held back; use dev", source=str(root))
    folder = root / split
    files = sorted(folder.glob("*.jsonl")) + sorted(folder.glob("*.jsonl.gz"))
    if not files:
        raise InputError(f"no PolNeAR {split} file", source=str(folder))
    for path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise MalformedInput(f"bad JSON: {exc}", source=str(path), line=number) from exc
                annotations = obj.get("annotations") or []
                if not annotations:
                    continue
                meta = obj.get("metadata") or {}
                yield AnnotatedArticle(
                    name=str(obj.get("filename")),
                    text=str(obj["text"]),
                    published=meta.get("publication_date"),
                    annotations=tuple(tuple(parse_brat(str(a["ann"]))) for a in annotations),
                )


def load_polnear(root: Path, split: str) -> Iterator[PolnearArticle]:
    """Articles of one PolNeAR split (first annotator's annotation of each)."""
    for article in _read_polnear(root, split):
        yield PolnearArticle(article.name, article.text, article.published, article.annotations[0])


_OPENING_MARKS = "“\"'‘«„"
_CLOSING_MARKS = "”\"'’»“"


def _with_marks(text: str, claim: Claim) -> Span:
    """A direct quote's span with its quotation marks, as PolNeAR and PARC annotate it.

    sitrep's claim is the quoted words alone; the annotation includes the marks around
    them (two for a doubled ``''``). Only the exact match sees the difference: marks are
    no word tokens for the overlap score.
    """
    start, end = claim.start, claim.end
    if claim.kind != "direct":
        return start, end
    for _ in range(2):
        if start > 0 and text[start - 1] in _OPENING_MARKS:
            start -= 1
    for _ in range(2):
        if end < len(text) and text[end] in _CLOSING_MARKS:
            end += 1
    return start, end


def _with_closing_comma(text: str, start: int, end: int) -> Span:
    """A source with an appositive, with the comma that closes it, as PolNeAR annotates it.

    "Ban Ki-moon, the secretary general of the United Nations, vowed": in PolNeAR train,
    921 of the 1,028 sources that hold a comma and stand right before another include that
    second comma (sources without an appositive almost never do: 5 of 804). sitrep's
    speaker text stops at the last word; only the exact match sees the difference.
    """
    if "," in text[start:end] and text[end : end + 1] == ",":
        return start, end + 1
    return start, end


_THAT_BEFORE = re.compile(r"\bthat,?\s+$", re.IGNORECASE)


def _with_complementiser(text: str, start: int, end: int) -> Span:
    """Reported speech with the "that" that opens it, as PolNeAR annotates it.

    "said that the plan failed": in PolNeAR train, 2,437 contents start with "that" and 30
    follow one outside the span. sitrep's content is the claim alone ("the plan failed"),
    which is what a reader wants; only the scores see the difference ("that" is a word
    token, so the overlap score too).
    """
    found = _THAT_BEFORE.search(text, max(0, start - 8), start)
    return (found.start(), end) if found else (start, end)


def _without_aside(text: str, span: Span, claim: Claim) -> list[Span]:
    """A claim's content without the attribution set inside it.

    "The attack, he said, was planned in advance": sitrep's content is the whole sentence
    (an exact substring of the article, as the contract wants, and readable); PolNeAR
    annotates it as two spans around the source and cue, which the scores should see too.
    """
    if claim.cue_start is None or claim.cue_end is None or not span[0] < claim.cue_start < span[1]:
        return [span]
    inside = [(claim.cue_start, claim.cue_end)]
    if claim.speaker.start is not None and claim.speaker.end is not None:
        inside.append((claim.speaker.start, claim.speaker.end))
    left = min(s for s, _ in inside)
    right = max(e for _, e in inside)
    if not span[0] <= left < right <= span[1]:
        return [span]
    head_end = left
    while head_end > span[0] and text[head_end - 1] in " ,":
        head_end -= 1
    tail_start = right
    while tail_start < span[1] and text[tail_start] in " ,":
        tail_start += 1
    return [s for s in ((span[0], head_end), (tail_start, span[1])) if s[0] < s[1]]


def predicted_attributions(claims: list[Claim], text: str | None = None) -> list[Attribution]:
    """Claims as attributions; with ``text``, direct quotes take their marks, reported
    speech its "that" and sources with an appositive their closing comma (see above).

    A verb that shares its subject with an earlier one of the same sentence ("The general
    said ..., and promised ...") gives sitrep a claim with no mention of its own (the
    example's reference reads "but added" so); PolNeAR marks the shared subject as the
    source of both, so with ``text`` such a claim is scored with the subject of the claim
    before it, when that claim has the same speaker and no sentence ends between them."""
    result: list[Attribution] = []
    shared: tuple[Span, str | None] | None = None  # the last subject written out, and its speaker
    for claim in claims:
        span = _with_marks(text, claim) if text is not None else (claim.start, claim.end)
        if text is not None and claim.kind != "direct":
            span = _with_complementiser(text, *span)
        a = Attribution(content=_without_aside(text, span, claim) if text is not None else [span])
        if claim.cue_start is not None and claim.cue_end is not None:
            a.cue.append((claim.cue_start, claim.cue_end))
        if claim.speaker.start is not None and claim.speaker.end is not None:
            source = (claim.speaker.start, claim.speaker.end)
            a.source.append(_with_closing_comma(text, *source) if text is not None else source)
            shared = (source, claim.speaker.name)
        elif (
            text is not None
            and shared is not None
            and claim.cue_start is not None
            and claim.speaker.name == shared[1]
            and shared[0][1] <= claim.cue_start
            and not sentence_break(text, shared[0][1], claim.cue_start)
        ):
            a.source.append(shared[0])
        result.append(a)
    return result


def _tokens(text: str, spans: list[Span]) -> set[int]:
    found: set[int] = set()
    for start, end in spans:
        found.update(m.start() + start for m in _WORD.finditer(text[start:end]))
    return found


@dataclass
class _Counts:
    exact: dict[str, list[int]] = field(default_factory=lambda: {r: [0, 0, 0, 0] for r in ROLES})
    overlap: dict[str, list[int]] = field(default_factory=lambda: {r: [0, 0, 0] for r in ROLES})


def _exact_counts(role: str, pred: list[Attribution], gold: list[Attribution]) -> tuple[int, int, int, int]:
    """(true predicted, predicted, true gold, gold) for exact matching, as citron counts them."""

    def ok(p: Attribution, g: Attribution) -> bool:
        if role == "cue":
            return bool(p.cue) and sorted(p.cue) == sorted(g.cue)
        cue_overlap = any(_overlap(a, b) for a in p.cue for b in g.cue)
        return cue_overlap and bool(getattr(p, role)) and sorted(getattr(p, role)) == sorted(getattr(g, role))

    relevant_pred = [p for p in pred if getattr(p, role)]
    relevant_gold = [g for g in gold if getattr(g, role)]
    tp_p = sum(1 for p in relevant_pred if any(ok(p, g) for g in relevant_gold))
    tp_g = sum(1 for g in relevant_gold if any(ok(p, g) for p in relevant_pred))
    return tp_p, len(relevant_pred), tp_g, len(relevant_gold)


def evaluate_polnear(
    nlp: Language, root: Path, split: str = "dev", limit: int | None = None
) -> PolnearResult:
    counts = _Counts()
    n_articles = n_gold = n_pred = 0
    for article in load_polnear(root, split):
        if limit is not None and n_articles >= limit:
            break
        n_articles += 1
        doc = annotate(nlp, article.text, article.published)
        pred = predicted_attributions(ext.get_list(doc, ext.CLAIMS), article.text)
        gold = list(article.attributions)
        n_gold += len(gold)
        n_pred += len(pred)
        _add_counts(counts, article.text, pred, gold)
    exact, overlap = _scores(counts)
    return PolnearResult(split, n_articles, n_gold, n_pred, exact, overlap)


@dataclass(frozen=True, slots=True)
class AgreementResult:
    """How PolNeAR's annotators agree with each other, and sitrep with each of them.

    Both are scored with the metrics of :func:`evaluate_polnear` on the same articles
    (those several annotators read), so the system's figure can be read against the
    agreement of the people who made the reference.
    """

    split: str
    articles: int
    annotations: int
    human_exact: dict[str, PRF]
    human_overlap: dict[str, PRF]
    system_exact: dict[str, PRF] | None
    system_overlap: dict[str, PRF] | None


def _add_counts(counts: _Counts, text: str, pred: list[Attribution], gold: list[Attribution]) -> None:
    for role in ROLES:
        for i, v in enumerate(_exact_counts(role, pred, gold)):
            counts.exact[role][i] += v
        p_tokens = _tokens(text, [s for a in pred for s in getattr(a, role)])
        g_tokens = _tokens(text, [s for a in gold for s in getattr(a, role)])
        counts.overlap[role][0] += len(p_tokens & g_tokens)
        counts.overlap[role][1] += len(p_tokens)
        counts.overlap[role][2] += len(g_tokens)


def _scores(counts: _Counts) -> tuple[dict[str, PRF], dict[str, PRF]]:
    exact = {r: PRF.of(c[0], c[1], c[2], c[3]) for r, c in counts.exact.items()}
    overlap = {r: PRF.of(c[0], c[1], c[0], c[2]) for r, c in counts.overlap.items()}
    return exact, overlap


def evaluate_polnear_agreement(nlp: Language | None, root: Path, split: str = "dev") -> AgreementResult:
    """Inter-annotator agreement on the multiply annotated articles of ``split``.

    Every annotation is scored against every other one (each ordered pair once, so
    precision and recall pool to the same figure), and, when ``nlp`` is given, sitrep's
    claims against each annotation in turn. PolNeAR's annotators disagree most on cues
    (the long tail of nominal and attitude cues), which bounds what any system can
    reach against a single annotator's reading.
    """
    human, system = _Counts(), _Counts()
    n_articles = n_annotations = 0
    for article in _read_polnear(root, split):
        readings = [list(a) for a in article.annotations]
        if len(readings) < 2:
            continue
        n_articles += 1
        n_annotations += len(readings)
        for i, pred in enumerate(readings):
            for j, gold in enumerate(readings):
                if i != j:
                    _add_counts(human, article.text, pred, gold)
        if nlp is not None:
            doc = annotate(nlp, article.text, article.published)
            claims = predicted_attributions(ext.get_list(doc, ext.CLAIMS), article.text)
            for gold in readings:
                _add_counts(system, article.text, claims, gold)
    if n_articles == 0:
        raise InputError(f"no PolNeAR {split} article has more than one annotation", source=str(root))
    human_exact, human_overlap = _scores(human)
    system_exact, system_overlap = _scores(system) if nlp is not None else (None, None)
    return AgreementResult(
        split, n_articles, n_annotations, human_exact, human_overlap, system_exact, system_overlap
    )
