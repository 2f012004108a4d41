"""Persistent store (SQLite by default, PostgreSQL on request) behind :class:`Store`."""

from sitrep.store.repository import Counts, Store, WriteResult

__all__ = ["Counts", "Store", "WriteResult"]
