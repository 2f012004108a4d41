"""Every route answers with the documented shape, and offsets index the stored text exactly."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sitrep.records import ArticleAnalysis


def test_claims_list_carries_speaker_side_article_and_storyline(client: TestClient) -> None:
    body = client.get("/api/claims", params={"limit": 1000}).json()
    assert set(body) == {"items", "next", "limit"}
    assert len(body["items"]) == 13 and body["next"] is None
    first = body["items"][0]
    assert first["speaker"]["name"] == "Russian Defence Ministry" and first["speaker"]["side"] == "Russia"
    assert first["article"]["outlet"] == "Sample Wire A"
    assert first["storyline"] == {"id": "s-kramatorsk", "status": "contested"}
    assert first["unverified"] is True and first["channel"] == "Telegram"


def test_claim_detail_and_offsets(client: TestClient) -> None:
    claim = client.get("/api/claims/1").json()
    text = client.get(f"/api/articles/{claim['article_id']}").json()["article"]["text"]
    assert text[claim["start"] : claim["end"]] == claim["content"]


def test_events_list_has_sides_status_and_sources(client: TestClient) -> None:
    items = client.get("/api/events").json()["items"]
    kram = items[0]
    assert kram["place_name"] == "Kramatorsk" and kram["lat"] == 48.7231
    assert kram["asserting_sides"] == ["Russia"] and kram["denying_sides"] == ["Ukraine"]
    assert kram["status"] == "contested" and kram["sources"] == 2 and kram["storylines"] == ["s-kramatorsk"]
    kyiv = next(e for e in items if e["place_name"] == "Kyiv")
    assert kyiv["status"] == "corroborated" and kyiv["asserting_sides"] == ["Moldova", "Ukraine"]


def test_event_detail_lists_the_claims_behind_it(client: TestClient) -> None:
    body = client.get("/api/events/1").json()
    assert [c["idx"] for c in body["claim_records"]] == [0, 1, 2]
    assert {c["speaker"]["side"] for c in body["claim_records"]} == {"Russia", "Ukraine"}


def test_places_grouped_by_mentions(client: TestClient) -> None:
    items = client.get("/api/places").json()["items"]
    names = {p["name"]: p for p in items}
    assert names["Soledar"]["mentions"] == 2 and names["Soledar"]["articles"] == 2
    assert names["Kyiv"]["country"] == "UA"


def test_storylines_expand_members(client: TestClient) -> None:
    body = client.get("/api/storylines", params={"status": "contested"}).json()
    assert [s["id"] for s in body["items"]] == ["s-kramatorsk", "s-soledar"]
    kram = body["items"][0]
    assert kram["sides"] == {"Russia": "assert", "Ukraine": "deny"} and kram["origins"] == 2
    sides = [m["claim"]["speaker"]["side"] for m in kram["members"]]
    assert sides.count("Ukraine") == 2 and sides.count("Russia") == 2 and None in sides
    one = client.get("/api/storylines/s-soledar").json()
    assert one["id"] == "s-soledar" and len(one["members"]) == 3


def test_articles_list_newest_first_without_text(client: TestClient) -> None:
    items = client.get("/api/articles").json()["items"]
    assert [a["published"] for a in items] == sorted((a["published"] for a in items), reverse=True)
    assert "text" not in items[0] and items[0]["n_claims"] == 2


def test_article_detail_is_the_contract_plus_ids(client: TestClient, items: list[ArticleAnalysis]) -> None:
    a1 = items[0]
    body = client.get(f"/api/articles/{a1.article.id}").json()
    text = body["article"]["text"]
    assert text == a1.article.text
    for group in ("claims", "places", "dates", "disclaimers"):
        for rec in body[group]:
            assert text[rec["start"] : rec["end"]] == rec.get(
                "content", rec.get("mention", rec.get("expression", rec.get("text")))
            )
    assert body["claims"][0]["storyline"]["id"] == "s-kramatorsk"
    assert isinstance(body["claims"][0]["id"], int)
    assert body["events"][0]["lat"] == 48.7231 and isinstance(body["events"][0]["id"], int)


def test_search_claims_and_articles(client: TestClient) -> None:
    claims = client.get("/api/search", params={"q": "Soledar captured"}).json()["items"]
    assert [c["content"] for c in claims] == ["Soledar had been captured"]
    arts = client.get("/api/search", params={"q": "dormitories", "in": "articles"}).json()["items"]
    assert [a["outlet"] for a in arts] == ["Sample Post B"]


def test_overview_and_timeline(client: TestClient) -> None:
    ov = client.get("/api/overview").json()
    assert ov["counts"] == {"articles": 6, "claims": 13, "places": 7, "events": 7, "storylines": 4}
    assert {"value": "Russia", "count": 5} in ov["sides"] and ov["writes_enabled"] is True
    assert ov["published"] == {"min": "2023-01-08", "max": "2023-02-10"}
    days = {d["day"]: d for d in client.get("/api/timeline").json()}
    assert days["2023-01-08"]["events"] == 2 and days["2023-01-08"]["claims"] == 3
    assert days["2023-01-20"] == {"day": "2023-01-20", "events": 1, "claims": 2}


def test_openapi_documents_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in (
        "/api/articles",
        "/api/claims",
        "/api/events",
        "/api/places",
        "/api/storylines",
        "/api/search",
        "/api/timeline",
        "/api/overview",
    ):
        assert p in paths
    assert "post" in paths["/api/articles"]


def test_ui_and_docs_pages_are_served(client: TestClient) -> None:
    index = client.get("/")
    assert index.status_code == 200 and "/static/app.js" in index.text
    assert client.get("/docs").status_code == 200
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/basemap/countries.geojson").json()["type"] == "FeatureCollection"


def test_payloads_match_the_contract_json(items: list[ArticleAnalysis]) -> None:
    from sitrep.api import payloads
    from sitrep.contract import claim_to_json, event_to_json

    a = items[0]
    assert payloads.claim_to_json(a.claims[0]) == claim_to_json(a.claims[0])
    assert payloads.event_to_json(a.events[0]) == event_to_json(a.events[0])
