"""The accurate variant's network (MiniLM and seven heads) and the loss it is trained on.

A module of its own that imports nothing else of sitrep's and torch only when called: the
recipe (:mod:`sitrep.nlp.training.accurate`) builds the shipped model with it, and the GPU
sweep (``benchmarks/sweep_accurate.py``) trains the very same network on a machine that has
torch and transformers but not spaCy.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["build", "losses"]

N_CASE = 5  # shape classes of sitrep.nlp.accurate.case_ids
CASE_DIM = 32


def build(labels: dict[str, list[str]], encoder: Any, *, ner_lstm: bool = False, drop: float = 0.2) -> Any:
    """Fresh heads for every annotation on top of ``encoder`` (a transformers BertModel).

    ``ner_lstm`` puts a BiLSTM (2 x 192) under the name classifier; the shipped model has
    none (the sweep found it no better). The module class is made here because torch is a
    build-time dependency only."""
    import torch
    from torch import nn

    class Parser(nn.Module):  # type: ignore[misc,unused-ignore]  # torch is optional: Any without it
        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert
            dim = bert.config.hidden_size + CASE_DIM
            self.case = nn.Embedding(N_CASE, CASE_DIM)
            self.drop = nn.Dropout(drop)
            self.upos = nn.Linear(dim, len(labels["upos"]))
            self.tag = nn.Linear(dim, len(labels["tag"]))
            self.feats = nn.Linear(dim, len(labels["feats"]))
            self.sent = nn.Linear(dim, 1)
            self.lstm = nn.LSTM(dim, 192, batch_first=True, bidirectional=True) if ner_lstm else None
            self.ner = nn.Linear(384 if ner_lstm else dim, len(labels["ner"]))
            self.arc_dep = nn.Sequential(nn.Linear(dim, 256), nn.GELU())
            self.arc_head = nn.Sequential(nn.Linear(dim, 256), nn.GELU())
            self.arc_w = nn.Linear(256, 256, bias=False)
            self.arc_b = nn.Linear(256, 1)
            self.lab_dep = nn.Sequential(nn.Linear(dim, 128), nn.GELU())
            self.lab_head = nn.Sequential(nn.Linear(dim, 128), nn.GELU())
            self.lab_out = nn.Linear(3 * 128, len(labels["dep"]))
            self.root = nn.Parameter(torch.zeros(dim).normal_(0, 0.5))

        def features(self, ids: Any, mask: Any, case: Any) -> Any:
            hidden = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
            return torch.cat([hidden, self.case(case)], -1)

        def names(self, x: Any) -> Any:
            return self.ner(self.lstm(x)[0] if self.lstm is not None else x)

        def forward(self, input_ids: Any, attention_mask: Any, case_ids: Any) -> tuple[Any, ...]:
            """The exported graph: per word piece, every head's scores and projections."""
            x = self.features(input_ids, attention_mask, case_ids)
            arc_h = self.arc_head(x)
            return (
                torch.log_softmax(self.upos(x), -1),
                torch.log_softmax(self.tag(x), -1),
                torch.log_softmax(self.feats(x), -1),
                torch.sigmoid(self.sent(x)).squeeze(-1),
                torch.log_softmax(self.names(x), -1),
                self.arc_w(self.arc_dep(x)),
                arc_h,
                self.arc_b(arc_h).squeeze(-1),
                self.lab_dep(x),
                self.lab_head(x),
            )

        def arc_scores(self, x: Any, sentid: Any, wmask: Any) -> Any:
            """Per word, a score for the root (column 0) and for each word of its sentence."""
            n = x.shape[1]
            dep = self.arc_w(self.arc_dep(x))  # B x W x 256
            head = self.arc_head(x)
            root = self.arc_head(self.root)
            scores = dep @ head.transpose(1, 2) + self.arc_b(head).transpose(1, 2)  # B x W(dep) x W(head)
            root_scores = dep @ root + self.arc_b(root)  # B x W
            same = sentid.unsqueeze(2) == sentid.unsqueeze(1)
            eye = torch.eye(n, dtype=torch.bool, device=x.device).unsqueeze(0)
            allowed = same & wmask.unsqueeze(1) & ~eye
            scores = scores.masked_fill(~allowed, -1e4)
            return torch.cat([root_scores.unsqueeze(-1), scores], -1)

        def arc_labels(self, x: Any, heads: Any) -> Any:
            """Label scores of each word's arc to ``heads`` (a word that is its own head: the root)."""
            idx = torch.arange(x.shape[1], device=x.device).unsqueeze(0)
            lab_d = self.lab_dep(x)
            lab_h_all = self.lab_head(x)
            safe = heads.clamp(min=0)
            lab_h = torch.gather(lab_h_all, 1, safe.unsqueeze(-1).expand(-1, -1, lab_h_all.shape[-1]))
            is_root = (heads == idx).unsqueeze(-1)
            lab_h = torch.where(is_root, self.lab_head(self.root).expand_as(lab_h), lab_h)
            return self.lab_out(torch.cat([lab_d, lab_h, lab_d * lab_h], -1))

        def root_arrays(self) -> dict[str, npt.NDArray[np.float32]]:
            """The constant parts the run-time scores with numpy: the root's projections
            and the label classifier."""
            with torch.no_grad():
                root_h = self.arc_head(self.root)
                return {
                    "root_arc": root_h.numpy(),
                    "root_arc_b": self.arc_b(root_h).numpy(),
                    "root_lab": self.lab_head(self.root).numpy(),
                    "lab_w": self.lab_out.weight.numpy().T.copy(),
                    "lab_b": self.lab_out.bias.numpy(),
                }

    return Parser(encoder)


