"""Is a trigger asserted as having happened, or hedged, planned, conditional, negated?

ACLED codes events that happened. "A major new offensive has been widely
anticipated" and "Bakhmut's capture would give Russia a stepping stone" name
events that have not, so their triggers are rejected. The test looks at a few
words either side of the trigger inside its own clause (commas, dashes and
brackets end a clause here), with dates masked so the month "May" is not a
modal; when the pipeline has a dependency parse, the trigger's governing verb's
auxiliaries, negation and "to"-infinitive are checked as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sitrep.events.lexicon import InfinitiveRules, ModalityRule
from sitrep.events.triggers import TriggerHit

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s")
_WORD = re.compile(r"[\w'’-]+")
_WINDOW = 5
_WINDOW_AFTER = 7
_NEXT_CLAUSE = re.compile(
    r"(?<![\w-])(?:and|but|while|whereas|after|before|when|as|although|though|because|since|then|so)(?![\w-])",
    re.I,
)
_TO_REACH = 8
_MODALS = frozenset({"would", "could", "might", "may", "will", "shall", "should", "must", "'d", "'ll"})


def _clause(text: str, sent: tuple[int, int], hit: TriggerHit) -> tuple[int, int]:
    start, end = sent
    for m in _CLAUSE_BREAK.finditer(text, sent[0], hit.start):
        start = m.end()
    m2 = _CLAUSE_BREAK.search(text, hit.end, sent[1])
    if m2 is not None:
        end = m2.start()
    return start, end


def _masked(text: str, start: int, end: int, masks: Sequence[tuple[int, int]]) -> str:
    chars = list(text[start:end])
    for a, b in masks:
        for i in range(max(a, start), min(b, end)):
            chars[i - start] = " "
    return "".join(chars)


def _words_before(window: str, n: int) -> str:
    words = list(_WORD.finditer(window))
    return window[words[-n].start() :] if len(words) >= n else window


def _words_after(window: str, n: int) -> str:
    words = list(_WORD.finditer(window))
    return window[: words[n - 1].end()] if len(words) >= n else window


def _purpose_infinitive(before: str, trigger_word: str, rules: InfinitiveRules) -> bool:
    """'aims to retake', 'to counter the Russian offensive': a purpose, not a report."""
    words = [*[w.group(0) for w in _WORD.finditer(before)][-_TO_REACH:], trigger_word]
    for i, w in enumerate(words[:-1]):
        if w.lower() != "to":
            continue
        nxt = words[i + 1]
        prev = words[i - 1].lower() if i else ""
        if nxt.lower() in rules.not_verbs or not nxt[:1].islower() or nxt[:1].isdigit():
            continue
        if f"{prev} to" in rules.fixed_phrases or f"to {nxt.lower()}" in rules.fixed_phrases:
            continue
        if prev in rules.factive_governors:
            continue
        return True
    return False


def _governor(token: Token) -> Token:
    """The verb whose auxiliaries decide the trigger's mood (a nominal trigger's head verb)."""
    t = token
    for _ in range(2):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            return t
        t = t.head
    return t


def _parse_irrealis(doc: Doc, hit: TriggerHit, rules: InfinitiveRules) -> str | None:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governor(span.root)
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _MODALS:
            return "modal"
        if child.dep_ == "neg":
            return "negation"
        governed = (
            child.tag_ == "TO" and child.dep_ == "aux" and verb.dep_ in ("xcomp", "advcl", "acl", "relcl")
        )
        governor = {verb.head.lower_, verb.head.lemma_.lower()}
        if governed and not governor & rules.factive_governors:
            return "purpose"
    return None


def irrealis(
    text: str,
    sent: tuple[int, int],
    hit: TriggerHit,
    rules: Sequence[ModalityRule],
    infinitives: InfinitiveRules,
    *,
    masks: Sequence[tuple[int, int]] = (),
    check_negation: bool = True,
    doc: Doc | None = None,
) -> str | None:
    """The kind of cue that makes ``hit`` non-factual, or None when it reads as a report."""
    c_start, c_end = _clause(text, sent, hit)
    before = _words_before(_masked(text, c_start, hit.start, masks), _WINDOW)
    after = _words_after(_masked(text, hit.end, c_end, masks), _WINDOW_AFTER)
    joint = _NEXT_CLAUSE.search(after)
    if joint is not None:
        after = after[: joint.start()]  # "shelled Kherson and officials will ..." is another clause
    for rule in rules:
        if rule.kind == "negation" and not check_negation:
            continue
        window = before if rule.scope == "before" else after
        if rule.regex.search(window):
            return rule.kind
    wide_before = _masked(text, c_start, hit.start, masks)
    first_word = _WORD.match(hit.text)
    if _purpose_infinitive(wide_before, first_word.group(0) if first_word else hit.text, infinitives):
        return "purpose"
    if doc is not None and doc.has_annotation("DEP"):
        reason = _parse_irrealis(doc, hit, infinitives)
        if reason is not None and (reason != "negation" or check_negation):
            return reason
    return None
