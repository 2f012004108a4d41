"""Trigram indexes for the substring filters, on PostgreSQL only.

Speaker, place, outlet, notes and storyline filters are ``lower(column) LIKE '%…%'``, which a
B-tree cannot serve. On PostgreSQL a ``pg_trgm`` GIN index on the same expression can, and
ANALYZE gathers statistics on the indexed expression, so the planner also stops guessing that
such a filter matches a handful of rows (it then scanned whole tables in parallel instead of
walking claims in id order: 220 ms for a speaker filter on 100,000 claims). Each expression is
exactly what :func:`sitrep.store.queries.contains` builds, or the index would never match.

SQLite needs none of this (its LIKE ignores case without ``lower()``, and it has no trigram
index). Where the extension cannot be created (not installed, or no privilege), the migration
logs why and creates nothing: queries give the same answers, only slower.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

# name -> (table, indexed expression); the expressions of the filters in sitrep.store.queries
# and sitrep.api.queries.
TRIGRAM_INDEXES = {
    "ix_trgm_claims_speaker_name": ("claims", "lower(speaker_name)"),
    "ix_trgm_claims_speaker_text": ("claims", "lower(coalesce(speaker_text, ''))"),
    "ix_trgm_places_name": ("places", "lower(name)"),
    "ix_trgm_places_mention": ("places", "lower(mention)"),
    "ix_trgm_events_notes": ("events", "lower(coalesce(notes, ''))"),
    "ix_trgm_events_trigger": ("events", "lower(coalesce(trigger, ''))"),
    "ix_trgm_storylines_about": ("storylines", "lower(about)"),
    "ix_trgm_articles_outlet": ("articles", "lower(coalesce(outlet, ''))"),
}


def _has_trigrams() -> bool:
    """Create ``pg_trgm`` if it is missing; False (and a logged note) where that is not allowed.

    The attempt runs in a savepoint so that a refusal leaves the migration's transaction usable.
    """
    bind = op.get_bind()
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError as exc:
        log.warning(
            "pg_trgm is not available (%s); substring filters will work without trigram indexes",
            str(exc.orig).strip().splitlines()[0] if exc.orig else exc,
        )
        return False
    return True


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql" or not _has_trigrams():
        return
    for name, (table, expression) in TRIGRAM_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression} gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
