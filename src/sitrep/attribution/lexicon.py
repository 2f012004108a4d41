"""Load the attribution lexicons from ``sitrep/data/lexicons``.

Every word list the attribution rules use lives in a TSV file next to its README so
that linguists can extend it without touching code. Loading is explicit and happens
once per pipeline component; nothing is read at import time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from sitrep.errors import DataFileError

LEXICON_PACKAGE = "sitrep.data.lexicons"


@dataclass(frozen=True, slots=True)
class CueEntry:
    """A reporting verb or phrase form, with how it takes its source and content."""

    form: str  # as written, lower case, may be several words ("according to")
    lemma: str
    stance: str  # assert, deny, confirm, urge, warn, claim, promise, accuse
    frame: str  # speech, tell, urge, according, object (X CUE <noun phrase or clause>)
    precision: float | None = None  # as a cue in PolNeAR train, for learned forms


@dataclass(frozen=True, slots=True)
class ChannelPattern:
    pattern: re.Pattern[str]
    channel: str  # a fixed name, or "{name}" for the pattern's named group


@dataclass(frozen=True, slots=True)
class DisclaimerPattern:
    pattern: re.Pattern[str]
    kind: str  # unverified, no-evidence, no-comment


@dataclass(frozen=True, slots=True)
class Lexicons:
    cues: tuple[CueEntry, ...]
    hedges: tuple[str, ...]  # longest first so "may have" wins over "may"
    denials: tuple[str, ...]
    disclaimers: tuple[DisclaimerPattern, ...]
    channels: tuple[ChannelPattern, ...]
    pronouns: dict[str, str]
    roles: dict[str, str]
    words: dict[str, frozenset[str]]  # class -> words (adverb, boundary, aux, determiner, title)
    anonymity: tuple[re.Pattern[str], ...] = ()  # "who asked not to be named": no cue inside
    _anonymity_any: re.Pattern[str] | None = field(init=False, default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_anonymity_any", any_of(self.anonymity))

    def cue_index(self) -> dict[str, list[CueEntry]]:
        """Cue entries keyed by their first word, longest phrase first."""
        index: dict[str, list[CueEntry]] = {}
        for entry in self.cues:
            index.setdefault(entry.form.split()[0], []).append(entry)
        for entries in index.values():
            entries.sort(key=lambda e: -len(e.form.split()))
        return index

    def anonymous_spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Character spans of phrases that keep a source unnamed ("who asked not to be named")."""
        stop = len(text) if end is None else end
        if self._anonymity_any is not None and self._anonymity_any.search(text, start, stop) is None:
            return []
        return sorted((m.start(), m.end()) for p in self.anonymity for m in p.finditer(text, start, stop))

    def word_class(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())


