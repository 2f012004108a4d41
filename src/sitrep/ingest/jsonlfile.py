"""JSON Lines: one article per line, streamed so a million-line dump stays in bounded memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from sitrep.errors import InputError, InputTooLarge, MalformedInput
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
    lines: Iterable[bytes | None],
    *,
    source: str,
    published: str | None = None,
    outlet: str | None = None,
    max_bytes: int | None = None,
) -> Iterator[Article | InputError]:
    """Yield an Article or an error per non-blank line; one bad line never stops the rest.

    ``None`` stands for a line that :func:`bounded_lines` refused to hold in memory.
    """
    for lineno, line in enumerate(lines, start=1):
        if line is None:
            yield InputTooLarge(_too_long(max_bytes), source=source, line=lineno)
            continue
        if not line.strip():
            continue
        try:
            yield parse_jsonl_line(line, source=source, lineno=lineno, published=published, outlet=outlet)
        except InputError as exc:
            yield exc


def _too_long(max_bytes: int | None) -> str:
    limit = f" of {max_bytes:,} bytes" if max_bytes is not None else ""
    return f"line exceeds the size limit{limit} (raise it with --max-chars)"


def bounded_lines(handle: BinaryIO, max_bytes: int, chunk: int = 1 << 20) -> Iterator[bytes | None]:
    """Lines of ``handle``, never holding more than ``max_bytes`` (+1 chunk) of one line in memory.

    A line longer than the limit is skipped up to its newline and yielded as
    ``None``, so a 50 MB line in a dump costs one error, not 50 MB of RAM, and
    line numbers after it stay right.
    """
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n"):
            if len(line) > max_bytes:
                yield None
            else:
                yield line
            continue
        while True:  # discard the rest of the over-long line
            rest = handle.readline(chunk)
            if not rest or rest.endswith(b"\n"):
                break
        yield None
