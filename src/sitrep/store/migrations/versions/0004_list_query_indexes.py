"""Indexes that let the API's list pages read an index in order instead of sorting or grouping a table.

* ``ix_places_grouped`` covers every column the places ranking groups and aggregates, in group
  order: the GROUP BY becomes one pass over an index, with no temporary B-tree and no table reads.
* ``ix_articles_newest`` is the articles list's sort key (publication day, undated last, then id):
  the first page of newest articles is read off the index instead of sorting every article.
* ``articles_fts_ids`` (SQLite only) maps each article's FTS5 row to the article. Reading the
  article id out of the FTS5 table loads the whole indexed row, text and all; this table answers
  "which articles match" from rowids alone, and "does this article match" by one probe.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PLACES_GROUPED = ["name", "kind", "country", "geonames_id", "article_id", "lat", "lon", "admin1"]


def upgrade() -> None:
    op.create_index("ix_places_grouped", "places", PLACES_GROUPED)
    op.create_index("ix_articles_newest", "articles", [sa.text("coalesce(published, '')"), "id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TABLE articles_fts_ids (fts_rowid INTEGER PRIMARY KEY, "
            "article_id VARCHAR(64) NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE)"
        )
        op.execute(
            "INSERT INTO articles_fts_ids (fts_rowid, article_id) SELECT rowid, article_id FROM articles_fts"
        )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS articles_fts_ids")
    op.drop_index("ix_articles_newest", table_name="articles")
    op.drop_index("ix_places_grouped", table_name="places")
