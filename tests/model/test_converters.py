# ruff: noqa: E501  (CoNLL-U sample lines are data)
"""Fast unit tests of the training-corpus converters on tiny inline samples (no model needed)."""

from __future__ import annotations

import spacy

from sitrep.nlp.tokenizer import customize_tokenizer
from sitrep.nlp.training.conllu import (
    filter_genres,
    gum_genre,
    gum_mentions,
    gum_named_entities,
    parse_conllu,
    sentences_to_doc,
)
from sitrep.nlp.training.iob import iob_to_spans, parse_conll2003, parse_uner, uner_spans
from sitrep.nlp.training.labels import EVAL_MAP, PlaceClassifier
from sitrep.nlp.training.re3d import RE3D_SHIPPABLE, reduce_mention

EWT_SAMPLE = """# newdoc id = doc-1
# sent_id = doc-1-0001
# text = I didn't see Al-Ani.
1	I	I	PRON	PRP	Case=Nom|Number=Sing|Person=1|PronType=Prs	4	nsubj	4:nsubj	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	see	see	VERB	VB	VerbForm=Inf	0	root	0:root	_
4.1	saw	see	VERB	VBD	_	_	_	4:conj	_
5	Al-Ani	Al-Ani	PROPN	NNP	Number=Sing	4	obj	4:obj	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = doc-1-0002
# text = Go!
1	Go	go	VERB	VB	Mood=Imp|VerbForm=Fin	0	root	0:root	SpaceAfter=No
2	!	!	PUNCT	.	_	1	punct	1:punct	_

"""

GUM_SAMPLE = """# newdoc id = GUM_news_test
# sent_id = GUM_news_test-1
# text = The president Barack Obama visited the United States Congress in Washington.
1	The	the	DET	DT	_	2	det	2:det	Entity=(1-person-new-sssss-cf1-2-coref-Barack_Obama
2	president	president	NOUN	NN	_	5	nsubj	5:nsubj	_
3	Barack	Barack	PROPN	NNP	_	2	appos	2:appos	_
4	Obama	Obama	PROPN	NNP	_	3	flat	3:flat	Entity=1)
5	visited	visit	VERB	VBD	_	0	root	0:root	_
6	the	the	DET	DT	_	9	det	9:det	Entity=(2-organization-new-sssss-cf2-3-sgl-United_States_Congress
7	United	United	PROPN	NNP	_	8	compound	8:compound	Entity=(3-place-new-sssss-cf3-1-coref-United_States
8	States	States	PROPN	NNP	_	9	compound	9:compound	Entity=3)
9	Congress	Congress	PROPN	NNP	_	5	obj	5:obj	Entity=2)
10	in	in	ADP	IN	_	11	case	11:case	_
11	Washington	Washington	PROPN	NNP	_	5	obl	5:obl	Entity=(4-place-new-sssss-cf4-1-coref-Washington,_D.C.)|SpaceAfter=No
12	.	.	PUNCT	.	_	5	punct	5:punct	_

# newdoc id = GUM_fiction_test
# sent_id = GUM_fiction_test-1
# text = Hi.
1	Hi	hi	INTJ	UH	_	0	root	0:root	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	1:punct	_

# newdoc id = GUM_news_other
# sent_id = GUM_news_other-1
# text = Afghan teams won.
1	Afghan	Afghan	ADJ	JJ	_	2	amod	2:amod	_
2	teams	team	NOUN	NNS	_	3	nsubj	3:nsubj	Entity=(5-organization-new-sssss-cf1-1-sgl)
3	won	win	VERB	VBD	_	0	root	0:root	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	3:punct	_

"""

UNER_SAMPLE = """# sent_id = doc-1-0001
# text = American forces killed Shaikh Abdullah in Qaim.
1	American	B-OTH	-	stephen
2	forces	O
3	killed	O
4	Shaikh	B-PER	-	stephen
5	Abdullah	I-PER	-	stephen
6	in	O
7	Qaim	B-LOC	-	stephen
8	.	B-O	-	stephen

"""


def test_conllu_multiword_tokens_and_empty_nodes() -> None:
    sentences = list(parse_conllu(EWT_SAMPLE.splitlines(keepends=True)))
    assert [s.sent_id for s in sentences] == ["doc-1-0001", "doc-1-0002"]
    first = sentences[0]
    assert [w.form for w in first.words] == ["I", "did", "n't", "see", "Al-Ani", "."]  # 4.1 skipped
    assert [w.space_after for w in first.words] == [True, False, True, True, False, True]
    nlp = spacy.blank("en")
    doc = sentences_to_doc(nlp.vocab, sentences)
    assert doc.text == "I didn't see Al-Ani. Go!"
    assert doc[3].dep_ == "ROOT" and doc[3].head.i == 3
    assert doc[0].head.i == 3 and doc[0].dep_ == "nsubj"
    assert doc[6].dep_ == "ROOT" and doc[6].head.i == 6  # second sentence root
    assert [s.text for s in doc.sents] == ["I didn't see Al-Ani.", "Go!"]
    assert doc[1].lemma_ == "do" and doc[1].pos_ == "AUX" and doc[1].tag_ == "VBD"
    assert str(doc[3].morph) == "VerbForm=Inf"
    assert not doc.has_annotation("ENT_IOB")


