"""A 1,000,000-line JSONL dump streams through ``sitrep ingest`` in bounded memory.

Analysing a million articles takes hours, so CI measures the streaming path
that every line goes through (read, parse, hash, duplicate and resume checks
against the store, and the per-line error path) by re-ingesting a dump whose
good articles are all stored already and whose every tenth line lacks
``text``. Peak RSS of the ingest process must stay under 500 MB. The
full-analysis path is measured by hand for a fixed time (docs/reliability.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from sitrep.errors import EXIT_SOME_INPUTS_FAILED
from tests.reliability.helpers import prestore, run_measured, write_million

N = int(os.environ.get("SITREP_MEMORY_LINES", "1000000"))
LIMIT = 500 * 1024 * 1024


def test_a_million_line_dump_streams_under_500_mb(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    ids = write_million(path, N)
    db = str(tmp_path / "store.sqlite")
    prestore(db, ids)
    del ids
    status, rss, tail = run_measured(["ingest", str(path), "--db", db, "--no-storylines"])
    assert status == EXIT_SOME_INPUTS_FAILED, tail
    assert f"{N - N // 10} already stored" in tail and f"{N // 10} failed" in tail, tail
    assert f"{path}:{N}:" in tail  # the last line is still named by its number
    print(f"{N:,} lines: peak RSS {rss / 2**20:.0f} MiB")
    assert rss < LIMIT, f"peak RSS {rss / 2**20:.0f} MiB"
