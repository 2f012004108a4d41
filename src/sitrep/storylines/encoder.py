"""Sentence embeddings from the shipped int8 ONNX MiniLM, with no torch at run time.

The model and tokenizer are package data (``sitrep/data/encoder``); the ONNX
graph already mean-pools and L2-normalises, so a dot product is the cosine.
Nothing loads until the first ``encode`` call, and the caller owns the
``Encoder`` object, so there is no module-level model cache to go stale.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from sitrep.inference import cpu_session

if TYPE_CHECKING:
    from onnxruntime import InferenceSession  # type: ignore[import-untyped]
    from tokenizers import Tokenizer

DIM = 384
MAX_TOKENS = 256

Matrix = npt.NDArray[np.float32]


def default_model_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data" / "encoder"))


class Encoder:
    """Embeds texts as unit vectors, one text per model run by default.

    The int8 model quantises activations dynamically, with one scale per run,
    so a text's vector shifts (by up to ~0.03) with whatever it is batched
    with. Storylines need a vector to be a function of its text alone: the
    store links a new article against vectors computed when older articles
    arrived, and must reach the batch result. ``batch_size`` > 1 (sorted by
    length, padding being the main cost) is about 1.5 times faster but is
    only for callers that never compare vectors from different calls.
    """

    def __init__(self, model_dir: Path | None = None, *, threads: int = 1, batch_size: int = 1) -> None:
        self.model_dir = model_dir or default_model_dir()
        self.threads = threads
        self.batch_size = batch_size
        self._session: InferenceSession | None = None
        self._tokenizer: Tokenizer | None = None

    def available(self) -> bool:
        return (self.model_dir / "model.onnx").is_file() and (self.model_dir / "tokenizer.json").is_file()

    def _load(self) -> tuple[InferenceSession, Tokenizer]:
        if self._session is None or self._tokenizer is None:
            from tokenizers import Tokenizer

            self._session = cpu_session(self.model_dir / "model.onnx", self.threads)
            tok = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
            tok.enable_truncation(MAX_TOKENS)
            tok.no_padding()
            self._tokenizer = tok
        return self._session, self._tokenizer

    def encode(self, texts: Sequence[str]) -> Matrix:
        """One row per text, in input order; an empty input gives a (0, 384) matrix."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        session, tok = self._load()
        encodings = tok.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for lo in range(0, len(order), self.batch_size):
            idx = order[lo : lo + self.batch_size]
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                seq = encodings[i].ids
                ids[row, : len(seq)] = seq
                mask[row, : len(seq)] = 1
            feeds: dict[str, Any] = {
                "input_ids": ids,
                "attention_mask": mask,
                "token_type_ids": np.zeros_like(ids),
            }
            (emb,) = session.run(["embedding"], feeds)
            out[idx] = np.asarray(emb, dtype=np.float32)
        return out
