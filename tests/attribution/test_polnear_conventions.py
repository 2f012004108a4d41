"""Attribution forms PolNeAR annotates that the war-news rules first missed (synthetic texts)."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.attribution.learn_cues import learn
from sitrep.attribution.lexicon import LEARNED_CUES, load_lexicons
from sitrep.errors import DataFileError
from sitrep.evaluation.attribution import predicted_attributions
from sitrep.nlp import extensions
from sitrep.stages.attribution import ParseView, clausal_verbs, dep_frames

from .test_phenomena import Run, claims


def test_learned_cue_takes_a_noun_phrase_content(run: Run) -> None:
    (c,) = claims(run("The governor called for an immediate ceasefire along the whole front."))
    assert c.cue == "called for"
    assert c.content == "an immediate ceasefire along the whole front"
    assert c.speaker.text == "The governor"


def test_learned_cue_inside_another_claim_is_not_a_claim_of_its_own(run: Run) -> None:
    found = claims(run("Moscow says NATO shows hostility to Russia daily and is growing more involved."))
    assert [c.cue for c in found] == ["says"]


def test_doubled_apostrophes_are_quote_marks(run: Run) -> None:
    text = "The plan is long.\n\n''There is a lot of new complexity,'' said Mr. Burman."
    (c,) = claims(run(text))
    assert c.kind == "direct"
    assert c.content == "There is a lot of new complexity,"
    assert c.speaker.text == "Mr. Burman"


def test_headline_label_colon(run: Run) -> None:
    (c,) = claims(run("Pence: Flowers Will Not Be at the Debate Tomorrow\n\nThe debate is on Sunday."))
    assert c.cue == ":" and c.speaker.text == "Pence"
    assert c.content == "Flowers Will Not Be at the Debate Tomorrow"


def test_colon_after_a_long_lead_is_no_label(run: Run) -> None:
    found = claims(run("The list of towns shelled overnight was long: Bakhmut, Avdiivka and Marinka."))
    assert all(c.cue != ":" for c in found)


def test_byline_dash_after_a_quote(run: Run) -> None:
    text = "“He is not fit to lead this country and everyone can see it.” ― Martha Aguilar\n"
    (c,) = claims(run(text))
    assert c.cue == "―" and c.speaker.text == "Martha Aguilar"
    assert c.content.startswith("He is not fit")


def test_participle_after_comma_takes_the_sentence_subject(run: Run) -> None:
    text = "Hillary Clinton spoke out on Tuesday about the shooting, arguing that the police must change."
    (c,) = claims(run(text))
    assert c.cue == "arguing"
    assert c.speaker.name == "Hillary Clinton"
    assert c.content == "the police must change"


def test_absolute_participle_is_background_not_a_claim(run: Run) -> None:
    text = "Russia said it had broken through, with Kyiv describing conditions there as difficult."
    found = claims(run(text))
    assert [c.cue for c in found] == ["said"]


def test_long_appositive_speaker_between_quote_and_cue(run: Run) -> None:
    text = (
        "“It has the important virtue of being fiscally responsible,” Leonard E. Burman, director of "
        "the Tax Policy Center and a professor at the Maxwell School of Syracuse University, said."
    )
    (c,) = claims(run(text))
    assert c.speaker.text is not None
    assert c.speaker.text.startswith("Leonard E. Burman, director of")
    assert c.speaker.text.endswith("Syracuse University")


def test_appositive_after_inverted_speaker_is_part_of_the_source(run: Run) -> None:
    text = "“Mexico has followed the rules,” said Chad Bown, an expert on trade at the institute."
    (c,) = claims(run(text))
    assert c.speaker.text == "Chad Bown, an expert on trade at the institute"


def test_role_first_appositive_speaker(run: Run) -> None:
    text = "The state's campaign chairman, Phil Lovas, said he cannot comment on the letter."
    (c,) = claims(run(text))
    assert c.speaker.text == "The state's campaign chairman, Phil Lovas"


def test_age_between_name_and_description_stays_in_the_speaker(run: Run) -> None:
    text = "Olena Kovalenko, 45, a teacher in Kharkiv, said the shelling had stopped at dawn."
    (c,) = claims(run(text))
    assert c.speaker.text == "Olena Kovalenko, 45, a teacher in Kharkiv"
    assert c.content == "the shelling had stopped at dawn"
    # a number after a place is no age: the description alone is the speaker
    (c,) = claims(run("In Kyiv, 27, a teacher said the shelling had stopped at dawn."))
    assert c.speaker.text == "a teacher"


def test_adjunct_after_the_clause_subject_stays_in_the_content(run: Run) -> None:
    text = "The ministry said Bakhmut, despite the shelling, was still held by Ukrainian forces."
    (c,) = claims(run(text))
    assert c.content == "Bakhmut, despite the shelling, was still held by Ukrainian forces"
    # after a whole clause the adjunct is the reporter's, and a lone object is no claim
    (c,) = claims(run("The ministry said the town had fallen, despite the shelling."))
    assert c.content == "the town had fallen"
    assert claims(run("The ministry said nothing, despite repeated requests, and the mayor left.")) == []


def test_a_polls_share_of_respondents_is_a_speaker(run: Run) -> None:
    (c,) = claims(run("In the survey, 46 percent said they expected the fighting to go on all year."))
    assert c.speaker.text == "46 percent"
    assert c.content == "they expected the fighting to go on all year"


# ---- the learned lexicon --------------------------------------------------------------------
def test_shipped_lexicon_merges_learned_forms_above_the_threshold() -> None:
    lex = load_lexicons()
    forms = {e.form: e for e in lex.cues}
    assert forms["said"].precision is None  # the hand entry wins
    assert forms["called for"].frame == "object" and (forms["called for"].precision or 0) >= 0.3
    strict = {e.form for e in load_lexicons(min_learned_precision=0.99).cues}
    assert "called for" not in strict and "said" in strict


def _lexicon_dir(tmp_path: Path, learned: str | None) -> Path:
    shipped = Path(load_lexicons.__code__.co_filename).parent.parent / "data" / "lexicons"
    for f in shipped.glob("*.tsv"):
        if f.name != LEARNED_CUES:
            (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    if learned is not None:
        (tmp_path / LEARNED_CUES).write_text(learned, encoding="utf-8")
    return tmp_path


def test_user_lexicon_without_learned_file_has_hand_cues_only(tmp_path: Path) -> None:
    lex = load_lexicons(_lexicon_dir(tmp_path, None))
    assert all(e.precision is None for e in lex.cues)


def test_bad_precision_in_learned_file_names_the_file(tmp_path: Path) -> None:
    directory = _lexicon_dir(tmp_path, "lauded\tlaud\tassert\tobject\t5\t9\thigh\n")
    with pytest.raises(DataFileError, match=LEARNED_CUES):
        load_lexicons(directory)


def test_learner_counts_cue_precision_on_train_only(tmp_path: Path) -> None:
    text = "Kyiv lauded the deal. The deal was lauded by all. Moscow lauded the talks."
    ann = "T1\tSource 0 4\tKyiv\nT2\tCue 5 11\tlauded\nT3\tContent 12 20\tthe deal\n"
    ann += "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    ann += "T5\tSource 50 56\tMoscow\nT6\tCue 57 63\tlauded\nT7\tContent 64 73\tthe talks\n"
    ann += "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n"
    assert text[57:63] == "lauded" and text[5:11] == "lauded"
    line = {"filename": "a", "text": text, "metadata": {}, "annotations": [{"ann": ann}]}
    (tmp_path / "train").mkdir()
    with gzip.open(tmp_path / "train" / "polnear_train.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")
    (row,) = learn(tmp_path, min_count=2, min_precision=0.0)
    assert row[0] == "lauded" and row[3] == "object"
    assert row[4:] == ("2", "3", "0.667")


# ---- the parser path ------------------------------------------------------------------------
def test_dependency_frames_give_subject_and_complement() -> None:
    vocab = spacy.blank("en").vocab
    words = ["The", "senator", "proposed", "a", "new", "tax", "on", "banks", "."]
    heads = [1, 2, 2, 5, 5, 2, 5, 6, 2]
    deps = ["det", "nsubj", "ROOT", "det", "amod", "dobj", "prep", "pobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "ADJ", "NOUN", "ADP", "NOUN", "PUNCT"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)
    frames = dep_frames(doc)
    subject, complement = frames[doc[2].idx]
    assert doc.text[subject[0] : subject[1]] == "The senator"
    assert doc.text[complement[0] : complement[1]] == "a new tax on banks"


def test_parse_view_reads_the_parse_as_spacy_does() -> None:
    """One array read gives each word's children, POS and label as the Token API would."""
    words = ["Officials", "said", "the", "army", ",", "which", "denied", "it", ",", "had", "left", "."]
    heads = [1, 1, 3, 10, 3, 6, 3, 6, 3, 10, 1, 1]
    deps = [
        "nsubj",
        "ROOT",
        "det",
        "nsubj",
        "punct",
        "nsubj",
        "acl:relcl",
        "obj",
        "punct",
        "aux",
        "ccomp",
        "punct",
    ]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PRON", "PUNCT", "AUX", "VERB", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    view = ParseView.of(doc)
    assert view.children == [[c.i for c in t.children] for t in doc]
    assert view.dep == deps and view.pos == pos
    assert view.verb_starts() == {doc[i].idx for i in (1, 6, 9, 10)}
    assert view.first_child(1, frozenset({"ccomp"}), after=True) == 10
    assert view.first_child(1, frozenset({"ccomp"}), after=False) is None
    assert doc.text[slice(*view.extent(3))] == "the army, which denied it,"


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    vocab = spacy.blank("en").vocab
    spaces = [i + 1 < len(words) and words[i + 1] not in ".," for i in range(len(words))]
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def test_parser_verbs_with_a_clause_become_cues(nlp: spacy.language.Language) -> None:
    # "The commander reckons the town will fall soon." ("reckons" is in no lexicon)
    words = ["The", "commander", "reckons", "the", "town", "will", "fall", "soon", "."]
    heads = [1, 2, 2, 4, 6, 6, 2, 6, 2]
    deps = ["det", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "advmod", "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "ADV", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    lex = load_lexicons()
    assert "reckons" not in {e.form for e in lex.cues}
    (cue,) = clausal_verbs(doc, lex)
    assert doc.text[cue.start : cue.end] == "reckons"
    doc._.sitrep_published = None
    doc._.sitrep_dates = None
    doc = nlp.get_pipe("sitrep_attribution")(doc)
    (c,) = claims(doc)
    assert c.cue == "reckons" and c.speaker.text == "The commander"
    assert c.content == "the town will fall soon"


def test_without_a_parser_the_taggers_know_no_unknown_verbs(run: Run) -> None:
    assert claims(run("The commander reckons the town will fall soon.")) == []


def test_the_role_encoder_reads_a_rare_verb_of_belief_and_no_plain_verb() -> None:
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sitrep_attribution", config={"role_model": "encoder"})
    (c,) = nlp("The commander reckons the town will fall soon.")._.sitrep_claims
    assert (c.speaker.text, c.cue, c.content) == ("The commander", "reckons", "the town will fall soon")
    assert nlp("The commander inspected the town before it fell.")._.sitrep_claims == []
    assert nlp("The battalion crossed the river and took the town.")._.sitrep_claims == []


def test_told_without_that_starts_content_at_the_clause_subject(run: Run) -> None:
    text = "The general told reporters this weekend he would not withdraw from the city."
    (c,) = claims(run(text))
    assert c.cue == "told" and c.content == "he would not withdraw from the city"


def test_short_quote_with_trailing_attribution_is_the_claim(run: Run) -> None:
    (c,) = claims(run("“I would,” Melanie said to the TV."))
    assert c.kind == "direct" and c.content == "I would,"
    assert c.speaker.text == "Melanie"


def test_polnear_scoring_gives_direct_quotes_their_marks(run: Run) -> None:
    text = "“We are on our fourth secretary of defense,” Haidai said. ''Nobody stays,'' Haidai added."
    doc = run(text)
    first, second = claims(doc)
    pred = predicted_attributions([first, second], text)
    spans = [text[s:e] for a in pred for s, e in a.content]
    assert spans == ["“We are on our fourth secretary of defense,”", "''Nobody stays,''"]
    assert predicted_attributions([first])[0].content == [(first.start, first.end)]


def test_quoted_fragment_closing_before_a_trailing_attribution(run: Run) -> None:
    # PolNeAR's content runs to the fragment's closing marks, comma included
    for text, speaker in (
        ("Raising the fuel tax ''is the wrong answer,'' said Ms. Novak.", "Ms. Novak"),
        ("The plan sends a clear message that security ''comes first,'' Mr. Petrenko said.", "Mr. Petrenko"),
        ('Raising the fuel tax "is the wrong answer," said Ms. Novak.', "Ms. Novak"),
    ):
        (c,) = run(text)._.sitrep_claims
        assert text.startswith(c.content) and c.content.endswith((",''", ',"'))
        assert c.kind == "mixed" and c.speaker.text == speaker and c.cue == "said"


def test_trailing_tell_with_a_named_hearer(run: Run) -> None:
    text = "The bridge will be rebuilt by spring, Governor Ivan Petrenko told The Kyiv Independent on Monday."
    (c,) = run(text)._.sitrep_claims
    assert c.content == "The bridge will be rebuilt by spring"
    assert c.cue == "told" and c.speaker.text == "Governor Ivan Petrenko"


def test_polnear_scoring_gives_a_verb_sharing_a_subject_that_subject(run: Run) -> None:
    # sitrep's "added" claim has no mention of its own (as the example's reference reads
    # "but added"); PolNeAR marks the shared subject as the source of both verbs
    text = "The general said troops had advanced, and promised that more villages would be freed."
    first, second = claims(run(text))
    assert (second.cue, second.speaker.text, second.speaker.name) == ("promised", None, first.speaker.name)
    pred = predicted_attributions([first, second], text)
    assert [[text[s:e] for s, e in a.source] for a in pred] == [["The general"], ["The general"]]


def test_polnear_scoring_shares_no_subject_across_a_sentence_or_a_speaker(run: Run) -> None:
    text = "The general said troops had advanced. He added that more villages would be freed."
    first, second = claims(run(text))
    other = replace(second, speaker=replace(second.speaker, text=None, start=None, end=None))
    assert other.speaker.name == first.speaker.name
    assert predicted_attributions([first, other], text)[1].source == []
    same_sentence = "The general said troops had advanced, and promised that more villages would be freed."
    a, b = claims(run(same_sentence))
    stranger = replace(b, speaker=replace(b.speaker, name="Someone Else"))
    assert predicted_attributions([a, stranger], same_sentence)[1].source == []
