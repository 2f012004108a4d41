"""Readers and writers at once: the API reads while an ingest writes, and two ingests race.

SQLite runs in WAL mode, so API reads must never fail or see half an article
while ``sitrep ingest`` commits batches in another process. Two ingests of
overlapping inputs into one database (PostgreSQL, and SQLite too) must end
with every article exactly once, each with the records of a clean run, and
the same storylines: the article key with ``ON CONFLICT DO NOTHING`` settles
article races, the store-wide lock serialises storyline linking.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store import Store
from tests.reliability.helpers import (
    Snapshot,
    cli_env,
    integrity_problems,
    run_cli,
    sitrep_cmd,
    snapshot,
    synthetic_articles,
    write_jsonl,
)

N = 300
READS = [
    "/api/claims?limit=50",
    "/api/articles?limit=50",
    "/api/events?limit=50",
    "/api/places",
    "/api/storylines",
    "/api/search?q=Bakhmut",
    "/api/timeline",
]


@pytest.fixture(scope="module")
def halves(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("conc")
    rows = synthetic_articles(N, seed=11)
    return (
        write_jsonl(root / "all.jsonl", rows),
        write_jsonl(root / "a.jsonl", rows[: N * 2 // 3]),
        write_jsonl(root / "b.jsonl", rows[N // 3 :]),  # the middle third is in both
    )


@pytest.fixture(scope="module")
def reference(halves: tuple[Path, Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    db = str(tmp_path_factory.mktemp("cref") / "ref.sqlite")
    res = run_cli("ingest", str(halves[0]), "--db", db, "--quiet")
    assert res.returncode == 0, res.stderr
    return snapshot(db)


def test_api_reads_while_an_ingest_writes(halves: tuple[Path, Path, Path], tmp_path: Path) -> None:
    db = str(tmp_path / "store.sqlite")
    store = Store.open(db)
    proc = subprocess.Popen(
        sitrep_cmd("ingest", str(halves[0]), "--db", db, "--quiet", "--batch-size", "4"),
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen_counts: list[int] = []
    failures: list[str] = []
    try:
        with TestClient(create_app(store, token=None)) as client:
            while proc.poll() is None:
                for path in READS:
                    r = client.get(path)
                    if r.status_code != 200:
                        failures.append(f"{path}: {r.status_code} {r.text[:200]}")
                page = client.get("/api/articles?limit=200").json()["items"]
                seen_counts.append(len(page))
                for item in page[:3]:  # an article that is visible is visible whole
                    full = client.get(f"/api/articles/{item['id']}").json()
                    if len(full["claims"]) != item["n_claims"]:
                        failures.append(f"article {item['id'][:12]} seen half-written")
                time.sleep(0.05)
    finally:
        proc.wait(timeout=600)
        store.close()
    assert proc.returncode == 0, proc.stderr.read().decode() if proc.stderr else ""
    assert failures == []
    # Reads really overlapped the writes: some saw a partly filled store.
    assert any(0 < n < min(N, 200) for n in seen_counts), seen_counts[:20]
    assert integrity_problems(db) == []


def _race(db: str, a: Path, b: Path) -> None:
    procs = [
        subprocess.Popen(
            sitrep_cmd("ingest", str(path), "--db", db, "--quiet", "--batch-size", "4"),
            env=cli_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for path in (a, b)
    ]
    for p in procs:
        p.wait(timeout=600)
        assert p.returncode == 0, p.stderr.read().decode() if p.stderr else ""


def _assert_equal(db: str, ref: Snapshot) -> None:
    assert integrity_problems(db) == []
    got = snapshot(db)
    assert len(got.records) == N and got.records == ref.records
    assert got.storylines == ref.storylines


@pytest.mark.postgres
def test_two_ingests_into_one_postgres_database(
    halves: tuple[Path, Path, Path], reference: Snapshot, pg_url: str
) -> None:
    Store.open(pg_url).close()  # migrate first: two first-time migrations racing is a separate matter
    _race(pg_url, halves[1], halves[2])
    _assert_equal(pg_url, reference)


def test_two_ingests_into_one_sqlite_database(
    halves: tuple[Path, Path, Path], reference: Snapshot, tmp_path: Path
) -> None:
    db = str(tmp_path / "store.sqlite")
    Store.open(db).close()
    _race(db, halves[1], halves[2])
    _assert_equal(db, reference)
