"""Shared pieces of the reliability suite: synthetic corpora, the CLI as a subprocess, store checks.

Articles here are generated short reports written for these tests (never real
articles), varied enough that the pipeline finds claims, places, dates and
events in them and that storylines form across them.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from sitrep.store.database import resolve_url

REPO = Path(__file__).resolve().parents[2]
PLACES = ["Bakhmut", "Soledar", "Kyiv", "Kharkiv", "Kherson", "Avdiivka", "Lyman", "Izium", "Vuhledar"]
SPEAKERS = [
    ("Russia's Defence Ministry", "Russian"),
    ("Ukraine's General Staff", "Ukrainian"),
    ("Luhansk governor Serhiy Haidai", "Ukrainian"),
    ("A spokesperson for Russia's Wagner group", "Russian"),
]
CHILD_TABLES = ("claims", "places", "dates", "quantities", "disclaimers", "events")


def synthetic_articles(n: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        place = rng.choice(PLACES)
        speaker, adj = rng.choice(SPEAKERS)
        day = f"2023-{rng.randint(1, 9):02d}-{rng.randint(10, 28):02d}"
        text = (
            f"{speaker} said on Telegram that {adj} forces repelled {rng.randint(2, 40)} attacks near "
            f"{place} on Tuesday. Report number {i} could not be independently verified."
        )
        out.append({"text": text, "title": f"Report {i}", "published": day, "outlet": "Sample Wire R"})
    return out


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for ``python -m sitrep``: this checkout's code first on the path."""
    env = dict(os.environ)
    src = str(REPO / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("SITREP_DB", None)
    env.update(extra)
    return env


def sitrep_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "sitrep", *args]


def run_cli(*args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        sitrep_cmd(*args), env=cli_env(**env), capture_output=True, text=True, timeout=timeout, check=False
    )


@dataclass(frozen=True)
class Snapshot:
    """What a store holds, in a form two runs can be compared by."""

    records: dict[str, tuple[int, ...]]  # article id -> rows per child table, then n_claims, n_events
    storylines: dict[str, tuple[str, frozenset[tuple[str, int]]]]  # id -> (status, members)


def engine_for(db: str) -> sa.engine.Engine:
    return sa.create_engine(resolve_url(db))


def snapshot(db: str) -> Snapshot:
    engine = engine_for(db)
    try:
        with engine.connect() as conn:
            if "articles" not in sa.inspect(conn).get_table_names():
                return Snapshot({}, {})  # killed before its migrations committed
            ids = conn.execute(sa.text("SELECT id, n_claims, n_events FROM articles")).all()
            per: dict[str, list[int]] = {r.id: [] for r in ids}
            for table in CHILD_TABLES:
                counts = dict(
                    conn.execute(
                        sa.text(f"SELECT article_id, count(*) FROM {table} GROUP BY article_id")
                    ).all()
                )
                for article_id, row in per.items():
                    row.append(int(counts.get(article_id, 0)))
            for r in ids:
                per[r.id] += [int(r.n_claims), int(r.n_events)]
            lines: dict[str, tuple[str, frozenset[tuple[str, int]]]] = {}
            names = set(sa.inspect(conn).get_table_names())
            if "storylines" in names:
                members: dict[str, set[tuple[str, int]]] = {}
                for m in conn.execute(
                    sa.text("SELECT storyline_id, article_id, claim_idx FROM storyline_members")
                ):
                    members.setdefault(m.storyline_id, set()).add((m.article_id, int(m.claim_idx)))
                for s in conn.execute(sa.text("SELECT id, status FROM storylines")):
                    lines[s.id] = (s.status, frozenset(members.get(s.id, set())))
    finally:
        engine.dispose()
    return Snapshot({k: tuple(v) for k, v in per.items()}, lines)


