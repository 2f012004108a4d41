"""The offline web UI: static files served by :mod:`sitrep.api` (no CDN, no network)."""

from __future__ import annotations

from pathlib import Path


def static_dir() -> Path:
    return Path(__file__).resolve().parent / "static"
