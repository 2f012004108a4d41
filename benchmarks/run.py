"""sitrep's throughput benchmark: one command, a table on stdout, JSON on disk.

Usage (from the repository root)::

    .venv/bin/python benchmarks/run.py            # full run: 2,000 articles, 20,000 claims
    .venv/bin/python benchmarks/run.py --quick    # smoke run, about a minute

Corpus: see ``benchmarks/corpus.py`` (real news texts from ../shared/data, fixed
selection, read at run time and written only to a temporary directory).

Measured, in this order:

* ceiling: the bare spaCy pipeline of the project's model (``--model sitrep``
  without sitrep's stages), ``nlp.pipe`` in 1 process and with ``n_process=2``;
* end to end: ``run_ingest`` (read JSONL, analyse, write to a fresh SQLite
  store; storylines excluded) with 1 and 2 workers, for the default pipeline and
  for ``--model sitrep``; wall time includes starting workers and loading models;
  ``ratio`` is end-to-end words/s over the ceiling with as many processes;
* peak resident memory of every worker process (sampled every 0.2 s), and of the
  parent that reads and writes;
* profile: time per pipeline component (``pipe`` over batches), extraction to
  records and the store write, over the first ``--profile-articles`` texts;
* storylines: ``Linker.link`` over the synthetic 20,000-claim feed of
  ``bench_storylines.py`` (encoding included).

Figures depend on how busy the machine is: the JSON records the load average
before and after, and the table says so when the machine was not idle.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import psutil  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402


class MemorySampler:
    """Peak RSS of this process and of each child process, polled on a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.me = psutil.Process()
        self.parent_peak = 0
        self.child_peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _poll(self) -> None:
        try:
            self.parent_peak = max(self.parent_peak, self.me.memory_info().rss)
            for child in self.me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                self.child_peak[child.pid] = max(self.child_peak.get(child.pid, 0), rss)
        except psutil.Error:
            pass

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._poll()

    def __enter__(self) -> MemorySampler:
        self._poll()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._poll()


@contextmanager
def timer() -> Iterator[list[float]]:
    """Wall seconds, then CPU seconds of this process and its finished children (user + system)."""
    box: list[float] = []
    start, t0 = time.perf_counter(), os.times()
    yield box
    t1 = os.times()
    box.append(time.perf_counter() - start)
    box.append(t1.user - t0.user + t1.system - t0.system + t1.children_user - t0.children_user)
    box[1] += t1.children_system - t0.children_system


@contextmanager
def cpu_timer() -> Iterator[list[float]]:
    box: list[float] = []
    start = time.process_time()
    yield box
    box.append(time.process_time() - start)


def rates(n: int, words: int, t: list[float]) -> dict[str, Any]:
    """Wall-clock rates, and rates per CPU-second, which a busy machine disturbs far less."""
    return {
        "seconds": round(t[0], 2),
        "cpu_seconds": round(t[1], 2),
        "articles_per_s": round(n / t[0], 2),
        "words_per_s": round(words / t[0]),
        "articles_per_cpu_s": round(n / t[1], 2),
        "words_per_cpu_s": round(words / t[1]),
    }


def mb(n: int) -> float:
    return round(n / 2**20, 1)


def count_words(texts: list[corpus.Text]) -> int:
    import spacy

    tok = spacy.blank("en").tokenizer
    return sum(len(tok(t.text)) for t in texts)


def ceiling(texts: list[corpus.Text], words: int) -> dict[str, Any]:
    import spacy

    from sitrep.nlp.pipeline import shipped_model_path

    nlp = spacy.load(shipped_model_path())
    raw = [t.text for t in texts]
    list(nlp.pipe(raw[:8]))  # warm-up
    out: dict[str, Any] = {"pipeline": nlp.pipe_names}
    for n_process in (1, 2):
        with timer() as t:
            for _ in nlp.pipe(raw, batch_size=32, n_process=n_process):
                pass
        out[f"{n_process}p"] = rates(len(raw), words, t)
    return out


def end_to_end(jsonl: Path, n: int, words: int, model: str | None, workers: int, tmp: Path) -> dict[str, Any]:
    from sitrep.ingest import IngestOptions, iter_inputs
    from sitrep.runner import run_ingest
    from sitrep.store import Store

    db = tmp / f"e2e-{model or 'default'}-{workers}.sqlite"
    store = Store.open(str(db))
    with MemorySampler() as mem, timer() as t:
        stats = run_ingest(iter_inputs((str(jsonl),), IngestOptions()), store, model=model, workers=workers)
    counts = store.counts()
    store.close()
    if stats.stored != n:
        raise SystemExit(f"end-to-end run stored {stats.stored} of {n} articles ({stats.failed} failed)")
    workers_rss = (
        sorted(mem.child_peak.values(), reverse=True)[:workers] if workers > 1 else [mem.parent_peak]
    )
    return {
        "model": model or "default",
        "workers": workers,
        **rates(n, words, t),
        "claims": counts.claims,
        "events": counts.events,
        "peak_rss_mb_per_worker": [mb(x) for x in workers_rss],
        "peak_rss_mb_parent": mb(mem.parent_peak),
    }


