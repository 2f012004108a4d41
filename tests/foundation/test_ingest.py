"""Ingestion: every format to Articles with exact text, and one clear error per bad input."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.errors import (
    EmptyInput,
    EncodingError,
    InputError,
    InputNotFound,
    InputTooLarge,
    MalformedInput,
    UnsupportedInput,
)
from sitrep.ingest import IngestOptions, iter_inputs
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.jsonlfile import iter_jsonl
from sitrep.ingest.textfile import parse_text
from sitrep.records import Article

BODY = (
    "Kyiv\u00a0said on Wednesday: \u201csix balloons\u201d were shot down \u2014 officials."
    "\n\nSecond paragraph."
)


def only(items: list[Article | InputError]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_txt_headline_and_exact_body(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Headline here\n\n" + BODY, encoding="utf-8")
    art = only(list(iter_inputs([str(f)], IngestOptions(published="2023-02-16", outlet="Wire"))))
    assert art.title == "Headline here"
    assert art.text == BODY  # nbsp, curly quotes and dashes kept as they are
    assert art.id == hashlib.sha256(BODY.encode()).hexdigest()
    assert (art.published, art.outlet, art.source) == ("2023-02-16", "Wire", str(f))


@pytest.mark.parametrize("encoding", ["cp1251", "utf-16", "utf-8-sig", "latin-1"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    body = "Ukraine's forces said the town was calm. " * 5
    if encoding == "cp1251":
        body = "Генштаб ЗСУ повідомив, що російські війська відступили з позицій біля Бахмута. " * 3
    if encoding == "latin-1":
        body = "Le ministère a déclaré que la situation était très difficile à Kherson. " * 3
    f = tmp_path / "enc.txt"
    f.write_bytes(("Title\n" + body).encode(encoding))
    assert only(list(iter_inputs([str(f)]))).text == body


def test_forced_encoding_error_names_input(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_bytes(b"Title\n\xff\xfe\xfa bad")
    (err,) = list(iter_inputs([str(f)], IngestOptions(encoding="ascii")))
    assert isinstance(err, EncodingError) and str(f) in str(err)


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = f"""<html><head><title>Balloons over Kyiv</title>
    <meta property="og:site_name" content="Sample Wire A">
    <meta property="article:published_time" content="2023-02-15T10:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Balloons over Kyiv</h1>
    <p>{BODY}</p><p>The military administration said the objects were shot down over the city.</p>
    </article><footer>Copyright</footer></body></html>"""
    f = tmp_path / "p.html"
    f.write_text(page, encoding="utf-8")
    art = only(list(iter_inputs([str(f)])))
    assert "six balloons" in art.text and "Copyright" not in art.text
    assert art.title == "Balloons over Kyiv"
    assert art.published == "2023-02-15"
    assert art.outlet == "Sample Wire A"


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.html"
    f.write_text("<html><body><div></div>", encoding="utf-8")
    (err,) = list(iter_inputs([str(f)]))
    assert isinstance(err, MalformedInput) and "broken.html" in str(err)


def test_jsonl_good_and_bad_lines_with_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"text": "First article text.", "title": "One", "published": "2023-01-13", "outlet": "W"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Second.", "published": "yesterday"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Third.", "url": "https://example.org/x"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([str(f)]))
    good = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [a.text for a in good] == ["First article text.", "Third."]
    assert good[0].published == "2023-01-13" and good[0].outlet == "W" and good[0].title == "One"
    assert good[1].url == "https://example.org/x"
    assert [e.line for e in bad] == [2, 3, 5, 6]
    assert all(isinstance(e, MalformedInput) and f"{f}:{e.line}" in str(e) for e in bad)


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Sample Feed</title>
<item><title>Soledar</title><link>https://example.org/1</link><pubDate>Fri, 13 Jan 2023 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Russia's Defence Ministry said its forces had taken Soledar.&lt;/p&gt;
</description></item>
<item><title>Empty</title><description></description></item>
</channel></rss>"""


def test_rss_feed(tmp_path: Path) -> None:
    f = tmp_path / "feed.rss"
    f.write_bytes(RSS)
    items = list(iter_inputs([str(f)]))
    art = items[0]
    assert isinstance(art, Article)
    assert art.text == "Russia's Defence Ministry said its forces had taken Soledar."
    assert (art.title, art.published, art.outlet, art.url) == (
        "Soledar",
        "2023-01-13",
        "Sample Feed",
        "https://example.org/1",
    )
    assert isinstance(items[1], MalformedInput) and "entry2" in str(items[1])


def test_broken_feed(tmp_path: Path) -> None:
    f = tmp_path / "broken.xml"
    f.write_bytes(b"<rss><channel><item><title>x</ti")
    (err,) = list(iter_inputs([str(f)]))
    assert isinstance(err, MalformedInput) and "broken.xml" in str(err)


def test_directory_recursive_and_bad_inputs_continue(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("A\nAlpha text.", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("B\nBeta text.", encoding="utf-8")
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    items = list(iter_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    texts = sorted(i.text for i in items if isinstance(i, Article))
    errors = {type(i) for i in items if isinstance(i, InputError)}
    assert texts == ["Alpha text.", "Beta text."]
    assert errors == {EmptyInput, UnsupportedInput, InputNotFound}


def test_too_large(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("T\n" + "word " * 1000, encoding="utf-8")
    (err,) = list(iter_inputs([str(f)], IngestOptions(max_chars=100)))
    assert isinstance(err, InputTooLarge) and "big.txt" in str(err)


def test_stdin_jsonl_and_text(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (json.dumps({"text": "From stdin " * 400}) + "\n" + json.dumps({"text": "Second"})).encode()

    class Fake:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Fake)
    texts = [i.text for i in iter_inputs(["-"]) if isinstance(i, Article)]
    assert texts == ["From stdin " * 400, "Second"]

    class FakeText:
        buffer = io.BytesIO(b"Headline\nBody of a plain text article.")

    monkeypatch.setattr(sys, "stdin", FakeText)
    (art,) = list(iter_inputs(["-"]))
    assert isinstance(art, Article) and art.title == "Headline" and art.source == "<stdin>"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_never_crashes(data: bytes) -> None:
    try:
        text = decode_bytes(data, "gen")
    except InputError:
        return
    assert isinstance(text, str)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_text_body_is_an_exact_slice(raw: str) -> None:
    try:
        art = parse_text(raw, source="gen")
    except InputError:
        return
    assert art.text in raw and raw.endswith(art.text)
    assert art.id == hashlib.sha256(art.text.encode("utf-8", "surrogatepass")).hexdigest()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=60), st.text(max_size=60).map(lambda s: json.dumps({"text": s}).encode())
        ),
        max_size=8,
    )
)
def test_jsonl_never_crashes(lines: list[bytes]) -> None:
    for item in iter_jsonl([line.replace(b"\n", b" ") + b"\n" for line in lines], source="gen"):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert item.text.strip()
