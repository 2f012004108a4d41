"""Relative places keep their stated distance and bearing from the anchor.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("places") as batch:
        batch.add_column(sa.Column("offset_km", sa.Float))
        batch.add_column(sa.Column("bearing", sa.Float))


def downgrade() -> None:
    with op.batch_alter_table("places") as batch:
        batch.drop_column("bearing")
        batch.drop_column("offset_km")
