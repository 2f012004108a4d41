"""ONNX Runtime sessions for sitrep's shipped encoders, opened one way.

Both encoders (storylines' sentence embeddings, attribution's role encoder) run on CPU,
with a fixed number of threads and no inter-op parallelism: sitrep scales by processes
(``--workers``, Dask, Spark), so a session must not take every core of the machine.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onnxruntime import InferenceSession  # type: ignore[import-untyped]
    from tokenizers import Tokenizer


def cpu_session(model: Path, threads: int = 1) -> InferenceSession:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    return ort.InferenceSession(str(model), sess_options=opts, providers=["CPUExecutionProvider"])


def tokenizer_path() -> Path:
    """The storyline encoder's WordPiece tokenizer; the fine-tuned encoders (attribution's
    roles, the accurate pipeline) keep its vocabulary, so one copy ships."""
    return Path(str(resources.files("sitrep") / "data" / "encoder" / "tokenizer.json"))


def wordpiece_tokenizer() -> Tokenizer:
    """That tokenizer with truncation and padding off: callers cut their own windows."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_path()))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer
