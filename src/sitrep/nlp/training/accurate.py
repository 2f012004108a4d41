"""Recipe: the "accurate" pipeline variant, MiniLM fine-tuned for tags, parse and names at once.

    sitrep train nlp-accurate --shared-data ../shared/data
    python -m sitrep.nlp.training.accurate --shared-data ../shared/data

Maintainers only; needs torch, transformers and onnx at build time (install as for the role
encoder: ``data/encoder/README.md``). The run-time (:mod:`sitrep.nlp.accurate`) needs
onnxruntime, tokenizers and numpy.

Why a second pipeline: the shipped CNN pipeline learns every word from 300k words of
treebank text and no pretrained representation, which caps its parse and its names
(docs/model.md). all-MiniLM-L6-v2 (the storyline encoder's weights, Apache-2.0) has read
a billion sentence pairs; fine-tuned on the same treebank text it gives every word a vector
that knows its context. One encoder pass feeds seven small heads:

* UPOS, Penn tag and UD features (each a softmax over the training set's values);
* sentence start (a sigmoid per word: the trees are built per predicted sentence);
* the names, as BIO tags over PERSON, ORG, GPE, LOC, NORP;
* a biaffine arc scorer (Dozat & Manning 2017) and a label classifier on (dependent, head).

The encoder is uncased (it lower-cases its input), so each word's vector is joined with an
embedding of its shape (lower, Title, UPPER, mixed, with digits): capitals are most of the
evidence for a name.

Training: three rounds of 3 epochs (2,454 chunks of whole sentences, 460 steps of 16 per
round, AdamW, learning rates 1e-4 encoder and 1e-3 heads times 1, 0.5, 0.3), about 27
minutes a round on the 2-core VM. The sentence-start threshold is then chosen for the best
LAS on EWT dev and written to the card.

Training data are the DocBins of ``sitrep train nlp`` (``WORKDIR/corpus/ner_train``: EWT
train and the CC BY genres of GUM train with their parses and the names of UNER / GUM,
re3d with names only; tokens the converter marked missing carry no loss). Dev halves are only
measured: for the sentence threshold, and (by the maintainer) to decide whether a further
round helped. CoNLL-2003 is never read.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.inference import wordpiece_tokenizer
from sitrep.nlp.accurate import (
    CARD_FILE,
    CONTEXT,
    HEADS_FILE,
    LABELS_FILE,
    MODEL_FILE,
    NER_LABELS,
    WINDOW,
    accurate_dir,
    case_ids,
)

__all__ = ["Chunk", "chunks", "export", "fine_tune", "label_sets", "main", "new_parser", "train"]

CLS, SEP = 101, 102
# the per-word gold label fields of a Chunk (-1 = no loss)
GOLD_FIELDS = ("upos", "tag", "feats", "sent", "head", "dep", "ner")
MIN_FEATS = 2  # a UD feature string is a class when training text has it at least this often


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of whole sentences that fits one window, with its gold labels (-1 = no loss)."""

    ids: list[int]  # word pieces, without [CLS]/[SEP]
    case: list[int]  # shape class of each piece's word
    first: list[int]  # index of each word's first piece
    upos: list[int]
    tag: list[int]
    feats: list[int]
    sent: list[int]  # 1 sentence start, 0 not, -1 unknown
    head: list[int]  # index of the head word in the chunk, the word itself for a root, -1 none
    dep: list[int]
    ner: list[int]


def _docs(corpus: Path, part: str) -> list[Any]:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    docs: list[Any] = []
    for path in sorted((corpus / part).glob("*.spacy")):
        docs.extend(DocBin().from_disk(path).get_docs(vocab))
    if not docs:
        raise FileNotFoundError(f"no DocBins in {corpus / part} (run `sitrep train nlp` step 1 first)")
    return docs


def label_sets(docs: list[Any]) -> dict[str, list[str]]:
    """The classes of every head, from the training docs (sorted, so a rerun gives the same)."""
    upos: set[str] = set()
    tags: set[str] = set()
    deps: set[str] = set()
    feats: dict[str, int] = {}
    for doc in docs:
        for t in doc:
            if t.pos_:
                upos.add(t.pos_)
            if t.tag_:
                tags.add(t.tag_)
            if t.dep_:
                deps.add(t.dep_)
            if t.pos_:
                key = str(t.morph)
                feats[key] = feats.get(key, 0) + 1
    return {
        "upos": sorted(upos),
        "tag": sorted(tags),
        "feats": sorted(k for k, n in feats.items() if n >= MIN_FEATS),
        "dep": sorted(deps),
        "ner": ["O"] + [f"{p}-{label}" for label in NER_LABELS for p in ("B", "I")],
    }


