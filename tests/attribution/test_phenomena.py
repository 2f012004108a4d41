"""Each attribution phenomenon on a short synthetic text (blank pipeline, rules only)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from sitrep.records import Claim, DateMention

Run = Callable[..., Doc]


def claims(doc: Doc) -> list[Claim]:
    result: list[Claim] = doc._.sitrep_claims
    for c in result:
        assert doc.text[c.start : c.end] == c.content
    return result


def speakers(run: Run, text: str) -> list[str]:
    """The speaker of each claim of ``text``, as written, in order."""
    return [c.speaker.text for c in claims(run(text))]


def test_curly_quote_with_trailing_attribution_and_channel(run: Run) -> None:
    doc = run("“Our troops pushed the enemy back from the village,” the ministry said on Telegram.")
    (c,) = claims(doc)
    assert c.kind == "direct"
    assert c.content.startswith("Our troops pushed")
    assert c.cue == "said"
    assert c.speaker.text == "the ministry"
    assert c.channel == "Telegram"


def test_quote_continues_in_next_paragraph_without_attribution(run: Run) -> None:
    text = (
        '"The enemy lost two tanks near the river," the Russian Defence Ministry said.\n\n'
        '"Its second line of defence also collapsed under our attacks."'
    )
    first, second = claims(run(text))
    assert second.kind == "direct" and second.cue is None
    assert second.speaker.text is None
    assert second.speaker.name == first.speaker.name == "Russian Defence Ministry"
    assert second.speaker.side == "Russia"


def test_interrupted_quote_shares_the_cue(run: Run) -> None:
    text = '"The attacks are coming in waves," Haidai said. "Our lines hold and will hold."'
    first, second = claims(run(text))
    assert first.speaker.text == "Haidai"
    assert second.cue == "said" and second.speaker.name == first.speaker.name


def test_attribution_before_a_quote(run: Run) -> None:
    text = 'The army said its units held the town but added: "The situation remains very difficult."'
    indirect, direct = claims(run(text))
    assert indirect.content == "its units held the town"
    assert direct.cue == "added" and direct.speaker.name == indirect.speaker.name


def test_according_to(run: Run) -> None:
    (c,) = claims(run("Three drones were shot down overnight, according to the Ukrainian military."))
    assert c.content == "Three drones were shot down overnight"
    assert c.speaker.name == "Armed Forces of Ukraine" and c.speaker.side == "Ukraine"
    assert c.cue == "according to"


def test_told_with_that_and_statement_date_from_dates_stage(run: Run) -> None:
    text = (
        "Serhiy Cherevatyi, spokesperson for Ukraine's eastern military command, "
        "told Ukrainian TV on Wednesday that fierce battles were being fought."
    )
    on = text.index("on Wednesday")
    doc = run(text, dates=[DateMention("on Wednesday", on, on + 12, "2023-02-15", "day")])
    (c,) = claims(doc)
    assert c.content == "fierce battles were being fought"
    assert c.speaker.name == "Serhiy Cherevatyi" and c.speaker.side == "Ukraine"
    assert c.channel == "TV" and c.said_on == "2023-02-15"


def test_date_inside_content_is_not_the_statement_date(run: Run) -> None:
    text = "The city administration said six balloons were shot down on Wednesday."
    on = text.index("on Wednesday")
    doc = run(text, dates=[DateMention("on Wednesday", on, on + 12, "2023-02-15", "day")])
    (c,) = claims(doc)
    assert c.said_on is None


def test_mixed_quote(run: Run) -> None:
    (c,) = claims(run('Borrell urged countries to send "as many tanks as possible" to Ukraine.'))
    assert c.kind == "mixed" and c.cue == "urged"


def test_pronoun_resolves_to_previous_person(run: Run) -> None:
    text = (
        "NATO Secretary General Jens Stoltenberg said members were increasing production.\n\n"
        '"We need to step up even more," he told reporters.'
    )
    _, second = claims(run(text))
    assert second.speaker.text == "he" and second.speaker.name == "Jens Stoltenberg"
    assert second.speaker.side == "NATO" and second.channel == "reporters"


def test_it_resolves_to_organisation_not_person(run: Run) -> None:
    text = (
        "Governor Oleh Smith said the bridge was hit. The capital's military administration said "
        'drones were destroyed. "Air defence worked well tonight," it said.'
    )
    *_, last = claims(run(text))
    assert last.speaker.text == "it" and last.speaker.type == "ORG"


def test_compositional_sides(run: Run) -> None:
    text = (
        "A senior U.S. administration official said Washington was advising caution. "
        "The town will be rebuilt, the head of the Russian-installed administration there said."
    )
    us, ru = claims(run(text))
    assert us.speaker.side == "United States" and us.speaker.type == "PERSON"
    assert ru.speaker.side == "Russia"


def test_unknown_speaker_has_no_side(run: Run) -> None:
    (c,) = claims(run("Maria Petrenko said the shelling had lasted all night."))
    assert c.speaker.name == "Maria Petrenko" and c.speaker.side is None


def test_spelling_variants_unify(run: Run) -> None:
    text = "Zelensky said the army would hold. Zelenskyy's office said talks were planned."
    first, second = claims(run(text))
    assert first.speaker.name == "Volodymyr Zelenskiy"
    assert second.speaker.name == "Office of the President of Ukraine"


def test_hedges_denial_and_embedded_report(run: Run) -> None:
    text = (
        "The ministry said the strike may have hit a depot. "
        'Haidai said: "Reports that allegedly our forces have retreated - '
        'this does not correspond to reality."'
    )
    hedged, denied = claims(run(text))
    assert hedged.hedges == ("may have",)
    assert denied.polarity == "deny" and denied.hedges == ()


def test_denial_from_cue_stance(run: Run) -> None:
    (c,) = claims(run("The Kremlin denied that its troops had shelled the plant."))
    assert c.polarity == "deny" and c.stance == "deny"


def test_disclaimer_marks_same_side_run_unverified(run: Run) -> None:
    text = (
        "Russia said it had captured the village. "
        "The Russian Defence Ministry said Ukrainian troops retreated, "
        "and Reuters was not able to independently verify this and other battlefield reports.\n\n"
        "Ukraine's military said it had repelled attacks. Russia did not immediately comment."
    )
    doc = run(text)
    cs = claims(doc)
    assert [c.unverified for c in cs] == [True, True, False]
    kinds = [d.kind for d in doc._.sitrep_disclaimers]
    assert kinds == ["unverified", "no-comment"]
    assert doc._.sitrep_disclaimers[0].text.startswith("Reuters was not able")


@pytest.mark.parametrize(
    "refusal",
    [
        "Kyiv has not commented on the claims.",
        "Ukraine's defence ministry hasn't commented on the report.",
        "The ministry did not publicly comment on the strike.",
        "Zelenskiy's office could not be reached for comment.",
        "The Kremlin refused to comment.",
    ],
)
def test_a_refusal_to_comment_is_a_disclaimer_and_no_claim(run: Run, refusal: str) -> None:
    doc = run("Russia said it had taken the village. " + refusal)
    assert [c.content for c in claims(doc)] == ["it had taken the village"]
    assert [d.kind for d in doc._.sitrep_disclaimers] == ["no-comment"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ukraine's General Staff reported 85 clashes along the front line.",
            "85 clashes along the front line",
        ),
        ("The Russian defence ministry reported heavy fighting near Bakhmut.", "heavy fighting near Bakhmut"),
        ("Ukraine's air force announced the downing of 30 drones.", "the downing of 30 drones"),
        ("Russia confirmed the loss of the flagship Moskva.", "the loss of the flagship Moskva"),
    ],
)
def test_a_report_of_an_event_by_its_noun_is_a_claim(run: Run, text: str, content: str) -> None:
    assert [c.content for c in claims(run(text))] == [content]


def test_a_report_of_a_thing_that_is_no_event_is_no_claim(run: Run) -> None:
    assert claims(run("Zelenskiy announced a visit to Washington.")) == []
    assert claims(run("The company reported strong earnings.")) == []


def test_noun_phrase_object_is_not_a_claim(run: Run) -> None:
    assert claims(run("Western allies announced more military aid including artillery rounds.")) == []
    assert claims(run("Russia calls the invasion a special military operation.")) == []


def test_coordinated_cue_takes_sentence_subject(run: Run) -> None:
    (c,) = claims(run("Ukraine is using shells faster than the West can make them and says it needs jets."))
    assert c.speaker.name == "Ukraine" and c.content == "it needs jets"


def test_what_a_speaker_did_not_say_is_no_claim(run: Run) -> None:
    doc = run(
        "The ministry said a strike had hit two barracks. "
        "The ministry did not say when the strike took place. "
        "The army declined to say whether the convoy had been hit."
    )
    assert [c.content for c in claims(doc)] == ["a strike had hit two barracks"]


def test_cue_inside_a_relative_clause_takes_no_content(run: Run) -> None:
    doc = run(
        "The strike came after a truce that President Vladimir Putin had declared unilaterally "
        "and that Kyiv had dismissed. Officials said the truce had been broken."
    )
    assert [c.content for c in claims(doc)] == ["the truce had been broken"]


def test_a_day_name_before_the_speaker_is_not_part_of_it(run: Run) -> None:
    (c,) = claims(run("On Monday the ministry had said that 63 soldiers were killed."))
    assert c.speaker.text == "the ministry"


def test_a_day_between_speaker_and_cue_is_skipped(run: Run) -> None:
    (c,) = claims(run("The ministry on Tuesday said that 63 soldiers were killed."))
    assert c.speaker.text == "The ministry"


def test_hedge_adverb_before_a_verb_of_saying_is_no_cue(run: Run) -> None:
    doc = run(
        "Russian bloggers criticised the commanders. "
        "Some reportedly said that stored ammunition made it worse."
    )
    # (the role encoder also reads "criticised the commanders" as a stance, PolNeAR-style)
    assert not any("reportedly" in (x.cue or "") for x in claims(doc))
    (c,) = [x for x in claims(doc) if "ammunition" in x.content]
    assert c.cue == "said"
    assert "reportedly" not in c.content
    assert c.hedges == ("reportedly",)


def test_middle_initials_and_abbreviated_titles_stay_in_the_speaker(run: Run) -> None:
    # the sentencizer breaks after "R." and "Del."; the speaker must still be whole
    text = (
        "Talks went on all week. Ronald R. Fieldstone, a Miami lawyer, said the program was working.\n\n"
        "Secretary of State John F. Kerry said the talks would resume on Monday.\n\n"
        "Del. Stacey Plaskett said the vote was close."
    )
    assert speakers(run, text) == [
        "Ronald R. Fieldstone, a Miami lawyer",
        "Secretary of State John F. Kerry",
        "Del. Stacey Plaskett",
    ]


def test_abbreviations_never_end_a_sentence_before_a_name() -> None:
    from sitrep.attribution.segments import join_abbreviations

    text = "Ask Del. Stacey Plaskett. John F. Kerry agreed. It was the U.S. Nobody else."
    parts = ["Ask Del.", "Stacey Plaskett.", "John F.", "Kerry agreed.", "It was the U.S.", "Nobody else."]
    spans = [(text.index(p), text.index(p) + len(p)) for p in parts]
    joined = join_abbreviations(text, spans, frozenset({"del."}))
    assert [text[s:e] for s, e in joined] == [
        "Ask Del. Stacey Plaskett.",
        "John F. Kerry agreed.",
        "It was the U.S.",  # an abbreviation of several letters may end a sentence
        "Nobody else.",
    ]


def test_a_break_before_a_lower_case_word_is_undone_with_or_without_abbreviations() -> None:
    from sitrep.attribution.segments import join_abbreviations

    text = "Sen. Bernie Sanders (I-Vt.) said he would go.\nthe next line stays apart."
    parts = ["Sen. Bernie Sanders (I-Vt.)", "said he would go.", "the next line stays apart."]
    spans = [(text.index(p), text.index(p) + len(p)) for p in parts]
    for abbreviations in (frozenset(), frozenset({"sen."})):
        joined = join_abbreviations(text, spans, abbreviations)
        assert [text[s:e] for s, e in joined] == [
            "Sen. Bernie Sanders (I-Vt.) said he would go.",
            "the next line stays apart.",  # a line break always ends a sentence
        ]
    # without abbreviations no break before a capitalised word is undone
    text = "John F. Kerry agreed."
    spans = [(0, 7), (8, len(text))]
    assert join_abbreviations(text, spans, frozenset()) == spans


def test_role_nouns_keep_their_prepositional_phrase_and_common_speaker_nouns(run: Run) -> None:
    text = (
        "Although Scott lacks a signature achievement, elected officials from both parties say "
        "he has forged a reputation as a hard worker.\n\n"
        "Experts on North Korea said the latest nuclear test could change that.\n\n"
        "Many voters said they would stay at home."
    )
    assert speakers(run, text) == [
        "elected officials from both parties",
        "Experts on North Korea",
        "Many voters",
    ]


def test_that_clause_after_a_cue_and_a_quoted_hearer(run: Run) -> None:
    text = (
        "In Honolulu, he told a meeting of island leaders that few people understood the stakes.\n\n"
        'Sanders told MSNBC\'s "Morning Joe" that nobody would question her intelligence.'
    )
    first, second = claims(run(text))
    assert first.content == "few people understood the stakes" and first.speaker.text == "he"
    assert second.content == "nobody would question her intelligence" and second.speaker.text == "Sanders"


def test_cue_with_a_colon_closing_its_paragraph_takes_the_next_one(run: Run) -> None:
    text = (
        "The governor spoke late.\n\n"
        "The governor added:\n\n"
        "It is typical of the ministry. It knows nothing, but the mouth never stops.\n\n"
        "Haidai said:\n\n"
        '"Our lines hold and will hold."'
    )
    first, second = claims(run(text))
    assert first.content.startswith("It is typical of the ministry.") and first.speaker.text == "The governor"
    assert first.content.endswith("never stops.")
    assert second.kind == "direct" and second.speaker.text == "Haidai" and second.cue == "said"


def test_medial_attribution_keeps_the_clause_before_it(run: Run) -> None:
    doc = run("The town was lost, the governor said, and the troops pulled back.")
    (c,) = claims(doc)
    assert c.content == "The town was lost" and c.speaker.text == "the governor"


def test_appositions_with_asides_state_tags_and_long_descriptions(run: Run) -> None:
    text = (
        "Rep. Gregory W. Meeks (D-N.Y.), chairman of the Black Caucus PAC, said members will raise cash.\n\n"
        "\u201cOur assumption is that the veto will be overridden,\u201d Senate Majority Leader "
        "Mitch McConnell, R-Ky., said Tuesday.\n\n"
        "David Kamin, an outside adviser to the campaign on tax and budget issues and an associate "
        "professor at New York University School of Law, said that the campaign was taking a close look."
    )
    assert speakers(run, text) == [
        "Rep. Gregory W. Meeks (D-N.Y.), chairman of the Black Caucus PAC",
        "Senate Majority Leader Mitch McConnell, R-Ky.",
        "David Kamin, an outside adviser to the campaign on tax and budget issues and an associate "
        "professor at New York University School of Law",
    ]


def test_a_determined_common_noun_speaks_through_a_lexicon_verb(run: Run) -> None:
    text = (
        "Six million jobs depend on exports, one slide says.\n\nThe ruling said the state had broken the law."
    )
    first, second = claims(run(text))
    assert first.speaker.text == "one slide" and first.content == "Six million jobs depend on exports"
    assert second.speaker.text == "The ruling" and second.content == "the state had broken the law"


def test_progressive_cues_and_promises(run: Run) -> None:
    text = (
        "Trump is also saying the vote is rigged.\n\n"
        "Demonstrators said they want justice, but pledged to remain civil."
    )
    first, second, third = claims(run(text))
    assert first.speaker.text == "Trump" and first.content == "the vote is rigged"
    assert third.cue == "pledged" and third.content == "to remain civil"
    assert third.speaker.name == second.speaker.name == "Demonstrators"


def test_quote_opening_after_a_full_stop_and_mixed_quote_marks(run: Run) -> None:
    text = (
        'The administration may be reluctant to act, Schiff said. "The other factor is the '
        'appearance of taking sides."\n\n'
        '"Oz has a huge bully pulpit, with the entire empire behind him,\u201d said David Gorski, a surgeon.'
    )
    first, second, third = claims(run(text))
    assert first.speaker.text == "Schiff" and first.content == "The administration may be reluctant to act"
    assert second.kind == "direct" and second.content.startswith("The other factor")
    assert second.speaker.name == "Schiff"
    assert third.kind == "direct" and third.speaker.text == "David Gorski, a surgeon"


def test_quote_ending_in_a_nested_quote_is_direct(run: Run) -> None:
    text = "\u201cYou say you \u2018accept responsibility for those people,\u2019\u201d Merkley said."
    (c,) = claims(run(text))
    assert c.kind == "direct" and c.speaker.text == "Merkley"
    assert c.content.startswith("You say you")


def test_coordinated_and_prepositional_speaker_names(run: Run) -> None:
    text = (
        "RT and its defenders say that the network is no more biased than any other.\n\n"
        "Federal and state officials said the program was rigged.\n\n"
        "The nonpartisan Commission on Presidential Debates says it will not change the rules.\n\n"
        "The town was shelled in Kyiv and officials said it was bad."
    )
    assert speakers(run, text) == [
        "RT and its defenders",
        "Federal and state officials",
        "The nonpartisan Commission on Presidential Debates",
        "officials",
    ]


def test_according_to_keeps_authors_and_appositions(run: Run) -> None:
    text = (
        "Training can reduce suicide, according to Craig Bryan, head of the National Center for Veterans.\n\n"
        "According to a new report by Politico, the campaign spent millions on ads."
    )
    first, second = claims(run(text))
    assert first.speaker.text == "Craig Bryan, head of the National Center for Veterans"
    assert second.speaker.text == "a new report by Politico"


def test_relative_clauses_roles_before_names_and_advisers_to(run: Run) -> None:
    text = (
        "Schiff, 56, who has served on the committee for a decade, told reporters that it is clear.\n\n"
        "The minister of the economy, Mr. Guajardo Villarreal, argues there is little point in it.\n\n"
        "But in recent days, advisers to Mr. Obama say, the president has grown exasperated."
    )
    assert speakers(run, text) == [
        "Schiff, 56, who has served on the committee for a decade",
        "The minister of the economy, Mr. Guajardo Villarreal",
        "advisers to Mr. Obama",
    ]


def test_description_between_dashes_belongs_to_the_speaker(run: Run) -> None:
    text = "Kall -- co-editor of a book on the debates -- said the candidate tended to make announcements."
    (c,) = claims(run(text))
    assert c.speaker.text == "Kall -- co-editor of a book on the debates"
    assert c.content == "the candidate tended to make announcements"


def test_chained_appositions_keep_the_name(run: Run) -> None:
    text = (
        "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said the rule was illegal."
    )
    (c,) = claims(run(text))
    assert c.speaker.text == "Scott Pruitt, the attorney general of Oklahoma, one of the states suing"


def test_then_between_speaker_and_cue(run: Run) -> None:
    (c,) = claims(run("The governor then said the town was taken."))
    assert c.speaker.text == "The governor" and c.content == "the town was taken"


def test_participle_speaker_keeps_a_lower_case_title_before_the_name(run: Run) -> None:
    text = (
        "Ukrainian military spokesman Serhiy Cherevatyi spoke on television, "
        "saying that the front was stable."
    )
    (c,) = [c for c in claims(run(text)) if c.cue == "saying"]
    assert c.speaker.text == "Ukrainian military spokesman Serhiy Cherevatyi"
    assert c.speaker.name == "Serhiy Cherevatyi"
    assert c.speaker.side == "Ukraine"


def test_a_channel_alone_is_no_claim_and_passes_its_channel_on(run: Run) -> None:
    text = (
        "Russian defence ministry spokesman Igor Konashenkov appeared on state TV, "
        "saying that the strikes had hit all targets."
    )
    (c,) = claims(run(text))
    assert (c.cue, c.content) == ("saying", "the strikes had hit all targets")
    assert c.speaker.name == "Igor Konashenkov" and c.channel == "TV"
    (v,) = claims(run("Zelenskiy shot back in a video address, saying the front was holding."))
    assert v.content == "the front was holding" and v.channel == "video"


def test_poll_share_with_participle_reports_what_people_said(run: Run) -> None:
    text = "Trump improved his standing, with 30 percent of voters saying they have a positive view of him."
    assert [(c.speaker.text, c.cue, c.content) for c in claims(run(text))] == [
        ("30 percent of voters", "saying", "they have a positive view of him")
    ]
    # any other absolute participle stays narration
    assert claims(run("The offensive stalled, with Kyiv describing conditions as difficult.")) == []
