"""Trigram and expression indexes for the substring and side filters, on PostgreSQL only.

Speaker, place, outlet, notes and storyline filters are ``lower(column) LIKE '%…%'``, which a
B-tree cannot serve. On PostgreSQL a ``pg_trgm`` GIN index on the same expression can, and
ANALYZE gathers statistics on the indexed expression, so the planner also stops guessing that
such a filter matches a handful of rows (it then scanned whole tables in parallel instead of
walking claims in id order: 220 ms for a speaker filter on 100,000 claims; an events side
filter, ``actors::text LIKE '%"Ukraine"%'``, joined and sorted 5,000 events: 130 ms, 1 ms with
statistics). Each expression is exactly what :func:`sitrep.store.queries.contains` and
``event_has_actor`` build, or the index would never match (``tests/api/test_pg_indexes.py``).

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
# and sitrep.api.queries. Text filters on event notes and storyline titles get none: each is
# OR-ed with a full-text EXISTS, which no index can serve, so the scan stays either way.
TRIGRAM_INDEXES = {
    "ix_pg_trgm_claims_speaker_name": ("claims", "lower(speaker_name)"),
    "ix_pg_trgm_claims_speaker_text": ("claims", "lower(coalesce(speaker_text, ''))"),
    "ix_pg_trgm_places_name": ("places", "lower(name)"),
    "ix_pg_trgm_places_mention": ("places", "lower(mention)"),
    "ix_pg_trgm_articles_outlet": ("articles", "lower(coalesce(outlet, ''))"),
    # event_has_actor: the quoted side inside the actors list's JSON text.
    "ix_pg_trgm_events_actors": ("events", "(actors::text)"),
}

# B-tree expression indexes: side filters compare lower(speaker_side). Besides serving the
# look-up, the index makes ANALYZE keep statistics on the expression: without them PostgreSQL
# guessed 0.5% of claims for a side that has 11% and hash-joined every storyline member
# (118 ms) instead of walking storylines in id order (3 ms).
EXPRESSION_INDEXES = {
    "ix_pg_claims_side": ("claims", "lower(speaker_side)"),
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
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, (table, expression) in EXPRESSION_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({expression})")
    if not _has_trigrams():
        return
    for name, (table, expression) in TRIGRAM_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression} gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in [*TRIGRAM_INDEXES, *EXPRESSION_INDEXES]:
        op.execute(f"DROP INDEX IF EXISTS {name}")