def test_gum_genre_filter_keeps_only_cc_by() -> None:
    sentences = list(parse_conllu(GUM_SAMPLE.splitlines(keepends=True)))
    assert gum_genre("GUM_news_test-1") == "news"
    assert gum_genre("GUM_fiction_x") == "fiction"
    kept = list(filter_genres(sentences))
    assert [s.doc_id for s in kept] == ["GUM_news_test", "GUM_news_other"]


def test_gum_entities_to_names() -> None:
    sentence = next(parse_conllu(GUM_SAMPLE.splitlines(keepends=True)))
    mentions = {(m.start, m.end, m.etype, m.identity) for m in gum_mentions(sentence)}
    assert (0, 4, "person", "Barack_Obama") in mentions
    assert (10, 11, "place", "Washington,_D.C.") in mentions
    places = PlaceClassifier({"Washington"})
    ents, missing = gum_named_entities(sentence, places)
    # "The president Barack Obama" is not a clean name -> missing; "the United States Congress" -> ORG
    assert (6, 9, "ORG") in ents
    assert (10, 11, "GPE") in ents
    assert all(label != "PERSON" for _s, _e, label in ents)
    assert (2, 3) in missing or (3, 4) in missing


def test_gum_nationality_adjectives_marked_missing() -> None:
    sentences = list(parse_conllu(GUM_SAMPLE.splitlines(keepends=True)))
    ents, missing = gum_named_entities(sentences[-1])
    assert ents == []
    assert (0, 1) in missing  # "Afghan" (NORP in the shipped scheme, unannotated in GUM)


def test_uner_oth_to_norp_and_spurious_b_o() -> None:
    tagged = next(parse_uner(UNER_SAMPLE.splitlines(keepends=True)))
    assert tagged.sent_id == "doc-1-0001"
    spans = uner_spans(tagged.tags, keep_oth=True, place_label=lambda text, _id: "GPE", tokens=tagged.tokens)
    assert spans == [(0, 1, "NORP"), (3, 5, "PERSON"), (6, 7, "GPE")]  # B-O on "." dropped
    without = uner_spans(tagged.tags, keep_oth=False)
    assert without == [(3, 5, "PERSON"), (6, 7, "LOC")]


def test_iob_to_spans_edge_cases() -> None:
    assert iob_to_spans(["I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
    ]


def test_conll2003_reader() -> None:
    text = "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\nPeter NNP B-NP B-PER\n"
    sentences = list(parse_conll2003(text.splitlines(keepends=True)))
    assert [s.tokens for s in sentences] == [("EU", "rejects", "German"), ("Peter",)]
    assert iob_to_spans(sentences[0].tags) == [(0, 1, "ORG"), (2, 3, "MISC")]


def test_place_classifier_and_eval_map() -> None:
    places = PlaceClassifier({"Luhansk", "Kyiv"})
    assert places("Luhansk") == "GPE"
    assert places("Black Sea") == "LOC"
    assert places("Europe") == "LOC"
    assert places("Dnipro River") == "LOC"
    assert EVAL_MAP["GPE"] == EVAL_MAP["LOC"] == "LOC"
    assert "NORP" not in EVAL_MAP


def test_re3d_mentions_reduced_to_names() -> None:
    assert "BBC_Online" not in RE3D_SHIPPABLE
    words = ["US", "Secretary", "of", "State", "John", "Kerry"]
    assert reduce_mention(words, "PERSON") == [(4, 6)]
    assert reduce_mention(["he"], "PERSON") is None
    assert reduce_mention(["southern", "Kirkuk", "Province"], "LOC") == [(1, 3)]
    assert reduce_mention(["Woodbridge", ",", "Virginia"], "LOC") == [(0, 1), (2, 3)]
    assert reduce_mention(["ISIL", "terrorists"], "ORG") is None
    assert reduce_mention(["Kurdish", "-", "speaking"], "NORP") == [(0, 1)]


def test_news_tokenizer_rules() -> None:
    nlp = customize_tokenizer(spacy.blank("en"))
    words = [t.text for t in nlp("Zelenskiy's U.S.-led Lt. Col. “Kyiv’s” 155mm rounds—said")]
    assert words[:2] == ["Zelenskiy", "'s"]
    assert words[2:5] == ["U.S.", "-", "led"]
    assert "Lt." in words and "Col." in words
    assert words[7:10] == ["“", "Kyiv", "’s"]
    assert "—" in words
    assert "155" in words and "mm" in words
