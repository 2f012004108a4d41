"""Event coding in ACLED's taxonomy: triggers, typing, arguments, claim links.

The package works on plain text offsets plus the records the earlier stages left
(claims, places, dates, quantities), so it runs the same on a blank pipeline and
on a trained one; the spaCy component in :mod:`sitrep.stages.events` is a thin
wrapper around :class:`sitrep.events.detector.EventDetector`.
"""
