"""sitrep.export."""
