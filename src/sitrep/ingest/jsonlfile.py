"""JSON Lines: one article per line, streamed so a million-line dump stays in bounded memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from sitrep.errors import InputError, MalformedInput
from sitrep.ingest.dates import iso_date
from sitrep.records import Article

_OPTIONAL = ("title", "url", "outlet")


def parse_jsonl_line(
    line: bytes | str, *, source: str, lineno: int, published: str | None = None, outlet: str | None = None
) -> Article:
    """One line -> one Article, or a MalformedInput naming the file and line."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedInput(f"not valid JSON: {exc}", source=source, line=lineno) from exc
    if not isinstance(obj, dict):
        raise MalformedInput("a JSON object is required", source=source, line=lineno)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedInput('"text" is missing or empty', source=source, line=lineno)
    fields: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise MalformedInput(f'"{key}" must be a string', source=source, line=lineno)
        fields[key] = value or None
    pub = obj.get("published")
    pub_iso = iso_date(pub)
    if pub is not None and pub_iso is None:
        raise MalformedInput(f'"published" is not an ISO date: {pub!r}', source=source, line=lineno)
    return Article.from_text(
        text,
        title=fields["title"],
        published=pub_iso or published,
        outlet=fields["outlet"] or outlet,
        url=fields["url"],
        source=f"{source}:{lineno}",
    )


def iter_jsonl(
    lines: Iterable[bytes], *, source: str, published: str | None = None, outlet: str | None = None
) -> Iterator[Article | InputError]:
    """Yield an Article or an error per non-blank line; one bad line never stops the rest."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield parse_jsonl_line(line, source=source, lineno=lineno, published=published, outlet=outlet)
        except InputError as exc:
            yield exc
