"""The one place where sitrep's custom spaCy attributes are declared.

Stages communicate through these ``Doc._`` attributes only, in pipeline order:
dates -> places -> quantities -> attribution -> events. Each holds a list of
frozen records from :mod:`sitrep.records` (offsets are character offsets into
``doc.text``), so :mod:`sitrep.extract` can assemble them without re-deriving.
Registration is explicit (called by ``build_pipeline`` and tests), never a side
effect of import.
"""

from __future__ import annotations

from spacy.tokens import Doc

PUBLISHED = "sitrep_published"  # ISO date of publication, or None
CLAIMS = "sitrep_claims"  # list[records.Claim]
DISCLAIMERS = "sitrep_disclaimers"  # list[records.Disclaimer]
PLACES = "sitrep_places"  # list[records.Place]
DATES = "sitrep_dates"  # list[records.DateMention]
QUANTITIES = "sitrep_quantities"  # list[records.Quantity]
EVENTS = "sitrep_events"  # list[records.Event]

_LIST_ATTRS = (CLAIMS, DISCLAIMERS, PLACES, DATES, QUANTITIES, EVENTS)


def register() -> None:
    """Declare every attribute; safe to call many times."""
    if not Doc.has_extension(PUBLISHED):
        Doc.set_extension(PUBLISHED, default=None)
    for name in _LIST_ATTRS:
        if not Doc.has_extension(name):
            # getter-free attribute with a None default: stages assign a fresh list,
            # so no list object is ever shared between Docs.
            Doc.set_extension(name, default=None)


def get_list(doc: Doc, name: str) -> list:  # type: ignore[type-arg]
    """Read a list attribute, treating 'stage not run' as empty."""
    value = getattr(doc._, name)
    return list(value) if value is not None else []
