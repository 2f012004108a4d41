"""Spelling-variant keys for names, so "Zelenskiy", "Zelensky" and "Zelenskyy" meet.

Wire services transliterate Ukrainian and Russian names differently (-iy, -y, -yy,
-ii; Kyiv/Kiev); a storyline that joins articles from several outlets must treat them
as one person. The key is deliberately lossy and only used for matching: the
canonical spelling shown to users is the dictionary's or the first one seen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Ordered suffix folds: the longest ending first, applied once per word.
_SUFFIX_FOLDS = (("iyy", "y"), ("yy", "y"), ("iy", "y"), ("ii", "y"), ("ij", "y"), ("yi", "y"))
_INNER_FOLDS = (("kiev", "kyiv"), ("gaid", "haid"))


def fold_word(word: str) -> str:
    for old, new in _INNER_FOLDS:
        if word.startswith(old):
            word = new + word[len(old) :]
    possessive = word.endswith("'s")
    stem = word[:-2] if possessive else word
    for suffix, replacement in _SUFFIX_FOLDS:
        if len(stem) > 4 and stem.endswith(suffix):
            stem = stem[: -len(suffix)] + replacement
            break
    return stem + ("'s" if possessive else "")


@lru_cache(maxsize=1 << 15)
def name_key(text: str) -> str:
    """A lower-case, accent-free, transliteration-folded key for ``text``.

    Memoised: speaker resolution keys the same few names of an article again and again
    (tens of thousands of calls per hundred articles), and the key depends on the text
    alone."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace(".", "")
    words = [fold_word(w) for w in _WORD.findall(text)]
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


@dataclass
class NameIndex:
    """Unifies person names across articles: the first spelling seen becomes canonical.

    An explicit object (not module state) so a batch run can own one and pass it to
    every article; surnames are indexed so "Zelensky" finds "Volodymyr Zelenskiy".
    """

    _by_key: dict[str, str] = field(default_factory=dict)
    _by_surname: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        key = name_key(name)
        if not key:
            return name
        if key in self._by_key:
            return self._by_key[key]
        parts = key.split()
        if len(parts) == 1 and key in self._by_surname:
            return self._by_surname[key]
        self._by_key[key] = name
        if len(parts) > 1:
            self._by_surname.setdefault(parts[-1], name)
        return name
