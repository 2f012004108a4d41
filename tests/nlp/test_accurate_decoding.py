"""The accurate pipeline's decoding, without its network: trees, names, word shapes."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sitrep.nlp.accurate import (
    AccurateModel,
    _find_cycle,
    bio_viterbi,
    case_ids,
    max_spanning_tree,
    one_root_tree,
)


def _is_tree(heads: np.ndarray) -> bool:
    """heads[0] == -1 and every node reaches node 0."""
    for node in range(1, len(heads)):
        seen = set()
        while node != 0:
            if node in seen:
                return False
            seen.add(node)
            node = int(heads[node])
    return True


def _brute_best(scores: np.ndarray) -> float:
    n = scores.shape[0]
    best = -np.inf
    for heads in itertools.product(range(n), repeat=n - 1):
        full = np.array([-1, *heads])
        if any(full[d] == d for d in range(1, n)) or not _is_tree(full):
            continue
        best = max(best, sum(scores[full[d], d] for d in range(1, n)))
    return best


finite = st.floats(min_value=-10, max_value=10, allow_nan=False, width=32)


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 5).flatmap(lambda n: arrays(np.float32, (n, n), elements=finite)))
def test_max_spanning_tree_is_the_best_tree(scores: np.ndarray) -> None:
    heads = max_spanning_tree(scores)
    assert heads[0] == -1
    assert _is_tree(heads)
    got = sum(float(scores[heads[d], d]) for d in range(1, len(heads)))
    assert got >= _brute_best(scores.astype(np.float64)) - 1e-4


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 12).flatmap(
        lambda n: st.tuples(
            arrays(np.float32, (n, n), elements=finite), arrays(np.float32, (n,), elements=finite)
        )
    )
)
def test_one_root_tree_has_one_root_and_no_cycle(pair: tuple[np.ndarray, np.ndarray]) -> None:
    arcs, root = pair
    heads = one_root_tree(arcs, root)
    assert len(heads) == len(root)
    assert (heads == -1).sum() == 1
    assert _is_tree(np.concatenate([[-1], heads + 1]))


def test_a_cycle_in_the_argmax_heads_is_broken() -> None:
    # 1 and 2 prefer each other; the root is best kept on 1
    arcs = np.array([[0.0, 5.0, 0.0], [5.0, 0.0, 0.0], [0.0, 4.0, 0.0]], dtype=np.float32)
    root = np.array([3.0, 1.0, -5.0], dtype=np.float32)
    heads = one_root_tree(arcs, root)
    assert heads.tolist() == [-1, 0, 1]
    assert _find_cycle(np.array([-1, 2, 1])) == [1, 2]


def test_word_shapes() -> None:
    assert case_ids(["said", "Kyiv", "NATO", "iPhone", "155mm", ",", "U.S."]) == [0, 1, 2, 3, 4, 0, 2]


def test_names_keep_the_ruler_and_repair_a_stray_inside_tag() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Governor Serhiy Haidai visited Luhansk city")
    labels = {"ner": ["O", "B-PERSON", "I-PERSON", "B-GPE", "I-GPE"]}
    model = AccurateModel.__new__(AccurateModel)
    model.labels = labels
    doc.ents = [doc.char_span(31, 38, label="GPE")]  # set by the place ruler
    # Governor O, Serhiy I-PERSON (stray I starts a name), Haidai I-PERSON, visited O,
    # Luhansk B-GPE + city I-GPE (overlaps the ruler's name: dropped)
    ner = np.full((6, 5), -5.0, dtype=np.float32)
    for i, tag in enumerate([0, 2, 2, 0, 3, 4]):
        ner[i, tag] = 0.0
    model._names(doc, ner)
    assert [(e.text, e.label_) for e in doc.ents] == [("Serhiy Haidai", "PERSON"), ("Luhansk", "GPE")]


def _gold_doc(n_sentences: int) -> spacy.tokens.Doc:
    """``n_sentences`` copies of "Kyiv said it fell ." with a parse and names."""
    words, heads, deps, pos, starts, ents = [], [], [], [], [], []
    for k in range(n_sentences):
        base = 5 * k
        words += ["Kyiv", "said", "it", "fell", "."]
        heads += [base + 1, base + 1, base + 3, base + 1, base + 1]
        deps += ["nsubj", "ROOT", "nsubj", "ccomp", "punct"]
        pos += ["PROPN", "VERB", "PRON", "VERB", "PUNCT"]
        starts += [True, False, False, False, False]
        ents += ["B-GPE", "O", "O", "O", "O"]
    return spacy.tokens.Doc(
        spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=starts, ents=ents
    )


def test_training_chunks_hold_whole_sentences_and_their_labels() -> None:
    from sitrep.inference import wordpiece_tokenizer
    from sitrep.nlp.accurate import WINDOW
    from sitrep.nlp.training.accurate import chunks, label_sets

    tokenizer = wordpiece_tokenizer()
    doc = _gold_doc(80)  # 400 words, more than one window of pieces
    labels = label_sets([doc])
    out = chunks(doc, tokenizer, labels)
    assert len(out) > 1
    assert sum(len(c.first) for c in out) == len(doc)
    for c in out:
        assert len(c.ids) <= WINDOW - 2
        assert c.sent[0] == 1 and len(c.first) % 5 == 0  # cut at sentence starts only
        assert c.head[:5] == [1, 1, 3, 1, 1]
        assert [labels["dep"][d] for d in c.dep[:5]] == ["nsubj", "ROOT", "nsubj", "ccomp", "punct"]
        assert [labels["ner"][t] for t in c.ner[:2]] == ["B-GPE", "O"]
        assert set(c.case[: c.first[1]]) == {1}  # Kyiv is Title case in every piece


def test_the_recipe_command_names_a_missing_corpus(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sitrep.cli import train_accurate

    args = ["--shared-data", str(tmp_path), "--workdir", str(tmp_path / "work")]
    result = CliRunner().invoke(train_accurate.command, args)
    assert result.exit_code != 0
    assert "no ud_english_ewt" in result.output and str(tmp_path) in result.output


def test_viterbi_gives_a_name_one_type() -> None:
    tags = ["O", "B-GPE", "I-GPE", "B-ORG", "I-ORG"]
    # "United" leans B-GPE, "Nations" leans I-ORG: argmax alone would split the name
    logprobs = np.log(
        np.array([[0.1, 0.5, 0.0, 0.4, 0.0], [0.1, 0.0, 0.3, 0.0, 0.6]], dtype=np.float32) + 1e-9
    )
    assert [tags[i] for i in bio_viterbi(logprobs, tags)] == ["B-ORG", "I-ORG"]
    assert [tags[i] for i in bio_viterbi(np.log(np.full((1, 5), 0.2, dtype=np.float32)), tags)] in (
        ["O"],
        ["B-GPE"],
        ["B-ORG"],
    )
    assert len(bio_viterbi(np.zeros((0, 5), dtype=np.float32), tags)) == 0
