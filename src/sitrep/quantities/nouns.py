"""What a number counts, read from the words after it when no parse is available.

"six Russian balloons that may have ..." -> "Russian balloons": words are taken
while they are not function words, and the phrase ends at the first plural
(news counts in plurals), so verbs after the noun stay out.
"""

from __future__ import annotations

import re

from sitrep.quantities.lexicon import QuantityLexicon

_WORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’-]*)")
MAX_WORDS = 4


def _plural(word: str, lex: QuantityLexicon) -> bool:
    low = word.lower()
    return low in lex.plural_nouns or (len(low) > 3 and low.endswith("s") and not low.endswith("ss"))


def noun_after(text: str, pos: int, lex: QuantityLexicon, *, single: bool = False) -> tuple[int, int] | None:
    """Span of the counted noun phrase starting at ``pos``, or None.

    ``single`` (a count of one) stops after the first word, which is then
    singular.
    """
    words: list[tuple[int, int]] = []
    cursor = pos
    while len(words) < MAX_WORDS:
        m = _WORD.match(text, cursor)
        if m is None:
            break
        word = m.group(1)
        if word.lower() in lex.boundaries or word.lower() in lex.qualifiers:
            break
        words.append((m.start(1), m.end(1)))
        cursor = m.end()
        if single or _plural(word, lex):
            break
    else:
        # four words without a plural: probably not a noun phrase after all
        return None
    if not words:
        return None
    last = text[words[-1][0] : words[-1][1]]
    if not (single or _plural(last, lex)):
        return None
    return words[0][0], words[-1][1]
