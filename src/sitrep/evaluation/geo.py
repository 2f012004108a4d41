"""Geoparsing evaluation on the GeoWebNews, LGL, TR-News and GeoVirus dev files.

Two measures per corpus, both against gold toponyms that carry coordinates:

- end to end from raw text: toponym detection precision/recall/F1 (a predicted
  mention matches a gold one when their character spans overlap) and accuracy
  at 161 km (100 miles), the share of gold toponyms that a matching predicted
  place puts within 161 km of the gold point;
- resolution given gold spans: the resolver sees exactly the gold spans (with
  the rest of the article as context) and is scored at 161 km.

Relative-location places (precision "offset") are not toponyms and are left out
of detection scoring. Demonyms follow each gold set's convention: GeoWebNews
(type Non_Literal_Modifier), LGL and TR-News count adjectival and demonym uses
("Russian" -> Russia, "Americans" -> United States) as toponyms with the
country's point; GeoVirus does not annotate them. On the first three the places
stage runs with its ``demonyms`` setting on, which adds such mentions as
country places; on GeoVirus, and in the default pipeline, they are left out
(see :mod:`sitrep.stages.places`). ``demonyms=False`` turns them off
everywhere, to measure the stage exactly as the default pipeline runs.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from sitrep.gazetteer.distance import haversine_km
from sitrep.gazetteer.names import fold
from sitrep.gazetteer.toponyms import Mention
from sitrep.nlp import extensions
from sitrep.records import Place
from sitrep.stages.places import PlacesComponent, doc_tokens, place_of

ACCURACY_KM = 161.0
CORPORA: dict[str, str] = {
    "geowebnews": "geowebnews/dev/GWN.dev.xml",
    "lgl": "lgl/dev/lgl.dev.xml",
    "trnews": "trnews/dev/TR-News.dev.xml",
    "geovirus": "geovirus/dev/GeoVirus.dev.xml",
}
# corpora whose gold counts demonyms ("Russian") as toponyms of their country
DEMONYM_CORPORA = frozenset({"geowebnews", "lgl", "trnews"})
_GWN_TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Literal_Modifier",
        "Non_Literal_Modifier",
        "Metonymic",
        "Mixed",
        "Embedded_Literal",
        "Embedded_Non_Lit",
        "Coercion",
    }
)


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class GeoScores:
    corpus: str
    articles: int
    gold: int
    predicted: int
    detected: int  # gold toponyms overlapped by a prediction
    correct_predictions: int  # predictions overlapping some gold toponym
    within_161km: int  # end to end
    resolved_within_161km: int  # given gold spans
    seconds: float

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.detected / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy_161(self) -> float:
        return self.within_161km / self.gold if self.gold else 0.0

    @property
    def resolution_161(self) -> float:
        return self.resolved_within_161km / self.gold if self.gold else 0.0

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.seconds / self.articles if self.articles else 0.0


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None and text.strip() else None
    except ValueError:
        return None


def load_corpus(path: Path) -> list[GoldArticle]:
    """Read any of the four XML formats into text plus gold toponyms with coordinates."""
    root = ET.parse(path).getroot()
    articles: list[GoldArticle] = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        gold: list[GoldToponym] = []
        for node in [*article.iter("toponym"), *article.iter("location")]:
            kind = node.findtext("type")
            if kind is not None and kind not in _GWN_TOPONYM_TYPES:
                continue
            lat = _float(node.findtext("latitude") or node.findtext("gaztag/lat") or node.findtext("lat"))
            lon = _float(node.findtext("longitude") or node.findtext("gaztag/lon") or node.findtext("lon"))
            start, end = _float(node.findtext("start")), _float(node.findtext("end"))
            if lat is None or lon is None or start is None or end is None:
                continue
            first, last = _align(text, int(start), int(end), node.findtext("name"))
            gold.append(GoldToponym(first, last, lat, lon))
        articles.append(GoldArticle(text, tuple(gold)))
    return articles


def _align(text: str, start: int, end: int, name: str | None) -> tuple[int, int]:
    """GeoVirus offsets are one character late; snap to the stated name when it is close by."""
    if not name or text[start:end] == name:
        return start, end
    for shift in (-1, 1, -2, 2):
        if text[start + shift : start + shift + len(name)] == name:
            return start + shift, start + shift + len(name)
    return start, end


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _near(place_lat: float | None, place_lon: float | None, gold: GoldToponym) -> bool:
    if place_lat is None or place_lon is None:
        return False
    return haversine_km(place_lat, place_lon, gold.lat, gold.lon) <= ACCURACY_KM


def _places_component(nlp: Language) -> PlacesComponent:
    component = nlp.get_pipe("sitrep_places")
    if not isinstance(component, PlacesComponent):
        raise TypeError("sitrep_places is not the places component")
    return component


def _resolve_gold_spans(component: PlacesComponent, nlp: Language, article: GoldArticle) -> list[Place]:
    """Resolve exactly the gold spans, with detection's cues, so only resolution is measured."""
    finder, resolver, _ = component.parts()
    doc = nlp.make_doc(article.text)
    for _, proc in nlp.pipeline:
        if proc is component:
            break
        doc = proc(doc)
    tokens = doc_tokens(doc)
    detected = {(m.start, m.tok_start): m for m in finder.find(tokens, article.text)}
    by_start = {t.start: i for i, t in enumerate(tokens)}
    by_end = {t.end: i for i, t in enumerate(tokens)}
    keys = [fold(article.text[g.start : g.end]) for g in article.toponyms]
    found = component.gazetteer.candidates(keys)
    if component.demonyms:
        found.update(component.gazetteer.demonyms(k for k in keys if k not in found))
    mentions: list[Mention] = []
    for gold, key in zip(article.toponyms, keys, strict=True):
        i = by_start.get(gold.start, 0)
        j = by_end.get(gold.end, i) + 1
        seen = next((m for (s, _), m in detected.items() if s == gold.start), None)
        mention = Mention(
            gold.start, gold.end, key, list(found.get(key, [])), tok_start=i, tok_end=j, ent="GOLD"
        )
        if seen is not None:
            mention.region_form, mention.city_form = seen.region_form, seen.city_form
            mention.candidates = seen.candidates if seen.key == key else mention.candidates
            if seen.feature and seen.end == gold.end:
                # "Bourbon Street" as a gold span: resolved as detection marked it, by its name part
                mention.feature, mention.key, mention.candidates = True, seen.key, seen.candidates
        mentions.append(mention)
    return [place_of(article.text, m) for m in resolver.resolve(mentions, tokens)]


