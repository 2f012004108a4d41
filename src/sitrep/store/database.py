"""Opening a store: URL resolution, engine set-up, migrations.

SQLite is the default at a per-user location; ``--db`` or ``$SITREP_DB`` pick
another file or a PostgreSQL URL. Every open runs pending Alembic migrations, so
a newer sitrep upgrades an older database in place instead of refusing it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from sitrep.errors import StoreError

DB_ENV = "SITREP_DB"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_sqlite_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sitrep" / "sitrep.sqlite"


def resolve_url(db: str | None = None) -> str:
    """``--db`` value, ``$SITREP_DB`` or the default; plain paths become SQLite URLs."""
    value = db or os.environ.get(DB_ENV) or str(default_sqlite_path())
    if "://" not in value:
        path = Path(value).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if value.startswith("postgresql://") or value.startswith("postgres://"):
        # psycopg 3 is the driver we ship; SQLAlchemy would otherwise look for psycopg2.
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<invalid database URL>"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the API read while an ingest writes; NORMAL sync is durable at each commit in WAL mode
    # except on power loss, which is the usual trade-off for a desktop tool.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def create_engine(url: str) -> Engine:
    try:
        if url.startswith("sqlite"):
            engine = sa.create_engine(url, connect_args={"timeout": 30})
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = sa.create_engine(url, pool_pre_ping=True)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"invalid database URL: {exc}", source=redact(url)) from exc
    return engine


def _sqlite_ddl_engine(url: sa.URL) -> Engine:
    """An engine whose transactions really contain DDL, for migrating SQLite atomically.

    Python's sqlite3 driver opens a transaction only before INSERT/UPDATE/DELETE,
    so each CREATE TABLE of a migration commits on its own: a kill half-way
    left a database with some tables and no Alembic version, which no later run
    could open. Here the driver's own handling is off and every transaction is
    an explicit ``BEGIN IMMEDIATE`` (which also makes two first runs take turns),
    so a migration commits whole or not at all.
    """
    engine = sa.create_engine(url, connect_args={"timeout": 30}, poolclass=sa.pool.NullPool)

    def on_connect(dbapi_conn: Any, record: Any) -> None:
        _sqlite_pragmas(dbapi_conn, record)
        dbapi_conn.isolation_level = None

    def on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    sa.event.listen(engine, "connect", on_connect)
    sa.event.listen(engine, "begin", on_begin)
    return engine


def migrate(engine: Engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    ddl_engine = _sqlite_ddl_engine(engine.url) if engine.dialect.name == "sqlite" else engine
    try:
        with ddl_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except sa.exc.OperationalError as exc:
        raise StoreError(f"cannot open database: {exc.orig}", source=redact(str(engine.url))) from exc
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate database: {exc}", source=redact(str(engine.url))) from exc
    finally:
        if ddl_engine is not engine:
            ddl_engine.dispose()
