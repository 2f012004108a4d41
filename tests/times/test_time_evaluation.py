"""TimeML parsing and value matching used by ``sitrep eval time``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sitrep.evaluation.time import evaluate_time, parse_tml, value_matches
from sitrep.records import DateMention

TML = (
    '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07">1998-08-07</TIMEX3></DCT>'
    "<TEXT>Bombs &amp; fire <EVENT>hit</EVENT> embassies "
    '<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, and '
    '<TIMEX3 tid="t2" type="DATE" value="1998-W31">last week</TIMEX3> too.</TEXT></TimeML>'
)


def test_parse_tml_offsets() -> None:
    doc = parse_tml("x.tml", TML)
    assert doc.published == "1998-08-07"
    assert doc.text.startswith("Bombs & fire hit")
    assert [(doc.text[t.start : t.end], t.value) for t in doc.timexes] == [
        ("Friday", "1998-08-07"),
        ("last week", "1998-W31"),
    ]


def test_value_matches_intervals_and_partial_values() -> None:
    week = DateMention("last week", 0, 9, None, None, "1998-07-27", "1998-08-02")
    assert value_matches("1998-W31", week, date(1998, 8, 7))
    assert not value_matches("1998-W30", week, date(1998, 8, 7))
    year = DateMention("1952", 0, 4, "1952", "year")
    assert value_matches("1952-XX", year, None)
    assert not value_matches("1953", year, None)


def test_evaluate_on_a_tiny_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "tempeval3" / "dev"
    folder.mkdir(parents=True)
    (folder / "tbaq_cleaned.jsonl").write_text(json.dumps({"file": "x.tml", "tml": TML}) + "\n")
    result = evaluate_time(tmp_path)
    assert (result.gold_dates, result.found, result.correct) == (2, 2, 2)
    assert result.accuracy == 1.0
