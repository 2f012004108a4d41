"""Each filter of each list endpoint selects exactly what it says."""

from __future__ import annotations

from typing import Any

import handmade
import pytest
from fastapi.testclient import TestClient


def _get(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    r = client.get(path, params={"limit": 1000, **params} if path != "/api/timeline" else params)
    assert r.status_code == 200, r.text
    body = r.json()
    return body if isinstance(body, list) else body["items"]


def _contents(items: list[dict[str, Any]]) -> set[str]:
    return {c["content"] for c in items}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"side": "ukraine"},
            {
                "the missiles had damaged only civilian buildings",
                "there were no casualties at all",
                "fighting in Soledar was continuing and that the town had not fallen",
                "its troops were still holding positions near Bakhmut",
                "it had shot down 61 of 71 missiles fired at Kyiv and other cities",
            },
        ),
        ({"speaker": "maliar"}, {"fighting in Soledar was continuing and that the town had not fallen"}),
        ({"speaker": "Wagner group"}, {"his fighters had taken full control of Soledar"}),
        ({"place": "bakhmut"}, {"its troops were still holding positions near Bakhmut"}),
        ({"bbox": "30,50,31,51"}, {"it had shot down 61 of 71 missiles fired at Kyiv and other cities"}),
        (
            {"since": "2023-01-13", "until": "2023-01-13"},
            {"Soledar had been captured", "its troops were still holding positions near Bakhmut"},
        ),
        (
            {"status": "corroborated"},
            {
                "it had shot down 61 of 71 missiles fired at Kyiv and other cities",
                "a missile had crossed its airspace",
            },
        ),
        (
            {"type": "Battles", "side": "Russia"},
            {"his fighters had taken full control of Soledar", "Soledar had been captured"},
        ),
        ({"q": "casualties"}, {"found no sign of mass casualties", "there were no casualties at all"}),
        (
            {"polarity": "deny", "since": "2023-01-10"},
            {
                "fighting in Soledar was continuing and that the town had not fallen",
                "its troops were still holding positions near Bakhmut",
            },
        ),
    ],
)
def test_claim_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    assert _contents(_get(client, "/api/claims", **params)) == expected


def test_claim_filter_by_article(client: TestClient, items: list[Any]) -> None:
    got = _get(client, "/api/claims", article=items[2].article.id)
    assert [c["idx"] for c in got] == [0, 1]


@pytest.mark.parametrize(
    ("params", "expected_places"),
    [
        ({"type": "Battles"}, ["Soledar", "Soledar", "Bakhmut"]),
        ({"type": "Air/drone strike"}, ["Kyiv"]),
        ({"side": "Ukraine", "type": "Battles"}, ["Soledar", "Soledar", "Bakhmut"]),
        ({"speaker": "honcharenko"}, ["Kramatorsk"]),
        ({"place": "sole"}, ["Soledar", "Soledar"]),
        ({"bbox": "37.5,48.7,37.6,48.8"}, ["Kramatorsk", "Kramatorsk"]),
        ({"since": "2023-01-12", "until": "2023-01-31"}, ["Soledar", "Bakhmut", "Bakhmut"]),
        ({"status": "contested"}, ["Kramatorsk", "Kramatorsk", "Soledar", "Soledar"]),
        ({"status": "single-source"}, ["Bakhmut"]),
        ({"q": "captured"}, ["Soledar"]),
        ({"located": "true", "type": "Battles"}, ["Soledar", "Soledar", "Bakhmut"]),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, str], expected_places: list[str]) -> None:
    assert [e["place_name"] for e in _get(client, "/api/events", **params)] == expected_places


def test_event_filter_by_article(client: TestClient, items: list[Any]) -> None:
    assert [e["place_name"] for e in _get(client, "/api/events", article=items[3].article.id)] == [
        "Soledar",
        "Bakhmut",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"name": "kram"}, {"Kramatorsk"}),
        ({"kind": "city", "country": "ua", "bbox": "30,50,31,51"}, {"Kyiv"}),
        ({"kind": "country"}, set()),
        ({"side": "Russia"}, {"Kramatorsk", "Soledar"}),
        ({"since": "2023-02-01"}, {"Kyiv"}),
        ({"until": "2023-01-08"}, {"Kramatorsk"}),
    ],
)
def test_place_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    assert {p["name"] for p in _get(client, "/api/places", **params)} == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "contested"}, ["s-kramatorsk", "s-soledar"]),
        ({"side": "moldova"}, ["s-missiles"]),
        ({"speaker": "cherevatyi"}, ["s-kramatorsk"]),
        ({"place": "soledar"}, ["s-soledar"]),
        ({"q": "barrage"}, ["s-missiles"]),
        ({"q": "dormitories"}, []),
        ({"q": "captured"}, ["s-soledar"]),
        ({"since": "2023-02-01"}, ["s-missiles"]),
        ({"until": "2023-01-08"}, ["s-kramatorsk"]),
    ],
)
def test_storyline_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    assert [s["id"] for s in _get(client, "/api/storylines", **params)] == expected


