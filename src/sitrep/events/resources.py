"""Everything the events stage reads from disk, loaded together, once per component."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitrep.events.anchoring import AnchorWords
from sitrep.events.forces import ForceDictionary
from sitrep.events.lexicon import (
    InfinitiveRules,
    ModalityRule,
    PrecedenceRule,
    TriggerRule,
    load_infinitives,
    load_modality,
    load_opponents,
    load_precedence,
    load_triggers,
    load_unarmed_target,
)
from sitrep.events.taxonomy import Taxonomy

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
EVENTS_DIR = DATA_DIR / "events"
ACTORS_DIR = DATA_DIR / "actors"


@dataclass(frozen=True, slots=True)
class EventResources:
    taxonomy: Taxonomy
    triggers: tuple[TriggerRule, ...]
    precedence: tuple[PrecedenceRule, ...]
    unarmed_sub_type: str
    modality: tuple[ModalityRule, ...]
    infinitives: InfinitiveRules
    opponents: dict[str, str]
    forces: ForceDictionary
    anchor_words: AnchorWords

    @classmethod
    def load(cls, events_dir: Path = EVENTS_DIR, actors_dir: Path = ACTORS_DIR) -> EventResources:
        taxonomy = Taxonomy.load(events_dir / "taxonomy.json")
        return cls(
            taxonomy=taxonomy,
            triggers=load_triggers(events_dir / "triggers.tsv", taxonomy),
            precedence=load_precedence(events_dir / "precedence.json", taxonomy),
            unarmed_sub_type=load_unarmed_target(events_dir / "precedence.json", taxonomy),
            modality=load_modality(events_dir / "modality.tsv"),
            infinitives=load_infinitives(events_dir / "infinitives.json"),
            opponents=load_opponents(events_dir / "conflicts.json"),
            forces=ForceDictionary.load(actors_dir / "actors.jsonl", actors_dir / "forces.jsonl"),
            anchor_words=AnchorWords.load(events_dir / "anchoring.json"),
        )
