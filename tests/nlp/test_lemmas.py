"""The cached rule lemmatizer gives spaCy's lemmas, asks spaCy once per key, and is swapped in
for rule-mode lemmatizers only."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from sitrep.nlp.lemmas import CachedLemmatizer, speed_up_lemmatizer

WORDS = ["The", "ministries", "said", "troops", "had", "retreated", "and", "were", "regrouping", "."]
POS = ["DET", "NOUN", "VERB", "NOUN", "AUX", "VERB", "CCONJ", "AUX", "VERB", "PUNCT"]


def rule_pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    nlp.initialize()  # the rule tables of spacy-lookups-data
    return nlp


def tagged(nlp: Language, words: list[str] = WORDS, pos: list[str] = POS) -> Doc:
    return Doc(nlp.vocab, words=words, pos=pos)


def test_same_lemmas_as_spacy() -> None:
    plain = rule_pipeline()
    expected = [t.lemma_ for t in plain.get_pipe("lemmatizer")(tagged(plain))]
    fast = rule_pipeline()
    speed_up_lemmatizer(fast)
    component = fast.get_pipe("lemmatizer")
    assert isinstance(component, CachedLemmatizer)
    assert fast.pipe_names == ["lemmatizer"]
    got = [t.lemma_ for t in component(tagged(fast))]
    assert got == expected
    assert got[1:6] == ["ministry", "say", "troop", "had", "retreat"]  # AUX: see aux_lemmas
    # a second Doc is answered from the cache, with the same lemmas
    assert [t.lemma_ for t in component(tagged(fast))] == expected


def test_rule_index_becomes_sets_with_the_same_answers() -> None:
    nlp = rule_pipeline()
    speed_up_lemmatizer(nlp)
    component = nlp.get_pipe("lemmatizer")
    assert isinstance(component, CachedLemmatizer)
    index = component.inner.lookups.get_table("lemma_index")
    assert all(isinstance(v, frozenset) for v in index.values())
    doc = tagged(nlp, ["Kyiv", "shelled", "villages"], ["PROPN", "VERB", "NOUN"])
    assert [t.lemma_ for t in component(doc)] == ["Kyiv", "shell", "village"]


def test_asks_spacy_once_per_word_pos_and_morphology() -> None:
    nlp = rule_pipeline()
    speed_up_lemmatizer(nlp)
    component = nlp.get_pipe("lemmatizer")
    assert isinstance(component, CachedLemmatizer)
    asked: list[str] = []
    inner = component.inner
    original = inner.lemmatize

    def counting(token: spacy.tokens.Token) -> list[str]:
        asked.append(token.text)
        return original(token)

    inner.lemmatize = counting  # type: ignore[method-assign]
    words = ["troops", "said", "troops", "said"]
    component(tagged(nlp, words, ["NOUN", "VERB", "NOUN", "VERB"]))
    component(tagged(nlp, words, ["NOUN", "VERB", "NOUN", "VERB"]))
    assert asked == ["troops", "said"]
    # the same word as another part of speech is another key
    doc = component(tagged(nlp, ["said"], ["ADJ"]))
    assert asked == ["troops", "said", "said"]
    assert doc[0].lemma_ == "said"


def test_keeps_lemmas_set_before_unless_overwrite() -> None:
    nlp = rule_pipeline()
    speed_up_lemmatizer(nlp)
    component = nlp.get_pipe("lemmatizer")
    doc = tagged(nlp, ["had", "troops"], ["AUX", "NOUN"])
    doc[0].lemma_ = "HAVE"
    component(doc)
    assert [t.lemma_ for t in doc] == ["HAVE", "troop"]


def test_empty_doc_and_other_components_untouched() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", name="lookup_lemmas", config={"mode": "lookup"})
    speed_up_lemmatizer(nlp)
    assert isinstance(nlp.get_pipe("lookup_lemmas"), Lemmatizer)  # lookup mode stays spaCy's
    rules = rule_pipeline()
    speed_up_lemmatizer(rules)
    assert len(rules.get_pipe("lemmatizer")(Doc(rules.vocab, words=[]))) == 0


def test_cached_lemmas_outlive_a_memory_zone() -> None:
    """sitrep.analysis frees each chunk's strings with spaCy memory zones; a lemma first
    made inside one zone must still read in the next (a 2,000-article --model sitrep ingest
    lost 70 articles to 'Can't retrieve string for hash' when the cache kept hashes)."""
    nlp = rule_pipeline()
    speed_up_lemmatizer(nlp)
    component = nlp.get_pipe("lemmatizer")
    words, pos = ["Zaporizhzhians", "regrouped"], ["NOUN", "VERB"]
    with nlp.memory_zone():
        first = [t.lemma_ for t in component(tagged(nlp, words, pos))]
    assert first == ["zaporizhzhian", "regroup"]
    assert "zaporizhzhian" not in nlp.vocab.strings  # the zone took its new strings away
    with nlp.memory_zone():
        assert [t.lemma_ for t in component(tagged(nlp, words, pos))] == first
