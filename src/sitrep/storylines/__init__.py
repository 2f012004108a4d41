"""sitrep.storylines."""