def integrity_problems(db: str) -> list[str]:
    """Everything wrong with the database as a database: corruption, orphans, duplicates, FTS drift."""
    problems: list[str] = []
    engine = engine_for(db)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                check = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
                if check != ["ok"]:
                    problems.append(f"integrity_check: {check[:5]}")
                fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if fk:
                    problems.append(f"foreign_key_check: {fk[:5]}")
            if "articles" not in sa.inspect(conn).get_table_names():
                return problems  # killed before its migrations committed: an empty, valid database
            if engine.dialect.name == "sqlite":
                for fts, table in (("articles_fts", "articles"), ("claims_fts", "claims")):
                    conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES('integrity-check')")
                    n_fts = conn.exec_driver_sql(f"SELECT count(*) FROM {fts}").scalar()
                    n = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                    if n_fts != n:
                        problems.append(f"{fts} holds {n_fts} rows for {n} {table}")
            dup = conn.execute(sa.text("SELECT count(*) - count(DISTINCT id) FROM articles")).scalar()
            if dup:
                problems.append(f"{dup} duplicated article ids")
            for table in (*CHILD_TABLES, "storyline_members"):
                orphans = conn.execute(
                    sa.text(
                        f"SELECT count(*) FROM {table} t LEFT JOIN articles a ON a.id = t.article_id "
                        "WHERE a.id IS NULL"
                    )
                ).scalar()
                if orphans:
                    problems.append(f"{orphans} orphan rows in {table}")
            names = set(sa.inspect(conn).get_table_names())
            for side in ("storyline_claim_index", "storyline_article_index"):
                if side in names:
                    orphans = conn.execute(
                        sa.text(
                            f"SELECT count(*) FROM {side} t LEFT JOIN articles a ON a.id = t.article_id "
                            "WHERE a.id IS NULL"
                        )
                    ).scalar()
                    if orphans:
                        problems.append(f"{orphans} orphan rows in {side}")
            if "storyline_members" in names:
                dangling = conn.execute(
                    sa.text(
                        "SELECT count(*) FROM storyline_members m LEFT JOIN storylines s "
                        "ON s.id = m.storyline_id WHERE s.id IS NULL"
                    )
                ).scalar()
                if dangling:
                    problems.append(f"{dangling} storyline members without a storyline")
    finally:
        engine.dispose()
    return problems


def partial_problems(got: Snapshot, reference: Snapshot) -> list[str]:
    """An interrupted store may miss articles but never hold one partly or twice or one not in the input."""
    out = []
    for article_id, counts in got.records.items():
        if article_id not in reference.records:
            out.append(f"unexpected article {article_id[:12]}")
        elif counts != reference.records[article_id]:
            out.append(f"article {article_id[:12]} has {counts}, reference {reference.records[article_id]}")
    return out


def describe(diff: dict[str, Any]) -> str:
    return json.dumps(diff, default=str)[:2000]


def write_million(path: Path, n: int, bad_every: int = 10) -> list[str]:
    """``n`` distinct short articles as JSONL, every ``bad_every``-th line lacking ``text``.

    Returns the ids (sha256 of the text) of the good lines.
    """
    import hashlib

    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(1, n + 1):
            if i % bad_every == 0:
                fh.write(f'{{"title": "line {i} has no text"}}\n')
                continue
            text = f"Ukraine's General Staff said attacks near Bakhmut were repelled, report {i}."
            ids.append(hashlib.sha256(text.encode()).hexdigest())
            fh.write(f'{{"text": "{text}", "published": "2023-02-16"}}\n')
    return ids


def prestore(db: str, ids: list[str]) -> None:
    """Mark articles as stored (bare rows, no records): what a finished earlier run leaves behind."""
    import datetime as dt

    from sitrep.store import Store

    Store.open(db).close()  # migrations
    engine = engine_for(db)
    now = dt.datetime.now(dt.UTC)
    try:
        with engine.begin() as conn:
            for k in range(0, len(ids), 50_000):
                conn.execute(
                    sa.text("INSERT INTO articles (id, text, ingested_at) VALUES (:id, 'x', :t)"),
                    [{"id": i, "t": now} for i in ids[k : k + 50_000]],
                )
    finally:
        engine.dispose()


_HWM = """
import atexit, runpy, sys
target = sys.argv[1]
def _report():
    with open("/proc/self/status") as st, open(target, "w") as out:
        out.write(next(line for line in st if line.startswith("VmHWM")))
atexit.register(_report)
sys.argv = ["sitrep", *sys.argv[2:]]
runpy.run_module("sitrep", run_name="__main__")
"""


def run_measured(args: list[str], timeout: float = 1800) -> tuple[int, int, str]:
    """Run the CLI; return (exit status, peak RSS in bytes of that process, stderr tail).

    The peak is the process's own VmHWM, read at exit: ``wait4``'s ru_maxrss
    would also count the memory of the (large) test process it was forked from.
    """
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        hwm, err_path = Path(tmp) / "hwm", Path(tmp) / "stderr"
        with err_path.open("wb") as err:
            proc = subprocess.run(
                [sys.executable, "-c", _HWM, str(hwm), *args],
                env=cli_env(),
                stdout=subprocess.DEVNULL,
                stderr=err,
                timeout=timeout,
                check=False,
            )
        tail = err_path.read_bytes()[-4000:].decode(errors="replace")
        kib = int(hwm.read_text().split()[1])
    return proc.returncode, kib * 1024, tail
