"""The evaluation gate: per-stage quality floors on the dev sets, pinned in the repository.

``tests/eval_gate/baseline.json`` holds, for each metric, a floor, plus a
fingerprint (SHA-256) of every gold file the metrics come from. CI measures the
metrics again and fails when one falls below its floor, or when a gold file
changed (a different gold set makes old floors meaningless). Floors only move
up: ``python -m sitrep.evaluation.gate --raise`` writes new floors where quality
improved and refuses to lower any unless ``--lower REASON`` is given, and then
records the reason in the file, so a drop is never silent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

Metrics = dict[str, float]

# Gold files each measured stage reads, relative to the shared data folder.
GOLD_FILES: dict[str, tuple[str, ...]] = {
    "time": ("tempeval3/dev",),
    "geo": ("geowebnews/dev", "lgl/dev", "trnews/dev", "geovirus/dev"),
    "attribution": ("polnear/dev", "../examples/wire_report_2023-02-16.expected.json"),
    "events": ("acled_ukraine/dev", "ucdp_ged_ukraine/dev"),
    "nlp": ("ud_english_ewt/en_ewt-ud-dev.conllu", "uner_english_ewt/en_ewt-ud-dev.iob2"),
}


def fingerprint(shared_data: Path, rel: str) -> str:
    path = (shared_data / rel).resolve()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def fingerprints(shared_data: Path) -> dict[str, str]:
    return {rel: fingerprint(shared_data, rel) for rels in GOLD_FILES.values() for rel in rels}


def measure_time(shared_data: Path) -> Metrics:
    from sitrep.evaluation.time import evaluate_time

    r = evaluate_time(shared_data)
    return {"time.tempeval3.accuracy_found": r.accuracy, "time.tempeval3.recall": r.recall}


def measure_geo(shared_data: Path) -> Metrics:
    from sitrep.evaluation.geo import build_eval_pipeline, evaluate

    out: Metrics = {}
    for s in evaluate(build_eval_pipeline(None), shared_data):
        out[f"geo.{s.corpus}.f1"] = s.f1
        out[f"geo.{s.corpus}.accuracy_161km"] = s.accuracy_161
        out[f"geo.{s.corpus}.resolution_161km"] = s.resolution_161
    return out


def measure_attribution(shared_data: Path) -> Metrics:
    from sitrep.nlp.pipeline import build_pipeline

    out = _attribution_metrics(shared_data, build_pipeline(None), "attribution")
    # the role encoder is not the default (it costs several times the pipeline), but it is
    # the accurate option: its figures have floors of their own
    encoder = build_pipeline(None, role_model="encoder")
    out.update(_attribution_metrics(shared_data, encoder, "attribution.encoder"))
    return out


def _attribution_metrics(shared_data: Path, nlp: Language, prefix: str) -> Metrics:
    from sitrep.evaluation.attribution import evaluate_gold_file, evaluate_polnear

    gold = evaluate_gold_file(nlp, shared_data.parent / "examples" / "wire_report_2023-02-16.expected.json")
    out: Metrics = {f"{prefix}.example.recall": gold.recall, f"{prefix}.example.precision": gold.precision}
    for name, acc in sorted(gold.field_accuracy.items()):
        out[f"{prefix}.example.{name}_accuracy"] = acc
    pol = evaluate_polnear(nlp, shared_data / "polnear", "dev")
    for part in ("source", "cue", "content"):
        out[f"{prefix}.polnear.{part}_overlap_f1"] = pol.overlap[part].f1
        out[f"{prefix}.polnear.{part}_exact_f1"] = pol.exact[part].f1
    return out


def measure_events(shared_data: Path) -> Metrics:
    from sitrep.analysis import Analyzer
    from sitrep.evaluation.events import evaluate_acled, evaluate_ucdp

    analyzer = Analyzer(None)
    a = evaluate_acled(shared_data, analyzer)
    u = evaluate_ucdp(shared_data, analyzer)
    return {
        "events.acled.event_type_macro_f1": a.type_macro_f1,
        "events.acled.sub_event_type_accuracy": a.sub_type_accuracy,
        "events.acled.location_within_25km": a.location_25km,
        "events.acled.date_exact": a.date_exact,
        "events.acled.sides_exact": a.sides_exact,
        "events.ucdp.location_within_25km": u.location_25km,
    }


def measure_nlp(shared_data: Path) -> Metrics:
    """Both shipped pipelines on EWT dev (tags, parse, sentences) and UNER EWT dev (names).

    Dev, not test: the test halves are for the figures ``sitrep eval nlp`` reports."""
    from sitrep.evaluation.nlp import evaluate_nlp
    from sitrep.nlp.pipeline import ACCURATE, SHIPPED, build_pipeline

    out: Metrics = {}
    for name, spec in (("sitrep", SHIPPED), ("accurate", ACCURATE)):
        r = evaluate_nlp(
            build_pipeline(spec, stages=False), shared_data, corpora=("ewt", "uner"), split="dev"
        )
        ewt, uner = r.parse[0], r.ner[0]
        out[f"nlp.{name}.ewt_dev.upos"] = ewt.upos
        out[f"nlp.{name}.ewt_dev.las"] = ewt.las
        out[f"nlp.{name}.ewt_dev.sentence_f1"] = ewt.sentences_prf.f1
        out[f"nlp.{name}.uner_dev.f1"] = uner.micro.f1
    return out


STAGES: dict[str, Callable[[Path], Metrics]] = {
    "time": measure_time,
    "geo": measure_geo,
    "attribution": measure_attribution,
    "events": measure_events,
    "nlp": measure_nlp,
}


def measure(shared_data: Path, stages: tuple[str, ...] = tuple(STAGES)) -> Metrics:
    out: Metrics = {}
    for stage in stages:
        out.update(STAGES[stage](shared_data))
    return {k: round(v, 4) for k, v in sorted(out.items())}


def default_baseline() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "eval_gate" / "baseline.json"


def check(measured: Metrics, baseline: dict[str, object]) -> list[str]:
    """Human-readable failures: metrics below their floor, or missing."""
    floors = baseline.get("floors", {})
    assert isinstance(floors, dict)
    failures = []
    for name, floor in sorted(floors.items()):
        value = measured.get(name)
        if value is None or math.isnan(value):
            failures.append(f"{name}: not measured (floor {floor})")
        elif value < float(floor):
            failures.append(f"{name}: {value:.4f} is below its floor {float(floor):.4f}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.evaluation.gate", description=__doc__)
    parser.add_argument(
        "--shared-data", type=Path, default=Path(os.environ.get("SITREP_SHARED_DATA", "../shared/data"))
    )
    parser.add_argument("--baseline", type=Path, default=default_baseline())
    parser.add_argument(
        "--raise",
        dest="raise_floors",
        action="store_true",
        help="Write measured values as new floors where they are higher.",
    )
    parser.add_argument("--lower", metavar="REASON", help="Also allow lowering floors, recording REASON.")
    parser.add_argument(
        "--stage",
        action="append",
        choices=sorted(STAGES),
        help="Measure (and check or raise) only this stage; repeatable. Default: every stage.",
    )
    args = parser.parse_args(argv)
    stages = tuple(args.stage) if args.stage else tuple(STAGES)
    measured = measure(args.shared_data, stages)
    baseline = json.loads(args.baseline.read_text()) if args.baseline.exists() else {"floors": {}}
    print(json.dumps(measured, indent=1))
    # Only the measured stages' floors are checked; the others keep theirs untouched.
    prefixes = tuple(f"{stage}." for stage in stages)
    scoped: dict[str, object] = {
        "floors": {k: v for k, v in baseline.get("floors", {}).items() if k.startswith(prefixes)}
    }
    failures = check(measured, scoped)
    if args.raise_floors or args.lower:
        floors = dict(baseline.get("floors", {}))
        for name, value in measured.items():
            old = floors.get(name)
            if old is None or value > old or (args.lower and value < old):
                floors[name] = value
        baseline["floors"] = dict(sorted(floors.items()))
        baseline["fingerprints"] = fingerprints(args.shared_data)
        if args.lower:
            baseline.setdefault("lowered", []).append(args.lower)
        args.baseline.write_text(json.dumps(baseline, indent=1) + "\n")
        print(f"wrote {args.baseline}")
        return 0
    for f in failures:
        print("BELOW FLOOR:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
