"""Speakers at the edges of what the resolver and the phrase rules know.

A claim whose speaker is a pronoun with nobody named before it was still made; the
appositive after an inverted speaker may start with a party and state or an age; and a
"told" whose hearer is a longer noun phrase still reports the clause after it, even when
that clause ends in a demonstrative "that".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


def test_unresolved_pronoun_keeps_the_claim_without_a_guessed_name(run: Run) -> None:
    claims = run("“I’m a free American,” he said.")._.sitrep_claims
    assert [(c.speaker.text, c.speaker.name, c.cue, c.content) for c in claims] == [
        ("he", "he", "said", "I’m a free American,")
    ]
    speaker = claims[0].speaker
    assert speaker.type == "PERSON"
    assert speaker.side is None  # never guessed
    assert (speaker.start, speaker.end) == (23, 25)


def test_unresolved_pronoun_does_not_hide_a_later_antecedent(run: Run) -> None:
    text = (
        "“We will hold the line,” he said. "
        "Ukraine's defence minister Oleksii Reznikov said on Tuesday the front was stable. "
        "He said reinforcements had arrived."
    )
    claims = run(text)._.sitrep_claims
    by_content = {c.content: c.speaker for c in claims}
    assert by_content["We will hold the line,"].name == "he"
    # the second "He" finds the minister, not the unresolved "he" before him
    assert by_content["reinforcements had arrived"].name == by_content["the front was stable"].name
    assert by_content["reinforcements had arrived"].side == "Ukraine"


def test_relative_pronoun_with_nobody_before_it_makes_no_claim(run: Run) -> None:
    assert run("Who said the bridge was hit is unclear.")._.sitrep_claims == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"It is a good day," said Peter Hart, 25, a bank employee from Kharkiv.',
            "Peter Hart, 25, a bank employee from Kharkiv",
        ),
        (
            '"We need more air defence," said Rep. Jim Clyburn (D-S.C.), a member of the House leadership.',
            "Rep. Jim Clyburn (D-S.C.), a member of the House leadership",
        ),
        ('"It is a good day," said Peter Hart, 25.', "Peter Hart, 25"),
        # a capitalised word after the comma is no description: the name stands alone
        ('"It is a good day," said Peter Hart, Reuters reported.', "Peter Hart"),
    ],
)
def test_appositive_after_an_inverted_speaker(run: Run, text: str, speaker: str) -> None:
    claims = run(text)._.sitrep_claims
    assert claims and claims[0].speaker.text == speaker
    assert claims[0].speaker.name.startswith(("Peter Hart", "Jim Clyburn"))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ryan told a news conference they are planting the seeds to accomplish that.",
            "they are planting the seeds to accomplish that",
        ),
        (
            "Ryan told reporters they are “planting the seeds” to accomplish that.",
            "they are “planting the seeds” to accomplish that",
        ),
        # a complementiser before the pronoun still opens the clause
        (
            "Ryan told a news conference that they are planting the seeds.",
            "they are planting the seeds",
        ),
    ],
)
def test_told_a_longer_hearer_then_a_clause(run: Run, text: str, content: str) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.cue, c.content) for c in claims] == [("Ryan", "told", content)]


def test_second_verb_of_a_coordination_keeps_the_subject(run: Run) -> None:
    # two cue entries ("later tweeted", "tweeted") find the same first claim; the "said"
    # after "and" inherits its speaker from whichever of the twins is kept
    text = "Fields later tweeted a photograph of her bruised forearm and said she had been yanked backward."
    claims = run(text)._.sitrep_claims
    said = [c for c in claims if c.cue == "said"]
    assert [(c.speaker.name, c.content) for c in said] == [("Fields", "she had been yanked backward")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # the New York Times' doubled apostrophes, after the attribution
        ("He added, ''I think the old wisdom is correct.''", "He", "I think the old wisdom is correct."),
        (
            "The reality is, he added, ''there are no exemptions in war.''",
            "he",
            "there are no exemptions in war.",
        ),
        # a speaker after the quote who is described, not named
        ("“He is an amazing leader,” said the 46-year-old.", "the 46-year-old", "He is an amazing leader,"),
        ('"Watch out for the next strike," tweeted another.', "another", "Watch out for the next strike,"),
        (
            "“They will find a way to corrupt it,” wrote one commenter.",
            "one commenter",
            "They will find a way to corrupt it,",
        ),
    ],
)
def test_direct_quote_attributions(run: Run, text: str, speaker: str, content: str) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.content, c.kind) for c in claims] == [(speaker, content, "direct")]


@pytest.mark.parametrize(
    "text", ["“He is a leader,” said on Monday.", "“He is a leader,” said in a statement."]
)
def test_an_adjunct_after_the_cue_is_no_speaker(run: Run, text: str) -> None:
    assert run(text)._.sitrep_claims == []


def test_party_and_state_abbreviation_does_not_end_the_sentence(run: Run) -> None:
    # the blank pipeline's sentencizer cuts after "Vt." in "(I-Vt.)"
    text = "Sen. Bernie Sanders (I-Vt.) said he will make his medical records public."
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.speaker.name, c.content) for c in claims] == [
        ("Sen. Bernie Sanders (I-Vt.)", "Bernie Sanders", "he will make his medical records public")
    ]


def test_according_to_opening_a_reported_clause(run: Run) -> None:
    text = (
        "The AP reported that, according to an analysis of her calendar, "
        "85 of the 154 meetings were with donors."
    )
    claims = {(c.speaker.text, c.cue, c.content) for c in run(text)._.sitrep_claims}
    assert claims == {
        (
            "The AP",
            "reported",
            "according to an analysis of her calendar, 85 of the 154 meetings were with donors",
        ),
        ("an analysis of her calendar", "according to", "85 of the 154 meetings were with donors"),
    }


def test_a_participle_used_as_an_adjective_is_no_cue(run: Run) -> None:
    for text, speaker, content in [
        (
            "The report said the alleged attack on the depot was staged.",
            "The report",
            "the alleged attack on the depot was staged",
        ),
        (
            "He denied her alleged ties with Moscow were ever discussed.",
            "He",
            "her alleged ties with Moscow were ever discussed",
        ),
    ]:
        claims = run(text)._.sitrep_claims
        assert [(c.speaker.text, c.content) for c in claims] == [(speaker, content)], text


def test_a_quote_lead_is_its_verb_of_saying_not_a_verb_in_a_subordinate_clause(run: Run) -> None:
    text = (
        "Rabbi Marvin Hier, the founder of the center, has said that while he fears comparing any "
        "event to the Holocaust, ''I've never seen anything like it since the Holocaust.''"
    )
    claims = run(text)._.sitrep_claims
    quoted = [c for c in claims if c.kind == "direct"]
    assert [(c.speaker.text, c.cue, c.content) for c in quoted] == [
        (
            "Rabbi Marvin Hier, the founder of the center",
            "has said",
            "I've never seen anything like it since the Holocaust.",
        )
    ]
    # with no verb of saying before it, the lead's own last cue stays ("he demurred:")
    text = "Asked which county was his favorite, he demurred: “Whichever one I’m in at the moment.”"
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.cue) for c in claims if c.kind == "direct"] == [("he", "demurred")]


def test_reported_words_that_are_all_quoted_are_a_direct_quote(run: Run) -> None:
    text = "He says “it is interesting that so many people are undecided this late.”"
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.cue, c.content, c.kind) for c in claims] == [
        ("He", "says", "it is interesting that so many people are undecided this late.", "direct")
    ]
    # a quoted fragment inside reported words still makes them mixed
    text = "He says it is “interesting” that so many people are undecided this late."
    assert [c.kind for c in run(text)._.sitrep_claims] == ["mixed"]


def test_a_participle_after_a_medial_attribution_is_a_claim_of_its_own(run: Run) -> None:
    text = (
        "The shelling was heavy, the governor said on Tuesday in Kharkiv, adding that two people were hurt."
    )
    claims = run(text)._.sitrep_claims
    assert [(c.cue, c.content) for c in claims] == [
        ("said", "The shelling was heavy"),
        ("adding", "two people were hurt"),
    ]
    assert {c.speaker.name for c in claims} == {claims[0].speaker.name}
    assert claims[0].speaker.text == "the governor"


def test_a_relative_clause_that_reports_ends_the_inverted_speaker(run: Run) -> None:
    text = (
        "But that is not good enough, said Howard Rubel, a senior analyst at Jefferies, "
        "who notes that the margins have grown."
    )
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.cue, c.content) for c in claims] == [
        ("Howard Rubel, a senior analyst at Jefferies", "said", "But that is not good enough"),
        ("who", "notes", "the margins have grown"),
    ]
    assert claims[1].speaker.name == claims[0].speaker.name


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Kasich told reporters he’d be back in the state soon.", "he’d be back in the state soon"),
        (
            "And, Kasich tells the crowd, he’s been known to be tough in Ohio.",
            "he’s been known to be tough in Ohio",
        ),
    ],
)
def test_a_contracted_auxiliary_opens_the_told_clause(run: Run, text: str, content: str) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.content) for c in claims] == [("Kasich", content)]


def test_turn_and_section_labels_are_no_speakers(run: Run) -> None:
    text = (
        "Interview with the commander\n\n"
        "Q: Does the army have enough shells for the winter?\n"
        "A: Well, I think we have enough shells for now.\n"
        "Editor’s Note: The following is the third part of a series.\n"
        "Zelenskiy: We will not give up Bakhmut to the enemy.\n"
    )
    claims = run(text)._.sitrep_claims
    assert [(c.speaker.text, c.cue, c.content) for c in claims] == [
        ("Zelenskiy", ":", "We will not give up Bakhmut to the enemy")
    ]


def test_a_participle_after_a_preposition_is_an_adjective(run: Run) -> None:
    # a headline: "alleged" would otherwise report "coup plotter ..." said by "Manhunt underway for"
    text = "Headline\n\nManhunt underway for alleged coup plotter enmeshed in complex political network.\n"
    assert run(text)._.sitrep_claims == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "She told ABC’s “Good Morning America” on Monday the tone of the interview was cordial.",
            "the tone of the interview was cordial",
        ),
        ("He told reporters on Friday night the bridge had been hit.", "the bridge had been hit"),
    ],
)
def test_told_a_hearer_on_a_day_then_a_clause(run: Run, text: str, content: str) -> None:
    claims = run(text)._.sitrep_claims
    assert [(c.cue, c.content) for c in claims] == [("told", content)]
    assert run("He told reporters on Friday night.")._.sitrep_claims == []


def test_a_participle_clause_after_a_comma_is_no_speaker(run: Run) -> None:
    # found in re3d (BBC, 2016); the passive has no agent, and the clause after the comma
    # says what the missiles struck
    text = (
        "Days earlier, on 30 November, Israeli jets were reported to have fired missiles from "
        "Lebanese airspace into Syria, striking Sabboura, an area outside Damascus."
    )
    speakers = [c.speaker.text for c in run(text)._.sitrep_claims]
    assert not any(s and s.startswith("striking") for s in speakers)


def test_a_plural_noun_in_s_before_have_is_the_subject_not_the_cue(run: Run) -> None:
    # found in re3d (US State Department, 2016)
    text = "Recent media reports have speculated on the role that international forces will play."
    claims = run(text)._.sitrep_claims
    assert all(c.speaker.text != "Recent media" for c in claims)
    assert all(c.cue != "reports" for c in claims)
    # a verb in -s keeps its reading where a name stands before it
    found = [
        (c.speaker.text, c.cue)
        for c in run("The ministry reports that 40 drones were shot down.")._.sitrep_claims
    ]
    assert found == [("The ministry", "reports")]
