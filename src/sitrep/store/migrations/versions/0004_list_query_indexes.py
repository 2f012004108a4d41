"""Indexes that let the API's list pages read an index in order instead of sorting or grouping a table.

* ``ix_places_grouped`` covers every column the places ranking groups and aggregates, in group
  order: the GROUP BY becomes one pass over an index, with no temporary B-tree and no table reads.
* ``ix_articles_newest`` is the articles list's sort key (publication day, undated last, then id):
  the first page of newest articles is read off the index instead of sorting every article.

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


def downgrade() -> None:
    op.drop_index("ix_articles_newest", table_name="articles")
    op.drop_index("ix_places_grouped", table_name="places")
