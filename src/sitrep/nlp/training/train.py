"""Train sitrep's English pipeline from shared/data and assemble the shipped model.

Steps (``sitrep train nlp`` or ``python -m sitrep.nlp.training``):

1. convert the corpora to DocBins (:func:`sitrep.nlp.training.corpora.build_corpora`);
   with ``--ner-vectors`` also derive static word vectors for the NER from the
   shipped MiniLM encoder (:func:`sitrep.nlp.training.vectors.build_vectors`);
2. train ``configs/parser.cfg`` (tok2vec, tagger, morphologizer, parser), then
   ``configs/ner.cfg`` (ner with its own tok2vec, started from the parser run's
   tok2vec weights; with ``--ner-vectors`` it also reads the vectors) with
   ``spacy train``, each single-threaded;
3. assemble ``model-best`` of both runs into one pipeline, add the rule
   lemmatizer (tables from ``spacy-lookups-data``, POS from the morphologizer),
   re-apply the news tokenizer rules, write meta/licences, and save it so that
   plain ``spacy.load(path)`` works without sitrep installed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, EntityRecognizer, EntityRuler, Lemmatizer
from spacy.tokens import DocBin
from thinc.api import Config

from sitrep.nlp import tokenizer as news_tokenizer
from sitrep.nlp.training import callbacks as training_callbacks
from sitrep.nlp.training import gazetteer
from sitrep.nlp.training.corpora import build_corpora
from sitrep.nlp.training.labels import SHIPPED_LABELS
from sitrep.nlp.training.vectors import build_vectors

log = logging.getLogger(__name__)

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
PARSER_CONFIG = CONFIG_DIR / "parser.cfg"
NER_CONFIG = CONFIG_DIR / "ner.cfg"

MODEL_NAME = "sitrep_news"
MODEL_VERSION = "0.1.0"

TRAINING_SOURCES: tuple[dict[str, str], ...] = (
    {
        "name": "UD English EWT v2.16 (train)",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
        "used_for": "tagger, morphologizer, parser",
    },
    {
        "name": "UD English GUM (train; genres news, interview, bio, voyage, textbook, vlog, speech only)",
        "url": "https://github.com/amir-zeldes/gum",
        "license": "CC BY (texts of these genres; see GUM LICENSE.txt); NC genres excluded",
        "used_for": "tagger, morphologizer, parser, ner (person/place/organization names)",
    },
    {
        "name": "Universal NER English-EWT (draft train 0c7ce0d; OTH -> NORP)",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "license": "CC BY-SA 4.0",
        "used_for": "ner",
    },
    {
        "name": "Dstl re3d (subsets: Australian DFAT, CENTCOM, EU Delegation to Syria, UK Government, "
        "US State Department, Wikipedia; BBC Online excluded, CC BY-NC)",
        "url": "https://github.com/dstl/re3d",
        "license": "CC BY 3.0 AU / public domain / EC reuse notice / OGL v3.0 / public domain / CC BY-SA 3.0",
        "used_for": "ner",
    },
    {
        "name": "GeoNames (countryInfo, admin1CodesASCII, cities15000, cities500 Europe)",
        "url": "https://www.geonames.org/",
        "license": "CC BY 4.0",
        "used_for": "theatre_places entity ruler, GPE/LOC split of training labels, vector vocabulary",
    },
    {
        "name": "spacy-lookups-data English lemmatizer tables",
        "url": "https://github.com/explosion/spacy-lookups-data",
        "license": "MIT",
        "used_for": "lemmatizer (rule mode)",
    },
)


# Added to the sources (meta.json, LICENSE) when the NER reads static vectors (``--ner-vectors``).
VECTORS_SOURCE: dict[str, str] = {
    "name": "all-MiniLM-L6-v2 (sentence-transformers; int8 ONNX export shipped in sitrep/data/encoder)",
    "url": "https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2",
    "license": "Apache-2.0",
    "used_for": "ner static word vectors (each vocabulary word embedded alone, PCA to 64 dimensions)",
}


@dataclass(frozen=True, slots=True)
class TrainResult:
    out: Path
    seconds_convert: float
    seconds_vectors: float
    seconds_parser: float
    seconds_ner: float
    seconds_total: float
    size_bytes: int


def thread_env() -> dict[str, str]:
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        env[var] = "1"
    return env


def train_command(config: Path, output: Path, train: Path, dev: Path, overrides: dict[str, str]) -> list[str]:
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(config),
        "--output",
        str(output),
        "--code",
        training_callbacks.__file__,
        "--paths.train",
        str(train),
        "--paths.dev",
        str(dev),
    ]
    for key, value in overrides.items():
        cmd += [f"--{key}", value]
    return cmd


def run_training(
    shared: Path,
    workdir: Path,
    out: Path,
    *,
    parser_steps: int | None = None,
    ner_steps: int | None = None,
    convert: bool = True,
    train_parser: bool = True,
    ner_vectors: bool = False,
) -> TrainResult:
    """Run all steps; returns timings. Logs of the runs go to ``workdir/{parser,ner}.log``.

    The runs are sequential: the NER starts from the tok2vec weights of the
    parser run's ``model-best`` (``ner.cfg`` → ``paths.parser_model``). With
    ``ner_vectors`` it also reads static vectors built into ``workdir/vectors``
    (``paths.vectors``, ``include_static_vectors = true``). With
    ``train_parser=False`` an existing ``workdir/parser/model-best`` is reused.
    """
    started = time.monotonic()
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / "corpus"
    if convert:
        log.info("converting corpora into %s", corpus)
        build_corpora(shared, workdir)
    converted = time.monotonic()
    vectors = workdir / "vectors"
    if ner_vectors:
        build_vectors(corpus, shared, vectors)
    vectors_built = time.monotonic()
    parser_best = workdir / "parser" / "model-best"
    durations: dict[str, float] = {}
    if train_parser:
        durations["parser"] = _run_logged(
            "parser",
            train_command(
                PARSER_CONFIG,
                workdir / "parser",
                corpus / "parser_train",
                corpus / "parser_dev",
                {"training.max_steps": str(parser_steps)} if parser_steps else {},
            ),
            workdir,
        )
    elif not parser_best.is_dir():
        raise FileNotFoundError(f"no parser run to reuse: {parser_best} (train the parser first)")
    ner_overrides = {"paths.parser_model": str(parser_best)}
    if ner_vectors:
        ner_overrides["paths.vectors"] = str(vectors)
        ner_overrides["components.ner.model.tok2vec.embed.include_static_vectors"] = "true"
    if ner_steps:
        ner_overrides["training.max_steps"] = str(ner_steps)
    durations["ner"] = _run_logged(
        "ner",
        train_command(NER_CONFIG, workdir / "ner", corpus / "ner_train", corpus / "ner_dev", ner_overrides),
        workdir,
    )
    assemble(
        parser_best,
        workdir / "ner" / "model-best",
        out,
        shared=shared,
        corpus=corpus,
        training_seconds=time.monotonic() - started,
    )
    return TrainResult(
        out=out,
        seconds_convert=converted - started,
        seconds_vectors=vectors_built - converted,
        seconds_parser=durations.get("parser", 0.0),
        seconds_ner=durations.get("ner", 0.0),
        seconds_total=time.monotonic() - started,
        size_bytes=directory_size(out),
    )


def _run_logged(name: str, cmd: list[str], workdir: Path) -> float:
    """Run one single-threaded ``spacy train``; output to ``workdir/<name>.log``; seconds taken."""
    log.info("training %s: %s", name, " ".join(cmd))
    started = time.monotonic()
    with (workdir / f"{name}.log").open("wb") as log_file:
        proc = subprocess.run(cmd, stdout=log_file, stderr=subprocess.STDOUT, env=thread_env(), check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"spacy train ({name}) failed; see {workdir / (name + '.log')}")
    return time.monotonic() - started


def directory_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def assemble(
    parser_dir: Path,
    ner_dir: Path,
    out: Path,
    *,
    shared: Path | None = None,
    corpus: Path | None = None,
    training_seconds: float | None = None,
) -> Language:
    """Combine the two trained pipelines + rule lemmatizer (+ rulers) into ``out``.

    With ``shared`` (the shared/data folder) an ``entity_ruler`` of theatre place
    names is put before the NER; ``corpus`` (the DocBin folder) supplies the
    words it must not claim (see :mod:`sitrep.nlp.training.gazetteer`).
    """
    nlp = spacy.load(parser_dir)
    ner_nlp = spacy.load(ner_dir)
    # An NER that reads static vectors (the parser run's tok2vec never does) needs them in the
    # vocab, so the assembled pipeline takes the NER run's table before sourcing the component.
    with_vectors = ner_nlp.vocab.vectors.shape[0] > 0
    if with_vectors:
        nlp.vocab.vectors = ner_nlp.vocab.vectors
    nlp.add_pipe("ner", source=ner_nlp)
    lemmatizer = cast(
        Lemmatizer,
        nlp.add_pipe("lemmatizer", after="morphologizer", config={"mode": "rule", "overwrite": False}),
    )
    lemmatizer.initialize()  # English rule tables from spacy-lookups-data
    aux_ruler = cast(AttributeRuler, nlp.add_pipe("attribute_ruler", name="aux_lemmas", after="lemmatizer"))
    aux_ruler.add_patterns(gazetteer.auxiliary_lemma_patterns())
    if shared is not None:
        exclude: set[str] = set()
        if corpus is not None:
            for path in sorted((corpus / "ner_train").glob("*.spacy")):
                exclude |= gazetteer.exclusions_from_docs(DocBin().from_disk(path).get_docs(nlp.vocab))
        patterns = gazetteer.theatre_place_patterns(shared, exclude)
        ruler = cast(
            EntityRuler,
            nlp.add_pipe(
                "entity_ruler",
                name="theatre_places",
                before="ner",
                config={"overwrite_ents": False, "validate": False},
            ),
        )
        ruler.add_patterns(patterns)
        log.info("theatre_places: %d patterns", len(patterns))
    news_tokenizer.customize_tokenizer(nlp)
    ner_labels = sorted(cast(EntityRecognizer, nlp.get_pipe("ner")).labels)
    meta = dict(nlp.meta)
    meta.update(
        name=MODEL_NAME,
        version=MODEL_VERSION,
        description=(
            "sitrep's English pipeline for news/war reporting: tokenizer, tagger (PTB), morphologizer "
            "(UPOS+features), rule lemmatizer, dependency parser (UD relations, sentence boundaries) and "
            f"NER ({', '.join(SHIPPED_LABELS)}). CPU; "
            + (
                "the NER reads 64-d static word vectors derived from all-MiniLM-L6-v2 (Apache-2.0)."
                if with_vectors
                else "no word vectors."
            )
        ),
        author="sitrep project",
        license="CC BY-SA 4.0",
        sources=[*TRAINING_SOURCES, *([VECTORS_SOURCE] if with_vectors else [])],
        url="",
        email="",
    )
    meta.setdefault("labels", {})["ner"] = ner_labels
    vectors_info = vectors_dir_info(ner_dir)
    if vectors_info:
        meta["sitrep_vectors"] = vectors_info
    if training_seconds is not None:
        meta["sitrep_training_seconds"] = round(training_seconds)
    nlp.meta.update(meta)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    _clean_config(out / "config.cfg")
    (out / "LICENSE").write_text(
        LICENSE_TEXT.replace("{vectors}", VECTORS_LICENSE_TEXT if with_vectors else ""), encoding="utf-8"
    )
    return nlp


def vectors_dir_info(ner_dir: Path) -> dict[str, object] | None:
    """The provenance record of the vectors the NER run was initialised with, if it names them."""
    config = Config().from_disk(ner_dir / "config.cfg", interpolate=False)
    path = config["paths"].get("vectors")
    if not path or not (Path(path) / "vectors_info.json").is_file():
        return None
    info: dict[str, object] = json.loads((Path(path) / "vectors_info.json").read_text(encoding="utf-8"))
    return info


def _clean_config(path: Path) -> None:
    """Drop references to sitrep's training callback and local corpus paths from the saved config."""
    config = Config().from_disk(path, interpolate=False)
    config["initialize"]["before_init"] = None
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    if "vectors" in config["paths"]:
        config["paths"]["vectors"] = None
    config.to_disk(path)


