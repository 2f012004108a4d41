"""Which side a speaker speaks for, from the actor dictionary and how the mention is built.

Rules, strongest first: an "X-installed / X-backed / pro-X" modifier gives X's side
("the head of the Russian-installed administration" -> Russia); otherwise the first
state, organisation or demonym named in the mention ("Ukraine's eastern military
command", "a senior U.S. administration official"); otherwise a region or city named
there gives its country ("Luhansk regional governor"), or, while another side held the
place, the holder's ("officials in Donetsk" in 2023: Russia; see ``data/actors/control.tsv``).
Nothing found gives None: a side is never guessed.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.attribution.actors import Actor, ActorDictionary, Control
from sitrep.attribution.names import name_key

_INSTALLED = re.compile(
    r"\b(?:pro-(?P<pro>[A-Z][\w.]*)|(?P<by>[A-Z][\w.]*?)-(?:installed|backed|appointed|controlled|allied|aligned|"
    r"sponsored|led|supported|annexed))\b"
)
_PLACE_CATEGORIES = frozenset({"region", "city"})
_REGIONAL = re.compile(r"\b([A-Z][\w'’-]+)\s+regional\b")


def side_of(
    text: str,
    actors: ActorDictionary,
    authority: frozenset[str] | None = None,
    on: date | None = None,
) -> str | None:
    """The side named or implied by ``text``; None when the mention names none.

    ``authority``: words of public office ("governor", "administration", "police"). When
    given, a city or region gives its country's side only to the place alone or to a
    mention with one of them ("Luhansk regional governor", "Kyiv's military
    administration"): "a London doctor" speaks for nobody's state.

    ``on``: the day the mention speaks of (the article's publication date). A place that
    another side held that day gives the holder's side, unless the mention names the
    displaced officials' office ("Mariupol mayor"); with no day such a place gives none."""
    for m in _INSTALLED.finditer(text):
        name = m.group("pro") or m.group("by")
        actor = actors.lookup(name) if name else None
        if actor is not None and actor.side is not None:
            return actor.side
    plain = _REGIONAL.sub(r"\1", text)
    found = actors.find_all(plain)
    for _, _, actor in found:
        if actor.category not in _PLACE_CATEGORIES and actor.type != "PERSON" and actor.side is not None:
            return actor.side
    keys: list[str] | None = None
    for start, end, actor in found:
        if actor.category in _PLACE_CATEGORIES and actor.side is not None:
            if authority is not None and not _official(plain, start, end, authority):
                continue
            keys = keys if keys is not None else name_key(plain).split()
            place = " ".join(keys[start:end]).removesuffix("'s")
            periods = actors.control(place) or actors.control(actor.name)
            return _held(periods, _words(text), on, actor.side) if periods else actor.side
    return None


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in re.findall(r"[\w'’]+", text))


def _held(periods: tuple[Control, ...], words: frozenset[str], on: date | None, own: str) -> str | None:
    """The side a mention of a place's officials speaks for, given who held the place.

    The displaced side's officials keep their titles ("Donetsk regional governor",
    "Mariupol mayor"), so a mention naming such an office speaks for the place's own side
    whoever holds it; otherwise the holder on ``on``, and nobody when the day is unknown."""
    if on is None:
        return own if all(words & p.displaced for p in periods) else None
    for period in periods:
        if period.covers(on):
            return own if words & period.displaced else period.held_by
    return own


def _official(text: str, start: int, end: int, authority: frozenset[str]) -> bool:
    """Whether a mention naming a place (words ``start``..``end`` as find_all counts them)
    speaks for it: the place alone ("Moscow said"), or a word of office anywhere in it
    ("Luhansk regional governor", "officials in Kharkiv"); not "a London doctor"."""
    words = [w.strip(".,'’") for w in name_key(text).split()]
    rest = [w for i, w in enumerate(words) if not start <= i < end and w not in ("the", "a", "an", "s")]
    return not rest or any(w in authority for w in words)


def speaking_for(actor: Actor) -> str | None:
    """A capital speaking is its state speaking ("Moscow said"); otherwise the actor's side."""
    return actor.side
