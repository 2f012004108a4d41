"""One error shape for every failure, and no internals in it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app, queries
from sitrep.store import Store


def _assert_error(r: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    err: dict[str, Any] = body["error"]
    assert err["status"] == status and isinstance(err["message"], str) and err["message"]
    assert isinstance(err["code"], str) and err["code"]
    if code:
        assert err["code"] == code
    return err


@pytest.mark.parametrize(
    ("path", "params", "code"),
    [
        ("/api/events", {"bbox": "1,2,3"}, "bad_bbox"),
        ("/api/events", {"bbox": "40,50,30,60"}, "bad_bbox"),
        ("/api/events", {"bbox": "nan,1,2,3"}, "bad_bbox"),
        ("/api/claims", {"since": "2023-02-30"}, "bad_date"),
        ("/api/claims", {"until": "yesterday"}, "bad_date"),
        ("/api/storylines", {"cursor": "zzz"}, "bad_cursor"),
    ],
)
def test_400(client: TestClient, path: str, params: dict[str, str], code: str) -> None:
    _assert_error(client.get(path, params=params), 400, code)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/claims", {"limit": "0"}),
        ("/api/claims", {"limit": "1001"}),
        ("/api/claims", {"limit": "many"}),
        ("/api/claims", {"status": "bogus"}),
        ("/api/claims", {"polarity": "maybe"}),
        ("/api/search", {}),
        ("/api/search", {"q": "x", "in": "files"}),
        ("/api/claims", {"speaker": "x" * 201}),
        ("/api/events/not-a-number", {}),
    ],
)
def test_422(client: TestClient, path: str, params: dict[str, str]) -> None:
    err = _assert_error(client.get(path, params=params), 422, "invalid_parameters")
    assert err["detail"] and all("loc" in d and "msg" in d for d in err["detail"])


def test_422_does_not_echo_the_input(client: TestClient) -> None:
    r = client.get("/api/claims", params={"status": "<script>alert(1)</script>"})
    _assert_error(r, 422)
    assert "<script>" not in r.text


@pytest.mark.parametrize(
    "path",
    [
        "/api/claims/99999",
        "/api/events/99999",
        "/api/storylines/nope",
        "/api/articles/" + "0" * 64,
        "/api/nothing-here",
        "/static/nothing.js",
    ],
)
def test_404(client: TestClient, path: str) -> None:
    _assert_error(client.get(path), 404, "not_found")


def test_405(client: TestClient) -> None:
    _assert_error(client.delete("/api/claims"), 405, "method_not_allowed")


def test_414_long_query(client: TestClient) -> None:
    _assert_error(client.get("/api/claims", params={"q": "a" * 5000}), 414, "uri_too_long")


def test_500_says_nothing_about_internals(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_a: object) -> None:
        raise RuntimeError("secret-internal-detail at /home/x")

    monkeypatch.setattr(queries, "overview", boom)
    with TestClient(create_app(store, token=None), raise_server_exceptions=False) as c:
        r = c.get("/api/overview")
    err = _assert_error(r, 500, "internal_error")
    assert "secret" not in r.text and err["message"] == "internal error"


@pytest.fixture()
def small_body_client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store, token="tok", max_body=2000)) as c:
        yield c


def test_413_declared_length(small_body_client: TestClient) -> None:
    r = small_body_client.post(
        "/api/articles", json={"text": "x" * 5000}, headers={"Authorization": "Bearer tok"}
    )
    _assert_error(r, 413, "payload_too_large")


def test_413_chunked_body_without_length(small_body_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 500
        yield b'"}'

    r = small_body_client.post(
        "/api/articles",
        content=chunks(),
        headers={"Authorization": "Bearer tok", "Content-Type": "application/json"},
    )
    _assert_error(r, 413, "payload_too_large")


def test_413_comes_before_authentication(small_body_client: TestClient) -> None:
    _assert_error(small_body_client.post("/api/articles", content=b"x" * 5000), 413)
