"""Quantity parsing on plain strings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.quantities import QuantityParser
from sitrep.records import Quantity
from sitrep.times import DateFinder

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "examples"


@pytest.fixture(scope="module")
def parser() -> QuantityParser:
    return QuantityParser()


def only(parser: QuantityParser, text: str) -> Quantity:
    found = parser.find(text)
    assert len(found) == 1, found
    assert text[found[0].start : found[0].end] == found[0].text
    return found[0]


@pytest.mark.parametrize(
    ("text", "quantity", "value", "unit", "low", "high", "qualifier", "noun"),
    [
        ("retreated up to 3 km (2 miles) from", "up to 3 km (2 miles)", 3, "km", None, 3, "up to", None),
        (
            "attacks near over 20 settlements including",
            "over 20 settlements",
            20,
            None,
            20,
            None,
            "over",
            "settlements",
        ),
        (
            "said six Russian balloons that may",
            "six Russian balloons",
            6,
            None,
            6,
            6,
            None,
            "Russian balloons",
        ),
        (
            "production of 155mm artillery rounds and",
            "155mm artillery rounds",
            155,
            "mm",
            155,
            155,
            None,
            "artillery rounds",
        ),
        (
            "worth more than $241 million.",
            "more than $241 million",
            241e6,
            "USD",
            241e6,
            None,
            "more than",
            None,
        ),
        ("dozens of drones were", "dozens of drones", None, None, 24, None, "dozens", "drones"),
        (
            "between 20 and 30 soldiers died",
            "between 20 and 30 soldiers",
            None,
            None,
            20,
            30,
            "between",
            "soldiers",
        ),
        ("about 1,500 people fled", "about 1,500 people", 1500, None, None, None, "about", "people"),
        ("twenty-five shells landed", "twenty-five shells", 25, None, 25, 25, None, "shells"),
        ("at least 12 civilians were", "at least 12 civilians", 12, None, 12, None, "at least", "civilians"),
        ("a 2.5 billion euros package", "2.5 billion euros", 2.5e9, "EUR", 2.5e9, 2.5e9, None, None),
    ],
)
def test_parses(
    parser: QuantityParser,
    text: str,
    quantity: str,
    value: float | None,
    unit: str | None,
    low: float | None,
    high: float | None,
    qualifier: str | None,
    noun: str | None,
) -> None:
    q = only(parser, text)
    assert (q.text, q.value, q.unit, q.low, q.high, q.qualifier, q.noun) == (
        quantity,
        value,
        unit,
        low,
        high,
        qualifier,
        noun,
    )


@pytest.mark.parametrize(
    "text",
    [
        "F-16 jets arrived",
        "Leopard 2 battle tanks",
        "at 4 a.m. local",
        "the 24th brigade",
        "at 10:30 the",
        "it rose 5",
    ],
)
def test_not_quantities(parser: QuantityParser, text: str) -> None:
    assert parser.find(text) == []


def test_skip_spans_keep_dates_out(parser: QuantityParser) -> None:
    text = "ahead of the Feb. 24 anniversary, 40 tanks arrived"
    dates = [(d.start, d.end) for d in DateFinder().find(text, "2023-02-16")]
    assert [q.text for q in parser.find(text, dates)] == ["40 tanks"]


def test_example_article_quantities(parser: QuantityParser) -> None:
    path = EXAMPLES / "wire_report_2023-02-16.txt"
    if not path.is_file():
        pytest.skip("shared examples not present")
    text = path.read_text(encoding="utf-8")
    expected = json.loads((EXAMPLES / "wire_report_2023-02-16.expected.json").read_text())["quantities"]
    dates = [(d.start, d.end) for d in DateFinder().find(text, "2023-02-16")]
    found = {q.text for q in parser.find(text, dates)}
    assert set(expected) <= found


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 ,.-$()%kmsixtyover upto dozens of tanks\n")), max_size=80
    )
    | st.text(max_size=60)
)
def test_offsets_round_trip(text: str) -> None:
    for q in QuantityParser().find(text):
        assert text[q.start : q.end] == q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high or q.qualifier == "range"
