"""The word index must give, for every stretch of a text, exactly the words a scan of
that stretch alone gives: the rules read stretches cut anywhere, even inside a word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.attribution import segments
from sitrep.attribution.segments import words_in

# the pieces the tokeniser treats specially, so that random texts hit its edge cases
_PIECES = st.sampled_from(
    [
        "U.S.",
        "U.S",
        "Mr.",
        "Mr",
        "Dr.",
        "Jan.",
        "John F. Kerry",
        "Zelenskiy's",
        "Putin’s",
        "e-mail",
        "3.5",
        "155mm",
        "it's",
        "'s",
        "said",
        ",",
        ".",
        '"',
        "“",
        "”",
        "—",
        "...",
        " ",
        "  ",
        "\n",
        "A.",
        "a",
        "x",
    ]
)


def _text(pieces: list[str]) -> str:
    text = " ".join(pieces)
    while len(text) < segments._INDEX_FROM:
        text = text + " " + text
    return text


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=60), st.data())
def test_any_stretch_reads_as_if_scanned_alone(pieces: list[str], data: st.DataObject) -> None:
    text = _text(pieces)
    start = data.draw(st.integers(-5, len(text) + 5), label="start")
    end = data.draw(st.none() | st.integers(-5, len(text) + 5), label="end")
    stop = len(text) if end is None else end
    assert words_in(text, start, end) == segments._scan(text, start, stop)


def test_cut_inside_a_word_and_after_a_title() -> None:
    text = _text(["Mr. Smith told the U.S. envoy the U.S.A plan was dead, Zelenskiy's aide said."])
    mr = text.index("Mr.")
    # "Mr." before a cut: the lookahead for a space fails, so "Mr" and "." are two words
    assert [w.text for w in words_in(text, mr, mr + 3)] == ["Mr", "."]
    usa = text.index("U.S.A")
    assert [w.text for w in words_in(text, usa + 2, usa + 5)] == ["S.A"]
    assert [w.text for w in words_in(text, usa, usa + 5)] == ["U.S.", "A"]
    # the same stretch asked twice gives equal but separate lists (a caller may change its own)
    first = words_in(text, 0, 40)
    first.append(first[0])
    assert words_in(text, 0, 40) == segments._scan(text, 0, 40)
