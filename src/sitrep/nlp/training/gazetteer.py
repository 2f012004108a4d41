"""Rules added to the shipped pipeline with spaCy's built-in components.

Both are serialized as data (patterns) by spaCy's own ``entity_ruler`` and
``attribute_ruler``, so the saved pipeline still loads with ``spacy.load``
alone.

* :func:`theatre_place_patterns` - an ``entity_ruler`` placed *before* the
  statistical NER (which then respects the spans it sets) with the populated
  places of Ukraine (GeoNames cities500: every place of 500+ people, with its
  ASCII spelling variants such as Kiev/Kyiv, Artemivsk/Bakhmut), the larger
  towns (20,000+) of Russia, Belarus and Moldova and the names of countries
  (GeoNames countryInfo, except the U.S. forms that begin many organisation
  names), labelled GPE. The training
  corpora (web text, Wikinews, US/UK government releases) barely mention
  them, so the statistical model alone takes ``Luhansk`` or ``Bakhmut`` for a
  person. Names that could be something else are left out: shorter than four
  characters, seen in lower case in the training text (``Mir``, ``Lenin`` would
  be kept only if never lower-cased), or annotated as PERSON / ORG / NORP in
  the training data.
* :func:`auxiliary_lemma_patterns` - an ``attribute_ruler`` after the rule
  lemmatizer: spaCy's English rule tables have no entries for AUX, so ``had``
  would keep ``had`` as its lemma; UD lemmas (``have``, ``be``, ``do``, ``will``,
  ``can``, ``not``) are set for the closed class of auxiliary forms.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

THEATRE_ALL: frozenset[str] = frozenset({"UA"})
THEATRE_LARGE: frozenset[str] = frozenset({"RU", "BY", "MD"})
LARGE_POPULATION = 20_000
_NAME_RE = re.compile(r"^[A-Z][A-Za-z'’\-]+(?: [A-Z][A-Za-z'’\-]+)*$")
# Given names that are also (alternative) names of places: a place-name ruler
# placed before the NER must never take the first name of "Volodymyr Zelenskiy".
GIVEN_NAMES: frozenset[str] = frozenset(
    [
        "Volodymyr",
        "Serhiy",
        "Serhii",
        "Sergei",
        "Sergey",
        "Oleksandr",
        "Oleksiy",
        "Oleksii",
        "Mykola",
        "Ivan",
        "Petro",
        "Andriy",
        "Andrii",
        "Yuriy",
        "Yurii",
        "Vasyl",
        "Pavlo",
        "Dmytro",
        "Mykhailo",
        "Mykhaylo",
        "Oleh",
        "Viktor",
        "Vitaliy",
        "Vitalii",
        "Ihor",
        "Roman",
        "Taras",
        "Bohdan",
        "Yevhen",
        "Denys",
        "Vladimir",
        "Alexander",
        "Aleksandr",
        "Nikolai",
        "Nikolay",
        "Dmitry",
        "Dmitri",
        "Mikhail",
        "Yevgeny",
        "Evgeny",
        "Pavel",
        "Andrei",
        "Andrey",
        "Igor",
        "Oleg",
        "Valery",
        "Valeriy",
        "Anatoly",
        "Anatoliy",
        "Boris",
        "Borys",
        "Gennady",
        "Konstantin",
        "Kostiantyn",
        "Maxim",
        "Maksym",
        "Alexei",
        "Alexey",
        "Yuri",
        "Vadim",
        "Vadym",
        "Ruslan",
        "Denis",
        "Arsen",
        "Artem",
        "Stepan",
        "Semen",
        "Semyon",
        "Fedir",
        "Fyodor",
        "Hryhoriy",
        "Grigory",
        "Leonid",
        "Valentyn",
        "Yaroslav",
        "Vyacheslav",
        "Stanislav",
        "Rostyslav",
        "Volodymyra",
        "Olga",
        "Olha",
        "Tatiana",
        "Tetiana",
        "Natalia",
        "Nataliya",
        "Irina",
        "Iryna",
        "Svetlana",
        "Svitlana",
        "Yulia",
        "Yuliia",
        "Elena",
        "Olena",
        "Marina",
        "Maryna",
        "Lyudmila",
        "Liudmyla",
        "Galina",
        "Halyna",
        "Kateryna",
        "Ekaterina",
        "Oksana",
        "Sofia",
        "Daria",
        "Anna",
        "Maria",
        "Mariya",
        "Vira",
        "Nadiya",
        "Lyubov",
        "Hanna",
        "Ganna",
        "Larysa",
        "Larisa",
        "Valentyna",
        "Zoya",
        "Inna",
        "Alla",
        "Raisa",
        "Nina",
        "Zinaida",
        "Lidiya",
        "Yevheniya",
        "Victoria",
        "Viktoriya",
        "Alexandra",
        "Oleksandra",
        "Khrystyna",
        "Christina",
        "Kristina",
        "Pokrova",
        "Mariya",
        "Ivanka",
        "Petrivka",
    ]
)
# regions of the theatre that are not populated places
EXTRA_PLACES: tuple[tuple[str, str], ...] = (
    ("Donbas", "LOC"),
    ("Donbass", "LOC"),
    ("Crimea", "GPE"),
    ("Zaporizhzhia", "GPE"),
    ("Zaporizhia", "GPE"),
    ("Kherson", "GPE"),
    ("Luhansk", "GPE"),
    ("Donetsk", "GPE"),
    ("Kharkiv", "GPE"),
    ("Kyiv", "GPE"),
)


def theatre_place_names(shared: Path) -> set[str]:
    path = shared / "geonames" / "cities500_europe.jsonl.gz"
    names: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            country = record["countrycode"]
            if country in THEATRE_ALL or (
                country in THEATRE_LARGE and int(record.get("population") or 0) >= LARGE_POPULATION
            ):
                main = record["name"]
                for name in [main, *record.get("alternatenames", [])]:
                    minimum = 4 if name == main else 5
                    if len(name) >= minimum and _NAME_RE.match(name) and name not in GIVEN_NAMES:
                        names.add(name)
    return names


def exclusions_from_docs(docs: Iterable[Doc]) -> set[str]:
    """Surface strings a gazetteer must not claim: lower-case words and non-place entities."""
    out: set[str] = set()
    for doc in docs:
        for token in doc:
            if token.text[:1].islower():
                out.add(token.text.lower())
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "NORP"):
                out.add(ent.text.lower())
                for token in ent:
                    if ent.label_ == "PERSON":
                        out.add(token.text.lower())
    return out


# Country names that start many organisation names ("United States Army",
# "Bank of America"): left to the statistical NER, which handles them.
COUNTRIES_LEFT_TO_NER: frozenset[str] = frozenset({"United States", "America", "U.S.", "US", "USA"})
EXTRA_COUNTRIES: tuple[str, ...] = ("Britain", "Great Britain", "England", "Scotland", "Wales", "Holland")


def country_names(shared: Path) -> set[str]:
    """Country names of GeoNames countryInfo (column 5) plus common short forms."""
    names = set(EXTRA_COUNTRIES)
    path = shared / "geonames" / "countryInfo.tsv"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 5 or cols[0] == "ISO":
                continue
            name = cols[4].removeprefix("The ")
            if _NAME_RE.match(name) and name not in COUNTRIES_LEFT_TO_NER:
                names.add(name)
    return names


def theatre_place_patterns(shared: Path, exclude: set[str]) -> list[dict[str, Any]]:
    names = theatre_place_names(shared) | country_names(shared)
    patterns = [
        {"label": "GPE", "pattern": name, "id": "geonames"}
        for name in sorted(names)
        if name.lower() not in exclude and name.split()[0].lower() not in exclude
    ]
    patterns += [{"label": label, "pattern": name, "id": "sitrep"} for name, label in EXTRA_PLACES]
    return patterns


AUX_LEMMAS: dict[str, tuple[str, ...]] = {
    "be": ("am", "is", "are", "was", "were", "been", "being", "'m", "’m", "'re", "’re", "be"),
    "have": ("has", "had", "have", "having", "'ve", "’ve"),
    "do": ("does", "did", "do", "doing"),
    "will": ("will", "'ll", "’ll", "wo"),
    "can": ("can", "ca", "could"),
    "shall": ("shall",),
    "would": ("would",),
    "should": ("should",),
    "may": ("may",),
    "might": ("might",),
    "must": ("must",),
}


def auxiliary_lemma_patterns() -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for lemma, forms in AUX_LEMMAS.items():
        rules.append(
            {"patterns": [[{"POS": "AUX", "LOWER": {"IN": list(forms)}}]], "attrs": {"LEMMA": lemma}}
        )
    rules.append({"patterns": [[{"POS": "AUX", "LOWER": {"IN": ["'s", "’s"]}}]], "attrs": {"LEMMA": "be"}})
    rules.append({"patterns": [[{"LOWER": {"IN": ["n't", "n’t", "not"]}}]], "attrs": {"LEMMA": "not"}})
    return rules
