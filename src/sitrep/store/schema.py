"""Tables of the store (SQLAlchemy Core), identical on SQLite and PostgreSQL.

Child rows are keyed by ``(article_id, idx)`` where ``idx`` is the record's
position in the article's analysis, the same index the contract JSON uses
(``event.claims``, ``event.place``, storyline members). Re-ingesting an article
therefore can never create a second copy of anything: the article id is the
SHA-256 of its text and every child key derives from it.

Full-text search lives outside this metadata because it is dialect-specific
(FTS5 virtual tables on SQLite, generated ``tsvector`` columns on PostgreSQL);
see :mod:`sitrep.store.fulltext` and the migrations.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("outlet", sa.Text, index=True),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("n_claims", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
)
NEWEST_KEY = sa.func.coalesce(articles.c.published, sa.literal_column("''"))
"""The articles list's sort key (newest first, undated last). The empty string is literal SQL,
not a bound parameter: SQLite matches an expression index only to the identical expression."""
sa.Index("ix_articles_newest", NEWEST_KEY, articles.c.id)  # see migration 0004


def _child(name: str, *columns: sa.Column[object], **kw: object) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("idx", sa.Integer, nullable=False),
        *columns,
        sa.UniqueConstraint("article_id", "idx", name=f"uq_{name}_article_idx"),
    )


claims = _child(
    "claims",
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("cue", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("stance", sa.String(32)),
    sa.Column("speaker_text", sa.Text),
    sa.Column("speaker_name", sa.Text, nullable=False, index=True),
    sa.Column("speaker_type", sa.String(16), nullable=False),
    sa.Column("speaker_side", sa.Text, index=True),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    sa.Column("channel", sa.Text),
    sa.Column("said_on", sa.String(10), index=True),
    sa.Column("polarity", sa.String(8), nullable=False),
    sa.Column("hedges", sa.JSON, nullable=False),
    sa.Column("unverified", sa.Boolean, nullable=False),
)

places = _child(
    "places",
    sa.Column("mention", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("country", sa.String(2)),
    sa.Column("admin1", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geonames_id", sa.Integer),
    sa.Column("precision", sa.String(16)),
    sa.Column("anchor", sa.Text),
    sa.Column("offset_km", sa.Float),
    sa.Column("bearing", sa.Float),
)
# Covers the places ranking's GROUP BY and aggregates, in group order; see migration 0004.
sa.Index(
    "ix_places_grouped",
    places.c.name,
    places.c.kind,
    places.c.country,
    places.c.geonames_id,
    places.c.article_id,
    places.c.lat,
    places.c.lon,
    places.c.admin1,
)

dates = _child(
    "dates",
    sa.Column("expression", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("value", sa.String(10)),
    sa.Column("precision", sa.String(8)),
    sa.Column("range_start", sa.String(10)),
    sa.Column("range_end", sa.String(10)),
)

quantities = _child(
    "quantities",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("value", sa.Float),
    sa.Column("unit", sa.Text),
    sa.Column("low", sa.Float),
    sa.Column("high", sa.Float),
    sa.Column("qualifier", sa.Text),
    sa.Column("noun", sa.Text),
)

disclaimers = _child(
    "disclaimers",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
)

events = _child(
    "events",
    sa.Column("type", sa.Text, nullable=False, index=True),
    sa.Column("sub_type", sa.Text, nullable=False),
    sa.Column("actors", sa.JSON, nullable=False),
    sa.Column("place_idx", sa.Integer),
    sa.Column("date", sa.String(10), index=True),
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
    # Denormalised from the place so that map and bounding-box queries need no join.
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
)

storylines = sa.Table(
    "storylines",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("about", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("sides", sa.JSON, nullable=False),
    sa.Column("origins", sa.Integer, nullable=False, server_default="1"),
    sa.Column("unverified", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

storyline_members = sa.Table(
    "storyline_members",
    metadata,
    sa.Column(
        "storyline_id", sa.String(64), sa.ForeignKey("storylines.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("claim_idx", sa.Integer, primary_key=True),
    sa.Index("ix_storyline_members_claim", "article_id", "claim_idx"),
)

# What storyline linking computed, so that a new article is linked without relinking the corpus
# (see sitrep.storylines.incremental): one row per claim (its view as JSON, float16 unit vectors
# of the claim in context and of its own words, the linked group it is in) and one per article
# (origin key, MinHash signature). A derived cache: dropping it costs one relink, never data.
storyline_claim_index = sa.Table(
    "storyline_claim_index",
    metadata,
    sa.Column(
        "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("day", sa.Integer, index=True),
    sa.Column("component", sa.String(64), nullable=False, index=True),
    sa.Column("view", sa.Text, nullable=False),
    sa.Column("vector", sa.LargeBinary, nullable=False),
    sa.Column("content_vector", sa.LargeBinary, nullable=False),
)

storyline_article_index = sa.Table(
    "storyline_article_index",
    metadata,
    sa.Column(
        "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("origin_key", sa.Text, nullable=False),
    sa.Column("signature", sa.LargeBinary, nullable=False),
    sa.Column("unverified", sa.Boolean, nullable=False),
    sa.Column("method", sa.String(16), nullable=False),
)

CHILD_TABLES = (claims, places, dates, quantities, disclaimers, events)
