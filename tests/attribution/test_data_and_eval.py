from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from sitrep.attribution.actors import ActorDictionary
from sitrep.attribution.lexicon import load_lexicons
from sitrep.attribution.names import NameIndex, name_key
from sitrep.errors import DataFileError
from sitrep.evaluation.attribution import PRF, match_spans, parse_brat


def test_lexicons_load_and_keep_longest_hedge_first() -> None:
    lex = load_lexicons()
    assert lex.hedges.index("may have") < lex.hedges.index("may")
    assert any(c.form == "according to" and c.frame == "according" for c in lex.cues)


def test_broken_lexicon_is_a_data_file_error(tmp_path: Path) -> None:
    (tmp_path / "attribution_cues.tsv").write_text("said\tsay\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_lexicons(tmp_path)


def test_actor_lookup_folds_variants() -> None:
    actors = ActorDictionary.load()
    assert actors.lookup("Zelenskyy") is actors.lookup("Zelenskiy")
    assert actors.lookup("U.S.").name == "United States"  # type: ignore[union-attr]
    moscow = actors.lookup("Moscow")
    assert moscow is not None and moscow.metonym_of == "Russia"
    assert actors.lookup("Russian Armed Forces").force == "Military Forces of Russia (2000-)"  # type: ignore[union-attr]


def test_short_acronyms_name_actors_only_in_capitals() -> None:
    """ "UN" is the United Nations, "Un" in "Kim Jong Un" is not; "told us" is no "US"."""
    actors = ActorDictionary.load()
    assert actors.lookup("the U.N.").name == actors.lookup("UN").name == "United Nations"  # type: ignore[union-attr]
    assert actors.lookup_suffix("Kim Jong Un") is None
    assert actors.lookup("us") is None and actors.lookup("US") is not None
    assert actors.lookup_suffix("Ukraine's SBU") is not None


def test_regional_officials_have_their_side(run: Callable[..., Doc]) -> None:
    (c,) = run("Gladkov said on Telegram that a woman was wounded.")._.sitrep_claims
    assert (c.speaker.name, c.speaker.side) == ("Vyacheslav Gladkov", "Russia")


def test_name_index_unifies_across_articles() -> None:
    index = NameIndex()
    assert index.canonical("Oleksandr Kovalenkiy") == "Oleksandr Kovalenkiy"
    assert index.canonical("Oleksandr Kovalenky") == "Oleksandr Kovalenkiy"
    assert index.canonical("Kovalenkyy") == "Oleksandr Kovalenkiy"
    assert name_key("Kiev") == name_key("Kyiv")


def test_parse_brat_links_roles() -> None:
    ann = (
        "T1\tSource 0 3\tHe\nT2\tCue 4 8\tsaid\nT3\tContent 9 20;25 30\tx\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1"
    )
    (a,) = parse_brat(ann)
    assert a.source == [(0, 3)] and a.cue == [(4, 8)] and a.content == [(9, 20), (25, 30)]


def test_match_spans_is_one_to_one() -> None:
    matched = match_spans([(0, 10), (20, 30)], [(0, 9), (1, 10), (50, 60)])
    assert list(matched) == [0] and matched[0] in (0, 1)
    assert PRF.of(1, 2, 1, 4).f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


_WORDS = st.sampled_from(
    [
        "Russia",
        "said",
        "told",
        "reporters",
        '"',
        "“",
        "”",
        "the",
        "ministry",
        "he",
        "it",
        ",",
        ".",
        "\n\n",
        "according",
        "to",
        "that",
        "troops",
        "were",
        "may",
        "have",
        "on",
        "Wednesday",
        "Zelenskiy",
        "added",
        ":",
        "(",
        ")",
        "denied",
        "was",
        "not",
        "able",
        "verify",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_offsets_round_trip_on_generated_text(words: list[str]) -> None:
    import spacy

    import sitrep.stages.attribution  # noqa: F401
    from sitrep.nlp import extensions

    extensions.register()
    nlp = _cached_nlp(spacy)
    text = " ".join(words)
    doc = nlp(text)
    for c in doc._.sitrep_claims:
        assert text[c.start : c.end] == c.content
        if c.cue_start is not None:
            assert text[c.cue_start : c.cue_end] == c.cue
        if c.speaker.start is not None:
            assert text[c.speaker.start : c.speaker.end] == c.speaker.text
    for d in doc._.sitrep_disclaimers:
        assert text[d.start : d.end] == d.text


_NLP: list[object] = []


def _cached_nlp(spacy: Any) -> Any:
    if not _NLP:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("sitrep_attribution")
        _NLP.append(nlp)
    return _NLP[0]
