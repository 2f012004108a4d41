"""RSS and Atom feed files: one article per entry, body text through trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

import feedparser
import trafilatura

from sitrep.errors import InputError, MalformedInput
from sitrep.ingest.dates import iso_date
from sitrep.records import Article


def _entry_html(entry: feedparser.FeedParserDict) -> str:
    contents = entry.get("content") or []
    for content in contents:
        value = content.get("value")
        if value:
            return str(value)
    return str(entry.get("summary") or entry.get("description") or "")


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    text = trafilatura.extract(
        f"<html><body><article>{fragment}</article></body></html>", include_comments=False, favor_recall=True
    )
    return (text or "").strip()


def iter_feed(data: bytes, *, source: str, outlet: str | None = None) -> Iterator[Article | InputError]:
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if reason else ""
        yield MalformedInput(f"feed has no readable entries{detail}", source=source)
        return
    site = outlet or (parsed.get("feed") or {}).get("title") or None
    # feedparser recovers what it can from broken XML; say so when that is why an entry came out empty.
    broken = f" (the feed's XML is broken: {parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
    for number, entry in enumerate(entries, start=1):
        where = f"{source}#entry{number}"
        text = _html_to_text(_entry_html(entry))
        if not text:
            yield MalformedInput(f"entry has no text{broken}", source=where)
            continue
        published = iso_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield Article.from_text(
            text,
            title=entry.get("title") or None,
            published=published,
            outlet=site,
            url=entry.get("link") or None,
            source=where,
        )
