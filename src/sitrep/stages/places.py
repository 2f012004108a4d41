"""The places stage: toponyms in the article, resolved to gazetteer places.

Finds mentions (gazetteer matching over capitalised runs, plus GPE/LOC/FAC
entities when the pipeline has NER), resolves each with article context, adds
relative locations ("150 km southwest of Bakhmut"), and stores one
:class:`sitrep.records.Place` per mention in ``doc._.sitrep_places``, in text
order. Choices worth knowing:

- Demonyms ("Russian") are not places by default: "Russian forces" says whose
  forces, not where they are, and events would otherwise be placed at a
  country's centre. The ``demonyms`` setting makes them country places for
  evaluation on corpora whose gold counts them (GeoWebNews, LGL, TR-News).
  Metonymic uses of a place ("Kyiv's forces", "Russia said") are kept as the
  place: whether the place acts is for the attribution and event stages to
  decide, and they need the place to do so.
- US counties ("Walker County") are places of kind "region" with precision "admin2".
- A relative location is an extra Place (kind "feature", precision "offset")
  whose span covers the whole phrase and overlaps its anchor's own mention.
- Named regions without an honest point ("the eastern front") keep lat/lon None.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.gazetteer.distance import offset_point
from sitrep.gazetteer.index import DEFAULT_INDEX, Gazetteer, GazetteerLike
from sitrep.gazetteer.lexicon import PlaceLexicon
from sitrep.gazetteer.precision import precision_of
from sitrep.gazetteer.relative import RelativeFinder
from sitrep.gazetteer.resolve import Resolver
from sitrep.gazetteer.toponyms import Mention, Token, ToponymFinder
from sitrep.nlp import extensions
from sitrep.records import Place, PlaceKind

_KIND_OF_ENT: dict[str, PlaceKind] = {"FAC": "feature", "LOC": "region", "GPE": "region"}


def doc_tokens(doc: Doc) -> list[Token]:
    """The spaCy-free view of a Doc that detection works on."""
    has_ents = doc.has_annotation("ENT_IOB")
    has_sents = doc.has_annotation("SENT_START")
    return [
        Token(
            text=t.text,
            start=t.idx,
            end=t.idx + len(t.text),
            sent_start=bool(t.is_sent_start) if has_sents else t.i == 0,
            ent=t.ent_type_ if has_ents else "",
        )
        for t in doc
    ]


def place_of(text: str, m: Mention) -> Place:
    """The record for one resolved (or NER-only) mention."""
    c = m.chosen
    mention = text[m.start : m.end]
    if c is None:
        return Place(
            mention=mention,
            start=m.start,
            end=m.end,
            name=mention,
            kind=_KIND_OF_ENT.get(m.ent, "region"),
            precision="region",
        )
    if m.feature:
        # A street or building placed at the town (or region) it lies in, only that precise. The
        # span is the place name inside it ("Texas" of "Texas Southern University"), as gold
        # sets mark it.
        start, end = m.part or (m.start, m.end)
        return Place(
            mention=text[start:end],
            start=start,
            end=end,
            name=mention,
            kind="feature",
            country=c.country,
            admin1=c.admin1 if c.kind in ("city", "admin1", "admin2") else None,
            lat=c.lat,
            lon=c.lon,
            precision=precision_of(c),
        )
    kind: PlaceKind = "region" if c.kind not in ("city", "admin1", "country", "region", "feature") else c.kind  # type: ignore[assignment]
    return Place(
        mention=mention,
        start=m.start,
        end=m.end,
        name=c.name,
        kind=kind,
        country=c.country,
        admin1=c.admin1 if c.kind in ("city", "admin1", "admin2") else None,
        lat=c.lat,
        lon=c.lon,
        geonames_id=c.id if c.id > 0 else None,
        precision=precision_of(c),
    )


class PlacesComponent:
    """Holds the gazetteer and lexicons for the life of the pipeline; opens nothing until first used."""

    def __init__(
        self, gazetteer: GazetteerLike, lexicon: PlaceLexicon | None = None, demonyms: bool = False
    ) -> None:
        self.gazetteer = gazetteer
        self._lexicon = lexicon
        self.demonyms = demonyms
        self._finder: ToponymFinder | None = None
        self._resolver: Resolver | None = None
        self._relative: RelativeFinder | None = None

    def parts(self) -> tuple[ToponymFinder, Resolver, RelativeFinder]:
        """Detection, resolution and relative-location parts, built on first use (evaluation reuses them)."""
        if self._finder is None or self._resolver is None or self._relative is None:
            lexicon = self._lexicon or PlaceLexicon.load()
            self._finder = ToponymFinder(self.gazetteer, lexicon, demonyms=self.demonyms)
            self._resolver = Resolver(self.gazetteer)
            self._relative = RelativeFinder(lexicon.directions)
        return self._finder, self._resolver, self._relative

    def set_demonyms(self, on: bool) -> None:
        """Switch demonym places on or off (evaluation follows each gold set's convention)."""
        self.demonyms = on
        if self._finder is not None:
            self._finder.demonyms = on

    def find(self, doc: Doc) -> list[Place]:
        finder, resolver, relative = self.parts()
        text = doc.text  # a property that re-joins every token: read it once
        tokens = doc_tokens(doc)
        mentions = resolver.resolve(finder.find(tokens, text), tokens)
        places: list[Place] = []
        for m in mentions:
            place = place_of(text, m)
            offset = relative.before(text, m.start) if place.lat is not None else None
            if offset is not None and place.lat is not None and place.lon is not None:
                lat, lon = offset_point(place.lat, place.lon, offset.distance_km, offset.bearing_deg)
                places.append(
                    Place(
                        mention=text[offset.start : m.end],
                        start=offset.start,
                        end=m.end,
                        name=f"{offset.distance_km:g} km {offset.direction} of {place.name}",
                        kind="feature",
                        country=place.country,
                        admin1=place.admin1,
                        lat=round(lat, 4),
                        lon=round(lon, 4),
                        precision="offset",
                        anchor=place.name,
                        offset_km=offset.distance_km,
                        bearing=offset.bearing_deg,
                    )
                )
            places.append(place)
        return places

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, extensions.PLACES, self.find(doc))
        return doc


@Language.factory(
    "sitrep_places",
    assigns=[f"doc._.{extensions.PLACES}"],
    default_config={"index_path": None, "demonyms": False},
)
def make_places(nlp: Language, name: str, index_path: str | None, demonyms: bool) -> PlacesComponent:
    extensions.register()
    return PlacesComponent(Gazetteer(Path(index_path) if index_path else DEFAULT_INDEX), demonyms=demonyms)
