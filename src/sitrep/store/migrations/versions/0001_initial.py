"""Initial schema: articles, their records, storylines and full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-24

Written out table by table (not ``metadata.create_all``) so that this revision
stays what it was when later revisions change ``schema.py``; a test compares the
migrated database with ``schema.metadata`` to keep the two in step.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sitrep.store import fulltext

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _child_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("idx", sa.Integer, nullable=False),
    ]


def _span() -> list[sa.Column[object]]:
    return [
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
    ]


def _create_child(name: str, *columns: sa.Column[object]) -> None:
    op.create_table(
        name,
        *_child_columns(),
        *columns,
        sa.UniqueConstraint("article_id", "idx", name=f"uq_{name}_article_idx"),
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("n_claims", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    _create_child(
        "claims",
        sa.Column("content", sa.Text, nullable=False),
        *_span(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("stance", sa.String(32)),
        sa.Column("speaker_text", sa.Text),
        sa.Column("speaker_name", sa.Text, nullable=False),
        sa.Column("speaker_type", sa.String(16), nullable=False),
        sa.Column("speaker_side", sa.Text),
        sa.Column("speaker_start", sa.Integer),
        sa.Column("speaker_end", sa.Integer),
        sa.Column("channel", sa.Text),
        sa.Column("said_on", sa.String(10)),
        sa.Column("polarity", sa.String(8), nullable=False),
        sa.Column("hedges", sa.JSON, nullable=False),
        sa.Column("unverified", sa.Boolean, nullable=False),
    )
    op.create_index("ix_claims_speaker_name", "claims", ["speaker_name"])
    op.create_index("ix_claims_speaker_side", "claims", ["speaker_side"])
    op.create_index("ix_claims_said_on", "claims", ["said_on"])
    _create_child(
        "places",
        sa.Column("mention", sa.Text, nullable=False),
        *_span(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geonames_id", sa.Integer),
        sa.Column("precision", sa.String(16)),
        sa.Column("anchor", sa.Text),
    )
    op.create_index("ix_places_name", "places", ["name"])
    _create_child(
        "dates",
        sa.Column("expression", sa.Text, nullable=False),
        *_span(),
        sa.Column("value", sa.String(10)),
        sa.Column("precision", sa.String(8)),
        sa.Column("range_start", sa.String(10)),
        sa.Column("range_end", sa.String(10)),
    )
    _create_child(
        "quantities",
        sa.Column("text", sa.Text, nullable=False),
        *_span(),
        sa.Column("value", sa.Float),
        sa.Column("unit", sa.Text),
        sa.Column("low", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("qualifier", sa.Text),
        sa.Column("noun", sa.Text),
    )
    _create_child(
        "disclaimers",
        sa.Column("text", sa.Text, nullable=False),
        *_span(),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    _create_child(
        "events",
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("sub_type", sa.Text, nullable=False),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("place_idx", sa.Integer),
        sa.Column("date", sa.String(10)),
        sa.Column("claims", sa.JSON, nullable=False),
        sa.Column("quantities", sa.JSON, nullable=False),
        sa.Column("trigger", sa.Text),
        sa.Column("start_char", sa.Integer),
        sa.Column("end_char", sa.Integer),
        sa.Column("actor_names", sa.JSON, nullable=False),
        sa.Column("asserted_by", sa.JSON, nullable=False),
        sa.Column("denied_by", sa.JSON, nullable=False),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("time_precision", sa.Integer),
        sa.Column("fatalities", sa.Integer),
        sa.Column("notes", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_table(
        "storylines",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("about", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sides", sa.JSON, nullable=False),
        sa.Column("origins", sa.Integer, nullable=False, server_default="1"),
        sa.Column("unverified", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_storylines_status", "storylines", ["status"])
    op.create_table(
        "storyline_members",
        sa.Column(
            "storyline_id",
            sa.String(64),
            sa.ForeignKey("storylines.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("claim_idx", sa.Integer, primary_key=True),
    )
    fulltext.create(op.get_bind())


def downgrade() -> None:
    fulltext.drop(op.get_bind())
    for name in (
        "storyline_members",
        "storylines",
        "events",
        "disclaimers",
        "quantities",
        "dates",
        "places",
        "claims",
        "articles",
    ):
        op.drop_table(name)
