"""Storylines: claims from different articles and outlets about the same event, linked.

Two entry points, plain functions over records:

* :func:`link` (batch): ``ArticleAnalysis`` records in, ``Storyline`` records out;
  used by ``sitrep analyze`` for the articles given together.
* :func:`update_store` (incremental): after ``Store.add_many``, link the new
  articles' claims into the stored storylines, rewriting only those touched.

Both take an optional :class:`~sitrep.storylines.linker.Linker`, which holds the
encoder and stance model; pass one in to load them once for many calls.
Nothing heavy is imported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.records import ArticleAnalysis, Storyline
    from sitrep.store.repository import Store
    from sitrep.storylines.linker import Linker

__all__ = ["link", "rebuild_store", "update_store"]


def link(analyses: Sequence[ArticleAnalysis], linker: Linker | None = None) -> list[Storyline]:
    """Storylines among the given articles, sorted by id; empty when nothing links."""
    from sitrep.storylines.linker import Linker

    return (linker or Linker()).link(analyses)


def update_store(store: Store, new_article_ids: Sequence[str], linker: Linker | None = None) -> None:
    """Join newly stored articles to the store's storylines (same result as a batch run)."""
    from sitrep.storylines.incremental import update_store as _update

    _update(store, new_article_ids, linker)


def rebuild_store(store: Store, linker: Linker | None = None) -> None:
    """Relink every stored article from scratch."""
    from sitrep.storylines.incremental import rebuild_store as _rebuild

    _rebuild(store, linker)
