"""API fixtures: the hand-made store behind a TestClient, with and without a write token."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.records import ArticleAnalysis
from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
import handmade
from fakes import TOKEN, FakeAnalyzer


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store.open(str(tmp_path_factory.mktemp("api") / "api.sqlite"))
    handmade.fill(s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def items(store: Store) -> list[ArticleAnalysis]:
    analyses: list[ArticleAnalysis] = handmade.analyses()
    return analyses


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store, token=TOKEN, analyzer_factory=FakeAnalyzer)) as c:
        yield c


@pytest.fixture()
def fresh_store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(str(tmp_path / "fresh.sqlite"))
    handmade.fill(s)
    yield s
    s.close()
