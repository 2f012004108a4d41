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


# Spellings of one Cyrillic letter that English-language sources mix freely: "shch"/"sch" (щ),
# "kh"/"h" (х), and y/i/j for и, і, й and the glide of я, ю, є, ї ("Pryiutne"/"Priyutne",
# "Verkhnotoretske"/"Verkhnyotoretske"). Longest first, so "shch" is not read as "sh" + "ch".
_SKELETON_SPELLINGS = (("shch", "sc"), ("sch", "sc"), ("kh", "h"), ("y", "i"), ("j", "i"))
_GLIDE = re.compile(r"i+(?=[aeiou])")
_DOUBLE = re.compile(r"([a-z])\1+")


def skeleton(key: str) -> str:
    """A looser key for East Slavic place names written in competing transliterations.

    Takes a folded key. Every y/i/j becomes "i", an "i" before a vowel (the glide
    of я, ю, є, "yo") is dropped, "kh" becomes "h", "shch"/"sch" become "sc", and
    doubled letters are written once, so "verkhnyotoretske" and "verkhnotoretske"
    share "verhnotoretske". Vowels other than the glide are kept, so "Kiev" and
    "Kyiv" still differ: the key is meant to catch spelling habits, not
    different names, and is only consulted when the exact key names nothing.
    """
    out = key
    for written, common in _SKELETON_SPELLINGS:
        out = out.replace(written, common)
    return _DOUBLE.sub(r"\1", _GLIDE.sub("", out))


# Endings of a hromada's name as an adjective ("Vysokopilska", "Vysokopilske") or of the town it
# is named after ("Tiahynka"), longest first; one is stripped so both forms share a stem.
_HROMADA_ENDINGS = ("skyi", "ska", "ske", "ka", "ia", "a", "e")


def hromada_stem(name: str) -> str:
    """Key shared by the ways a hromada is written ("Tiahynka community", "Tiahynska hromada")."""
    key = fold(name)
    for ending in _HROMADA_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            key = key[: -len(ending)]
            break
    return skeleton(key)
