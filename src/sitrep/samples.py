"""The bundled sample corpus (written by the sitrep developers for demonstration)."""

from __future__ import annotations

from pathlib import Path


def samples_path() -> Path:
    return Path(__file__).resolve().parent / "data" / "samples" / "articles.jsonl"
