"""sitrep.ingest."""