def profile(texts: list[corpus.Text], model: str | None, tmp: Path) -> dict[str, Any]:
    from sitrep.analysis import Analyzer
    from sitrep.extract import doc_to_analysis
    from sitrep.nlp import extensions as ext
    from sitrep.records import Article
    from sitrep.store import Store

    nlp = Analyzer(model).nlp
    store = Store.open(str(tmp / f"profile-{model or 'default'}.sqlite"))
    arts = [Article.from_text(t.text, title=t.title, outlet=t.source) for t in texts]
    seconds: dict[str, float] = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    seconds["extract records"] = 0.0
    for _ in nlp.pipe([a.text for a in arts[:2]]):  # stages load their data on first use: not profiled
        pass
    seconds["store write"] = 0.0
    # CPU time of this one process: stage shares stay meaningful on a busy machine.
    for i in range(0, len(arts), 32):
        chunk = arts[i : i + 32]
        with cpu_timer() as t:
            docs = [nlp.make_doc(a.text) for a in chunk]
        seconds["tokenizer"] += t[0]
        for doc, a in zip(docs, chunk, strict=True):
            setattr(doc._, ext.PUBLISHED, a.published)
        for name, proc in nlp.pipeline:
            with timer() as t:
                docs = (
                    list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
                )
            seconds[name] += t[0]
        with cpu_timer() as t:
            analyses = [doc_to_analysis(d, a) for d, a in zip(docs, chunk, strict=True)]
        seconds["extract records"] += t[0]
        with cpu_timer() as t:
            store.add_many(analyses)
        seconds["store write"] += t[0]
    store.close()
    total = sum(seconds.values())
    return {
        "model": model or "default",
        "articles": len(arts),
        "total_cpu_s": round(total, 2),
        "stages": {k: {"seconds": round(v, 3), "share": round(v / total, 4)} for k, v in seconds.items()},
    }


def storylines(n_claims: int) -> dict[str, Any]:
    import bench_storylines

    from sitrep.storylines.linker import Linker

    linker = Linker()
    feed = bench_storylines.synthetic(n_claims)
    linker.link(feed[:2])  # load the encoder and stance model outside the timing
    with MemorySampler() as mem, timer() as t:
        lines = linker.link(feed)
    return {
        "claims": sum(len(a.claims) for a in feed),
        "articles": len(feed),
        "storylines": len(lines),
        "link_s": round(t[0], 2),
        "link_cpu_s": round(t[1], 2),
        "claims_per_s": round(sum(len(a.claims) for a in feed) / t[0], 1),
        "peak_rss_mb": mb(mem.parent_peak),
        "similarity": linker.method,
    }


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = ""
    import spacy

    return {
        "cpu": cpu,
        "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "commit": commit,
        "load_before": [round(x, 2) for x in os.getloadavg()],
    }


