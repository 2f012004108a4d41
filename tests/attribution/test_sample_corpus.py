"""Wire-report phrasing read wrong in the bundled sample corpus, end to end and in small.

The sample corpus is the first thing a user sees (`sitrep demo`). Reading its output
turned up claims no reader would accept: a "statement posted on Telegram" as a speaker,
the month "May" as a hedge, "the governor of Luhansk, Serhiy Haidai" as a canonical
name, "He" resolved to "Ukrainian officials". Each rule is tested on a short text with
the rules-only pipeline, and the whole corpus is analysed once as `sitrep analyze` would.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from sitrep.analysis import Analyzer
from sitrep.ingest.jsonlfile import iter_jsonl
from sitrep.records import Article, ArticleAnalysis, Claim
from sitrep.samples import samples_path

Run = Callable[..., Doc]


def _claims(run: Run, text: str, published: str = "2023-02-17") -> list[Claim]:
    result: list[Claim] = run(text, published)._.sitrep_claims
    return result


def _by_cue(claims: list[Claim], cue: str) -> Claim:
    (found,) = [c for c in claims if c.cue == cue]
    return found


# ---- small texts, rules only -------------------------------------------------------------


def test_may_as_a_month_is_no_hedge(run: Run) -> None:
    (c,) = _claims(run, "His fighters would start pulling out on May 25, he said.")
    assert c.hedges == ()
    (c,) = _claims(run, "The unit may have withdrawn, he said.")
    assert c.hedges == ("may have",)


def test_a_denial_with_quotation_marks_inside_it(run: Run) -> None:
    text = (
        "Luhansk regional governor Serhiy Haidai spoke on Wednesday. But he said reports that "
        'Ukrainian forces had pulled back did "not correspond to reality".'
    )
    c = _by_cue(_claims(run, text), "said")
    assert c.polarity == "deny" and c.kind == "mixed"


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("In a post on Telegram, the ministry said Ukrainian troops had retreated in disorder.", "Telegram"),
        (
            "In a Telegram post early on Friday, Deputy Defence Minister Hanna Maliar said Russia had "
            "sent almost all of its main forces to the east.",
            "Telegram",
        ),
        (
            "In a video posted on Telegram, in which he stood holding a flag, Prigozhin said Bakhmut "
            "had been fully captured.",
            "Telegram",
        ),
        (
            "Denis Pushilin told Russia’s Channel One television that the two towns were close to "
            "being taken.",
            "TV",
        ),
        (
            "Serhiy Cherevatyi told the public broadcaster Suspilne that the troops had pulled out.",
            "Suspilne",
        ),
    ],
)
def test_channel_of_an_opening_phrase_or_a_named_broadcaster(run: Run, text: str, channel: str) -> None:
    (c,) = _claims(run, text)
    assert c.channel == channel


def test_an_opening_phrase_dates_the_statement(run: Run) -> None:
    text = "In a Telegram post early on Friday, Hanna Maliar said Russia had sent its main forces east."
    (c,) = _claims(run, text, "2023-01-13")
    assert c.said_on == "2023-01-13"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The head of the Russian mercenary group Wagner, Yevgeny Prigozhin, said his fighters had "
            "taken the town.",
            "Yevgeny Prigozhin",
        ),
        (
            "The mayor of Kramatorsk, Oleksandr Honcharenko, said there were no casualties.",
            "Oleksandr Honcharenko",
        ),
        (
            "A spokesperson for Ukraine's eastern military command, Serhiy Cherevatyi, said it was not "
            "true that the city had been captured.",
            "Serhiy Cherevatyi",
        ),
    ],
)
def test_a_role_before_the_name_is_no_part_of_the_canonical_name(run: Run, text: str, name: str) -> None:
    (c,) = _claims(run, text)
    assert c.speaker.name == name
    assert c.speaker.text is not None and c.speaker.text.endswith(name)


def test_the_role_alone_later_resolves_to_the_name(run: Run) -> None:
    text = (
        "The mayor of Kramatorsk, Oleksandr Honcharenko, said there were no casualties. According to "
        "the mayor, the missiles struck two educational buildings."
    )
    assert [c.speaker.name for c in _claims(run, text)] == ["Oleksandr Honcharenko"] * 2


def test_he_is_never_a_group(run: Run) -> None:
    text = (
        "Ukrainian officials said no one had been killed.\n\n"
        "Serhiy Cherevatyi, a spokesperson for Ukraine's eastern military command, dismissed the "
        "Russian figure. He said the missiles had damaged only civilian infrastructure."
    )
    claims = _claims(run, text)
    said = claims[-1]
    assert (said.speaker.text, said.speaker.name) == ("He", "Serhiy Cherevatyi")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Kyiv rejected the claims.", "Ukraine", "the claims"),
        ("Serhiy Cherevatyi dismissed the Russian figure.", "Serhiy Cherevatyi", "the Russian figure"),
        ("Ukrainian officials disputed the account.", "Ukrainian officials", "the account"),
        ("The judge rejected that argument in a ruling.", "judge", "that argument in a ruling"),
    ],
)
def test_rejecting_a_thing_said_is_a_denial(run: Run, text: str, speaker: str, content: str) -> None:
    (c,) = _claims(run, text)
    assert (c.speaker.name, c.content, c.polarity) == (speaker, content, "deny")


@pytest.mark.parametrize(
    "text",
    [
        # a noun with a relative clause that has no "that"
        "Moscow moved to annex the Kherson region in September, a move most countries have rejected "
        "as illegal.",
        # a condition
        "If the ministry rejected the offer, the talks would end.",
        # the object of a preposition is no subject of the participle after it
        "In a statement posted on Telegram, the regional council described heavy shelling overnight.",
        # the subject of the sentence's verb is the whole phrase before it, not "The incident came amid"
        "The incident came amid heightened attention to balloons after the United States shot one down.",
    ],
)
def test_no_claim_from_a_phrase_that_is_no_speaker(run: Run, text: str) -> None:
    speakers = [c.speaker.text for c in _claims(run, text)]
    assert not any(s and s.split()[0] in ("a", "If", "The", "In") for s in speakers), speakers


def test_statement_posted_on_telegram_is_the_channel_not_a_speaker(run: Run) -> None:
    text = (
        "In a statement posted on Telegram, the ministry said Russian reconnaissance had established "
        "that Ukrainian soldiers were staying in two dormitory buildings."
    )
    (c,) = _claims(run, text)
    assert (c.speaker.text, c.cue, c.channel) == ("the ministry", "said", "Telegram")


def test_according_to_with_a_relative_clause_about_the_source(run: Run) -> None:
    text = (
        "According to the administration, which posted the details on Telegram, the launches were "
        "possibly meant to wear down the air defences."
    )
    (c,) = _claims(run, text)
    assert c.content == "the launches were possibly meant to wear down the air defences"
    assert (c.speaker.text, c.channel, c.hedges) == ("the administration", "Telegram", ("possibly",))


def test_according_to_a_statement_carried_by_others(run: Run) -> None:
    text = (
        "Putin has congratulated the assault units on taking Bakhmut, according to a Kremlin "
        "statement carried by Russian state news agencies."
    )
    (c,) = _claims(run, text)
    assert c.speaker.text is not None and c.speaker.text.startswith("a Kremlin statement")
    assert (c.speaker.name, c.speaker.side) == ("Kremlin", "Russia")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Its statement did not mention Wagner, whose founder Yevgeny Prigozhin had said days earlier "
            "that his men held the town.",
            "his men held the town",
        ),
        (
            "Ukrainian officials said for days afterwards that fighting was continuing.",
            "fighting was continuing",
        ),
    ],
)
def test_a_time_span_before_that_belongs_to_the_cue(run: Run, text: str, content: str) -> None:
    c = _by_cue(_claims(run, text), "had said" if "had said" in text else "said")
    assert c.content == content


def test_a_verb_of_saying_inside_a_relative_clause(run: Run) -> None:
    text = (
        "Air defence units shot down six balloons over Kyiv on Wednesday, the administration said, "
        "adding that the objects, which it said were launched by Russia, may have been carrying "
        "equipment."
    )
    claims = _claims(run, text)
    adding = _by_cue(claims, "adding")
    assert adding.content.startswith("the objects, which it said")
    assert adding.speaker.name == "administration"  # "Wednesday, the administration" names no one
    inner = [c for c in claims if c.speaker.text == "it"]
    assert [c.content for c in inner] == ["were launched by Russia"]


def test_an_aside_inside_a_relative_clause(run: Run) -> None:
    text = (
        "The ministry said 600 servicemen had been killed in an attack on buildings where, it said, "
        "over 1,300 troops were temporarily based."
    )
    inner = [c for c in _claims(run, text) if c.speaker.text == "it"]
    assert [c.content for c in inner] == ["over 1,300 troops were temporarily based"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Even China, Pyongyang's only ally, said it was opposed to the test.",
            "China, Pyongyang's only ally",
        ),
        ("BRUSSELS - European leaders said they would spend more on defence.", "European leaders"),
        ("WASHINGTON -- President Obama said the museum would tell an American story.", "President Obama"),
        ("The gap between the plan and how experts say it would work has endured.", "experts"),
        (
            "Hillary Clinton, at a later press gaggle, said she had been briefed on the bombings.",
            "Hillary Clinton",
        ),
        (
            "“There was no basis for a prosecution,” said Rep. Elijah Cummings, the top Democrat on the "
            "committee, in a statement.",
            "Rep. Elijah Cummings, the top Democrat on the committee",
        ),
    ],
)
def test_words_around_a_speaker_that_are_no_part_of_it(run: Run, text: str, speaker: str) -> None:
    (c,) = _claims(run, text)
    assert c.speaker.text == speaker


# ---- the bundled sample corpus, as `sitrep analyze` reads it -----------------------------


@pytest.fixture(scope="module")
def corpus() -> list[ArticleAnalysis]:
    lines = samples_path().read_bytes().splitlines()
    articles = [a for a in iter_jsonl(lines, source=str(samples_path())) if isinstance(a, Article)]
    assert len(articles) == 14
    return list(Analyzer().analyze_many(articles))


def _all(corpus: list[ArticleAnalysis]) -> list[Claim]:
    return [c for a in corpus for c in a.claims]


def test_sample_corpus_has_no_phrase_speakers(corpus: list[ArticleAnalysis]) -> None:
    texts = {c.speaker.text for c in _all(corpus)}
    for wrong in ("a statement", "statement", "Images", "a move most countries", "The incident came amid"):
        assert wrong not in texts


def test_sample_corpus_names_people_by_their_names(corpus: list[ArticleAnalysis]) -> None:
    names = {c.speaker.name for c in _all(corpus)}
    assert {"Yevgeny Prigozhin", "Serhiy Haidai", "Serhiy Cherevatyi", "Oleksandr Honcharenko"} <= names
    assert not any("," in n for n in names), sorted(n for n in names if "," in n)


def test_sample_corpus_city_administration_is_kyivs(corpus: list[ArticleAnalysis]) -> None:
    city = [c for c in _all(corpus) if c.speaker.text == "the city's military administration"]
    assert len(city) == 4  # two reports of the same balloons, "said" and "adding" each
    assert {(c.speaker.name, c.speaker.side) for c in city} == {
        ("Kyiv City Military Administration", "Ukraine")
    }


def test_sample_corpus_no_month_hedges_and_denials_found(corpus: list[ArticleAnalysis]) -> None:
    claims = _all(corpus)
    assert not any("May" in c.hedges for c in claims)
    haidai = [c for c in claims if c.speaker.name == "Serhiy Haidai" and "correspond" in c.content]
    assert [c.polarity for c in haidai] == ["deny"]
    # "... in which he said his fighters had taken all of Bakhmut. Kyiv rejected the claims.":
    # the rejection is about the claim before it, so it takes that claim's content
    rejected = [c for c in claims if c.cue == "rejected" and "retreated" not in c.content]
    assert [(c.speaker.side, c.polarity, c.content) for c in rejected] == [
        ("Ukraine", "deny", "his fighters had taken all of Bakhmut")
    ]


# ---- more wire phrasing (written for these tests) ------------------------------------------


def test_a_widened_cue_keeps_the_stance_of_its_verb(run: Run) -> None:
    (c,) = _claims(run, "Moscow has repeatedly denied targeting civilians.")
    assert (c.cue, c.stance, c.polarity) == ("has repeatedly denied", "deny", "deny")


def test_a_refusal_to_comment_is_no_claim(run: Run) -> None:
    doc = run("Kremlin spokesman Dmitry Peskov declined to comment on the reports.")
    assert doc._.sitrep_claims == []
    assert [d.kind for d in doc._.sitrep_disclaimers] == ["no-comment"]


def test_citing_a_source_makes_one_claim(run: Run) -> None:
    text = (
        "Russia's state news agency TASS, citing the defence ministry, reported that air defences "
        "had downed three missiles over the Belgorod region."
    )
    (c,) = _claims(run, text)
    # the agency relays the ministry's claim: the ministry makes it, TASS is its channel
    assert (c.speaker.name, c.cue, c.channel) == ("defence ministry", "reported", "TASS")
    assert c.content == "air defences had downed three missiles over the Belgorod region"


def test_a_claim_the_reporter_could_not_verify_ends_before_the_noun(run: Run) -> None:
    text = (
        "The Russian Defence Ministry said its forces had repelled an attack near Kupiansk, a claim "
        "Sample Wire A could not verify."
    )
    (c,) = _claims(run, text)
    assert c.content == "its forces had repelled an attack near Kupiansk" and c.unverified


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        (
            "Officials in Kyiv, who spoke on condition of anonymity, said the counteroffensive would "
            "begin within weeks.",
            "Officials in Kyiv, who spoke on condition of anonymity",
            "Officials in Kyiv",
        ),
        (
            "The regional governor, Vitaliy Kim, wrote on Telegram that two people were killed.",
            "The regional governor, Vitaliy Kim",
            "Vitaliy Kim",
        ),
        (
            "Ban Ki-moon, the secretary general of the United Nations, said the talks had failed.",
            "Ban Ki-moon, the secretary general of the United Nations",
            "Ban Ki-moon",
        ),
        (
            "United States Citizenship and Immigration Services, the agency that runs the program, "
            "said it was taking additional steps.",
            "United States Citizenship and Immigration Services, the agency that runs the program",
            None,
        ),
        (
            "Michael Mulgrew, president of the United Federation of Teachers, which represents the "
            "city's educators, said he hoped the day sent a message.",
            "Michael Mulgrew, president of the United Federation of Teachers",
            "Michael Mulgrew",
        ),
        (
            "Proponents, including the United States Conference of Mayors, said the program should be kept.",
            "Proponents, including the United States Conference of Mayors",
            None,
        ),
    ],
)
def test_appositives_and_relative_clauses_around_a_speaker(
    run: Run, text: str, speaker: str, name: str | None
) -> None:
    (c,) = _claims(run, text)
    assert c.speaker.text == speaker
    if name is not None:
        assert c.speaker.name == name


def test_a_named_news_site_is_the_channel(run: Run) -> None:
    text = (
        "The head of Ukraine's military intelligence, Kyrylo Budanov, told the Ukrainska Pravda news "
        "site that Russia was preparing a new offensive."
    )
    (c,) = _claims(run, text)
    assert (c.speaker.name, c.channel) == ("Kyrylo Budanov", "Ukrainska Pravda")


def test_secretary_general_is_a_title(run: Run) -> None:
    text = "NATO Secretary-General Jens Stoltenberg told reporters that the alliance would support Ukraine."
    (c,) = _claims(run, text)
    assert (c.speaker.name, c.speaker.side, c.channel) == ("Jens Stoltenberg", "NATO", "reporters")


@pytest.mark.parametrize(
    "text",
    [
        "The governor said the ministry's claims were false.",
        "The governor said Russia's claims did not correspond to reality.",
        "Kyiv says their reports were fabricated.",
    ],
)
def test_a_possessed_noun_that_is_a_subject_reports_nothing(run: Run, text: str) -> None:
    """`the ministry's claims were false`: the claims are talked about; only the outer verb reports."""
    (c,) = _claims(run, text)
    assert c.cue in ("said", "says")
    assert c.speaker.text in ("The governor", "Kyiv")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Kyiv rejected Moscow's claims that its troops had retreated.",
            "Moscow's",
            "its troops had retreated",
        ),
        ("Haidai's warning was that the troops would attack.", "Haidai's", "the troops would attack"),
    ],
)
def test_a_possessed_noun_with_a_that_clause_still_reports(
    run: Run, text: str, speaker: str, content: str
) -> None:
    claims = _claims(run, text)
    assert any(c.speaker.text == speaker and c.content == content for c in claims)


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("“Why is this not proof that the bank is too big to fail?” Vitter demanded.", "demanded", "Vitter"),
        (
            "“This is proof,” countered the Ukrainian defence minister.",
            "countered",
            "the Ukrainian defence minister",
        ),
        ("“We will win!” the crowd chanted.", "chanted", "the crowd"),
    ],
)
def test_any_past_verb_right_after_a_quote_attributes_it(run: Run, text: str, cue: str, speaker: str) -> None:
    (c,) = _claims(run, text)
    assert (c.cue, c.speaker.text, c.kind) == (cue, speaker, "direct")


def test_a_quote_closed_on_a_full_stop_takes_no_verb_after_it(run: Run) -> None:
    assert _claims(run, "“This is proof.” Vitter smiled.") == []


def test_a_slash_inside_a_word_stays_in_the_speaker(run: Run) -> None:
    (c,) = _claims(run, "“They are 100 percent wrong,” said 9/11 widow Terry Strada.")
    assert c.speaker.text == "9/11 widow Terry Strada"
