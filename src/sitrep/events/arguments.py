"""Who did what to whom: the sides (and named forces) taking part in an event.

Rules over the text between clause edges, with the claim's speaker as context:
the nearest force mentioned before the trigger is the actor unless it sits
after "on/at/against" or the trigger is passive ("were shot down"), in which
case it is the target; a "by ..." phrase after a passive trigger names the
actor; "we", "our", "its units" stand for the speaker's side and "the enemy"
for its opponent. Two-sided events (battles, shoot-downs) get the opponent
from the conflict dyads when the text names one side only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.events.forces import ForceDictionary, ForceMention
from sitrep.events.triggers import TypedTrigger
from sitrep.records import Claim, Place

_TARGET_BEFORE = re.compile(
    r"(?:\b(?:on|at|against|targeting|toward|towards|upon|into)\s+(?:the\s+)?)$", re.I
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|into|across|of|from|to|over|at|on|near|inside|throughout)\s+(?:the\s+)?$", re.I
)
_ADDRESS_GAP = re.compile(r"\s*,\s*")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
_BY_AFTER = re.compile(r"^\s+by\s+(?:the\s+)?$", re.I)
_SELF = re.compile(
    r"(?<![\w-])(?:we|our|us|its units|its forces|its troops|its air defen[cs]es?|it)(?![\w-])", re.I
)
_ENEMY = re.compile(
    r"(?<![\w-])(?:the enemy|enemy(?: forces| troops| positions| drones| attacks)?)(?![\w-])", re.I
)
_TWO_SIDED = frozenset({"Battles", "Disrupted weapons use"})


@dataclass(frozen=True, slots=True)
class Participant:
    side: str
    force: str | None
    non_state: bool
    start: int


@dataclass(frozen=True, slots=True)
class Participants:
    actor: tuple[Participant, ...]
    target: tuple[Participant, ...]

    def sides(self) -> tuple[str, ...]:
        out: list[str] = []
        for p in (*self.actor, *self.target):
            if p.side not in out:
                out.append(p.side)
        return tuple(out)

    def forces(self) -> tuple[str, ...]:
        out: list[str] = []
        for p in (*self.actor, *self.target):
            if p.force is not None and p.force not in out:
                out.append(p.force)
        return tuple(out)


def _is_location(text: str, m: ForceMention, places: Sequence[Place]) -> bool:
    """'in Ukraine' is where, not who: a country name after a locative preposition."""
    if not m.alias_is_name:
        return False
    if _LOCATIVE_BEFORE.search(text[max(0, m.start - 20) : m.start]):
        return True
    # "in Kharkiv, Ukraine": the country that closes a place name is part of the address
    if any(p.end <= m.start and _ADDRESS_GAP.fullmatch(text[p.end : m.start]) for p in places):
        return True
    return any(p.start == m.start and p.end == m.end and p.kind != "country" for p in places)


def _from_mention(m: ForceMention) -> Participant | None:
    if m.entry.side is None:
        return None
    return Participant(m.entry.side, m.entry.force, m.entry.non_state, m.start)


def assign(
    text: str,
    scope: tuple[int, int],
    trigger: TypedTrigger,
    forces: ForceDictionary,
    opponents: dict[str, str],
    *,
    claim: Claim | None = None,
    places: Sequence[Place] = (),
) -> Participants:
    t0, t1 = trigger.hit.start, trigger.hit.end
    speaker_side = claim.speaker.side if claim is not None else None
    mentions = [m for m in forces.find(text, scope[0], scope[1]) if not _is_location(text, m, places)]
    if claim is not None and claim.speaker.start is not None and claim.speaker.end is not None:
        s0, s1 = claim.speaker.start, claim.speaker.end
        mentions = [m for m in mentions if m.end <= s0 or m.start >= s1]
    actor: list[Participant] = []
    target: list[Participant] = []
    passive = bool(_PASSIVE_BEFORE.search(text[max(scope[0], t0 - 25) : t0]))

    before = [m for m in mentions if m.end <= t0]
    after = [m for m in mentions if m.start >= t1]
    if before:
        nearest = before[-1]
        p = _from_mention(nearest)
        if p is not None:
            lead = text[max(scope[0], nearest.start - 25) : nearest.start]
            (target if passive or _TARGET_BEFORE.search(lead) else actor).append(p)
    for m in after:
        p = _from_mention(m)
        if p is None:
            continue
        lead = text[max(t1, m.start - 10) : m.start]
        (actor if passive and _BY_AFTER.search(lead) else target).append(p)

    if speaker_side is not None:
        default_force = forces.default_force.get(speaker_side)
        if not actor:
            self_ref = _SELF.search(text, scope[0], t0) if not passive else None
            if self_ref is not None:
                actor.append(Participant(speaker_side, default_force, False, self_ref.start()))
        enemy = _ENEMY.search(text, scope[0], scope[1])
        foe = opponents.get(speaker_side)
        if enemy is not None and foe is not None:
            p = Participant(foe, forces.default_force.get(foe), False, enemy.start())
            (actor if enemy.end() <= t0 and not passive else target).append(p)

    sides = {p.side for p in (*actor, *target)}
    two_sided = trigger.event_type == "Battles" or trigger.sub_type in _TWO_SIDED
    if two_sided and len(sides) == 1:
        (only,) = sides
        foe = opponents.get(only)
        if foe is not None:
            p = Participant(foe, forces.default_force.get(foe), False, -1)
            (target if actor else actor).append(p)
    elif two_sided and not sides and speaker_side is not None and speaker_side in opponents:
        foe = opponents[speaker_side]
        actor.append(Participant(speaker_side, forces.default_force.get(speaker_side), False, -1))
        target.append(Participant(foe, forces.default_force.get(foe), False, -1))
    elif (
        not actor
        and not target
        and speaker_side is not None
        and trigger.event_type
        in (
            "Explosions/Remote violence",
            "Violence against civilians",
        )
    ):
        foe = opponents.get(speaker_side)  # a side reporting strikes reports the enemy's
        if foe is not None:
            actor.append(Participant(foe, forces.default_force.get(foe), False, -1))
    return Participants(tuple(actor), tuple(target))
