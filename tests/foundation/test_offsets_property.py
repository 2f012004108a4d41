"""Property: whatever the text, every record the pipeline emits slices back to its own string."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.analysis import Analyzer
from sitrep.contract import report_to_json
from sitrep.records import Article

FRAGMENTS = [
    "The Russian Defence Ministry said",
    " on Wednesday ",
    "“During the offensive ... troops retreated up to 3 km (2 miles),” the ministry said on Telegram.",
    '"It is false," he told reporters. ',
    "Ukraine's military said its units repelled attacks near Bakhmut in Donetsk province.",
    " according to Luhansk governor Serhiy Haidai, ",
    "Reuters could not independently verify the report. ",
    "six balloons that may have carried equipment were shot down over Kyiv",
    "\u00a0",
    "\n\n",
    "Zelenskiy's office",
    " — ",
    "(of Luhansk)",
    "On Jan. 20, a senior U.S. official said",
    "Feb. 24",
    "over 20 settlements",
    "'",
    "\u201c",
    "\u201d",
    ".",
    ",",
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=14),
    published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
)
def test_every_offset_round_trips(analyzer: Analyzer, parts: list[str], published: str | None) -> None:
    text = "".join(parts)
    if not text.strip():
        return
    (a,) = list(
        analyzer.analyze_many([Article.from_text(text, published=published)])
    )  # extract checks offsets
    doc = report_to_json([a])["articles"][0]
    for c in doc["claims"]:
        assert text[c["start"] : c["end"]] == c["content"]
    for p in doc["places"]:
        assert text[p["start"] : p["end"]] == p["mention"]
    for d in doc["dates"]:
        assert text[d["start"] : d["end"]] == d["expression"]
        if published is None and d["value"] is not None:
            assert d["value"][:4].isdigit()  # only dates that carry their own year resolve without a date
