"""A blank line starts a sentence (``sitrep_paragraphs``), for any base pipeline but the blank one."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.evaluation.nlp import _paragraph_starts
from sitrep.nlp.paragraphs import FACTORY, mark_paragraphs, paragraph_starts
from sitrep.nlp.pipeline import choose_model, load_base
from sitrep.nlp.training.conllu import parse_conllu

NLP = spacy.blank("en")


def _starts(text: str) -> list[str]:
    doc = NLP(text)
    return [doc[word].text for _, word in paragraph_starts(doc)]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Balloons over Kyiv\n\nSix balloons were shot down.", ["Six"]),
        ("KYIV (Reuters)\r\n\r\nRussia said so.\n \nIt gave no details.", ["Russia", "It"]),
        ("A line\nwrapped in the middle of a sentence.", []),  # one line break: no paragraph
        ("\n\nLeading blank lines. Then text.", []),  # nothing before the first word to split from
        ("One paragraph only.", []),
        ("", []),
    ],
)
def test_words_after_a_blank_line(text: str, starts: list[str]) -> None:
    assert _starts(text) == starts


def test_the_blank_line_ends_one_sentence_and_the_next_word_starts_another() -> None:
    doc = mark_paragraphs(NLP("Balloons over Kyiv\n\nSix balloons were shot down."))
    assert [t.is_sent_start for t in doc] == [True, None, None, False, True, None, None, None, None, None]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "B", " ", "\n", "\r", ".", "\t"]), max_size=60))
def test_any_text_gets_starts_only_on_words_after_two_line_breaks(text: str) -> None:
    doc = mark_paragraphs(NLP(text))
    for gap, word in paragraph_starts(doc):
        assert 0 < gap < word and not doc[word].is_space
        assert all(doc[i].is_space for i in range(gap, word))
        assert "".join(doc[i].text for i in range(gap, word)).count("\n") >= 2
        assert doc[word].is_sent_start is True


@pytest.mark.model
def test_the_loader_puts_it_first_for_models_and_leaves_the_blank_pipeline_alone() -> None:
    blank = load_base(choose_model("blank"))
    assert FACTORY not in blank.pipe_names
    nlp = load_base(choose_model("sitrep"))
    assert nlp.pipe_names[0] == FACTORY
    doc = nlp("KYIV, Feb 16 (Reuters)\n\nRussia's Defence Ministry said on Telegram.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["KYIV, Feb 16 (Reuters)", "Russia's Defence Ministry said on Telegram."]


CONLLU = """# newdoc id = d1
# newpar id = d1-p1
# sent_id = 1
1	Hello	hello	INTJ	UH	_	0	root	_	_

# sent_id = 2
1	Go	go	VERB	VB	_	0	root	_	_

# newpar
# newpar_block = head (1 s)
# sent_id = 3
1	Bye	bye	INTJ	UH	_	0	root	_	_

# newpar_block = p (1 s)
# sent_id = 4
1	Now	now	ADV	RB	_	0	root	_	_

# newdoc id = d2
# sent_id = 5
1	New	new	ADJ	JJ	_	0	root	_	_

"""


def test_treebank_paragraph_starts_are_read_and_given_as_sentence_starts() -> None:
    sentences = list(parse_conllu(CONLLU.splitlines(keepends=True)))
    assert [s.paragraph_start for s in sentences] == [True, False, True, False, True]
    doc = _paragraph_starts(spacy.tokens.Doc(NLP.vocab, words=["Hello", "Go", "Bye", "Now"]), sentences[:4])
    assert [t.is_sent_start for t in doc] == [True, None, True, None]
