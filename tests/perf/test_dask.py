"""Dask ingest: a 2-worker LocalCluster stores exactly what a local ingest stores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.cli.main import _register, cli
from sitrep.dask.parquet import partition_names, read_partition, write_partition
from sitrep.errors import InputError
from sitrep.records import Article, ArticleAnalysis
from sitrep.samples import samples_path
from sitrep.store import Store
from tests.foundation.records_factory import make_analysis

SAMPLE = str(samples_path())


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as lc:
        yield lc.scheduler_address


def invoke(runner: CliRunner, *args: str) -> Any:
    res = runner.invoke(cli, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res


def snapshot(db: str) -> dict[str, Any]:
    """Everything the store holds that does not depend on when it was written."""
    with Store.open(db) as store:
        return {
            "analyses": list(store.iter_analyses()),
            "storylines": store.storylines(),
            "counts": store.counts(),
        }


def exported(runner: CliRunner, db: str, out: Path) -> list[str]:
    invoke(runner, "export", "--db", db, "--format", "jsonl", "--out", str(out))
    return sorted(out.read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="module")
def local_db(runner: CliRunner, tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("local") / "local.sqlite")
    invoke(runner, "ingest", SAMPLE, "--db", db, "--quiet")
    return db


@pytest.mark.slow
def test_dask_parquet_then_import_equals_local_ingest(
    runner: CliRunner, cluster: str, local_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "parquet"
    invoke(runner, "ingest", SAMPLE, "--dask", cluster, "--parquet-out", str(out), "--partition-size", "4")
    names = partition_names(out)
    assert len(names) == 4  # 14 sample articles in partitions of 4
    db = str(tmp_path / "dask.sqlite")
    invoke(runner, "import-parquet", str(out), "--db", db)

    local, remote = snapshot(local_db), snapshot(db)
    assert remote["counts"].articles == 14 and remote["counts"].claims > 0
    assert remote == local
    assert exported(runner, db, tmp_path / "d.jsonl") == exported(runner, local_db, tmp_path / "l.jsonl")

    # Resume: every partition is already complete, nothing is recomputed or re-imported.
    res = invoke(
        runner, "ingest", SAMPLE, "--dask", cluster, "--parquet-out", str(out), "--partition-size", "4"
    )
    assert "4 partition(s) already there" in res.output
    res = invoke(runner, "import-parquet", str(out), "--db", db)
    assert "imported 0 new article(s)" in res.output and "(14 already stored)" in res.output
    assert snapshot(db) == local


@pytest.mark.slow
def test_dask_straight_into_store_equals_local_ingest(
    runner: CliRunner, cluster: str, local_db: str, tmp_path: Path
) -> None:
    db = str(tmp_path / "direct.sqlite")
    invoke(runner, "ingest", SAMPLE, "--dask", cluster, "--db", db, "--partition-size", "5")
    assert snapshot(db) == snapshot(local_db)


def test_parquet_round_trip_is_exact(tmp_path: Path) -> None:
    a = make_analysis()
    b = make_analysis(text=a.article.text + " Kyiv said nothing.", published="2023-01-14", outlet="B")
    empty = ArticleAnalysis(Article.from_text("Nothing happened here.", source="x.txt"))
    write_partition(tmp_path, "part-000000-x", [a, b, empty])
    assert partition_names(tmp_path) == ["part-000000-x"]
    assert read_partition(tmp_path, "part-000000-x") == [a, b, empty]


def test_interrupted_partition_is_invisible_and_bad_dirs_are_named(tmp_path: Path) -> None:
    write_partition(tmp_path, "part-000000-a", [make_analysis()])
    (tmp_path / "articles" / "part-000000-a.parquet").unlink()  # killed before the commit marker
    assert partition_names(tmp_path) == []
    with pytest.raises(InputError, match="no such directory"):
        partition_names(tmp_path / "missing")
    (tmp_path / "articles" / "part-000001-b.parquet").write_bytes(b"not parquet")
    with pytest.raises(InputError, match="unreadable Parquet") as exc:
        read_partition(tmp_path, "part-000001-b")
    assert "part-000001-b.parquet" in str(exc.value)


def test_parquet_out_needs_dask(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(cli, ["ingest", SAMPLE, "--parquet-out", str(tmp_path)])
    assert res.exit_code == 2 and "--parquet-out needs --dask" in res.output


def test_import_parquet_reports_a_missing_directory(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "s.sqlite")) as store:
        from sitrep.dask import import_parquet

        with pytest.raises(InputError) as exc:
            import_parquet(tmp_path / "nope", store)
    assert "nope" in str(exc.value)


def test_sample_corpus_is_what_the_tests_assume() -> None:
    lines = Path(SAMPLE).read_text(encoding="utf-8").splitlines()
    assert len([json.loads(x) for x in lines if x.strip()]) == 14


def test_unreachable_scheduler_is_a_usage_error_naming_it() -> None:
    from sitrep.dask import connect
    from sitrep.errors import UsageError

    with pytest.raises(UsageError) as exc:
        connect("tcp://127.0.0.1:9", timeout=1)
    assert "tcp://127.0.0.1:9" in str(exc.value) and "scheduler" in str(exc.value)