def table(r: dict[str, Any]) -> str:
    lines = []
    m = r["machine"]
    # Only the load before counts: the load after includes the benchmark's own worker processes.
    busy = m["load_before"][0] > 0.5 * m["cpus"]
    lines.append(
        f"sitrep benchmark {r['started']}  {m['cpu']}, {m['cpus']} CPUs, commit {m['commit']}"
        + (
            "  [BUSY MACHINE: load average "
            + f"{m['load_before'][0]} -> {m['load_after'][0]}; figures noisy]"
            if busy
            else ""
        )
    )
    lines.append(
        f"corpus: {r['corpus']['articles']} articles, {r['corpus']['words']} words {r['corpus']['sources']}"
    )
    c = r["ceiling"]
    lines.append("")
    lines.append(
        f"{'run':40} {'art/s':>7} {'words/s':>8} {'ratio':>6} {'art/CPU-s':>9} {'CPU ratio':>9} "
        f"{'peak RSS/worker MB':>19}"
    )
    for p in ("1p", "2p"):
        lines.append(
            f"{'bare spaCy, sitrep model, ' + p.replace('p', ' process'):40} {c[p]['articles_per_s']:>7} "
            f"{c[p]['words_per_s']:>8} {'1.00':>6} {c[p]['articles_per_cpu_s']:>9} {'1.00':>9}"
        )
    for e in r["end_to_end"]:
        name = f"end to end, {e['model']} pipeline, {e['workers']} worker{'s' if e['workers'] > 1 else ''}"
        lines.append(
            f"{name:40} {e['articles_per_s']:>7} {e['words_per_s']:>8} {e['ratio_to_ceiling']:>6.2f} "
            f"{e['articles_per_cpu_s']:>9} {e['cpu_ratio_to_ceiling']:>9.2f} "
            f"{', '.join(str(x) for x in e['peak_rss_mb_per_worker']):>19}"
        )
    for model, eff in r["parallel_cpu_efficiency_2_workers"].items():
        lines.append(
            f"CPU per article, 1 worker / 2 workers ({model}): {eff:.2f} (1.00 = no parallel overhead)"
        )
    for model, s in r["scaling_2_over_1"].items():
        lines.append(f"2 workers / 1 worker ({model}): {s:.2f}x")
    for p in r["profile"]:
        lines.append("")
        lines.append(
            f"profile (CPU time), {p['model']} pipeline, {p['articles']} articles, {p['total_cpu_s']} s:"
        )
        for name, s in sorted(p["stages"].items(), key=lambda kv: -kv[1]["seconds"]):
            lines.append(f"  {name:24} {s['seconds']:>9.2f} s {100 * s['share']:>6.1f} %")
    s = r.get("storylines")
    if s:
        lines.append("")
        lines.append(
            f"storylines: {s['claims']} claims linked in {s['link_s']} s ({s['claims_per_s']} claims/s, "
            f"{s['storylines']} storylines, peak RSS {s['peak_rss_mb']} MB, {s['similarity']})"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: 40 articles, 1,000 claims")
    parser.add_argument("--articles", type=int, default=None, help="corpus size (default 2000, quick 40)")
    parser.add_argument("--profile-articles", type=int, default=None, help="default 400, quick 16")
    parser.add_argument("--claims", type=int, default=None, help="storyline claims (default 20000)")
    parser.add_argument(
        "--shared-data",
        type=Path,
        default=Path(os.environ.get("SITREP_SHARED_DATA", str(REPO.parent / "shared" / "data"))),
    )
    parser.add_argument("--json-out", type=Path, default=None, help="default benchmarks/results/latest.json")
    parser.add_argument("--show", type=Path, default=None, help="only print the table of an earlier JSON")
    args = parser.parse_args()
    if args.show:
        print(table(json.loads(args.show.read_text(encoding="utf-8"))))
        return
    n = args.articles or (40 if args.quick else 2000)
    n_profile = min(n, args.profile_articles or (16 if args.quick else 400))
    n_claims = args.claims or (1000 if args.quick else 20_000)
    out_path = args.json_out or HERE / "results" / ("quick.json" if args.quick else "latest.json")

    from sitrep.nlp import extensions

    extensions.register()
    started = time.perf_counter()
    result: dict[str, Any] = {
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": " ".join(["benchmarks/run.py", *sys.argv[1:]]),
        "machine": machine(),
    }
    texts = corpus.load(args.shared_data, n)
    words = count_words(texts)
    sources: dict[str, int] = {}
    for t in texts:
        sources[t.source] = sources.get(t.source, 0) + 1
    result["corpus"] = {
        "articles": n,
        "words": words,
        "chars": sum(len(t.text) for t in texts),
        "sources": sources,
    }
    print(f"corpus: {n} articles, {words} words; measuring the ceiling ...", file=sys.stderr)
    result["ceiling"] = ceiling(texts, words)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp_name:
        tmp = Path(tmp_name)
        jsonl = tmp / "corpus.jsonl"
        corpus.write_jsonl(texts, jsonl)
        runs = []
        for model in (None, "sitrep"):
            for workers in (1, 2):
                print(f"end to end: {model or 'default'} pipeline, {workers} worker(s) ...", file=sys.stderr)
                e = end_to_end(jsonl, n, words, model, workers, tmp)
                top = result["ceiling"][f"{workers}p"]
                e["ratio_to_ceiling"] = round(e["words_per_s"] / top["words_per_s"], 3)
                e["cpu_ratio_to_ceiling"] = round(e["words_per_cpu_s"] / top["words_per_cpu_s"], 3)
                runs.append(e)
        result["end_to_end"] = runs
        result["parallel_cpu_efficiency_2_workers"] = {
            # CPU a 2-worker run spends per article relative to 1 worker; 1.0 = no parallel overhead,
            # so 2 idle cores would give 2x.
            m: round(
                next(r for r in runs if r["model"] == m and r["workers"] == 1)["cpu_seconds"]
                / next(r for r in runs if r["model"] == m and r["workers"] == 2)["cpu_seconds"],
                3,
            )
            for m in ("default", "sitrep")
        }
        result["scaling_2_over_1"] = {
            m: round(
                next(r for r in runs if r["model"] == m and r["workers"] == 2)["articles_per_s"]
                / next(r for r in runs if r["model"] == m and r["workers"] == 1)["articles_per_s"],
                3,
            )
            for m in ("default", "sitrep")
        }
        print(f"profile over {n_profile} articles ...", file=sys.stderr)
        result["profile"] = [profile(texts[:n_profile], m, tmp) for m in (None, "sitrep")]
    print(f"storylines: {n_claims} claims ...", file=sys.stderr)
    result["storylines"] = storylines(n_claims)
    result["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    result["total_s"] = round(time.perf_counter() - started, 1)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(table(result))
    print(f"\nwrote {out_path} (total {result['total_s']} s)")


if __name__ == "__main__":
    main()
