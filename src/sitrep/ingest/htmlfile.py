"""HTML pages: main text and metadata through trafilatura, never hand-written scraping."""

from __future__ import annotations

import trafilatura

from sitrep.errors import MalformedInput
from sitrep.ingest.dates import iso_date
from sitrep.records import Article


def parse_html(raw: str, *, source: str, published: str | None = None, outlet: str | None = None) -> Article:
    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, url=None)
    except (ValueError, TypeError, AttributeError) as exc:  # lxml/trafilatura on broken markup
        raise MalformedInput(f"cannot parse HTML: {exc}", source=source) from exc
    if doc is None:
        raise MalformedInput("no main text found in HTML", source=source)
    text = (getattr(doc, "text", None) or "").strip("\n")
    if not text.strip():
        raise MalformedInput("no main text found in HTML", source=source)
    return Article.from_text(
        text,
        title=getattr(doc, "title", None) or None,
        published=iso_date(getattr(doc, "date", None)) or published,
        outlet=outlet or getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
        source=source,
    )
