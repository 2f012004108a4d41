"""A first run killed half-way through creating the schema leaves nothing half-made behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sitrep.store import Store, database


def test_a_failed_migration_leaves_no_tables_and_the_next_run_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    real = database._sqlite_ddl_engine
    created: list[str] = []

    def failing(u: sa.URL) -> sa.Engine:
        engine = real(u)

        def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            if statement.lstrip().upper().startswith("CREATE TABLE"):
                created.append(statement)
                if len(created) == 3:  # the crash lands after two tables were created
                    raise RuntimeError("killed")

        sa.event.listen(engine, "before_cursor_execute", before)
        return engine

    monkeypatch.setattr(database, "_sqlite_ddl_engine", failing)
    with pytest.raises(RuntimeError):
        database.migrate(database.create_engine(url))
    assert len(created) == 3
    assert sa.inspect(sa.create_engine(url)).get_table_names() == []  # rolled back whole

    monkeypatch.setattr(database, "_sqlite_ddl_engine", real)
    with Store.open(url) as store:
        assert store.has_articles(["x"]) == set()