@pytest.mark.parametrize(
    ("params", "expected_titles"),
    [
        ({"outlet": "daily"}, ["Wagner chief claims Soledar; Ukraine says fighting goes on"]),
        ({"since": "2023-02-01"}, ["Ukraine says most missiles shot down"]),
        ({"until": "2023-01-08"}, ["Russia claims deadly strike on Kramatorsk; Kyiv rejects it"]),
        ({"q": "dormitories"}, ["No sign of mass casualties at Kramatorsk dormitories"]),
        ({"side": "moldova"}, ["Ukraine says most missiles shot down"]),
        ({"speaker": "maliar"}, ["Wagner chief claims Soledar; Ukraine says fighting goes on"]),
        ({"place": "kyiv"}, ["Ukraine says most missiles shot down"]),
        ({"bbox": "30,50,31,51"}, ["Ukraine says most missiles shot down"]),
        (
            {"type": "Battles", "until": "2023-01-12"},
            ["Wagner chief claims Soledar; Ukraine says fighting goes on"],
        ),
        ({"status": "corroborated"}, ["Ukraine says most missiles shot down"]),
    ],
)
def test_article_filters(client: TestClient, params: dict[str, str], expected_titles: list[str]) -> None:
    assert [a["title"] for a in _get(client, "/api/articles", **params)] == expected_titles


def test_search_takes_the_claim_filters(client: TestClient) -> None:
    got = _get(client, "/api/search", q="Soledar", side="Ukraine")
    assert _contents(got) == {"fighting in Soledar was continuing and that the town had not fallen"}
    arts = _get(client, "/api/search", q="Soledar", **{"in": "articles"}, since="2023-01-12")
    assert [a["title"] for a in arts] == ["Moscow says Soledar captured"]


@pytest.mark.parametrize(
    ("params", "day", "events", "claims"),
    [
        ({}, "2023-01-13", 2, 2),
        ({"side": "Ukraine"}, "2023-01-13", 2, 1),
        ({"type": "Battles"}, "2023-01-08", 0, 0),
        ({"type": "Battles"}, "2023-01-11", 1, 2),
        ({"status": "contested"}, "2023-01-08", 2, 3),
    ],
)
def test_timeline_filters(
    client: TestClient, params: dict[str, str], day: str, events: int, claims: int
) -> None:
    days = {d["day"]: d for d in _get(client, "/api/timeline", **params)}
    got = days.get(day, {"events": 0, "claims": 0})
    assert (got["events"], got["claims"]) == (events, claims)


def test_timeline_date_window(client: TestClient) -> None:
    days = [d["day"] for d in _get(client, "/api/timeline", since="2023-01-10", until="2023-01-20")]
    assert days == ["2023-01-11", "2023-01-13", "2023-01-20"]


def test_hostile_side_is_just_a_value(client: TestClient) -> None:
    got = _get(client, "/api/claims", side=handmade.HOSTILE_SIDE)
    assert [c["speaker"]["name"] for c in got] == [handmade.HOSTILE_SPEAKER]


def test_timeline_counts_claims_without_a_said_day_on_the_publication_day(fresh_store: Any) -> None:
    from dataclasses import replace

    from sitrep.api import create_app
    from sitrep.records import Article

    base = handmade.analyses()[0]
    text = base.article.text + " (updated)"
    article = replace(base.article, text=text, id=Article.from_text(text).id, published="2023-03-05")
    claim = replace(base.claims[0], said_on=None)
    fresh_store.add(
        replace(base, article=article, claims=(claim,), events=(), places=(), dates=(), disclaimers=())
    )
    with TestClient(create_app(fresh_store, token=None)) as c:
        days = {d["day"]: d for d in c.get("/api/timeline").json()}
        assert days["2023-03-05"] == {"day": "2023-03-05", "events": 0, "claims": 1}
        got = c.get("/api/claims", params={"since": "2023-03-05"}).json()["items"]
        assert [x["said_on"] for x in got] == [None]