def evaluate_corpus(nlp: Language, name: str, articles: Sequence[GoldArticle]) -> GeoScores:
    component = _places_component(nlp)
    gold_n = predicted_n = detected = correct = within = resolved = 0
    seconds = 0.0
    for article in articles:
        t0 = time.perf_counter()
        doc = nlp(article.text)
        seconds += time.perf_counter() - t0
        places = [p for p in extensions.get_list(doc, extensions.PLACES) if p.precision != "offset"]
        gold = article.toponyms
        gold_n += len(gold)
        predicted_n += len(places)
        correct += sum(1 for p in places if any(_overlaps(p.start, p.end, g.start, g.end) for g in gold))
        for g in gold:
            hits = [p for p in places if _overlaps(p.start, p.end, g.start, g.end)]
            if hits:
                detected += 1
                if _near(hits[0].lat, hits[0].lon, g):
                    within += 1
        given = {(p.start, p.end): p for p in _resolve_gold_spans(component, nlp, article)}
        resolved += sum(1 for g in gold if (p := given.get((g.start, g.end))) and _near(p.lat, p.lon, g))
    return GeoScores(name, len(articles), gold_n, predicted_n, detected, correct, within, resolved, seconds)


def evaluate(
    nlp: Language,
    shared_data: Path,
    corpora: Iterable[str] = tuple(CORPORA),
    limit: int | None = None,
    demonyms: bool = True,
) -> list[GeoScores]:
    """Score the places stage of ``nlp`` on each named dev corpus found under ``shared_data``.

    ``limit`` keeps the first N articles of each corpus, for quick iteration; reported
    figures use the whole dev files. ``demonyms`` follows each corpus's gold convention
    when True and is off everywhere when False.
    """
    component = _places_component(nlp)
    results = []
    try:
        for name in corpora:
            path = shared_data / CORPORA[name]
            if path.is_file():
                articles = load_corpus(path)
                component.set_demonyms(demonyms and name in DEMONYM_CORPORA)
                results.append(evaluate_corpus(nlp, name, articles[:limit] if limit else articles))
    finally:
        component.set_demonyms(False)
    return results


def build_eval_pipeline(model: str | None = None) -> Language:
    """The base model (as ``build_pipeline`` chooses it) plus the places stage alone."""
    import sitrep.stages.places  # noqa: F401  registers the factory
    from sitrep.nlp.pipeline import choose_model, load_base

    extensions.register()
    nlp = load_base(choose_model(model))
    nlp.add_pipe("sitrep_places")
    return nlp
