"""The API answers alike from SQLite and PostgreSQL, in every query shape the store can pick.

Status filters and place filters switch SQL shape by counting (see ``test_query_shapes``); the
PostgreSQL half checks that each shape also compiles and means the same there (JSON list
membership, row-value keyset comparisons, case folding without ``lower()`` on SQLite only).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import handmade
import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store import Store, queries

REQUESTS: list[tuple[str, dict[str, Any]]] = [
    ("/api/claims", {}),
    ("/api/claims", {"side": "ukraine"}),
    ("/api/claims", {"speaker": "DEFENCE"}),
    ("/api/claims", {"place": "kramat"}),
    ("/api/claims", {"bbox": "37,48,39,49.5"}),
    ("/api/claims", {"status": "contested"}),
    ("/api/claims", {"status": "corroborated", "since": "2023-01-01"}),
    ("/api/claims", {"type": "Battles"}),
    ("/api/events", {}),
    ("/api/events", {"status": "contested"}),
    ("/api/events", {"located": "true", "limit": 1000}),
    ("/api/events", {"speaker": "cherevatyi"}),
    ("/api/events", {"place": "sole"}),
    ("/api/places", {}),
    ("/api/places", {"name": "KRAM"}),
    ("/api/places", {"side": "Russia"}),
    ("/api/storylines", {"status": "contested"}),
    ("/api/storylines", {"speaker": "mayor"}),
    ("/api/articles", {}),
    ("/api/articles", {"limit": 1}),
    ("/api/articles", {"place": "Kramatorsk"}),
    ("/api/articles", {"side": "Russia", "bbox": "37,48,39,49.5"}),
    ("/api/timeline", {"status": "contested"}),
]


def _answers(url: str) -> Iterator[Any]:
    with Store.open(url) as store:
        handmade.fill(store)
        with TestClient(create_app(store, token=None)) as client:
            for path, params in REQUESTS:
                body = client.get(path, params=params).json()
                yield path, params, body
                if isinstance(body, dict) and body.get("next"):  # the second page too
                    yield path, params, client.get(path, params={**params, "cursor": body["next"]}).json()


@pytest.mark.postgres
@pytest.mark.parametrize("dense", [False, True])
def test_sqlite_and_postgres_serve_the_same_pages(
    sqlite_url: str, pg_url: str, dense: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # dense: every status counts as common and every place filter as widespread.
    monkeypatch.setattr(queries, "DENSE_STORYLINES", -1 if dense else 10**9)
    monkeypatch.setattr(queries, "SPARSE_ARTICLES", 0 if dense else 10**6)
    lite = list(_answers(sqlite_url))
    pg = list(_answers(pg_url))
    assert len(lite) == len(pg)
    for a, b in zip(lite, pg, strict=True):
        assert a == b, a[:2]
    assert any(body.get("items") for _, _, body in lite if isinstance(body, dict))