def _rows(text: str, source: str, columns: int) -> list[list[str]]:
    rows: list[list[str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if len(fields) < columns:
            raise DataFileError(f"expected {columns} tab-separated fields", source=source, line=number)
        rows.append([f.strip() for f in fields])
    return rows


def _read(directory: Path | None, filename: str) -> tuple[str, str]:
    if directory is not None:
        path = directory / filename
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except OSError as exc:
            raise DataFileError(f"cannot read lexicon: {exc}", source=str(path)) from exc
    resource = resources.files(LEXICON_PACKAGE).joinpath(filename)
    try:
        return resource.read_text(encoding="utf-8"), f"{LEXICON_PACKAGE}/{filename}"
    except OSError as exc:
        raise DataFileError(f"cannot read lexicon: {exc}", source=filename) from exc


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that matches wherever any of ``patterns`` would, to rule a text out in
    one scan before scanning it once per pattern (the rules ask thousands of sentences
    per hundred articles, and most have none of the phrases).

    None where the patterns cannot be joined faithfully: different flags, back
    references (their numbers would shift), or a join that does not compile.
    """
    found = list(patterns)
    if not found or len({p.flags for p in found}) != 1:
        return None
    if any(_BACKREFERENCE.search(p.pattern) for p in found):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in found), found[0].flags)
    except re.error:
        return None


def _compile(pattern: str, flags: int, source: str, line: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise DataFileError(f"bad regular expression: {exc}", source=source, line=line) from exc


LEARNED_CUES = "polnear_cues.tsv"
MIN_LEARNED_PRECISION = 0.3


def _learned_cues(directory: Path | None, known: set[str], min_precision: float) -> list[CueEntry]:
    """Cue forms learned from PolNeAR train that the hand lexicon does not list.

    A directory without the learned file (a user's own lexicon) simply has none.
    """
    if directory is not None and not (directory / LEARNED_CUES).exists():
        return []
    text, src = _read(directory, LEARNED_CUES)
    entries: list[CueEntry] = []
    for number, r in enumerate(_rows(text, src, 7), start=1):
        try:
            precision = float(r[6])
        except ValueError as exc:
            raise DataFileError(f"bad precision {r[6]!r}", source=src, line=number) from exc
        form = r[0].lower()
        if precision >= min_precision and form not in known:
            entries.append(CueEntry(form, r[1], r[2], r[3], precision))
    return entries


def _progressives_as_hand(cues: tuple[CueEntry, ...], aux: frozenset[str]) -> tuple[CueEntry, ...]:
    """A learned "is telling", "are warning" reads as the hand lexicon's participle does
    (its lemma, stance and frame: "is telling a veterans group that ..." has a hearer),
    keeping its learned precision."""
    hand = {e.form: e for e in cues if e.precision is None}
    out: list[CueEntry] = []
    for e in cues:
        words = e.form.split()
        known = hand.get(words[-1]) if len(words) == 2 and words[0] in aux else None
        if e.precision is not None and known is not None and words[-1].endswith("ing"):
            e = replace(e, lemma=known.lemma, stance=known.stance, frame=known.frame)
        out.append(e)
    return tuple(out)


def hand_cues(directory: Path | None = None) -> list[CueEntry]:
    """The hand-written cue lexicon alone (what the learner merges its counts with)."""
    text, src = _read(directory, "attribution_cues.tsv")
    return [CueEntry(r[0].lower(), r[1], r[2], r[3]) for r in _rows(text, src, 4)]


def load_lexicons(
    directory: Path | None = None, min_learned_precision: float = MIN_LEARNED_PRECISION
) -> Lexicons:
    """Read every attribution lexicon; ``directory`` overrides the shipped files (tests, users).

    Learned cue forms below ``min_learned_precision`` are left out: they are more often
    plain words than cues in the training data.
    """
    hand = hand_cues(directory)
    learned = _learned_cues(directory, {e.form for e in hand}, min_learned_precision)
    cues = tuple(hand + learned)

    text, src = _read(directory, "hedges.tsv")
    hedges = tuple(sorted({r[0] for r in _rows(text, src, 1)}, key=lambda h: (-len(h), h)))

    text, src = _read(directory, "denials.tsv")
    denials = tuple(sorted({r[0].lower() for r in _rows(text, src, 1)}, key=lambda h: (-len(h), h)))

    text, src = _read(directory, "disclaimers.tsv")
    disclaimers = tuple(
        DisclaimerPattern(_compile(r[0], re.IGNORECASE, src, i), r[1])
        for i, r in enumerate(_rows(text, src, 2), start=1)
    )

    text, src = _read(directory, "channels.tsv")
    channels: list[ChannelPattern] = []
    for i, r in enumerate(_rows(text, src, 2), start=1):
        flags = re.IGNORECASE if len(r) > 2 and "i" in r[2] else 0
        channels.append(ChannelPattern(_compile(r[0], flags, src, i), r[1]))

    text, src = _read(directory, "pronouns.tsv")
    pronouns = {r[0].lower(): r[1] for r in _rows(text, src, 2)}

    text, src = _read(directory, "roles.tsv")
    roles = {r[0].lower(): r[1] for r in _rows(text, src, 2)}

    text, src = _read(directory, "function_words.tsv")
    grouped: dict[str, set[str]] = {}
    for r in _rows(text, src, 2):
        grouped.setdefault(r[1], set()).add(r[0].lower())
    words = {k: frozenset(v) for k, v in grouped.items()}
    cues = _progressives_as_hand(cues, words.get("aux", frozenset()))

    text, src = _read(directory, "anonymity.tsv")
    anonymity = tuple(
        _compile(r[0], re.IGNORECASE, src, i) for i, r in enumerate(_rows(text, src, 1), start=1)
    )

    return Lexicons(
        cues=cues,
        hedges=hedges,
        denials=denials,
        disclaimers=disclaimers,
        channels=tuple(channels),
        pronouns=pronouns,
        roles=roles,
        words=words,
        anonymity=anonymity,
    )
