"""POST /api/articles: token required, text only, analyzer built lazily, token never logged."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fakes import TOKEN, FakeAnalyzer
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store import Store

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "text": "Officials said the bridge at Kherson was hit. Nothing else is known.",
    "title": "Bridge hit",
    "published": "2023-03-01T10:00:00Z",
    "outlet": "Test Outlet",
    "url": "https://example.org/a",
}


@pytest.fixture()
def writer(fresh_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(fresh_store, token=TOKEN, analyzer_factory=FakeAnalyzer)) as c:
        yield c


def test_post_analyses_stores_and_is_idempotent(writer: TestClient, fresh_store: Store) -> None:
    before = FakeAnalyzer.instances
    r = writer.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["inserted"] is True and body["claims"] == 1
    assert r.headers["location"] == f"/api/articles/{body['id']}"
    stored = writer.get(f"/api/articles/{body['id']}").json()
    assert stored["article"]["published"] == "2023-03-01" and stored["article"]["source"] == "api"
    assert stored["claims"][0]["content"] == "Officials said the bridge at Kherson was hit"
    again = writer.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert again.status_code == 200 and again.json() == {**body, "inserted": False}
    assert FakeAnalyzer.instances == before + 1  # built once, on the first POST
    assert fresh_store.counts().articles == 7


def test_analyzer_is_not_built_until_a_post(fresh_store: Store) -> None:
    before = FakeAnalyzer.instances
    with TestClient(create_app(fresh_store, token=TOKEN, analyzer_factory=FakeAnalyzer)) as c:
        assert c.get("/api/claims").status_code == 200
    assert FakeAnalyzer.instances == before


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": TOKEN},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": "Bearer "},
    ],
)
def test_post_without_the_right_token_is_401(
    writer: TestClient, fresh_store: Store, headers: dict[str, str]
) -> None:
    r = writer.post("/api/articles", json=ARTICLE, headers=headers)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert r.headers["www-authenticate"] == "Bearer"
    assert fresh_store.counts().articles == 6


def test_post_is_403_when_the_server_has_no_token(fresh_store: Store) -> None:
    with TestClient(create_app(fresh_store, token=None, analyzer_factory=FakeAnalyzer)) as c:
        r = c.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert r.status_code == 403 and r.json()["error"]["code"] == "writes_disabled"


@pytest.mark.parametrize(
    "body",
    [
        {"path": "/etc/passwd"},
        {"text": "x", "path": "/etc/passwd"},
        {"text": "x", "file": "/etc/passwd"},
        {"text": ""},
        {"text": "   "},
        {"text": "x", "published": "last week"},
        {"text": 5},
        ["not", "an", "object"],
    ],
)
def test_post_rejects_bad_bodies_and_any_path_field(writer: TestClient, body: object) -> None:
    r = writer.post("/api/articles", json=body, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_parameters"


def test_post_rejects_non_json(writer: TestClient) -> None:
    r = writer.post("/api/articles", content=b"text=hello", headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 422


def test_a_path_in_the_text_is_only_text(writer: TestClient) -> None:
    r = writer.post("/api/articles", json={"text": "/etc/passwd"}, headers=AUTH)
    assert r.status_code == 201
    stored = writer.get(f"/api/articles/{r.json()['id']}").json()
    assert stored["article"]["text"] == "/etc/passwd"


def test_token_never_logged(fresh_store: Store, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    app = create_app(fresh_store, token=TOKEN, analyzer_factory=FakeAnalyzer)
    with TestClient(app) as c:
        c.post("/api/articles", json=ARTICLE, headers=AUTH)
        c.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}x"})
    assert TOKEN not in caplog.text
    assert TOKEN not in repr(app.state.sitrep)
