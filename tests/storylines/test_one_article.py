"""Storylines inside one article: the same event only, no chaining, a denial by the other side contests."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from sitrep.records import Article, Event
from sitrep.storylines import link
from sitrep.storylines.linker import Linker

from .handmade import BALLOONS, BALLOONS_2, SOLEDAR_RU, Said, article

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "examples"
EXAMPLE = EXAMPLES / "wire_report_2023-02-16.txt"
EXPECTED = EXAMPLES / "wire_report_2023-02-16.expected.json"

AID = Said("NATO", "Jens Stoltenberg", "alliance members were increasing production of artillery rounds")
TANKS = Said("European Union", "Josep Borrell", "countries should send as many tanks as possible to Ukraine")
SOLEDAR_MORE = Said("Russia", "Yevgeny Prigozhin", "Wagner units now control the whole of Soledar")
SOLEDAR_DENIAL = Said("Ukraine", "Serhiy Cherevatyi", "Russian forces had taken Soledar", "deny")
WAVES = Said("Ukraine", "Serhiy Cherevatyi", "the weather in the region was cold and wet all week")


def with_event(analysis, claims: tuple[int, ...]):  # type: ignore[no-untyped-def]
    """The events stage's verdict, set by hand: one battle at the first place citing ``claims``."""
    ev = Event("Battles", "Armed clash", ("Russia", "Ukraine"), place=0, claims=claims)
    return dataclasses.replace(analysis, events=(ev,))


def test_round_up_claims_without_a_common_event_do_not_chain(linker: Linker) -> None:
    a = article([SOLEDAR_RU, AID, TANKS, SOLEDAR_MORE], published="2023-01-11", outlet="Wire A")
    assert link([a], linker) == []


def test_event_members_with_other_wording_stay_out(linker: Linker) -> None:
    a = with_event(
        article([SOLEDAR_RU, SOLEDAR_DENIAL, WAVES], published="2023-01-11", outlet="Wire A"), (0, 1, 2)
    )
    (line,) = link([a], linker)
    assert [m.claim for m in line.members] == [0, 1]
    assert line.status == "contested"
    assert line.sides == {"Russia": "assert", "Ukraine": "deny"}


def test_explicit_denial_outweighs_context_claims_of_the_same_side(linker: Linker) -> None:
    context = Said("Ukraine", "Serhiy Cherevatyi", "Russian units were attacking Soledar in waves")
    a = article([SOLEDAR_RU], published="2023-01-11", outlet="Wire A")
    b = article([context, SOLEDAR_DENIAL], published="2023-01-11", outlet="Wire B")
    (line,) = link([a, b], linker)
    assert line.status == "contested"
    assert line.sides == {"Russia": "assert", "Ukraine": "deny"}


def _claim_index(contents: list[str], text: str, start_of: list[tuple[int, int]]) -> dict[int, int]:
    """Expected claim number -> our claim index, by overlapping spans."""
    out: dict[int, int] = {}
    for k, content in enumerate(contents):
        at = text.find(content)
        if at < 0:
            continue
        for i, (s, e) in enumerate(start_of):
            if min(e, at + len(content)) - max(s, at) >= 0.5 * min(e - s, len(content)):
                out[k] = i
                break
    return out


@pytest.mark.skipif(not EXPECTED.is_file(), reason="shared example not available")
def test_example_article_has_the_expected_contested_storyline(linker: Linker) -> None:
    from sitrep.analysis import Analyzer

    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    raw = EXAMPLE.read_text(encoding="utf-8")
    title, body = raw.split("\n", 1)
    analysis = Analyzer().analyze(
        Article.from_text(body.lstrip("\n"), title=title, published=expected["article"]["published"])
    )
    ours = _claim_index(
        [c["content"] for c in expected["claims"]],
        analysis.article.text,
        [(c.start, c.end) for c in analysis.claims],
    )
    (gold,) = expected["storylines"]
    wanted = {ours[k] for k in gold["claims"] if k in ours}
    assert len(wanted) >= len(gold["claims"]) - 1  # extraction found the expected claims

    lines = link([analysis], linker)
    assert len(lines) == 1
    (line,) = lines
    members = {m.claim for m in line.members}
    assert members <= wanted, "a claim about another event joined the storyline"
    assert len(members) >= len(wanted) - 1
    assert line.status == gold["status"] == "contested"
    assert line.sides == gold["sides"]


def test_a_place_in_a_speaker_title_does_not_locate_the_claim(linker: Linker) -> None:
    """'Kherson regional governor' names who speaks; the claim is about where the article says."""
    a = article(
        [Said("Ukraine", "Kherson regional governor", "Russian forces shelled Soledar overnight")],
        published="2023-01-11",
        outlet="Wire A",
    )
    speaker_start = a.article.text.index("Kherson")
    claim = dataclasses.replace(
        a.claims[0],
        content="no one was hurt",
        speaker=dataclasses.replace(
            a.claims[0].speaker, start=speaker_start, end=speaker_start + len("Kherson regional governor")
        ),
    )
    (view,) = linker.views(dataclasses.replace(a, claims=(claim,)))
    assert [p.name for p in view.places] == ["Soledar"]


def _dated(said: Said, *, published: str, outlet: str, event_date: str):  # type: ignore[no-untyped-def]
    a = with_event(article([said], published=published, outlet=outlet), (0,))
    return dataclasses.replace(a, events=(dataclasses.replace(a.events[0], date=event_date),))


def test_claims_tied_to_dated_events_link_only_within_days(linker: Linker) -> None:
    first = _dated(BALLOONS, published="2023-02-10", outlet="Wire A", event_date="2023-02-10")
    five_days_on = _dated(BALLOONS_2, published="2023-02-15", outlet="Wire B", event_date="2023-02-15")
    assert link([first, five_days_on], linker) == []  # two attacks, however alike the words
    next_day = _dated(BALLOONS_2, published="2023-02-11", outlet="Wire B", event_date="2023-02-11")
    (line,) = link([first, next_day], linker)
    assert line.status == "corroborated"


def test_a_denying_name_for_the_other_sides_report_contests_it(linker: Linker) -> None:
    from sitrep.analysis import Analyzer

    text = (
        "Russia's defence ministry said on Thursday its forces had destroyed a U.S.-made HIMARS "
        'launcher near Kramatorsk. Ukraine\'s military called the report "fake".'
    )
    analysis = Analyzer().analyze(Article.from_text(text, published="2023-02-16"))
    (line,) = link([analysis], linker)
    assert line.status == "contested"
    assert line.sides == {"Russia": "assert", "Ukraine": "deny"}