def losses(model: Any, batch: dict[str, Any], *, ner_weight: float = 1.0, ner_only: bool = False) -> Any:
    """The summed loss of every head on a batch of words (gold -1 = no loss).

    ``batch``: ``ids``, ``mask``, ``case`` (pieces); ``first`` (each word's first piece),
    ``wmask``, ``sentid`` and the gold ``upos``, ``tag``, ``feats``, ``sent``, ``head``,
    ``dep``, ``ner`` (words)."""
    import torch
    from torch.nn.functional import binary_cross_entropy_with_logits, cross_entropy

    x = model.features(batch["ids"], batch["mask"], batch["case"])
    x = torch.gather(x, 1, batch["first"].unsqueeze(-1).expand(-1, -1, x.shape[-1]))
    x = model.drop(x)

    def ce(logits: Any, gold: Any) -> Any:
        if (gold >= 0).sum() == 0:
            return logits.sum() * 0.0
        flat = logits.reshape(-1, logits.shape[-1]).float()
        return cross_entropy(flat, gold.reshape(-1), ignore_index=-1)

    names = ce(model.names(x), batch["ner"])
    if ner_only:
        return names
    loss = (
        ce(model.upos(x), batch["upos"]) + ce(model.tag(x), batch["tag"]) + ce(model.feats(x), batch["feats"])
    )
    loss = loss + ner_weight * names
    known = batch["sent"] >= 0
    if known.any():
        starts = model.sent(x).squeeze(-1)[known].float()
        loss = loss + binary_cross_entropy_with_logits(starts, batch["sent"][known].float())
    heads = batch["head"]
    if (heads >= 0).any():
        idx = torch.arange(x.shape[1], device=x.device).unsqueeze(0)
        target = torch.where(heads == idx, torch.zeros_like(heads), heads + 1)  # root = class 0
        target = torch.where(heads >= 0, target, torch.full_like(heads, -1))
        loss = loss + ce(model.arc_scores(x, batch["sentid"], batch["wmask"]), target)
        loss = loss + ce(model.arc_labels(x, heads), batch["dep"])
    return loss
