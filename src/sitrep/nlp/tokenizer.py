"""News-text adjustments to spaCy's English tokenizer.

spaCy's English defaults already split ``Zelenskiy's`` into ``Zelenskiy`` +
``'s`` (straight and curly apostrophe), keep ``U.S.`` whole, split curly quotes
and em/en dashes off, and split ``155mm`` into ``155`` + ``mm``. What wire copy
adds on top, and what this module fixes:

* ``U.S.-led`` / ``U.K.-based``: an abbreviation ending in a period followed by
  a hyphen is split into ``U.S.`` ``-`` ``led`` (spaCy keeps it whole);
* military and political title abbreviations (``Lt.``, ``Col.``, ``Maj.``,
  ``Brig.``, ``Sgt.``, ...) stay one token instead of losing their period;
* ``--`` between words, used for a dash in plain-text copy, is split off;
* em/en dashes and curly double quotes are split off wherever they stand
  (spaCy keeps ``quickly”—Lt`` together when no space separates them).

The changes are made to the tokenizer's own rules (special cases and the infix
pattern), so they are serialized with the tokenizer and a saved pipeline loads
with plain ``spacy.load(path)``: nothing here needs to be imported at run time.
At training time the same function is run through the registered
``sitrep.news_tokenizer.v1`` callback so that training and shipped tokenization
agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, registry

# Title abbreviations common in defence reporting that spaCy's English
# exceptions do not already contain ("Gen.", "Gov.", "Sen.", "Rep.", "Mr." are there).
TITLE_ABBREVIATIONS: tuple[str, ...] = (
    "Lt.",
    "Col.",
    "Maj.",
    "Brig.",
    "Sgt.",
    "Capt.",
    "Cpl.",
    "Pvt.",
    "Adm.",
    "Cmdr.",
    "Cdr.",
    "Lt.-Col.",
    "Lt.-Gen.",
    "Maj.-Gen.",
    "Gens.",
    "Sens.",
    "Reps.",
    "Amb.",
    "Pres.",
    "Sec.",
    "Dept.",
    "Gov't",
    "Sept.",
    "approx.",
)

# "U.S.-led": a hyphen after an upper-case abbreviation's final period.
ABBREV_HYPHEN_INFIX = r"(?<=[A-Z]\.)-(?=[A-Za-z0-9])"
# "word--word": a double hyphen used as a dash.
DOUBLE_HYPHEN_INFIX = r"(?<=[A-Za-z0-9])--(?=[A-Za-z0-9])"

# Em/en dashes and curly double quotes are never part of a word: split them off
# wherever they stand ("difficult”—Lt.", "said:“We").
DASH_INFIX = r"[—–]"
CURLY_QUOTE_INFIX = r"[“”„«»]"
# "said:“We" - punctuation glued to an opening quote.
PUNCT_BEFORE_QUOTE_INFIX = r"(?<=[A-Za-z0-9])[:;,](?=[“”„«»\"])"

NEWS_INFIXES: tuple[str, ...] = (
    ABBREV_HYPHEN_INFIX,
    DOUBLE_HYPHEN_INFIX,
    DASH_INFIX,
    CURLY_QUOTE_INFIX,
    PUNCT_BEFORE_QUOTE_INFIX,
)


def customize_tokenizer(nlp: Language) -> Language:
    """Apply sitrep's news tokenization rules to ``nlp.tokenizer`` in place.

    Idempotent: running it twice gives the same rules.
    """
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for abbreviation in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    infixes = list(nlp.Defaults.infixes or [])
    for pattern in NEWS_INFIXES:
        if pattern not in infixes:
            infixes.append(pattern)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


@registry.callbacks("sitrep.news_tokenizer.v1")  # type: ignore[untyped-decorator,unused-ignore]
def create_news_tokenizer_callback() -> Callable[[Language], Language]:
    """spaCy ``[initialize.before_init]`` callback used by the training configs."""
    return customize_tokenizer
