"""When a statement was made: the date attached to the cue, not to the reported event.

The dates stage (``doc._.sitrep_dates``) has already found and resolved date
expressions; a statement's date is one that sits in the attribution clause ("said on
Wednesday", "told Ukrainian TV on Wednesday") or opens the sentence before the
speaker ("On Jan. 20, a senior official said"). A date inside the content dates the
reported event and is left alone.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sitrep.records import DateMention
from sitrep.times.finder import parse_published

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "said on Wednesday", and as US wires write it, "said Wednesday" (not "Wednesday's")
_FALLBACK = re.compile(
    r"\b(?:(?:on|late on|early on|last)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"\b(?!['’])"
)
_DEICTIC = {"today": 0, "tonight": 0, "yesterday": 1}
_DEICTIC_DAY = re.compile(r"\b(?P<d>today|tonight|yesterday)\b(?!['’])", re.IGNORECASE)
_OPENER = re.compile(
    r"^\s*(?:(?:On|Late on|Early on|Last)\b[^,]{2,25}"
    # "In a post on Telegram, ", "In a video posted on Telegram, in which he ..., ": the
    # medium (and perhaps the day) of the statement the speaker then makes
    r"|In\s+(?:a|an|the|his|her|its|their)\s[^.;:!?\"“”]{2,160}"
    # "Speaking on state television, ", "Writing on Telegram, ": the participle of the
    # statement itself, with its medium
    r"|(?:Speaking|Writing|Posting|Appearing)\s+(?:on|in|to|at)\s[^.;:!?\"“”]{2,120}),\s*$"
)


def statement_date(
    clause_spans: list[tuple[int, int]],
    dates: list[DateMention],
    text: str,
    published: str | None,
    use_fallback: bool,
) -> str | None:
    """The ISO value of the first date mention inside any of the attribution clause spans."""
    for start, end in clause_spans:
        for mention in dates:
            if start <= mention.start and mention.end <= end and mention.value:
                return mention.value
        if use_fallback:
            m = _FALLBACK.search(text, start, end)
            if m is not None:
                return _weekday_before(published, m.group("wd"))
            d = _DEICTIC_DAY.search(text, start, end)
            if d is not None:
                return _days_before(published, _DEICTIC[d.group("d").lower()])
    return None


def _days_before(published: str | None, days: int) -> str | None:
    anchor = parse_published(published)
    return (anchor - timedelta(days=days)).isoformat() if anchor is not None else None


def sentence_opener(text: str, sentence_start: int, speaker_start: int) -> tuple[int, int] | None:
    """The span "On Jan. 20, " or "In a Telegram post early on Friday, " when a sentence
    opens with the statement's date or medium and then the speaker."""
    if speaker_start <= sentence_start:
        return None
    if _OPENER.match(text[sentence_start:speaker_start]):
        return (sentence_start, speaker_start)
    return None


def _weekday_before(published: str | None, weekday: str) -> str | None:
    """The latest such weekday on or before publication (news reports the recent past)."""
    anchor = parse_published(published)
    if anchor is None:
        return None
    return _days_before(published, (anchor.weekday() - _WEEKDAYS.index(weekday.lower())) % 7)
