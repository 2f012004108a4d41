"""What geoparsing and date normalisation add to the spaCy pipeline (issue #5: at most 30 %).

Run: ``.venv/bin/python benchmarks/bench_where_when.py [--shared-data DIR] [--model sitrep]``.
The base pipeline runs batched with ``nlp.pipe`` (its fastest way); the dates and places
stages then run on the parsed Docs, so the figure is their time over the base's time on
the GeoWebNews dev texts. Also prints the gazetteer's open + first look-up time.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from sitrep.evaluation.geo import CORPORA, load_corpus
from sitrep.gazetteer.index import Gazetteer
from sitrep.nlp import extensions
from sitrep.nlp.pipeline import build_pipeline


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--shared-data", type=Path, default=Path(os.environ.get("SITREP_SHARED_DATA", "../shared/data"))
    )
    parser.add_argument("--model", default="sitrep")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    t0 = time.perf_counter()
    Gazetteer().open().lookup("Kyiv")
    print(f"gazetteer open + first lookup: {1000 * (time.perf_counter() - t0):.1f} ms")

    texts = [a.text for a in load_corpus(args.shared_data / CORPORA["geowebnews"])]
    full = build_pipeline(args.model)
    stages = [full.get_pipe(name) for name in ("sitrep_dates", "sitrep_places")]
    base = build_pipeline(args.model, stages=False)
    list(base.pipe(texts[:5]))  # warm up
    for doc in base.pipe(texts[:5]):
        for stage in stages:
            stage(doc)

    base_s = stage_s = 0.0
    words = 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        docs = list(base.pipe(texts))
        base_s += time.perf_counter() - t0
        words += sum(len(d) for d in docs)
        t0 = time.perf_counter()
        for doc in docs:
            setattr(doc._, extensions.PUBLISHED, "2018-06-01")
            for stage in stages:
                stage(doc)
        stage_s += time.perf_counter() - t0
    print(f"base pipeline ({args.model}): {base_s:.2f} s for {words} tokens ({words / base_s:.0f} tokens/s)")
    print(f"dates + places stages:   {stage_s:.2f} s = {100 * stage_s / base_s:.1f} % on top of the base")


if __name__ == "__main__":
    main()
