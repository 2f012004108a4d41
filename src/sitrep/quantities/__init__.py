"""Quantities in news text ("up to 3 km (2 miles)", "over 20 settlements", "dozens of drones").

Plain-string API, independent of spaCy; :mod:`sitrep.stages.quantities` wraps it.
"""

from sitrep.quantities.parser import QuantityParser

__all__ = ["QuantityParser"]