LICENSE_TEXT = """sitrep English pipeline (sitrep_news) - data licences

The weights in this directory were trained by the sitrep project from:

* UD English EWT v2.16 (train) - CC BY-SA 4.0
* Universal NER English-EWT (draft train file) - CC BY-SA 4.0
* UD English GUM, train documents of the genres news, interview, bio, voyage
  (Wikimedia, CC BY), textbook (OpenStax, CC BY), vlog (YouTube CC BY), speech
  (public domain). Genres under CC BY-NC-SA (fiction, wikiHow) and the other
  genres are NOT used.
* Dstl re3d, subsets Australian DFAT (CC BY 3.0 AU), CENTCOM (public domain),
  EU Delegation to Syria (EC legal notice, reuse with attribution), UK Government
  (Open Government Licence v3.0), US State Department (public domain), Wikipedia
  (CC BY-SA 3.0). The BBC Online subset (CC BY-NC 3.0) is NOT used.
* Lemmatizer tables from spacy-lookups-data (MIT).
* GeoNames (CC BY 4.0): the theatre_places entity ruler and the GPE/LOC split
  of the training labels.
{vectors}
CoNLL-2003 was NOT used for training (no redistribution licence); its testb file
is only used as a cross-domain NER test.

Because EWT and UNER are ShareAlike, the trained pipeline is distributed under
CC BY-SA 4.0. See docs/model.md in the sitrep repository.
"""


