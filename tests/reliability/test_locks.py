"""The store-wide lock really excludes: a second holder waits until the first lets go."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from sitrep.store import Store
from sitrep.store.locks import exclusive


def _assert_exclusive(db: str) -> None:
    order: list[str] = []
    first_in = threading.Event()

    def first() -> None:
        with Store.open(db) as store, exclusive(store, "test"):
            order.append("first in")
            first_in.set()
            time.sleep(0.5)
            order.append("first out")

    def second() -> None:
        first_in.wait(10)
        with Store.open(db) as store, exclusive(store, "test"):
            order.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert order == ["first in", "first out", "second in"]


def test_sqlite_lock_excludes(tmp_path: Path) -> None:
    _assert_exclusive(str(tmp_path / "s.sqlite"))


@pytest.mark.postgres
def test_postgres_advisory_lock_excludes(pg_url: str) -> None:
    _assert_exclusive(pg_url)
