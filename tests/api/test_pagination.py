"""Cursor paging: walking every page yields every item exactly once, and bad cursors are refused."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api import pagination


def _walk(client: TestClient, path: str, key: str, **params: Any) -> list[Any]:
    seen: list[Any] = []
    cursor = None
    for _ in range(50):
        body = client.get(
            path, params={**params, "limit": 2, **({"cursor": cursor} if cursor else {})}
        ).json()
        assert len(body["items"]) <= 2
        seen.extend(item[key] for item in body["items"])
        cursor = body["next"]
        if cursor is None:
            return seen
    raise AssertionError("pagination did not end")


@pytest.mark.parametrize(
    ("path", "key", "params"),
    [
        ("/api/claims", "id", {}),
        ("/api/events", "id", {}),
        ("/api/places", "name", {}),
        ("/api/storylines", "id", {}),
        ("/api/articles", "id", {}),
        ("/api/search", "id", {"q": "Soledar"}),
        ("/api/search", "id", {"q": "Soledar", "in": "articles"}),
    ],
)
def test_walking_pages_returns_everything_once(
    client: TestClient, path: str, key: str, params: dict[str, str]
) -> None:
    paged = _walk(client, path, key, **params)
    whole = [item[key] for item in client.get(path, params={**params, "limit": 1000}).json()["items"]]
    assert paged == whole and len(set(paged)) == len(paged) and len(whole) >= 2


def test_full_last_page_has_no_next(client: TestClient) -> None:
    body = client.get("/api/claims", params={"limit": 13}).json()
    assert len(body["items"]) == 13 and body["next"] is None
    body = client.get("/api/claims", params={"limit": 12}).json()
    assert body["next"] is not None


def test_cursor_keeps_filters_independent(client: TestClient) -> None:
    first = client.get("/api/claims", params={"side": "Ukraine", "limit": 2}).json()
    second = client.get("/api/claims", params={"side": "Ukraine", "limit": 2, "cursor": first["next"]}).json()
    assert all(c["speaker"]["side"] == "Ukraine" for c in second["items"])
    assert {c["id"] for c in first["items"]}.isdisjoint(c["id"] for c in second["items"])


@pytest.mark.parametrize(
    "cursor",
    [
        "not-base64!!",
        "eyJ4Ijox",
        pagination.encode("events", 3),
        pagination.encode("claims", "x"),
        pagination.encode("claims", -1),
    ],
)
def test_bad_cursors_are_400(client: TestClient, cursor: str) -> None:
    r = client.get("/api/claims", params={"cursor": cursor})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_cursor"
