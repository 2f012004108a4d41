"""Storyline side tables (claim and article index for incremental linking) as a migration.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Earlier versions created these two tables at run time, on first use, without
the ``content_vector`` column and without foreign keys. They are a derived
cache (everything in them is recomputed from the stored articles), so an old
copy is dropped and the tables are created afresh; the next ingest or
``rebuild_store`` relinks the corpus once. Articles, claims and the stored
storylines are left as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CLAIM_INDEX = "storyline_claim_index"
ARTICLE_INDEX = "storyline_article_index"


def _drop_runtime_copies() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    for name in (CLAIM_INDEX, ARTICLE_INDEX):
        if name in existing:
            op.drop_table(name)


def upgrade() -> None:
    _drop_runtime_copies()
    op.create_table(
        CLAIM_INDEX,
        sa.Column(
            "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("day", sa.Integer),
        sa.Column("component", sa.String(64), nullable=False),
        sa.Column("view", sa.Text, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.Column("content_vector", sa.LargeBinary, nullable=False),
    )
    op.create_index(f"ix_{CLAIM_INDEX}_day", CLAIM_INDEX, ["day"])
    op.create_index(f"ix_{CLAIM_INDEX}_component", CLAIM_INDEX, ["component"])
    op.create_table(
        ARTICLE_INDEX,
        sa.Column(
            "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("origin_key", sa.Text, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("unverified", sa.Boolean, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
    )


def downgrade() -> None:
    op.drop_table(ARTICLE_INDEX)
    op.drop_index(f"ix_{CLAIM_INDEX}_component", table_name=CLAIM_INDEX)
    op.drop_index(f"ix_{CLAIM_INDEX}_day", table_name=CLAIM_INDEX)
    op.drop_table(CLAIM_INDEX)
