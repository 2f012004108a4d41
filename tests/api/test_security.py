"""Hostile input through every filter, CORS off by default, hardening headers on every response."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store import Store

# Each would return rows if it reached SQL or FTS5 as syntax (or LIKE as a wildcard); as plain values
# nothing in the store matches them, so every answer must be an empty 200.
INJECTIONS = [
    "zzz' OR '1'='1",
    "zzz'; DROP TABLE claims; --",
    'zzz" OR 1=1 --',
    "zzz' UNION SELECT id, text FROM articles --",
    "zzz) OR 1=1; DELETE FROM articles; --",
    "zzz OR Soledar",
    "zzz* OR Soledar*",
    'NEAR("zzz" "Soledar")',
    "content:zzz OR Soledar",
    "Sol%dar",  # LIKE wildcards must be escaped: as syntax these would match Soledar
    "Sol_dar",
    "zzz\\",
    "%' --",
]
CONTROL = "\u0000"
PAYLOAD = "<script>alert(1)</script>"  # matches the hostile article's words: only the status is checked

FILTERS = {
    "/api/claims": ["side", "speaker", "place", "q", "type", "article"],
    "/api/events": ["type", "side", "speaker", "place", "q", "article"],
    "/api/places": ["name", "kind", "side"],
    "/api/storylines": ["side", "speaker", "place", "q"],
    "/api/articles": ["outlet", "q", "side", "speaker", "place", "type"],
    "/api/search": ["q", "side", "speaker", "place", "type"],
    "/api/timeline": ["side", "type"],
}
LENGTH_CAPPED = {"kind"}  # longer than any real value: refused with 422 before reaching a query
VALIDATED = {"bbox", "since", "until", "status", "cursor", "limit", "polarity", "country"}


def _tables(store: Store) -> set[str]:
    return set(sa.inspect(store.engine).get_table_names())


@pytest.mark.parametrize("path", sorted(FILTERS))
def test_injection_strings_are_plain_values(client: TestClient, store: Store, path: str) -> None:
    before, tables = store.counts(), _tables(store)
    for name in FILTERS[path]:
        for value in [*INJECTIONS, PAYLOAD, CONTROL]:
            params = {name: value}
            if path == "/api/search" and name != "q":
                params["q"] = "Soledar"
            r = client.get(path, params=params)
            if value == CONTROL:
                assert r.status_code == 400 and r.json()["error"]["code"] == "bad_parameter"
                continue
            if r.status_code == 422 and name in LENGTH_CAPPED:
                assert r.json()["error"]["code"] == "invalid_parameters"
                continue
            assert r.status_code == 200, (path, name, value, r.text)
            body = r.json()
            found = body if isinstance(body, list) else body["items"]
            if value != PAYLOAD:
                assert found == [], (path, name, value, found)
    assert store.counts() == before and _tables(store) == tables


@pytest.mark.parametrize("name", sorted(VALIDATED))
def test_injection_into_validated_parameters_is_refused(client: TestClient, store: Store, name: str) -> None:
    before = store.counts()
    for value in [*INJECTIONS, PAYLOAD, CONTROL]:
        r = client.get("/api/claims" if name not in {"country"} else "/api/places", params={name: value})
        assert r.status_code in (200, 400, 422), (name, value)
        if r.status_code != 200:
            assert set(r.json()) == {"error"}
    assert store.counts() == before


def test_like_wildcards_are_escaped(client: TestClient) -> None:
    assert client.get("/api/claims", params={"speaker": "%"}).json()["items"] == []
    assert client.get("/api/claims", params={"speaker": "Hanna_Maliar"}).json()["items"] == []
    assert len(client.get("/api/claims", params={"speaker": "Hanna Maliar"}).json()["items"]) == 1


def test_injection_in_path_parameters(client: TestClient, store: Store) -> None:
    before = store.counts()
    for value in ["1 OR 1=1", "x' OR '1'='1", "s-soledar' --"]:
        assert client.get(f"/api/storylines/{value}").status_code == 404
        assert client.get(f"/api/articles/{value}").status_code == 404
    assert store.counts() == before


def test_cors_is_off_by_default(client: TestClient) -> None:
    r = client.get("/api/claims", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/api/articles", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in pre.headers


def test_cors_can_be_enabled_for_named_origins(store: Store) -> None:
    with TestClient(create_app(store, token=None, cors_origins=["http://127.0.0.1:9000"])) as c:
        ok = c.get("/api/claims", headers={"Origin": "http://127.0.0.1:9000"})
        other = c.get("/api/claims", headers={"Origin": "https://evil.example"})
    assert ok.headers["access-control-allow-origin"] == "http://127.0.0.1:9000"
    assert "access-control-allow-origin" not in other.headers


@pytest.mark.parametrize("path", ["/", "/api/claims", "/static/app.js", "/api/nothing"])
def test_hardening_headers(client: TestClient, path: str) -> None:
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
