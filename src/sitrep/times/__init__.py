"""Date expressions: finding them in text and resolving them against publication.

Plain-string API, independent of spaCy (the ``sitrep_dates`` component in
:mod:`sitrep.stages.times` wraps it):

- :class:`DateFinder` finds every mention in a text;
- :func:`resolve_date` resolves one expression;
- :func:`date_for_span` picks the mention that belongs to a cue verb.
"""

from sitrep.times.attach import date_for_span
from sitrep.times.finder import DateFinder, parse_published
from sitrep.times.single import resolve_date

__all__ = ["DateFinder", "date_for_span", "parse_published", "resolve_date"]
