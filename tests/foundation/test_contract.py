"""The contract JSON: schema-valid, offsets exact, and invertible back to records."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from sitrep.contract import analysis_from_json, analysis_to_json, report_to_json, storyline_from_json
from sitrep.records import Storyline, StorylineMember
from tests.foundation.records_factory import make_analysis

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "src/sitrep/data/schema/analyze.schema.json").read_text()
)


def validate(doc: object) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)


def test_hand_made_analysis_is_valid_and_round_trips() -> None:
    a = make_analysis()
    s = Storyline("s1", "Soledar", "contested", (StorylineMember(a.article.id, 0),), {"Russia": "assert"})
    doc = report_to_json([a], [s])
    validate(doc)
    assert analysis_from_json(doc["articles"][0]) == a
    assert storyline_from_json(doc["storylines"][0]) == s


def test_schema_rejects_contract_violations() -> None:
    doc = report_to_json([make_analysis()])
    doc["articles"][0]["claims"][0]["kind"] = "hearsay"
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)
    doc = report_to_json([make_analysis()])
    del doc["articles"][0]["claims"][0]["speaker"]["side"]
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)


def test_json_is_plain_data() -> None:
    text = json.dumps(analysis_to_json(make_analysis()))
    assert '"hedges": []' in text and '"actors": ["Russia", "Ukraine"]' in text
