"""The storyline side tables come from migration 0005; a store at the previous head upgrades in place."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from sitrep.records import Storyline, StorylineMember
from sitrep.store.database import MIGRATIONS, create_engine
from sitrep.store.repository import Store
from sitrep.storylines import link, update_store
from sitrep.storylines.linker import Linker

from .test_incremental import corpus

PREVIOUS_HEAD = "0004"
SIDE_TABLES = {"storyline_claim_index", "storyline_article_index"}


def _upgrade(url: str, revision: str) -> None:
    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def _old_runtime_tables(engine: sa.engine.Engine) -> None:
    """The side tables as sitrep used to create them on first use (no content vectors, no keys)."""
    old = sa.MetaData()
    sa.Table(
        "storyline_claim_index",
        old,
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("day", sa.Integer, index=True),
        sa.Column("component", sa.String(64), nullable=False, index=True),
        sa.Column("view", sa.Text, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
    sa.Table(
        "storyline_article_index",
        old,
        sa.Column("article_id", sa.String(64), primary_key=True),
        sa.Column("origin_key", sa.Text, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("unverified", sa.Boolean, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
    )
    old.create_all(engine)


def test_fresh_store_has_the_side_tables_from_the_migration(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "new.db")) as store, store.engine.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
        columns = {c["name"] for c in sa.inspect(conn).get_columns("storyline_claim_index")}
        version = conn.scalar(sa.text("SELECT version_num FROM alembic_version"))
    assert tables >= SIDE_TABLES
    assert "content_vector" in columns
    assert version == _head()  # upgraded all the way, through 0005


def test_store_at_previous_head_upgrades_and_keeps_its_data(tmp_path: Path, linker: Linker) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    _upgrade(url, PREVIOUS_HEAD)
    analyses = corpus()
    old = Store.open(url, migrate_schema=False)
    old.add_many(analyses)
    _old_runtime_tables(old.engine)
    with old.engine.begin() as conn:
        conn.execute(
            sa.text("INSERT INTO storyline_article_index VALUES ('x', 'wire b', X'00', 0, 'encoder')")
        )
    stale = Storyline(
        id="sl-from-an-older-linker",
        about="linked by older code",
        status="single-source",
        members=(StorylineMember(analyses[0].article.id, 0), StorylineMember(analyses[1].article.id, 0)),
    )
    old.replace_storylines([stale])
    before = (old.counts(), [old.get_analysis(a.article.id) for a in analyses])
    old.close()

    with Store.open(url) as store:  # runs 0005
        assert (store.counts(), [store.get_analysis(a.article.id) for a in analyses]) == before
        assert [s.id for s in store.storylines()] == [stale.id]
        with store.engine.connect() as conn:
            columns = {c["name"] for c in sa.inspect(conn).get_columns("storyline_claim_index")}
            assert "content_vector" in columns
            assert conn.scalar(sa.text("SELECT count(*) FROM storyline_article_index")) == 0
        # The first link after the upgrade relinks everything and replaces what older code stored.
        update_store(store, [analyses[-1].article.id], linker)
        batch = link(analyses, linker)
        assert [(s.id, s.status, s.sides) for s in store.storylines()] == [
            (s.id, s.status, s.sides) for s in batch
        ]


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from sitrep.store.database import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head
