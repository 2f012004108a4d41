"""Which cue a direct quote takes when cues stand both after it and before or after it.

A cue after a closed quote is its attribution only when it belongs to the quote's own
clause, not when a coordinator opens a new clause (`," but he said ...`). A quote set off
by spaced dashes inside the reporter's sentence, with its own attribution after it, is a
quote of its own, not a fragment of the claim around it. Found in PolNeAR train hold-out
articles; written here as wire-style text. The controls (a trailing cue followed by a lead
cue; a quoted name between dashes) pass with or without these rules.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[..., Doc]


def _claims(run: Run, text: str) -> list[tuple[str | None, str | None, str, str]]:
    return [(c.speaker.text, c.cue, c.kind, c.content) for c in run(text)._.sitrep_claims]


def test_a_trailing_cue_followed_by_a_lead_cue_still_trails(run: Run) -> None:
    # "said" is the first quote's; "added:" leads the second
    text = "“We will win,” the general said, and added: “The enemy is retreating.”"
    claims = run(text)._.sitrep_claims
    assert [(c.cue, c.content) for c in claims] == [
        ("said", "We will win,"),
        ("added", "The enemy is retreating."),
    ]
    assert {c.speaker.name for c in claims} == {"general"}


def test_a_cue_after_a_coordinator_is_not_the_quotes_attribution(run: Run) -> None:
    text = (
        "Mr. Putin also came close to an admission, saying, “We never said there were no "
        "people there,” but he said they were not regular troops."
    )
    claims = run(text)._.sitrep_claims
    by_content = {c.content: c for c in claims}
    quote = by_content["We never said there were no people there,"]
    assert (quote.kind, quote.cue) == ("direct", "saying")
    assert quote.speaker.name == "Vladimir Putin"
    later = by_content["they were not regular troops"]
    assert (later.kind, later.cue, later.speaker.name) == ("indirect", "said", "Vladimir Putin")


def test_a_quote_between_spaced_dashes_is_its_own_claim(run: Run) -> None:
    text = (
        'Clinton suggested that the plan was unserious - "Again, we need to get into the '
        'details," she said - and charged that Sanders would jeopardize the law.'
    )
    found = _claims(run, text)
    assert ("Clinton", "suggested", "indirect", "the plan was unserious") in found
    assert ("she", "said", "direct", "Again, we need to get into the details,") in found
    # the quoted words and their cue are no part of the claim around them
    assert all("she said" not in content for _, _, _, content in found)


def test_a_quoted_name_between_dashes_is_still_no_claim(run: Run) -> None:
    text = "The ministry called the report — “a provocation” — and said nothing more."
    assert run(text)._.sitrep_claims == []


def test_an_unnamed_person_after_a_quote_is_its_speaker(run: Run) -> None:
    text = "“Gov. Christie, blink twice if you’re in trouble!” one person tweeted."
    assert _claims(run, text) == [
        ("one person", "tweeted", "direct", "Gov. Christie, blink twice if you’re in trouble!")
    ]


def test_a_quote_that_runs_on_into_the_sentence_keeps_its_lead_cue(run: Run) -> None:
    # the quote closes on a word and the sentence goes on with "against what ...": "sees"
    # is the sentence's own verb, not the quote's attribution
    text = (
        "Spokeswoman Olena Kovalenko said via email that, “Of course the ministry is going to "
        "defend itself” against what the ministry sees as a coordinated attack."
    )
    found = _claims(run, text)
    assert (
        "Spokeswoman Olena Kovalenko",
        "said",
        "direct",
        "Of course the ministry is going to defend itself",
    ) in found
    assert all(speaker != "the ministry" or kind != "direct" for speaker, _, kind, _ in found)


def test_a_quote_closing_on_a_word_still_trails_into_a_dated_cue(run: Run) -> None:
    found = _claims(run, "“We will not give up” on Monday the governor said.")
    assert found == [("the governor", "said", "direct", "We will not give up")]
    found = _claims(run, "“We will not give up” the governor said.")
    assert found == [("the governor", "said", "direct", "We will not give up")]
