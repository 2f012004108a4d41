"""Which date belongs to a cue ("said on Wednesday" -> Wednesday).

Attribution knows where its reporting verb is; this finds the date mention
written right next to it, in either order ("On Jan. 20, an official said"),
without reading across a sentence or a quotation boundary.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.records import DateMention

_BARRIERS = frozenset('.!?\n"“”')
MAX_GAP = 40  # characters between cue and date; "told Ukrainian TV on Wednesday" is 14


def date_for_span(
    mentions: Sequence[DateMention],
    start: int,
    end: int,
    text: str | None = None,
    *,
    max_gap: int = MAX_GAP,
    resolved_only: bool = True,
) -> DateMention | None:
    """The mention nearest to ``text[start:end]``; after the cue wins a tie.

    With ``text`` the characters between cue and date must hold no sentence
    end or quotation mark, so a date in the next sentence is not taken.
    """
    best: tuple[int, int, DateMention] | None = None
    for mention in mentions:
        if resolved_only and mention.value is None:
            continue
        if mention.start >= end:
            gap_from, gap_to, side = end, mention.start, 0
        elif mention.end <= start:
            gap_from, gap_to, side = mention.end, start, 1
        else:
            gap_from, gap_to, side = start, start, 0  # overlapping: the cue is inside the date
        if gap_to - gap_from > max_gap:
            continue
        if text is not None and any(ch in _BARRIERS for ch in text[gap_from:gap_to]):
            continue
        key = (gap_to - gap_from, side)
        if best is None or key < best[:2]:
            best = (*key, mention)
    return None if best is None else best[2]
