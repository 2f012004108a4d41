"""Cross-process locks for read-compute-write updates that a transaction alone cannot serialise.

Storyline linking reads the side tables, computes in Python, then writes; two
ingests doing that at once would both index the same article. Article writes
need no lock (the primary key and ``ON CONFLICT DO NOTHING`` settle races), so
only such derived updates take one. PostgreSQL gets a session advisory lock,
SQLite an ``flock`` on a file beside the database; both are released by the
kernel or the server when the process dies, so a killed ingest never leaves a
stale lock behind.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from sitrep.store.repository import Store


def _key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for ``name``."""
    return int.from_bytes(hashlib.sha256(f"sitrep:{name}".encode()).digest()[:8], "big", signed=True)


@contextmanager
def exclusive(store: Store, name: str) -> Iterator[None]:
    """Hold the store-wide lock ``name`` for the body; blocks until it is free."""
    if store.dialect == "postgresql":
        with store.engine.connect() as conn:
            conn.execute(sa.text("SELECT pg_advisory_lock(:k)"), {"k": _key(name)})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": _key(name)})
                conn.commit()
        return
    database = store.engine.url.database
    try:
        import fcntl
    except ImportError:  # not POSIX (Windows): no flock; concurrent ingests there are not serialised
        fcntl = None  # type: ignore[assignment]
    if store.dialect != "sqlite" or not database or database == ":memory:" or fcntl is None:
        yield  # one process owns an in-memory database: nothing to serialise against
        return
    fd = os.open(f"{database}.{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the flock
