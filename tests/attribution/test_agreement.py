"""Inter-annotator agreement on PolNeAR: the yardstick the system's figures are read against."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.errors import InputError
from sitrep.evaluation.attribution import evaluate_polnear_agreement, load_polnear

TEXT = (
    "John Smith said on Monday that taxes had risen sharply in the region. "
    "Mary Jones told reporters that the plan had failed completely."
)


def _ann(*attributions: tuple[str, str, str]) -> str:
    """A brat standoff reading of TEXT: one (source, cue, content) triple per attribution."""
    lines: list[str] = []
    for n, triple in enumerate(attributions):
        ids: list[str] = []
        for role, words in zip(("Source", "Cue", "Content"), triple, strict=True):
            at = TEXT.index(words)
            ids.append(f"T{3 * n + len(ids) + 1}")
            lines.append(f"{ids[-1]}\t{role} {at} {at + len(words)}\t{words}")
        lines.append(f"E{n + 1}\tAttribution:T0 Source:{ids[0]} Cue:{ids[1]} Content:{ids[2]}")
    return "\n".join(lines) + "\n"


SMITH = ("John Smith", "said", "taxes had risen sharply in the region")
JONES = ("Mary Jones", "told reporters", "the plan had failed completely")
FULL = _ann(SMITH, JONES)
FIRST_ONLY = _ann(SMITH)


def _folder(tmp_path: Path, *readings: list[str]) -> Path:
    root = tmp_path / "polnear"
    (root / "dev").mkdir(parents=True)
    lines = []
    for number, anns in enumerate(readings):
        annotations = [{"annotator": f"a{i}", "ann_file": f"{i}.ann", "ann": a} for i, a in enumerate(anns)]
        lines.append(
            json.dumps({"filename": f"art{number}", "text": TEXT, "metadata": {}, "annotations": annotations})
        )
    (root / "dev" / "polnear_dev.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_identical_readings_agree_fully(tmp_path: Path) -> None:
    root = _folder(tmp_path, [FULL, FULL, FULL], [FULL])
    result = evaluate_polnear_agreement(None, root, "dev")
    assert (result.articles, result.annotations) == (1, 3)
    for role in ("source", "cue", "content"):
        assert result.human_overlap[role].f1 == 1.0
        assert result.human_exact[role].f1 == 1.0
    assert result.system_exact is None and result.system_overlap is None


def test_partial_readings_pool_precision_and_recall(tmp_path: Path) -> None:
    root = _folder(tmp_path, [FULL, FIRST_ONLY])
    result = evaluate_polnear_agreement(None, root, "dev")
    cue = result.human_overlap["cue"]
    # one reading has 3 cue words (said, told, reporters), the other 1, shared 1: each
    # ordered pair counted once, so P = R = 2 / 4
    assert cue.precision == pytest.approx(0.5) and cue.recall == pytest.approx(0.5)
    assert result.human_exact["source"].f1 == pytest.approx(2 / 3)


def test_system_is_scored_against_every_reading(tmp_path: Path) -> None:
    from sitrep.cli.eval_attribution import attribution_pipeline

    nlp = attribution_pipeline(None, learned_cues=False, learned_roles=False)
    root = _folder(tmp_path, [FULL, FIRST_ONLY])
    result = evaluate_polnear_agreement(nlp, root, "dev")
    assert result.system_overlap is not None
    # both claims are found; the second is in one reading of two
    source = result.system_overlap["source"]
    assert source.recall == 1.0
    assert source.precision == pytest.approx(6 / 8)


def test_single_readings_only_is_a_clear_error(tmp_path: Path) -> None:
    root = _folder(tmp_path, [FULL], [FIRST_ONLY])
    with pytest.raises(InputError, match="more than one annotation"):
        evaluate_polnear_agreement(None, root, "dev")
    # the single-reading loader still gives the first annotator's reading of each
    assert [len(a.attributions) for a in load_polnear(root, "dev")] == [2, 1]


def test_cli_prints_agreement(tmp_path: Path) -> None:
    from sitrep.cli import eval_attribution

    root = _folder(tmp_path, [FULL, FIRST_ONLY])
    result = CliRunner().invoke(
        eval_attribution.command, ["--polnear", str(root), "--agreement", "--no-learned-roles"]
    )
    assert result.exit_code == 0, result.output
    assert "dev agreement: 1 articles" in result.output
    assert "sitrep against each annotation" in result.output


def test_reported_speech_is_scored_with_its_that() -> None:
    from sitrep.cli.eval_attribution import attribution_pipeline
    from sitrep.evaluation.attribution import _with_complementiser, annotate, predicted_attributions
    from sitrep.nlp import extensions

    text = "Officials said that the bridge was hit. He said, that, too, was false. It was somewhat dull."
    at = text.index("the bridge")
    assert _with_complementiser(text, at, at + 10) == (text.index("that the"), at + 10)
    assert _with_complementiser(text, text.index("too"), len(text)) == (text.index("that, too"), len(text))
    assert _with_complementiser(text, text.index("dull"), len(text)) == (text.index("dull"), len(text))
    assert _with_complementiser(text, 0, 9) == (0, 9)

    nlp = attribution_pipeline(None, learned_cues=False, learned_roles=False)
    story = 'John Smith said on Monday that taxes had risen sharply. "We are ready," Mary Jones said.'
    claims = extensions.get_list(annotate(nlp, story, None), extensions.CLAIMS)
    spans = [story[a.content[0][0] : a.content[0][1]] for a in predicted_attributions(claims, story)]
    assert spans == ["that taxes had risen sharply", '"We are ready,"']
    # the claim itself stays the claim alone
    assert [c.content for c in claims] == ["taxes had risen sharply", "We are ready,"]
