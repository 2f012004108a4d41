"""sitrep: turn war reporting into a sourced situation picture.

Nothing heavy happens at import: models, gazetteers and databases load lazily
through :func:`sitrep.nlp.pipeline.build_pipeline` and :mod:`sitrep.store`.
"""

__version__ = "0.1.0"
