"""Full-text search, the one dialect-specific part of the store.

SQLite gets FTS5 tables filled in the same transaction as the rows they index;
PostgreSQL gets generated ``tsvector`` columns with GIN indexes, so it needs no
write-side code at all. User queries are never spliced into SQL: on SQLite each
word becomes a quoted FTS5 phrase (so ``"`` or ``NEAR(`` in a query is just
text), on PostgreSQL the query goes through ``plainto_tsquery`` as a bound
parameter; on both, all words must match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitrep.store.schema import claims

_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)


def create(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE claims_fts USING fts5(content, speaker, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "ALTER TABLE claims ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(content, '') || ' ' || coalesce(speaker_name, ''))) STORED"
        )
        conn.exec_driver_sql("CREATE INDEX ix_claims_tsv ON claims USING gin (tsv)")
        conn.exec_driver_sql(
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
        )
        conn.exec_driver_sql("CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)")


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DROP TABLE IF EXISTS claims_fts")
        conn.exec_driver_sql("DROP TABLE IF EXISTS articles_fts")


def index_articles(conn: Connection, items: Sequence[tuple[str, str | None, str]]) -> None:
    """Index freshly inserted articles and their claims in two statements (SQLite only)."""
    if conn.dialect.name != "sqlite" or not items:
        return
    conn.execute(
        sa.text("INSERT INTO articles_fts(article_id, title, text) VALUES (:a, :t, :x)"),
        [{"a": a, "t": t or "", "x": x} for a, t, x in items],
    )
    ids = [a for a, _, _ in items]
    for start in range(0, len(ids), 500):  # stay far below SQLite's bound-parameter limit
        conn.execute(
            sa.text(
                "INSERT INTO claims_fts(rowid, content, speaker) "
                "SELECT id, content, speaker_name FROM claims WHERE article_id IN :ids"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": ids[start : start + 500]},
        )


def fts5_query(text: str) -> str | None:
    """A user's words -> an FTS5 query of quoted terms (all must match); None if no words."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def claim_match(conn: Connection, query: str) -> sa.ColumnElement[bool]:
    """A WHERE clause selecting claims that match ``query``."""
    if conn.dialect.name == "postgresql":
        return sa.literal_column("claims.tsv").op("@@")(sa.func.plainto_tsquery("english", query))
    q = fts5_query(query)
    if q is None:
        return sa.false()
    return claims.c.id.in_(
        sa.text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH :fts_q").bindparams(fts_q=q)
    )


def article_match(conn: Connection, query: str) -> sa.ColumnElement[bool]:
    from sitrep.store.schema import articles

    if conn.dialect.name == "postgresql":
        return sa.literal_column("articles.tsv").op("@@")(sa.func.plainto_tsquery("english", query))
    q = fts5_query(query)
    if q is None:
        return sa.false()
    return articles.c.id.in_(
        sa.text("SELECT article_id FROM articles_fts WHERE articles_fts MATCH :fts_aq").bindparams(fts_aq=q)
    )
