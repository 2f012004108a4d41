"""Words per second of the shipped spaCy pipeline: one core, and 2 processes.

Usage::

    python benchmarks/bench_model.py [--model PATH_OR_NAME] [--shared-data DIR]
                                     [--words 60000] [--json-out FILE]

Text: raw document texts of UD English GUM test and EWT test (newswire,
interviews, web text; about 53k words) read from shared/data, plus the 14
sample articles of ``sitrep/data/samples``; repeated until ``--words`` tokens.
Without shared/data only the samples are used. "Words" are spaCy tokens of the
output, as in spaCy's own speed figures. Each figure is the best of
``--repeats`` runs after a warm-up; the 2-process figure uses
``nlp.pipe(n_process=2)`` and includes starting the worker processes.
All BLAS/OpenMP pools are limited to one thread per process (sitrep's loader also
holds numpy's BLAS, which runs the CNN's matrix products, to one thread:
``sitrep.nlp.matmul``; ``--plain-spacy`` measures spaCy's own BLIS route).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "src" / "sitrep" / "data" / "samples" / "articles.jsonl"


def load_texts(shared: Path | None) -> list[str]:
    texts: list[str] = []
    if SAMPLES.is_file():
        for line in SAMPLES.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts.extend(p for p in record["text"].split("\n\n") if p.strip())
    if shared is not None:
        for path in (
            shared / "ud_english_gum" / "en_gum-ud-test.conllu",
            shared / "ud_english_ewt" / "en_ewt-ud-test.conllu",
        ):
            if not path.is_file():
                continue
            paragraph: list[str] = []
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith(("# newpar", "# newdoc")) and paragraph:
                    texts.append(" ".join(paragraph))
                    paragraph = []
                elif line.startswith("# text = "):
                    paragraph.append(line[len("# text = ") :])
            if paragraph:
                texts.append(" ".join(paragraph))
    return texts


def measure(
    nlp: spacy.language.Language, texts: list[str], n_process: int, repeats: int
) -> tuple[float, int]:
    best = float("inf")
    words = 0
    for _ in range(repeats):
        start = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64, n_process=n_process))
        best = min(best, time.perf_counter() - start)
    return words / best, words


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", default=None, help="spaCy pipeline; default: the shipped one")
    parser.add_argument(
        "--shared-data",
        type=Path,
        default=Path(os.environ.get("SITREP_SHARED_DATA", str(REPO.parent / "shared" / "data"))),
    )
    parser.add_argument("--words", type=int, default=60000, help="approximate tokens per run")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--json-out", type=Path, default=None)
    parser.add_argument(
        "--plain-spacy",
        action="store_true",
        help="load with spacy.load() alone, without sitrep's loader (its cached lemmatizer)",
    )
    args = parser.parse_args()

    if args.model:
        model = args.model
    else:
        from sitrep.nlp.pipeline import shipped_model_path

        model = str(shipped_model_path())
    if args.plain_spacy:
        nlp = spacy.load(model)
    else:
        from sitrep.nlp.pipeline import choose_model, load_base

        nlp = load_base(choose_model(model))  # also knows "sitrep" and "sitrep-accurate"
    shared = args.shared_data if args.shared_data.is_dir() else None
    base = load_texts(shared)
    if not base:
        raise SystemExit("no benchmark text found")
    base_words = sum(len(nlp.make_doc(t)) for t in base)
    texts = base * max(1, round(args.words / max(base_words, 1)))
    list(nlp.pipe(texts[:50]))  # warm-up
    one, words = measure(nlp, texts, 1, args.repeats)
    two, _ = measure(nlp, texts, 2, args.repeats)
    result = {
        "model": model,
        "loader": "spacy.load" if args.plain_spacy else "sitrep",
        "pipeline": nlp.pipe_names,
        "texts": len(texts),
        "words_per_run": words,
        "words_per_second_1_process": round(one),
        "words_per_second_2_processes": round(two),
        "cpu": platform.processor() or platform.machine(),
        "cpus_available": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
    }
    print(json.dumps(result, indent=1))
    if args.json_out:
        args.json_out.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
