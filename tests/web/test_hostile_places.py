"""Hostile place names, speaker names and storyline text, shown in the browser and never run.

The shared hand-made store already carries script payloads in titles, claim
text, speakers, sides and a storyline's topic. This store adds an article whose
place (mention and resolved name, so the map, the place list and the article
marks all show it), channel, hedge and storyline topic are payloads too.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.api import handmade
from tests.web.conftest import _free_port, watched_page

from sitrep.records import ArticleAnalysis, Event, Place, Storyline, StorylineMember

pytestmark = pytest.mark.browser

PLACE = "<img src=x onerror=window.__pwned=1>Bakhmut"
CHANNEL = "<svg/onload=window.__pwned=1>Telegram"
HEDGE = "<iframe src=javascript:window.__pwned=1>"
TOPIC = "Shelling of <script>window.__pwned=1</script> town"
SPEAKER = '"><img src=x onerror=window.__pwned=1>'


def _hostile_place_article() -> ArticleAnalysis:
    text = f"Shelling hit {PLACE} overnight, {SPEAKER} said on {CHANNEL}, perhaps {HEDGE}."
    base = handmade._build(
        "Place payloads",
        "2023-01-22",
        "Sample Wire H",
        text,
        [
            handmade._ClaimSpec(
                f"Shelling hit {PLACE} overnight",
                SPEAKER,
                SPEAKER,
                "Ukraine",
                channel=CHANNEL,
                hedges=(HEDGE,),
            )
        ],
        [],
        [],
        [],
    )
    start = text.index(PLACE)
    place = Place(
        mention=PLACE,
        start=start,
        end=start + len(PLACE),
        name=PLACE,
        kind="city",
        country="UA",
        admin1=PLACE,
        lat=48.59,
        lon=38.0,
        geonames_id=1,
        precision="exact",
    )
    event = Event(
        type="Explosions/Remote violence",
        sub_type="Shelling/artillery/missile attack",
        actors=("Russia",),
        place=0,
        date="2023-01-22",
        claims=(0,),
        asserted_by=(0,),
        notes=TOPIC,
    )
    return dataclasses.replace(base, places=(place,), events=(event,))


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    import uvicorn

    from sitrep.api import create_app
    from sitrep.store import Store

    store = Store.open(str(Path(tmp_path_factory.mktemp("hostile")) / "ui.sqlite"))
    items = handmade.fill(store)
    extra = _hostile_place_article()
    store.add(extra)
    lines = [
        *handmade.storylines(items),
        Storyline(
            id="s-place",
            about=TOPIC,
            status="contested",
            members=(StorylineMember(extra.article.id, 0),),
            sides={"Ukraine": "assert", PLACE: "deny"},
        ),
    ]
    store.replace_storylines(lines)
    port = _free_port()
    srv = uvicorn.Server(
        uvicorn.Config(create_app(store, token=None), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", extra.article.id
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture()
def hpage(browser: Any, hostile_server: tuple[str, str]) -> Iterator[Any]:
    with watched_page(browser, hostile_server[0]) as pg:
        yield pg


def _assert_inert(page: Any) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img[src='x'], svg[onload], iframe, script:not([src])").count() == 0
    assert page.locator("[onerror], [onload], [onmouseover]").count() == 0
    assert page.watch.dialogs == [] and page.watch.errors == [] and page.watch.outside == []


@pytest.mark.parametrize(
    "view",
    ["#/map", "#/board?status=", "#/articles", "#/search?q=Shelling", "#/article/{id}?claim=0"],
)
def test_hostile_places_speakers_and_storylines_are_text(
    hpage: Any, hostile_server: tuple[str, str], view: str
) -> None:
    server, article_id = hostile_server
    hpage.goto(f"{server}/{view.format(id=article_id)}")
    hpage.wait_for_load_state("networkidle")
    hpage.wait_for_timeout(300)
    if view == "#/map":
        for marker in hpage.locator("path.event-marker").all():
            marker.dispatch_event("click")
            marker.hover(force=True)
        hpage.wait_for_timeout(200)
    body = hpage.inner_text("body")
    if view.startswith("#/article/"):
        assert PLACE in body  # the article text shows the payload literally
    if view.startswith("#/board"):
        assert TOPIC in body
    _assert_inert(hpage)
