"""Name normalisation shared by the build script and look-ups.

Both sides must fold names the same way or look-ups silently miss, so the one
function lives here. Folding removes what varies between transliterations and
typing habits (accents, apostrophes, hyphens, dots, case) but keeps letters.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’ʼ`´‘ʹ"
_DROP = str.maketrans("", "", _APOSTROPHES + ".")
_SPACES = re.compile(r"[\s\-‐‑–—_/]+")


def fold(name: str) -> str:
    """Key under which a name is stored and looked up ("Kharkivs’ka" -> "kharkivska")."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("đ", "d")
    return _SPACES.sub(" ", stripped.translate(_DROP)).strip().casefold()


def is_latin(name: str) -> bool:
    """True when a name folds to plain ASCII letters: only those can appear in English text."""
    key = fold(name)
    return bool(key) and key.isascii() and any(ch.isalpha() for ch in key)