def chunks(doc: Any, tokenizer: Any, labels: dict[str, list[str]]) -> list[Chunk]:
    """Split a training doc at sentence starts into runs that fit ``WINDOW - 2`` pieces."""
    index = {k: {v: i for i, v in enumerate(vs)} for k, vs in labels.items()}
    words = [t.text for t in doc]
    enc = tokenizer.encode(words, is_pretokenized=True, add_special_tokens=False)
    pieces_of: list[list[int]] = [[] for _ in words]
    for p, w in enumerate(enc.word_ids):
        if w is not None:
            pieces_of[w].append(enc.ids[p])
    for w, ps in enumerate(pieces_of):
        if not ps:
            pieces_of[w] = [100]  # [UNK]: a word the tokenizer drops (control characters)
    has_dep = doc.has_annotation("DEP")
    starts = [t.i for t in doc if t.is_sent_start] if has_dep else [0]
    bounds = [*starts[1:], len(doc)]
    sentences = list(zip(starts, bounds, strict=True))
    runs: list[tuple[int, int]] = []
    lo = hi = 0
    size = 0
    for s, e in sentences:
        n = sum(len(pieces_of[w]) for w in range(s, e))
        if size and size + n > WINDOW - 2:
            runs.append((lo, hi))
            lo, size = s, 0
        hi = e
        size += n
    runs.append((lo, hi))
    out: list[Chunk] = []
    for lo, hi in runs:
        # a run longer than a window (one long sentence, or a doc without sentences) is cut
        # into pieces of whole words; arcs across a cut carry no loss
        cut_lo = lo
        while cut_lo < hi:
            cut_hi, size = cut_lo, 0
            while cut_hi < hi and size + len(pieces_of[cut_hi]) <= WINDOW - 2:
                size += len(pieces_of[cut_hi])
                cut_hi += 1
            cut_hi = max(cut_hi, cut_lo + 1)
            out.append(_chunk(doc, pieces_of, cut_lo, cut_hi, index, has_dep))
            cut_lo = cut_hi
    return out


def _chunk(
    doc: Any, pieces_of: list[list[int]], lo: int, hi: int, index: dict[str, dict[str, int]], has_dep: bool
) -> Chunk:
    ids: list[int] = []
    case: list[int] = []
    first: list[int] = []
    shapes = case_ids([t.text for t in doc[lo:hi]])
    c = Chunk(ids, case, first, [], [], [], [], [], [], [])
    for w in range(lo, hi):
        t = doc[w]
        first.append(len(ids))
        ids.extend(pieces_of[w][: WINDOW - 2])
        case.extend([shapes[w - lo]] * len(pieces_of[w][: WINDOW - 2]))
        c.upos.append(index["upos"].get(t.pos_, -1) if t.pos_ else -1)
        c.tag.append(index["tag"].get(t.tag_, -1) if t.tag_ else -1)
        c.feats.append(index["feats"].get(str(t.morph), -1) if t.pos_ else -1)
        if has_dep:
            c.sent.append(1 if t.is_sent_start else 0)
            head = t.head.i
            c.head.append(head - lo if lo <= head < hi else -1)
            c.dep.append(index["dep"].get(t.dep_, -1) if lo <= head < hi else -1)
        else:
            c.sent.append(-1)
            c.head.append(-1)
            c.dep.append(-1)
        if t.ent_iob == 0:  # missing: the converter could not say
            c.ner.append(-1)
        elif t.ent_iob_ == "O":
            c.ner.append(0)
        else:
            c.ner.append(index["ner"].get(f"{t.ent_iob_}-{t.ent_type_}", 0))
    return c


def new_parser(labels: dict[str, list[str]]) -> Any:
    """all-MiniLM-L6-v2 (the pinned weights) with fresh heads for every annotation
    (:func:`sitrep.nlp.training.network.build`)."""
    from transformers import AutoModel

    from sitrep.nlp.training.network import build
    from sitrep.storylines.export_encoder import _model_dir

    return build(labels, AutoModel.from_pretrained(str(_model_dir())))


