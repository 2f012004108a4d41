"""Plain-text articles: line 1 is the headline, the rest is the article text."""

from __future__ import annotations

from sitrep.errors import EmptyInput
from sitrep.records import Article


def parse_text(raw: str, *, source: str, published: str | None = None, outlet: str | None = None) -> Article:
    """Split off the headline and keep the body byte-for-byte.

    Only the headline line and the blank lines right after it are removed: the
    body is a slice of the decoded file, so nothing inside it moves.
    """
    headline, sep, rest = raw.partition("\n")
    title = headline.strip() or None
    body = rest.lstrip("\r\n") if sep else ""
    if not body.strip():
        if title is None:
            raise EmptyInput("no text", source=source)
        # A one-line file is an article without a headline.
        body, title = raw, None
    return Article.from_text(body, title=title, published=published, outlet=outlet, source=source)
