"""The REST API and web UI server (FastAPI); see docs/api.md."""

from sitrep.api.app import create_app

__all__ = ["create_app"]
