"""How a statement was made: Telegram, TV, reporters, a named broadcaster, ...

The patterns are data (``channels.tsv``); they are applied to the attribution clause
only (speaker, cue and their adjuncts), never to what was said, so a claim about a
TV tower is not a statement made on TV.
"""

from __future__ import annotations

from sitrep.attribution.lexicon import Lexicons


def find_channel(clause: str, lex: Lexicons) -> str | None:
    for entry in lex.channels:
        m = entry.pattern.search(clause)
        if m is None:
            continue
        if entry.channel == "{name}":
            name = m.groupdict().get("name")
            if name:
                return _without_full_stop(name.strip())
            continue
        return entry.channel
    return None


def _without_full_stop(name: str) -> str:
    """ "Ukrainska Pravda." closing a sentence loses its full stop; "U.S." keeps its own."""
    last = name.split()[-1]
    return name[:-1] if last.endswith(".") and "." not in last[:-1] else name


def leading_channel(text: str, lex: Lexicons) -> int:
    """The length of a channel adjunct that opens ``text`` ("on Telegram", "in a video
    address"), 0 when it opens with none. Without "that", such an adjunct after the cue
    ("said on Telegram it had ...") is the attribution's, not the claim's."""
    longest = 0
    for entry in lex.channels:
        m = entry.pattern.match(text)
        if m is not None and (entry.channel != "{name}" or m.groupdict().get("name")):
            longest = max(longest, m.end())
    return longest
