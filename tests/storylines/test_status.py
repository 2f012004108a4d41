"""Status, sides and origins of storylines built from hand-made articles."""

from __future__ import annotations

from sitrep.storylines import link
from sitrep.storylines.linker import Linker

from .handmade import (
    BALLOONS,
    BALLOONS_2,
    KHERSON_RU,
    KHERSON_UA,
    SOLEDAR_RU,
    SOLEDAR_UA,
    SOLEDAR_UA_DENY,
    Said,
    article,
)


def test_assert_against_refutation_across_outlets_is_contested(linker: Linker) -> None:
    a = article([SOLEDAR_RU], published="2023-01-11", outlet="Wire A")
    b = article([SOLEDAR_UA], published="2023-01-12", outlet="Wire B")
    (line,) = link([a, b], linker)
    assert line.status == "contested"
    assert line.sides == {"Russia": "assert", "Ukraine": "deny"}
    assert {m.article for m in line.members} == {a.article.id, b.article.id}


def test_deny_polarity_alone_makes_it_contested(linker: Linker) -> None:
    a = article([SOLEDAR_RU], published="2023-01-11", outlet="Wire A")
    b = article([SOLEDAR_UA_DENY], published="2023-01-11", outlet="Wire B")
    (line,) = link([a, b], linker)
    assert line.status == "contested"
    assert line.sides["Ukraine"] == "deny"


def test_one_side_in_two_outlets_is_corroborated(linker: Linker) -> None:
    a = article([BALLOONS], published="2023-02-15", outlet="Wire B")
    b = article([BALLOONS_2], published="2023-02-16", outlet="Wire C")
    (line,) = link([a, b], linker)
    assert line.status == "corroborated"
    assert line.origins == 2
    assert line.sides == {"Ukraine": "assert"}


def test_both_sides_agreeing_is_corroborated(linker: Linker) -> None:
    a = article([KHERSON_RU], published="2022-11-11", outlet="Wire B")
    b = article([KHERSON_UA], published="2022-11-11", outlet="Wire C")
    (line,) = link([a, b], linker)
    assert line.status == "corroborated"
    assert line.sides == {"Russia": "assert", "Ukraine": "assert"}


def test_same_outlet_twice_is_single_source(linker: Linker) -> None:
    a = article([BALLOONS], published="2023-02-15", outlet="Wire B")
    b = article([BALLOONS_2], published="2023-02-16", outlet="Wire B")
    (line,) = link([a, b], linker)
    assert line.status == "single-source"
    assert line.origins == 1


def test_credited_reprint_is_one_origin(linker: Linker) -> None:
    a = article([BALLOONS], published="2023-02-15", outlet="Wire B")
    b = article([BALLOONS_2], published="2023-02-16", outlet="Daily D", lead="(Reprinted from Wire B)")
    (line,) = link([a, b], linker)
    assert line.origins == 1
    assert line.status == "single-source"


def test_agency_credit_is_one_origin(linker: Linker) -> None:
    a = article(
        [BALLOONS], published="2023-02-15", outlet="Paper One", lead="KYIV (Reuters) - Air raid sirens."
    )
    b = article(
        [BALLOONS_2], published="2023-02-16", outlet="Paper Two", lead="KYIV (Reuters) - Sirens blared."
    )
    (line,) = link([a, b], linker)
    assert line.origins == 1


def test_near_duplicate_text_is_one_origin(linker: Linker) -> None:
    tail = " ".join(
        f"Paragraph word{i} about the air raid over the capital and its damage." for i in range(30)
    )
    a = article([BALLOONS], published="2023-02-15", outlet="Paper One", tail=tail)
    b = article([BALLOONS], published="2023-02-16", outlet="Paper Two", tail=tail + " Updated.")
    (line,) = link([a, b], linker)
    assert line.origins == 1
    assert line.status == "single-source"


def test_toll_conflict_between_sides_is_contested_with_both_asserting(linker: Linker) -> None:
    ru = Said(
        "Russia",
        "Russian Defence Ministry",
        "89 servicemen were killed when rockets hit a building in Makiivka",
    )
    ua = Said(
        "Ukraine", "Ukraine's military", "about 400 Russian soldiers were killed by the strike in Makiivka"
    )
    a = article([ru], published="2023-01-04", outlet="Wire C")
    b = article([ua], published="2023-01-03", outlet="Wire A")
    (line,) = link([a, b], linker)
    assert line.status == "contested"
    assert line.sides == {"Russia": "assert", "Ukraine": "assert"}


def test_one_article_with_both_sides_is_a_contested_storyline(linker: Linker) -> None:
    a = article([SOLEDAR_RU, SOLEDAR_UA], published="2023-01-11", outlet="Wire A")
    (line,) = link([a], linker)
    assert line.status == "contested"
    assert len(line.members) == 2


def test_one_article_one_side_is_not_a_storyline(linker: Linker) -> None:
    more = Said("Russia", "Yevgeny Prigozhin", "Wagner units now control the whole of Soledar")
    assert link([article([SOLEDAR_RU, more], published="2023-01-11", outlet="Wire A")], linker) == []


def test_claims_weeks_apart_are_not_linked(linker: Linker) -> None:
    a = article([SOLEDAR_RU], published="2023-01-11", outlet="Wire A")
    b = article([SOLEDAR_UA], published="2023-02-20", outlet="Wire B")
    assert link([a, b], linker) == []


def test_unrelated_events_stay_apart(linker: Linker) -> None:
    a = article([SOLEDAR_RU], published="2023-01-11", outlet="Wire A")
    b = article([BALLOONS], published="2023-01-11", outlet="Wire B")
    assert link([a, b], linker) == []


def test_disclaimer_marks_storyline_unverified(linker: Linker) -> None:
    a = article(
        [SOLEDAR_RU], published="2023-01-11", outlet="Wire A", disclaimer="Wire A could not verify this."
    )
    b = article([SOLEDAR_UA], published="2023-01-12", outlet="Wire B")
    (line,) = link([a, b], linker)
    assert line.unverified


def test_ids_are_deterministic_and_order_free(linker: Linker) -> None:
    a = article([SOLEDAR_RU], published="2023-01-11", outlet="Wire A")
    b = article([SOLEDAR_UA], published="2023-01-12", outlet="Wire B")
    first = link([a, b], linker)
    again = link([b, a], linker)
    assert first == again
    assert first[0].id.startswith("sl-")


def test_lexical_fallback_still_links_and_contests(lexical_linker: Linker) -> None:
    a = article([SOLEDAR_RU], published="2023-01-11", outlet="Wire A")
    b = article([SOLEDAR_UA], published="2023-01-12", outlet="Wire B")
    (line,) = link([a, b], lexical_linker)
    assert lexical_linker.method == "lexical"
    assert line.status == "contested"


def test_toll_far_from_an_unplaced_source_contests(linker: Linker) -> None:
    ru = Said(
        "Russia",
        "Russian Defence Ministry",
        "89 servicemen were killed when rockets hit a building in Makiivka",
    )
    monitor = Said(None, "a monitoring group", "about 400 soldiers were killed by the strike in Makiivka")
    a = article([ru], published="2023-01-04", outlet="Wire C")
    b = article(
        [monitor, Said("Russia", "Daniil Bezsonov", "there were dead in Makiivka")],
        published="2023-01-04",
        outlet="Wire A",
    )
    lines = link([a, b], linker)
    assert [line.status for line in lines] == ["contested"]
