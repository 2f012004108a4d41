"""How two claims' places relate: named towns are compared as towns, rough points keep a margin."""

from __future__ import annotations

import pytest

from sitrep.storylines import link
from sitrep.storylines.linker import Linker
from sitrep.storylines.linking import place_relation
from sitrep.storylines.views import PlaceKey

from .handmade import Said, article

DONETSK = "Donetsk Oblast"
SOLEDAR = PlaceKey("Soledar", "city", "UA", DONETSK, 48.68, 38.09)
BAKHMUT = PlaceKey("Bakhmut", "city", "UA", DONETSK, 48.59, 38.00)
KRAMATORSK = PlaceKey("Kramatorsk", "city", "UA", DONETSK, 48.72, 37.56)  # about 39 km from Soledar
OBLAST = PlaceKey(DONETSK, "admin1", "UA", DONETSK, 48.0, 37.8)
# A relative location ("40 km west of Soledar") is a rough point, not a town the report named.
OFFSET = PlaceKey("40 km west of Soledar", "feature", "UA", DONETSK, 48.68, 37.55)


def test_two_named_towns_of_one_oblast_beyond_near_are_two_places() -> None:
    assert place_relation((SOLEDAR,), (KRAMATORSK,)) == "clash"
    assert place_relation((KRAMATORSK,), (SOLEDAR,)) == "clash"


def test_a_shared_oblast_does_not_rescue_two_towns() -> None:
    assert place_relation((SOLEDAR, OBLAST), (KRAMATORSK, OBLAST)) == "clash"


def test_neighbouring_towns_match() -> None:
    assert place_relation((SOLEDAR,), (BAKHMUT,)) == "match"


def test_a_town_inside_the_oblast_named_alone_stays_unknown() -> None:
    assert place_relation((SOLEDAR,), (OBLAST,)) == "unknown"


def test_a_rough_point_in_the_margin_stays_unknown() -> None:
    assert place_relation((KRAMATORSK,), (OFFSET,)) == "match"  # within NEAR_KM of Kramatorsk
    assert place_relation((SOLEDAR,), (OFFSET,)) == "unknown"  # 40 km: neither the same nor far


@pytest.mark.parametrize("fixture", ["linker", "lexical_linker"])
def test_same_wording_at_two_towns_of_one_oblast_is_two_storylines(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    linker: Linker = request.getfixturevalue(fixture)
    text = "Russian shelling of {} overnight had damaged a school and several apartment blocks"
    a = article(
        [Said("Ukraine", "Pavlo Kyrylenko", text.format("Soledar"))], published="2023-01-11", outlet="A"
    )
    b = article(
        [Said("Ukraine", "Pavlo Kyrylenko", text.format("Kramatorsk"))], published="2023-01-12", outlet="B"
    )
    assert link([a, b], linker) == []
