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


def build_corpus(root: Path, workdir: Path) -> dict[str, Any]:
    """``fit.spacy`` and ``hold.spacy`` in ``workdir/corpus``; returns label counts."""
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
    out = workdir / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    for name, docbin in bins.items():
        docbin.to_disk(out / f"{name}.spacy")
    return {"articles": articles, "labels": dict(counts.most_common())}


def _labelled(nlp: Any, article: PolnearArticle) -> Any:
    doc = nlp.make_doc(article.text)
    for token in doc:
        token.tag_ = token_label(token.idx, token.idx + len(token.text), article.attributions)
    return doc


def train(root: Path, out: Path, workdir: Path, max_steps: int | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    corpus = build_corpus(root, workdir)
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
    args = parser.parse_args(argv)
    card = train(args.shared_data / "polnear", args.out or default_out(), args.workdir, args.max_steps)
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
