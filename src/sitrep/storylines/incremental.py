"""Keep the store's storylines current as articles arrive, without relinking the corpus.

Two side tables (``storyline_claim_index`` and ``storyline_article_index``,
created by migration 0004) remember what linking computed: each claim's view,
its float16 vectors (in context and its own words), its day and the id of the
linked group it belongs to (``component``), and each article's origin key and
MinHash signature. A new article's claims are compared only with
stored claims in the same date window; the groups they touch are merged, and
only those storylines are rewritten. Groups are connected components of a
pair test that never looks beyond the pair, so the result equals a batch run.

Articles found in the store but not yet in the side tables (ingested before
this ran, or by an older version) are indexed along with the new ones, so the
first call on an existing store amounts to a batch run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import numpy as np
import sqlalchemy as sa

from sitrep.records import ArticleAnalysis
from sitrep.store.locks import exclusive
from sitrep.store.repository import Store
from sitrep.store.schema import articles
from sitrep.store.schema import storyline_article_index as article_index
from sitrep.store.schema import storyline_claim_index as claim_index
from sitrep.storylines.build import storyline_id
from sitrep.storylines.linker import Linker
from sitrep.storylines.linking import WINDOW_DAYS, candidate_pairs, components
from sitrep.storylines.origins import ArticleOrigin
from sitrep.storylines.views import ClaimView, PlaceKey


def _view_to_json(v: ClaimView) -> str:
    return json.dumps(asdict(v), ensure_ascii=False, separators=(",", ":"))


def _view_from_json(raw: str) -> ClaimView:
    d: dict[str, Any] = json.loads(raw)
    d["places"] = tuple(PlaceKey(**p) for p in d["places"])
    for key in ("event_types", "events", "tolls"):
        d[key] = tuple(d[key])
    return ClaimView(**d)


def _vector_from(raw: bytes) -> np.ndarray[Any, np.dtype[np.float32]]:
    return np.frombuffer(raw, dtype=np.float16).astype(np.float32)


def _unindexed(store: Store, requested: Sequence[str]) -> list[str]:
    with store.engine.connect() as conn:
        missing = conn.scalars(
            sa.select(articles.c.id)
            .where(~articles.c.id.in_(sa.select(article_index.c.article_id)))
            .order_by(articles.c.id)
        ).all()
    wanted = set(missing)
    return sorted(wanted | (set(requested) & wanted))


def update_store(store: Store, new_article_ids: Sequence[str], linker: Linker | None = None) -> None:
    """Link the new articles' claims into the stored storylines; rewrite only the storylines touched.

    Runs under a store-wide lock, so two ingests into one database take turns
    instead of both indexing the same articles, and writes its results in one
    transaction, so a kill leaves the side tables and the storylines in step.
    """
    with exclusive(store, "storylines"):
        _update_store(store, new_article_ids, linker or Linker())


def _update_store(store: Store, new_article_ids: Sequence[str], linker: Linker) -> None:
    todo = _unindexed(store, new_article_ids)
    if not todo:
        return
    with store.engine.connect() as conn:
        first_run = conn.execute(sa.select(article_index.c.article_id).limit(1)).first() is None
    analyses: list[ArticleAnalysis] = [a for a in (store.get_analysis(i) for i in todo) if a is not None]
    new_views: list[ClaimView] = []
    new_origins: dict[str, ArticleOrigin] = {}
    new_unverified: set[str] = set()
    for a in analyses:
        new_views.extend(linker.views(a))
        new_origins[a.article.id] = linker.origin(a)
        if any(d.kind == "unverified" for d in a.disclaimers):
            new_unverified.add(a.article.id)
    new_vectors, new_content = linker.encode(new_views)
    days = [v.day for v in new_views if v.day is not None]

    with store.engine.connect() as conn:
        old_rows: Sequence[Any] = []
        if days:
            old_rows = conn.execute(
                sa.select(claim_index).where(
                    claim_index.c.day.between(min(days) - WINDOW_DAYS, max(days) + WINDOW_DAYS)
                )
            ).all()
    old_views = [_view_from_json(r.view) for r in old_rows]
    old_component = [r.component for r in old_rows]
    views = old_views + new_views
    dim = new_vectors.shape[1] if len(new_views) else (len(old_rows[0].vector) // 2 if old_rows else 1)
    vectors = np.zeros((len(views), dim), dtype=np.float32)
    content = np.zeros((len(views), dim), dtype=np.float32)
    for k, r in enumerate(old_rows):
        vectors[k] = _vector_from(r.vector)
        content[k] = _vector_from(r.content_vector)
    vectors[len(old_rows) :] = new_vectors
    content[len(old_rows) :] = new_content
    n_old = len(old_rows)
    pairs = candidate_pairs(views, vectors, linker.thresholds, content=content, only=range(n_old, len(views)))

    touched = sorted({old_component[i] for p in pairs for i in p if i < n_old})
    with store.engine.connect() as conn:
        member_rows = (
            conn.execute(sa.select(claim_index).where(claim_index.c.component.in_(touched))).all()
            if touched
            else []
        )
    # Every member of a touched group, inside the window or not, joins the rebuilt group.
    have = {v.key: k for k, v in enumerate(views)}
    extra_views: list[ClaimView] = []
    extra_component: list[str] = []
    for r in member_rows:
        if (r.article_id, r.idx) not in have:
            extra_views.append(_view_from_json(r.view))
            extra_component.append(r.component)
    all_views = old_views + new_views + extra_views
    extra_vectors = [_vector_from(r.vector) for r in member_rows if (r.article_id, r.idx) not in have]
    all_vectors = (
        np.vstack([vectors, np.asarray(extra_vectors, dtype=np.float32)]) if extra_vectors else vectors
    )
    component_of: dict[int, str] = {k: c for k, c in enumerate(old_component)}
    for k, c in enumerate(extra_component):
        component_of[len(old_views) + len(new_views) + k] = c
    # Old groups stay connected: chain each touched group's members together.
    first_of: dict[str, int] = {}
    chain: list[tuple[int, int]] = []
    for k, c in component_of.items():
        if c in touched:
            if c in first_of:
                chain.append((first_of[c], k))
            else:
                first_of[c] = k
    relevant = set(range(n_old, n_old + len(new_views))) | {
        k for k, c in component_of.items() if c in touched
    }
    groups = [g for g in components(len(all_views), list(pairs) + chain) if relevant.intersection(g)]

    member_articles = sorted({all_views[i].article for g in groups for i in g} - set(new_origins))
    origins: dict[str, ArticleOrigin] = dict(new_origins)
    unverified = set(new_unverified)
    if member_articles:
        with store.engine.connect() as conn:
            for r in conn.execute(
                sa.select(article_index).where(article_index.c.article_id.in_(member_articles))
            ):
                origins[r.article_id] = ArticleOrigin(
                    r.article_id, r.origin_key, np.frombuffer(r.signature, dtype=np.uint32).copy()
                )
                if r.unverified:
                    unverified.add(r.article_id)
    lines = linker.storylines(all_views, groups, origins, frozenset(unverified), all_vectors)

    new_component: dict[tuple[str, int], str] = {}
    for g in groups:
        cid = storyline_id([all_views[i] for i in g])
        for i in g:
            new_component[all_views[i].key] = cid
    new_start = n_old
    with store.engine.begin() as conn:
        rows = [
            {
                "article_id": v.article,
                "idx": v.idx,
                "day": v.day,
                "component": new_component[v.key],
                "view": _view_to_json(v),
                "vector": np.asarray(vectors[new_start + k], dtype=np.float16).tobytes(),
                "content_vector": np.asarray(content[new_start + k], dtype=np.float16).tobytes(),
            }
            for k, v in enumerate(new_views)
        ]
        if rows:
            conn.execute(claim_index.insert(), rows)
        moved = [
            {"a": art, "i": idx, "c": cid}
            for (art, idx), cid in new_component.items()
            if art not in new_origins
        ]
        if moved:
            conn.execute(
                claim_index.update()
                .where(claim_index.c.article_id == sa.bindparam("a"), claim_index.c.idx == sa.bindparam("i"))
                .values(component=sa.bindparam("c")),
                moved,
            )
        conn.execute(
            article_index.insert(),
            [
                {
                    "article_id": o.article,
                    "origin_key": o.key,
                    "signature": np.asarray(o.signature, dtype=np.uint32).tobytes(),
                    "unverified": o.article in new_unverified,
                    "method": linker.method,
                }
                for o in new_origins.values()
            ],
        )
        # Same transaction: an index that says "linked" always comes with the storylines it produced.
        if first_run:
            # Nothing was indexed: this call linked the whole store, so storylines stored by an
            # older version (or before the side tables were rebuilt by a migration) are replaced.
            store.replace_storylines(lines, conn=conn)
        else:
            store.upsert_storylines(lines, delete=touched, conn=conn)


def rebuild_store(store: Store, linker: Linker | None = None) -> None:
    """Forget the side tables and storylines and relink every stored article (a batch run)."""
    with store.engine.begin() as conn:
        conn.execute(claim_index.delete())
        conn.execute(article_index.delete())
    store.replace_storylines([])
    update_store(store, store.article_ids(), linker)
