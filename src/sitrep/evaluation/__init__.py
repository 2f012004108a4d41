"""sitrep.evaluation."""
