"""From paths (files, folders, ``-``) to a stream of Articles and per-input errors.

Errors are yielded, not raised: a user who points sitrep at a folder of 10,000
scraped pages wants the 9,990 good ones analysed and the 10 bad ones named.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import InputError, InputNotFound, InputTooLarge, InputUnreadable, UnsupportedInput
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.feedfile import iter_feed
from sitrep.ingest.htmlfile import parse_html
from sitrep.ingest.jsonlfile import bounded_lines, iter_jsonl
from sitrep.ingest.textfile import parse_text
from sitrep.records import Article

STDIN = "-"
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
DEFAULT_MAX_CHARS = 2_000_000  # ~300k words: far beyond any news article, well within memory


@dataclass(frozen=True, slots=True)
class IngestOptions:
    published: str | None = None  # for inputs that carry no date
    outlet: str | None = None
    encoding: str | None = None  # force an encoding instead of detecting one
    max_chars: int = DEFAULT_MAX_CHARS


Item = Article | InputError


def iter_inputs(paths: Iterable[str], options: IngestOptions | None = None) -> Iterator[Item]:
    opts = options or IngestOptions()
    for raw in paths:
        if raw == STDIN:
            yield from _guarded(_iter_stream(sys.stdin.buffer, "<stdin>", opts), opts)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in _walk(path):
                found = True
                yield from _guarded(_iter_file(file, opts), opts)
            if not found:
                yield InputNotFound("folder holds no .txt, .html, .jsonl or feed files", source=raw)
        elif path.exists():
            yield from _guarded(_iter_file(path, opts), opts)
        else:
            yield InputNotFound("no such file or folder", source=raw)


def _walk(root: Path) -> Iterator[Path]:
    """Supported files below ``root`` in a stable order (resume and reproducibility need it)."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith("."):
            yield path


def _guarded(items: Iterator[Item], opts: IngestOptions) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Article) and len(item.text) > opts.max_chars:
            yield InputTooLarge(
                f"article of {len(item.text):,} characters exceeds the limit of {opts.max_chars:,}"
                " (raise it with --max-chars)",
                source=item.source,
            )
        else:
            yield item


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > _file_limit(limit):  # no need to read a file to refuse it
            raise InputTooLarge(
                f"file of {size:,} bytes exceeds the article limit of {limit:,} characters"
                " (raise it with --max-chars)",
                source=str(path),
            )
        return path.read_bytes()
    except PermissionError as exc:
        raise InputUnreadable("permission denied", source=str(path)) from exc
    except IsADirectoryError as exc:
        raise InputUnreadable("is a directory", source=str(path)) from exc
    except OSError as exc:
        raise InputUnreadable(exc.strerror or str(exc), source=str(path)) from exc


def _iter_file(path: Path, opts: IngestOptions) -> Iterator[Item]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _iter_jsonl_path(path, opts)
            return
        data = _read_bytes(path, opts.max_chars)
        if suffix in FEED_SUFFIXES:
            yield from iter_feed(data, source=source, outlet=opts.outlet)
            return
        text = decode_bytes(data, source, opts.encoding)
        if suffix in HTML_SUFFIXES:
            yield parse_html(text, source=source, published=opts.published, outlet=opts.outlet)
        elif suffix in TEXT_SUFFIXES:
            yield parse_text(text, source=source, published=opts.published, outlet=opts.outlet)
        else:
            raise UnsupportedInput(
                f"unsupported file type {suffix or '(none)'}; use .txt, .html, .jsonl, .rss/.atom/.xml",
                source=source,
            )
    except InputError as exc:
        yield exc


def _iter_jsonl_path(path: Path, opts: IngestOptions) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputUnreadable(exc.strerror or str(exc), source=str(path)) from exc
    with handle:
        yield from iter_jsonl(
            bounded_lines(handle, _byte_limit(opts.max_chars)),
            source=str(path),
            published=opts.published,
            outlet=opts.outlet,
            max_bytes=_byte_limit(opts.max_chars),
        )


def _file_limit(max_chars: int) -> int:
    """Bytes that can hold ``max_chars`` characters of text (UTF-8: at most 4 each) plus markup slack."""
    return max_chars * 4 + 64 * 1024


def _byte_limit(max_chars: int) -> int:
    """Bytes that can hold ``max_chars`` characters (UTF-8: at most 4 each, JSON escapes: 6) plus fields."""
    return max_chars * 6 + 64 * 1024


def _iter_stream(stream: BinaryIO, source: str, opts: IngestOptions) -> Iterator[Item]:
    """Standard input: sniff the format from the first bytes, since there is no file name."""
    head = stream.read(4096)
    first = head.lstrip()[:1]
    limit = _byte_limit(opts.max_chars)
    if first == b"{":
        yield from iter_jsonl(
            _lines(head, stream, limit),
            source=source,
            published=opts.published,
            outlet=opts.outlet,
            max_bytes=limit,
        )
        return
    # Read at most one byte past the limit: enough to know the input is too large without holding it.
    data = head + stream.read(_file_limit(opts.max_chars) + 1 - len(head))
    try:
        if len(data) > _file_limit(opts.max_chars):
            raise InputTooLarge(
                f"input exceeds the article limit of {opts.max_chars:,} characters"
                " (raise it with --max-chars)",
                source=source,
            )
        lowered = data[:2048].lower()
        if b"<rss" in lowered or b"<feed" in lowered:
            yield from iter_feed(data, source=source, outlet=opts.outlet)
            return
        text = decode_bytes(data, source, opts.encoding)
        if first == b"<":
            yield parse_html(text, source=source, published=opts.published, outlet=opts.outlet)
        else:
            yield parse_text(text, source=source, published=opts.published, outlet=opts.outlet)
    except InputError as exc:
        yield exc


def _lines(head: bytes, stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    rest, sep, tail = head.rpartition(b"\n")
    if sep:
        # split on b"\n" only, as file iteration does: bytes.splitlines would also cut at a bare b"\r"
        yield from (line + sep for line in rest.split(sep))
        pending = tail
    else:
        pending = head
    for line in bounded_lines(stream, limit):
        if line is None:
            pending = b""
            yield None
            continue
        if pending:
            line, pending = pending + line, b""
        yield line if len(line) <= limit else None
    if pending:
        yield pending


def estimate_total(paths: Iterable[str]) -> int | None:
    """Roughly how many articles the inputs hold, for a progress bar's ETA; None if unknowable.

    Counts files and JSONL lines without parsing them (a byte scan), so it stays
    cheap and bounded in memory even on a million-line dump.
    """
    total = 0
    for raw in paths:
        if raw == STDIN:
            return None
        path = Path(raw)
        files = list(_walk(path)) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            suffix = file.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                try:
                    with file.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    continue
            elif suffix in FEED_SUFFIXES:
                return None
            else:
                total += 1
    return total
