"""Find trigger words in a sentence and decide which events the sentence codes.

A sentence codes at most one event per trigger *family* (violent attacks,
disrupted weapons, protests, riots, strategic developments): ACLED splits
reports by event, and a sentence that says "shelled ... with artillery and
mortars, killing two" describes one attack, not three. Generic verbs
("attacked", "struck") borrow their sub-type from the strongest weapon cue in
the sentence, which is how "drone strikes" and "missile strikes" part ways.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sitrep.events.lexicon import PrecedenceRule, TriggerRule


@dataclass(frozen=True, slots=True)
class TriggerHit:
    rule: TriggerRule
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TypedTrigger:
    """A trigger chosen to code an event, with the sub-type its sentence gives it."""

    hit: TriggerHit
    event_type: str
    sub_type: str
    weight: int
    territorial: bool


def find_hits(text: str, start: int, end: int, rules: Sequence[TriggerRule]) -> list[TriggerHit]:
    hits = [
        TriggerHit(rule, m.start(), m.end(), m.group(0))
        for rule in rules
        for m in rule.regex.finditer(text, start, end)
    ]
    # a trigger inside a longer trigger is part of it ("attack" in "drone attack"); cues never shadow
    events = [h for h in hits if h.rule.role != "cue"]
    kept = [
        h
        for h in hits
        if h.rule.role == "cue"
        or not any(
            o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
            for o in events
        )
    ]
    return sorted(kept, key=lambda h: (h.start, -h.end))


def _best_cue(hit: TriggerHit, cues: Sequence[TriggerHit]) -> TriggerHit | None:
    same = [c for c in cues if c.rule.family == hit.rule.family]
    if not same:
        return None
    return max(same, key=lambda c: (c.rule.weight, -abs(c.start - hit.start)))


def choose(
    hits: Sequence[TriggerHit],
    factual: Callable[[TriggerHit], bool],
    type_of: Callable[[str], str],
    precedence: Sequence[PrecedenceRule] = (),
) -> list[TypedTrigger]:
    """One typed trigger per family among the factual triggers, in text order."""
    cues = [h for h in hits if h.rule.role == "cue"]
    best: dict[str, TypedTrigger] = {}
    for hit in hits:
        if hit.rule.role == "cue" or not factual(hit):
            continue
        sub_type, weight = hit.rule.sub_type, hit.rule.weight
        if hit.rule.role == "generic":
            cue = _best_cue(hit, cues)
            if cue is not None:
                sub_type, weight = cue.rule.sub_type, cue.rule.weight - 1
            elif weight <= 0:
                continue  # "fired", "launched": an event only once the weapon is named
        typed = TypedTrigger(hit, type_of(sub_type), sub_type, weight, hit.rule.role == "territory")
        current = best.get(hit.rule.family)
        if current is None or weight > current.weight:
            best[hit.rule.family] = typed
    return sorted(apply_precedence(list(best.values()), precedence), key=lambda t: t.hit.start)


def _is(typed: TypedTrigger, name: str) -> bool:
    return name in (typed.event_type, typed.sub_type)


def apply_precedence(chosen: list[TypedTrigger], rules: Sequence[PrecedenceRule]) -> list[TypedTrigger]:
    """Drop the events that, under ACLED's rules, are part of another event coded in the same sentence."""
    out = []
    for t in chosen:
        dropped = any(
            _is(t, rule.drop)
            and any(
                k is not t and _is(k, rule.keep) and (not rule.only_if_stronger or k.weight > t.weight)
                for k in chosen
            )
            for rule in rules
        )
        if not dropped:
            out.append(t)
    return out
