"""The attribution rules rule texts out with one cheap scan before their scan per phrase
(hedges, denials, disclaimers, anonymity phrases). Each filter must never rule
out a text the full scan would find something in; these compare both on random texts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.attribution.certainty import CertaintyRules
from sitrep.attribution.lexicon import Lexicons, any_of, load_lexicons

LEX = load_lexicons()
RULES = CertaintyRules(LEX)

_WORDS = st.sampled_from(
    [
        *LEX.hedges,
        *LEX.denials,
        "said",
        "says",
        "Said",
        "SAID",
        "told",
        "according to",
        "reportedly",
        "not",
        "correspond",
        "to",
        "reality",
        "could",
        "independently",
        "verify",
        "asked",
        "named",
        "may",
        "Mayor",
        "the",
        "x",
        '"',
        "“",
        "’",
        "'",
        ",",
        ".",
        "-",
        "—",
        "\n",
        "  ",
        "K",
        "ſ",
        "é",
    ]
)


def _texts() -> st.SearchStrategy[str]:
    # words glued by a space, nothing, a mark or a hyphen: edges are what filters get wrong
    return st.lists(st.tuples(_WORDS, st.sampled_from([" ", "", '"', "-", "  "])), max_size=25).map(
        lambda pairs: "".join(w + sep for w, sep in pairs)
    )


def _hedges_unfiltered(content: str) -> tuple[str, ...]:
    rules = CertaintyRules(LEX)
    rules._any_hedge = re.compile("")  # matches everywhere: the full scan always runs
    return rules.hedges(content)


def _denies_unfiltered(content: str) -> bool:
    rules = CertaintyRules(LEX)
    rules._any_denial = re.compile("")
    return rules.denies(content, None)


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_hedge_and_denial_filters_lose_nothing(text: str) -> None:
    assert RULES.hedges(text) == _hedges_unfiltered(text)
    assert RULES.denies(text, None) == _denies_unfiltered(text)


@settings(max_examples=200, deadline=None)
@given(_texts(), st.data())
def test_disclaimer_and_anonymity_filters_lose_nothing(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    unfiltered = CertaintyRules(LEX)
    unfiltered._any_disclaimer = None
    assert RULES.disclaimers(text, start, end) == unfiltered.disclaimers(text, start, end)
    plain = Lexicons(
        **{
            f: getattr(LEX, f)
            for f in (
                "cues",
                "hedges",
                "denials",
                "disclaimers",
                "channels",
                "pronouns",
                "roles",
                "words",
                "anonymity",
            )
        }
    )
    object.__setattr__(plain, "_anonymity_any", None)
    assert LEX.anonymous_spans(text, start, end) == plain.anonymous_spans(text, start, end)


@pytest.mark.parametrize(
    ("patterns", "joined"),
    [
        ([re.compile("a(b)"), re.compile("c")], True),
        ([re.compile("a", re.I), re.compile("c")], False),  # different flags
        ([re.compile(r"(a)\1"), re.compile("c")], False),  # a back reference would shift
        ([re.compile("(?P<x>a)"), re.compile("(?P<x>c)")], False),  # the join does not compile
        ([], False),
    ],
)
def test_any_of_joins_only_what_it_can_join_faithfully(patterns: list[re.Pattern[str]], joined: bool) -> None:
    found = any_of(patterns)
    assert (found is not None) == joined
    if found is not None:
        assert found.search("xxab") and found.search("c") and not found.search("xyz")
