"""Index storyline members by claim, so "which storyline is this claim in" is a lookup, not a scan.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_storyline_members_claim", "storyline_members", ["article_id", "claim_idx"])


def downgrade() -> None:
    op.drop_index("ix_storyline_members_claim", table_name="storyline_members")
