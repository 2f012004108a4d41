"""Time the gazetteer's first open and the places stage per article.

Run: ``.venv/bin/python benchmarks/bench_places.py [--shared-data DIR] [--model M]``.
Prints gazetteer open time, ms/article for the base pipeline with and without the
places stage on the GeoWebNews dev texts (or the example article when absent).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from sitrep.evaluation.geo import CORPORA, build_eval_pipeline, load_corpus
from sitrep.gazetteer.index import Gazetteer
from sitrep.nlp.pipeline import choose_model, load_base


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--shared-data", type=Path, default=Path(os.environ.get("SITREP_SHARED_DATA", "../shared/data"))
    )
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    t0 = time.perf_counter()
    gazetteer = Gazetteer().open()
    gazetteer.lookup("Kyiv")
    print(f"gazetteer open + first lookup: {1000 * (time.perf_counter() - t0):.1f} ms")

    corpus = args.shared_data / CORPORA["geowebnews"]
    if corpus.is_file():
        texts = [a.text for a in load_corpus(corpus)]
    else:
        texts = [
            (args.shared_data.parent / "examples" / "wire_report_2023-02-16.txt").read_text(encoding="utf-8")
        ]
    base = load_base(choose_model(args.model))
    full = build_eval_pipeline(args.model)
    full(texts[0])  # warm the lexicons
    for label, nlp in (("base", base), ("base+places", full)):
        t0 = time.perf_counter()
        n = len(texts)
        for text in texts:
            nlp(text)
        print(f"{label:12} {1000 * (time.perf_counter() - t0) / n:7.2f} ms/article, {n} articles")


if __name__ == "__main__":
    main()
