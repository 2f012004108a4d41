"""Time the dates and quantities stages against the bare spaCy pipeline.

Usage: .venv/bin/python benchmarks/bench_times.py [ARTICLE.txt] [--published YYYY-MM-DD]
Prints ms per article and per sentence for tokenising alone and for the two
stages on top, so the stages' share of pipeline time is visible.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

import sitrep.stages.quantities
import sitrep.stages.times  # noqa: F401
from sitrep.nlp import extensions

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "examples" / "wire_report_2023-02-16.txt"


def _run(nlp: spacy.language.Language, text: str, published: str, rounds: int) -> float:
    began = time.perf_counter()
    for _ in range(rounds):
        doc = nlp.make_doc(text)
        doc._.sitrep_published = published
        for _, component in nlp.pipeline:
            doc = component(doc)
    return (time.perf_counter() - began) / rounds * 1000


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("article", nargs="?", type=Path, default=DEFAULT)
    args.add_argument("--published", default="2023-02-16")
    args.add_argument("--rounds", type=int, default=200)
    opts = args.parse_args()
    extensions.register()
    text = opts.article.read_text(encoding="utf-8")
    base = spacy.blank("en")
    base.add_pipe("sentencizer")
    staged = spacy.blank("en")
    staged.add_pipe("sentencizer")
    staged.add_pipe("sitrep_dates")
    staged.add_pipe("sitrep_quantities")
    sentences = len(list(base(text).sents))
    bare = _run(base, text, opts.published, opts.rounds)
    full = _run(staged, text, opts.published, opts.rounds)
    print(f"sentences                 {sentences}")
    print(f"blank+sentencizer ms/art  {bare:.2f}")
    print(f"+dates+quantities ms/art  {full:.2f}")
    print(f"stages ms/sentence        {(full - bare) / sentences:.3f}")


if __name__ == "__main__":
    main()
