"""Checks of the trained pipeline shipped in ``sitrep/data/model`` (no retraining in CI).

Loads it with plain ``spacy.load`` (as a user would, without sitrep's code
registered) and checks a small fixed sample, including the issue's example
article.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from sitrep.nlp.pipeline import shipped_model_path

pytestmark = pytest.mark.model

EXAMPLE_NAME = "wire_report_2023-02-16.txt"
# Two paragraphs of the example article, used when shared/examples is not checked out next to the repo.
EXAMPLE_EXCERPT = (
    "The Russian Defence Ministry said the Ukrainians had retreated in the face of Russian attacks in the "
    "Luhansk region, although it gave no details and Reuters was not able to independently verify this and "
    "other battlefield reports.\n\n"
    "Luhansk regional governor Serhiy Haidai said Russia was pouring heavy equipment and mobilised troops "
    "into Luhansk.\n"
)


def example_text() -> str:
    repo = Path(__file__).resolve().parents[2]
    candidates = [
        repo.parent / "shared" / "examples" / EXAMPLE_NAME,
        repo / "shared" / "examples" / EXAMPLE_NAME,
    ]
    if os.environ.get("SITREP_SHARED_DATA"):
        candidates.insert(0, Path(os.environ["SITREP_SHARED_DATA"]).parent / "examples" / EXAMPLE_NAME)
    for candidate in candidates:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    return EXAMPLE_EXCERPT


MAX_BYTES = 30 * 1024 * 1024


@pytest.fixture(scope="module")
def nlp() -> Language:
    path = shipped_model_path()
    assert (path / "meta.json").is_file(), f"no shipped model at {path}"
    return spacy.load(path)


def test_shipped_model_components_and_labels(nlp: Language) -> None:
    for name in ("tok2vec", "tagger", "morphologizer", "lemmatizer", "parser", "ner"):
        assert nlp.has_pipe(name), name
    assert {"PERSON", "ORG", "GPE", "LOC", "NORP"} <= set(nlp.get_pipe("ner").labels)
    meta = nlp.meta
    assert meta["lang"] == "en"
    assert "CoNLL" not in " ".join(s["name"] for s in meta.get("sources", []))


def test_shipped_model_size() -> None:
    path = shipped_model_path()
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    assert size <= MAX_BYTES, size


def test_loads_without_sitrep() -> None:
    code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); "
        "assert not any(m.startswith('sitrep') for m in sys.modules), 'sitrep imported'; "
        "print(len(nlp('U.S. forces said.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(shipped_model_path())],
        capture_output=True,
        text=True,
        check=False,
        cwd="/",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "4"


def test_news_tokenization(nlp: Language) -> None:
    words = [
        t.text
        for t in nlp.make_doc("Zelenskiy's office got 155mm U.S. shells, “quickly”—Lt. Col. Ivanov said.")
    ]
    assert words[:2] == ["Zelenskiy", "'s"]
    assert "U.S." in words
    assert "“" in words and "”" in words and "—" in words
    assert "Lt." in words and "Col." in words
    assert ("155mm" in words) or (words[words.index("155") + 1] == "mm")


def test_subject_of_said_is_ministry(nlp: Language) -> None:
    doc = nlp("The Russian Defence Ministry said the Ukrainians had retreated.")
    said = next(t for t in doc if t.text == "said")
    subjects = [c.text for c in said.children if c.dep_ in ("nsubj", "nsubj:pass")]
    assert subjects == ["Ministry"]
    assert said.dep_ == "ROOT"
    assert doc[0].pos_ == "DET" and said.pos_ == "VERB"
    assert said.lemma_ == "say"
    assert [t.lemma_ for t in doc if t.text == "retreated"] == ["retreat"]


def test_example_article_entities(nlp: Language) -> None:
    doc = nlp(example_text())
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Serhiy Haidai", "PERSON") in ents
    assert any(text_ == "Luhansk" and label in ("GPE", "LOC") for text_, label in ents)
    assert len(list(doc.sents)) >= 2


def test_sentence_boundaries(nlp: Language) -> None:
    doc = nlp(
        "Russia said it had advanced. Kyiv denied it. NATO chief Jens Stoltenberg met ministers in Brussels."
    )
    assert [s.text for s in doc.sents] == [
        "Russia said it had advanced.",
        "Kyiv denied it.",
        "NATO chief Jens Stoltenberg met ministers in Brussels.",
    ]


def test_meta_is_json() -> None:
    meta = json.loads((shipped_model_path() / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "sitrep_news"


def test_doubled_apostrophe_quotes_keep_offsets_with_the_parser() -> None:
    """Regression: with a parser, a speaker span over ''quoted'' text once took its string from
    the straightened copy ('\"), so the article failed the offset check (found by the benchmark)."""
    from sitrep.analysis import Analyzer
    from sitrep.records import Article

    text = (
        "Mr. Manafort, citing ''the unique magic of Trump,'' said the candidate could be in a very "
        "competitive situation in states like Pennsylvania."
    )
    analysis = Analyzer("sitrep").analyze(Article.from_text(text))
    assert analysis.claims
    for c in analysis.claims:
        assert text[c.start : c.end] == c.content
        if c.speaker.start is not None and c.speaker.end is not None:
            assert text[c.speaker.start : c.speaker.end] == c.speaker.text


def test_sitrep_loader_gives_plain_spacy_annotations(nlp: Language) -> None:
    """sitrep's loader runs the pipeline faster (cached lemmatizer, a tokenizer cache not
    filled by the place ruler's names, matrix products through numpy's BLAS instead of BLIS)
    without changing a token, lemma, tag, head or entity. The one component it adds (blank
    lines start sentences, tests/nlp/test_paragraphs.py) is left out of this comparison."""
    from thinc.api import NumpyOps

    from sitrep.nlp.lemmas import CachedLemmatizer
    from sitrep.nlp.paragraphs import FACTORY as PARAGRAPHS
    from sitrep.nlp.pipeline import ModelChoice, load_base

    ours = load_base(ModelChoice(str(shipped_model_path()), "argument"))
    assert isinstance(ours.get_pipe("lemmatizer"), CachedLemmatizer)
    for name in ("tok2vec", "tagger", "morphologizer", "parser", "ner"):
        theirs_ops = {type(n.ops) for n in nlp.get_pipe(name).model.walk()}  # type: ignore[attr-defined]
        assert theirs_ops == {NumpyOps} and nlp.get_pipe(name).model.ops.use_blis  # type: ignore[attr-defined]
        nodes = list(ours.get_pipe(name).model.walk())  # type: ignore[attr-defined]
        assert all(type(n.ops) is NumpyOps and not n.ops.use_blis for n in nodes), name
    assert ours.pipe_names == [PARAGRAPHS, *nlp.pipe_names]
    ours.disable_pipe(PARAGRAPHS)
    text = example_text() + "\n\nU.S.-led forces -- Lt.-Col. Smith said:“We had shelled the villages.”"
    for _ in range(2):  # the second pass reads the caches the first one filled
        a, b = nlp(text), ours(text)
        assert [t.text for t in a] == [t.text for t in b]
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        assert [(t.tag_, t.pos_, str(t.morph)) for t in a] == [(t.tag_, t.pos_, str(t.morph)) for t in b]
        parse = [[(t.dep_, t.head.i, t.is_sent_start) for t in doc] for doc in (a, b)]
        assert parse[0] == parse[1]
        assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
    assert ours.tokenizer.rules == nlp.tokenizer.rules
