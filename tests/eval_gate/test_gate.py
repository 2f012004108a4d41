"""CI's quality gate: every stage's dev-set figures stay at or above the floors pinned in baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.evaluation import gate

BASELINE = Path(__file__).with_name("baseline.json")


@pytest.fixture(scope="module")
def baseline() -> dict:  # type: ignore[type-arg]
    return json.loads(BASELINE.read_text())  # type: ignore[no-any-return]


def test_gold_sets_are_the_ones_the_floors_were_set_on(shared_data: Path, baseline: dict) -> None:  # type: ignore[type-arg]
    assert gate.fingerprints(shared_data) == baseline["fingerprints"], (
        "a gold file changed: re-measure and re-pin the floors (python -m sitrep.evaluation.gate --raise)"
    )


@pytest.mark.slow
def test_every_stage_meets_its_floor(shared_data: Path, baseline: dict) -> None:  # type: ignore[type-arg]
    measured = gate.measure(shared_data)
    assert gate.check(measured, baseline) == []
    assert set(baseline["floors"]) <= set(measured)


def test_check_flags_drops_and_missing_metrics() -> None:
    base = {"floors": {"a": 0.5, "b": 0.9}}
    assert gate.check({"a": 0.5, "b": 0.95}, base) == []
    assert gate.check({"a": 0.49, "b": 0.95}, base) == ["a: 0.4900 is below its floor 0.5000"]
    assert gate.check({"a": 0.6}, base) == ["b: not measured (floor 0.9)"]
