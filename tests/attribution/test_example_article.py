"""End to end on the reference article against its hand-made expected claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from sitrep.evaluation.attribution import evaluate_gold_file

GOLD = Path(__file__).resolve().parents[3] / "shared" / "examples" / "wire_report_2023-02-16.expected.json"


@pytest.mark.skipif(not GOLD.is_file(), reason="shared example not available")
def test_example_article_meets_targets(nlp: Language) -> None:
    result = evaluate_gold_file(nlp, GOLD)
    assert result.recall >= 0.95
    assert result.precision >= 0.90
    for name in ("speaker", "side", "kind"):
        assert result.field_accuracy[name] >= 0.95, name
    for target in ("channels", "denials", "hedges", "unverified"):
        right, total = result.found[target]
        assert right == total, target
    assert result.disclaimers_found[0] == result.disclaimers_found[1]
