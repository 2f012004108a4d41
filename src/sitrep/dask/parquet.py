"""Parquet record files: the hand-over format between Dask workers and a store.

A run's output directory holds one sub-directory per table (``articles``,
``claims``, ``places``, ...) and, per input partition, one file in each, all
named after the partition. Rows are the store's own rows (same columns, same
``idx``), so importing them rebuilds exactly the analyses a local ingest stores.
A partition's ``articles`` file is written last and renamed into place, which
makes it the commit marker: a partition without it was interrupted and is
neither imported nor skipped on resume. JSON columns travel as JSON text so
that every file of a table has the same schema whatever its lists contain.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa

from sitrep.errors import InputError, InputNotFound
from sitrep.records import ArticleAnalysis
from sitrep.store.repository import analysis_from_rows, article_row, child_rows
from sitrep.store.schema import CHILD_TABLES, articles

ARTICLE_COLUMNS = ("id", "title", "published", "outlet", "url", "source", "text")
SUFFIX = ".parquet"


def _arrow_type(column: sa.Column[Any]) -> pa.DataType:
    kind = column.type
    if isinstance(kind, sa.JSON):
        return pa.string()
    if isinstance(kind, sa.Boolean):
        return pa.bool_()
    if isinstance(kind, sa.Integer):
        return pa.int64()
    if isinstance(kind, sa.Float):
        return pa.float64()
    return pa.string()


def _schema(table: sa.Table, names: Sequence[str]) -> pa.Schema:
    return pa.schema([pa.field(n, _arrow_type(table.c[n])) for n in names])


SCHEMAS: dict[str, pa.Schema] = {
    "articles": _schema(articles, ARTICLE_COLUMNS),
    **{t.name: _schema(t, [c.name for c in t.columns if c.name != "id"]) for t in CHILD_TABLES},
}
JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    t.name: tuple(c.name for c in t.columns if isinstance(c.type, sa.JSON)) for t in CHILD_TABLES
}


def _encode(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    json_cols = JSON_COLUMNS.get(table, ())
    if json_cols:
        rows = [{**r, **{c: json.dumps(r[c], ensure_ascii=False) for c in json_cols}} for r in rows]
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])


def _write_atomic(table: pa.Table, path: Path) -> None:
    tmp = path.with_name("." + path.name + ".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def write_partition(out_dir: Path, name: str, analyses: Sequence[ArticleAnalysis]) -> Path:
    """Write one partition's records; return the path of its ``articles`` file (the commit marker)."""
    rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in CHILD_TABLES}
    for a in analyses:
        for table, table_rows in child_rows(a):
            rows[table.name].extend(table_rows)
    for table_name, table_rows in rows.items():
        (out_dir / table_name).mkdir(parents=True, exist_ok=True)
        _write_atomic(_encode(table_name, table_rows), out_dir / table_name / f"{name}{SUFFIX}")
    (out_dir / "articles").mkdir(parents=True, exist_ok=True)
    marker = out_dir / "articles" / f"{name}{SUFFIX}"
    _write_atomic(_encode("articles", [article_row(a.article) for a in analyses]), marker)
    return marker


def partition_done(out_dir: Path, name: str) -> bool:
    return (out_dir / "articles" / f"{name}{SUFFIX}").is_file()


def partition_names(out_dir: Path) -> list[str]:
    """Completed partitions, in name order (names start with the partition's input position)."""
    if not out_dir.is_dir():
        raise InputNotFound("no such directory", source=str(out_dir))
    folder = out_dir / "articles"
    if not folder.is_dir():
        raise InputError("not a sitrep Parquet output: no 'articles' folder", source=str(out_dir))
    return sorted(p.name[: -len(SUFFIX)] for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith("."))


def _read(path: Path, table: str) -> list[dict[str, Any]]:
    try:
        data = pq.read_table(path)
    except FileNotFoundError as exc:
        raise InputError(f"partition is incomplete: {table} file missing", source=str(path)) from exc
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"unreadable Parquet file: {exc}", source=str(path)) from exc
    missing = set(SCHEMAS[table].names) - set(data.column_names)
    if missing:
        raise InputError(f"not a sitrep {table} file: missing columns {sorted(missing)}", source=str(path))
    rows: list[dict[str, Any]] = data.select(SCHEMAS[table].names).to_pylist()
    json_cols = JSON_COLUMNS.get(table, ())
    try:
        for r in rows:
            for c in json_cols:
                r[c] = json.loads(r[c]) if r[c] is not None else None
    except json.JSONDecodeError as exc:
        raise InputError(f"bad JSON in a {table} column: {exc}", source=str(path)) from exc
    return rows


def read_partition(out_dir: Path, name: str) -> list[ArticleAnalysis]:
    """The analyses of one partition, in their input order."""
    heads = _read(out_dir / "articles" / f"{name}{SUFFIX}", "articles")
    children: dict[str, dict[str, list[SimpleNamespace]]] = {h["id"]: {} for h in heads}
    for t in CHILD_TABLES:
        for r in _read(out_dir / t.name / f"{name}{SUFFIX}", t.name):
            if r["article_id"] not in children:
                raise InputError(
                    f"{t.name} row for an article not in the partition", source=str(out_dir / t.name / name)
                )
            children[r["article_id"]].setdefault(t.name, []).append(SimpleNamespace(**r))
    out = []
    for h in heads:
        kids = children[h["id"]]
        for rows in kids.values():
            rows.sort(key=lambda r: r.idx)
        out.append(analysis_from_rows(SimpleNamespace(**h), kids))
    return out


def iter_partitions(out_dir: Path) -> Iterator[tuple[str, list[ArticleAnalysis]]]:
    for name in partition_names(out_dir):
        yield name, read_partition(out_dir, name)