def _tensors(items: list[Chunk]) -> dict[str, Any]:
    import torch

    width = max(len(c.ids) for c in items) + 2
    words = max(len(c.first) for c in items)
    ids = torch.zeros((len(items), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    case = torch.zeros_like(ids)
    first = torch.zeros((len(items), words), dtype=torch.long)
    wmask = torch.zeros((len(items), words), dtype=torch.bool)
    sentid = torch.full((len(items), words), -1, dtype=torch.long)
    gold = {k: torch.full((len(items), words), -1, dtype=torch.long) for k in GOLD_FIELDS}
    for row, c in enumerate(items):
        k, n = len(c.ids), len(c.first)
        ids[row, 0], ids[row, k + 1] = CLS, SEP
        ids[row, 1 : k + 1] = torch.tensor(c.ids)
        case[row, 1 : k + 1] = torch.tensor(c.case)
        mask[row, : k + 2] = 1
        first[row, :n] = torch.tensor(c.first) + 1
        wmask[row, :n] = True
        for key in gold:
            gold[key][row, :n] = torch.tensor(getattr(c, key))
        # sentence of each word, for the arc candidates: gold starts, or one span if unknown
        sentid[row, :n] = torch.cumsum(torch.tensor([max(0, s) for s in c.sent]), 0)
    return {"ids": ids, "mask": mask, "case": case, "first": first, "wmask": wmask, "sentid": sentid, **gold}


LR_SCALES = (1.0, 0.5, 0.3)  # the rounds of the shipped model (docs/model.md)


def fine_tune(
    corpus: Path,
    workdir: Path,
    epochs: float = 3.0,
    batch: int = 16,
    threads: int = 2,
    init: Path | None = None,
    lr_scales: tuple[float, ...] = LR_SCALES,
) -> tuple[Any, dict[str, list[str]], dict[str, Any]]:
    """Train in rounds, each ``epochs`` passes over the chunks with the learning rates (1e-4
    encoder, 1e-3 heads) times its scale, warmed up over its first 5 % of steps and decayed
    linearly to zero; the next round starts from the weights the last one ended with, with
    a fresh optimizer and seed. Rounds, not one long schedule, because that is how the
    shipped model was made: three runs of 3 epochs, each chosen to go on after the previous
    one's EWT dev LAS (0.814, 0.838, 0.847) kept rising. ``init``: start from a state dict
    of an earlier run instead of the pretrained encoder. The checkpoint is saved every 500
    steps and at the end of every round."""
    import torch

    torch.set_num_threads(threads)
    tokenizer = wordpiece_tokenizer()
    docs = _docs(corpus, "ner_train")
    labels = label_sets(docs)
    fit = [c for d in docs for c in chunks(d, tokenizer, labels)]
    steps = int(epochs * len(fit) / batch)
    torch.manual_seed(0)
    model = new_parser(labels)
    if init is not None:
        model.load_state_dict(torch.load(init))
    workdir.mkdir(parents=True, exist_ok=True)
    rounds: list[dict[str, Any]] = []
    with (workdir / "train.log").open("w", encoding="utf-8") as log:
        for r, scale in enumerate(lr_scales):
            started = time.perf_counter()
            print(f"round {r} lr scale {scale} chunks {len(fit)} steps {steps}", file=log, flush=True)
            _round(model, fit, steps, batch, scale, workdir, log)
            torch.save(model.state_dict(), workdir / "model.pt")
            rounds.append({"lr_scale": scale, "seconds": round(time.perf_counter() - started)})
    model.eval()
    figures = {
        "chunks": len(fit),
        "steps_per_round": steps,
        "epochs_per_round": epochs,
        "batch": batch,
        "init": str(init) if init else None,
        "rounds": rounds,
    }
    return model, labels, figures


def _round(
    model: Any, fit: list[Chunk], steps: int, batch: int, scale: float, workdir: Path, log: Any
) -> None:
    import torch

    from sitrep.nlp.training.network import losses

    torch.manual_seed(0)
    rng = random.Random(0)
    encoder = list(model.bert.parameters())
    encoder_ids = {id(p) for p in encoder}
    heads = [p for p in model.parameters() if id(p) not in encoder_ids]
    opt = torch.optim.AdamW(
        [{"params": encoder, "lr": 1e-4 * scale}, {"params": heads, "lr": 1e-3 * scale}], weight_decay=0.01
    )
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, 1 - s / steps)
    )
    started = time.perf_counter()
    order: list[int] = []
    model.train()
    for step in range(steps):
        if not order:
            order = list(range(len(fit)))
            rng.shuffle(order)
        items = [fit[order.pop()] for _ in range(min(batch, len(order)))]
        loss = losses(model, _tensors(items))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        if step % 20 == 0:
            print(
                step,
                round(float(loss.detach()), 4),
                round(time.perf_counter() - started),
                file=log,
                flush=True,
            )
        if step and step % 500 == 0:
            torch.save(model.state_dict(), workdir / "model.pt")


