"""Date finding and resolution on plain strings."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.records import DateMention
from sitrep.times import DateFinder, date_for_span, resolve_date

PUB = date(2023, 2, 16)  # a Thursday
EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "examples"


@pytest.fixture(scope="module")
def finder() -> DateFinder:
    return DateFinder()


def only(finder: DateFinder, text: str, published: date | None = PUB) -> DateMention:
    found = finder.find(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        ("Russia said on Wednesday (local time) it had", "on Wednesday", "2023-02-15", "day"),
        ("Officials met on Thursday.", "on Thursday", "2023-02-16", "day"),
        ("It happened last Thursday.", "last Thursday", "2023-02-09", "day"),
        ("Talks will resume next Monday.", "next Monday", "2023-02-20", "day"),
        ("Leaders will meet on Saturday in Munich.", "on Saturday", "2023-02-18", "day"),
        ("the attack yesterday", "yesterday", "2023-02-15", "day"),
        ("Kyiv was shelled overnight", "overnight", "2023-02-16", "day"),
        ("He arrives tomorrow", "tomorrow", "2023-02-17", "day"),
        ("Last year, Russia declared", "Last year", "2022", "year"),
        ("gains this year", "this year", "2023", "year"),
        ("prices rose last month", "last month", "2023-01", "month"),
        ("a decision earlier this month", "earlier this month", "2023-02", "month"),
        ("On Jan. 20, an official said", "On Jan. 20", "2023-01-20", "day"),
        ("signed on Feb 24, 2022 in", "on Feb 24, 2022", "2022-02-24", "day"),
        ("the 24 February 2022 invasion", "24 February 2022", "2022-02-24", "day"),
        ("since January 2023", "since January 2023", "2023-01", "month"),
        ("elections in 2022 were", "2022", "2022", "year"),
        ("filed 2023-02-10 by", "2023-02-10", "2023-02-10", "day"),
        ("three days ago", "three days ago", "2023-02-13", "day"),
        ("in June last year", "June last year", "2022-06", "month"),
        ("rationing since mid-November", "since mid-November", "2022-11", "month"),
    ],
)
def test_resolves(finder: DateFinder, text: str, expression: str, value: str, precision: str) -> None:
    mention = only(finder, text)
    assert (mention.expression, mention.value, mention.precision) == (expression, value, precision)
    assert text[mention.start : mention.end] == expression


def test_year_of_month_day_follows_tense(finder: DateFinder) -> None:
    # same words, different side of publication depending on the verb nearby
    assert only(finder, "ahead of the Feb. 24 first anniversary").value == "2023-02-24"
    assert only(finder, "The bridge was hit on Nov. 3 by missiles").value == "2022-11-03"
    assert only(finder, "The summit will open on March 2").value == "2023-03-02"
    assert only(finder, "The bridge was hit on Feb. 20 by missiles").value == "2022-02-20"


def test_intervals(finder: DateFinder) -> None:
    recent = only(finder, "attacks intensified in recent weeks, officials said")
    assert recent.expression == "in recent weeks"
    assert recent.value is None
    assert recent.range_end == "2023-02-16" and recent.range_start is not None
    assert recent.range_start < "2023-02-16"
    since = only(finder, "shelling since January")
    assert (since.value, since.range_start, since.range_end) == ("2023-01", "2023-01-01", "2023-02-16")
    week = only(finder, "talks last week")
    assert (week.value, week.range_start, week.range_end) == (None, "2023-02-06", "2023-02-12")


def test_without_publication_date_relative_stays_unresolved(finder: DateFinder) -> None:
    found = finder.find("On Wednesday, after the Feb. 24 2022 invasion and last year's losses", None)
    assert [(m.expression, m.value) for m in found] == [
        ("On Wednesday", None),
        ("Feb. 24 2022", "2022-02-24"),
        ("last year", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Russia may launch a new offensive.",
        "Troops march on Kyiv.",
        "Some 2000 troops were deployed.",
        "It costs $2022 a unit.",
        "They fired 1,950 shells.",
        "the Leopard 2 tanks",
        "a wednesday-like mood",
    ],
)
def test_no_false_dates(finder: DateFinder, text: str) -> None:
    assert finder.find(text, PUB) == []


def test_may_and_march_as_months_when_introduced(finder: DateFinder) -> None:
    assert only(finder, "elections in May").value == "2022-05"
    assert only(finder, "shelling since March").value == "2022-03"


def test_example_article_dates() -> None:
    text_path = EXAMPLES / "wire_report_2023-02-16.txt"
    if not text_path.is_file():
        pytest.skip("shared examples not present")
    expected = json.loads((EXAMPLES / "wire_report_2023-02-16.expected.json").read_text())
    text = text_path.read_text(encoding="utf-8")
    found = {(m.expression, m.value) for m in DateFinder().find(text, "2023-02-16")}
    for item in expected["dates"]:
        assert (item["expression"], item["value"]) in found


def test_resolve_date_plain_function() -> None:
    assert resolve_date("on Wednesday", PUB) == ("2023-02-15", "day")
    assert resolve_date("Last year", "2023-02-16") == ("2022", "year")
    assert resolve_date("on Wednesday", None) == (None, None)
    assert resolve_date("January 2023", None) == ("2023-01", "month")


def test_date_for_span_picks_the_cue_date(finder: DateFinder) -> None:
    text = "Zelenskiy said on Tuesday that talks failed. On Jan. 20, an official said no."
    mentions = finder.find(text, PUB)
    said = text.index("said")
    assert date_for_span(mentions, said, said + 4, text).expression == "on Tuesday"  # type: ignore[union-attr]
    second = text.rindex("said")
    assert date_for_span(mentions, second, second + 4, text).expression == "On Jan. 20"  # type: ignore[union-attr]
    failed = text.index("failed")
    assert date_for_span(mentions, failed, failed + 6, text, max_gap=5) is None


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 ,.-$Feb.JanMayonsincelastWednesdayyear\n")), max_size=80
    )
    | st.text(max_size=60),
    st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))),
)
def test_offsets_round_trip(text: str, published: date | None) -> None:
    mentions = DateFinder().find(text, published)
    last_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.expression
        assert m.start >= last_end
        last_end = m.end
        if m.value is not None:
            assert m.precision in ("day", "month", "year")
            date.fromisoformat(m.value + "-01-01"[len(m.value) - 4 :] if len(m.value) < 10 else m.value)
