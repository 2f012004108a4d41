"""From an article's text and the earlier stages' records to ACLED-typed events.

Per sentence: find triggers, drop the non-factual ones, keep one per family,
then fill each event's arguments (sides and forces, place, date, counts) and
its claim link; finally fold repeated mentions of one event together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from sitrep.events import anchoring, arguments, linking, modality, triggers
from sitrep.events.resources import EventResources
from sitrep.records import Claim, DateMention, Event, Place, Quantity

_NOTE_LIMIT = 400
_OBJECT_REACH = 6  # characters between a trigger and a name that is its object
_SPACE = re.compile(r"\s+")


class EventDetector:
    def __init__(self, resources: EventResources) -> None:
        self.res = resources

    def _territory(self, sub_type: str, parts: arguments.Participants) -> str:
        """ACLED keeps 'regains'/'overtakes' for state vs non-state; state vs state is a clash."""
        if not parts.actor or not parts.target:
            return sub_type
        actor_ns, target_ns = parts.actor[0].non_state, parts.target[0].non_state
        if actor_ns and not target_ns:
            return "Non-state actor overtakes territory"
        if not actor_ns and target_ns:
            return "Government regains territory"
        return sub_type

    def detect(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        *,
        claims: Sequence[Claim] = (),
        places: Sequence[Place] = (),
        dates: Sequence[DateMention] = (),
        quantities: Sequence[Quantity] = (),
        published: str | None = None,
        doc: Doc | None = None,
    ) -> list[Event]:
        """``claims`` and ``places`` must be in the order their indices refer to."""
        res = self.res
        masks = [(d.start, d.end) for d in dates]
        drafts: list[linking.Draft] = []
        for si, sent in enumerate(sentences):
            hits = triggers.find_hits(text, sent[0], sent[1], res.triggers)
            if not hits:
                continue

            def factual(hit: triggers.TriggerHit, sent: tuple[int, int] = sent) -> bool:
                ci = linking.claim_at(claims, hit.start, hit.end)
                denial = ci is not None and claims[ci].polarity == "deny"
                reason = modality.irrealis(
                    text,
                    sent,
                    hit,
                    res.modality,
                    res.infinitives,
                    masks=masks,
                    check_negation=not denial,
                    doc=doc,
                )
                return reason is None

            for typed in triggers.choose(hits, factual, res.taxonomy.type_of, res.precedence):
                draft = self._draft(
                    text, sentences, si, typed, claims, places, dates, quantities, published, doc
                )
                if draft is not None:
                    drafts.append(draft)
        return [self._event(d) for d in linking.fold(drafts, places)]

    def _draft(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        si: int,
        typed: triggers.TypedTrigger,
        claims: Sequence[Claim],
        places: Sequence[Place],
        dates: Sequence[DateMention],
        quantities: Sequence[Quantity],
        published: str | None,
        doc: Doc | None = None,
    ) -> linking.Draft | None:
        res = self.res
        sent = sentences[si]
        hit = typed.hit
        ci = linking.claim_at(claims, hit.start, hit.end)
        claim = claims[ci] if ci is not None else None
        when = anchoring.choose_date(
            dates, sentences, si, (hit.start, hit.end), published=published, claim=claim
        )
        if when.trend:
            return None
        scope = (claim.start, claim.end) if claim is not None else sent
        parts = arguments.assign(text, scope, typed, res.forces, res.opponents, claim=claim, places=places)
        sub_type = self._territory(typed.sub_type, parts) if typed.territorial else typed.sub_type
        if (
            typed.event_type == "Battles"
            and not typed.territorial
            and not parts.sides()
            and self._unarmed_target(text, sent, hit, doc)
        ):
            sub_type = res.unarmed_sub_type
        taken = [(m.start, m.end) for m in res.forces.find(text, sent[0], sent[1]) if not m.alias_is_name]
        where = anchoring.choose_place(
            text,
            places,
            sent,
            (hit.start, hit.end),
            res.anchor_words,
            claim=claim,
            taken=taken,
            capitals=res.forces.capitals,
        )
        draft = linking.Draft(
            event_type=res.taxonomy.type_of(sub_type),
            sub_type=sub_type,
            sentence=si,
            trigger=hit.text,
            start=hit.start,
            end=hit.end,
            place=where.index,
            geo_precision=where.geo_precision,
            date=when.value,
            time_precision=when.time_precision,
            sides=list(parts.sides()),
            forces=list(parts.forces()),
            quantities=list(anchoring.counted_quantities(quantities, scope, res.anchor_words)),
            fatalities=anchoring.fatalities(text, sent, res.anchor_words),
            notes=_SPACE.sub(" ", text[sent[0] : sent[1]])[:_NOTE_LIMIT],
        )
        if claim is None:
            draft.narrated = True
        elif claim.polarity == "deny":
            draft.denied_by.append(ci)  # type: ignore[arg-type]
        else:
            draft.asserted_by.append(ci)  # type: ignore[arg-type]
        return draft

    def _unarmed_target(
        self, text: str, sent: tuple[int, int], hit: triggers.TriggerHit, doc: Doc | None
    ) -> bool:
        """The trigger's object is a person or civilians ("attacked a local official")."""
        if self.res.anchor_words.civilian_object.match(text, hit.end, sent[1]):
            return True
        if doc is None:
            return False
        after = [e for e in doc.ents if hit.end <= e.start_char < sent[1]]
        return bool(after) and after[0].label_ == "PERSON" and after[0].start_char - hit.end <= _OBJECT_REACH

    @staticmethod
    def _event(d: linking.Draft) -> Event:
        return Event(
            type=d.event_type,
            sub_type=d.sub_type,
            actors=tuple(d.sides),
            place=d.place,
            date=d.date,
            claims=tuple(sorted({*d.asserted_by, *d.denied_by})),
            quantities=tuple(d.quantities),
            trigger=d.trigger,
            start=d.start,
            end=d.end,
            actor_names=tuple(d.forces),
            asserted_by=tuple(d.asserted_by),
            denied_by=tuple(d.denied_by),
            geo_precision=d.geo_precision,
            time_precision=d.time_precision,
            fatalities=d.fatalities,
            notes=d.notes,
        )
