"""End to end through the CLI, as a user runs it: analyze, ingest, query, export, demo."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import EXAMPLE_TXT
from tests.foundation.test_contract import SCHEMA


def sitrep(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("SITREP_MODEL", None)
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=full_env,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def example_json() -> dict:  # type: ignore[type-arg]
    if not EXAMPLE_TXT.exists():
        pytest.skip("../shared/examples is not beside the repository")
    res = sitrep("analyze", str(EXAMPLE_TXT), "--published", "2023-02-16", "--json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)  # type: ignore[no-any-return]


def test_analyze_example_is_contract_valid_with_exact_offsets(example_json: dict) -> None:  # type: ignore[type-arg]
    jsonschema.Draft202012Validator(SCHEMA).validate(example_json)
    (art,) = example_json["articles"]
    text = art["article"]["text"]
    assert art["article"]["published"] == "2023-02-16"
    assert art["article"]["title"].startswith("Ukraine invasion")
    for c in art["claims"]:
        assert text[c["start"] : c["end"]] == c["content"]
    for p in art["places"]:
        assert text[p["start"] : p["end"]] == p["mention"]
    for d in art["dates"]:
        assert text[d["start"] : d["end"]] == d["expression"]
    for d in art["disclaimers"]:
        assert text[d["start"] : d["end"]] == d["text"]
    # Every stage does real work on the example article.
    assert len(art["claims"]) >= 20
    assert len(art["places"]) >= 10
    assert len(art["dates"]) >= 5
    assert len(art["events"]) >= 1
    assert art["disclaimers"]


def test_analyze_bad_inputs_are_named_and_others_processed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Headline\nThe ministry said the town was calm on Tuesday.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok text here."}\n{broken\n', encoding="utf-8")
    res = sitrep("analyze", str(good), str(bad), str(tmp_path / "missing.html"), "--json")
    assert res.returncode == 1
    out = json.loads(res.stdout)
    assert len(out["articles"]) == 2
    assert f"{bad}:2" in res.stderr and "missing.html" in res.stderr
    assert len([line for line in res.stderr.splitlines() if "error" in line]) == 2


def test_ingest_twice_is_a_no_op_and_queries_work(tmp_path: Path) -> None:
    from sitrep.samples import samples_path

    db = str(tmp_path / "s.sqlite")
    first = sitrep("ingest", str(samples_path()), "--db", db, "--quiet")
    assert first.returncode == 0, first.stderr
    from sitrep.store import Store

    with Store.open(db) as store:
        counts = store.counts()
        analyses = list(store.iter_analyses())
    assert counts.articles >= 10 and counts.claims >= 30
    again = sitrep("ingest", str(samples_path()), "--db", db)
    assert again.returncode == 0 and "stored 0 new" in again.stderr
    with Store.open(db) as store:
        assert store.counts() == counts
        assert list(store.iter_analyses()) == analyses

    res = sitrep("claims", "--db", db, "--side", "Russia", "--json", "--limit", "500")
    rows = json.loads(res.stdout)
    assert rows and all(r["speaker"]["side"] == "Russia" for r in rows)
    res = sitrep("claims", "--db", db, "--search", "Soledar", "--csv")
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert table and all("soledar" in (r["content"] + r["speaker"]).lower() for r in table)
    res = sitrep("places", "--db", db, "--country", "UA", "--json")
    assert any(p["name"] == "Bakhmut" for p in json.loads(res.stdout))

    for fmt in ("jsonl", "csv", "geojson"):
        out = tmp_path / f"export.{fmt}"
        res = sitrep("export", "--db", db, "--format", fmt, "-o", str(out))
        assert res.returncode == 0, res.stderr
        assert out.stat().st_size > 100
    lines = (tmp_path / "export.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == counts.articles
    geo = json.loads((tmp_path / "export.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    for f in geo["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_demo_prints_situation_report(tmp_path: Path) -> None:
    res = sitrep("demo", "--db", str(tmp_path / "demo.sqlite"))
    assert res.returncode == 0, res.stderr
    assert "Situation report" in res.stdout
    assert "Claims by side" in res.stdout and "Russia" in res.stdout and "Ukraine" in res.stdout
    assert "Places" in res.stdout


def test_stdin_and_bad_db(tmp_path: Path) -> None:
    res = sitrep(
        "analyze",
        "-",
        "--json",
        stdin="Kyiv balloons\nThe military administration said six balloons were shot down.",
    )
    assert res.returncode == 0 and json.loads(res.stdout)["articles"][0]["article"]["source"] == "<stdin>"
    res = sitrep("claims", "--db", "nosuchdriver://x")
    assert res.returncode == 3 and "S300" in res.stderr


def test_officials_of_a_held_city_contest_the_other_sides_denial(tmp_path: Path) -> None:
    """Sides from periods of control (data/actors/control.tsv) reach the storylines: the
    officials of Russian-held Donetsk and Ukraine's military make a contested storyline."""
    claim = tmp_path / "claim.txt"
    claim.write_text(
        "Shelling kills five in Donetsk\n\n"
        "Officials in Donetsk said Ukrainian shelling killed five people in the city on Tuesday.\n",
        encoding="utf-8",
    )
    denial = tmp_path / "denial.txt"
    denial.write_text(
        "Kyiv denies shelling Donetsk\n\n"
        "Ukraine's military denied that its forces had shelled Donetsk on Tuesday.\n",
        encoding="utf-8",
    )
    res = sitrep("analyze", str(claim), str(denial), "--published", "2023-02-16", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    (said,) = out["articles"][0]["claims"]
    assert (said["speaker"]["text"], said["speaker"]["side"]) == ("Officials in Donetsk", "Russia")
    (line,) = out["storylines"]
    assert line["status"] == "contested"
    assert line["sides"] == {"Russia": "assert", "Ukraine": "deny"}
