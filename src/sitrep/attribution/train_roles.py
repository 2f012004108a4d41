"""Recipe: train the role tagger shipped in ``sitrep/data/attribution_model/roles``.

    sitrep train roles [--shared-data ../shared/data]
    python -m sitrep.attribution.train_roles --shared-data ../shared/data

Reads PolNeAR **train** only (first annotation of each article). Every token gets the
letters of the roles it has in any attribution: ``S`` source, ``C`` cue, ``Q`` content,
``O`` none ("CQ" for a cue inside another claim's content). Every tenth article (index
mod 10 = 7) is held out to choose the checkpoint; the dev split is never read, so
``sitrep eval attribution`` on dev stays a clean test. spaCy trains the tagger
(``roles.cfg`` beside this module: hash-embedding CNN + bidirectional LSTM, one thread).
The saved pipeline keeps no word list: its vocabulary strings are reduced to the labels,
so no text of the corpus ships with the weights.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sitrep.attribution.roles import CARD_FILE, LETTERS, ROLES, RoleFrameSettings
from sitrep.errors import SitrepError
from sitrep.evaluation.attribution import Attribution, PolnearArticle, load_polnear

CONFIG = Path(__file__).resolve().parent / "roles.cfg"
HOLD_OUT = 7  # article index mod 10 held out for checkpoint selection


def token_label(start: int, end: int, attributions: tuple[Attribution, ...]) -> str:
    """The role letters of the text ``start``..``end`` (sorted, "O" for none)."""
    letters = {
        LETTERS[role]
        for a in attributions
        for role in ROLES
        if any(s < end and start < e for s, e in getattr(a, role))
    }
    return "".join(sorted(letters)) or "O"


def build_corpus(root: Path, workdir: Path, silver: list[str] | None = None) -> dict[str, Any]:
    """``fit.spacy`` and ``hold.spacy`` in ``workdir/corpus``; returns label counts.

    ``silver`` texts, labelled by the role encoder (:func:`silver_doc`), join the fit half
    only: the hold-out that picks the checkpoint stays PolNeAR's own annotation.
    """
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    bins = {"fit": DocBin(), "hold": DocBin()}
    counts: Counter[str] = Counter()
    articles = 0
    for i, article in enumerate(load_polnear(root, "train")):
        doc = _labelled(nlp, article)
        counts.update(t.tag_ for t in doc)
        bins["hold" if i % 10 == HOLD_OUT else "fit"].add(doc)
        articles += 1
    silver_counts: Counter[str] = Counter()
    if silver:
        from sitrep.attribution.role_encoder import RoleEncoder

        encoder = RoleEncoder()
        for text in silver:
            doc = silver_doc(nlp, encoder, text)
            silver_counts.update(t.tag_ for t in doc)
            bins["fit"].add(doc)
    out = workdir / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    for name, docbin in bins.items():
        docbin.to_disk(out / f"{name}.spacy")
    report: dict[str, Any] = {"articles": articles, "labels": dict(counts.most_common())}
    if silver:
        report["silver"] = {"texts": len(silver), "labels": dict(silver_counts.most_common())}
    return report


def silver_doc(nlp: Any, encoder: Any, text: str) -> Any:
    """``text`` tokenized as the gold articles are, each token tagged with the roles the role
    encoder gives it at p >= 0.5 (:meth:`RoleEncoder.read`, as the pipeline reads them): the
    teacher's reading for the smaller tagger to learn."""
    doc = nlp.make_doc(text)
    scores = encoder.read(doc)[0].scores
    for k, token in enumerate(doc):
        letters = "".join(sorted(LETTERS[r] for r in ROLES if scores.probs[r][k] >= 0.5))
        token.tag_ = letters or "O"
    return doc


def fnc1_texts(shared_data: Path) -> list[str]:
    """FNC-1 train bodies outside the stance evaluation's held-out buckets: news text with
    plenty of reporting ("according to", "claimed") and none of PolNeAR's dev articles."""
    import csv

    from sitrep.storylines.stance_data import held_out

    path = shared_data / "fnc1" / "train" / "train_bodies.csv"
    if not path.is_file():
        raise SitrepError(f"FNC-1 train bodies not found: {path}")
    with path.open(encoding="utf-8") as f:
        return [
            row["articleBody"]
            for row in csv.DictReader(f)
            if not held_out(row["Body ID"]) and row["articleBody"].strip()
        ]


def _labelled(nlp: Any, article: PolnearArticle) -> Any:
    doc = nlp.make_doc(article.text)
    for token in doc:
        token.tag_ = token_label(token.idx, token.idx + len(token.text), article.attributions)
    return doc


def train(
    root: Path, out: Path, workdir: Path, max_steps: int | None = None, silver: list[str] | None = None
) -> dict[str, Any]:
    started = time.perf_counter()
    corpus = build_corpus(root, workdir, silver)
    overrides: dict[str, Any] = {
        "paths.train": str(workdir / "corpus" / "fit.spacy"),
        "paths.dev": str(workdir / "corpus" / "hold.spacy"),
    }
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    # a child process, so that OMP_NUM_THREADS=1 holds before numpy starts; it imports
    # sitrep.attribution.roles to register the architecture the config names
    script = (
        "import json, sys; import sitrep.attribution.roles; from spacy.cli.train import train; "
        "train(sys.argv[1], sys.argv[2], overrides=json.loads(sys.argv[3]))"
    )
    command = [sys.executable, "-c", script, str(CONFIG), str(workdir / "model"), json.dumps(overrides)]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    subprocess.run(command, check=True, env=env)
    best = workdir / "model" / "model-best"
    meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    card = {
        "model": "spaCy tagger: hash-embedding CNN + BiLSTM (sitrep.RoleTok2Vec.v1), labels = role letters",
        "trained_on": "PolNeAR train, first annotation of each article; every 10th article held out",
        "corpus": corpus,
        "hold_out_token_accuracy": meta.get("performance", {}).get("tag_acc"),
        "seconds": round(time.perf_counter() - started, 1),
        # chosen on the hold-out with the shipped weights (see the model folder's README)
        "frame": asdict(RoleFrameSettings()),
    }
    assemble(best, out, card)
    return card


def assemble(best: Path, out: Path, card: dict[str, Any]) -> None:
    """Copy the chosen checkpoint to ``out`` without the corpus's word list."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)
    labels = json.loads((out / "meta.json").read_text(encoding="utf-8"))["labels"]["tagger"]
    (out / "vocab" / "strings.json").write_text(json.dumps(sorted(labels)), encoding="utf-8")
    (out / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")


def default_out() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "attribution_model" / "roles"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--shared-data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--workdir", type=Path, default=Path("training/roles"))
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument(
        "--silver",
        action="store_true",
        help="also fit on FNC-1 train bodies labelled by the shipped role encoder",
    )
    parser.add_argument("--corpus-only", action="store_true", help="build the DocBins and stop")
    args = parser.parse_args(argv)
    silver = fnc1_texts(args.shared_data) if args.silver else None
    if args.corpus_only:
        print(json.dumps(build_corpus(args.shared_data / "polnear", args.workdir, silver), indent=2))
        return
    card = train(
        args.shared_data / "polnear", args.out or default_out(), args.workdir, args.max_steps, silver
    )
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
