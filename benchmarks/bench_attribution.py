"""How much the attribution stage adds to the spaCy pipeline, in ms per article.

Run: ``.venv/bin/python benchmarks/bench_attribution.py [--limit N] [--model sitrep]``. Texts are the
PolNeAR dev articles plus the reference example; the base is the same pipeline the
project builds (trained model when shipped, else blank + sentencizer) without
sitrep's stages. Target: attribution adds at most 30 % to the base time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sitrep.evaluation.attribution import load_polnear
from sitrep.nlp import extensions
from sitrep.nlp.pipeline import build_pipeline
from sitrep.stages.attribution import make_attribution

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--model", default=None, help="base pipeline, e.g. sitrep (default: the shipped choice)"
    )
    parser.add_argument("--no-learned-cues", action="store_true", help="without learned cues")
    parser.add_argument("--no-learned-roles", action="store_true", help="without learned role runs")
    parser.add_argument(
        "--role-model", choices=("tagger", "encoder"), default="tagger", help="which learned model"
    )
    args = parser.parse_args()
    extensions.register()
    texts = [a.text for a in load_polnear(SHARED / "data" / "polnear", "dev")][: args.limit]
    texts.append((SHARED / "examples" / "wire_report_2023-02-16.txt").read_text(encoding="utf-8"))
    base = build_pipeline(args.model, stages=False)
    attribution = make_attribution(
        base,
        "sitrep_attribution",
        learned_cues=not args.no_learned_cues,
        learned_roles=not args.no_learned_roles,
        role_model=args.role_model,
    )

    base_time = attr_time = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        docs = list(base.pipe(texts))
        base_time = min(base_time, time.perf_counter() - started)
        started = time.perf_counter()
        for doc in docs:
            attribution(doc)
        attr_time = min(attr_time, time.perf_counter() - started)
    n = len(texts)
    origin = base.meta.get("sitrep", {}).get("base_model", {})
    print(f"base model: {origin}")
    print(
        f"{n} articles: base pipeline {1000 * base_time / n:.1f} ms/article, "
        f"attribution {1000 * attr_time / n:.1f} ms/article "
        f"(+{100 * attr_time / base_time:.0f} %)"
    )


if __name__ == "__main__":
    main()
