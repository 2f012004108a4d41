"""`sitrep serve` wiring, and the static UI: small, offline, credited."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fakes import TOKEN

from sitrep.cli import serve
from sitrep.web import build_basemap, static_dir


def test_serve_reads_the_token_from_the_environment_and_never_prints_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def fake_run(app: Any, **kw: Any) -> None:
        seen["app"], seen["kw"] = app, kw

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("SITREP_API_TOKEN", TOKEN)
    db = tmp_path / "s.sqlite"
    result = CliRunner().invoke(serve.command, ["--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["kw"]["host"] == "127.0.0.1" and seen["kw"]["port"] == 8123
    assert seen["app"].state.sitrep.token == TOKEN
    assert "writes enabled" in result.output and TOKEN not in result.output


def test_serve_without_token_is_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    apps: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    monkeypatch.delenv("SITREP_API_TOKEN", raising=False)
    result = CliRunner().invoke(serve.command, ["--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0 and "writes disabled" in result.output
    assert apps[0].state.sitrep.token is None


def test_static_bundle_is_small_and_self_contained() -> None:
    root = static_dir()
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert total < 2_000_000
    assert (root / "vendor" / "leaflet" / "LICENSE").read_text().startswith("BSD 2-Clause")
    for name in ("index.html", "docs.html", "app.js", "docs.js", "app.css", "docs.css"):
        text = (root / name).read_text("utf-8")
        # Outside addresses may appear only as credit links (href), never as something the page loads.
        assert not re.search(r"""(src|url\()\s*=?\s*["']?(https?:)?//""", text), name
        assert 'fetch("http' not in text and "import(" not in text
    index = (root / "index.html").read_text("utf-8")
    for credit in ("GeoNames", "Natural Earth", "geoBoundaries", "Leaflet"):
        assert credit in index


def test_ui_code_never_parses_markup() -> None:
    for name in ("app.js", "docs.js"):
        js = (static_dir() / name).read_text("utf-8")
        for sink in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert sink not in js, (name, sink)
        assert "bindPopup(" not in js  # Leaflet parses popup strings as HTML


def test_basemap_simplify_and_clip() -> None:
    line = [(float(x), 0.0 if x % 2 else 0.001) for x in range(100)]
    assert build_basemap.simplify(line, 0.01) == [line[0], line[-1]]
    square = [(-30.0, 0.0), (10.0, 0.0), (10.0, 50.0), (-30.0, 50.0), (-30.0, 0.0)]
    clipped = build_basemap.clip_ring(square, (-25.0, 33.0, 62.0, 72.0))
    assert min(x for x, _ in clipped) == -25.0 and min(y for _, y in clipped) == 33.0
    assert clipped[0] == clipped[-1]
    assert (
        build_basemap.clip_ring([(100.0, 0.0), (101.0, 0.0), (101.0, 1.0), (100.0, 0.0)], (0, 0, 10, 10))
        == []
    )


def test_basemap_files_are_built() -> None:
    import json

    for name in ("countries.geojson", "ukraine-adm1.geojson"):
        data = json.loads((static_dir() / "basemap" / name).read_text("utf-8"))
        assert data["type"] == "FeatureCollection" and data["features"]
    oblasts = json.loads((static_dir() / "basemap" / "ukraine-adm1.geojson").read_text("utf-8"))
    assert len(oblasts["features"]) == 27
