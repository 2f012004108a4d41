"""Bytes -> str without losing a character.

Offsets in every record index the decoded text, so decoding is the one place
where text may change; after it nothing is normalised (non-breaking spaces and
curly quotes survive). A BOM is honoured and dropped; UTF-8 is tried strictly
before any guessing, because charset detectors misread short UTF-8 texts.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from sitrep.errors import EmptyInput, EncodingError, UnsupportedInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text; many of them mean "binary file".
_BINARY_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 32)) - {27}


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    odd = sum(1 for b in sample if b in _BINARY_BYTES)
    return odd / len(sample) > 0.05


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode ``data`` read from ``source``; raise a typed error naming it."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise EncodingError(f"cannot decode as {encoding}: {exc}", source=source) from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"invalid {name} after byte-order mark: {exc}", source=source) from exc
    if not data.strip():
        raise EmptyInput("empty input", source=source)
    if looks_binary(data):
        raise UnsupportedInput("binary data, not text", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise EncodingError("unknown text encoding", source=source)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise EncodingError(f"cannot decode as detected {best.encoding}: {exc}", source=source) from exc
