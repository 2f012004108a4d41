"""The sample corpus gold, with gold claims (linking alone), and the stance scorer."""

from __future__ import annotations

from sitrep.evaluation.stance import score
from sitrep.evaluation.storylines import evaluate_storylines, samples_dir


def test_every_gold_storyline_is_one_storyline_with_the_right_status() -> None:
    d = samples_dir()
    result = evaluate_storylines(d / "storylines.gold.json", d / "articles.jsonl", claims_from="gold")
    assert result.matches and all(m.found for m in result.matches)
    assert all(m.status == m.gold_status for m in result.matches)
    assert sum(m.sides == m.gold_sides for m in result.matches) >= len(result.matches) - 1
    assert result.bcubed_precision >= 0.85 and result.bcubed_recall >= 0.85


def test_fnc_score_and_f1_by_hand() -> None:
    gold = ["agree", "disagree", "unrelated", "discuss"]
    pred = ["agree", "discuss", "unrelated", "unrelated"]
    f = score(gold, pred)
    assert f.fnc_score == 1.0 + 0.25 + 0.25 + 0.0
    assert f.fnc_max == 3.25
    assert f.per_class_f1["agree"] == 1.0
    assert f.per_class_f1["disagree"] == 0.0
    assert abs(f.per_class_f1["unrelated"] - 2 / 3) < 1e-9


def test_pipeline_claims_give_one_storyline_per_event_with_the_right_status() -> None:
    """The default pipeline end to end on the sample corpus (figures in the issue report).

    One gold storyline may get the wrong status: the Kherson withdrawal, which the
    pipeline marks contested (Ukraine: deny) where the gold has it corroborated
    (none of the Ukrainian claims in it is a denial or matches a refutation
    pattern: the stance model, which judges claims across articles, reads a
    Russian and a Ukrainian claim from the two articles as disagreeing).
    Makiivka, wrong until session 22, now has its status and sides right: "Its
    strategic communications directorate" is Ukraine's military's. No two events
    share a storyline.
    """
    d = samples_dir()
    result = evaluate_storylines(d / "storylines.gold.json", d / "articles.jsonl", claims_from="pipeline")
    right = [m for m in result.matches if m.found and m.status == m.gold_status]
    assert len(right) >= len(result.matches) - 1
    assert not any(m.merged for m in result.matches)
    assert all(m.sides == m.gold_sides for m in right)
    assert any("Makiivka" in m.about for m in right)
    figures = result.figures()
    assert figures["pairwise_precision"] >= 0.95
    assert figures["bcubed_precision"] >= 0.95 and figures["bcubed_recall"] >= 0.7
