"""Browser fixtures: a real uvicorn server on 127.0.0.1 and Debian's chromium via Playwright.

No browser is ever downloaded: Playwright drives /usr/bin/chromium. The tests
skip only when that binary is missing *and* CI is unset; in CI a missing
browser is a failure, so the suite cannot silently stop testing the UI.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTEFACTS = Path(os.environ.get("SITREP_TEST_ARTIFACTS", "test-artifacts")) / "browser"


def _load_handmade() -> ModuleType:
    # The hand-made store lives next to the API tests; load it by path so both suites share it
    # without making tests/ a package.
    path = Path(__file__).resolve().parents[1] / "api" / "handmade.py"
    spec = importlib.util.spec_from_file_location("sitrep_tests_handmade", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


handmade = _load_handmade()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="needs /usr/bin/chromium (apt-get install chromium); runs always in CI")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from sitrep.api import create_app
    from sitrep.store import Store

    db = tmp_path_factory.mktemp("web") / "ui.sqlite"
    store = Store.open(str(db))
    handmade.fill(store)
    app = create_app(store, token=None)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("CI is set but /usr/bin/chromium is missing (apt-get install chromium chromium-driver)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class PageWatch:
    """Records what a test must prove did not happen: dialogs, page errors, outside requests."""

    def __init__(self, page: Any, origin: str) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.origin = origin
        page.on("dialog", self._on_dialog)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", self._on_request)

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(str(dialog.message))
        dialog.dismiss()

    def _on_request(self, request: Any) -> None:
        if not str(request.url).startswith((self.origin, "data:")):
            self.outside.append(str(request.url))


@contextmanager
def watched_page(browser: Any, server: str) -> Iterator[Any]:
    """A page that may only reach ``server``, with a :class:`PageWatch` attached as ``page.watch``."""
    # bypass_csp: the server's Content-Security-Policy would block injected inline script on its own;
    # switching it off here means the hostile-text tests prove the *escaping*, not the policy.
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    # Block anything that is not this server: an offline UI must not even try.
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith((server, "data:")) else route.abort(),
    )
    pg = context.new_page()
    pg.watch = PageWatch(pg, server)
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    with watched_page(browser, server) as pg:
        yield pg


def _shot(page: Any, name: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


@pytest.fixture()
def shot() -> Callable[[Any, str], Path]:
    """Save a screenshot as a test artefact (``$SITREP_TEST_ARTIFACTS``, default test-artifacts/)."""
    return _shot


@pytest.fixture(scope="session")
def data() -> ModuleType:
    """The hand-made store's module: its analyses and hostile payloads."""
    return handmade
