"""sitrep.cli."""
