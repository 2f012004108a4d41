from __future__ import annotations

import pytest

from sitrep.records import Article
from sitrep.storylines.origins import Credits, article_origin, count_origins, minhash, similarity


@pytest.fixture(scope="module")
def credits() -> Credits:
    return Credits.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KYIV, Feb 15 (Reuters) - Russia said on Wednesday ...", "Reuters"),
        ("(Reprinted from Sample Wire B)\n\nAir defence units shot down six balloons.", "Sample Wire B"),
        ("Russia said it broke through. Reuters was not able to independently verify this.", "Reuters"),
        ("MOSCOW (AFP) - The ministry said ...", "Agence France-Presse"),
        ("The ministry said the town was taken.\n\n© AFP", "Agence France-Presse"),
        ("Our correspondent in Kyiv said the sirens sounded twice.", None),
        ("An APC was seen near the AP building.", None),
    ],
)
def test_credit_lines(credits: Credits, text: str, expected: str | None) -> None:
    assert credits.credited(text) == expected


def test_minhash_separates_reprints_from_different_stories() -> None:
    base = " ".join(
        f"sentence {i} about the balloons shot down over the capital overnight" for i in range(40)
    )
    assert similarity(minhash(base), minhash(base + " Edited by the desk.")) > 0.8
    other = " ".join(f"line {i} on the grain deal talks in Istanbul and shipping" for i in range(40))
    assert similarity(minhash(base), minhash(other)) < 0.1


def test_origins_count_outlet_and_reprints(credits: Credits) -> None:
    a = article_origin(Article.from_text("Story one text here.", outlet="Wire B"), credits)
    b = article_origin(
        Article.from_text("(Reprinted from Wire B) Story one text.", outlet="Daily D"), credits
    )
    c = article_origin(Article.from_text("Completely different report.", outlet="Wire C"), credits)
    assert count_origins([a, b]) == 1
    assert count_origins([a, b, c]) == 2
