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

# SQLite only, like the FTS5 tables it indexes, so not part of the schema's metadata (migration 0004).
_FTS_IDS = sa.table(
    "articles_fts_ids", sa.column("fts_rowid", sa.Integer), sa.column("article_id", sa.String)
)

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
    """Index freshly inserted articles and their claims in a few statements (SQLite only).

    The article rows get explicit FTS rowids, so ``articles_fts_ids`` (which lets
    article search read ids without touching the indexed text) is filled with
    the same executemany instead of one ``last_insert_rowid()`` round trip each.
    Callers hold the write lock already (the articles were just inserted).
    """
    if conn.dialect.name != "sqlite" or not items:
        return
    last = conn.exec_driver_sql("SELECT rowid FROM articles_fts ORDER BY rowid DESC LIMIT 1").scalar()
    first = (last or 0) + 1
    conn.execute(
        sa.text("INSERT INTO articles_fts(rowid, article_id, title, text) VALUES (:r, :a, :t, :x)"),
        [{"r": first + i, "a": a, "t": t or "", "x": x} for i, (a, t, x) in enumerate(items)],
    )
    conn.execute(
        sa.insert(_FTS_IDS),
        [{"fts_rowid": first + i, "article_id": a} for i, (a, _, _) in enumerate(items)],
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


DENSE_ARTICLES = 1000
"""Above this many matching articles, probing articles newest-first finds a page sooner than
collecting every match and sorting it."""


def article_match(conn: Connection, query: str, dense: bool | None = None) -> sa.ColumnElement[bool]:
    """A WHERE clause selecting articles that match ``query``.

    On SQLite the clause takes one of two shapes with the same rows: a rare query names its
    articles (through ``articles_fts_ids``, from FTS5 rowids only) and the query sorts those few;
    a common one is checked article by article in the list's own order, so the first page stops
    after a few dozen probes. ``dense`` None picks by counting the matches (an index-only count).
    """
    from sitrep.store.schema import articles

    if conn.dialect.name == "postgresql":
        return sa.literal_column("articles.tsv").op("@@")(sa.func.plainto_tsquery("english", query))
    q = fts5_query(query)
    if q is None:
        return sa.false()
    if dense is None:
        n = conn.execute(
            sa.text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :fts_aq"), {"fts_aq": q}
        ).scalar_one()
        dense = n > DENSE_ARTICLES
    matching = sa.text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts_aq").bindparams(fts_aq=q)
    if dense:
        return sa.exists(
            sa.select(sa.literal(1))
            .select_from(_FTS_IDS)
            .where(_FTS_IDS.c.article_id == articles.c.id, _FTS_IDS.c.fts_rowid.in_(matching))
        )
    return articles.c.id.in_(sa.select(_FTS_IDS.c.article_id).where(_FTS_IDS.c.fts_rowid.in_(matching)))
