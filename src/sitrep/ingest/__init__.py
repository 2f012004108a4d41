"""Ingestion: files, folders, feeds and stdin -> :class:`sitrep.records.Article`."""

from sitrep.ingest.sources import IngestOptions, Item, iter_inputs

__all__ = ["IngestOptions", "Item", "iter_inputs"]
