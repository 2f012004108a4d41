"""The events list skips response validation: its bytes must stay those the validated path wrote."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from sitrep.api import pagination, payloads, queries
from sitrep.api.models import EventOut, Page
from sitrep.store import Store
from sitrep.store.queries import EventQuery

PAGE = TypeAdapter(Page[EventOut])


def _validated_bytes(store: Store, query: EventQuery, limit: int) -> bytes:
    """What FastAPI wrote before: the plain payloads validated against the model, then dumped."""
    with store.engine.connect() as conn:
        rows = queries.event_maps(conn, query, limit)
        shown = rows[:limit]
        ctx = queries.event_context(conn, shown)
        items = [payloads.event(m, ctx.get(m["id"])) for m in shown]
    nxt = pagination.encode("events", rows[limit - 1]["id"]) if len(rows) > limit else None
    return PAGE.dump_json(PAGE.validate_python(pagination.page(items, limit, nxt)))


@pytest.mark.parametrize(
    ("params", "query"),
    [
        ({"located": "true", "limit": "1000"}, EventQuery(located=True, limit=1000)),
        ({}, EventQuery(limit=50)),
        ({"limit": "2"}, EventQuery(limit=2)),
        ({"status": "contested"}, EventQuery(status="contested", limit=50)),
        ({"side": "Ukraine"}, EventQuery(side="Ukraine", limit=50)),
    ],
)
def test_events_page_bytes_equal_the_validated_ones(
    client: TestClient, store: Store, params: dict[str, str], query: EventQuery
) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    expected = _validated_bytes(store, query, query.limit or 50)
    assert r.content == expected
    assert len(r.json()["items"]) > 0


def test_events_second_page_bytes_equal_the_validated_ones(client: TestClient, store: Store) -> None:
    first = client.get("/api/events", params={"limit": "2"}).json()
    cursor = first["next"]
    assert cursor
    r = client.get("/api/events", params={"limit": "2", "cursor": cursor})
    after = pagination.int_key("events", cursor)
    assert r.content == _validated_bytes(store, EventQuery(limit=2, after=after), 2)


def test_event_out_has_the_models_fields_in_order(client: TestClient) -> None:
    item = client.get("/api/events").json()["items"][0]
    assert list(item) == list(EventOut.model_fields)
    assert list(item["article"]) == ["title", "outlet", "published", "url"]


_text = st.one_of(st.none(), st.text(max_size=30))
_num = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))


@settings(max_examples=200, deadline=None)
@given(
    title=_text,
    name=_text,
    actors=st.lists(st.text(max_size=12), max_size=3),
    lat=_num,
    lon=_num,
    notes=_text,
    fatalities=st.one_of(st.none(), st.integers(min_value=-(2**53), max_value=2**53)),
)
def test_plain_encoding_equals_the_models_for_any_values(
    title: str | None,
    name: str | None,
    actors: list[str],
    lat: float | None,
    lon: float | None,
    notes: str | None,
    fatalities: int | None,
) -> None:
    """Control characters, non-ASCII text, tiny and huge floats: the same bytes either way."""
    item: dict[str, Any] = {
        "id": 1,
        "article_id": "a" * 64,
        "idx": 0,
        "type": "Battles",
        "sub_type": "Armed clash",
        "actors": actors,
        "date": "2023-01-02",
        "place": None,
        "place_name": name,
        "lat": lat,
        "lon": lon,
        "claims": [0, 1],
        "asserted_by": [0],
        "denied_by": [1],
        "quantities": [],
        "fatalities": fatalities,
        "trigger": name,
        "start": 0,
        "end": 3,
        "notes": notes,
        "geo_precision": 1,
        "time_precision": None,
        "asserting_sides": actors,
        "denying_sides": [],
        "status": "contested",
        "storylines": ["s1"],
        "sources": 2,
        "article": {"title": title, "outlet": name, "published": None, "url": None},
    }
    body = pagination.page([item], 1, None)
    assert pagination.json_page([item], 1, None).body == PAGE.dump_json(PAGE.validate_python(body))