VECTORS_LICENSE_TEXT = """* Static word vectors of the NER (vocab/vectors): each word of a vocabulary
  (training-text words, the whole words of the encoder's WordPiece vocabulary,
  words of GeoNames place names) embedded on its own with all-MiniLM-L6-v2
  (sentence-transformers, Apache-2.0; the int8 ONNX export in sitrep's
  data/encoder), reduced by PCA to 64 dimensions: a derivative of that model
  (Apache-2.0) and of GeoNames (CC BY 4.0).
"""


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m sitrep.nlp.training", description=__doc__)
    parser.add_argument(
        "--shared-data", type=Path, default=Path(os.environ.get("SITREP_SHARED_DATA", "../shared/data"))
    )
    parser.add_argument("--workdir", type=Path, default=Path("training"))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--parser-steps", type=int, default=None)
    parser.add_argument("--ner-steps", type=int, default=None)
    parser.add_argument("--skip-parser", action="store_true", help="reuse WORKDIR/parser/model-best")
    parser.add_argument(
        "--ner-vectors", action="store_true", help="NER reads static vectors derived from the MiniLM encoder"
    )
    parser.add_argument("--assemble-only", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    from sitrep.nlp.pipeline import shipped_model_path

    out = args.out or shipped_model_path()
    if args.assemble_only:
        assemble(
            args.workdir / "parser" / "model-best",
            args.workdir / "ner" / "model-best",
            out,
            shared=args.shared_data,
            corpus=args.workdir / "corpus",
        )
        print(json.dumps({"out": str(out), "size_bytes": directory_size(out)}))
        return 0
    result = run_training(
        args.shared_data,
        args.workdir,
        out,
        parser_steps=args.parser_steps,
        ner_steps=args.ner_steps,
        train_parser=not args.skip_parser,
        ner_vectors=args.ner_vectors,
    )
    print(json.dumps(_asdict(result), indent=1))
    return 0


def _asdict(result: TrainResult) -> dict[str, object]:
    return {
        "out": str(result.out),
        "seconds_convert": round(result.seconds_convert, 1),
        "seconds_vectors": round(result.seconds_vectors, 1),
        "seconds_parser": round(result.seconds_parser, 1),
        "seconds_ner": round(result.seconds_ner, 1),
        "seconds_total": round(result.seconds_total, 1),
        "size_bytes": result.size_bytes,
    }
