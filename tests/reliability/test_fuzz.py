"""Property tests over every ingest parser and the Doc->records boundary.

Whatever bytes or text arrive, a parser returns Articles or raises/yields a
documented :class:`~sitrep.errors.SitrepError`; nothing else escapes. Articles
keep their text exactly, and at the Doc->records boundary every offset either
slices back to its string or is refused with a sitrep error.

``SITREP_FUZZ_EXAMPLES`` sets hypothesis' ``max_examples`` per parser test
(CI uses the small default; ``benchmarks/fuzz.sh`` runs >= 100,000 in all).
The whole-pipeline test gets a twentieth of it, since it runs every stage.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.lang.en import English

from sitrep.analysis import Analyzer
from sitrep.errors import SitrepError
from sitrep.extract import doc_to_analysis
from sitrep.ingest import IngestOptions, iter_inputs
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.feedfile import iter_feed
from sitrep.ingest.htmlfile import parse_html
from sitrep.ingest.jsonlfile import bounded_lines, iter_jsonl
from sitrep.ingest.sources import SUPPORTED_SUFFIXES, _iter_stream
from sitrep.ingest.textfile import parse_text
from sitrep.nlp import extensions as ext
from sitrep.records import (
    Article,
    Claim,
    DateMention,
    Disclaimer,
    Event,
    Place,
    Quantity,
    Speaker,
)

EXAMPLES = int(os.environ.get("SITREP_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Pieces that make generated inputs look like the real thing, so the parsers get past their first check.
WORDS = [
    "Kyiv",
    "said",
    "Bakhmut",
    "\u00a0",
    "\u201c",
    "\u201d",
    "\u2014",
    "Ukraine's",
    " ",
    "\n",
    "\r\n",
    "&amp;",
    "&#x27;",
    "&nbsp;",
    "<",
    ">",
    "\x00",
    "\ufeff",
    "\ud7ff",
    "Генштаб",
    "🙂",
]
TAGS = ["p", "div", "article", "script", "style", "title", "h1", "br", "meta", "a", "body", "html", "head"]
text_pieces = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=10)), max_size=20).map("".join)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(f'<{tag} content="{draw(text_pieces)}" property="og:title">')
        else:
            parts.append(draw(text_pieces))
    cut = draw(st.integers(0, 40))  # truncated pages end anywhere
    page = "".join(parts)
    return page[: len(page) - cut] if cut < len(page) else page


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    root = draw(st.sampled_from(["rss", "feed", "rdf:RDF", "channel", "junk"]))
    items = []
    for _ in range(draw(st.integers(0, 4))):
        body = draw(st.one_of(text_pieces, html_pages()))
        date = draw(st.sampled_from(["Fri, 13 Jan 2023 09:00:00 GMT", "2023-02-30", "", "yesterday"]))
        items.append(
            f"<item><title>{draw(text_pieces)}</title><pubDate>{date}</pubDate>"
            f"<description>{body}</description><link>{draw(text_pieces)}</link></item>"
        )
    doc = f"<?xml version='1.0'?><{root}><channel><title>{draw(text_pieces)}</title>{''.join(items)}"
    if draw(st.booleans()):
        doc += f"</channel></{root}>"
    data = doc.encode(draw(st.sampled_from(["utf-8", "utf-16", "latin-1"])), "replace")
    cut = draw(st.integers(0, 30))
    return data[: len(data) - cut] if cut < len(data) else data


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=6,
)
json_objects = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(text_pieces, json_values),
        "title": st.one_of(text_pieces, json_values),
        "published": st.one_of(
            st.sampled_from(["2023-02-16", "2023-02-30", "2023-02-16T10:00Z", "x"]), json_values
        ),
        "url": st.one_of(text_pieces, json_values),
        "outlet": st.one_of(text_pieces, json_values),
    },
).map(lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8", "surrogatepass"))
jsonl_lines = st.lists(st.one_of(json_objects, st.binary(max_size=40)), max_size=6)


def _article_ok(art: Article, source_text: str | None = None) -> None:
    assert isinstance(art, Article) and art.text.strip()
    assert art.id == hashlib.sha256(art.text.encode("utf-8", "surrogatepass")).hexdigest()
    if source_text is not None:
        assert art.text in source_text  # nothing rewritten inside the body


@FUZZ
@given(st.one_of(st.binary(max_size=300), text_pieces.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_decode(data: bytes) -> None:
    try:
        text = decode_bytes(data, "gen")
    except SitrepError:
        return
    assert isinstance(text, str)


@FUZZ
@given(st.one_of(text_pieces, st.text(max_size=200)))
def test_text_files(raw: str) -> None:
    try:
        art = parse_text(raw, source="gen")
    except SitrepError:
        return
    _article_ok(art, raw)
    assert raw.endswith(art.text)


@FUZZ
@given(html_pages())
def test_html(page: str) -> None:
    try:
        art = parse_html(page, source="gen")
    except SitrepError:
        return
    _article_ok(art)


@FUZZ
@given(jsonl_lines)
def test_jsonl(lines: list[bytes]) -> None:
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines)
    for item in iter_jsonl(bounded_lines(io.BytesIO(data), 200), source="gen", max_bytes=200):
        assert isinstance(item, Article | SitrepError)
        if isinstance(item, Article):
            _article_ok(item)


@FUZZ
@given(feeds())
def test_feeds(data: bytes) -> None:
    for item in iter_feed(data, source="gen"):
        assert isinstance(item, Article | SitrepError)
        if isinstance(item, Article):
            _article_ok(item)


@FUZZ
@given(st.one_of(st.binary(max_size=300), feeds(), html_pages().map(str.encode), jsonl_lines.map(b"\n".join)))
def test_stdin_sniffing(data: bytes) -> None:
    for item in _iter_stream(io.BytesIO(data), "<stdin>", IngestOptions(max_chars=400)):
        assert isinstance(item, Article | SitrepError)


@FUZZ
@given(
    suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES | {".pdf", ""})),
    data=st.one_of(
        st.binary(max_size=300), feeds(), html_pages().map(str.encode), jsonl_lines.map(b"\n".join)
    ),
)
def test_files_through_iter_inputs(
    tmp_path_factory: pytest.TempPathFactory, suffix: str, data: bytes
) -> None:
    path = Path(tmp_path_factory.mktemp("f", numbered=True)) / f"input{suffix}"
    path.write_bytes(data)
    for item in iter_inputs([str(path)], IngestOptions(max_chars=400)):
        assert isinstance(item, Article | SitrepError)
        if isinstance(item, Article):
            _article_ok(item)


# ---- the Doc -> records boundary ---------------------------------------------------------------

_NLP = English()


@st.composite
def annotated(draw: st.DrawFn) -> tuple[str, dict[str, list[object]], bool]:
    """A text and records pointing into it; some offsets deliberately wrong."""
    text = draw(st.text(min_size=1, max_size=80))
    n = len(text)
    honest = True

    def span() -> tuple[int, int, str]:
        nonlocal honest
        a = draw(st.integers(-3, n + 3))
        b = draw(st.integers(-3, n + 3))
        s, e = min(a, b), max(a, b)
        value = text[max(s, 0) : max(e, 0)]
        if draw(st.integers(0, 9)) == 0:  # a stage bug: the recorded string is not the slice
            value += "x"
        if not (0 <= s <= e <= n) or text[s:e] != value:
            honest = False
        return s, e, value

    claims = []
    for _ in range(draw(st.integers(0, 3))):
        s, e, v = span()
        ss, se, sv = span()
        claims.append(Claim(v, s, e, "direct", Speaker(sv, "gen", start=ss, end=se)))
    places = [Place(v, s, e, "gen", "city") for s, e, v in (span() for _ in range(draw(st.integers(0, 3))))]
    dates = [DateMention(v, s, e, None) for s, e, v in (span() for _ in range(draw(st.integers(0, 2))))]
    quants = [Quantity(v, s, e) for s, e, v in (span() for _ in range(draw(st.integers(0, 2))))]
    discl = [Disclaimer(v, s, e) for s, e, v in (span() for _ in range(draw(st.integers(0, 2))))]
    events = []
    for _ in range(draw(st.integers(0, 2))):
        place = draw(st.one_of(st.none(), st.integers(-1, 3)))
        refs = tuple(draw(st.lists(st.integers(-1, 3), max_size=2)))
        if (place is not None and not 0 <= place < len(places)) or any(
            not 0 <= i < len(claims) for i in refs
        ):
            honest = False
        events.append(Event("Battles", "Armed clash", place=place, claims=refs))
    lists: dict[str, list[object]] = {
        ext.CLAIMS: list(claims),
        ext.PLACES: list(places),
        ext.DATES: list(dates),
        ext.QUANTITIES: list(quants),
        ext.DISCLAIMERS: list(discl),
        ext.EVENTS: list(events),
    }
    return text, lists, honest


@FUZZ
@given(annotated())
def test_doc_to_records_boundary(case: tuple[str, dict[str, list[object]], bool]) -> None:
    text, lists, honest = case
    doc = _NLP.make_doc(text)
    for name, values in lists.items():
        setattr(doc._, name, values)
    article = Article.from_text(text, source="gen")
    try:
        analysis = doc_to_analysis(doc, article)
    except SitrepError as exc:
        assert not honest, exc
        assert "gen" in str(exc)  # names the input
        return
    assert honest
    for c in analysis.claims:
        assert text[c.start : c.end] == c.content
    for p in analysis.places:
        assert text[p.start : p.end] == p.mention
    for d in analysis.dates:
        assert text[d.start : d.end] == d.expression
    for rec in (*analysis.quantities, *analysis.disclaimers):
        assert text[rec.start : rec.end] == rec.text


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(None)


@settings(
    max_examples=max(10, EXAMPLES // 20),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.one_of(text_pieces, st.text(max_size=200)))
def test_whole_pipeline_never_crashes(analyzer: Analyzer, raw: str) -> None:
    """Arbitrary text through every stage: records that round-trip, or a sitrep error; nothing else."""
    if not raw.strip():
        return
    article = Article.from_text(raw, source="gen")
    try:
        (analysis,) = list(analyzer.analyze_many([article]))
    except SitrepError:
        return
    for c in analysis.claims:
        assert raw[c.start : c.end] == c.content
    for p in analysis.places:
        assert raw[p.start : p.end] == p.mention
    for d in analysis.dates:
        assert raw[d.start : d.end] == d.expression
