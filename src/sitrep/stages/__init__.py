"""sitrep.stages."""
