"""Which side a speaker speaks for, from the actor dictionary and how the mention is built.

Rules, strongest first: an "X-installed / X-backed / pro-X" modifier gives X's side
("the head of the Russian-installed administration" -> Russia); otherwise the first
state, organisation or demonym named in the mention ("Ukraine's eastern military
command", "a senior U.S. administration official"); otherwise a region or city named
there gives its country ("Luhansk regional governor"). Nothing found gives None:
a side is never guessed.
"""

from __future__ import annotations

import re

from sitrep.attribution.actors import Actor, ActorDictionary

_INSTALLED = re.compile(
    r"\b(?:pro-(?P<pro>[A-Z][\w.]*)|(?P<by>[A-Z][\w.]*?)-(?:installed|backed|appointed|controlled|allied|aligned|"
    r"sponsored|led|supported|annexed))\b"
)
_PLACE_CATEGORIES = frozenset({"region", "city"})
_REGIONAL = re.compile(r"\b([A-Z][\w'’-]+)\s+regional\b")


def side_of(text: str, actors: ActorDictionary) -> str | None:
    """The side named or implied by ``text``; None when the mention names none."""
    for m in _INSTALLED.finditer(text):
        name = m.group("pro") or m.group("by")
        actor = actors.lookup(name) if name else None
        if actor is not None and actor.side is not None:
            return actor.side
    found = actors.find_all(_REGIONAL.sub(r"\1", text))
    for _, _, actor in found:
        if actor.category not in _PLACE_CATEGORIES and actor.type != "PERSON" and actor.side is not None:
            return actor.side
    for _, _, actor in found:
        if actor.category in _PLACE_CATEGORIES and actor.side is not None:
            return actor.side
    return None


def speaking_for(actor: Actor) -> str | None:
    """A capital speaking is its state speaking ("Moscow said"); otherwise the actor's side."""
    return actor.side
