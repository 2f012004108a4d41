"""The spaCy side of sitrep: pipeline construction, custom attributes, model training."""
