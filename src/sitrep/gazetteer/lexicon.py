"""The small hand-written word lists that steer toponym detection and resolution.

They live as data files in ``sitrep/data/gazetteer`` (see its README) so that
adding a title or a region cue never means touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import DataFileError
from sitrep.gazetteer.names import fold

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read lexicon: {exc}", source=str(path)) from exc
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    stopwords: frozenset[str]  # folded names never taken as places on their own
    titles: frozenset[str]  # lower-case titles that make the next name a person
    locative: frozenset[str]  # prepositions that signal a place follows
    region_after: frozenset[str]  # "region", "province" ... after a name
    region_before: frozenset[str]  # "all of", "regions of" ... before a name
    city_before: frozenset[str]  # "town of" ... before a name
    directions: dict[str, float]  # direction word -> bearing in degrees
    feature_after: frozenset[str] = frozenset()  # "street", "castle" ... after a name: a feature in a town
    feature_before: frozenset[str] = frozenset()  # "rue", "faubourg" ... before a name
    given_names: frozenset[str] = frozenset()  # folded first names (English, Ukrainian): alone, a person
    community_heads: frozenset[str] = frozenset()  # "community", "hromada" after a hromada's name
    community_qualifiers: frozenset[str] = frozenset()  # "territorial", "rural" between name and head
    name_particles: frozenset[str] = frozenset()  # "de", "von" ... between a first name and a surname

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> PlaceLexicon:
        after: set[str] = set()
        before: set[str] = set()
        for line in _lines(data_dir / "region_cues.tsv"):
            cue, where = line.split("\t")
            (after if where == "after" else before).add(cue)
        directions: dict[str, float] = {}
        for line in _lines(data_dir / "directions.tsv"):
            word, bearing = line.split("\t")
            directions[word] = float(bearing)
        heads: dict[str, set[str]] = {"after": set(), "before": set()}
        for line in _lines(data_dir / "feature_heads.tsv"):
            word, where = line.split("\t")
            heads[where].add(word)
        community: dict[str, set[str]] = {"head": set(), "qualifier": set()}
        for line in _lines(data_dir / "community_cues.tsv"):
            word, role = line.split("\t")
            community[role].add(word)
        return cls(
            stopwords=frozenset(_lines(data_dir / "stopwords.txt")),
            titles=frozenset(_lines(data_dir / "titles.txt")),
            locative=frozenset(_lines(data_dir / "locative_cues.txt")),
            region_after=frozenset(after),
            region_before=frozenset(before),
            city_before=frozenset(_lines(data_dir / "city_cues.txt")),
            directions=directions,
            feature_after=frozenset(heads["after"]),
            feature_before=frozenset(heads["before"]),
            given_names=frozenset(fold(name) for name in _lines(data_dir / "person_names.txt")),
            community_heads=frozenset(community["head"]),
            community_qualifiers=frozenset(community["qualifier"]),
            name_particles=frozenset(_lines(data_dir / "name_particles.txt")),
        )
