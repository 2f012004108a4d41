"""SIGKILL ``sitrep ingest`` at random moments, resume it, and prove nothing was lost, doubled or torn.

Each backend gets ``SITREP_KILL_TRIALS`` (default 20) kills of a 500-article
run. Kills land anywhere: during start-up and migrations, analysis, batch
writes or storyline linking. Runs are chained: each one resumes the store the
previous kill left; after at most four kills (or a run that finishes before
its kill) the store is resumed to completion, compared with the reference, and
the next chain starts on a fresh store. After every kill the
store must pass its integrity check and hold each article either with exactly
the records of a clean reference run or not at all; after the last kill a
resumed run must finish with exactly the reference: every article once, the
same records, the same storylines.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.reliability.helpers import (
    Snapshot,
    cli_env,
    integrity_problems,
    partial_problems,
    run_cli,
    sitrep_cmd,
    snapshot,
    synthetic_articles,
    write_jsonl,
)

N_ARTICLES = 500
TRIALS = int(os.environ.get("SITREP_KILL_TRIALS", "20"))
CHAIN = 4  # kills on one store before a run is let finish and compared with the reference


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("kill") / "articles.jsonl", synthetic_articles(N_ARTICLES))


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Snapshot, float]:
    """A clean, uninterrupted run: what every resumed store must end up equal to."""
    db = str(tmp_path_factory.mktemp("ref") / "ref.sqlite")
    started = time.monotonic()
    res = run_cli("ingest", str(corpus), "--db", db, "--quiet")
    took = time.monotonic() - started
    assert res.returncode == 0, res.stderr
    snap = snapshot(db)
    assert len(snap.records) == N_ARTICLES
    assert sum(r[0] for r in snap.records.values()) >= N_ARTICLES  # claims were found
    assert snap.storylines, "the corpus must form storylines, or linking goes untested"
    return snap, took


def _ingest(corpus: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        sitrep_cmd("ingest", str(corpus), "--db", db, "--quiet"),
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the kill reaches any worker it started
    )


def _kill_trials(corpus: Path, reference: tuple[Snapshot, float], new_db: Callable[[], str]) -> None:
    ref, took = reference
    rng = random.Random(int(os.environ.get("SITREP_KILL_SEED", "20231")))
    kills = 0
    phases = {"before any write": 0, "while writing articles": 0, "after the articles, while linking": 0}
    # Article writes fill a short stretch of a run (linking takes most of it), so uniform
    # delays often miss it altogether. Until a kill has landed there, a run on an empty
    # store is killed between the latest delay that came before any write and the earliest
    # that came after the last article: a bisection onto the writing stretch.
    early, late = 0.2, took * 1.05
    while kills < TRIALS:
        db = new_db()
        empty = True
        for attempt in range(min(CHAIN, TRIALS - kills)):
            proc = _ingest(corpus, db)
            aiming = empty and phases["while writing articles"] == 0 and early < late
            delay = rng.uniform(early, late) if aiming else rng.uniform(0.2, took * 1.05)
            started = time.monotonic()
            try:
                proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                kills += 1
                got = snapshot(db)
                n = len(got.records)
                phase = "before any write" if n == 0 else "while writing articles"
                phases[phase if n < N_ARTICLES else "after the articles, while linking"] += 1
                if empty and n == 0:
                    early = max(early, delay)
                elif empty and n >= N_ARTICLES:
                    late = min(late, delay)
                empty = n == 0
                assert integrity_problems(db) == [], f"kill {kills} after {delay:.2f}s"
                assert partial_problems(got, ref) == [], f"kill {kills} after {delay:.2f}s"
                continue
            assert proc.returncode == 0, proc.stderr.read().decode() if proc.stderr else proc.returncode
            if attempt == 0:  # a whole run from an empty store beat its kill: the machine got faster
                took = time.monotonic() - started
            break  # finished before its kill: this chain is complete
        res = run_cli("ingest", str(corpus), "--db", db, "--quiet")
        assert res.returncode == 0, res.stderr
        _assert_complete(db, ref)
    print(f"{kills} kills: {phases}")
    # The kills must have hit runs in the middle, not only before the first write or after the last.
    assert phases["while writing articles"] > 0, phases


def _assert_complete(db: str, ref: Snapshot) -> None:
    assert integrity_problems(db) == []
    got = snapshot(db)
    assert set(got.records) == set(ref.records), "articles lost or added"
    assert got.records == ref.records, "records differ from the clean run"
    assert got.storylines == ref.storylines, "storylines differ from the clean run"


def test_sigkill_sqlite(corpus: Path, reference: tuple[Snapshot, float], tmp_path: Path) -> None:
    def new_db() -> str:
        return str(tmp_path / f"{uuid.uuid4().hex[:8]}.sqlite")

    _kill_trials(corpus, reference, new_db)


@pytest.fixture
def pg_databases(pg_server: str) -> Iterator[Callable[[], str]]:
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def new_db() -> str:
        name = "k_" + uuid.uuid4().hex[:12]
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return pg_server.rsplit("/", 1)[0] + "/" + name

    try:
        yield new_db
    finally:
        with admin.connect() as conn:
            for name in made:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_sigkill_postgres(
    corpus: Path, reference: tuple[Snapshot, float], pg_databases: Callable[[], str]
) -> None:
    _kill_trials(corpus, reference, pg_databases)