def export(model: Any, labels: dict[str, list[str]], out: Path) -> Path:
    """``model.onnx`` (int8 weights per channel), ``heads.npz`` and ``labels.json`` in ``out``."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic  # type: ignore[import-untyped]

    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "model.fp32.onnx"
    dummy = torch.ones((2, 8), dtype=torch.long)
    names = [
        "upos",
        "tag",
        "feats",
        "sent",
        "ner",
        "arc_dep",
        "arc_head",
        "arc_head_b",
        "lab_dep",
        "lab_head",
    ]
    torch.onnx.export(
        model,
        (dummy, dummy, dummy),
        str(fp32),
        input_names=["input_ids", "attention_mask", "case_ids"],
        output_names=names,
        dynamic_axes={
            name: {0: "batch", 1: "pieces"} for name in ["input_ids", "attention_mask", "case_ids", *names]
        },
        opset_version=17,
        dynamo=False,
    )
    target = out / MODEL_FILE
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, per_channel=True)
    fp32.unlink()
    np.savez(out / HEADS_FILE, **model.root_arrays())
    (out / LABELS_FILE).write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    return target


def train(
    shared: Path,
    workdir: Path,
    out: Path,
    epochs: float,
    checkpoint: Path | None = None,
    *,
    init: Path | None = None,
    lr_scales: tuple[float, ...] = LR_SCALES,
    run_name: str = "accurate",
) -> dict[str, Any]:
    """Fine-tune (or export ``checkpoint``), export to ``out`` and write the card."""
    import torch

    corpus = workdir / "corpus"
    if not (corpus / "ner_train").is_dir():
        from sitrep.nlp.training.corpora import build_corpora

        build_corpora(shared, workdir)
    run = workdir / run_name
    if checkpoint is None:
        model, labels, figures = fine_tune(corpus, run, epochs=epochs, init=init, lr_scales=lr_scales)
        torch.save(model.state_dict(), run / "model.pt")
    else:
        labels = label_sets(_docs(corpus, "ner_train"))
        model = new_parser(labels)
        model.load_state_dict(torch.load(checkpoint))
        model.eval()
        figures = {"from_checkpoint": str(checkpoint)}
    export(model, labels, out)
    card = {
        "model": "all-MiniLM-L6-v2 fine-tuned jointly: UPOS, tag, features, sentence starts, "
        "BIO names, biaffine arcs",
        "trained_on": "sitrep train nlp DocBins ner_train: EWT train + GUM train (CC BY genres) "
        "+ re3d (names only)",
        "window": WINDOW,
        "context": CONTEXT,
        "training": figures,
    }
    (out / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    # the card first: the threshold is chosen by running the exported folder
    card["sentence_threshold"], card["sentence_threshold_dev"] = choose_sentence_threshold(out, shared)
    (out / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


SENTENCE_THRESHOLDS = (0.5, 0.4, 0.3, 0.2)


def choose_sentence_threshold(out: Path, shared: Path) -> tuple[float, dict[str, float]]:
    """The sentence-start threshold with the best LAS on EWT dev (whole documents, gold words).

    A start the network misses joins two sentences under one root; a spurious one splits a
    tree: the sentence score's one-half is not where LAS is best. The network runs once per
    document; only the decoding is repeated."""
    from sitrep.evaluation.nlp import evaluate_nlp
    from sitrep.nlp.accurate import FACTORY, AccurateAnnotator
    from sitrep.nlp.pipeline import ACCURATE, build_pipeline

    nlp = build_pipeline(ACCURATE, stages=False)
    nlp.replace_pipe(FACTORY, FACTORY, config={"directory": str(out)})
    annotator = nlp.get_pipe(FACTORY)
    assert isinstance(annotator, AccurateAnnotator)
    model = annotator.network
    cache: dict[tuple[str, ...], Any] = {}
    network = model.scores

    def cached(words: list[str]) -> Any:
        key = tuple(words)
        if key not in cache:
            cache[key] = network(words)
        return cache[key]

    model.scores = cached  # type: ignore[method-assign]
    las: dict[str, float] = {}
    for threshold in SENTENCE_THRESHOLDS:
        model.sentence_threshold = threshold
        result = evaluate_nlp(nlp, shared, corpora=("ewt",), split="dev")
        las[str(threshold)] = round(result.parse[0].las, 4)
    best = max(SENTENCE_THRESHOLDS, key=lambda t: las[str(t)])
    return best, las


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--shared-data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--workdir", type=Path, default=Path("training"))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--from-checkpoint", type=Path, default=None, help="export it, do not train")
    parser.add_argument("--init", type=Path, default=None, help="train on from this state dict")
    parser.add_argument(
        "--lr-scales",
        default=",".join(map(str, LR_SCALES)),
        help="one training round per learning-rate scale, comma-separated",
    )
    parser.add_argument("--run-name", default="accurate", help="WORKDIR/RUN_NAME gets the checkpoint")
    args = parser.parse_args(argv)
    card = train(
        args.shared_data,
        args.workdir,
        args.out or accurate_dir(),
        args.epochs,
        args.from_checkpoint,
        init=args.init,
        lr_scales=tuple(float(x) for x in args.lr_scales.split(",")),
        run_name=args.run_name,
    )
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
